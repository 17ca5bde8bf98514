//! One demand's page: its record, the steps its viewer may take, and how a
//! step's form becomes an action (pages and API alike).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::station::{DemandAction, DemandActor, DemandStage, FeedbackHow};
use domain::tracking::{AssignmentState, Satisfaction, TrackingAction};
use domain::{FieldErrors, UnitId};

use super::load_demand;
use super::ActForm;
use crate::auth::User;
use crate::error::WebResult;
use crate::files::{demand_steps, open_places, AttachError, FileBlocks};
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{render, render_invalid, when};
use store::files::OwnerKind;

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
    /// The units' answer attachments, and where this user may attach.
    files: FileBlocks,
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
    show(state, user, id, failed, form, None).await
}

/// The page again after a refused upload, with the message at its form.
pub async fn record_with_attach_error(
    state: &AppState,
    user: &User,
    error: AttachError,
) -> WebResult<Response> {
    let id = error.owner.record;
    show(state, user, id, None, ActForm::new(), Some(error)).await
}

async fn show(
    state: &AppState,
    user: &User,
    id: i64,
    failed: Option<String>,
    form: ActForm,
    attach_error: Option<AttachError>,
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
    let refused_upload = attach_error.is_some();
    let offers = offers(&s, actor);
    let kind = OwnerKind::DemandAnswer;
    let open = open_places(kind, &me, demand_steps(actor, &offers));
    let files = FileBlocks::load(state, kind, id, open, attach_error).await?;
    let page = RecordPage {
        files,
        shell: Shell::new(user, "群众诉求", "/stations"),
        offers,
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
    if failed.is_some() || refused_upload {
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
