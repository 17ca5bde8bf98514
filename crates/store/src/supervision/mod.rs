//! 民主监督 in the database. The whole topic record is loaded,
//! `domain::supervision::apply` decides, and the result is saved with an
//! optimistic version check, its history row, the unit projection, the
//! deadline-warning jobs, the units' notifications and the audit entry in
//! one transaction.

mod read;
mod warnings;
mod write;

pub use read::{
    board, committees_of, history, load, unit_queue, BoardFilter, BoardRow, HistoryRow, QueueRow,
    Stored,
};
pub use warnings::WARNING_KIND;
pub use write::{act, create, setting_for, Setting, KIND_TOPIC};
pub(crate) use write::{history_row, insert_row, write_record};
