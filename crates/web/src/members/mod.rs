//! 委员管理: the member list, a member's record, the member form, import
//! and export. Staff see their organisation and every one below it.

mod by_names;
mod detail;
mod form;
mod import;
mod list;

pub use by_names::by_names;

use axum::routing::{get, post};
use axum::Router;
use domain::member::{Party, Post};
use serde::Deserialize;
use store::member::MemberFilter;

use crate::state::AppState;
use crate::view::opt_id;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/members", get(list::page).post(form::create))
        .route("/members/export.xlsx", get(list::export))
        .route("/members/new", get(form::new_page))
        .route("/members/import", get(import::page).post(import::upload))
        .route("/members/import/template.xlsx", get(import::template))
        .route("/members/import/{batch}/confirm", post(import::confirm))
        .route("/members/{id}", get(detail::page).post(form::update))
        .route("/members/{id}/edit", get(form::edit_page))
        .route("/members/{id}/reveal", post(detail::reveal))
        .route("/members/{id}/deactivate", post(detail::deactivate))
        .route("/members/{id}/activate", post(detail::activate))
}

/// The list filters as they arrive in the query string.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FilterQuery {
    pub q: String,
    pub org_id: String,
    pub sector: String,
    pub committee: String,
    pub party: String,
    pub post: String,
    pub status: String,
    pub page: String,
}

impl FilterQuery {
    pub fn filter(&self) -> MemberFilter {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        MemberFilter {
            q: text(&self.q),
            org_id: opt_id(&self.org_id),
            sector: text(&self.sector),
            committee: text(&self.committee),
            party: Party::parse(&self.party),
            post: Post::parse(&self.post),
            inactive: self.status == "inactive",
        }
    }

    pub fn page(&self) -> i64 {
        self.page.parse().unwrap_or(1).max(1)
    }

    /// The filters as query pairs, for pagination and export links.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("q", self.q.clone()),
            ("org_id", self.org_id.clone()),
            ("sector", self.sector.clone()),
            ("committee", self.committee.clone()),
            ("party", self.party.clone()),
            ("post", self.post.clone()),
            ("status", self.status.clone()),
        ]
    }
}
