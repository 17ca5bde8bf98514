//! `/supervision`: 民主监督 through the API, with the pages' own rules. The
//! board and a unit's queue, choosing a topic, one topic in full, and one
//! endpoint for every step (the same `do` and fields as the page's forms,
//! turned into an action by `crate::supervision::action_from`). Tokens act
//! as for proposals: a member token names its member with `as_member`, a
//! unit token its unit with `as_unit`. A topic the caller may not read is
//! 404, a step it may not take 403, a step the stage forbids 409, bad
//! input 422.

mod json;

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::permission::{Action as Permission, Target};
use domain::{FieldErrors, Role, TopicId, UnitId};
use store::supervision::Stored;
use utoipa::OpenApi;

pub use json::*;

use crate::api::created;
use crate::api::input::{field_text, form_of, ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;
use crate::supervision::{state_label, steps_of, visible, who, Form};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision", get(board).post(create))
        .route("/supervision/{id}", get(read))
        .route("/supervision/{id}/actions", post(act))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "民主监督", description = "民主监督议题：立项、监督活动、监督意见交办、承办单位整改方案与整改结果、\
        回头看与办结。与网页使用同一套规则和权限。")),
    paths(board, create, read, act),
    components(schemas(BoardOut, BoardRowOut, QueueOut, TopicBody, TopicOut, NamedOut, OpinionOut,
        UnitOut, HistoryOut, StepBody))
)]
pub struct Doc;

fn check(acting: &Acting) -> Result<(), WebError> {
    acting
        .caller
        .may(Permission::WorkOnSupervision, Target::None)
}

/// 看板（工作人员与领导看本级及下级，委员看本人参加的，承办单位看交办本单位的并附待办）
#[utoipa::path(get, path = "/supervision", tag = "民主监督", params(ActingQuery, BoardQuery),
    responses((status = 200, description = "议题与待办", body = BoardOut)))]
pub async fn board(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<BoardQuery>,
) -> ApiResult<Json<BoardOut>> {
    check(&acting)?;
    let mut e = FieldErrors::new();
    let number = |raw: &Option<String>, name: &str, message: &str, e: &mut FieldErrors| {
        let raw = raw.as_deref().map(str::trim).unwrap_or("");
        if raw.is_empty() {
            return None;
        }
        let parsed = raw.parse::<i64>().ok();
        if parsed.is_none() {
            e.add(name, message);
        }
        parsed
    };
    let year = number(&q.year, "year", "年度应为四位数字，如 2026", &mut e);
    let committee = number(&q.committee, "committee", "专委会应为 id 数字", &mut e);
    if !e.is_empty() {
        return Err(WebError::Invalid(e).into());
    }
    let me = &acting.me;
    let filter = crate::supervision::filter_for(me, year.map(|y| y as i32), committee);
    let today = state.today();
    let rows = store::supervision::board(&state.db, &filter, today).await?;
    let queue = match (me.role, me.unit) {
        (Role::UnitClerk, Some(unit)) => {
            store::supervision::unit_queue(&state.db, unit, today).await?
        }
        _ => Vec::new(),
    };
    Ok(Json(BoardOut {
        overdue_total: rows.iter().map(|r| r.overdue).sum(),
        topics: rows.into_iter().map(BoardRowOut::from).collect(),
        queue: queue.into_iter().map(QueueOut::from).collect(),
    }))
}

/// 确定监督议题（机关工作人员，记在令牌所属政协）
#[utoipa::path(post, path = "/supervision", tag = "民主监督", params(ActingQuery), request_body = TopicBody,
    responses((status = 201, description = "已立项", body = TopicOut)))]
pub async fn create(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<TopicBody>,
) -> ApiResult<Response> {
    check(&acting)?;
    if acting.me.role != Role::Staff {
        return Err(WebError::Forbidden.into());
    }
    let form: Form = [
        ("title", body.title),
        ("background", body.background),
        ("source", body.source),
        ("department", body.department),
        ("source_id", field_text(&body.source_id)),
        ("form", body.form),
        ("committee", field_text(&body.committee)),
        ("year", field_text(&body.year)),
        ("member_names", body.member_names),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let org = acting.caller.token.org_id;
    let (_, result) =
        crate::supervision::new::create_from_form(&state, &acting.me, &acting.audit(), org, &form)
            .await;
    let id = result?;
    let stored = store::supervision::load(&state.db, id).await?;
    let out = topic_out(&state, &acting, stored).await?;
    Ok(created(&format!("/supervision/{id}"), out))
}

async fn load_visible(state: &AppState, acting: &Acting, id: i64) -> Result<Stored, WebError> {
    let stored = store::supervision::load(&state.db, TopicId(id)).await?;
    if !visible(&acting.me, &stored) {
        return Err(WebError::NotFound);
    }
    Ok(stored)
}

async fn topic_out(state: &AppState, acting: &Acting, s: Stored) -> Result<TopicOut, WebError> {
    let rules = who(&acting.me, Some(&s));
    let t = &s.topic;
    let members = store::names::members(&state.db, &t.members).await?;
    let unit_ids: Vec<UnitId> = t
        .opinions
        .iter()
        .flat_map(|o| o.tracking.assignments.iter().map(|a| a.unit))
        .collect();
    let units = store::names::units(&state.db, &unit_ids).await?;
    let steps = steps_of(&s, &rules);
    let opinions = t
        .opinions
        .iter()
        .map(|o| OpinionOut {
            seq: o.seq,
            title: o.title.clone(),
            text: o.text.clone(),
            drafted_on: o.drafted_on.to_string(),
            sent_on: o.sent_on.map(|d| d.to_string()),
            units: o
                .tracking
                .assignments
                .iter()
                .map(|a| unit_out(o, a, &units, &steps))
                .collect(),
        })
        .collect();
    Ok(TopicOut {
        id: t.id.0,
        title: t.text.title.clone(),
        background: t.text.background.clone(),
        org_name: s.org_name.clone(),
        year: t.year,
        stage: t.stage.code().into(),
        stage_label: t.stage.label().into(),
        source: t.source.kind().code().into(),
        form: t.form.code().into(),
        form_label: t.form.label().into(),
        committee_name: s.committee_name.clone(),
        members: t
            .members
            .iter()
            .map(|m| NamedOut {
                id: m.0,
                name: members.get(m).cloned().unwrap_or_default(),
            })
            .collect(),
        activities: serde_json::to_value(&t.activities).unwrap_or_default(),
        opinions,
        conclusion: t.conclusion.clone(),
        steps: domain::supervision::offers(t, &rules)
            .into_iter()
            .map(|k| k.code().to_string())
            .collect(),
        history: store::supervision::history(&state.db, t.id)
            .await?
            .into_iter()
            .map(HistoryOut::from)
            .collect(),
    })
}

fn unit_out(
    o: &domain::supervision::SupervisionOpinion,
    a: &domain::tracking::Assignment,
    names: &HashMap<UnitId, String>,
    steps: &[(u32, UnitId, &'static str)],
) -> UnitOut {
    let mut results: Vec<String> = Vec::new();
    if let Some(f) = &a.follow_up {
        results.extend(f.result.iter().map(|r| r.to_string()));
    }
    results.extend(
        o.evidence
            .iter()
            .filter(|e| e.unit == a.unit)
            .map(|e| format!("佐证材料 {}：{}", e.on, e.text)),
    );
    UnitOut {
        unit: a.unit.0,
        unit_name: names.get(&a.unit).cloned().unwrap_or_default(),
        state: a.state.code().into(),
        state_label: state_label(a).into(),
        due: a.due.to_string(),
        plan: a.answer.as_ref().map(|p| p.text.clone()),
        results,
        steps: steps
            .iter()
            .filter(|(seq, unit, _)| *seq == o.seq && *unit == a.unit)
            .map(|(_, _, code)| code.to_string())
            .collect(),
    }
}

/// 一个议题的全貌，含调用者现在可做的操作（看不到的为 404）
#[utoipa::path(get, path = "/supervision/{id}", tag = "民主监督", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "议题", body = TopicOut)))]
pub async fn read(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<TopicOut>> {
    check(&acting)?;
    let stored = load_visible(&state, &acting, id).await?;
    Ok(Json(topic_out(&state, &acting, stored).await?))
}

/// 办理一步（与网页的操作相同）；看不到的议题为 404，无权的操作为 403，当前阶段不允许为 409，填写有误为 422
#[utoipa::path(post, path = "/supervision/{id}/actions", tag = "民主监督", params(("id" = i64, Path), ActingQuery),
    request_body = StepBody, responses((status = 200, description = "办理后的议题", body = TopicOut)))]
pub async fn act(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<StepBody>,
) -> ApiResult<Json<TopicOut>> {
    check(&acting)?;
    let stored = load_visible(&state, &acting, id).await?;
    let form: Form = form_of(body.fields);
    crate::supervision::step(&state, &acting.me, &acting.audit(), &stored, &form).await?;
    let stored = store::supervision::load(&state.db, TopicId(id)).await?;
    Ok(Json(topic_out(&state, &acting, stored).await?))
}
