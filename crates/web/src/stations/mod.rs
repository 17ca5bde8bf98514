//! 委员工作站: the registry of stations and studios, coverage, reception
//! days, and citizens' demands from the public form or on site through
//! their disposition, the units' answers (shared tracking) and feedback.
//! Who may do what per record is `domain::station::rules`; every change of
//! a demand goes through `domain::station::apply` via `store::station`.

mod coverage;
pub(crate) mod demand_record;
pub(crate) mod demands;
pub(crate) mod disposal;
pub mod human;
mod public;
pub mod public_lists;
pub(crate) mod registry;
pub mod search;
mod stats;

pub use demand_record::{action_from, offers, record_with_attach_error};
pub use demands::ActForm;

use axum::routing::{get, post};
use axum::Router;
use domain::station::{demand_relation, DemandActor, DemandRelation, Viewer};

use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stations", get(registry::list).post(registry::create))
        .route("/stations/new", get(registry::new_page))
        .route("/stations/coverage", get(coverage::page))
        .route(
            "/stations/{id}",
            get(registry::record).post(registry::update),
        )
        .route("/stations/{id}/receptions", post(registry::reception))
        .route("/demands", get(demands::list).post(demands::create))
        .route("/demands/new", get(demands::new_page))
        .route("/demands/stats", get(stats::page))
        .route("/demands/{id}", get(demand_record::record))
        .route("/demands/{id}/act", post(disposal::act))
        .route("/demand", get(public::form).post(public::submit))
        .route("/s/{station}/demand", get(public::station_form))
        .route("/demand/track", get(public::track))
}

pub fn viewer(p: &Participant) -> Viewer<'_> {
    Viewer {
        role: p.role,
        org_path: &p.org_path,
        member: p.member,
        unit: p.unit,
    }
}

/// The demand if `p` may see it, with how they act on it; 404 otherwise.
pub async fn load_demand(
    state: &AppState,
    p: &Participant,
    id: i64,
) -> WebResult<(store::station::Stored, DemandActor)> {
    let stored = store::station::load(&state.db, &state.cipher, id).await?;
    match demand_relation(
        &viewer(p),
        &stored.org_path,
        &stored.station_members,
        stored.taken_by,
        &stored.units(),
    ) {
        DemandRelation::Acts(actor) => Ok((stored, actor)),
        DemandRelation::Hidden => Err(WebError::NotFound),
    }
}

/// The statistics' grouping codes.
pub fn stats_views() -> Vec<&'static str> {
    stats::VIEWS.iter().map(|(code, _)| *code).collect()
}
