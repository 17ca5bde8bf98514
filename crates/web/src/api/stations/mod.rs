//! `/stations` and `/demands`: the registry, coverage, receptions and
//! citizens' demands through the API, with the pages' own rules
//! (`domain::station::rules`, `domain::station::apply`, and the pages'
//! step function). Tokens act as for proposals: a member token names its
//! member with `as_member`, a unit token its unit with `as_unit`. The
//! tracking answer needs no token.

mod json;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::permission::{Action as Permission, Target};
use domain::station::{
    station_relation, Channel, DemandInput, DemandStage, ReceptionInput, StationInput,
    StationRelation,
};
use domain::{FieldErrors, OrgId, Role};
use utoipa::OpenApi;

pub use json::*;

use crate::api::input::{paging, ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::api::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;
use crate::stations::{disposal, viewer};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stations", get(list_stations).post(create_station))
        .route("/stations/coverage", get(coverage))
        .route("/stations/settings", axum::routing::put(save_settings))
        .route("/stations/{id}", get(read_station))
        .route("/stations/{id}/receptions", post(record_reception))
        .route("/demands", get(list_demands).post(create_demand))
        .route("/demands/stats", get(stats))
        .route("/demands/track", get(track))
        .route("/demands/{id}", get(read_demand))
        .route("/demands/{id}/actions", post(act))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "委员工作站", description = "委员工作站（室）登记、覆盖情况、接待记录，群众诉求的登记、处置（当场答复、转承办单位、\
        转提案或社情民意、提交协商）、承办单位答复、审核、反馈群众与统计。公开查询无需令牌。")),
    paths(list_stations, create_station, read_station, record_reception, coverage, save_settings,
        list_demands, create_demand, read_demand, act, stats, track),
    components(schemas(StationOut, MemberRef, StationBody, ReceptionBody, CoverageOut, DistrictOut,
        DemandRowOut, DemandOut, DemandBody, StepBody, TrackOut, StatOut, SettingsBody))
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

/// 修改本级的群众诉求设置（机关工作人员）：公开表单每个网络地址每小时可提交的件数
#[utoipa::path(put, path = "/stations/settings", tag = "委员工作站", params(ActingQuery), request_body = SettingsBody,
    responses((status = 200, description = "已保存", body = SettingsBody)))]
pub async fn save_settings(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<SettingsBody>,
) -> ApiResult<Json<SettingsBody>> {
    check(&acting)?;
    if acting.me.role != Role::Staff {
        return Err(WebError::Forbidden.into());
    }
    if !(1..=100_000).contains(&body.public_per_ip_per_hour) {
        return Err(WebError::Invalid(FieldErrors::single(
            "public_per_ip_per_hour",
            "应为1到100000",
        ))
        .into());
    }
    let org = acting.caller.token.org_id;
    let (mut settings, _) = store::station::settings_for(&state.db, org).await?;
    settings.public_per_ip_per_hour = body.public_per_ip_per_hour;
    store::station::save_settings(&state.db, state.now(), &acting.audit(), org, &settings).await?;
    Ok(Json(body))
}

/// 群众诉求列表（工作人员与领导看本级及下级，委员看本站的，承办单位看转本单位的）
#[utoipa::path(get, path = "/demands", tag = "委员工作站", params(ActingQuery, DemandListQuery),
    responses((status = 200, description = "一页诉求", body = ListPage<DemandRowOut>)))]
pub async fn list_demands(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<DemandListQuery>,
) -> ApiResult<Json<ListPage<DemandRowOut>>> {
    check(&acting)?;
    let mut e = FieldErrors::new();
    let (page, per_page) = paging(q.page.as_deref(), q.per_page.as_deref(), &mut e);
    let mut f = store::station::DemandFilter::default();
    if let Some(code) = q.stage.as_deref().filter(|s| !s.is_empty()) {
        match DemandStage::from_code(code) {
            Some(s) => f.stage = Some(s),
            None => e.add("stage", format!("未知的状态“{code}”")),
        }
    }
    f.station = q.station.as_deref().and_then(|s| s.trim().parse().ok());
    if !e.is_empty() {
        return Err(WebError::Invalid(e).into());
    }
    let me = &acting.me;
    match (me.role, me.member, me.unit) {
        (Role::Staff | Role::Leader, _, _) => f.scope = Some(me.org_path.clone()),
        (Role::Member, Some(m), _) => f.member = Some(m),
        (Role::UnitClerk, _, Some(u)) => f.unit = Some(u),
        _ => return Err(WebError::Forbidden.into()),
    }
    let rows = store::station::list(&state.db, &f, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, DemandRowOut::from)))
}

/// 登记现场或电话反映的群众诉求（机关工作人员或本站委员）
#[utoipa::path(post, path = "/demands", tag = "委员工作站", params(ActingQuery), request_body = DemandBody,
    responses((status = 201, description = "已登记", body = DemandOut)))]
pub async fn create_demand(
    State(state): State<AppState>,
    acting: Acting,
    Json(body): Json<DemandBody>,
) -> ApiResult<Response> {
    check(&acting)?;
    let me = &acting.me;
    let mut e = FieldErrors::new();
    let org = match (body.station, me.role) {
        (Some(s), _) => {
            let (st, relation) = station_of(&state, &acting, s).await.map_err(|_| {
                WebError::Invalid(FieldErrors::single(
                    "station",
                    "工作站不存在或不在您的范围内",
                ))
            })?;
            if !matches!(
                relation,
                StationRelation::Maintainer | StationRelation::Member
            ) {
                return Err(WebError::Forbidden.into());
            }
            st.row.org_id
        }
        (None, Role::Staff) => acting.caller.token.org_id,
        (None, Role::Member) => {
            e.add("station", "请指明接待的工作站");
            acting.caller.token.org_id
        }
        _ => return Err(WebError::Forbidden.into()),
    };
    let (settings, _) = store::station::settings_for(&state.db, org).await?;
    let channel = Channel::from_code(&body.channel).filter(|c| *c != Channel::Online);
    if channel.is_none() {
        e.add("channel", "来源应为 on_site 或 phone");
    }
    let flag = |b: bool| if b { "1".to_string() } else { String::new() };
    let input = DemandInput {
        name: body.name,
        anonymous: flag(body.anonymous),
        phone: body.phone,
        content: body.content,
        category: body.category,
        consent: flag(body.consent),
    };
    let parsed = input.parse(channel.unwrap_or(Channel::OnSite), &settings);
    if let Err(x) = &parsed {
        e.0.extend(x.0.iter().cloned());
    }
    let text = match parsed {
        Ok(t) if e.is_empty() => t,
        _ => return Err(WebError::Invalid(e).into()),
    };
    let user = match me.role {
        Role::Member => acting.member_account(&state).await?.id,
        _ => me.user,
    };
    let new = store::station::NewDemand {
        org,
        station: body.station,
        text,
        visitor: store::station::Visitor::Entered {
            user,
            member: me.member.filter(|_| me.role == Role::Member),
        },
    };
    let (id, _) =
        store::station::create(&state.db, &state.cipher, state.now(), &acting.audit(), &new)
            .await?
            .ok_or_else(|| WebError::Internal("entered demand throttled".into()))?;
    let out = demand_out(&state, &acting, id).await?;
    Ok(created(&format!("/demands/{id}"), out))
}

async fn demand_out(state: &AppState, acting: &Acting, id: i64) -> Result<DemandOut, WebError> {
    let (s, actor) = crate::stations::load_demand(state, &acting.me, id).await?;
    let full = matches!(
        actor,
        domain::station::DemandActor::Staff | domain::station::DemandActor::StationMember
    );
    Ok(DemandOut {
        id: s.id,
        org_id: s.org_id.0,
        station_id: s.station_id,
        station_name: s.station_name.clone(),
        channel: s.channel.code().into(),
        category: s.category.clone(),
        content: s.content.clone(),
        stage: s.demand.stage.code().into(),
        stage_label: s.demand.stage.label().into(),
        public_status: s.demand.public_status().into(),
        visitor_name: s.name.clone(),
        visitor_phone: if full {
            s.phone.clone()
        } else {
            Some(s.phone_masked.clone()).filter(|p| !p.is_empty())
        },
        tracking_code: full.then(|| s.code.clone()),
        withheld: s.withheld,
        steps: crate::stations::demands::offers(&s, actor)
            .into_iter()
            .map(str::to_string)
            .collect(),
        record: serde_json::to_value(&s.demand).unwrap_or_default(),
    })
}

/// 一件群众诉求，含调用者当前可办理的操作
#[utoipa::path(get, path = "/demands/{id}", tag = "委员工作站", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "诉求", body = DemandOut)))]
pub async fn read_demand(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<DemandOut>> {
    check(&acting)?;
    Ok(Json(demand_out(&state, &acting, id).await?))
}

/// 办理一步（与网页的操作相同）；不属于调用者的诉求为 404，状态不允许为 409，填写有误为 422
#[utoipa::path(post, path = "/demands/{id}/actions", tag = "委员工作站", params(("id" = i64, Path), ActingQuery),
    request_body = StepBody, responses((status = 200, description = "办理后的诉求", body = DemandOut)))]
pub async fn act(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(body): Json<StepBody>,
) -> ApiResult<Json<DemandOut>> {
    check(&acting)?;
    let form: crate::stations::ActForm = crate::api::input::form_of(body.fields);
    disposal::step_as(&state, &acting.me, &acting.audit(), id, &form).await?;
    Ok(Json(demand_out(&state, &acting, id).await?))
}

/// 群众诉求统计：受理、办结、按期办结、满意率，按政协组织、工作站、委员或类别（工作人员与领导）
#[utoipa::path(get, path = "/demands/stats", tag = "委员工作站", params(ActingQuery, OrgQuery),
    responses((status = 200, description = "各行与合计（最后一行）", body = Vec<StatOut>)))]
pub async fn stats(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<OrgQuery>,
) -> ApiResult<Json<Vec<StatOut>>> {
    check(&acting)?;
    if !matches!(acting.me.role, Role::Staff | Role::Leader) {
        return Err(WebError::Forbidden.into());
    }
    let by = q.by.as_deref().unwrap_or("district");
    if !crate::stations::stats_views().contains(&by) {
        return Err(WebError::Invalid(FieldErrors::single(
            "by",
            "统计口径应为 district、station、member 或 category",
        ))
        .into());
    }
    let s = store::station::statistics(&state.db, &acting.me.org_path, by).await?;
    let mut rows: Vec<StatOut> = s.rows.iter().map(StatOut::from).collect();
    rows.push(StatOut::from(&s.total));
    Ok(Json(rows))
}

/// 凭查询码查看办理状态和答复（无需令牌）；不存在与不公开的查询码结果完全相同
#[utoipa::path(get, path = "/demands/track", tag = "委员工作站", params(TrackQuery), security(()),
    responses((status = 200, description = "办理状态", body = TrackOut)))]
pub async fn track(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<TrackQuery>,
) -> ApiResult<Response> {
    let found = match domain::station::normalise_code(&q.code) {
        Some(code) => store::station::track(&state.db, &code).await?,
        None => None,
    };
    let out = match found {
        Some(t) => TrackOut {
            found: true,
            status: Some(t.status.into()),
            category: Some(t.category),
            received_on: Some(t.received_on),
            answers: t.answers,
        },
        None => TrackOut {
            found: false,
            status: None,
            category: None,
            received_on: None,
            answers: Vec::new(),
        },
    };
    Ok(Json(out).into_response())
}
