//! 提案: members draft and submit, staff review and assign, units answer,
//! proposers rate. Every change goes through `domain::proposal::apply` via
//! `store::proposal::act`; the pages only turn forms into actions.

mod act;
mod assign;
mod assign_plan;
mod collective;
mod draft;
mod drill;
pub(crate) mod form;
mod list;
mod offers;
mod record;
mod stats;

pub use act::{action_from, letter_kind, resolve_merge_target};
pub use draft::current_term;
pub use list::filter_for;
pub use offers::{offers, Offer};
pub use record::record_with_attach_error;

use axum::routing::{get, post};
use axum::Router;
use domain::org::OrgPath;
use domain::proposal::Who;
use domain::{MemberId, Role, UnitId, UserId};
use store::proposal::Stored;

use crate::auth::User;
use crate::state::AppState;

// Documents: the Word form, the Excel list and the 提案汇编 job.
pub mod compendium;
mod documents;
mod export;

pub use documents::{document_of, form_download, visible_record};
pub use export::{list_filter, stream_xlsx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/proposals", get(list::page).post(draft::create))
        .route("/proposals/new", get(draft::new_page))
        .route("/proposals/stats", get(stats::page))
        .route("/proposals/stats.xlsx", get(stats::xlsx))
        .route("/proposals/assign", get(assign::page).post(assign::apply))
        .route("/proposals/assign/plan.xlsx", get(assign_plan::template))
        .route("/proposals/assign/plan", post(assign_plan::upload))
        .route("/proposals/export.xlsx", get(export::export))
        .route(
            "/proposals/compendium",
            get(compendium::page).post(compendium::start),
        )
        .route("/proposals/compendium/{id}", get(compendium::status))
        .route("/proposals/compendium/{id}/download", get(compendium::file))
        .route("/proposals/{id}/form.docx", get(documents::form))
        .route("/proposals/{id}", get(record::page))
        .route(
            "/proposals/{id}/edit",
            get(draft::edit_page).post(draft::save),
        )
        .route("/proposals/{id}/autosave", post(draft::autosave))
        .route("/proposals/{id}/submit", post(draft::submit))
        .route("/proposals/{id}/cosigners", post(draft::invite))
        .route("/proposals/{id}/act", post(act::act))
}

/// Who works on proposals, as the rules and the lists need it: a logged-in
/// account, or an API token acting for one member or one unit. The pages
/// and the API ask the same functions with it.
#[derive(Debug, Clone)]
pub struct Participant {
    /// The account; an API token has none and acts as `UserId(0)`, which
    /// is never an author, a rater or the system.
    pub user: UserId,
    pub role: Role,
    pub org_path: OrgPath,
    /// The member this account (or token call) acts for.
    pub member: Option<MemberId>,
    /// The handling unit this account (or token call) works for.
    pub unit: Option<UnitId>,
}

impl From<&User> for Participant {
    fn from(user: &User) -> Self {
        let a = &user.live.account;
        Participant {
            user: a.id,
            role: a.role,
            org_path: a.org_path.clone(),
            member: a.member_id,
            unit: a.unit_id,
        }
    }
}

/// Who the rules see: the facts about this account. All staff of the
/// committee handle proposals for now; a 提案委-only business line is a
/// later setting.
pub fn who(p: &Participant) -> Who {
    match (p.role, p.member, p.unit) {
        (Role::Member, Some(member), _) => Who::member(p.user, member),
        (Role::Staff, _, _) => Who::proposal_staff(p.user),
        (Role::UnitClerk, _, Some(unit)) => Who::unit_clerk(p.user, unit),
        (Role::Leader, _, _) => Who::leader(p.user),
        _ => Who::account(p.user),
    }
}

/// Whether a user may see a proposal at all: its proposers and author, the
/// units it was assigned to, and staff and leaders of its organisation or
/// above. Anyone else gets 404.
pub fn visible(who: &Participant, stored: &Stored) -> bool {
    let p = &stored.proposal;
    let in_scope = who.org_path.contains(&stored.org_path);
    match who.role {
        Role::Staff | Role::Leader => in_scope,
        Role::UnitClerk => who
            .unit
            .is_some_and(|u| p.tracking.assignments.iter().any(|x| x.unit == u)),
        Role::Member => {
            p.author_account == who.user
                || who.member.is_some_and(|m| {
                    p.proposers().contains(&m) || p.cosigners.iter().any(|c| c.member == m)
                })
        }
        _ => false,
    }
}
