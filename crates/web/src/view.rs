//! Small helpers shared by the pages: rendering, redirects after a post,
//! pagination links.

use askama::Template;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Renders a page template.
pub fn render(page: impl Template) -> WebResult<Response> {
    Ok(Html(page.render()?).into_response())
}

/// Renders a form again with its errors (HTTP 422, input kept).
pub fn render_invalid(page: impl Template) -> WebResult<Response> {
    Ok((
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        Html(page.render()?),
    )
        .into_response())
}

/// Post/redirect/get with a one-line notice code.
pub fn done(path: &str, code: &str) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}done={code}")).into_response()
}

/// Pagination links that keep the current filters.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    /// The query string without `page`, ready to append `&page=N`.
    pub base: String,
}

impl Pager {
    pub fn new<T>(page: &store::Page<T>, filters: &[(&str, String)]) -> Pager {
        let base = filters
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        Pager {
            page: page.page,
            pages: page.pages(),
            total: page.total,
            base,
        }
    }

    pub fn href(&self, page: i64) -> String {
        if self.base.is_empty() {
            format!("?page={page}")
        } else {
            format!("?{}&page={page}", self.base)
        }
    }

    /// The page numbers to show: first, last and two either side of the current one.
    pub fn window(&self) -> Vec<i64> {
        let mut pages: Vec<i64> = (1..=self.pages)
            .filter(|p| *p == 1 || *p == self.pages || (p - self.page).abs() <= 2)
            .collect();
        pages.dedup();
        pages
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `2026-11-27 14:32` for a timestamp; empty for none.
pub fn when(ts: Option<i64>) -> String {
    ts.map(store::clock::format_local).unwrap_or_default()
}

/// An empty optional filter value becomes `None`.
pub fn opt_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|v| *v > 0)
}

/// Writes a small list to an .xlsx file, records the export in the audit
/// log and sends it as a download named `file_name` (Chinese is fine).
pub async fn xlsx_download(
    state: &AppState,
    user: &User,
    file_name: &str,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> WebResult<Response> {
    let dir = state.config.data_dir.join("exports");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let path = dir.join(format!("{}.xlsx", store::session::random_token()));
    let sheet = file_name.trim_end_matches(".xlsx");
    let count = store::xlsx::write_table(&path, sheet, headers, rows)?;
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|e| WebError::Internal(e.to_string()));
    let _ = tokio::fs::remove_file(&path).await;
    let summary = format!("导出{sheet} {count} 条");
    store::audit::record(
        &state.db,
        state.now(),
        &user.who(),
        store::audit::Event::new("export", "list", sheet, summary),
    )
    .await?;
    Ok(attachment(file_name, bytes?))
}

/// An .xlsx download with a UTF-8 file name.
pub fn attachment(file_name: &str, body: impl axum::response::IntoResponse) -> Response {
    download(
        file_name,
        "export.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body,
    )
}

/// A file to save: its Chinese name (RFC 5987), an ASCII name for old
/// clients, and its content type.
pub fn download(
    file_name: &str,
    ascii_name: &str,
    content_type: &str,
    body: impl axum::response::IntoResponse,
) -> Response {
    let disposition = format!(
        "attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{}",
        encode(file_name)
    );
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
