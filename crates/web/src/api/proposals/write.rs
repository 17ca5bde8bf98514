//! Changing proposals: start a draft, save it, submit it, and every later
//! step. Each goes through `store::proposal`, which asks the rules, so a
//! refusal is the rules' own Chinese message: 403 when this caller may
//! never do it, 409 when the proposal is not in a state that allows it (or
//! someone changed it first), 422 when the data is wrong.

use axum::extract::State;
use axum::response::Response;
use domain::proposal::{Action, Proposer};
use domain::{ProposalId, Role};
use store::proposal::Setting;

use super::acting::{Acting, ActingQuery};
use super::json::DraftBody;
use super::read::record;
use super::record::ProposalOut;
use super::step::ActionBody;
use crate::api::created;
use crate::api::input::{Id, Json};
use crate::error::{ApiResult, WebError};
use crate::proposals::{action_from, current_term};
use crate::state::AppState;

async fn reread(state: &AppState, acting: &Acting, id: i64) -> ApiResult<Json<ProposalOut>> {
    let stored = acting.load(state, id).await?;
    Ok(Json(record(state, acting, stored).await?))
}

/// 起草提案（委员令牌，以 as_member 指明委员）。草稿记在该委员本人的账号名下，
/// 委员在网页上也能继续修改；该委员须已开通账号。草稿可以不完整。
/// 集体提案的起草暂不经接口办理。
#[utoipa::path(post, path = "/proposals", tag = "提案", params(ActingQuery), request_body = DraftBody,
    responses((status = 201, description = "已保存草稿", body = ProposalOut)))]
pub async fn create(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<DraftBody>,
) -> ApiResult<Response> {
    if acting.me.role != Role::Member {
        return Err(WebError::Forbidden.into());
    }
    let member = acting.me.member.ok_or(WebError::Forbidden)?;
    let account = acting.member_account(&state).await?;
    let term = current_term(&state, &account.org_path, account.org_id).await?;
    let who = domain::proposal::Who::member(account.id, member);
    let id = store::proposal::create_draft(
        &state.db,
        state.now(),
        &acting.audit(),
        &who,
        account.org_id,
        term,
        state.today().year(),
        Proposer::Member(member),
        &body.input(),
    )
    .await?;
    let Json(out) = reread(&state, &acting, id.0).await?;
    Ok(created(&format!("/proposals/{id}"), out))
}

/// 保存草稿（自动保存）：提交全部字段，可以不完整；退回修改的提案也在这里修改
#[utoipa::path(put, path = "/proposals/{id}/draft", tag = "提案", params(("id" = i64, Path), ActingQuery),
    request_body = DraftBody,
    responses((status = 200, description = "已保存", body = ProposalOut)))]
pub async fn save_draft(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<DraftBody>,
) -> ApiResult<Json<ProposalOut>> {
    acting.load(&state, id).await?;
    store::proposal::autosave(
        &state.db,
        state.now(),
        &acting.audit(),
        &acting.who(),
        ProposalId(id),
        &body.input(),
    )
    .await?;
    reread(&state, &acting, id).await
}

/// 提交提案：逐项检查已保存的草稿，有误时返回 422 及各字段的提示，草稿不变
#[utoipa::path(post, path = "/proposals/{id}/submit", tag = "提案", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "已提交", body = ProposalOut)))]
pub async fn submit(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<ProposalOut>> {
    let stored = acting.load(&state, id).await?;
    let setting = Setting::for_org(&state.db, stored.proposal.org).await?;
    // As on the page, which saves the text first: only the author, and only
    // while the text may change, gets as far as the field checks.
    domain::proposal::apply(
        &stored.proposal,
        &Action::EditDraft,
        &acting.who(),
        &setting.context(state.now()),
    )
    .map_err(WebError::Refused)?;
    let content = stored
        .text
        .parse(&setting.policy.categories)
        .map_err(WebError::Invalid)?;
    store::proposal::act(
        &state.db,
        state.now(),
        &acting.audit(),
        &acting.who(),
        ProposalId(id),
        Action::Submit { content },
    )
    .await?;
    reread(&state, &acting, id).await
}

/// 办理一步：`do` 为操作代码（与网页表单相同），其余字段按操作填写。
/// 不能由调用者进行的返回 403，提案当前环节不允许的返回 409，填写有误的返回 422；
/// 两人同时办理同一件提案时，后到的返回 409，不会重复办理
#[utoipa::path(post, path = "/proposals/{id}/actions", tag = "提案", params(("id" = i64, Path), ActingQuery),
    request_body = ActionBody,
    responses(
        (status = 200, description = "已办理，返回办理后的提案", body = ProposalOut),
        (status = 409, description = "提案当前环节不允许此操作，或刚被他人处理过", body = crate::api::Problem,
            content_type = "application/problem+json"),
    ))]
pub async fn act(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<ActionBody>,
) -> ApiResult<Json<ProposalOut>> {
    let mut form = body.form()?;
    let stored = acting.load(&state, id).await?;
    crate::proposals::resolve_merge_target(&state.db, &acting.me, &stored, &mut form).await?;
    let who = acting.who();
    let action = action_from(
        &acting.me,
        stored.proposal.rater_for(&who),
        state.today(),
        &form,
    )?;
    if let Action::Convert {
        to: domain::proposal::LinkedItem::Letter(_) | domain::proposal::LinkedItem::Suggestion(_),
    } = action
    {
        // 转为意见建议 / 转委员来信: the store creates the letter and
        // converts in one transaction.
        let reason = form.get("reason").cloned().unwrap_or_default();
        store::letter::convert_proposal(
            &state.db,
            state.now(),
            &acting.audit(),
            &who,
            ProposalId(id),
            crate::proposals::letter_kind(&form),
            &reason,
        )
        .await?;
        return reread(&state, &acting, id).await;
    }
    if matches!(action, Action::Convert { .. }) {
        // The store creates the report and converts in one transaction.
        let reason = form.get("reason").cloned();
        let staff = domain::opinion::Who {
            user: Some(acting.me.user),
            member: None,
            staff: acting.me.role == domain::Role::Staff,
        };
        store::opinion::convert_proposal(
            &state.db,
            state.now(),
            &acting.audit(),
            &who,
            &staff,
            ProposalId(id),
            reason.map(|r| r.trim().to_string()),
        )
        .await?;
        return reread(&state, &acting, id).await;
    }
    store::proposal::act(
        &state.db,
        state.now(),
        &acting.audit(),
        &who,
        ProposalId(id),
        action,
    )
    .await?;
    reread(&state, &acting, id).await
}
