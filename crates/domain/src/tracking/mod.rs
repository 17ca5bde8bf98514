//! The shared tracking mechanism: an item is assigned to one or more units
//! (交办), each unit contacts the requester, answers, has its answer checked,
//! gets rated, may re-handle it, and the item closes. Deadlines come from the
//! organisation's calendar and [`TrackingPolicy`].
//!
//! Written once for every business line that sends work to units
//! (proposals, 社情民意, citizens' demands, supervision opinions, consultation
//! outcomes), so nothing here knows which kind of item it tracks.
//!
//! The machine is data ([`Tracking`], [`Assignment`]) plus one function,
//! [`apply`]. Each unit's assignment moves through [`AssignmentState`]:
//!
//! ```text
//! Assigned ─┬─ Return (within the window) ──────────────▶ Returned
//!           ├─ RecordContact ─▶ Contacted ─┐
//!           └─ SendViews (co-unit) ─▶ ViewsSent
//! Contacted/SentBack/Rehandling ─ DraftAnswer ─▶ Drafting ─ SubmitAnswer ─▶ Submitted
//! Submitted ─┬─ SendBack ─▶ SentBack
//!            └─ Accept ───▶ Accepted ─ Rate … ─ Rehandle (不满意) ─▶ Rehandling
//! any live, unanswered ─ Withdraw ─▶ Withdrawn;   item ─ Close ─▶ every live one Closed
//! ```

mod action;
mod answer;
mod apply;
mod handle;
mod plan;
mod policy;
mod rating;
mod review;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::iso_date;
use crate::UnitId;

pub use action::{
    Applied, AssignmentChange, Context, Relation, TrackingAction, TrackingActionKind, Transition,
};
pub use answer::{Answer, AnswerClass, AnswerInput, FollowUp, ReopenedResult};
pub use apply::apply;
pub use plan::{AssignmentMode, AssignmentPlan, UnitRole};
pub use policy::{Period, TrackingPolicy, Warning, WarningThresholds};
pub use rating::{Feedback, FeedbackInput, Rater, Rating, Satisfaction};

/// Where one unit's assignment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentState {
    Assigned,
    /// First contact with the requester recorded (办前沟通).
    Contacted,
    /// A co-unit has sent its views to the lead unit.
    ViewsSent,
    /// An answer is drafted and may still change.
    Drafting,
    /// The answer waits for staff to check it.
    Submitted,
    /// Staff sent the answer back for changes.
    SentBack,
    /// Staff accepted the answer; it is the answer given.
    Accepted,
    /// Handled again after a dissatisfied rating (重新办理).
    Rehandling,
    /// The unit returned it as outside its remit; staff reassign.
    Returned,
    /// Staff withdrew it.
    Withdrawn,
    Closed,
}

impl AssignmentState {
    pub const ALL: [AssignmentState; 11] = [
        AssignmentState::Assigned,
        AssignmentState::Contacted,
        AssignmentState::ViewsSent,
        AssignmentState::Drafting,
        AssignmentState::Submitted,
        AssignmentState::SentBack,
        AssignmentState::Accepted,
        AssignmentState::Rehandling,
        AssignmentState::Returned,
        AssignmentState::Withdrawn,
        AssignmentState::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AssignmentState::Assigned => "assigned",
            AssignmentState::Contacted => "contacted",
            AssignmentState::ViewsSent => "views_sent",
            AssignmentState::Drafting => "drafting",
            AssignmentState::Submitted => "submitted",
            AssignmentState::SentBack => "sent_back",
            AssignmentState::Accepted => "accepted",
            AssignmentState::Rehandling => "rehandling",
            AssignmentState::Returned => "returned",
            AssignmentState::Withdrawn => "withdrawn",
            AssignmentState::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AssignmentState::Assigned => "待办理",
            AssignmentState::Contacted => "已沟通",
            AssignmentState::ViewsSent => "已送会办意见",
            AssignmentState::Drafting => "答复拟稿中",
            AssignmentState::Submitted => "答复待审核",
            AssignmentState::SentBack => "答复被退回修改",
            AssignmentState::Accepted => "已答复",
            AssignmentState::Rehandling => "重新办理",
            AssignmentState::Returned => "已退回",
            AssignmentState::Withdrawn => "已撤回",
            AssignmentState::Closed => "已办结",
        }
    }

    pub fn from_code(code: &str) -> Option<AssignmentState> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still part of the work (not returned or withdrawn).
    pub fn is_live(self) -> bool {
        !matches!(self, AssignmentState::Returned | AssignmentState::Withdrawn)
    }

    /// Still waiting for an answer to be accepted, so due dates matter.
    pub fn awaits_answer(self) -> bool {
        matches!(
            self,
            AssignmentState::Assigned
                | AssignmentState::Contacted
                | AssignmentState::Drafting
                | AssignmentState::Submitted
                | AssignmentState::SentBack
                | AssignmentState::Rehandling
        )
    }
}

/// One unit's assignment of the item. Dates are fixed when it is made, so a
/// later change of policy or calendar does not move a running deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// 1, 2, … in the order assignments were made on this item.
    pub seq: u32,
    pub unit: UnitId,
    pub role: UnitRole,
    pub state: AssignmentState,
    #[serde(with = "iso_date")]
    pub assigned_on: Date,
    /// The last day the unit may return it.
    #[serde(with = "iso_date")]
    pub return_by: Date,
    /// The first contact is due by this day.
    #[serde(with = "iso_date")]
    pub contact_by: Date,
    /// The answer is due by this day (moved by an extension or a re-handling).
    #[serde(with = "iso_date")]
    pub due: Date,
    /// The furthest an extension may move `due`.
    #[serde(with = "iso_date")]
    pub latest_due: Date,
    #[serde(with = "iso_date::option")]
    pub contacted_on: Option<Date>,
    /// A co-unit's views for the lead unit.
    pub views: Option<String>,
    pub answer: Option<Answer>,
    /// The day the first answer was accepted, and whether that was by `due`.
    #[serde(with = "iso_date::option")]
    pub first_answered_on: Option<Date>,
    pub answered_on_time: Option<bool>,
    /// 1 for the first answer, +1 for each re-handling.
    pub round: u32,
    /// Every rating ever given; never removed.
    pub ratings: Vec<Rating>,
    pub follow_up: Option<FollowUp>,
}

impl Assignment {
    pub fn is_live(&self) -> bool {
        self.state.is_live()
    }

    /// A live unit that answers (not a co-unit).
    pub fn is_answering(&self) -> bool {
        self.is_live() && self.role.answers()
    }

    /// The ratings of the current answer.
    pub fn current_ratings(&self) -> impl Iterator<Item = &Rating> {
        self.ratings.iter().filter(move |r| r.round == self.round)
    }

    pub fn has_open_follow_up(&self) -> bool {
        self.follow_up.as_ref().is_some_and(FollowUp::is_open)
    }

    /// The deadline warning for an answer still awaited, or for an open
    /// follow-up with a due date; `None` otherwise.
    pub fn warning(&self, today: Date, policy: &TrackingPolicy) -> Option<Warning> {
        let awaited = self.state.awaits_answer() && self.role.answers();
        let answer = awaited
            .then(|| policy.warning_level(self.due, today))
            .flatten();
        answer.or_else(|| {
            let due = self.open_follow_up_due()?;
            (self.state == AssignmentState::Accepted)
                .then(|| policy.warning_level(due, today))
                .flatten()
        })
    }

    /// The due date of an open follow-up, when it has one.
    pub fn open_follow_up_due(&self) -> Option<Date> {
        self.follow_up
            .as_ref()
            .filter(|f| f.is_open())
            .and_then(|f| f.due)
    }

    /// The first contact is late: not recorded and past `contact_by`.
    pub fn contact_overdue(&self, today: Date) -> bool {
        self.state == AssignmentState::Assigned && self.role.answers() && today > self.contact_by
    }
}

/// One item's whole tracking: the mode, who rates, and every assignment made
/// (including returned and withdrawn ones, kept as history).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    /// Set by the first assignment.
    pub mode: Option<AssignmentMode>,
    /// Everyone who rates each answering unit.
    pub raters: Vec<Rater>,
    pub assignments: Vec<Assignment>,
}

impl Tracking {
    pub fn new(raters: Vec<Rater>) -> Tracking {
        Tracking {
            mode: None,
            raters,
            assignments: Vec::new(),
        }
    }

    pub fn live(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments.iter().filter(|a| a.is_live())
    }

    pub fn answering(&self) -> impl Iterator<Item = &Assignment> {
        self.assignments.iter().filter(|a| a.is_answering())
    }

    /// The unit's most recent assignment, live or not.
    pub fn latest_of(&self, unit: UnitId) -> Option<&Assignment> {
        self.assignments.iter().rev().find(|a| a.unit == unit)
    }

    pub fn is_closed(&self) -> bool {
        self.assignments
            .iter()
            .any(|a| a.state == AssignmentState::Closed)
    }

    /// Every rating on the item, in every round.
    pub fn ratings(&self) -> impl Iterator<Item = (&Assignment, &Rating)> {
        self.assignments
            .iter()
            .flat_map(|a| a.ratings.iter().map(move |r| (a, r)))
    }

    /// The (unit, rater) pairs whose rating of the current answer is missing,
    /// for answers already accepted.
    pub fn missing_ratings(&self) -> Vec<(UnitId, Rater)> {
        self.answering()
            .filter(|a| a.state == AssignmentState::Accepted)
            .flat_map(|a| {
                self.raters
                    .iter()
                    .filter(move |rater| !a.current_ratings().any(|r| r.rater == **rater))
                    .map(move |rater| (a.unit, *rater))
            })
            .collect()
    }

    /// The most urgent deadline warning among the live assignments.
    pub fn warning(&self, today: Date, policy: &TrackingPolicy) -> Option<Warning> {
        self.live().filter_map(|a| a.warning(today, policy)).max()
    }
}
