//! The registry: stations and studios of the viewer's scope (a member sees
//! those they belong to), the form staff maintain them with, one station's
//! page with its members and reception days, and recording a reception.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::station::{
    station_relation, ReceptionInput, StationInput, StationKind, StationRelation,
};
use domain::{FieldErrors, Role};
use serde::Deserialize;
use store::station::{StationFilter, StationRow, StoredStation};

use super::viewer;
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid, Pager};

#[derive(Template)]
#[template(path = "stations/list.html")]
struct ListPage {
    shell: Shell,
    heading: &'static str,
    rows: Vec<StationRow>,
    pager: Pager,
    q: String,
    can_edit: bool,
    staff_view: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
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
    let mut filter = StationFilter {
        query: q.q.clone(),
        ..Default::default()
    };
    let heading = match (me.role, me.member) {
        (Role::Staff | Role::Leader, _) => {
            filter.scope = Some(me.org_path.clone());
            "委员工作站"
        }
        (Role::Member, Some(m)) => {
            filter.member = Some(m);
            "我所在的工作站"
        }
        // A unit clerk works on forwarded demands only.
        (Role::UnitClerk, _) => {
            return Ok(axum::response::IntoResponse::into_response(
                axum::response::Redirect::to("/demands"),
            ));
        }
        _ => return Err(WebError::Forbidden),
    };
    let page = store::station::list_stations(&state.db, &filter, q.page.unwrap_or(1), 20).await?;
    let pager = Pager::new(&page, &[("q", q.q.clone())]);
    render(ListPage {
        shell: Shell::new(&user, heading, "/stations").notice(notice),
        heading,
        rows: page.rows,
        pager,
        q: q.q,
        can_edit: me.role == Role::Staff,
        staff_view: matches!(me.role, Role::Staff | Role::Leader),
    })
}

#[derive(Template)]
#[template(path = "stations/form.html")]
struct FormPage {
    shell: Shell,
    id: Option<i64>,
    input: StationInput,
    kinds: Vec<StationKind>,
    errors: FieldErrors,
}

pub async fn new_page(State(_state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    if user.live.account.role != Role::Staff {
        return Err(WebError::Forbidden);
    }
    render(FormPage {
        shell: Shell::new(&user, "新建工作站", "/stations"),
        id: None,
        input: StationInput::default(),
        kinds: StationKind::ALL.to_vec(),
        errors: FieldErrors::new(),
    })
}

async fn save(
    state: &AppState,
    user: &User,
    id: Option<i64>,
    input: StationInput,
) -> WebResult<Response> {
    let org = match id {
        Some(id) => station_for_user(state, user, id, true).await?.row.org_id,
        None => user.live.account.org_id,
    };
    let parsed = input.parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let members =
        crate::members::by_names(state, org, &input.members, "members", &mut errors).await?;
    let record = match parsed {
        Ok(r) if errors.is_empty() => r,
        _ => {
            return render_invalid(FormPage {
                shell: Shell::new(
                    user,
                    if id.is_some() {
                        "修改工作站"
                    } else {
                        "新建工作站"
                    },
                    "/stations",
                ),
                id,
                input,
                kinds: StationKind::ALL.to_vec(),
                errors,
            })
        }
    };
    let (now, who) = (state.now(), user.who());
    let id = match id {
        Some(id) => {
            store::station::update_station(&state.db, now, &who, id, &record, &members).await?;
            id
        }
        None => {
            store::station::create_station(&state.db, now, &who, org, &record, &members).await?
        }
    };
    Ok(done(&format!("/stations/{id}"), "saved"))
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, input): CsrfForm<StationInput>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    if user.live.account.role != Role::Staff {
        return Err(WebError::Forbidden);
    }
    save(&state, &user, None, input).await
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, input): CsrfForm<StationInput>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    save(&state, &user, Some(id), input).await
}

/// The station if the user relates to it; `maintain` asks for staff rights.
pub async fn station_for_user(
    state: &AppState,
    user: &User,
    id: i64,
    maintain: bool,
) -> WebResult<StoredStation> {
    let s = store::station::load_station(&state.db, id).await?;
    let me = Participant::from(user);
    match station_relation(&viewer(&me), &s.org_path, &s.member_ids()) {
        StationRelation::None => Err(WebError::NotFound),
        StationRelation::Maintainer => Ok(s),
        _ if maintain => Err(WebError::Forbidden),
        _ => Ok(s),
    }
}

#[derive(Template)]
#[template(path = "stations/record.html")]
struct RecordPage {
    shell: Shell,
    s: StoredStation,
    can_edit: bool,
    can_record: bool,
    edit: StationInput,
    kinds: Vec<StationKind>,
    errors: FieldErrors,
    edit_errors: FieldErrors,
    reception: ReceptionInput,
    receptions: Vec<store::station::ReceptionRow>,
    today: String,
}

async fn record_page(
    state: &AppState,
    user: &User,
    s: StoredStation,
    reception: ReceptionInput,
    errors: FieldErrors,
    notice: Notice,
) -> WebResult<RecordPage> {
    let me = Participant::from(user);
    let relation = station_relation(&viewer(&me), &s.org_path, &s.member_ids());
    let edit = StationInput {
        kind: s.row.kind.code().into(),
        name: s.row.name.clone(),
        address: s.row.address.clone(),
        street: s.row.street.clone(),
        reception_days: s.row.reception_days.clone(),
        members: s
            .members
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join("、"),
    };
    Ok(RecordPage {
        shell: Shell::new(user, s.row.name.clone(), "/stations").notice(notice),
        receptions: store::station::receptions(&state.db, s.row.id, 20).await?,
        can_edit: relation == StationRelation::Maintainer,
        can_record: matches!(
            relation,
            StationRelation::Maintainer | StationRelation::Member
        ),
        edit,
        kinds: StationKind::ALL.to_vec(),
        errors,
        edit_errors: FieldErrors::new(),
        reception,
        today: state.today().to_string(),
        s,
    })
}

pub async fn record(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let s = station_for_user(&state, &user, id, false).await?;
    render(
        record_page(
            &state,
            &user,
            s,
            ReceptionInput::default(),
            FieldErrors::new(),
            notice,
        )
        .await?,
    )
}

pub async fn reception(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, input): CsrfForm<ReceptionInput>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let s = station_for_user(&state, &user, id, false).await?;
    let me = Participant::from(&user);
    if station_relation(&viewer(&me), &s.org_path, &s.member_ids()) == StationRelation::Reader {
        return Err(WebError::Forbidden);
    }
    let parsed = input.parse(state.today());
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let on_duty =
        crate::members::by_names(&state, s.row.org_id, &input.members, "members", &mut errors)
            .await?;
    let record = match parsed {
        Ok(r) if errors.is_empty() => r,
        _ => {
            return render_invalid(
                record_page(&state, &user, s, input, errors, Notice::default()).await?,
            )
        }
    };
    store::station::record_reception(&state.db, state.now(), &user.who(), &s, &record, &on_duty)
        .await?;
    Ok(done(&format!("/stations/{id}"), "saved"))
}
