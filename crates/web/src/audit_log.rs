//! 审计日志 for the audit administrator: read and filter the log, export it,
//! and check its hash chain. Nothing here writes to the log except the
//! record of an export.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use domain::permission::{Action, Target};
use serde::Deserialize;
use store::audit::{self, Entry, Filter};

use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{render, when, xlsx_download, Pager};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/audit", get(list))
        .route("/audit/export.xlsx", get(export))
        .route("/audit/verify", get(verify))
}

/// The most rows one export writes; narrow the filter for more.
const EXPORT_LIMIT: i64 = 10_000;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditQuery {
    actor: String,
    action: String,
    from: String,
    until: String,
    page: String,
}

impl AuditQuery {
    /// Dates are local (UTC+8) calendar days; `until` includes its day.
    fn filter(&self, user: &User) -> Result<Filter, String> {
        let day = |raw: &str, label: &str| -> Result<Option<i64>, String> {
            if raw.trim().is_empty() {
                return Ok(None);
            }
            let date = domain::member::parse_date(raw)
                .map_err(|_| format!("{label}格式应为 2026-11-27"))?;
            Ok(Some(
                date.midnight().assume_utc().unix_timestamp() - 8 * 3600,
            ))
        };
        Ok(Filter {
            scope: Some(user.live.account.org_path.clone()),
            actor: Some(self.actor.trim().to_string()).filter(|s| !s.is_empty()),
            action: Some(self.action.trim().to_string()).filter(|s| !s.is_empty()),
            from: day(&self.from, "开始日期")?,
            until: day(&self.until, "结束日期")?.map(|t| t + 86_400),
        })
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("actor", self.actor.clone()),
            ("action", self.action.clone()),
            ("from", self.from.clone()),
            ("until", self.until.clone()),
        ]
    }
}

#[derive(Template)]
#[template(path = "audit/list.html")]
struct ListPage {
    shell: Shell,
    q: AuditQuery,
    rows: Vec<Entry>,
    pager: Pager,
    actions: Vec<String>,
    error: Option<String>,
    export_href: String,
}

impl ListPage {
    fn label<'a>(&self, code: &'a str) -> &'a str {
        domain::audit::action_label(code)
    }

    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
}

async fn list(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<AuditQuery>,
) -> WebResult<Response> {
    user.may(Action::ReadAudit, Target::None)?;
    let (filter, error) = match q.filter(&user) {
        Ok(f) => (f, None),
        Err(e) => (
            Filter {
                scope: Some(user.live.account.org_path.clone()),
                ..Filter::default()
            },
            Some(e),
        ),
    };
    let page = audit::list(&state.db, &filter, q.page.parse().unwrap_or(1), 30).await?;
    let pager = Pager::new(&page, &q.pairs());
    let export_href = format!("/audit/export.xlsx?{}", pager.base);
    render(ListPage {
        shell: Shell::new(&user, "审计日志", "/audit"),
        rows: page.rows,
        pager,
        actions: audit::actions(&state.db).await?,
        error,
        export_href,
        q,
    })
}

async fn export(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<AuditQuery>,
) -> WebResult<Response> {
    user.may(Action::ReadAudit, Target::None)?;
    let filter = q.filter(&user).map_err(WebError::BadRequest)?;
    let page = audit::list(&state.db, &filter, 1, EXPORT_LIMIT).await?;
    let headers = [
        "序号",
        "时间",
        "操作人",
        "来源地址",
        "操作",
        "对象",
        "对象编号",
        "摘要",
        "变更前",
        "变更后",
    ];
    let rows = page.rows.into_iter().map(|e| {
        vec![
            e.id.to_string(),
            when(Some(e.at)),
            e.actor_login,
            e.ip,
            domain::audit::action_label(&e.action).to_string(),
            e.target_type,
            e.target_id,
            e.summary,
            e.before,
            e.after,
        ]
    });
    xlsx_download(&state, &user, "审计日志.xlsx", &headers, rows).await
}

#[derive(Template)]
#[template(path = "audit/verify.html")]
struct VerifyPage {
    shell: Shell,
    checked: u64,
    breaks: Vec<String>,
}

async fn verify(State(state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Action::ReadAudit, Target::None)?;
    let result = audit::verify(&state.db).await?;
    render(VerifyPage {
        shell: Shell::new(&user, "校验审计日志", "/audit"),
        checked: result.checked,
        breaks: result.breaks.iter().map(|b| b.to_string()).collect(),
    })
}
