//! 社情民意信息 in the database. The whole rules record is loaded,
//! `domain::opinion::apply` decides, and the result is saved with an
//! optimistic version check, its history row and audit entry in one
//! transaction. Links between items are in [`crate::links`].

pub mod bulletin;
mod convert;
pub mod instruct;
mod read;
pub mod search;
pub mod stats;
mod stats_members;
pub mod tables;
pub mod upward;
mod write;

pub use convert::convert_proposal;
pub use read::{history, list, load, HistoryRow, OpinionFilter, OpinionRow, Stored};
pub use upward::{chain, record_national, report_upward, upward_of, ChainStep, UpwardRow};
pub use write::{act, create, create_in, policy_for};

/// The kinds of item a link names.
pub const KIND_PROPOSAL: &str = "proposal";
pub const KIND_OPINION: &str = "opinion";
