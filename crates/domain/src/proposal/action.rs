//! What can be done to a proposal, who is acting, and the history record
//! each applied action leaves.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{
    DeclineReason, LinkedItem, MergeTarget, Proposal, ProposalContent, ProposalNumber,
    ProposalPolicy, Proposer, Stage, SupervisionKind,
};
use crate::calendar::{iso_date, WorkCalendar};
use crate::refusal::Reason;
use crate::tracking::{self, AssignmentChange, TrackingAction, TrackingActionKind, TrackingPolicy};
use crate::{MemberId, UnitId, UserId};

/// Every action on a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// Start a draft; only through [`super::create`].
    Create {
        proposer: Proposer,
    },
    /// Save the draft (autosave). The text itself is kept by the caller.
    EditDraft,
    /// Set who is invited to co-sign (while a draft).
    InviteCosigners {
        members: Vec<MemberId>,
    },
    /// Submit (or resubmit after 退回修改) a complete text.
    Submit {
        content: ProposalContent,
    },
    ConfirmCosign,
    DeclineCosign {
        reason: Option<Reason>,
    },
    /// The system closes co-signing after its deadline.
    CloseCosigning,
    /// 撤案, by the author or recorded by staff, before filing.
    Withdraw {
        reason: Reason,
    },
    StartReview,
    /// 立案, with the number issued (see [`ProposalNumber::next_after`]).
    File {
        number: ProposalNumber,
    },
    Decline {
        reason: DeclineReason,
        detail: Option<Reason>,
    },
    /// 并案 into a filed proposal; this one is numbered and answered too.
    Merge {
        into: MergeTarget,
        number: ProposalNumber,
    },
    Convert {
        to: LinkedItem,
    },
    /// 退回修改
    SendBack {
        reason: Reason,
    },
    /// Everything from assignment on: assign, the units' steps, checking
    /// answers, ratings, re-handling, follow-up and closing.
    Track(TrackingAction),
    /// Mark as 重点提案 with its supervising leader.
    MarkKey {
        leader: UserId,
    },
    UnmarkKey {
        reason: Reason,
    },
    /// Record a supervision activity (督办) on a key proposal.
    RecordSupervision {
        kind: SupervisionKind,
        #[serde(with = "iso_date")]
        on: Date,
        note: Reason,
    },
    /// Select as (or drop from) 优秀提案.
    SetExcellent {
        excellent: bool,
    },
}

/// The kind of an [`Action`], without its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Create,
    EditDraft,
    InviteCosigners,
    Submit,
    ConfirmCosign,
    DeclineCosign,
    CloseCosigning,
    Withdraw,
    StartReview,
    File,
    Decline,
    Merge,
    Convert,
    SendBack,
    Track(TrackingActionKind),
    MarkKey,
    UnmarkKey,
    RecordSupervision,
    SetExcellent,
}

impl ActionKind {
    /// Every kind, the tracking ones expanded.
    pub fn all() -> Vec<ActionKind> {
        use ActionKind::*;
        let mut kinds = vec![
            Create,
            EditDraft,
            InviteCosigners,
            Submit,
            ConfirmCosign,
            DeclineCosign,
            CloseCosigning,
            Withdraw,
            StartReview,
            File,
            Decline,
            Merge,
            Convert,
            SendBack,
        ];
        kinds.extend(TrackingActionKind::ALL.map(Track));
        kinds.extend([MarkKey, UnmarkKey, RecordSupervision, SetExcellent]);
        kinds
    }

    /// The stable code stored with history entries.
    pub fn code(self) -> &'static str {
        use ActionKind::*;
        match self {
            Create => "create",
            EditDraft => "edit_draft",
            InviteCosigners => "invite_cosigners",
            Submit => "submit",
            ConfirmCosign => "confirm_cosign",
            DeclineCosign => "decline_cosign",
            CloseCosigning => "close_cosigning",
            Withdraw => "withdraw",
            StartReview => "start_review",
            File => "file",
            Decline => "decline",
            Merge => "merge",
            Convert => "convert",
            SendBack => "send_back",
            Track(kind) => kind.code(),
            MarkKey => "mark_key",
            UnmarkKey => "unmark_key",
            RecordSupervision => "record_supervision",
            SetExcellent => "set_excellent",
        }
    }

    /// The verb shown in history and in messages.
    pub fn label(self) -> &'static str {
        use ActionKind::*;
        match self {
            Create => "新建提案",
            EditDraft => "修改草稿",
            InviteCosigners => "邀请联名",
            Submit => "提交提案",
            ConfirmCosign => "确认联名",
            DeclineCosign => "谢绝联名",
            CloseCosigning => "截止联名征集",
            Withdraw => "撤案",
            StartReview => "审查",
            File => "立案",
            Decline => "不予立案",
            Merge => "并案",
            Convert => "转办",
            SendBack => "退回修改",
            Track(kind) => kind.label(),
            MarkKey => "确定重点提案",
            UnmarkKey => "取消重点提案",
            RecordSupervision => "记录督办",
            SetExcellent => "评选优秀提案",
        }
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Create { .. } => ActionKind::Create,
            Action::EditDraft => ActionKind::EditDraft,
            Action::InviteCosigners { .. } => ActionKind::InviteCosigners,
            Action::Submit { .. } => ActionKind::Submit,
            Action::ConfirmCosign => ActionKind::ConfirmCosign,
            Action::DeclineCosign { .. } => ActionKind::DeclineCosign,
            Action::CloseCosigning => ActionKind::CloseCosigning,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::StartReview => ActionKind::StartReview,
            Action::File { .. } => ActionKind::File,
            Action::Decline { .. } => ActionKind::Decline,
            Action::Merge { .. } => ActionKind::Merge,
            Action::Convert { .. } => ActionKind::Convert,
            Action::SendBack { .. } => ActionKind::SendBack,
            Action::Track(action) => ActionKind::Track(action.kind()),
            Action::MarkKey { .. } => ActionKind::MarkKey,
            Action::UnmarkKey { .. } => ActionKind::UnmarkKey,
            Action::RecordSupervision { .. } => ActionKind::RecordSupervision,
            Action::SetExcellent { .. } => ActionKind::SetExcellent,
        }
    }

    /// The why recorded with the transition.
    pub fn comment(&self) -> Option<String> {
        match self {
            Action::Withdraw { reason }
            | Action::SendBack { reason }
            | Action::UnmarkKey { reason }
            | Action::RecordSupervision { note: reason, .. } => Some(reason.to_string()),
            Action::DeclineCosign { reason } => reason.as_ref().map(Reason::to_string),
            Action::Decline { reason, detail } => Some(match detail {
                Some(detail) => format!("{}：{}", reason.label(), detail),
                None => reason.label().to_string(),
            }),
            Action::Track(action) => action.comment(),
            _ => None,
        }
    }
}

/// Who is acting, as the session knows them. The relation to this proposal
/// (author, co-signer, assigned unit) is worked out from the record, so the
/// caller only states facts about the account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// `None` for the system (scheduled jobs).
    pub user: Option<UserId>,
    /// The member this account belongs to.
    pub member: Option<MemberId>,
    /// The handling unit this account works for.
    pub unit: Option<UnitId>,
    /// Staff of the 提案委 of the proposal's organisation or an ancestor
    /// (the caller checks the organisation tree and business line).
    pub proposal_staff: bool,
    /// A chair or vice-chair (领导).
    pub leader: bool,
}

impl Who {
    pub fn system() -> Who {
        Who::default()
    }

    pub fn member(user: UserId, member: MemberId) -> Who {
        Who {
            user: Some(user),
            member: Some(member),
            ..Who::default()
        }
    }

    /// An account without a member record, e.g. a body's staff user.
    pub fn account(user: UserId) -> Who {
        Who {
            user: Some(user),
            ..Who::default()
        }
    }

    pub fn proposal_staff(user: UserId) -> Who {
        Who {
            user: Some(user),
            proposal_staff: true,
            ..Who::default()
        }
    }

    pub fn unit_clerk(user: UserId, unit: UnitId) -> Who {
        Who {
            user: Some(user),
            unit: Some(unit),
            ..Who::default()
        }
    }

    pub fn leader(user: UserId) -> Who {
        Who {
            user: Some(user),
            leader: true,
            ..Who::default()
        }
    }
}

/// The relation under which an action was allowed, recorded in history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The initiator (第一提案人) or the body's drafting account.
    Author,
    Cosigner(MemberId),
    /// 提案委 staff.
    ProposalStaff,
    /// A clerk of an assigned unit.
    Unit(UnitId),
    Leader,
    System,
}

/// Who acted, as history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user: Option<UserId>,
    pub relation: Relation,
}

/// What the machine needs besides the record.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Seconds since the Unix epoch, for the history record.
    pub at: i64,
    /// Today's date in the organisation's time zone, for deadlines.
    pub today: Date,
    pub calendar: &'a WorkCalendar,
    pub tracking: &'a TrackingPolicy,
    pub policy: &'a ProposalPolicy,
}

impl Context<'_> {
    pub fn for_tracking(&self) -> tracking::Context<'_> {
        tracking::Context {
            at: self.at,
            today: self.today,
            calendar: self.calendar,
            policy: self.tracking,
        }
    }
}

/// The history record of one applied action (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// `None` when the proposal was created.
    pub from: Option<Stage>,
    pub to: Stage,
    pub action: Action,
    pub actor: Actor,
    pub at: i64,
    pub comment: Option<String>,
    /// The units' assignments this action created or moved.
    pub assignments: Vec<AssignmentChange>,
}

/// An accepted action: the new record to store (with `version` + 1) and the
/// history entry to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Proposal,
    pub transition: Transition,
}
