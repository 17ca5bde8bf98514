//! What can be done to a letter, by whom, and the one transition function.

use serde::{Deserialize, Serialize};

use super::{Letter, LetterStage};
use crate::refusal::{Reason, Refusal};
use crate::tracking::{
    self, Answer, AssignmentPlan, AssignmentState, Context, Relation, TrackingAction,
    TrackingActionKind,
};
use crate::UnitId;

/// What can be done to a letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum LetterAction {
    /// 转交承办单位: the tracking machine's Assign.
    Forward { plan: AssignmentPlan },
    /// The unit writes its reply and sends it to staff (the tracking
    /// machine's DraftAnswer then SubmitAnswer).
    Reply { unit: UnitId, answer: Answer },
    /// Staff record the unit's reply as given (Accept).
    Accept { unit: UnitId },
    /// Any other tracking step: return, send back, withdraw, add a unit,
    /// extend, follow-up.
    Track { action: TrackingAction },
    /// 办结; with a note when nothing was forwarded.
    Close { note: Option<Reason> },
}

impl LetterAction {
    pub fn code(&self) -> &'static str {
        match self {
            LetterAction::Forward { .. } => "forward",
            LetterAction::Reply { .. } => "reply",
            LetterAction::Accept { .. } => "accept",
            LetterAction::Track { action } => action.kind().code(),
            LetterAction::Close { .. } => "close",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            LetterAction::Forward { .. } => "转交承办单位",
            LetterAction::Reply { .. } => "回复",
            LetterAction::Accept { .. } => "确认回复",
            LetterAction::Track { action } => action.kind().label(),
            LetterAction::Close { .. } => "办结",
        }
    }

    /// The text the history keeps beside the step.
    pub fn comment(&self) -> String {
        match self {
            // The reply's text is on the record, shown to the member once
            // staff accept it; the history only says it was sent.
            LetterAction::Reply { answer, .. } => {
                format!("回复已提交审核（{}）", answer.class.label())
            }
            LetterAction::Track { action } => action.comment().unwrap_or_default(),
            LetterAction::Close { note } => {
                note.as_ref().map(|n| n.to_string()).unwrap_or_default()
            }
            _ => String::new(),
        }
    }
}

/// Who acts, as the caller works it out from the session and the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterActor {
    /// Staff of the letter's organisation or above.
    Staff,
    /// A unit the letter was forwarded to (or any unit: the tracking
    /// machine checks it holds the letter).
    Unit(UnitId),
    /// The member it came from, a leader: reads only.
    Reader,
}

/// An accepted action: the next record and the tracking history entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Letter,
    pub tracking: Vec<tracking::Transition>,
}

/// The one transition function; `ctx` carries the organisation's calendar
/// and the letters' policy ([`super::policy_from`]).
pub fn apply(
    l: &Letter,
    action: &LetterAction,
    actor: LetterActor,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let mut next = l.clone();
    let mut moved = Vec::new();
    let relation = match actor {
        LetterActor::Staff => Relation::Staff,
        LetterActor::Unit(u) => Relation::Unit(u),
        LetterActor::Reader => {
            return Err(Refusal::not_permitted(format!(
                "只有机关工作人员或承办单位可以{}",
                action.label()
            )))
        }
    };
    let mut step = |next: &mut Letter, t: TrackingAction| -> Result<(), Refusal> {
        let applied = tracking::apply(&next.tracking, &t, &relation, ctx)?;
        next.tracking = applied.next;
        moved.push(applied.transition);
        Ok(())
    };
    match action {
        LetterAction::Forward { plan } => {
            if l.stage != LetterStage::Pending {
                return Err(Refusal::wrong_state(format!(
                    "该{}{}，不能再转交",
                    l.kind.label(),
                    l.stage.label()
                )));
            }
            step(&mut next, TrackingAction::Assign { plan: plan.clone() })?;
            next.stage = LetterStage::Forwarded;
        }
        LetterAction::Reply { unit, answer } => {
            open(l)?;
            step(
                &mut next,
                TrackingAction::DraftAnswer {
                    unit: *unit,
                    answer: answer.clone(),
                },
            )?;
            step(&mut next, TrackingAction::SubmitAnswer { unit: *unit })?;
        }
        LetterAction::Accept { unit } => {
            open(l)?;
            step(
                &mut next,
                TrackingAction::Accept {
                    unit: *unit,
                    class: None,
                    reason: None,
                },
            )?;
        }
        LetterAction::Track { action: t } => {
            open(l)?;
            if matches!(
                t.kind(),
                TrackingActionKind::Assign | TrackingActionKind::Rate | TrackingActionKind::Close
            ) {
                return Err(Refusal::invalid(format!(
                    "请使用“转交”或“办结”，不能直接{}",
                    t.kind().label()
                )));
            }
            step(&mut next, t.clone())?;
        }
        LetterAction::Close { note } => {
            if actor != LetterActor::Staff {
                return Err(Refusal::not_permitted("只有机关工作人员可以办结"));
            }
            match l.stage {
                LetterStage::Closed => return Err(Refusal::wrong_state("该件已办结")),
                LetterStage::Pending if note.is_none() => {
                    return Err(Refusal::invalid("未转交承办单位就办结，须写明办结说明"))
                }
                LetterStage::Pending => {}
                LetterStage::Forwarded | LetterStage::Answered => {
                    step(&mut next, TrackingAction::Close)?;
                }
            }
            next.closing_note = note.as_ref().map(|n| n.to_string());
            next.stage = LetterStage::Closed;
        }
    }
    if matches!(next.stage, LetterStage::Forwarded | LetterStage::Answered) {
        next.stage = if all_replied(&next) {
            LetterStage::Answered
        } else {
            LetterStage::Forwarded
        };
    }
    Ok(Applied {
        next,
        tracking: moved,
    })
}

/// Forwarded and not closed.
fn open(l: &Letter) -> Result<(), Refusal> {
    match l.stage {
        LetterStage::Pending => Err(Refusal::wrong_state(format!(
            "该{}尚未转交承办单位",
            l.kind.label()
        ))),
        LetterStage::Closed => Err(Refusal::wrong_state(format!("该{}已办结", l.kind.label()))),
        LetterStage::Forwarded | LetterStage::Answered => Ok(()),
    }
}

/// Every answering unit's reply accepted (and at least one unit).
fn all_replied(l: &Letter) -> bool {
    let mut answering = l.tracking.answering().peekable();
    answering.peek().is_some()
        && answering.all(|a| matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed))
}
