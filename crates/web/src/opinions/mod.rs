//! 社情民意信息: members (and staff) write and submit short reports; staff
//! edit them (the original kept beside), review, sign off, and adopt or
//! keep them. Every change goes through `domain::opinion::apply` via
//! `store::opinion`; the pages only turn forms into actions.

mod act;
mod list;
mod new;
mod record;

pub use act::{action_from, input_of, visible, who, Form};
pub use record::offers;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/opinions", get(list::page).post(new::create))
        .route("/opinions/new", get(new::page))
        .route("/opinions/{id}", get(record::page))
        .route("/opinions/{id}/act", post(act::act))
}
