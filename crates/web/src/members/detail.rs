//! A member's record: key facts, masked personal data (shown in full only
//! to roles that need it, and audited), history, and the allowed actions.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::permission::{Action, Target};
use domain::MemberId;
use serde::Deserialize;
use store::audit::{self, Event};
use store::member::Member;

use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, when};

#[derive(Template)]
#[template(path = "members/detail.html")]
struct DetailPage {
    shell: Shell,
    m: Member,
    /// Decrypted phone and ID number, when revealed.
    revealed: Option<(String, String)>,
    can_edit: bool,
    can_reveal: bool,
    history: Vec<(String, String, String)>,
}

async fn load(state: &AppState, user: &User, id: i64) -> WebResult<Member> {
    user.may(Action::ViewMembers, Target::None)?;
    let member =
        store::member::get_member(&state.db, &user.live.account.org_path, MemberId(id)).await?;
    user.may(
        Action::ViewMembers,
        Target::Member(&member.org_path, member.row.id),
    )?;
    Ok(member)
}

async fn show(
    state: &AppState,
    user: &User,
    m: Member,
    revealed: Option<(String, String)>,
    notice: Notice,
) -> WebResult<Response> {
    let history = store::audit::for_target(&state.db, "member", &m.row.id.to_string(), 20)
        .await?
        .into_iter()
        .map(|e| (when(Some(e.at)), e.actor_login, e.summary))
        .collect();
    render(DetailPage {
        shell: Shell::new(user, m.row.name.clone(), "/members").notice(notice),
        can_edit: user
            .may(Action::EditMembers, Target::Member(&m.org_path, m.row.id))
            .is_ok(),
        can_reveal: user
            .may(
                Action::ViewMemberPersonalData,
                Target::Member(&m.org_path, m.row.id),
            )
            .is_ok(),
        m,
        revealed,
        history,
    })
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let member = load(&state, &user, id).await?;
    show(&state, &user, member, None, notice).await
}

#[derive(Deserialize)]
pub struct Nothing {}

/// Shows the full phone and ID number once, and records that it was shown.
pub async fn reveal(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let member = load(&state, &user, id).await?;
    user.may(
        Action::ViewMemberPersonalData,
        Target::Member(&member.org_path, member.row.id),
    )?;
    let full = store::member::personal_data(&state.db, &state.cipher, member.row.id).await?;
    let summary = format!("查看委员完整个人信息：{}", member.row.name);
    audit::record(
        &state.db,
        state.now(),
        &user.who(),
        Event::new("member.view_personal", "member", member.row.id, summary),
    )
    .await?;
    show(&state, &user, member, Some(full), Notice::default()).await
}

async fn set_active(state: AppState, user: User, id: i64, active: bool) -> WebResult<Response> {
    let member = load(&state, &user, id).await?;
    user.may(
        Action::EditMembers,
        Target::Member(&member.org_path, member.row.id),
    )?;
    store::member::set_active(&state.db, state.now(), &user.who(), &member, active).await?;
    Ok(done(
        &format!("/members/{id}"),
        if active { "activated" } else { "deactivated" },
    ))
}

pub async fn deactivate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    set_active(state, user, id, false).await
}

pub async fn activate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    set_active(state, user, id, true).await
}
