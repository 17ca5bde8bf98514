//! `/opinions`: 社情民意信息 through the API — the list, one record with the
//! original and edited text and the steps open now, a new report, its
//! submission and every staff step. Who may see and do what is decided by
//! the functions the pages use (`crate::opinions::{visible, who,
//! action_from}` and `domain::opinion::apply`); tokens act as for proposals
//! (a member token names its member with `as_member`).

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::opinion::{Action, Author, Context, OpinionInput, OpinionText, Stage};
use domain::{FieldErrors, OpinionId, Role};
use store::opinion::{OpinionFilter, Stored};
use utoipa::OpenApi;

mod after;
mod json;

pub use json::{
    HistoryOut, ListQuery, OpinionBody, OpinionOut, OpinionRowOut, OpinionStepBody, TextOut,
};

use crate::api::input::{ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::api::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::opinions::{action_from, offers, visible, who, Form};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/opinions", get(list).post(create))
        .route("/opinions/{id}", get(read))
        .route("/opinions/{id}/submit", post(submit))
        .route("/opinions/{id}/actions", post(act))
        .route("/opinions/{id}/report-upward", post(after::report_upward))
        .route("/opinions/{id}/national", post(after::national))
        .route("/opinions/{id}/instructions", post(after::instruct))
        .route("/opinions/{id}/chain", get(after::chain))
        .route(
            "/opinions/bulletins",
            get(after::bulletin_list).post(after::bulletin_new),
        )
        .route("/opinions/bulletins/{id}", get(after::bulletin_read))
        .route(
            "/opinions/bulletins/{id}/pieces",
            post(after::bulletin_piece),
        )
        .route(
            "/opinions/bulletins/{id}/issue",
            post(after::bulletin_issue),
        )
        .route(
            "/opinions/bulletins/{id}/bulletin.docx",
            get(after::bulletin_docx),
        )
        .route("/opinions/stats", get(after::stats))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "社情民意", description = "社情民意信息的撰写、提交、编辑加工（保留原稿）、审核、签发、\
        采用或留存。可见范围与可办的操作与网页相同；委员令牌以 `as_member` 指明代表哪位委员。")),
    paths(
        list,
        read,
        create,
        submit,
        act,
        after::report_upward,
        after::national,
        after::instruct,
        after::chain,
        after::bulletin_list,
        after::bulletin_new,
        after::bulletin_read,
        after::bulletin_piece,
        after::bulletin_issue,
        after::bulletin_docx,
        after::stats
    )
)]
pub struct Doc;

pub(super) async fn load(state: &AppState, acting: &Acting, id: i64) -> Result<Stored, WebError> {
    let stored = store::opinion::load(&state.db, OpinionId(id)).await?;
    if visible(&acting.me, &stored) {
        Ok(stored)
    } else {
        Err(WebError::NotFound)
    }
}

pub(super) async fn record(
    state: &AppState,
    acting: &Acting,
    id: i64,
) -> ApiResult<Json<OpinionOut>> {
    let s = load(state, acting, id).await?;
    let o = &s.opinion;
    let policy = store::opinion::policy_for(&state.db, o.org).await?;
    let ctx = Context {
        at: state.now(),
        policy: &policy,
    };
    let mut steps: Vec<String> = offers(o, &who(&acting.me, Some(&s)), &ctx)
        .into_iter()
        .map(str::to_string)
        .collect();
    steps.extend(
        crate::opinions::after::offers(state, &acting.me, &s)
            .await?
            .into_iter()
            .map(str::to_string),
    );
    let history = store::opinion::history(&state.db, o.id)
        .await?
        .into_iter()
        .map(|h| HistoryOut {
            at: h.at,
            by: h.actor_login,
            action: h.action,
            to_stage: h.to_stage,
            comment: h.comment,
        })
        .collect();
    Ok(Json(OpinionOut {
        id: o.id.0,
        org_id: o.org.0,
        org_name: s.org_name.clone(),
        year: o.year,
        stage: o.stage.code().into(),
        stage_label: o.stage.label().into(),
        author_name: s.author_name.clone(),
        text: o.current().into(),
        original: o.original.as_ref().map(TextOut::from),
        edited: o.edited.as_ref().map(TextOut::from),
        from_proposal: o.from_proposal.map(|p| p.0),
        chars: o.current().chars(),
        recommended_chars: policy.recommended_chars,
        steps,
        history,
    }))
}

/// 社情民意信息列表（委员看本人的，工作人员与领导看本级及下级已提交的）
#[utoipa::path(get, path = "/opinions", tag = "社情民意", params(ActingQuery, ListQuery),
    responses((status = 200, description = "一页信息，最近变动的在前", body = ListPage<OpinionRowOut>)))]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<ListPage<OpinionRowOut>>> {
    let mut errors = FieldErrors::new();
    let number = |raw: &Option<String>, default: i64| {
        raw.as_deref()
            .map(|v| v.trim().parse::<i64>().ok().filter(|n| *n > 0))
            .unwrap_or(Some(default))
    };
    let page = number(&q.page, 1).unwrap_or_else(|| {
        errors.add("page", "页码应为正整数");
        1
    });
    let per_page = number(&q.per_page, 20)
        .filter(|n| *n <= 100)
        .unwrap_or_else(|| {
            errors.add("per_page", "每页条数应为1到100");
            20
        });
    let mut filter = OpinionFilter::default();
    if let Some(code) = q.stage.as_deref().filter(|s| !s.is_empty()) {
        match Stage::from_code(code) {
            Some(stage) => filter.stages = vec![stage],
            None => errors.add("stage", format!("未知的状态“{code}”")),
        }
    }
    if !errors.is_empty() {
        return Err(WebError::Invalid(errors).into());
    }
    match acting.me.role {
        Role::Staff | Role::Leader => filter.scope = Some(acting.me.org_path.clone()),
        Role::Member => {
            let account = acting.member_account(&state).await?;
            filter.mine = Some((account.id, acting.me.member));
        }
        _ => return Err(WebError::Forbidden.into()),
    }
    let rows = store::opinion::list(&state.db, &filter, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, OpinionRowOut::from)))
}

/// 一篇信息：现行文本、原稿与编辑稿、办理过程和调用者可办的操作
#[utoipa::path(get, path = "/opinions/{id}", tag = "社情民意", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "信息", body = OpinionOut)))]
pub async fn read(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<OpinionOut>> {
    record(&state, &acting, id).await
}

/// 撰写社情民意信息（委员令牌，以 as_member 指明委员；记在该委员本人的账号名下）。
/// 标题、情况、建议、类别必填；正文超过建议字数只提示，不拒绝
#[utoipa::path(post, path = "/opinions", tag = "社情民意", params(ActingQuery), request_body = OpinionBody,
    responses((status = 201, description = "已保存（或已提交）", body = OpinionOut)))]
pub async fn create(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<OpinionBody>,
) -> ApiResult<Response> {
    let (Role::Member, Some(member)) = (acting.me.role, acting.me.member) else {
        return Err(WebError::Forbidden.into());
    };
    let account = acting.member_account(&state).await?;
    let org = account.org_id;
    let policy = store::opinion::policy_for(&state.db, org).await?;
    let input = OpinionInput {
        title: body.title,
        situation: body.situation,
        analysis: body.analysis,
        suggestion: body.suggestion,
        category: body.category,
    };
    let text = OpinionText::parse(&input, &policy).map_err(WebError::Invalid)?;
    let rules = domain::opinion::Who {
        user: Some(account.id),
        member: Some(member),
        staff: false,
    };
    let name = acting
        .member
        .as_ref()
        .map(|m| m.row.name.clone())
        .unwrap_or_default();
    let (id, _) = store::opinion::create(
        &state.db,
        state.now(),
        &acting.audit(),
        &rules,
        org,
        state.today().year(),
        Author::Member(member),
        &name,
        Vec::new(),
        text,
    )
    .await?;
    if body.submit {
        store::opinion::act(
            &state.db,
            state.now(),
            &acting.audit(),
            &rules,
            id,
            Action::Submit,
        )
        .await?;
    }
    let Json(out) = record(&state, &acting, id.0).await?;
    Ok(created(&format!("/opinions/{}", id.0), out))
}

async fn step(
    state: &AppState,
    acting: &Acting,
    id: i64,
    form: &Form,
) -> ApiResult<Json<OpinionOut>> {
    let stored = load(state, acting, id).await?;
    if let Some(result) =
        crate::opinions::after::step(state, &acting.audit(), &acting.me, &stored, form).await
    {
        result?;
        return record(state, acting, id).await;
    }
    let policy = store::opinion::policy_for(&state.db, stored.opinion.org).await?;
    let action = action_from(form, &policy)?;
    store::opinion::act(
        &state.db,
        state.now(),
        &acting.audit(),
        &who(&acting.me, Some(&stored)),
        OpinionId(id),
        action,
    )
    .await?;
    record(state, acting, id).await
}

/// 提交草稿（报送人）
#[utoipa::path(post, path = "/opinions/{id}/submit", tag = "社情民意", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "已提交", body = OpinionOut)))]
pub async fn submit(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<OpinionOut>> {
    let form = Form::from([("do".to_string(), "submit".to_string())]);
    step(&state, &acting, id, &form).await
}

/// 办理一步：`do` 为操作代码，其余字段按操作填写。不能由调用者进行的返回 403，
/// 当前环节不允许的返回 409，填写有误的返回 422
#[utoipa::path(post, path = "/opinions/{id}/actions", tag = "社情民意", params(("id" = i64, Path), ActingQuery),
    request_body = OpinionStepBody,
    responses((status = 200, description = "已办理，返回办理后的信息", body = OpinionOut)))]
pub async fn act(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<OpinionStepBody>,
) -> ApiResult<Json<OpinionOut>> {
    let form: Form = [
        ("do", body.step),
        ("reason", body.reason),
        ("comment", body.comment),
        ("note", body.note),
        ("title", body.title),
        ("situation", body.situation),
        ("analysis", body.analysis),
        ("suggestion", body.suggestion),
        ("category", body.category),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    step(&state, &acting, id, &form).await
}
