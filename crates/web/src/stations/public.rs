//! The public pages, no account needed: the demand form (for a district or
//! one station), the receipt with the tracking code, and the tracking page.
//! Throttled per client address (a per-organisation setting, HTTP 429 with
//! a Chinese message); a code that does not exist and one that is withheld
//! get the very same page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::station::{Channel, DemandInput, StationSettings};
use domain::{FieldErrors, OrgId};
use serde::Deserialize;

use super::human;
use crate::auth::ClientIp;
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{render, render_invalid};

#[derive(Template)]
#[template(path = "demands/public_form.html")]
struct FormPage {
    shell: Shell,
    orgs: Vec<(i64, String)>,
    org: i64,
    stations: Vec<(i64, String)>,
    station: i64,
    station_name: String,
    categories: Vec<String>,
    input: DemandInput,
    errors: FieldErrors,
    question: String,
    token: String,
    throttled: Option<String>,
}

impl FormPage {
    fn checked(&self, raw: &str) -> bool {
        matches!(raw, "1" | "on" | "true" | "yes")
    }
}

#[derive(Template)]
#[template(path = "demands/public_done.html")]
struct DonePage {
    shell: Shell,
    code: String,
}

#[derive(Template)]
#[template(path = "demands/track.html")]
struct TrackPage {
    shell: Shell,
    code: String,
    asked: bool,
    found: Option<store::station::Tracked>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Chosen {
    org: String,
    station: String,
}

fn number(raw: &str) -> i64 {
    raw.trim().parse().unwrap_or(0)
}

/// The organisations a citizen may address (the whole tree) and the
/// stations of the chosen one.
async fn form_page(
    state: &AppState,
    org: i64,
    station: i64,
    input: DemandInput,
    errors: FieldErrors,
) -> WebResult<FormPage> {
    let mut org = org;
    let mut station_name = String::new();
    if station > 0 {
        if let Ok(s) = store::station::load_station(&state.db, station).await {
            org = s.row.org_id.0;
            station_name = s.row.name;
        }
    }
    let lists = state.public_form.lists(&state.db, org).await?;
    let c = human::challenge(state);
    Ok(FormPage {
        shell: Shell::anonymous("向政协委员反映诉求", false),
        orgs: lists.orgs.clone(),
        org: lists.org,
        stations: lists.stations.clone(),
        station,
        station_name,
        categories: lists.settings.categories.clone(),
        input,
        errors,
        question: c.question,
        token: c.token,
        throttled: None,
    })
}

pub async fn form(State(state): State<AppState>, Query(c): Query<Chosen>) -> WebResult<Response> {
    render(
        form_page(
            &state,
            number(&c.org),
            number(&c.station),
            DemandInput::default(),
            FieldErrors::new(),
        )
        .await?,
    )
}

pub async fn station_form(
    State(state): State<AppState>,
    Path(station): Path<i64>,
) -> WebResult<Response> {
    store::station::load_station(&state.db, station).await?;
    render(
        form_page(
            &state,
            0,
            station,
            DemandInput::default(),
            FieldErrors::new(),
        )
        .await?,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Submitted {
    #[serde(flatten)]
    input: DemandInput,
    org: String,
    station: String,
    answer: String,
    token: String,
}

/// Where a submission goes and the settings that apply: the chosen
/// organisation's cached lists when the station (if any) is one of its own,
/// else the named station's organisation. One primary-key read in the usual
/// case; the whole form page is built only to show errors again.
async fn destination(
    state: &AppState,
    org: i64,
    station: i64,
) -> WebResult<(i64, Option<i64>, StationSettings)> {
    let lists = state.public_form.lists(&state.db, org).await?;
    if station > 0 && !lists.stations.iter().any(|(id, _)| *id == station) {
        match store::station::load_station(&state.db, station).await {
            Ok(s) => {
                let org = s.row.org_id.0;
                let (settings, _) = store::station::settings_for(&state.db, OrgId(org)).await?;
                return Ok((org, Some(station), settings));
            }
            Err(store::StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let station =
        (station > 0 && lists.stations.iter().any(|(id, _)| *id == station)).then_some(station);
    Ok((lists.org, station, lists.settings.clone()))
}

pub async fn submit(
    State(state): State<AppState>,
    axum::Extension(ip): axum::Extension<ClientIp>,
    axum::Form(form): axum::Form<Submitted>,
) -> WebResult<Response> {
    let (org, station) = (number(&form.org), number(&form.station));
    let (target, station_id, settings) = destination(&state, org, station).await?;
    let mut errors = FieldErrors::new();
    if target == 0 {
        errors.add("org", "请选择向哪一级政协反映");
    }
    let parsed = form.input.parse(Channel::Online, &settings);
    if let Err(e) = &parsed {
        errors.0.extend(e.0.iter().cloned());
    }
    if !human::verify(&state, &form.token, &form.answer) {
        errors.add("answer", "验证题答案不正确，请重新计算下面这道新题");
    }
    let text = match parsed {
        Ok(text) if errors.is_empty() => text,
        _ => {
            let mut page = form_page(&state, org, station, form.input.clone(), errors).await?;
            // The organisation's own message comes from `destination`.
            if page.org == 0 && page.errors.get("org").is_none() {
                page.errors.add("org", "请选择向哪一级政协反映");
            }
            return render_invalid(page);
        }
    };
    let who = store::audit::Who {
        user_id: None,
        login: "public".into(),
        ip: ip.0.clone(),
    };
    let new = store::station::NewDemand {
        org: OrgId(target),
        station: station_id,
        text,
        visitor: store::station::Visitor::Public {
            ip: ip.0,
            limit: settings.public_per_ip_per_hour,
        },
    };
    match state.intake.submit(state.now(), who, new).await? {
        Some((_, code)) => render(DonePage {
            shell: Shell::anonymous("诉求已提交", false),
            code,
        }),
        None => {
            let mut page =
                form_page(&state, org, station, form.input.clone(), FieldErrors::new()).await?;
            page.throttled = Some(format!(
                "提交太频繁：同一网络每小时最多可提交{}件诉求，请稍后再试，或拨打当地政协电话反映。您填写的内容已保留。",
                settings.public_per_ip_per_hour
            ));
            Ok((
                StatusCode::TOO_MANY_REQUESTS,
                Html(page.render().map_err(WebError::from)?),
            )
                .into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TrackQuery {
    code: String,
}

/// The same page, byte for byte, for an unknown code and a withheld one.
pub async fn track(
    State(state): State<AppState>,
    Query(q): Query<TrackQuery>,
) -> WebResult<Response> {
    let asked = !q.code.trim().is_empty();
    let found = match domain::station::normalise_code(&q.code) {
        Some(code) => store::station::track(&state.db, &code).await?,
        None => None,
    };
    render(TrackPage {
        shell: Shell::anonymous("诉求办理查询", false),
        code: q.code.trim().chars().take(40).collect(),
        asked,
        found,
    })
}
