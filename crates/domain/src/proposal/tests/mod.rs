//! Tests of the proposal machine: the exhaustive stage × action table, the
//! actor matrix, whole seasons with Chinese refusals, and random walks.

mod fixtures;
mod props;
mod refusals;
mod season;
mod table;

use time::macros::date;
use time::Date;

use super::*;
use crate::calendar::WorkCalendar;
use crate::refusal::{Reason, Refusal};
use crate::tracking::{
    Answer, AnswerClass, AssignmentPlan, Feedback, Satisfaction, TrackingAction, TrackingPolicy,
};
use crate::{MemberId, OrgId, ProposalId, TermId, UnitId, UserId};

pub(super) const ID: ProposalId = ProposalId(1);
pub(super) const OTHER: ProposalId = ProposalId(2);
pub(super) const TERM: TermId = TermId(6);
pub(super) const YEAR: i32 = 2026;
pub(super) const U1: UnitId = UnitId(1);
pub(super) const U2: UnitId = UnitId(2);
pub(super) const U3: UnitId = UnitId(3);
pub(super) const AUTHOR_M: MemberId = MemberId(100);
pub(super) const A_M: MemberId = MemberId(101);
pub(super) const B_M: MemberId = MemberId(102);
pub(super) const LEADER: UserId = UserId(900);
pub(super) const LEADER2: UserId = UserId(901);

pub(super) fn author() -> Who {
    Who::member(UserId(1), AUTHOR_M)
}
pub(super) fn cosigner_a() -> Who {
    Who::member(UserId(2), A_M)
}
pub(super) fn cosigner_b() -> Who {
    Who::member(UserId(3), B_M)
}
pub(super) fn stranger() -> Who {
    Who::member(UserId(4), MemberId(199))
}
pub(super) fn staff() -> Who {
    Who::proposal_staff(UserId(50))
}
pub(super) fn clerk(unit: UnitId) -> Who {
    Who::unit_clerk(UserId(60 + unit.0), unit)
}
pub(super) fn leader() -> Who {
    Who::leader(LEADER)
}

pub(super) struct World {
    pub calendar: WorkCalendar,
    pub tracking: TrackingPolicy,
    pub policy: ProposalPolicy,
    pub today: Date,
}

impl World {
    /// Monday 2 March 2026, the plenary season.
    pub fn new() -> World {
        World {
            calendar: WorkCalendar::default(),
            tracking: TrackingPolicy::default(),
            policy: ProposalPolicy::default(),
            today: date!(2026 - 03 - 02),
        }
    }

    pub fn ctx(&self) -> Context<'_> {
        Context {
            at: 1_772_400_000,
            today: self.today,
            calendar: &self.calendar,
            tracking: &self.tracking,
            policy: &self.policy,
        }
    }

    pub fn try_apply(&self, p: &Proposal, action: &Action, who: &Who) -> Result<Applied, Refusal> {
        apply(p, action, who, &self.ctx())
    }

    /// Applies an action that must succeed.
    pub fn step(&self, p: &Proposal, action: Action, who: Who) -> Proposal {
        match self.try_apply(p, &action, &who) {
            Ok(applied) => applied.next,
            Err(refusal) => panic!(
                "{:?} by {who:?} in {:?} refused: {refusal}",
                action.kind(),
                p.stage
            ),
        }
    }

    pub fn track(&self, p: &Proposal, step: TrackingAction, who: Who) -> Proposal {
        self.step(p, Action::Track(step), who)
    }
}

pub(super) fn reason(text: &str) -> Reason {
    Reason::parse(text, "说明").unwrap()
}

pub(super) fn content() -> ProposalContent {
    ProposalInput {
        title: "关于加强城区养老服务设施建设的建议".into(),
        analysis:
            "我区60岁以上老年人口已超过总人口的五分之一，社区养老服务设施覆盖不足，护理人员短缺。"
                .into(),
        suggestions: "一是按标准配建社区养老服务用房；二是培养护理人才。".into(),
        category: "社会建设".into(),
        public: "是".into(),
        suggested_units: "1".into(),
    }
    .parse(&default_categories())
    .unwrap()
}

pub(super) fn number(seq: u32) -> ProposalNumber {
    ProposalNumber {
        term: TERM,
        year: YEAR,
        seq,
    }
}

pub(super) fn answer(class: AnswerClass) -> Answer {
    Answer {
        class,
        document_no: Some("渝民提复〔2026〕3号".into()),
        signed_by: "赵敏".into(),
        contact_person: "孙丽".into(),
        contact_phone: "023-68001234".into(),
        text: "您提出的关于加强城区养老服务设施建设的建议收悉，现答复如下……".into(),
    }
}

pub(super) fn feedback(satisfaction: Satisfaction) -> Feedback {
    Feedback {
        satisfaction,
        contacted: true,
        on_point: true,
        comment: (satisfaction == Satisfaction::Dissatisfied).then(|| "措施不具体".to_string()),
    }
}

/// A new joint draft by the author with co-signers A and B invited.
pub(super) fn joint_draft(w: &World) -> Proposal {
    let created = create(
        ID,
        OrgId(1),
        TERM,
        YEAR,
        Proposer::Member(AUTHOR_M),
        &author(),
        &w.ctx(),
    );
    let p = created.unwrap().next;
    w.step(
        &p,
        Action::InviteCosigners {
            members: vec![A_M, B_M],
        },
        author(),
    )
}

/// Submitted, with A confirmed and B declined.
pub(super) fn submitted(w: &World) -> Proposal {
    let p = w.step(
        &joint_draft(w),
        Action::Submit { content: content() },
        author(),
    );
    let p = w.step(&p, Action::ConfirmCosign, cosigner_a());
    w.step(&p, Action::DeclineCosign { reason: None }, cosigner_b())
}

pub(super) fn under_review(w: &World) -> Proposal {
    w.step(&submitted(w), Action::StartReview, staff())
}

/// Filed as 第0001号 and assigned to lead U1 with co-unit U2.
pub(super) fn assigned(w: &World) -> Proposal {
    let p = w.step(
        &under_review(w),
        Action::File { number: number(1) },
        staff(),
    );
    let plan = AssignmentPlan::lead_with_co(U1, &[U2]).unwrap();
    w.track(&p, TrackingAction::Assign { plan }, staff())
}

/// From `assigned`: U1 contacted, U2's views in, U1's answer (class `class`)
/// drafted, submitted and accepted.
pub(super) fn answered(w: &World, p: &Proposal, class: AnswerClass) -> Proposal {
    let p = w.track(
        p,
        TrackingAction::RecordContact {
            unit: U1,
            on: w.today,
            note: reason("座谈面商"),
        },
        clerk(U1),
    );
    let p = w.track(
        &p,
        TrackingAction::SendViews {
            unit: U2,
            views: reason("同意主办单位意见"),
        },
        clerk(U2),
    );
    let p = w.track(
        &p,
        TrackingAction::DraftAnswer {
            unit: U1,
            answer: answer(class),
        },
        clerk(U1),
    );
    let p = w.track(&p, TrackingAction::SubmitAnswer { unit: U1 }, clerk(U1));
    let accept = TrackingAction::Accept {
        unit: U1,
        class: None,
        reason: None,
    };
    w.track(&p, accept, staff())
}

pub(super) fn rate(unit: UnitId, rater: crate::tracking::Rater, s: Satisfaction) -> Action {
    Action::Track(TrackingAction::Rate {
        unit,
        rater,
        feedback: feedback(s),
    })
}
