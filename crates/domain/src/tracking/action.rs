//! What can be done to a tracked item, by whom, and the record each change
//! leaves in the item's append-only history.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{
    Answer, AnswerClass, AssignmentPlan, AssignmentState, Feedback, Rater, Tracking,
    TrackingPolicy, UnitRole,
};
use crate::calendar::{iso_date, WorkCalendar};
use crate::refusal::Reason;
use crate::UnitId;

/// Every action on a tracked item. Actions on one unit's assignment name the
/// unit; the machine finds that unit's current assignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum TrackingAction {
    /// Staff assign the item (when no unit holds it).
    Assign {
        plan: AssignmentPlan,
    },
    /// Staff add one unit, e.g. a new lead after the first one returned it.
    AddUnit {
        unit: UnitId,
        role: UnitRole,
    },
    /// Staff take an unanswered assignment back.
    Withdraw {
        unit: UnitId,
        reason: Reason,
    },
    /// Staff move the due date, with a reason, up to the policy's cap.
    Extend {
        unit: UnitId,
        #[serde(with = "iso_date")]
        until: Date,
        reason: Reason,
    },
    /// The unit returns it as outside its remit, within the return window.
    Return {
        unit: UnitId,
        reason: Reason,
    },
    /// The unit records its first contact with the requester (办前沟通).
    RecordContact {
        unit: UnitId,
        #[serde(with = "iso_date")]
        on: Date,
        note: Reason,
    },
    /// A co-unit sends its views to the lead unit.
    SendViews {
        unit: UnitId,
        views: Reason,
    },
    /// The lead, sole or each-part unit drafts or revises its answer.
    DraftAnswer {
        unit: UnitId,
        answer: Answer,
    },
    SubmitAnswer {
        unit: UnitId,
    },
    /// Staff send a submitted answer back.
    SendBack {
        unit: UnitId,
        reason: Reason,
    },
    /// Staff accept a submitted answer, optionally changing its class (with a reason).
    Accept {
        unit: UnitId,
        class: Option<AnswerClass>,
        reason: Option<Reason>,
    },
    /// Staff start re-handling after a dissatisfied rating (重新办理).
    Rehandle {
        unit: UnitId,
        reason: Reason,
    },
    /// The unit (or staff) records the result of a class B follow-up.
    RecordFollowUp {
        unit: UnitId,
        result: Reason,
    },
    /// Staff find a recorded follow-up result insufficient (e.g. at a
    /// re-check, 回头看) and reopen the follow-up with a new due date; the
    /// earlier result is kept.
    ReopenFollowUp {
        unit: UnitId,
        #[serde(with = "iso_date")]
        until: Date,
        reason: Reason,
    },
    /// A rater rates a unit's accepted answer, or staff enter it for them.
    Rate {
        unit: UnitId,
        rater: Rater,
        feedback: Feedback,
    },
    /// Staff or the system close the item.
    Close,
}

/// The kind of a [`TrackingAction`], without its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackingActionKind {
    Assign,
    AddUnit,
    Withdraw,
    Extend,
    Return,
    RecordContact,
    SendViews,
    DraftAnswer,
    SubmitAnswer,
    SendBack,
    Accept,
    Rehandle,
    RecordFollowUp,
    ReopenFollowUp,
    Rate,
    Close,
}

impl TrackingActionKind {
    pub const ALL: [TrackingActionKind; 16] = [
        TrackingActionKind::Assign,
        TrackingActionKind::AddUnit,
        TrackingActionKind::Withdraw,
        TrackingActionKind::Extend,
        TrackingActionKind::Return,
        TrackingActionKind::RecordContact,
        TrackingActionKind::SendViews,
        TrackingActionKind::DraftAnswer,
        TrackingActionKind::SubmitAnswer,
        TrackingActionKind::SendBack,
        TrackingActionKind::Accept,
        TrackingActionKind::Rehandle,
        TrackingActionKind::RecordFollowUp,
        TrackingActionKind::ReopenFollowUp,
        TrackingActionKind::Rate,
        TrackingActionKind::Close,
    ];

    /// The stable code stored with history entries.
    pub fn code(self) -> &'static str {
        match self {
            TrackingActionKind::Assign => "assign",
            TrackingActionKind::AddUnit => "add_unit",
            TrackingActionKind::Withdraw => "withdraw",
            TrackingActionKind::Extend => "extend",
            TrackingActionKind::Return => "return",
            TrackingActionKind::RecordContact => "record_contact",
            TrackingActionKind::SendViews => "send_views",
            TrackingActionKind::DraftAnswer => "draft_answer",
            TrackingActionKind::SubmitAnswer => "submit_answer",
            TrackingActionKind::SendBack => "send_back",
            TrackingActionKind::Accept => "accept",
            TrackingActionKind::Rehandle => "rehandle",
            TrackingActionKind::RecordFollowUp => "record_follow_up",
            TrackingActionKind::ReopenFollowUp => "reopen_follow_up",
            TrackingActionKind::Rate => "rate",
            TrackingActionKind::Close => "close",
        }
    }

    /// The verb shown in history and in messages.
    pub fn label(self) -> &'static str {
        match self {
            TrackingActionKind::Assign => "交办",
            TrackingActionKind::AddUnit => "增加承办单位",
            TrackingActionKind::Withdraw => "撤回交办",
            TrackingActionKind::Extend => "延期",
            TrackingActionKind::Return => "退回",
            TrackingActionKind::RecordContact => "记录办前沟通",
            TrackingActionKind::SendViews => "提交会办意见",
            TrackingActionKind::DraftAnswer => "答复",
            TrackingActionKind::SubmitAnswer => "提交答复",
            TrackingActionKind::SendBack => "退回答复",
            TrackingActionKind::Accept => "审核通过答复",
            TrackingActionKind::Rehandle => "重新办理",
            TrackingActionKind::RecordFollowUp => "记录跟踪办理结果",
            TrackingActionKind::ReopenFollowUp => "重新跟踪办理",
            TrackingActionKind::Rate => "评价",
            TrackingActionKind::Close => "办结",
        }
    }
}

impl TrackingAction {
    pub fn kind(&self) -> TrackingActionKind {
        use TrackingAction as A;
        use TrackingActionKind as K;
        match self {
            A::Assign { .. } => K::Assign,
            A::AddUnit { .. } => K::AddUnit,
            A::Withdraw { .. } => K::Withdraw,
            A::Extend { .. } => K::Extend,
            A::Return { .. } => K::Return,
            A::RecordContact { .. } => K::RecordContact,
            A::SendViews { .. } => K::SendViews,
            A::DraftAnswer { .. } => K::DraftAnswer,
            A::SubmitAnswer { .. } => K::SubmitAnswer,
            A::SendBack { .. } => K::SendBack,
            A::Accept { .. } => K::Accept,
            A::Rehandle { .. } => K::Rehandle,
            A::RecordFollowUp { .. } => K::RecordFollowUp,
            A::ReopenFollowUp { .. } => K::ReopenFollowUp,
            A::Rate { .. } => K::Rate,
            A::Close => K::Close,
        }
    }

    /// The unit the action is about, if it is about one.
    pub fn unit(&self) -> Option<UnitId> {
        use TrackingAction as A;
        match self {
            A::Assign { .. } | A::Close => None,
            A::AddUnit { unit, .. }
            | A::Withdraw { unit, .. }
            | A::Extend { unit, .. }
            | A::Return { unit, .. }
            | A::RecordContact { unit, .. }
            | A::SendViews { unit, .. }
            | A::DraftAnswer { unit, .. }
            | A::SubmitAnswer { unit }
            | A::SendBack { unit, .. }
            | A::Accept { unit, .. }
            | A::Rehandle { unit, .. }
            | A::RecordFollowUp { unit, .. }
            | A::ReopenFollowUp { unit, .. }
            | A::Rate { unit, .. } => Some(*unit),
        }
    }

    /// The why recorded with the transition.
    pub fn comment(&self) -> Option<String> {
        use TrackingAction as A;
        match self {
            A::Withdraw { reason, .. }
            | A::Extend { reason, .. }
            | A::Return { reason, .. }
            | A::SendBack { reason, .. }
            | A::Rehandle { reason, .. }
            | A::RecordContact { note: reason, .. }
            | A::RecordFollowUp { result: reason, .. }
            | A::ReopenFollowUp { reason, .. } => Some(reason.to_string()),
            A::Accept { reason, .. } => reason.as_ref().map(Reason::to_string),
            A::Rate { feedback, .. } => feedback.comment.clone(),
            _ => None,
        }
    }
}

/// The actor's relation to the item, worked out by the caller from the
/// session and the record: staff of the business line, a unit's clerk, a
/// rater, or the system (scheduled jobs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Staff,
    Unit(UnitId),
    Rater(Rater),
    System,
}

/// What the machine needs besides the record: the time, today's local date,
/// and the organisation's calendar and policy.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Seconds since the Unix epoch, for the history record.
    pub at: i64,
    /// Today's date in the organisation's time zone, for deadlines.
    pub today: Date,
    pub calendar: &'a WorkCalendar,
    pub policy: &'a TrackingPolicy,
}

/// One assignment's move; `from` is `None` for a new assignment. Extensions,
/// ratings and follow-up results keep the state (`from == to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentChange {
    pub seq: u32,
    pub unit: UnitId,
    pub from: Option<AssignmentState>,
    pub to: AssignmentState,
}

/// The history record of one applied action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub changes: Vec<AssignmentChange>,
    pub action: TrackingAction,
    pub actor: Relation,
    pub at: i64,
    pub comment: Option<String>,
}

/// An accepted action: the new record to store and the history entry to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Tracking,
    pub transition: Transition,
}
