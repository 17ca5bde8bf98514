//! 意见建议 and 委员来信 (letters) in the database. A proposal at review
//! becomes one in the same transaction as its Convert step (`convert`);
//! afterwards `domain::letter::apply` decides every step and the result is
//! saved with a version check, history, unit projection, notifications and
//! the audit entry together (`write`).

mod convert;
mod read;
mod write;

pub use convert::{convert_proposal, linked_item};
pub use read::{for_proposal, history, list, load, LetterFilter, LetterRow, Stored};
pub use write::{act, policy_for};

/// The kind a letter has in `item_links` (both kinds share it: the record
/// says which).
pub const KIND_LETTER: &str = "letter";
/// The job kind of a letter's deadline warnings (handled by the web layer).
pub const WARNING_KIND: &str = "letter.warning";
