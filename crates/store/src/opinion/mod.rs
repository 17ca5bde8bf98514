//! 社情民意信息 in the database. The whole rules record is loaded,
//! `domain::opinion::apply` decides, and the result is saved with an
//! optimistic version check, its history row and audit entry in one
//! transaction. Links between items (`item_links`) live here too.

pub mod bulletin;
mod convert;
pub mod instruct;
mod read;
pub mod search;
pub mod stats;
pub mod tables;
pub mod upward;
mod write;

pub use convert::convert_proposal;
pub(crate) use convert::link;
pub use read::{history, links, list, load, HistoryRow, Link, OpinionFilter, OpinionRow, Stored};
pub use upward::{chain, record_national, report_upward, upward_of, ChainStep, UpwardRow};
pub use write::{act, create, policy_for};

/// The kinds of item a link names.
pub const KIND_PROPOSAL: &str = "proposal";
pub const KIND_OPINION: &str = "opinion";
/// A link's relation, read from its `from` item.
pub const CONVERTED_TO: &str = "converted_to";
pub const CONVERTED_FROM: &str = "converted_from";
