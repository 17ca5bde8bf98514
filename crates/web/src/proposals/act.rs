//! One endpoint for every step after submission: the form names the step
//! (`do`) and carries its fields; this turns them into a domain action and
//! hands it to the store, which asks the rules.

use axum::extract::{Path, State};
use axum::response::Response;
use domain::proposal::{Action, DeclineReason, MergeTarget, ProposalNumber, Stage};
use domain::tracking::{AssignmentPlan, TrackingAction};
use domain::{FieldErrors, ProposalId, TermId};
use store::proposal::Stored;

use super::form::{
    answer, date, feedback, field, optional_class, optional_reason, own_unit, reason, role, unit,
    units, Form,
};
use super::{visible, who, Participant};
use crate::auth::CsrfForm;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::view::done;

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
            reason: optional_reason(form, "reason", "理由")?,
        },
        "file" => Action::File {
            number: any_number(),
        },
        "decline" => {
            let reason = DeclineReason::parse(field(form, "reason")).ok_or_else(|| {
                WebError::Invalid(FieldErrors::single("reason", "请选择不予立案的理由"))
            })?;
            Action::Decline {
                reason,
                detail: optional_reason(form, "detail", "说明")?,
            }
        }
        "merge" => Action::Merge {
            into: merge_target(form)?,
            number: any_number(),
        },
        // The store creates the report and puts its id in; 0 only asks
        // the rules whether the step is open.
        "convert" => {
            reason(form, "reason", "转办理由")?;
            Action::Convert {
                to: domain::proposal::LinkedItem::Opinion(domain::OpinionId(0)),
            }
        }
        // 转为意见建议 / 转委员来信: the store creates the letter and puts
        // its id in, as for 社情民意 above.
        "convert_suggestion" | "convert_letter" => {
            reason(form, "reason", "转办理由")?;
            Action::Convert {
                to: store::letter::linked_item(letter_kind(form), 0),
            }
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
        "add_unit" => track(TrackingAction::AddUnit {
            unit: unit(form, "unit")?,
            role: role(form, "role")?,
        }),
        "withdraw_unit" => track(TrackingAction::Withdraw {
            unit: unit(form, "unit")?,
            reason: reason(form, "reason", "撤回理由")?,
        }),
        "extend" => track(TrackingAction::Extend {
            unit: unit(form, "unit")?,
            until: date(form, "until", "延期后的答复期限")?,
            reason: reason(form, "reason", "延期理由")?,
        }),
        "return" => track(TrackingAction::Return {
            unit: own_unit(me)?,
            reason: reason(form, "reason", "退回理由")?,
        }),
        "contact" => track(TrackingAction::RecordContact {
            unit: own_unit(me)?,
            on: today,
            note: reason(form, "note", "沟通情况")?,
        }),
        "send_views" => track(TrackingAction::SendViews {
            unit: own_unit(me)?,
            views: reason(form, "views", "会办意见")?,
        }),
        "draft_answer" => track(TrackingAction::DraftAnswer {
            unit: own_unit(me)?,
            answer: answer(form)?,
        }),
        "submit_answer" => track(TrackingAction::SubmitAnswer {
            unit: own_unit(me)?,
        }),
        "accept" => track(TrackingAction::Accept {
            unit: unit(form, "unit")?,
            class: optional_class(form, "class")?,
            reason: optional_reason(form, "reason", "更改类别的理由")?,
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
            let feedback = feedback(form)?;
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
        "unset_excellent" => Action::SetExcellent { excellent: false },
        "unmark_key" => Action::UnmarkKey {
            reason: reason(form, "reason", "取消理由")?,
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
            track(TrackingAction::Rate {
                unit: unit(form, "unit")?,
                rater: domain::tracking::Rater::Member(domain::MemberId(member)),
                feedback: feedback(form)?,
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

/// The proposal a merge goes into, as [`resolve_merge_target`] left it in
/// the form; the store rereads its stage inside the transaction.
fn merge_target(form: &Form) -> WebResult<MergeTarget> {
    let id = field(form, "into_id")
        .trim()
        .parse::<i64>()
        .map_err(|_| WebError::Invalid(FieldErrors::single("into", "请填写要并入的提案编号")))?;
    let stage = Stage::from_code(field(form, "into_stage")).unwrap_or(Stage::Filed);
    Ok(MergeTarget {
        id: ProposalId(id),
        stage,
    })
}

/// Staff name the proposal to merge into by its number (`12`, `0012` or
/// `第0012号`, same committee, term and year) or by its record id; this
/// finds it and puts its id and stage in the form for [`action_from`].
pub async fn resolve_merge_target(
    db: &store::Db,
    me: &Participant,
    from: &Stored,
    form: &mut Form,
) -> WebResult<()> {
    if field(form, "do") != "merge" {
        return Ok(());
    }
    let typed = field(form, "into").trim().to_string();
    let found = if let Ok(id) = field(form, "into_id").trim().parse::<i64>() {
        Some(ProposalId(id))
    } else {
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        match digits.parse::<u32>() {
            Ok(seq) => store::proposal::find_by_number(db, &from.proposal, seq).await?,
            Err(_) => {
                return Err(WebError::Invalid(FieldErrors::single(
                    "into",
                    "请填写要并入的提案编号，如 0012",
                )))
            }
        }
    };
    let target = match found {
        Some(id) if id != from.proposal.id => store::proposal::load(db, id).await.ok(),
        _ => None,
    };
    let Some(target) = target.filter(|t| visible(me, t)) else {
        return Err(WebError::Invalid(FieldErrors::single(
            "into",
            format!("没有找到编号为“{typed}”的本届本年度提案"),
        )));
    };
    form.insert("into_id".into(), target.proposal.id.0.to_string());
    form.insert(
        "into_stage".into(),
        target.proposal.stage.code().to_string(),
    );
    Ok(())
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, mut form): CsrfForm<Form>,
) -> WebResult<Response> {
    let stored = store::proposal::load(&state.db, ProposalId(id)).await?;
    let me = Participant::from(&user);
    if !visible(&me, &stored) {
        return Err(WebError::NotFound);
    }
    let who = who(&me);
    let code = form.get("do").cloned().unwrap_or_default();
    let action = match resolve_merge_target(&state.db, &me, &stored, &mut form).await {
        Ok(()) => action_from(&me, stored.proposal.rater_for(&who), state.today(), &form),
        Err(e) => Err(e),
    };
    let result = match action {
        Ok(_) if code == "convert" => convert(&state, &user, &me, id, &form).await,
        Ok(_) if code.starts_with("convert_") => convert_to_letter(&state, &user, &me, id, &form)
            .await
            .map(|_| ()),
        Ok(action) => store::proposal::act(
            &state.db,
            state.now(),
            &user.who(),
            &who,
            ProposalId(id),
            action,
        )
        .await
        .map(|_| ())
        .map_err(WebError::from),
        Err(e) => Err(e),
    };
    // A refused step or bad fields: the page comes back with the message
    // and everything typed; conflicts and the rest go to the error page.
    let failed = match result {
        Ok(_) => return Ok(done(&format!("/proposals/{id}"), notice_for(&code))),
        Err(e) => crate::failed_step::Failed::of(e, code, form)?,
    };
    super::record::show(
        &state,
        &user,
        id,
        crate::shell::Notice::default(),
        Some(failed),
        None,
    )
    .await
}

/// 转社情民意信息: the store creates the report and converts the proposal
/// in one transaction.
async fn convert(
    state: &AppState,
    user: &crate::auth::User,
    me: &Participant,
    id: i64,
    form: &Form,
) -> WebResult<()> {
    let reason = reason(form, "reason", "转办理由")?;
    let staff = domain::opinion::Who {
        user: Some(me.user),
        member: None,
        staff: me.role == domain::Role::Staff,
    };
    store::opinion::convert_proposal(
        &state.db,
        state.now(),
        &user.who(),
        &who(me),
        &staff,
        ProposalId(id),
        Some(reason.to_string()),
    )
    .await?;
    Ok(())
}

/// The kind of letter a `convert_*` step names.
pub fn letter_kind(form: &Form) -> domain::letter::LetterKind {
    match field(form, "do") {
        "convert_suggestion" => domain::letter::LetterKind::Suggestion,
        _ => domain::letter::LetterKind::Letter,
    }
}

/// 转为意见建议 / 转委员来信: the store creates the letter and converts the
/// proposal in one transaction.
pub async fn convert_to_letter(
    state: &AppState,
    user: &crate::auth::User,
    me: &Participant,
    id: i64,
    form: &Form,
) -> WebResult<i64> {
    let reason = reason(form, "reason", "转办理由")?;
    Ok(store::letter::convert_proposal(
        &state.db,
        state.now(),
        &user.who(),
        &who(me),
        ProposalId(id),
        letter_kind(form),
        reason.as_str(),
    )
    .await?)
}

/// The one-line confirmation after a step.
fn notice_for(code: &str) -> &'static str {
    match code {
        "file" | "merge" => "filed",
        "assign" => "assigned",
        "draft_answer" | "submit_answer" => "answered",
        "rate" => "rated",
        "close" => "closed",
        _ => "done_step",
    }
}
