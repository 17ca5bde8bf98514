//! Pure business rules of Zhengxie. No IO, no async, no SQL.
//!
//! Every other crate turns raw input into these types at its edge and asks
//! these functions what is allowed.

pub mod audit;
pub mod calendar;
pub mod catalog;
pub mod field;
pub mod files;
pub mod ids;
pub mod letter;
pub mod member;
pub mod opinion;
pub mod org;
pub mod permission;
pub mod proposal;
pub mod refusal;
pub mod role;
pub mod security;
pub mod settings;
pub mod station;
pub mod supervision;
pub mod tracking;

pub use field::{FieldError, FieldErrors};
pub use ids::*;
pub use role::Role;
