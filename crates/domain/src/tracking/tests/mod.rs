//! Tests of the tracking machine: the exhaustive state × action table, the
//! permission matrix, the rules one by one, and random action sequences.

mod props;
mod rules;
mod table;
mod units;

use time::macros::date;
use time::Date;

use super::*;
use crate::calendar::WorkCalendar;
use crate::refusal::{Reason, Refusal};
use crate::{MemberId, UnitId};

pub(super) const U1: UnitId = UnitId(1);
pub(super) const U2: UnitId = UnitId(2);
pub(super) const U3: UnitId = UnitId(3);
pub(super) const R1: Rater = Rater::Member(MemberId(11));
pub(super) const R2: Rater = Rater::Member(MemberId(12));
/// Not among the raters.
pub(super) const STRANGER: Rater = Rater::Member(MemberId(99));

/// The calendar, policy and clock the tests run on.
pub(super) struct World {
    pub calendar: WorkCalendar,
    pub policy: TrackingPolicy,
    pub today: Date,
}

impl World {
    /// Monday 2 March 2026, Monday–Friday calendar, default policy.
    pub fn new() -> World {
        World {
            calendar: WorkCalendar::default(),
            policy: TrackingPolicy::default(),
            today: date!(2026 - 03 - 02),
        }
    }

    pub fn ctx(&self) -> Context<'_> {
        Context {
            at: 1_772_400_000,
            today: self.today,
            calendar: &self.calendar,
            policy: &self.policy,
        }
    }

    pub fn try_apply(
        &self,
        t: &Tracking,
        action: TrackingAction,
        actor: Relation,
    ) -> Result<Applied, Refusal> {
        apply(t, &action, &actor, &self.ctx())
    }

    /// Applies an action that must succeed.
    pub fn step(&self, t: &Tracking, action: TrackingAction, actor: Relation) -> Tracking {
        match self.try_apply(t, action.clone(), actor) {
            Ok(applied) => applied.next,
            Err(refusal) => panic!("{action:?} by {actor:?} refused: {refusal}"),
        }
    }
}

pub(super) fn reason(text: &str) -> Reason {
    Reason::parse(text, "说明").unwrap()
}

pub(super) fn answer(class: AnswerClass) -> Answer {
    Answer {
        class,
        document_no: Some("渝交提复〔2026〕8号".into()),
        signed_by: "陈刚".into(),
        contact_person: "刘洋".into(),
        contact_phone: "023-67001234".into(),
        text: "关于改善农村公路养护的建议收悉，现答复如下……".into(),
    }
}

pub(super) fn feedback(satisfaction: Satisfaction) -> Feedback {
    Feedback {
        satisfaction,
        contacted: true,
        on_point: satisfaction.counts_as_satisfied(),
        comment: (!satisfaction.counts_as_satisfied()).then(|| "答复没有具体措施".to_string()),
    }
}

pub(super) fn rate(unit: UnitId, rater: Rater, satisfaction: Satisfaction) -> TrackingAction {
    TrackingAction::Rate {
        unit,
        rater,
        feedback: feedback(satisfaction),
    }
}

pub(super) fn fresh() -> Tracking {
    Tracking::new(vec![R1, R2])
}

pub(super) fn assigned(w: &World, plan: AssignmentPlan) -> Tracking {
    w.step(&fresh(), TrackingAction::Assign { plan }, Relation::Staff)
}

/// Walks unit `u` of `t` from Assigned to an accepted class `class` answer.
pub(super) fn answered(w: &World, t: &Tracking, u: UnitId, class: AnswerClass) -> Tracking {
    let unit = Relation::Unit(u);
    let t = w.step(
        t,
        TrackingAction::RecordContact {
            unit: u,
            on: w.today,
            note: reason("电话沟通"),
        },
        unit,
    );
    let t = w.step(
        &t,
        TrackingAction::DraftAnswer {
            unit: u,
            answer: answer(class),
        },
        unit,
    );
    let t = w.step(&t, TrackingAction::SubmitAnswer { unit: u }, unit);
    let accept = TrackingAction::Accept {
        unit: u,
        class: None,
        reason: None,
    };
    w.step(&t, accept, Relation::Staff)
}
