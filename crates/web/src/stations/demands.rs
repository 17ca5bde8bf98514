//! Demands inside the application: the lists (a station's members, staff,
//! a unit's queue), on-site entry, and one demand's page with the steps its
//! viewer may take.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::station::{Channel, DemandAction, DemandActor, DemandInput, DemandStage, FeedbackHow};
use domain::tracking::{AssignmentState, Satisfaction, TrackingAction};
use domain::{FieldErrors, OrgId, Role, UnitId};
use serde::Deserialize;

use super::load_demand;
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

/// One unit's assignment as the page shows it.
pub struct AssignmentView {
    pub unit: UnitId,
    pub unit_name: String,
    pub state: AssignmentState,
    pub due: String,
    pub answer: Option<String>,
}

#[derive(Template)]
#[template(path = "demands/record.html")]
struct RecordPage {
    shell: Shell,
    s: store::station::Stored,
    actor: String,
    show_phone: bool,
    assignments: Vec<AssignmentView>,
    history: Vec<store::station::HistoryRow>,
    offers: Vec<&'static str>,
    units: Vec<(UnitId, String)>,
    today: String,
    hows: Vec<FeedbackHow>,
    satisfactions: Vec<Satisfaction>,
    failed: Option<String>,
    form: ActForm,
}

impl RecordPage {
    fn offered(&self, code: &str) -> bool {
        self.offers.contains(&code)
    }
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    fn value(&self, key: &str) -> String {
        self.form.get(key).cloned().unwrap_or_default()
    }
    fn action_label(&self, code: &str) -> &'static str {
        action_label(code)
    }
}

/// The history's action codes in words.
pub fn action_label(code: &str) -> &'static str {
    match code {
        "receive" => "受理",
        "answer_on_spot" => "当场答复",
        "forward" => "转承办单位办理",
        "to_proposal" => "转为提案草稿",
        "to_opinion" => "转为社情民意信息草稿",
        "to_consultation" => "提交协商",
        "feedback" => "反馈群众",
        "withhold" => "设为不公开查询",
        "publish" => "恢复公开查询",
        other => domain::tracking::TrackingActionKind::ALL
            .into_iter()
            .find(|k| k.code() == other)
            .map(|k| k.label())
            .unwrap_or("办理"),
    }
}

/// The steps `actor` may take now, by their form code.
pub fn offers(s: &store::station::Stored, actor: DemandActor) -> Vec<&'static str> {
    let d = &s.demand;
    let by_station = matches!(actor, DemandActor::Staff | DemandActor::StationMember);
    let mut out = Vec::new();
    match d.stage {
        DemandStage::Received if by_station => {
            out.push("answer_on_spot");
            if actor == DemandActor::Staff {
                out.push("forward");
            }
            if actor == DemandActor::StationMember {
                out.push("to_proposal");
            }
            out.extend(["to_opinion", "to_consultation"]);
        }
        DemandStage::AnsweredOnSpot | DemandStage::Converted if by_station => out.push("feedback"),
        DemandStage::Forwarded => {
            let answering: Vec<_> = d.tracking.answering().collect();
            match actor {
                DemandActor::Unit(u) => {
                    if let Some(a) = answering.iter().find(|a| a.unit == u) {
                        if a.state == AssignmentState::Assigned {
                            out.extend(["return", "contact"]);
                        }
                        if matches!(
                            a.state,
                            AssignmentState::Assigned
                                | AssignmentState::Contacted
                                | AssignmentState::SentBack
                                | AssignmentState::Rehandling
                                | AssignmentState::Drafting
                        ) {
                            out.push("answer");
                        }
                    }
                }
                DemandActor::Staff => {
                    if answering
                        .iter()
                        .any(|a| a.state == AssignmentState::Submitted)
                    {
                        out.extend(["accept", "send_back"]);
                    }
                    let all_accepted = !answering.is_empty()
                        && answering
                            .iter()
                            .all(|a| a.state == AssignmentState::Accepted);
                    if all_accepted {
                        let dissatisfied = answering.iter().any(|a| {
                            a.current_ratings()
                                .any(|r| !r.feedback.satisfaction.counts_as_satisfied())
                        });
                        out.push(if dissatisfied { "rehandle" } else { "feedback" });
                    }
                    if answering.is_empty() {
                        out.push("reassign");
                    }
                }
                DemandActor::StationMember
                    if answering
                        .iter()
                        .all(|a| a.state == AssignmentState::Accepted)
                        && !answering.is_empty() =>
                {
                    out.push("feedback");
                }
                _ => {}
            }
        }
        _ => {}
    }
    if actor == DemandActor::Staff {
        out.push(if s.withheld { "publish" } else { "withhold" });
    }
    out
}

pub async fn record_page(
    state: &AppState,
    user: &User,
    id: i64,
    failed: Option<String>,
    form: ActForm,
) -> WebResult<Response> {
    let me = Participant::from(user);
    let (s, actor) = load_demand(state, &me, id).await?;
    let units = store::proposal::units_of(&state.db, s.org_id).await?;
    let name_of = |u: UnitId| {
        units
            .iter()
            .find(|(id, _)| *id == u)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| format!("承办单位{u}"))
    };
    let assignments = s
        .demand
        .tracking
        .assignments
        .iter()
        .filter(|a| match actor {
            DemandActor::Unit(u) => a.unit == u,
            _ => true,
        })
        .map(|a| AssignmentView {
            unit: a.unit,
            unit_name: name_of(a.unit),
            state: a.state,
            due: a.due.to_string(),
            answer: a.answer.as_ref().map(|x| x.text.clone()),
        })
        .collect();
    let history = store::station::history(&state.db, id).await?;
    let actor_label = match actor {
        DemandActor::Staff => "机关工作人员",
        DemandActor::StationMember => "本站委员",
        DemandActor::Unit(_) => "承办单位",
        DemandActor::Reader => "查阅",
    };
    let page = RecordPage {
        shell: Shell::new(user, "群众诉求", "/stations"),
        offers: offers(&s, actor),
        show_phone: actor == DemandActor::Staff || actor == DemandActor::StationMember,
        actor: actor_label.into(),
        assignments,
        history,
        units,
        today: state.today().to_string(),
        hows: FeedbackHow::ALL.to_vec(),
        satisfactions: Satisfaction::ALL.to_vec(),
        failed: failed.clone(),
        form,
        s,
    };
    if failed.is_some() {
        render_invalid(page)
    } else {
        render(page)
    }
}

pub async fn record(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    let _ = notice;
    record_page(&state, &user, id, None, ActForm::new()).await
}

/// The demand action a form asks for (conversions to drafts are handled
/// apart, as they create the draft first).
pub fn action_from(
    form: &ActForm,
    today: time::Date,
    unit: Option<UnitId>,
) -> Result<DemandAction, FieldErrors> {
    use domain::refusal::Reason;
    let get = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let reason =
        |k: &str, label: &str| Reason::parse(get(k), label).map_err(|m| FieldErrors::single(k, m));
    let unit_field = || -> Result<UnitId, FieldErrors> {
        unit.or_else(|| get("unit").trim().parse().ok().map(UnitId))
            .ok_or_else(|| FieldErrors::single("unit", "请选择承办单位"))
    };
    let track = |action: TrackingAction| DemandAction::Track { action };
    Ok(match get("do") {
        "answer_on_spot" => DemandAction::AnswerOnSpot {
            answer: reason("answer", "答复内容")?,
        },
        "to_consultation" => DemandAction::ToConsultation {
            note: reason("note", "协商安排")?,
        },
        "forward" | "reassign" => DemandAction::Forward {
            plan: domain::tracking::AssignmentPlan::single(unit_field()?),
        },
        "feedback" => DemandAction::Feedback {
            feedback: domain::station::FeedbackForm {
                date: get("date").into(),
                how: get("how").into(),
                satisfaction: get("satisfaction").into(),
                note: get("note").into(),
            }
            .parse(today)?,
        },
        "return" => track(TrackingAction::Return {
            unit: unit_field()?,
            reason: reason("reason", "退回理由")?,
        }),
        "contact" => track(TrackingAction::RecordContact {
            unit: unit_field()?,
            on: today,
            note: reason("note", "沟通情况")?,
        }),
        "answer" => track(TrackingAction::DraftAnswer {
            unit: unit_field()?,
            answer: domain::tracking::AnswerInput {
                class: get("class").into(),
                document_no: get("document_no").into(),
                signed_by: get("signed_by").into(),
                contact_person: get("contact_person").into(),
                contact_phone: get("contact_phone").into(),
                text: get("text").into(),
            }
            .parse()?,
        }),
        "accept" => track(TrackingAction::Accept {
            unit: unit_field()?,
            class: None,
            reason: None,
        }),
        "send_back" => track(TrackingAction::SendBack {
            unit: unit_field()?,
            reason: reason("reason", "退回修改的理由")?,
        }),
        "rehandle" => track(TrackingAction::Rehandle {
            unit: unit_field()?,
            reason: reason("reason", "重新办理的理由")?,
        }),
        other => {
            return Err(FieldErrors::single("do", format!("未知的操作“{other}”")));
        }
    })
}
