//! Black-box tests of the web application over HTTP.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod attachments;
mod audit;
mod auth;
mod bulk_assign;
mod collective;
mod common;
mod documents;
mod elder;
mod letters;
mod mail;
mod members;
mod opinion_loop;
mod opinions;
mod permissions;
mod proposal_handling;
mod proposal_search;
mod proposal_stats;
mod proposals;
mod record_permissions;
mod settings;
mod stations;
mod supervision;
mod wide_lists;
