//! `/demands`: citizens' demands through the API — entered by staff or a
//! station's members, disposed of with the pages' own step function,
//! statistics, and the public tracking answer (no token).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use domain::station::{Channel, DemandInput, DemandStage, StationRelation};
use domain::{FieldErrors, Role};

use super::{check, json::*, station_of};
use crate::api::input::{paging, ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::api::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;
use crate::stations::disposal;

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
        steps: crate::stations::offers(&s, actor)
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
