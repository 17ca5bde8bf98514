//! 组织架构: the organisation tree and each organisation's sectors, special
//! committees, terms and handling units.

mod catalog;
mod orgs;

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/structure", get(orgs::tree))
        .route("/structure/orgs", axum::routing::post(orgs::create))
        .route("/structure/orgs/new", get(orgs::new_page))
        .route("/structure/orgs/{id}", axum::routing::post(orgs::update))
        .route("/structure/orgs/{id}/edit", get(orgs::edit_page))
        .route(
            "/structure/{kind}",
            get(catalog::list).post(catalog::create),
        )
        .route("/structure/{kind}/new", get(catalog::new_page))
        .route("/structure/{kind}/export.xlsx", get(catalog::export))
        .route(
            "/structure/{kind}/{id}",
            axum::routing::post(catalog::update),
        )
        .route("/structure/{kind}/{id}/edit", get(catalog::edit_page))
}
