//! 业务设置: each organisation's deadlines and warnings (proposals,
//! work stations and demands, supervision: `module`), its working-day
//! calendar (`/settings/calendar`) and 社情民意 numbers, as pages for the
//! organisation's staff and as `/api/v1/settings/…`. An organisation without its own settings inherits
//! its parent's; the pages say so.

pub mod api;
pub mod api_module;
mod calendar;
mod module;
mod opinions;

use axum::routing::{get, post};
use axum::Router;
use domain::permission::{Action, Target};
use domain::OrgId;
use serde::Deserialize;
use store::org::Org;
use store::org_settings::Source;

use crate::auth::User;
use crate::error::WebResult;
use crate::state::AppState;
use crate::view::opt_id;

/// Who may change an organisation's settings: its staff (and staff above
/// it), the same people who keep its structure lists.
pub const ACTION: Action = Action::EditStructure;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/settings/proposals",
            get(module::proposals_page).post(module::proposals_save),
        )
        .route(
            "/settings/proposals/inherit",
            post(module::proposals_inherit),
        )
        .route(
            "/settings/stations",
            get(module::stations_page).post(module::stations_save),
        )
        .route("/settings/stations/inherit", post(module::stations_inherit))
        .route(
            "/settings/supervision",
            get(module::supervision_page).post(module::supervision_save),
        )
        .route(
            "/settings/supervision/inherit",
            post(module::supervision_inherit),
        )
        .route(
            "/settings/calendar",
            get(calendar::page).post(calendar::save),
        )
        .route("/settings/calendar/inherit", post(calendar::inherit))
        .route(
            "/settings/opinions",
            get(opinions::page).post(opinions::save),
        )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OrgQuery {
    org_id: String,
    year: String,
}

/// The organisation a settings page is about: the chosen one if the user
/// may change it, else the user's own.
async fn chosen_org(state: &AppState, user: &User, raw: &str) -> WebResult<Org> {
    user.may(ACTION, Target::None)?;
    let id = opt_id(raw).map(OrgId).unwrap_or(user.live.account.org_id);
    let org = store::org::get_org(&state.db, id).await?;
    user.may(ACTION, Target::InOrg(&org.path))?;
    Ok(org)
}

/// The organisations the user may pick between.
async fn org_choices(state: &AppState, user: &User) -> WebResult<Vec<Org>> {
    Ok(state.filter_options(user).await?.orgs.clone())
}

/// Where the settings in force come from, as the page says it.
pub fn source_label(source: &Source) -> String {
    match source {
        Source::Own => "本级设置".into(),
        Source::Inherited { org_name, .. } => format!("继承自上级：{org_name}"),
        Source::Default => "使用默认值".into(),
    }
}

/// `own`, `inherited` or `default`, for the API.
pub fn source_code(source: &Source) -> &'static str {
    match source {
        Source::Own => "own",
        Source::Inherited { .. } => "inherited",
        Source::Default => "default",
    }
}
