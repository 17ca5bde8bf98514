//! 提案: members draft and submit, staff review and assign, units answer,
//! proposers rate. Every change goes through `domain::proposal::apply` via
//! `store::proposal::act`; the pages only turn forms into actions.

mod act;
mod draft;
mod list;
mod record;
mod stats;

use axum::routing::{get, post};
use axum::Router;
use domain::proposal::Who;
use domain::Role;
use store::proposal::Stored;

use crate::auth::User;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/proposals", get(list::page).post(draft::create))
        .route("/proposals/new", get(draft::new_page))
        .route("/proposals/stats", get(stats::page))
        .route("/proposals/{id}", get(record::page))
        .route(
            "/proposals/{id}/edit",
            get(draft::edit_page).post(draft::save),
        )
        .route("/proposals/{id}/autosave", post(draft::autosave))
        .route("/proposals/{id}/submit", post(draft::submit))
        .route("/proposals/{id}/act", post(act::act))
}

/// Who the rules see: the facts about this account. All staff of the
/// committee handle proposals for now; a 提案委-only business line is a
/// later setting.
pub fn who(user: &User) -> Who {
    let a = &user.live.account;
    match (a.role, a.member_id, a.unit_id) {
        (Role::Member, Some(member), _) => Who::member(a.id, member),
        (Role::Staff, _, _) => Who::proposal_staff(a.id),
        (Role::UnitClerk, _, Some(unit)) => Who::unit_clerk(a.id, unit),
        (Role::Leader, _, _) => Who::leader(a.id),
        _ => Who::account(a.id),
    }
}

/// Whether a user may see a proposal at all: its proposers and author, the
/// units it was assigned to, and staff and leaders of its organisation or
/// above. Anyone else gets 404.
pub fn visible(user: &User, stored: &Stored) -> bool {
    let a = &user.live.account;
    let p = &stored.proposal;
    let in_scope = a.org_path.contains(&stored.org_path);
    match a.role {
        Role::Staff | Role::Leader => in_scope,
        Role::UnitClerk => a
            .unit_id
            .is_some_and(|u| p.tracking.assignments.iter().any(|x| x.unit == u)),
        Role::Member => {
            p.author_account == a.id
                || a.member_id.is_some_and(|m| {
                    p.proposers().contains(&m) || p.cosigners.iter().any(|c| c.member == m)
                })
        }
        _ => false,
    }
}
