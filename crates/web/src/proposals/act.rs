//! One endpoint for every step after submission: the form names the step
//! (`do`) and carries its fields; this turns them into a domain action and
//! hands it to the store, which asks the rules.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::Response;
use domain::proposal::{Action, DeclineReason, ProposalNumber};
use domain::refusal::Reason;
use domain::tracking::{AnswerInput, AssignmentPlan, FeedbackInput, TrackingAction};
use domain::{FieldErrors, ProposalId, TermId, UnitId};

use super::{visible, who, Participant};
use crate::auth::CsrfForm;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::view::done;

type Form = BTreeMap<String, String>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

fn reason(form: &Form, name: &str, label: &str) -> WebResult<Reason> {
    Reason::parse(field(form, name), label)
        .map_err(|m| WebError::Invalid(FieldErrors::single(name, m)))
}

fn unit(form: &Form, name: &str) -> WebResult<UnitId> {
    field(form, name)
        .trim()
        .parse::<i64>()
        .map(UnitId)
        .map_err(|_| WebError::Invalid(FieldErrors::single(name, "请选择承办单位")))
}

fn units(form: &Form, name: &str) -> WebResult<Vec<UnitId>> {
    field(form, name)
        .split([',', '，', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse::<i64>()
                .map(UnitId)
                .map_err(|_| WebError::Invalid(FieldErrors::single(name, "承办单位编号无效")))
        })
        .collect()
}

/// The acting unit clerk's own unit.
fn own_unit(me: &Participant) -> WebResult<UnitId> {
    me.unit.ok_or(WebError::Forbidden)
}

/// A placeholder: the store issues the real number inside its transaction.
fn any_number() -> ProposalNumber {
    ProposalNumber {
        term: TermId(0),
        year: 0,
        seq: 0,
    }
}

/// Builds the action a form asks for.
pub fn action_from(
    me: &Participant,
    rater: Option<domain::tracking::Rater>,
    today: time::Date,
    form: &Form,
) -> WebResult<Action> {
    let track = Action::Track;
    Ok(match field(form, "do") {
        "start_review" => Action::StartReview,
        "confirm_cosign" => Action::ConfirmCosign,
        "decline_cosign" => Action::DeclineCosign {
            reason: Some(field(form, "reason"))
                .filter(|r| !r.trim().is_empty())
                .map(|r| Reason::parse(r, "理由"))
                .transpose()
                .map_err(|m| WebError::Invalid(FieldErrors::single("reason", m)))?,
        },
        "file" => Action::File {
            number: any_number(),
        },
        "decline" => {
            let reason = DeclineReason::parse(field(form, "reason")).ok_or_else(|| {
                WebError::Invalid(FieldErrors::single("reason", "请选择不予立案的理由"))
            })?;
            let detail = Some(field(form, "detail"))
                .filter(|d| !d.trim().is_empty())
                .map(|d| Reason::parse(d, "说明"))
                .transpose()
                .map_err(|m| WebError::Invalid(FieldErrors::single("detail", m)))?;
            Action::Decline { reason, detail }
        }
        "send_back" => Action::SendBack {
            reason: reason(form, "reason", "退回理由")?,
        },
        "withdraw" => Action::Withdraw {
            reason: reason(form, "reason", "撤案理由")?,
        },
        "assign" => {
            let plan = match field(form, "mode") {
                "lead_with_co" => {
                    AssignmentPlan::lead_with_co(unit(form, "unit")?, &units(form, "co_units")?)
                }
                "split" => AssignmentPlan::split(
                    &units(form, "co_units")?
                        .into_iter()
                        .chain([unit(form, "unit")?])
                        .collect::<Vec<_>>(),
                ),
                _ => Ok(AssignmentPlan::single(unit(form, "unit")?)),
            }
            .map_err(|m| WebError::Invalid(FieldErrors::single("co_units", m)))?;
            track(TrackingAction::Assign { plan })
        }
        "return" => track(TrackingAction::Return {
            unit: own_unit(me)?,
            reason: reason(form, "reason", "退回理由")?,
        }),
        "contact" => track(TrackingAction::RecordContact {
            unit: own_unit(me)?,
            on: today,
            note: reason(form, "note", "沟通情况")?,
        }),
        "draft_answer" => {
            let input = AnswerInput {
                class: field(form, "class").into(),
                document_no: field(form, "document_no").into(),
                signed_by: field(form, "signed_by").into(),
                contact_person: field(form, "contact_person").into(),
                contact_phone: field(form, "contact_phone").into(),
                text: field(form, "text").into(),
            };
            track(TrackingAction::DraftAnswer {
                unit: own_unit(me)?,
                answer: input.parse().map_err(WebError::Invalid)?,
            })
        }
        "submit_answer" => track(TrackingAction::SubmitAnswer {
            unit: own_unit(me)?,
        }),
        "accept" => track(TrackingAction::Accept {
            unit: unit(form, "unit")?,
            class: None,
            reason: None,
        }),
        "send_back_answer" => track(TrackingAction::SendBack {
            unit: unit(form, "unit")?,
            reason: reason(form, "reason", "退回理由")?,
        }),
        "rehandle" => track(TrackingAction::Rehandle {
            unit: unit(form, "unit")?,
            reason: reason(form, "reason", "重新办理理由")?,
        }),
        "rate" => {
            let feedback = FeedbackInput {
                satisfaction: field(form, "satisfaction").into(),
                contacted: field(form, "contacted").into(),
                on_point: field(form, "on_point").into(),
                comment: field(form, "comment").into(),
            }
            .parse()
            .map_err(WebError::Invalid)?;
            let rater = rater.ok_or_else(|| {
                WebError::Refused(domain::refusal::Refusal::not_permitted(
                    "只有提案人可以评价",
                ))
            })?;
            track(TrackingAction::Rate {
                unit: unit(form, "unit")?,
                rater,
                feedback,
            })
        }
        "close" => track(TrackingAction::Close),
        "mark_key" => {
            Action::MarkKey {
                leader: domain::UserId(field(form, "leader").trim().parse().map_err(|_| {
                    WebError::Invalid(FieldErrors::single("leader", "请选择督办领导"))
                })?),
            }
        }
        "record_supervision" => Action::RecordSupervision {
            kind: domain::proposal::SupervisionKind::ALL
                .into_iter()
                .find(|k| k.label() == field(form, "kind"))
                .unwrap_or(domain::proposal::SupervisionKind::Other),
            on: today,
            note: reason(form, "note", "督办情况")?,
        },
        "set_excellent" => Action::SetExcellent {
            excellent: field(form, "excellent") != "0",
        },
        "rate_on_behalf" => {
            let member = field(form, "rater_member")
                .trim()
                .parse::<i64>()
                .map_err(|_| {
                    WebError::Invalid(FieldErrors::single(
                        "rater_member",
                        "请选择代为评价的提案人",
                    ))
                })?;
            let feedback = FeedbackInput {
                satisfaction: field(form, "satisfaction").into(),
                contacted: field(form, "contacted").into(),
                on_point: field(form, "on_point").into(),
                comment: field(form, "comment").into(),
            }
            .parse()
            .map_err(WebError::Invalid)?;
            track(TrackingAction::Rate {
                unit: unit(form, "unit")?,
                rater: domain::tracking::Rater::Member(domain::MemberId(member)),
                feedback,
            })
        }
        "record_followup" => track(TrackingAction::RecordFollowUp {
            unit: match me.unit {
                Some(own) => own,
                None => unit(form, "unit")?,
            },
            result: reason(form, "result", "落实结果")?,
        }),
        other => return Err(WebError::BadRequest(format!("未知的操作“{other}”"))),
    })
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let stored = store::proposal::load(&state.db, ProposalId(id)).await?;
    let me = Participant::from(&user);
    if !visible(&me, &stored) {
        return Err(WebError::NotFound);
    }
    let who = who(&me);
    let code = form.get("do").cloned().unwrap_or_default();
    let result = match action_from(&me, stored.proposal.rater_for(&who), state.today(), &form) {
        Ok(action) => store::proposal::act(
            &state.db,
            state.now(),
            &user.who(),
            &who,
            ProposalId(id),
            action,
        )
        .await
        .map_err(WebError::from),
        Err(e) => Err(e),
    };
    // A refused step or bad fields: the page comes back with the message
    // and everything typed; conflicts and the rest go to the error page.
    use axum::http::StatusCode;
    use domain::refusal::RefusalKind;
    let (status, message, errors) = match result {
        Ok(_) => return Ok(done(&format!("/proposals/{id}"), notice_for(&code))),
        Err(WebError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "请修改后重新提交".to_string(),
            errors,
        ),
        Err(WebError::Refused(r)) if r.kind == RefusalKind::Invalid => (
            StatusCode::UNPROCESSABLE_ENTITY,
            r.message,
            FieldErrors::new(),
        ),
        Err(WebError::Refused(r)) if r.kind != RefusalKind::NotPermitted => {
            (StatusCode::CONFLICT, r.message, FieldErrors::new())
        }
        Err(other) => return Err(other),
    };
    let failed = super::record::Failed {
        status,
        code,
        message,
        errors,
        form,
    };
    super::record::show(
        &state,
        &user,
        id,
        crate::shell::Notice::default(),
        Some(failed),
    )
    .await
}

/// The one-line confirmation after a step.
fn notice_for(code: &str) -> &'static str {
    match code {
        "file" => "filed",
        "assign" => "assigned",
        "draft_answer" | "submit_answer" => "answered",
        "rate" => "rated",
        "close" => "closed",
        _ => "done_step",
    }
}
