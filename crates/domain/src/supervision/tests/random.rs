//! Random sequences of steps: no illegal state is ever reached.

use proptest::prelude::*;

use super::*;

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
