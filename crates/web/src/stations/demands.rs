//! Demands inside the application: the lists (a station's members, staff,
//! a unit's queue) and on-site entry; one demand's page is `demand_record`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::station::{Channel, DemandInput, DemandStage};
use domain::{FieldErrors, OrgId, Role};
use serde::Deserialize;

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid, when, Pager};

pub type ActForm = HashMap<String, String>;

#[derive(Template)]
#[template(path = "demands/list.html")]
struct ListPage {
    shell: Shell,
    heading: &'static str,
    rows: Vec<store::station::DemandRow>,
    pager: Pager,
    stages: Vec<DemandStage>,
    stage: String,
    keyword: String,
    can_search: bool,
    can_enter: bool,
    can_stats: bool,
}

impl ListPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    stage: String,
    station: String,
    page: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let me = Participant::from(&user);
    let mut filter = store::station::DemandFilter::default();
    let heading = match (me.role, me.member, me.unit) {
        (Role::Staff | Role::Leader, _, _) => {
            filter.scope = Some(me.org_path.clone());
            "群众诉求"
        }
        (Role::Member, Some(m), _) => {
            filter.member = Some(m);
            "我站的群众诉求"
        }
        (Role::UnitClerk, _, Some(u)) => {
            filter.unit = Some(u);
            "转本单位办理的群众诉求"
        }
        _ => return Err(WebError::Forbidden),
    };
    filter.stage = DemandStage::from_code(&q.stage);
    filter.station = q.station.trim().parse().ok();
    // A keyword is answered by the search index (staff and leaders).
    let keyword = q.q.trim().to_string();
    if !keyword.is_empty() && matches!(me.role, Role::Staff | Role::Leader) {
        let visibility = search::Visibility::staff(me.org_path.as_str().to_string());
        let hits = crate::search::find(
            &state,
            store::search_feed::Kind::Demand,
            &keyword,
            visibility,
            search::MAX_LIMIT,
        )
        .await?;
        filter.ids = Some(hits.into_iter().map(|h| h.id).collect());
    }
    let page = store::station::list(&state.db, &filter, q.page.unwrap_or(1), 20).await?;
    let pager = Pager::new(
        &page,
        &[("stage", q.stage.clone()), ("station", q.station.clone())],
    );
    render(ListPage {
        shell: Shell::new(&user, heading, "/stations").notice(notice),
        heading,
        rows: page.rows,
        pager,
        stages: DemandStage::ALL.to_vec(),
        stage: q.stage,
        keyword: q.q,
        can_search: matches!(me.role, Role::Staff | Role::Leader),
        can_enter: matches!(me.role, Role::Member | Role::Staff),
        can_stats: matches!(me.role, Role::Staff | Role::Leader),
    })
}

#[derive(Template)]
#[template(path = "demands/new.html")]
struct NewPage {
    shell: Shell,
    stations: Vec<(i64, String)>,
    station: String,
    categories: Vec<String>,
    channel: String,
    input: DemandInput,
    errors: FieldErrors,
}

impl NewPage {
    fn checked(&self, raw: &str) -> bool {
        matches!(raw, "1" | "on" | "true" | "yes")
    }
}

/// The stations an account may enter demands for: a member's own, staff's
/// own organisation's.
async fn my_stations(
    state: &AppState,
    me: &Participant,
    org: OrgId,
) -> WebResult<Vec<(i64, String)>> {
    let mut filter = store::station::StationFilter::default();
    match (me.role, me.member) {
        (Role::Member, Some(m)) => filter.member = Some(m),
        (Role::Staff, _) => filter.org = Some(org),
        _ => return Err(WebError::Forbidden),
    }
    Ok(store::station::list_stations(&state.db, &filter, 1, 500)
        .await?
        .rows
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}

pub async fn new_page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let me = Participant::from(&user);
    let org = user.live.account.org_id;
    let (settings, _) = store::station::settings_for(&state.db, org).await?;
    render(NewPage {
        shell: Shell::new(&user, "登记群众诉求", "/stations"),
        stations: my_stations(&state, &me, org).await?,
        station: String::new(),
        categories: settings.categories,
        channel: "on_site".into(),
        input: DemandInput {
            consent: String::new(),
            ..DemandInput::default()
        },
        errors: FieldErrors::new(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entered {
    #[serde(flatten)]
    input: DemandInput,
    station: String,
    channel: String,
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Entered>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let me = Participant::from(&user);
    let stations = my_stations(&state, &me, user.live.account.org_id).await?;
    let station: Option<i64> = form.station.trim().parse().ok();
    let mut errors = FieldErrors::new();
    let station_org = match station {
        Some(s) if stations.iter().any(|(id, _)| *id == s) => {
            Some(store::station::load_station(&state.db, s).await?.row.org_id)
        }
        Some(_) => {
            errors.add("station", "只能登记到您所在的工作站");
            None
        }
        None if me.role == Role::Member => {
            errors.add("station", "请选择接待的工作站");
            None
        }
        None => Some(user.live.account.org_id),
    };
    let org = station_org.unwrap_or(user.live.account.org_id);
    let (settings, _) = store::station::settings_for(&state.db, org).await?;
    let channel = Channel::from_code(&form.channel).filter(|c| *c != Channel::Online);
    if channel.is_none() {
        errors.add("channel", "请选择来源（现场接待或电话反映）");
    }
    let parsed = form
        .input
        .parse(channel.unwrap_or(Channel::OnSite), &settings);
    if let Err(e) = &parsed {
        errors.0.extend(e.0.iter().cloned());
    }
    let text = match parsed {
        Ok(t) if errors.is_empty() => t,
        _ => {
            return render_invalid(NewPage {
                shell: Shell::new(&user, "登记群众诉求", "/stations"),
                stations,
                station: form.station,
                categories: settings.categories,
                channel: form.channel,
                input: form.input,
                errors,
            })
        }
    };
    let new = store::station::NewDemand {
        org,
        station,
        text,
        visitor: store::station::Visitor::Entered {
            user: me.user,
            member: me.member.filter(|_| me.role == Role::Member),
        },
    };
    let created = store::station::create(&state.db, &state.cipher, state.now(), &user.who(), &new)
        .await?
        .ok_or_else(|| WebError::Internal("entered demand throttled".into()))?;
    Ok(done(&format!("/demands/{}", created.0), "created"))
}
