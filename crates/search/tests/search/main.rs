//! Black-box tests of the search crate, on the relevance test set in
//! `tests/data/`.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod corpus;
mod lifecycle;
mod permission;
mod relevance;
mod similar;
