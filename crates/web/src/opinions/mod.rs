//! 社情民意信息: members (and staff) write and submit short reports; staff
//! edit them (the original kept beside), review, sign off, and adopt or
//! keep them. Every change goes through `domain::opinion::apply` via
//! `store::opinion`; the pages only turn forms into actions.

mod act;
pub mod after;
pub mod bulletins;
mod list;
mod new;
mod record;
pub mod search;
pub mod stats;

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
        .route(
            "/opinions/bulletins",
            get(bulletins::list).post(bulletins::new),
        )
        .route("/opinions/bulletins/{id}", get(bulletins::page))
        .route("/opinions/bulletins/{id}/act", post(bulletins::act))
        .route("/opinions/bulletins/{id}/docx", get(bulletins::docx))
        .route("/opinions/stats", get(stats::page))
}
