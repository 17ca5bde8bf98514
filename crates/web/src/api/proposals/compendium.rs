//! 提案汇编 through the API: start one (a background job), follow its
//! progress, download the Word file. The same functions as the pages
//! (`crate::proposals::compendium`) decide who may and what is valid; a
//! token's export is recorded under the account that issued the token.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::FieldErrors;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::auth::Caller;
use crate::api::input::{field_text, Id, Json};
use crate::error::{ApiResult, WebError};
use crate::proposals::compendium::{
    download_export, start_export, visible_export, Requester, BAD_REQUEST,
};
use crate::state::AppState;

fn requester(caller: &Caller) -> Requester {
    let t = &caller.token;
    Requester {
        account: None,
        record_as: t.created_by,
        role: t.role,
        org: t.org_id,
        org_path: t.org_path.clone(),
        who: caller.who(),
    }
}

/// 生成提案汇编的请求
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct CompendiumIn {
    /// 本级政协的届次 id
    #[schema(value_type = i64)]
    pub term: serde_json::Value,
    /// 年度，2000 至 2100
    #[schema(value_type = i64)]
    pub year: serde_json::Value,
}

/// 提案汇编的生成进度
#[derive(Debug, Serialize, ToSchema)]
pub struct CompendiumOut {
    pub id: i64,
    /// 如“第六届2026年提案汇编”
    pub title: String,
    /// queued 排队中 / running 生成中 / done 已完成 / failed 失败 / expired 已过期（文件已清理，请重新生成）
    pub state: String,
    pub state_label: String,
    /// 已处理件数
    pub done: i64,
    /// 总件数（开始生成后才知道）
    pub total: i64,
    pub percent: i64,
    /// 完成后的下载地址（相对 /api/v1）
    pub download: Option<String>,
    /// 失败时的说明
    pub error: Option<String>,
}

fn out(e: store::export::Export) -> CompendiumOut {
    CompendiumOut {
        download: e
            .is_done()
            .then(|| format!("/proposals/compendium/{}/file", e.id)),
        error: (e.state == store::export::FAILED).then(|| e.error.clone()),
        state_label: e.state_label().to_string(),
        percent: e.percent(),
        id: e.id,
        title: e.title,
        state: e.state,
        done: e.done,
        total: e.total,
    }
}

/// 生成提案汇编：按届次和年度把本级已立案提案按类别汇编成一个 Word 文件，在后台生成；返回进度地址
#[utoipa::path(post, path = "/proposals/compendium", tag = "提案", request_body = CompendiumIn,
    responses(
        (status = 202, description = "已开始生成", body = CompendiumOut),
        (status = 403, description = "只有工作人员和领导令牌可以生成"),
        (status = 422, description = "届次或年度不对")))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    Json(input): Json<CompendiumIn>,
) -> ApiResult<(StatusCode, Json<CompendiumOut>)> {
    let r = requester(&caller);
    let Some(id) = start_export(
        &state,
        &r,
        &field_text(&input.term),
        &field_text(&input.year),
    )
    .await?
    else {
        let mut e = FieldErrors::new();
        e.add("term", BAD_REQUEST);
        e.add("year", BAD_REQUEST);
        return Err(WebError::Invalid(e).into());
    };
    let e = visible_export(&state, &r, id).await?;
    Ok((StatusCode::ACCEPTED, Json(out(e))))
}

/// 提案汇编的生成进度
#[utoipa::path(get, path = "/proposals/compendium/{id}", tag = "提案",
    params(("id" = i64, Path)),
    responses((status = 200, body = CompendiumOut), (status = 404, description = "不存在或无权查看")))]
pub async fn status(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<CompendiumOut>> {
    let e = visible_export(&state, &requester(&caller), id).await?;
    Ok(Json(out(e)))
}

/// 下载已生成的提案汇编（Word）
#[utoipa::path(get, path = "/proposals/compendium/{id}/file", tag = "提案",
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "Word 文件（.docx）",
            content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 404, description = "不存在、无权查看、尚未完成或已过期")))]
pub async fn file(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Response> {
    let e = visible_export(&state, &requester(&caller), id).await?;
    Ok(download_export(&state, &e).await?)
}
