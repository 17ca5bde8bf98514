//! Proposals (提案) in the database. The whole rules record is loaded,
//! `domain::proposal::apply` decides, and the result is saved with an
//! optimistic version check, its history row and its projections in one
//! transaction.

mod bulk;
mod due;
mod merge;
mod narrow;
pub mod plan_sheet;
mod project;
mod read;
mod stats;
mod stats_xlsx;
pub mod warnings;
mod wide;
mod write;

pub use bulk::{
    assignable, bulk_assign, parse_mode, units_of, Assignable, BulkError, PlanRow, ProposalRef,
    RowProblem, UnitRef,
};
pub use due::{unit_dues, UnitDue};
pub use merge::{find_by_number, merged_into};
pub use read::{
    history, ids_after, list, load, load_after, load_many, HistoryRow, ProposalFilter, ProposalRow,
    SectorFilter, Stored,
};
pub use stats::{statistics, StatsFilter};
pub use stats_xlsx::stats_workbook;
pub use wide::{CountCache, COUNT_CAP};
pub(crate) use write::transition;
pub use write::{act, autosave, create_draft, create_draft_in, Setting};

/// Where a proposal's members stand, for "my proposals" and invitations.
pub(crate) const ROLE_INITIATOR: &str = "initiator";
pub(crate) const ROLE_COSIGNER: &str = "cosigner";

// Bulk output: the Excel list and the compendium's pages.
pub mod compendium;
pub mod export;
