//! Random sequences of actions, by right and wrong actors, with the clock
//! moving: no sequence reaches an illegal record or loses a rating.

use proptest::prelude::*;

use super::*;
use TrackingActionKind as K;

const UNITS: [UnitId; 3] = [U1, U2, U3];
const RATERS: [Rater; 3] = [R1, R2, STRANGER];

/// One random step: which kind (16 and up: the step that would move the
/// unit on), which unit, which actor, a parameter, and how many days pass
/// first.
type Step = (usize, usize, usize, usize, u8);

fn steps() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        (0..30usize, 0..3usize, 0..10usize, 0..64usize, 0..4u8),
        1..80,
    )
}

/// The action that would move `unit`'s assignment on, so that random walks
/// get deep instead of bouncing off the first state.
fn onward(t: &Tracking, unit: UnitId, p: usize) -> (K, Option<Rater>) {
    use AssignmentState as S;
    let Some(a) = t.latest_of(unit).filter(|a| a.is_live()) else {
        return (
            if p.is_multiple_of(2) {
                K::Assign
            } else {
                K::AddUnit
            },
            None,
        );
    };
    let kind = match a.state {
        S::Assigned if a.role == UnitRole::Co => K::SendViews,
        S::Assigned => K::RecordContact,
        S::Contacted | S::SentBack | S::Rehandling => K::DraftAnswer,
        S::Drafting => K::SubmitAnswer,
        S::Submitted if p.is_multiple_of(5) => K::SendBack,
        S::Submitted => K::Accept,
        S::Accepted => {
            let missing = t.missing_ratings().into_iter().find(|(u, _)| *u == unit);
            if let Some((_, rater)) = missing {
                return (K::Rate, Some(rater));
            }
            let unhappy = a
                .current_ratings()
                .any(|r| !r.feedback.satisfaction.counts_as_satisfied());
            if unhappy && !p.is_multiple_of(3) {
                K::Rehandle
            } else if a.has_open_follow_up() {
                K::RecordFollowUp
            } else {
                K::Close
            }
        }
        _ => K::Close,
    };
    (kind, None)
}

fn build(step: Step, t: &Tracking, w: &World) -> (TrackingAction, Relation) {
    let (k, u, a, p, _) = step;
    let unit = UNITS[u];
    let (kind, missing_rater) = if k < K::ALL.len() {
        (K::ALL[k], None)
    } else {
        onward(t, unit, p)
    };
    let due = t.latest_of(unit).map_or(w.today, |x| x.due);
    let class = AnswerClass::ALL[p % 3];
    let action = match kind {
        K::Assign => TrackingAction::Assign {
            plan: match p % 3 {
                0 => AssignmentPlan::single(unit),
                1 => AssignmentPlan::lead_with_co(unit, &[UNITS[(u + 1) % 3]]).unwrap(),
                _ => AssignmentPlan::split(&UNITS).unwrap(),
            },
        },
        K::AddUnit => TrackingAction::AddUnit {
            unit,
            role: [UnitRole::Sole, UnitRole::Lead, UnitRole::Co, UnitRole::Each][p % 4],
        },
        K::Withdraw => TrackingAction::Withdraw {
            unit,
            reason: reason("撤回"),
        },
        K::Extend => TrackingAction::Extend {
            unit,
            until: due + time::Duration::days(p as i64 * 4 - 20),
            reason: reason("延期"),
        },
        K::Return => TrackingAction::Return {
            unit,
            reason: reason("退回"),
        },
        K::RecordContact => TrackingAction::RecordContact {
            unit,
            on: w.today,
            note: reason("沟通"),
        },
        K::SendViews => TrackingAction::SendViews {
            unit,
            views: reason("意见"),
        },
        K::DraftAnswer => TrackingAction::DraftAnswer {
            unit,
            answer: answer(class),
        },
        K::SubmitAnswer => TrackingAction::SubmitAnswer { unit },
        K::SendBack => TrackingAction::SendBack {
            unit,
            reason: reason("修改"),
        },
        K::Accept => TrackingAction::Accept {
            unit,
            class: (p % 2 == 0).then_some(class),
            reason: (p % 4 < 2).then(|| reason("调整类别")),
        },
        K::Rehandle => TrackingAction::Rehandle {
            unit,
            reason: reason("不满意"),
        },
        K::RecordFollowUp => TrackingAction::RecordFollowUp {
            unit,
            result: reason("已落实"),
        },
        K::ReopenFollowUp => TrackingAction::ReopenFollowUp {
            unit,
            until: w.today + time::Duration::days(1 + (p % 40) as i64),
            reason: reason("整改不到位"),
        },
        K::Rate => rate(
            unit,
            missing_rater.unwrap_or(RATERS[p % 3]),
            Satisfaction::ALL[(p / 3) % 3],
        ),
        K::Close => TrackingAction::Close,
    };
    // Mostly the natural actor, so that long sequences get deep.
    let actor = match a {
        0..=5 => match kind {
            K::Return
            | K::RecordContact
            | K::SendViews
            | K::DraftAnswer
            | K::SubmitAnswer
            | K::RecordFollowUp => Relation::Unit(unit),
            K::Rate => match &action {
                TrackingAction::Rate { rater, .. } => Relation::Rater(*rater),
                _ => Relation::Staff,
            },
            _ => Relation::Staff,
        },
        6 => Relation::System,
        7 => Relation::Unit(UNITS[(u + 1) % 3]),
        8 => Relation::Rater(R1),
        _ => Relation::Staff,
    };
    (action, actor)
}

/// What must hold of every record the machine produces.
fn check_record(t: &Tracking) -> Result<(), TestCaseError> {
    let live: Vec<&Assignment> = t.live().collect();
    for role in [UnitRole::Sole, UnitRole::Lead] {
        prop_assert!(live.iter().filter(|a| a.role == role).count() <= 1);
    }
    if let Some(mode) = t.mode {
        prop_assert!(t
            .assignments
            .iter()
            .all(|a| a.role.fits(mode) || !a.is_live()));
    }
    let mut seqs: Vec<u32> = t.assignments.iter().map(|a| a.seq).collect();
    seqs.dedup();
    prop_assert_eq!(seqs.len(), t.assignments.len());
    for a in &t.assignments {
        prop_assert!(a.round >= 1);
        prop_assert!(
            a.round > 1 || a.due <= a.latest_due,
            "extension past the cap"
        );
        if matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed)
            && a.role.answers()
        {
            prop_assert!(a.answer.is_some() && a.first_answered_on.is_some());
        }
        for r in &a.ratings {
            prop_assert!(t.raters.contains(&r.rater));
            prop_assert!(r.round <= a.round);
            prop_assert!(a.role.answers());
            let same = a
                .ratings
                .iter()
                .filter(|o| o.rater == r.rater && o.round == r.round);
            prop_assert_eq!(same.count(), 1);
        }
    }
    if t.is_closed() {
        prop_assert!(t.missing_ratings().is_empty());
        prop_assert!(!t.live().any(Assignment::has_open_follow_up));
        prop_assert!(t.live().all(|a| a.state == AssignmentState::Closed));
        prop_assert!(t.answering().next().is_some());
    }
    Ok(())
}

/// What must hold between a record and the next one.
fn check_step(before: &Tracking, applied: &Applied) -> Result<(), TestCaseError> {
    let after = &applied.next;
    prop_assert!(after.assignments.len() >= before.assignments.len());
    prop_assert!(!before.is_closed(), "a closed item changed");
    for (old, new) in before.assignments.iter().zip(&after.assignments) {
        prop_assert_eq!(old.seq, new.seq);
        prop_assert_eq!(
            &new.ratings[..old.ratings.len()],
            &old.ratings[..],
            "a rating was lost"
        );
        if !old.is_live() {
            prop_assert_eq!(old, new, "a returned or withdrawn assignment changed");
        }
        if old.state != new.state {
            prop_assert!(applied
                .transition
                .changes
                .iter()
                .any(|c| c.seq == new.seq && c.from == Some(old.state) && c.to == new.state));
        }
    }
    for change in &applied.transition.changes {
        let a = after.assignments.iter().find(|a| a.seq == change.seq);
        prop_assert_eq!(a.map(|a| a.state), Some(change.to));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_sequence_reaches_an_illegal_record(steps in steps()) {
        let mut w = World::new();
        let mut t = fresh();
        for step in steps {
            w.today += time::Duration::days(i64::from(step.4 * 3));
            let (action, actor) = build(step, &t, &w);
            match w.try_apply(&t, action, actor) {
                Ok(applied) => {
                    check_step(&t, &applied)?;
                    check_record(&applied.next)?;
                    t = applied.next;
                }
                Err(refusal) => prop_assert!(!refusal.message.is_empty()),
            }
        }
    }
}

/// The random walks are only worth something if they get deep: over a fixed
/// set of seeds, every assignment state and a closed item are reached.
#[test]
fn random_walks_reach_every_state() {
    use proptest::strategy::ValueTree;
    use std::collections::BTreeSet;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = BTreeSet::new();
    let mut closed = 0;
    for _ in 0..300 {
        let walk = steps().new_tree(&mut runner).unwrap().current();
        let mut w = World::new();
        let mut t = fresh();
        for step in walk {
            w.today += time::Duration::days(i64::from(step.4 * 3));
            let (action, actor) = build(step, &t, &w);
            if let Ok(applied) = w.try_apply(&t, action, actor) {
                t = applied.next;
                seen.extend(t.assignments.iter().map(|a| a.state.code()));
            }
        }
        closed += usize::from(t.is_closed());
    }
    assert_eq!(seen.len(), AssignmentState::ALL.len(), "{seen:?}");
    assert!(closed > 0, "no walk closed an item");
}
