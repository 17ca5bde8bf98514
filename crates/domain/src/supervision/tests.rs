//! Every stage × every action, who may act, the loop end to end, bad
//! input, and random sequences that must never reach an illegal state.

use proptest::prelude::*;
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

#[test]
fn every_stage_and_action_pair_is_decided_as_written() {
    let w = World::new();
    let mut pairs = 0;
    for &stage in Stage::ALL {
        let record = in_stage(&w, stage);
        assert_eq!(record.stage, stage);
        for &kind in ActionKind::ALL {
            pairs += 1;
            let expected = allowed_in(kind).contains(&stage);
            match w.try_do(&record, sample(kind, &w), natural(kind)) {
                Ok(applied) => {
                    assert!(expected, "{kind:?} in {stage:?} should be refused");
                    assert_eq!(applied.transition.from, stage);
                    assert_eq!(applied.transition.kind, kind);
                    assert_eq!(applied.next.version, record.version + 1);
                }
                Err(refusal) => {
                    assert!(!expected, "{kind:?} in {stage:?}: {refusal}");
                    assert_ne!(
                        refusal.kind,
                        RefusalKind::NotPermitted,
                        "{kind:?} {stage:?}"
                    );
                    assert!(refusal.message.chars().any(|c| c > '\u{4e00}'));
                }
            }
        }
    }
    assert_eq!(pairs, 6 * 9);
}

#[test]
fn every_action_and_actor_pair_is_decided_as_written() {
    let w = World::new();
    let whos = [
        ("staff", staff()),
        ("member", member(M1)),
        ("outsider", member(OUTSIDER)),
        ("unit1", clerk(U1)),
        ("unit2", clerk(U2)),
        ("leader", leader()),
    ];
    for &kind in ActionKind::ALL {
        let allowed: &[&str] = match kind {
            ActionKind::RecordActivity => &["staff", "member"],
            ActionKind::DraftPlan | ActionKind::RecordResults => &["unit1"],
            ActionKind::Track => &["unit1"],
            _ => &["staff"],
        };
        let stage = allowed_in(kind)
            .first()
            .copied()
            .unwrap_or(Stage::Rectifying);
        let mut record = in_stage(&w, stage);
        if matches!(kind, ActionKind::Track | ActionKind::RecordResults) {
            record = w.step(&record, sample(ActionKind::DraftPlan, &w), clerk(U1));
        }
        if kind == ActionKind::RecordResults {
            record = w.step(&record, sample(ActionKind::Track, &w), clerk(U1));
            record = w.step(&record, accept(U1), staff());
        }
        if kind == ActionKind::StartRecheck {
            record = rectified(&w, &record);
        }
        for (name, who) in whos {
            match w.try_do(&record, sample(kind, &w), who) {
                Ok(_) => assert!(allowed.contains(&name), "{kind:?} by {name}"),
                Err(r) if allowed.contains(&name) => {
                    panic!("{kind:?} by {name} should be allowed: {r}")
                }
                Err(r) => assert_eq!(r.kind, RefusalKind::NotPermitted, "{kind:?} by {name}: {r}"),
            }
        }
    }
}

#[test]
fn a_unit_answering_an_opinion_not_sent_to_it_is_refused() {
    let w = World::new();
    let t = in_stage(&w, Stage::Rectifying);
    let by_u2 = Action::DraftPlan {
        opinion: 1,
        unit: U2,
        plan: plan(),
    };
    let refusal = w.try_do(&t, by_u2, clerk(U2)).unwrap_err();
    assert_eq!(refusal.kind, RefusalKind::NotPermitted);
    assert_eq!(refusal.message, "本单位未被交办此件");
    // Naming another unit's assignment is refused as well.
    let as_u1 = Action::DraftPlan {
        opinion: 1,
        unit: U1,
        plan: plan(),
    };
    assert_eq!(
        w.try_do(&t, as_u1, clerk(U2)).unwrap_err().kind,
        RefusalKind::NotPermitted
    );
}

#[test]
fn the_loop_runs_plan_results_recheck_reopen_and_close() {
    let mut w = World::new();
    let t = in_stage(&w, Stage::Rectifying);
    let a = t.opinion(1).unwrap().tracking.latest_of(U1).unwrap();
    // A plan within 20 working days of 6 April 2026 (Monday): 4 May.
    assert_eq!(a.due, date!(2026 - 05 - 04));
    let t = rectified(&w, &t);
    let o = t.opinion(1).unwrap();
    let a = o.tracking.latest_of(U1).unwrap();
    assert_eq!(
        a.answer.as_ref().unwrap().class,
        AnswerClass::B,
        "a plan is class B"
    );
    assert!(o.is_rectified());
    assert_eq!(o.evidence.len(), 1);
    let t = w.step(&t, Action::StartRecheck, staff());
    let reopened = w.step(&t, sample(ActionKind::Reopen, &w), staff());
    assert_eq!(reopened.stage, Stage::Rectifying);
    let a = reopened.opinion(1).unwrap().tracking.latest_of(U1).unwrap();
    assert!(a.has_open_follow_up());
    assert_eq!(a.open_follow_up_due(), Some(w.today + Duration::days(30)));
    // The test clock passes the new date: the board shows it overdue.
    w.today += Duration::days(31);
    assert_eq!(reopened.warning(w.today, &w.policy), Some(Warning::Overdue));
    // Re-check cannot start again before new results.
    let early = w
        .try_do(&reopened, Action::StartRecheck, staff())
        .unwrap_err();
    assert_eq!(early.kind, RefusalKind::WrongState);
    let again = w.step(&reopened, sample(ActionKind::RecordResults, &w), clerk(U1));
    assert_eq!(again.opinion(1).unwrap().evidence.len(), 2);
    let t = w.step(&again, Action::StartRecheck, staff());
    let closed = w.step(&t, sample(ActionKind::Close, &w), staff());
    assert_eq!(closed.stage, Stage::Closed);
    assert!(closed.opinion(1).unwrap().tracking.is_closed());
    assert_eq!(closed.conclusion.as_deref(), Some("整改到位，同意办结"));
}

#[test]
fn bad_steps_are_refused_with_reasons() {
    let w = World::new();
    let t = in_stage(&w, Stage::Active);
    let mut stranger = activity(&w);
    stranger.participants = vec![OUTSIDER];
    let r = w
        .try_do(&t, Action::RecordActivity { activity: stranger }, staff())
        .unwrap_err();
    assert_eq!(r.kind, RefusalKind::Invalid);
    let mut future = activity(&w);
    future.end = w.today + Duration::days(1);
    let r = w
        .try_do(&t, Action::RecordActivity { activity: future }, member(M1))
        .unwrap_err();
    assert_eq!(r.message, "活动尚未结束，结束后再记录发现的问题");
    let t = in_stage(&w, Stage::Rectifying);
    let rate = Action::Track {
        opinion: 1,
        step: TrackingAction::Close,
    };
    assert_eq!(
        w.try_do(&t, rate, staff()).unwrap_err().kind,
        RefusalKind::Invalid
    );
    let missing = Action::SendOpinion {
        opinion: 7,
        plan: AssignmentPlan::single(U1),
    };
    let t = in_stage(&w, Stage::Drafting);
    assert_eq!(
        w.try_do(&t, missing, staff()).unwrap_err().message,
        "没有这条监督意见"
    );
    assert_eq!(
        create(
            TopicId(2),
            crate::OrgId(1),
            2026,
            topic().text,
            Source::AnnualPlan,
            Form::Research,
            crate::CommitteeId(5),
            vec![M1],
            &member(M1)
        )
        .unwrap_err()
        .kind,
        RefusalKind::NotPermitted
    );
}

#[test]
fn readers_and_offers_follow_the_relation() {
    let w = World::new();
    let t = in_stage(&w, Stage::Rectifying);
    assert!(t.may_read(&staff()) && t.may_read(&leader()) && t.may_read(&member(M2)));
    assert!(t.may_read(&clerk(U1)));
    assert!(!t.may_read(&clerk(U2)) && !t.may_read(&member(OUTSIDER)));
    assert!(offers(&t, &leader()).is_empty());
    let o = t.opinion(1).unwrap();
    assert_eq!(o.steps_for(t.stage, &clerk(U1), U1), ["draft_plan"]);
    assert!(o.steps_for(t.stage, &clerk(U2), U1).is_empty());
    let planned = in_stage(&w, Stage::Planned);
    assert_eq!(offers(&planned, &member(M1)), [ActionKind::RecordActivity]);
    assert_eq!(offers(&planned, &staff()), [ActionKind::RecordActivity]);
}

#[test]
fn forms_name_every_bad_field_in_chinese() {
    let e = TopicInput::default().parse().unwrap_err();
    for field in [
        "title",
        "background",
        "source",
        "form",
        "committee",
        "year",
        "members",
    ] {
        assert!(e.get(field).is_some(), "{field}");
    }
    let long = TopicInput {
        title: "长".repeat(81),
        background: "第一段\n第二段".into(),
        source: "部门邀请".into(),
        form: "视察监督".into(),
        committee: "5".into(),
        year: "2026".into(),
        members: vec!["31".into()],
        ..TopicInput::default()
    };
    let e = long.parse().unwrap_err();
    assert_eq!(e.get("title"), Some("议题名称不能超过80个字"));
    assert_eq!(e.get("department"), Some("请填写邀请部门"));
    assert_eq!(e.get("background"), None, "line breaks are allowed");
    let a = ActivityInput {
        kind: "视察".into(),
        title: "视察".into(),
        start: "2026-05-02".into(),
        end: "2026-05-01".into(),
        place: "".into(),
        participants: vec![],
        ..ActivityInput::default()
    };
    let e = a.parse(UserId(1)).unwrap_err();
    assert_eq!(e.get("end"), Some("结束日期不能早于开始日期"));
    assert_eq!(e.get("place"), Some("请填写地点"));
    assert_eq!(e.get("participants"), Some("请选择参加活动的委员"));
    assert_eq!(e.get("findings"), Some("请填写发现的问题"));
    let p = PlanInput {
        text: "一、\n二、".into(),
        ..PlanInput::default()
    };
    let e = p.parse().unwrap_err();
    assert_eq!(e.get("text"), None);
    assert_eq!(e.get("signed_by"), Some("请填写签发人"));
    assert!(ResultsInput::default()
        .parse()
        .unwrap_err()
        .get("evidence")
        .is_some());
}

/// One random step: an action kind, a unit, an actor and a parameter.
type Step = (usize, usize, usize, usize);

fn build(step: Step, t: &Topic, w: &World) -> (Action, Who) {
    let (k, u, a, p) = step;
    let unit = [U1, U2][u % 2];
    let opinion = 1 + (p % 2) as u32;
    let kind = ActionKind::ALL[k % ActionKind::ALL.len()];
    let action = match kind {
        ActionKind::SendOpinion => Action::SendOpinion {
            opinion,
            plan: if p % 3 == 0 {
                AssignmentPlan::split(&[U1, U2]).unwrap()
            } else {
                AssignmentPlan::single(unit)
            },
        },
        ActionKind::DraftPlan => Action::DraftPlan {
            opinion,
            unit,
            plan: plan(),
        },
        ActionKind::Track => Action::Track {
            opinion,
            step: match p % 4 {
                0 => TrackingAction::SubmitAnswer { unit },
                1 => TrackingAction::Accept {
                    unit,
                    class: None,
                    reason: None,
                },
                2 => TrackingAction::SendBack {
                    unit,
                    reason: reason("方案不具体"),
                },
                _ => TrackingAction::Extend {
                    unit,
                    until: t
                        .opinion(opinion)
                        .and_then(|o| o.tracking.latest_of(unit))
                        .map_or(w.today, |a| a.due)
                        + Duration::days(5),
                    reason: reason("跨部门协调"),
                },
            },
        },
        ActionKind::RecordResults => Action::RecordResults {
            opinion,
            unit,
            result: reason("已整改"),
            evidence: reason("照片"),
        },
        ActionKind::Reopen => Action::Reopen {
            opinion,
            unit,
            until: w.today + Duration::days(1 + p as i64),
            reason: reason("不到位"),
        },
        other => sample(other, w),
    };
    let who = match a % 6 {
        0 | 1 => staff(),
        2 | 3 => clerk(unit),
        4 => member([M1, OUTSIDER][p % 2]),
        _ => leader(),
    };
    (action, who)
}

/// What must hold of every topic the rules produce.
fn check(t: &Topic) {
    let sent = t.opinions.iter().filter(|o| o.is_sent()).count();
    match t.stage {
        Stage::Planned => assert!(t.activities.is_empty() && t.opinions.is_empty()),
        Stage::Active => assert!(!t.activities.is_empty() && t.opinions.is_empty()),
        Stage::Drafting => assert!(!t.opinions.is_empty() && sent == 0),
        Stage::Rectifying => assert!(sent > 0),
        Stage::Rechecking => {
            assert!(t.opinions.iter().all(SupervisionOpinion::is_rectified));
        }
        Stage::Closed => {
            assert!(t.conclusion.is_some());
            assert!(t.opinions.iter().all(|o| o.tracking.is_closed()));
        }
    }
    for (i, a) in t.activities.iter().enumerate() {
        assert_eq!(a.seq as usize, i + 1);
        assert!(a.participants.iter().all(|m| t.members.contains(m)));
    }
    for o in &t.opinions {
        assert_eq!(o.is_sent(), !o.tracking.assignments.is_empty());
        for a in &o.tracking.assignments {
            if let Some(answer) = &a.answer {
                assert_eq!(answer.class, AnswerClass::B);
            }
            if a.state == AssignmentState::Closed {
                assert!(t.stage == Stage::Closed);
            }
        }
        let results = o
            .tracking
            .assignments
            .iter()
            .filter_map(|a| a.follow_up.as_ref())
            .map(|f| f.earlier.len() + usize::from(f.result.is_some()))
            .sum::<usize>();
        assert_eq!(results, o.evidence.len(), "every result has its evidence");
    }
}

proptest! {
    #[test]
    fn no_sequence_reaches_an_illegal_state(
        steps in proptest::collection::vec((0..9usize, 0..2usize, 0..6usize, 0..40usize), 1..120)
    ) {
        let w = World::new();
        let mut t = topic();
        for step in steps {
            let (action, who) = build(step, &t, &w);
            let before = t.clone();
            match w.try_do(&t, action, who) {
                Ok(applied) => {
                    prop_assert_eq!(applied.next.version, before.version + 1);
                    prop_assert_eq!(applied.transition.from, before.stage);
                    prop_assert_eq!(applied.transition.to, applied.next.stage);
                    t = applied.next;
                    check(&t);
                }
                Err(refusal) => {
                    prop_assert!(!refusal.message.is_empty());
                    prop_assert_eq!(&t, &before);
                }
            }
            // Leaders never change anything.
            prop_assert!(offers(&t, &leader()).is_empty());
        }
    }
}
