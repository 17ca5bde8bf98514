//! Documents through the API: one proposal's form as Word and the proposal
//! list as Excel, built by the same functions as the pages and limited to
//! what the caller may see.

use axum::extract::State;
use axum::response::Response;

use super::acting::{Acting, ActingQuery};
use super::json::ListQuery;
use crate::api::input::{ApiQuery, Id};
use crate::error::ApiResult;
use crate::proposals::{form_download, list_filter, stream_xlsx};
use crate::state::AppState;

/// 提案表（Word）：按提案表格式排版，含提案人、类别、案由、情况与分析、建议和各承办单位已审核通过的答复
#[utoipa::path(get, path = "/proposals/{id}/form.docx", tag = "提案",
    params(("id" = i64, Path), ActingQuery),
    responses(
        (status = 200, description = "Word 文件（.docx）",
            content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 404, description = "提案不存在或调用者无权查看")))]
pub async fn form(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Response> {
    Ok(form_download(&state, &acting.me, id).await?)
}

/// 导出提案列表（Excel）：与提案列表相同的范围和筛选条件（stage、year、q；分页参数不适用），每次导出记入审计日志
#[utoipa::path(get, path = "/proposals/export.xlsx", tag = "提案", params(ActingQuery, ListQuery),
    responses((status = 200, description = "Excel 文件（.xlsx），每件提案一行",
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn export(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Response> {
    let f = q.parse()?;
    let mut filter = list_filter(&acting.me, f.stage, f.q.as_deref().unwrap_or(""))?;
    filter.year = f.year;
    crate::search::narrow_by_keyword(&state, &acting.me, &mut filter).await?;
    let described = format!(
        "接口导出 状态={} 年度={} 关键词={}",
        f.stage.map(|s| s.code()).unwrap_or(""),
        f.year.map(|y| y.to_string()).unwrap_or_default(),
        f.q.unwrap_or_default()
    );
    Ok(stream_xlsx(&state, &acting.audit(), &filter, described).await?)
}
