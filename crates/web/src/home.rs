//! The home page: what this user needs first. A member sees their profile
//! and the (for now empty) 我的履职 area; staff and leaders see their scope.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::permission::Action;
use domain::Role;
use store::member::{Member, MemberFilter};

use crate::auth::User;
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::render;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    role: Role,
    member: Option<Member>,
    org_name: String,
    member_count: Option<i64>,
    district_count: usize,
    admin_links: Vec<(&'static str, &'static str, &'static str)>,
    /// Proposals this member proposes, or assigned to this clerk's unit.
    proposals: Option<i64>,
    /// This member's 社情民意信息.
    opinions: i64,
}

async fn home(State(state): State<AppState>, user: User, notice: Notice) -> WebResult<Response> {
    let account = &user.live.account;
    let member = match account.member_id {
        Some(id) => store::member::get_member(&state.db, &account.org_path, id)
            .await
            .ok(),
        None => None,
    };
    let member_count = if user.can(Action::ViewMembers) {
        // The member list's first page, cached until the directory changes
        // (counting a national scope takes a good part of a second).
        Some(
            state
                .member_page(&user, &MemberFilter::default(), 1, 20)
                .await?
                .total,
        )
    } else {
        None
    };
    let district_count = if user.can(Action::ViewStructure) {
        store::org::list_orgs(&state.db, &account.org_path)
            .await?
            .len()
            .saturating_sub(1)
    } else {
        0
    };
    let admin_links = domain::permission::navigation(account.role)
        .into_iter()
        .filter(|e| e.path != "/" && e.path != "/me")
        .map(|e| (e.path, e.label, e.hint))
        .collect();
    let filter = match (account.role, account.member_id, account.unit_id) {
        (Role::Member, Some(m), _) => Some(store::proposal::ProposalFilter {
            member: Some(m),
            author: Some(account.id),
            ..Default::default()
        }),
        (Role::UnitClerk, _, Some(u)) => Some(store::proposal::ProposalFilter {
            unit: Some(u),
            ..Default::default()
        }),
        _ => None,
    };
    let proposals = match filter {
        Some(f) => Some(store::proposal::list(&state.db, &f, 1, 1).await?.total),
        None => None,
    };
    let opinions = match (account.role, account.member_id) {
        (Role::Member, member @ Some(_)) => {
            let mine = store::opinion::OpinionFilter {
                mine: Some((account.id, member)),
                ..Default::default()
            };
            store::opinion::list(&state.db, &mine, 1, 1).await?.total
        }
        _ => 0,
    };
    render(HomePage {
        opinions,
        proposals,
        shell: Shell::new(&user, "首页", "/").notice(notice),
        role: account.role,
        member,
        org_name: account.org_name.clone(),
        member_count,
        district_count,
        admin_links,
    })
}
