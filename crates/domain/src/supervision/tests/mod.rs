//! Every stage × every action, who may act, the loop end to end, bad
//! input, and random sequences that must never reach an illegal state.
//! Shared fixtures here; the cases in `decisions` and `random`.

mod decisions;
mod random;

use time::macros::date;
use time::{Date, Duration};

use super::*;
use crate::calendar::WorkCalendar;
use crate::refusal::{Reason, Refusal, RefusalKind};
use crate::tracking::{AnswerClass, AssignmentPlan, AssignmentState, Warning};

const U1: UnitId = UnitId(1);
const U2: UnitId = UnitId(2);
const M1: MemberId = MemberId(31);
const M2: MemberId = MemberId(32);
const OUTSIDER: MemberId = MemberId(99);

struct World {
    calendar: WorkCalendar,
    policy: TrackingPolicy,
    today: Date,
}

impl World {
    fn new() -> World {
        World {
            calendar: WorkCalendar::default(),
            policy: default_policy(),
            today: date!(2026 - 04 - 06),
        }
    }

    fn ctx(&self) -> Context<'_> {
        Context {
            at: 1_775_000_000,
            today: self.today,
            calendar: &self.calendar,
            policy: &self.policy,
        }
    }

    fn try_do(&self, t: &Topic, action: Action, who: Who) -> Result<Applied, Refusal> {
        apply(t, &action, &who, &self.ctx())
    }

    fn step(&self, t: &Topic, action: Action, who: Who) -> Topic {
        match self.try_do(t, action.clone(), who) {
            Ok(applied) => applied.next,
            Err(refusal) => panic!("{action:?} by {who:?} refused: {refusal}"),
        }
    }
}

fn staff() -> Who {
    Who {
        user: Some(UserId(1)),
        staff: true,
        ..Who::default()
    }
}
fn member(m: MemberId) -> Who {
    Who {
        user: Some(UserId(100 + m.0)),
        member: Some(m),
        ..Who::default()
    }
}
fn clerk(u: UnitId) -> Who {
    Who {
        user: Some(UserId(200 + u.0)),
        unit: Some(u),
        ..Who::default()
    }
}
fn leader() -> Who {
    Who {
        user: Some(UserId(300)),
        leader: true,
        ..Who::default()
    }
}

fn reason(text: &str) -> Reason {
    Reason::parse(text, "说明").unwrap()
}

fn topic() -> Topic {
    create(
        TopicId(1),
        crate::OrgId(1),
        2026,
        TopicText {
            title: "长江流域生态保护监督".into(),
            background: "围绕长江十年禁渔和岸线整治开展监督".into(),
        },
        Source::AnnualPlan,
        Form::Inspection,
        crate::CommitteeId(5),
        vec![M1, M2],
        &staff(),
    )
    .unwrap()
}

fn activity(w: &World) -> Activity {
    Activity {
        seq: 0,
        kind: ActivityKind::Inspection,
        title: "沿江岸线实地视察".into(),
        start: w.today - Duration::days(2),
        end: w.today - Duration::days(1),
        place: "江北区滨江路".into(),
        participants: vec![M1],
        others: None,
        findings: "部分岸线仍有违规堆场".into(),
        recorded_by: UserId(1),
    }
}

fn plan() -> crate::tracking::Answer {
    crate::tracking::Answer {
        class: AnswerClass::A,
        document_no: None,
        signed_by: "张伟".into(),
        contact_person: "李娜".into(),
        contact_phone: "023-63001234".into(),
        text: "一、清理违规堆场；二、建立巡查机制".into(),
    }
}

/// The sample action of each kind (on opinion 1, unit U1).
fn sample(kind: ActionKind, w: &World) -> Action {
    match kind {
        ActionKind::RecordActivity => Action::RecordActivity {
            activity: activity(w),
        },
        ActionKind::DraftOpinion => Action::DraftOpinion {
            title: "关于加快清理长江岸线违规堆场的监督意见".into(),
            text: "建议限期清理……".into(),
        },
        ActionKind::SendOpinion => Action::SendOpinion {
            opinion: 1,
            plan: AssignmentPlan::single(U1),
        },
        ActionKind::DraftPlan => Action::DraftPlan {
            opinion: 1,
            unit: U1,
            plan: plan(),
        },
        ActionKind::Track => Action::Track {
            opinion: 1,
            step: TrackingAction::SubmitAnswer { unit: U1 },
        },
        ActionKind::RecordResults => Action::RecordResults {
            opinion: 1,
            unit: U1,
            result: reason("堆场已全部清理"),
            evidence: reason("现场照片12张，验收记录"),
        },
        ActionKind::StartRecheck => Action::StartRecheck,
        ActionKind::Reopen => Action::Reopen {
            opinion: 1,
            unit: U1,
            until: w.today + Duration::days(30),
            reason: reason("回头看发现仍有两处堆场未清理"),
        },
        ActionKind::Close => Action::Close {
            conclusion: reason("整改到位，同意办结"),
        },
    }
}

fn natural(kind: ActionKind) -> Who {
    match kind {
        ActionKind::DraftPlan | ActionKind::Track | ActionKind::RecordResults => clerk(U1),
        _ => staff(),
    }
}

/// A topic in `stage`, reached through the rules.
fn in_stage(w: &World, stage: Stage) -> Topic {
    let t = topic();
    if stage == Stage::Planned {
        return t;
    }
    let t = w.step(&t, sample(ActionKind::RecordActivity, w), staff());
    if stage == Stage::Active {
        return t;
    }
    let t = w.step(&t, sample(ActionKind::DraftOpinion, w), staff());
    if stage == Stage::Drafting {
        return t;
    }
    let t = w.step(&t, sample(ActionKind::SendOpinion, w), staff());
    if stage == Stage::Rectifying {
        return t;
    }
    let t = rectified(w, &t);
    let t = w.step(&t, Action::StartRecheck, staff());
    if stage == Stage::Rechecking {
        return t;
    }
    w.step(&t, sample(ActionKind::Close, w), staff())
}

/// Plan drafted, submitted, accepted; results recorded.
fn rectified(w: &World, t: &Topic) -> Topic {
    let t = w.step(t, sample(ActionKind::DraftPlan, w), clerk(U1));
    let t = w.step(&t, sample(ActionKind::Track, w), clerk(U1));
    let t = w.step(&t, accept(U1), staff());
    w.step(&t, sample(ActionKind::RecordResults, w), clerk(U1))
}

fn accept(unit: UnitId) -> Action {
    Action::Track {
        opinion: 1,
        step: TrackingAction::Accept {
            unit,
            class: None,
            reason: None,
        },
    }
}

/// Where each sample action (by its natural actor) is allowed.
fn allowed_in(kind: ActionKind) -> &'static [Stage] {
    match kind {
        ActionKind::RecordActivity => &[Stage::Planned, Stage::Active],
        ActionKind::DraftOpinion => &[Stage::Active, Stage::Drafting],
        // Only while opinion 1 is unsent.
        ActionKind::SendOpinion => &[Stage::Drafting],
        // U1 holds opinion 1 and may still write its plan only in Rectifying.
        ActionKind::DraftPlan => &[Stage::Rectifying],
        // Submitting needs a drafted plan, which no fixture has.
        ActionKind::Track => &[],
        // Results need an accepted plan, which no Rectifying fixture has.
        ActionKind::RecordResults => &[],
        // The Rectifying fixture's unit has not rectified yet.
        ActionKind::StartRecheck => &[],
        ActionKind::Reopen | ActionKind::Close => &[Stage::Rechecking],
    }
}
