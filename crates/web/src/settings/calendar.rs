//! `/settings/calendar`: one year's public holidays and make-up working
//! days, typed as dates or ranges, with the year's month grids as preview.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::calendar::WorkCalendar;
use domain::settings::calendar::{self, CalendarInput, MonthGrid};
use domain::{FieldErrors, OrgId};
use serde::Deserialize;
use store::org::Org;
use store::org_settings::{Source, CALENDAR};

use super::{chosen_org, org_choices, source_label, OrgQuery};
use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

#[derive(Template)]
#[template(path = "settings/calendar.html")]
struct Page {
    shell: Shell,
    org: Org,
    orgs: Vec<Org>,
    source: String,
    own: bool,
    year: i32,
    years: Vec<i32>,
    input: CalendarInput,
    errors: FieldErrors,
    months: Vec<MonthGrid>,
    /// The grid shows typed dates that are not saved yet.
    preview: bool,
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

impl Page {
    fn weekdays(&self) -> [&'static str; 7] {
        WEEKDAYS
    }
}

/// What the page needs besides the typed input.
struct Loaded {
    stored: WorkCalendar,
    source: Source,
}

async fn load(state: &AppState, org: OrgId) -> WebResult<Loaded> {
    let in_force = store::org_settings::in_force(&state.db, org).await?;
    Ok(Loaded {
        stored: in_force.calendar.value,
        source: in_force.calendar.source,
    })
}

#[allow(clippy::too_many_arguments)]
async fn page_of(
    state: &AppState,
    user: &User,
    org: Org,
    loaded: Loaded,
    year: i32,
    input: Option<CalendarInput>,
    shown: &WorkCalendar,
    errors: FieldErrors,
    preview: bool,
) -> WebResult<Page> {
    let this_year = state.today().year();
    Ok(Page {
        shell: Shell::new(user, "工作日历", "/settings/proposals"),
        orgs: org_choices(state, user).await?,
        source: source_label(&loaded.source),
        own: loaded.source == Source::Own,
        years: (this_year - 1..=this_year + 2).collect(),
        input: input.unwrap_or_else(|| CalendarInput::for_year(&loaded.stored, year)),
        months: calendar::year_grid(shown, year),
        year,
        errors,
        preview,
        org,
    })
}

fn year_of(raw: &str, state: &AppState) -> i32 {
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| calendar::YEARS.contains(y))
        .unwrap_or_else(|| state.today().year())
}

pub(super) async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &q.org_id).await?;
    let year = year_of(&q.year, &state);
    let loaded = load(&state, org.id).await?;
    let shown = loaded.stored.clone();
    let page = page_of(
        &state,
        &user,
        org,
        loaded,
        year,
        None,
        &shown,
        FieldErrors::new(),
        false,
    )
    .await?;
    render(Page {
        shell: page.shell.notice(notice),
        ..page
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Form {
    org_id: String,
    year: String,
    /// `preview` shows the grid without saving.
    intent: String,
    #[serde(flatten)]
    input: CalendarInput,
}

pub(super) async fn save(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &form.org_id).await?;
    let year = year_of(&form.year, &state);
    let loaded = load(&state, org.id).await?;
    match form.input.parse(Some(year)) {
        Ok(edited) => {
            let merged = calendar::replace_year(&loaded.stored, year, &edited);
            if form.intent == "preview" {
                let page = page_of(
                    &state,
                    &user,
                    org,
                    loaded,
                    year,
                    Some(form.input),
                    &merged,
                    FieldErrors::new(),
                    true,
                )
                .await?;
                return render(page);
            }
            store::org_settings::save_calendar(
                &state.db,
                state.now(),
                &user.who(),
                org.id,
                &merged,
            )
            .await?;
            Ok(done(
                &format!("/settings/calendar?org_id={}&year={year}", org.id),
                "saved",
            ))
        }
        Err(errors) => {
            let shown = loaded.stored.clone();
            render_invalid(
                page_of(
                    &state,
                    &user,
                    org,
                    loaded,
                    year,
                    Some(form.input),
                    &shown,
                    errors,
                    false,
                )
                .await?,
            )
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct OrgForm {
    org_id: String,
}

pub(super) async fn inherit(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<OrgForm>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &form.org_id).await?;
    store::org_settings::inherit(&state.db, state.now(), &user.who(), org.id, CALENDAR).await?;
    Ok(done(
        &format!("/settings/calendar?org_id={}", org.id),
        "saved",
    ))
}
