//! 批量交办 through the API: a whole assignment plan in one call, applied
//! in one transaction by `store::proposal::bulk_assign`, all or nothing.
//! Only staff tokens may assign, in the token's own organisation, as on
//! the page (`crate::proposals::who`).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use domain::{FieldErrors, ProposalId, UnitId};
use serde::{Deserialize, Serialize};
use store::proposal::{BulkError, PlanRow, ProposalRef, UnitRef};
use utoipa::ToSchema;

use super::acting::Acting;
use crate::api::input::Json;
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

/// 交办方案：每行一件提案。
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentsBody {
    rows: Vec<AssignmentRow>,
}

/// 一件提案的交办方式。`proposal` 与 `number` 填其一。
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRow {
    /// 提案 id
    #[serde(default)]
    proposal: Option<i64>,
    /// 提案号，如“第0012号”或“12”（指本组织最新年度的该号提案）
    #[serde(default)]
    number: Option<String>,
    /// 办理方式：`single`（单办）、`lead_with_co`（主办+会办）、`split`（分办）
    #[schema(example = "lead_with_co")]
    mode: String,
    /// 主办（单办）单位 id；分办时为第一个承办单位
    #[serde(default)]
    unit: Option<i64>,
    /// 会办单位 id；分办时为其余承办单位
    #[serde(default)]
    co_units: Vec<i64>,
}

/// 交办结果。
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentsOut {
    /// 交办的提案件数
    count: usize,
}

/// 批量交办（工作人员令牌）：整份方案在一个事务中办理，任何一行有误（提案不存在、
/// 不在可交办的环节、承办单位不存在或已停用、单位重复、缺少主办单位、同一提案出现两次、
/// 刚被他人处理过）则全部不交办，返回 422，`errors` 中逐行列出（字段名为
/// `rows[序号]`，序号从 0 起；说明中的行号从 1 起）
#[utoipa::path(post, path = "/proposals/assignments", tag = "提案",
    request_body = AssignmentsBody,
    responses(
        (status = 200, description = "已全部交办", body = AssignmentsOut),
        (status = 422, description = "方案有误，没有交办任何提案", body = crate::api::Problem,
            content_type = "application/problem+json"),
    ))]
pub async fn assign(
    State(state): State<AppState>,
    acting: Acting,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<AssignmentsOut>> {
    let who = acting.who();
    if !who.proposal_staff {
        return Err(WebError::Forbidden.into());
    }
    let body = parse(&headers, &body)?;
    let rows: Vec<PlanRow> = body
        .rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| PlanRow {
            row: i + 1,
            proposal: match (r.proposal, r.number) {
                (Some(id), _) => ProposalRef::Id(ProposalId(id)),
                (None, n) => ProposalRef::Number(n.unwrap_or_default()),
            },
            mode: r.mode,
            lead: r.unit.map(|u| UnitRef::Id(UnitId(u))),
            co: r
                .co_units
                .into_iter()
                .map(|u| UnitRef::Id(UnitId(u)))
                .collect(),
            version: None,
        })
        .collect();
    let org = acting.caller.token.org_id;
    match store::proposal::bulk_assign(&state.db, state.now(), &acting.audit(), &who, org, &rows)
        .await
    {
        Ok(count) => Ok(Json(AssignmentsOut { count })),
        Err(BulkError::Rows(problems)) => {
            let mut errors = FieldErrors::new();
            for p in &problems {
                errors.add(&format!("rows[{}]", p.row - 1), p.describe());
            }
            Err(WebError::Invalid(errors).into())
        }
        Err(BulkError::Store(e)) => Err(WebError::from(e).into()),
    }
}

/// The body as JSON, with Chinese messages for what is wrong with it.
fn parse(headers: &HeaderMap, body: &[u8]) -> Result<AssignmentsBody, WebError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            let m = m.trim().to_ascii_lowercase();
            m == "application/json" || m.ends_with("+json")
        });
    if !json {
        return Err(WebError::BadRequest(
            "请求头 Content-Type 应为 application/json".into(),
        ));
    }
    serde_json::from_slice(body).map_err(|e| {
        WebError::Invalid(FieldErrors::single(
            "rows",
            format!(
                "交办方案应为 {{\"rows\": [{{\"proposal\": 1, \"mode\": \"single\", \"unit\": 2}}]}}（第{}行第{}列附近有误）",
                e.line(),
                e.column()
            ),
        ))
    })
}
