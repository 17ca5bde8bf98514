//! 提案统计 as Excel: the page's tables, one sheet each, written by
//! `store::proposal::stats_workbook`. Each export is audited.

use axum::extract::{Query, State};
use axum::response::Response;

use super::{chosen, StatsQuery};
use crate::auth::User;
use crate::error::WebResult;
use crate::state::AppState;
use crate::view::attachment;

/// `GET /proposals/stats.xlsx?year=&term=`: the page's tables.
pub async fn xlsx(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<StatsQuery>,
) -> WebResult<Response> {
    let chosen = chosen(&state, &user, &q).await?;
    let bytes = store::proposal::stats_workbook(&chosen.stats)?;
    let described = format!("{}年 {}", chosen.year, chosen.term_name());
    let event = store::audit::Event::new(
        "export",
        "proposal_stats",
        "",
        format!("导出提案统计 {described}"),
    );
    store::audit::record(&state.db, state.now(), &user.who(), event).await?;
    Ok(attachment(
        &format!("提案统计-{}年.xlsx", chosen.year),
        bytes,
    ))
}
