//! Every proposal list as Excel: the rows the list shows (same filters),
//! written in pages to a temporary file in constant-memory mode and then
//! streamed, so a list of thousands is never held whole. Each export is
//! audited.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::proposal::Stage;
use serde::Deserialize;
use store::audit::{self, Event};
use store::proposal::ProposalFilter;

use super::documents::download;
use super::drill::Drill;
use super::{filter_for, Participant};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::state::AppState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The list page's filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportQuery {
    stage: String,
    q: String,
    /// The statistics' drill-down, as on the list page.
    #[serde(flatten)]
    drill: Drill,
}

/// The list `me` sees, narrowed as the list page narrows it.
pub fn list_filter(me: &Participant, stage: Option<Stage>, q: &str) -> WebResult<ProposalFilter> {
    let (mut filter, _) = filter_for(me)?;
    filter.q = Some(q.to_string());
    if let Some(stage) = stage {
        filter.stages = vec![stage];
    }
    Ok(filter)
}

/// Writes the list to a temporary file, audits the export and streams the
/// file. `described` says which filters were used, for the audit log.
pub async fn stream_xlsx(
    state: &AppState,
    who: &audit::Who,
    filter: &ProposalFilter,
    described: String,
) -> WebResult<Response> {
    let dir = state.config.data_dir.join("exports");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let path = dir.join(format!("proposals-{}.xlsx", store::session::random_token()));
    let count = match store::proposal::export::export_proposals(&state.db, filter, &path).await {
        Ok(count) => count,
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(e.into());
        }
    };
    let mut event = Event::new("export", "proposal", "", format!("导出提案列表 {count} 条"));
    event.after = described;
    audit::record(&state.db, state.now(), who, event).await?;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    // Unlinked now; the open handle keeps the data until the stream ends.
    let _ = tokio::fs::remove_file(&path).await;
    let stream = tokio_util::io::ReaderStream::new(file);
    Ok(download("提案列表.xlsx", XLSX, Body::from_stream(stream)))
}

/// `GET /proposals/export.xlsx?stage=&q=` and the statistics' drill-down
/// (`year`, `term`, `category`, `org`, `sector`, `unit`)
pub async fn export(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<ExportQuery>,
) -> WebResult<Response> {
    let me = Participant::from(&user);
    let mut filter = list_filter(&me, Stage::from_code(&q.stage), &q.q)?;
    q.drill.apply(&state, &me, &mut filter).await?;
    crate::search::narrow_by_keyword(&state, &me, &mut filter).await?;
    let mut described = format!("状态={} 关键词={}", q.stage, q.q);
    for (k, v) in q.drill.pairs() {
        described.push_str(&format!(" {k}={v}"));
    }
    stream_xlsx(&state, &user.who(), &filter, described).await
}
