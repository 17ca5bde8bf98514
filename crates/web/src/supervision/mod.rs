//! 民主监督: staff choose topics, members taking part record activities and
//! findings, staff draft supervision opinions and send them to units
//! through the shared tracking, units answer with a rectification plan and
//! then results with evidence, and a re-check (回头看) closes or reopens the
//! loop. Every change goes through `domain::supervision::apply` via
//! `store::supervision`; the pages only turn forms into actions.

mod board;
pub mod new;
mod record;
pub mod warning;

use std::collections::BTreeMap;

use axum::routing::{get, post};
use axum::Router;
use domain::member::parse_date;
use domain::refusal::Reason;
use domain::supervision::{
    reason, Action, ActivityInput, OpinionInput, PlanInput, ResultsInput, Topic, Who,
};
use domain::tracking::{AssignmentPlan, TrackingAction};
use domain::{FieldErrors, Role, UnitId, UserId};
use store::supervision::Stored;

use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::state::AppState;

pub use board::filter_for;
pub use record::{record_with_attach_error, step, steps_of};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision", get(board::page).post(new::create))
        .route("/supervision/new", get(new::page))
        .route("/supervision/{id}", get(record::page))
        .route("/supervision/{id}/act", post(record::act))
}

pub type Form = BTreeMap<String, String>;

pub fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

/// The facts the rules need: staff count as staff only within their
/// organisation's subtree; leaders likewise.
pub fn who(me: &Participant, stored: Option<&Stored>) -> Who {
    let in_scope = stored.is_none_or(|s| me.org_path.contains(&s.org_path));
    Who {
        user: Some(me.user),
        member: me.member.filter(|_| me.role == Role::Member),
        unit: me.unit.filter(|_| me.role == Role::UnitClerk),
        staff: me.role == Role::Staff && in_scope,
        leader: me.role == Role::Leader && in_scope,
    }
}

/// Staff and leaders of its organisation or above, the members taking
/// part, and the units an opinion went to. Anyone else gets 404.
pub fn visible(me: &Participant, stored: &Stored) -> bool {
    stored.topic.may_read(&who(me, Some(stored)))
}

/// A unit's assignment in the words of supervision: a plan is owed, then
/// rectification results.
pub fn state_label(a: &domain::tracking::Assignment) -> &'static str {
    use domain::tracking::AssignmentState as S;
    match a.state {
        S::Assigned | S::Contacted => "待报整改方案",
        S::Drafting => "整改方案拟写中",
        S::Submitted => "整改方案待审核",
        S::SentBack => "整改方案被退回",
        S::Accepted if a.has_open_follow_up() => "整改中，待报整改结果",
        S::Accepted => "整改结果已报送",
        other => other.label(),
    }
}

fn invalid(field: &str, message: impl Into<String>) -> WebError {
    WebError::Invalid(FieldErrors::single(field, message))
}

fn opinion_no(form: &Form) -> WebResult<u32> {
    field(form, "opinion")
        .trim()
        .parse::<u32>()
        .map_err(|_| invalid("opinion", "请选择监督意见"))
}

fn unit_of(form: &Form, who: &Who) -> WebResult<UnitId> {
    match field(form, "unit").trim().parse::<i64>() {
        Ok(id) => Ok(UnitId(id)),
        Err(_) => who.unit.ok_or_else(|| invalid("unit", "请选择承办单位")),
    }
}

fn why(form: &Form, name: &str, label: &str) -> WebResult<Reason> {
    reason(field(form, name), label).map_err(|m| invalid(name, m))
}

/// Names (、，, or spaces) of the topic's members, as their ids.
fn participants(
    form: &Form,
    topic: &Topic,
    names: &std::collections::HashMap<domain::MemberId, String>,
) -> WebResult<Vec<String>> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for name in field(form, "participants")
        .split([',', '，', '、', ' ', ';', '；'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        match topic
            .members
            .iter()
            .find(|m| names.get(m).is_some_and(|n| n == name))
        {
            Some(m) => ids.push(m.0.to_string()),
            None => unknown.push(format!("“{name}”不是本议题的参加委员")),
        }
    }
    if !unknown.is_empty() {
        return Err(invalid("participants", unknown.join("；")));
    }
    Ok(ids)
}

/// Builds the action a form asks for (pages and API alike).
pub async fn action_from(
    state: &AppState,
    form: &Form,
    stored: &Stored,
    who: &Who,
    user: UserId,
) -> WebResult<Action> {
    let topic = &stored.topic;
    Ok(match field(form, "do") {
        "record_activity" => {
            let names = store::names::members(&state.db, &topic.members).await?;
            let input = ActivityInput {
                kind: field(form, "kind").into(),
                title: field(form, "title").into(),
                start: field(form, "start").into(),
                end: field(form, "end").into(),
                place: field(form, "place").into(),
                participants: participants(form, topic, &names)?,
                others: field(form, "others").into(),
                findings: field(form, "findings").into(),
            };
            Action::RecordActivity {
                activity: input.parse(user).map_err(WebError::Invalid)?,
            }
        }
        "draft_opinion" => {
            let input = OpinionInput {
                title: field(form, "title").into(),
                text: field(form, "text").into(),
            };
            let (title, text) = input.parse().map_err(WebError::Invalid)?;
            Action::DraftOpinion { title, text }
        }
        "send_opinion" => {
            let units: Vec<UnitId> = field(form, "units")
                .split([',', '，', ' '])
                .filter_map(|u| u.trim().parse::<i64>().ok())
                .map(UnitId)
                .collect();
            let plan = match units.as_slice() {
                [one] => Ok(AssignmentPlan::single(*one)),
                [] => Err("请选择承办单位".to_string()),
                many => AssignmentPlan::split(many),
            }
            .map_err(|m| invalid("units", m))?;
            Action::SendOpinion {
                opinion: opinion_no(form)?,
                plan,
            }
        }
        "draft_plan" => {
            let input = PlanInput {
                text: field(form, "text").into(),
                document_no: field(form, "document_no").into(),
                signed_by: field(form, "signed_by").into(),
                contact_person: field(form, "contact_person").into(),
                contact_phone: field(form, "contact_phone").into(),
            };
            Action::DraftPlan {
                opinion: opinion_no(form)?,
                unit: unit_of(form, who)?,
                plan: input.parse().map_err(WebError::Invalid)?,
            }
        }
        "submit_plan" => Action::Track {
            opinion: opinion_no(form)?,
            step: TrackingAction::SubmitAnswer {
                unit: unit_of(form, who)?,
            },
        },
        "accept_plan" => Action::Track {
            opinion: opinion_no(form)?,
            step: TrackingAction::Accept {
                unit: unit_of(form, who)?,
                class: None,
                reason: None,
            },
        },
        "send_back_plan" => Action::Track {
            opinion: opinion_no(form)?,
            step: TrackingAction::SendBack {
                unit: unit_of(form, who)?,
                reason: why(form, "reason", "退回理由")?,
            },
        },
        "extend" => Action::Track {
            opinion: opinion_no(form)?,
            step: TrackingAction::Extend {
                unit: unit_of(form, who)?,
                until: parse_date(field(form, "until"))
                    .map_err(|_| invalid("until", "新的期限格式应为 2026-05-12"))?,
                reason: why(form, "reason", "延期理由")?,
            },
        },
        "record_results" => {
            let input = ResultsInput {
                result: field(form, "result").into(),
                evidence: field(form, "evidence").into(),
            };
            let (result, evidence) = input.parse().map_err(WebError::Invalid)?;
            Action::RecordResults {
                opinion: opinion_no(form)?,
                unit: unit_of(form, who)?,
                result,
                evidence,
            }
        }
        "start_recheck" => Action::StartRecheck,
        "reopen" => {
            let mut e = FieldErrors::new();
            let until = e.take(
                "until",
                parse_date(field(form, "until"))
                    .map_err(|_| "请填写新的整改期限，如 2026-05-12".into()),
            );
            let reason = e.take("reason", reason(field(form, "reason"), "重新整改的理由"));
            match (until, reason) {
                (Some(until), Some(reason)) => Action::Reopen {
                    opinion: opinion_no(form)?,
                    unit: unit_of(form, who)?,
                    until,
                    reason,
                },
                _ => return Err(WebError::Invalid(e)),
            }
        }
        "close" => Action::Close {
            conclusion: why(form, "conclusion", "回头看结论")?,
        },
        other => return Err(WebError::BadRequest(format!("未知的操作“{other}”"))),
    })
}
