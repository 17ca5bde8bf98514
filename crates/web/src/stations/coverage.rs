//! 全覆盖 view: a district's share of members attached to a station, the
//! members with none, duplicate stations in one street; a city user also
//! sees its districts side by side. Staff and leaders only.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::{OrgId, Role};
use serde::Deserialize;

use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::render;

#[derive(Template)]
#[template(path = "stations/coverage.html")]
struct CoveragePage {
    shell: Shell,
    c: store::station::Coverage,
    share: f64,
    districts: Vec<store::station::DistrictRow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CoverageQuery {
    org: String,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<CoverageQuery>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let a = &user.live.account;
    if !matches!(a.role, Role::Staff | Role::Leader) {
        return Err(WebError::Forbidden);
    }
    let org = q.org.trim().parse().ok().map(OrgId).unwrap_or(a.org_id);
    if org != a.org_id {
        let target = store::org::get_org(&state.db, org).await?;
        user.may(Permission::WorkOnStations, Target::InOrg(&target.path))?;
    }
    let c = store::station::coverage(&state.db, org, 200).await?;
    let districts = if org == a.org_id {
        store::station::compare(&state.db, org).await?
    } else {
        Vec::new()
    };
    render(CoveragePage {
        shell: Shell::new(&user, "工作站覆盖情况", "/stations"),
        share: c.share(),
        c,
        districts: districts.into_iter().filter(|d| d.org_id != org).collect(),
    })
}
