//! The decision tables, the loop end to end, bad steps and bad forms.

use super::*;

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
