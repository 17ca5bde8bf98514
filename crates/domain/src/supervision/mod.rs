//! 民主监督 (democratic supervision, DOMAIN §5): a topic is chosen, members
//! supervise through activities, supervision opinions go to departments
//! through the shared tracking mechanism, the departments rectify, and a
//! re-check (回头看) closes the loop or reopens it.
//!
//! ```text
//! Planned ─ RecordActivity ─▶ Active ─ DraftOpinion ─▶ Drafting ─ SendOpinion ─▶ Rectifying
//! Rectifying (every opinion sent, every unit's results recorded) ─ StartRecheck ─▶ Rechecking
//! Rechecking ─┬─ Close ─▶ Closed
//!             └─ Reopen (one unit, reason, new date) ─▶ Rectifying
//! ```
//!
//! Each opinion carries its own [`Tracking`]: the rectification plan (整改方案)
//! is the unit's answer (class B, "列入计划"), accepted by staff; the results
//! (整改结果) are the follow-up result that a class B answer keeps open, due by
//! the policy's follow-up period; a re-check that finds them short reopens
//! the follow-up ([`TrackingAction::ReopenFollowUp`]).

mod apply;
mod input;
mod settings;
mod stage;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::iso_date;
use crate::tracking::{Tracking, TrackingAction, TrackingPolicy, Warning};
use crate::{CommitteeId, MemberId, OpinionId, OrgId, ProposalId, TopicId, UnitId, UserId};

pub use apply::{apply, create, offers};
pub use input::{
    reason, ActivityInput, OpinionInput, ParsedTopic, PlanInput, ResultsInput, TopicInput,
    TopicText, BODY_CHARS, TITLE_CHARS,
};
pub use settings::SupervisionSettings;
pub use stage::{Action, ActionKind, ActivityKind, Form, Source, SourceKind, Stage};

/// One supervision topic as the rules see it, with everything done on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: TopicId,
    pub org: OrgId,
    pub year: i32,
    pub text: TopicText,
    pub source: Source,
    pub form: Form,
    /// The lead special committee (牵头专委会).
    pub committee: CommitteeId,
    /// The members taking part.
    pub members: Vec<MemberId>,
    pub stage: Stage,
    pub activities: Vec<Activity>,
    pub opinions: Vec<SupervisionOpinion>,
    /// The re-check's conclusion, once closed.
    pub conclusion: Option<String>,
    /// The staff account that created it.
    pub created_by: UserId,
    /// +1 on every applied action, for the store's optimistic check.
    pub version: u64,
}

/// A supervision activity: an inspection, research or appraisal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub seq: u32,
    pub kind: ActivityKind,
    pub title: String,
    #[serde(with = "iso_date")]
    pub start: Date,
    #[serde(with = "iso_date")]
    pub end: Date,
    pub place: String,
    /// Members of the topic who took part.
    pub participants: Vec<MemberId>,
    /// Others present (departments, experts, citizens' representatives).
    pub others: Option<String>,
    /// 发现的问题与情况
    pub findings: String,
    pub recorded_by: UserId,
}

/// A supervision opinion (监督意见) sent to departments through tracking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionOpinion {
    pub seq: u32,
    pub title: String,
    pub text: String,
    #[serde(with = "iso_date")]
    pub drafted_on: Date,
    #[serde(with = "iso_date::option")]
    pub sent_on: Option<Date>,
    pub tracking: Tracking,
    /// Evidence given with each results report, oldest first.
    pub evidence: Vec<Evidence>,
}

/// 佐证材料 given by a unit with its rectification results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub unit: UnitId,
    #[serde(with = "iso_date")]
    pub on: Date,
    pub text: String,
}

impl SupervisionOpinion {
    pub fn is_sent(&self) -> bool {
        self.sent_on.is_some()
    }

    /// Every answering unit's plan is accepted and its results are recorded.
    pub fn is_rectified(&self) -> bool {
        self.is_sent()
            && self.tracking.answering().next().is_some()
            && self.tracking.answering().all(|a| {
                a.state == crate::tracking::AssignmentState::Accepted
                    && a.follow_up.as_ref().is_some_and(|f| !f.is_open())
            })
    }

    pub fn is_assigned_to(&self, unit: UnitId) -> bool {
        self.tracking.live().any(|a| a.unit == unit)
    }
}

impl Topic {
    pub fn opinion(&self, seq: u32) -> Option<&SupervisionOpinion> {
        self.opinions.iter().find(|o| o.seq == seq)
    }

    /// The most urgent deadline warning over every opinion and unit.
    pub fn warning(&self, today: Date, policy: &TrackingPolicy) -> Option<Warning> {
        self.opinions
            .iter()
            .filter_map(|o| o.tracking.warning(today, policy))
            .max()
    }

    /// Whether a unit holds (or held) any opinion of this topic.
    pub fn involves_unit(&self, unit: UnitId) -> bool {
        self.opinions
            .iter()
            .any(|o| o.tracking.assignments.iter().any(|a| a.unit == unit))
    }

    /// Who may read it: staff and leaders (scope checked by the caller),
    /// the members taking part, and the units an opinion went to.
    pub fn may_read(&self, who: &Who) -> bool {
        who.staff
            || who.leader
            || who.member.is_some_and(|m| self.members.contains(&m))
            || who.unit.is_some_and(|u| self.involves_unit(u))
    }
}

/// Who is acting. The caller checks that staff and leaders belong to the
/// topic's organisation or an ancestor, and fills `unit` for a unit clerk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    pub user: Option<UserId>,
    pub member: Option<MemberId>,
    pub unit: Option<UnitId>,
    /// Staff of the owning committee (they organise).
    pub staff: bool,
    pub leader: bool,
}

/// The relation under which an action was allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Staff,
    /// A member taking part.
    Member,
    Unit(UnitId),
    System,
}

/// The deadlines of supervision opinions *(assumed defaults: a plan within
/// 20 working days, results within 3 months of the plan's acceptance)*.
pub fn default_policy() -> TrackingPolicy {
    SupervisionSettings::default().policy()
}

/// What the machine needs besides the record.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub at: i64,
    pub today: Date,
    pub calendar: &'a crate::calendar::WorkCalendar,
    pub policy: &'a TrackingPolicy,
}

impl Context<'_> {
    pub fn for_tracking(&self) -> crate::tracking::Context<'_> {
        crate::tracking::Context {
            at: self.at,
            today: self.today,
            calendar: self.calendar,
            policy: self.policy,
        }
    }
}

/// The history record of one applied action (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub from: Stage,
    pub to: Stage,
    pub kind: ActionKind,
    /// The opinion the action was about, if any.
    pub opinion: Option<u32>,
    /// The tracking step, for actions that went through tracking.
    pub step: Option<TrackingAction>,
    pub user: Option<UserId>,
    pub relation: Relation,
    pub at: i64,
    pub comment: Option<String>,
}

/// An accepted action: the record to store and its history entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Topic,
    pub transition: Transition,
}

/// The item a topic came from, for links both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum SourceItem {
    Proposal(ProposalId),
    Opinion(OpinionId),
}
