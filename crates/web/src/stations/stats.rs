//! Statistics of demands for staff and leaders: received, closed, closed on
//! time and satisfaction, by district, station, member or category.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::Role;
use serde::Deserialize;

use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::render;

#[derive(Template)]
#[template(path = "demands/stats.html")]
struct StatsPage {
    shell: Shell,
    by: String,
    views: Vec<(&'static str, &'static str)>,
    stats: store::station::Statistics,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatsQuery {
    by: String,
}

pub const VIEWS: [(&str, &str); 4] = [
    ("district", "按政协组织"),
    ("station", "按工作站"),
    ("member", "按委员"),
    ("category", "按类别"),
];

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<StatsQuery>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let a = &user.live.account;
    if !matches!(a.role, Role::Staff | Role::Leader) {
        return Err(WebError::Forbidden);
    }
    let by = VIEWS
        .iter()
        .find(|(code, _)| *code == q.by)
        .map(|(code, _)| *code)
        .unwrap_or("district");
    let stats = store::station::statistics(&state.db, &a.org_path, by).await?;
    render(StatsPage {
        shell: Shell::new(&user, "群众诉求统计", "/stations"),
        by: by.into(),
        views: VIEWS.to_vec(),
        stats,
    })
}
