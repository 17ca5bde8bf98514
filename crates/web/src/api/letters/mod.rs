//! `/letters`: 意见建议 and 委员来信 through the API, with the pages' own
//! rules (`domain::letter::relation`, `domain::letter::apply`, and the
//! pages' step function `letters::action_from`). A proposal becomes a
//! letter through `POST /proposals/{id}/actions` with `do` =
//! `convert_letter` or `convert_suggestion`. Tokens act as for proposals:
//! a member token names its member with `as_member`, a unit token its unit
//! with `as_unit`.

use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;
use domain::letter::{LetterKind, LetterStage};
use domain::permission::{Action as Permission, Target};
use domain::FieldErrors;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::api::input::{field_text, paging, ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::api::ListPage;
use crate::error::{ApiResult, WebError};
use crate::letters::{load_letter, unit_name, unit_options};
use crate::proposals::form::Form;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/letters", get(list))
        .route("/letters/{id}", get(read))
        .route("/letters/{id}/forward", post(forward))
        .route("/letters/{id}/reply", post(reply))
        .route("/letters/{id}/accept", post(accept))
        .route("/letters/{id}/close", post(close))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "意见建议与委员来信", description = "提案审查时转为意见建议或委员来信的件：列表、查看、转交承办单位（共用交办跟踪机制）、\
        承办单位回复、工作人员确认回复、办结。转换本身是提案的一步操作（POST /proposals/{id}/actions，do 为 convert_letter 或 convert_suggestion）。")),
    paths(list, read, forward, reply, accept, close),
    components(schemas(LetterRowOut, LetterOut, AssignmentOut, ForwardBody, ReplyBody, UnitBody, CloseBody))
)]
pub struct Doc;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct LetterListQuery {
    /// suggestion（意见建议）或 letter（委员来信）
    pub kind: Option<String>,
    /// pending、forwarded、answered、closed
    pub stage: Option<String>,
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

/// 列表中的一件
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterRowOut {
    pub id: i64,
    /// suggestion 或 letter
    pub kind: String,
    pub stage: String,
    pub title: String,
    /// 来自哪些委员（或提案单位）
    pub from_name: String,
    pub org_name: String,
    pub year: i64,
}

/// 一个承办单位的交办与回复
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentOut {
    pub unit: i64,
    pub unit_name: String,
    pub state: String,
    /// 回复期限
    pub due: String,
    /// 回复内容（工作人员确认后委员可见）
    pub reply: Option<String>,
}

/// 一件意见建议或委员来信
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterOut {
    pub id: i64,
    pub kind: String,
    pub kind_label: String,
    pub stage: String,
    pub stage_label: String,
    pub title: String,
    /// 由提案的情况与分析、建议预填
    pub content: String,
    pub from_name: String,
    pub members: Vec<i64>,
    /// 来源提案
    pub proposal_id: Option<i64>,
    /// 转办理由
    pub reason: String,
    pub closing_note: Option<String>,
    pub assignments: Vec<AssignmentOut>,
}

/// 转交承办单位
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ForwardBody {
    /// 承办单位 id
    #[schema(value_type = i64)]
    pub unit: serde_json::Value,
}

/// 承办单位回复（拟稿并提交审核）
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReplyBody {
    /// A、B 或 C
    pub class: String,
    pub document_no: String,
    pub signed_by: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub text: String,
}

/// 确认某承办单位的回复
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct UnitBody {
    #[schema(value_type = i64)]
    pub unit: serde_json::Value,
}

/// 办结；未转交承办单位时须写办结说明
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct CloseBody {
    pub note: String,
}

fn check(acting: &Acting) -> Result<(), WebError> {
    acting.caller.may(Permission::WorkOnProposals, Target::None)
}

/// 列表（工作人员与领导看本级及下级，委员看本人的，承办单位看转交本单位的），可按类别、状态筛选
#[utoipa::path(get, path = "/letters", tag = "意见建议与委员来信", params(ActingQuery, LetterListQuery),
    responses((status = 200, description = "一页", body = ListPage<LetterRowOut>)))]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<LetterListQuery>,
) -> ApiResult<Json<ListPage<LetterRowOut>>> {
    check(&acting)?;
    let mut e = FieldErrors::new();
    let (page, per_page) = paging(q.page.as_deref(), q.per_page.as_deref(), &mut e);
    let kind = q.kind.unwrap_or_default();
    let stage = q.stage.unwrap_or_default();
    if !kind.is_empty() && LetterKind::from_code(&kind).is_none() {
        e.add("kind", "类别应为 suggestion 或 letter");
    }
    if !stage.is_empty() && LetterStage::from_code(&stage).is_none() {
        e.add("stage", "状态应为 pending、forwarded、answered 或 closed");
    }
    if !e.is_empty() {
        return Err(WebError::Invalid(e).into());
    }
    let f = crate::letters::filter_for(&acting.me, &kind, &stage);
    let rows = store::letter::list(&state.db, &f, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, |r| LetterRowOut {
        id: r.id,
        kind: r.kind,
        stage: r.stage,
        title: r.title,
        from_name: r.from_name,
        org_name: r.org_name,
        year: r.year,
    })))
}

async fn letter_out(state: &AppState, acting: &Acting, id: i64) -> Result<LetterOut, WebError> {
    let (s, actor) = load_letter(state, &acting.me, id).await?;
    let units = unit_options(state, &s).await?;
    let l = &s.letter;
    let assignments = l
        .tracking
        .assignments
        .iter()
        .map(|a| {
            let given = matches!(
                a.state,
                domain::tracking::AssignmentState::Accepted
                    | domain::tracking::AssignmentState::Closed
            );
            AssignmentOut {
                unit: a.unit.0,
                unit_name: unit_name(&units, a.unit),
                state: a.state.code().into(),
                due: a.due.to_string(),
                reply: a
                    .answer
                    .as_ref()
                    .filter(|_| given || actor != domain::letter::LetterActor::Reader)
                    .map(|x| x.text.clone()),
            }
        })
        .collect();
    Ok(LetterOut {
        id: s.id,
        kind: l.kind.code().into(),
        kind_label: l.kind.label().into(),
        stage: l.stage.code().into(),
        stage_label: l.stage.label().into(),
        title: s.title.clone(),
        content: s.content.clone(),
        from_name: s.from_name.clone(),
        members: s.members.iter().map(|m| m.0).collect(),
        proposal_id: s.proposal.map(|p| p.0),
        reason: s.reason.clone(),
        closing_note: l.closing_note.clone(),
        assignments,
    })
}

/// 查看一件（看不到的为 404）
#[utoipa::path(get, path = "/letters/{id}", tag = "意见建议与委员来信", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "意见建议或委员来信", body = LetterOut)))]
pub async fn read(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<LetterOut>> {
    check(&acting)?;
    Ok(Json(letter_out(&state, &acting, id).await?))
}

async fn step(
    state: &AppState,
    acting: &Acting,
    id: i64,
    form: Form,
) -> ApiResult<Json<LetterOut>> {
    check(acting)?;
    let (_, actor) = load_letter(state, &acting.me, id).await?;
    if actor == domain::letter::LetterActor::Reader {
        return Err(WebError::Forbidden.into());
    }
    crate::letters::step(state, &acting.audit(), actor, id, &form).await?;
    Ok(Json(letter_out(state, acting, id).await?))
}

fn form(pairs: &[(&str, String)]) -> Form {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// 转交承办单位（机关工作人员；只能转交一次，已转交为 409）
#[utoipa::path(post, path = "/letters/{id}/forward", tag = "意见建议与委员来信", params(("id" = i64, Path), ActingQuery),
    request_body = ForwardBody, responses((status = 200, description = "转交后的件", body = LetterOut)))]
pub async fn forward(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<ForwardBody>,
) -> ApiResult<Json<LetterOut>> {
    step(
        &state,
        &acting,
        id,
        form(&[("do", "forward".into()), ("unit", field_text(&body.unit))]),
    )
    .await
}

/// 承办单位回复并提交审核（只能回复转交本单位的件）
#[utoipa::path(post, path = "/letters/{id}/reply", tag = "意见建议与委员来信", params(("id" = i64, Path), ActingQuery),
    request_body = ReplyBody, responses((status = 200, description = "回复后的件", body = LetterOut)))]
pub async fn reply(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(b): Json<ReplyBody>,
) -> ApiResult<Json<LetterOut>> {
    let f = form(&[
        ("do", "reply".into()),
        ("class", b.class),
        ("document_no", b.document_no),
        ("signed_by", b.signed_by),
        ("contact_person", b.contact_person),
        ("contact_phone", b.contact_phone),
        ("text", b.text),
    ]);
    step(&state, &acting, id, f).await
}

/// 工作人员确认承办单位的回复（全部确认后为“已回复”，并通知委员）
#[utoipa::path(post, path = "/letters/{id}/accept", tag = "意见建议与委员来信", params(("id" = i64, Path), ActingQuery),
    request_body = UnitBody, responses((status = 200, description = "确认后的件", body = LetterOut)))]
pub async fn accept(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<UnitBody>,
) -> ApiResult<Json<LetterOut>> {
    step(
        &state,
        &acting,
        id,
        form(&[("do", "accept".into()), ("unit", field_text(&body.unit))]),
    )
    .await
}

/// 办结（机关工作人员；已回复的件，或写明说明的未转交件）
#[utoipa::path(post, path = "/letters/{id}/close", tag = "意见建议与委员来信", params(("id" = i64, Path), ActingQuery),
    request_body = CloseBody, responses((status = 200, description = "办结后的件", body = LetterOut)))]
pub async fn close(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<CloseBody>,
) -> ApiResult<Json<LetterOut>> {
    step(
        &state,
        &acting,
        id,
        form(&[("do", "close".into()), ("note", body.note)]),
    )
    .await
}
