//! `/stations` and `/demands`: the registry, coverage, receptions and
//! citizens' demands through the API, with the pages' own rules
//! (`domain::station::rules`, `domain::station::apply`, and the pages'
//! step function). Tokens act as for proposals: a member token names its
//! member with `as_member`, a unit token its unit with `as_unit`. The
//! tracking answer needs no token.

mod demands;
mod json;

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::permission::{Action as Permission, Target};
use domain::station::{station_relation, ReceptionInput, StationInput, StationRelation};
use domain::{FieldErrors, OrgId, Role};
use utoipa::OpenApi;

pub use json::*;

use crate::api::input::{paging, ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::api::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;
use crate::stations::viewer;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stations", get(list_stations).post(create_station))
        .route("/stations/coverage", get(coverage))
        .route("/stations/{id}", get(read_station))
        .route("/stations/{id}/receptions", post(record_reception))
        .route(
            "/demands",
            get(demands::list_demands).post(demands::create_demand),
        )
        .route("/demands/stats", get(demands::stats))
        .route("/demands/track", get(demands::track))
        .route("/demands/{id}", get(demands::read_demand))
        .route("/demands/{id}/actions", post(demands::act))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "委员工作站", description = "委员工作站（室）登记、覆盖情况、接待记录，群众诉求的登记、处置（当场答复、转承办单位、\
        转提案或社情民意、提交协商）、承办单位答复、审核、反馈群众与统计。公开查询无需令牌。")),
    paths(list_stations, create_station, read_station, record_reception, coverage,
        demands::list_demands, demands::create_demand, demands::read_demand, demands::act,
        demands::stats, demands::track),
    components(schemas(StationOut, MemberRef, StationBody, ReceptionBody, CoverageOut, DistrictOut,
        DemandRowOut, DemandOut, DemandBody, StepBody, TrackOut, StatOut))
)]
pub struct Doc;

fn check(acting: &Acting) -> Result<(), WebError> {
    acting.caller.may(Permission::WorkOnStations, Target::None)
}

/// 工作站列表（工作人员与领导看本级及下级，委员看本人所在的）
#[utoipa::path(get, path = "/stations", tag = "委员工作站", params(ActingQuery, StationListQuery),
    responses((status = 200, description = "一页工作站", body = ListPage<StationOut>)))]
pub async fn list_stations(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<StationListQuery>,
) -> ApiResult<Json<ListPage<StationOut>>> {
    check(&acting)?;
    let mut e = FieldErrors::new();
    let (page, per_page) = paging(q.page.as_deref(), q.per_page.as_deref(), &mut e);
    if !e.is_empty() {
        return Err(WebError::Invalid(e).into());
    }
    let mut f = store::station::StationFilter {
        query: q.q.unwrap_or_default(),
        ..Default::default()
    };
    match (acting.me.role, acting.me.member) {
        (Role::Staff | Role::Leader, _) => f.scope = Some(acting.me.org_path.clone()),
        (Role::Member, Some(m)) => f.member = Some(m),
        _ => return Err(WebError::Forbidden.into()),
    }
    let rows = store::station::list_stations(&state.db, &f, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, StationOut::from)))
}

/// 新建工作站（机关工作人员，记在令牌所属政协）
#[utoipa::path(post, path = "/stations", tag = "委员工作站", params(ActingQuery), request_body = StationBody,
    responses((status = 201, description = "已新建", body = StationOut)))]
pub async fn create_station(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<StationBody>,
) -> ApiResult<Response> {
    check(&acting)?;
    if acting.me.role != Role::Staff {
        return Err(WebError::Forbidden.into());
    }
    let org = acting.caller.token.org_id;
    let input = StationInput {
        kind: body.kind,
        name: body.name,
        address: body.address,
        street: body.street,
        reception_days: body.reception_days,
        members: body.members,
    };
    let parsed = input.parse();
    let mut e = parsed.as_ref().err().cloned().unwrap_or_default();
    let members = crate::members::by_names(&state, org, &input.members, "members", &mut e).await?;
    let record = match parsed {
        Ok(r) if e.is_empty() => r,
        _ => return Err(WebError::Invalid(e).into()),
    };
    let id = store::station::create_station(
        &state.db,
        state.now(),
        &acting.audit(),
        org,
        &record,
        &members,
    )
    .await?;
    let s = store::station::load_station(&state.db, id).await?;
    Ok(created(&format!("/stations/{id}"), station_out(s)))
}

fn station_out(s: store::station::StoredStation) -> StationOut {
    let members = s
        .members
        .iter()
        .map(|(id, name)| MemberRef {
            id: id.0,
            name: name.clone(),
        })
        .collect();
    let mut out = StationOut::from(s.row);
    out.members = members;
    out
}

async fn station_of(
    state: &AppState,
    acting: &Acting,
    id: i64,
) -> Result<(store::station::StoredStation, StationRelation), WebError> {
    let s = store::station::load_station(&state.db, id).await?;
    let relation = station_relation(&viewer(&acting.me), &s.org_path, &s.member_ids());
    if relation == StationRelation::None {
        return Err(WebError::NotFound);
    }
    Ok((s, relation))
}

/// 一个工作站及其入驻委员
#[utoipa::path(get, path = "/stations/{id}", tag = "委员工作站", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "工作站", body = StationOut)))]
pub async fn read_station(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<StationOut>> {
    check(&acting)?;
    let (s, _) = station_of(&state, &acting, id).await?;
    Ok(Json(station_out(s)))
}

/// 记录一次接待（机关工作人员或本站委员）
#[utoipa::path(post, path = "/stations/{id}/receptions", tag = "委员工作站", params(("id" = i64, Path), ActingQuery),
    request_body = ReceptionBody, responses((status = 201, description = "已记录", body = StationOut)))]
pub async fn record_reception(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<ReceptionBody>,
) -> ApiResult<Response> {
    check(&acting)?;
    let (s, relation) = station_of(&state, &acting, id).await?;
    if relation == StationRelation::Reader {
        return Err(WebError::Forbidden.into());
    }
    let input = ReceptionInput {
        date: body.date,
        members: body.members,
        visitors: body.visitors,
        notes: body.notes,
    };
    let parsed = input.parse(state.today());
    let mut e = parsed.as_ref().err().cloned().unwrap_or_default();
    let on_duty =
        crate::members::by_names(&state, s.row.org_id, &input.members, "members", &mut e).await?;
    let record = match parsed {
        Ok(r) if e.is_empty() => r,
        _ => return Err(WebError::Invalid(e).into()),
    };
    store::station::record_reception(
        &state.db,
        state.now(),
        &acting.audit(),
        &s,
        &record,
        &on_duty,
    )
    .await?;
    let s = store::station::load_station(&state.db, id).await?;
    Ok(created(&format!("/stations/{id}"), station_out(s)))
}

fn org_param(acting: &Acting, raw: &Option<String>) -> Result<OrgId, WebError> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(acting.caller.token.org_id),
        Some(v) => v
            .parse()
            .map(OrgId)
            .map_err(|_| WebError::Invalid(FieldErrors::single("org", "应为政协组织 id"))),
    }
}

/// 覆盖情况：委员加入工作站的比例、未加入的委员、重复设站的地点；查看本级时含下级比较（工作人员与领导）
#[utoipa::path(get, path = "/stations/coverage", tag = "委员工作站", params(ActingQuery, OrgQuery),
    responses((status = 200, description = "覆盖情况", body = CoverageOut)))]
pub async fn coverage(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<OrgQuery>,
) -> ApiResult<Json<CoverageOut>> {
    check(&acting)?;
    if !matches!(acting.me.role, Role::Staff | Role::Leader) {
        return Err(WebError::Forbidden.into());
    }
    let org = org_param(&acting, &q.org)?;
    let target = store::org::get_org(&state.db, org).await?;
    acting
        .caller
        .may(Permission::WorkOnStations, Target::InOrg(&target.path))?;
    let c = store::station::coverage(&state.db, org, 200).await?;
    let districts = if org == acting.caller.token.org_id {
        store::station::compare(&state.db, org).await?
    } else {
        Vec::new()
    };
    Ok(Json(CoverageOut {
        org_id: org.0,
        org_name: c.org_name.clone(),
        members: c.members,
        attached: c.attached,
        share: c.share(),
        stations: c.stations,
        uncovered: c
            .uncovered
            .iter()
            .map(|u| MemberRef {
                id: u.id,
                name: u.name.clone(),
            })
            .collect(),
        duplicate_places: c.duplicates.len() as i64,
        districts: districts
            .iter()
            .filter(|d| d.org_id != org)
            .map(|d| DistrictOut {
                org_id: d.org_id.0,
                name: d.name.clone(),
                members: d.members,
                attached: d.attached,
                share: d.share(),
                stations: d.stations,
                duplicate_places: d.duplicate_places,
            })
            .collect(),
    }))
}
