//! Every assignment state × every action, and every action × every kind of
//! actor. The expected answers are written out by hand, not computed.

use super::*;
use crate::refusal::RefusalKind;
use AssignmentState as S;
use TrackingActionKind as K;

/// Where the sample action of each kind (on unit U1, by its natural actor)
/// is allowed. See [`in_state`] for the record each state is tried on.
const ALLOWED: [(K, &[S]); 16] = [
    (K::Assign, &[S::Returned, S::Withdrawn]),
    (K::AddUnit, &[S::ViewsSent, S::Returned, S::Withdrawn]),
    (
        K::Withdraw,
        &[
            S::Assigned,
            S::Contacted,
            S::ViewsSent,
            S::Drafting,
            S::Submitted,
            S::SentBack,
            S::Rehandling,
        ],
    ),
    (
        K::Extend,
        &[
            S::Assigned,
            S::Contacted,
            S::ViewsSent,
            S::Drafting,
            S::Submitted,
            S::SentBack,
        ],
    ),
    (K::Return, &[S::Assigned, S::Contacted]),
    (K::RecordContact, &[S::Assigned]),
    // U1 is a co-unit only in the ViewsSent record, where it has sent them.
    (K::SendViews, &[]),
    (
        K::DraftAnswer,
        &[S::Contacted, S::Drafting, S::SentBack, S::Rehandling],
    ),
    (K::SubmitAnswer, &[S::Drafting]),
    (K::SendBack, &[S::Submitted]),
    (K::Accept, &[S::Submitted]),
    (K::Rehandle, &[S::Accepted]),
    (K::RecordFollowUp, &[S::Accepted, S::Rehandling]),
    // No record here has a recorded, still open follow-up (see the rules tests).
    (K::ReopenFollowUp, &[]),
    (K::Rate, &[S::Accepted]),
    // Never ready in these records: R2 has not rated (see the rules tests).
    (K::Close, &[]),
];

/// A record whose unit U1 is in `state`. U1 is the sole unit, except in
/// ViewsSent where it is the co-unit of lead U3. Answers are class B, so a
/// follow-up is open once accepted. In Accepted, R1 has rated 不满意 and R2
/// has not rated; Closed had both rate and the follow-up recorded.
pub(super) fn in_state(w: &World, state: S) -> Tracking {
    let staff = Relation::Staff;
    let unit = Relation::Unit(U1);
    let sole = assigned(w, AssignmentPlan::single(U1));
    let accepted = || {
        let t = answered(w, &sole, U1, AnswerClass::B);
        w.step(
            &t,
            rate(U1, R1, Satisfaction::Dissatisfied),
            Relation::Rater(R1),
        )
    };
    let t = match state {
        S::Assigned => sole,
        S::Contacted => w.step(&sole, sample(K::RecordContact, w, &sole), unit),
        S::ViewsSent => {
            let plan = AssignmentPlan::lead_with_co(U3, &[U1]).unwrap();
            let t = assigned(w, plan);
            w.step(&t, sample(K::SendViews, w, &t), unit)
        }
        S::Drafting | S::Submitted | S::SentBack => {
            let t = w.step(&sole, sample(K::RecordContact, w, &sole), unit);
            let t = w.step(&t, sample(K::DraftAnswer, w, &t), unit);
            match state {
                S::Drafting => t,
                S::Submitted => w.step(&t, sample(K::SubmitAnswer, w, &t), unit),
                _ => {
                    let t = w.step(&t, sample(K::SubmitAnswer, w, &t), unit);
                    w.step(&t, sample(K::SendBack, w, &t), staff)
                }
            }
        }
        S::Accepted => accepted(),
        S::Rehandling => {
            let t = accepted();
            let t = w.step(
                &t,
                rate(U1, R2, Satisfaction::Satisfied),
                Relation::Rater(R2),
            );
            w.step(&t, sample(K::Rehandle, w, &t), staff)
        }
        S::Returned => w.step(&sole, sample(K::Return, w, &sole), unit),
        S::Withdrawn => w.step(&sole, sample(K::Withdraw, w, &sole), staff),
        S::Closed => {
            let t = answered(w, &sole, U1, AnswerClass::B);
            let t = w.step(
                &t,
                rate(U1, R1, Satisfaction::Satisfied),
                Relation::Rater(R1),
            );
            let t = w.step(
                &t,
                rate(U1, R2, Satisfaction::Satisfied),
                Relation::Rater(R2),
            );
            let t = w.step(&t, sample(K::RecordFollowUp, w, &t), unit);
            w.step(&t, TrackingAction::Close, staff)
        }
    };
    assert_eq!(
        t.latest_of(U1).unwrap().state,
        state,
        "fixture for {state:?}"
    );
    t
}

/// The sample action of each kind, on unit U1 (U2 for new units).
pub(super) fn sample(kind: K, w: &World, t: &Tracking) -> TrackingAction {
    let due = t.latest_of(U1).map_or(w.today, |a| a.due);
    match kind {
        K::Assign => TrackingAction::Assign {
            plan: AssignmentPlan::single(U2),
        },
        K::AddUnit => TrackingAction::AddUnit {
            unit: U2,
            role: match t.mode {
                Some(AssignmentMode::LeadWithCo) => UnitRole::Co,
                Some(AssignmentMode::Split) => UnitRole::Each,
                _ => UnitRole::Sole,
            },
        },
        K::Withdraw => TrackingAction::Withdraw {
            unit: U1,
            reason: reason("交办有误"),
        },
        K::Extend => TrackingAction::Extend {
            unit: U1,
            until: due + time::Duration::days(10),
            reason: reason("需协调多部门"),
        },
        K::Return => TrackingAction::Return {
            unit: U1,
            reason: reason("不属本单位职责"),
        },
        K::RecordContact => TrackingAction::RecordContact {
            unit: U1,
            on: w.today,
            note: reason("上门面商"),
        },
        K::SendViews => TrackingAction::SendViews {
            unit: U1,
            views: reason("同意主办单位意见"),
        },
        K::DraftAnswer => TrackingAction::DraftAnswer {
            unit: U1,
            answer: answer(AnswerClass::B),
        },
        K::SubmitAnswer => TrackingAction::SubmitAnswer { unit: U1 },
        K::SendBack => TrackingAction::SendBack {
            unit: U1,
            reason: reason("答复过于笼统"),
        },
        K::Accept => TrackingAction::Accept {
            unit: U1,
            class: None,
            reason: None,
        },
        K::Rehandle => TrackingAction::Rehandle {
            unit: U1,
            reason: reason("提案人不满意"),
        },
        K::RecordFollowUp => TrackingAction::RecordFollowUp {
            unit: U1,
            result: reason("项目已竣工"),
        },
        K::ReopenFollowUp => TrackingAction::ReopenFollowUp {
            unit: U1,
            until: w.today + time::Duration::days(30),
            reason: reason("回头看发现整改不到位"),
        },
        K::Rate => rate(U1, R2, Satisfaction::Satisfied),
        K::Close => TrackingAction::Close,
    }
}

/// The actor who would normally take each kind of action.
pub(super) fn natural_actor(kind: K) -> Relation {
    match kind {
        K::Return | K::RecordContact | K::SendViews | K::DraftAnswer | K::SubmitAnswer => {
            Relation::Unit(U1)
        }
        K::RecordFollowUp => Relation::Unit(U1),
        K::Rate => Relation::Rater(R2),
        _ => Relation::Staff,
    }
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_state_and_action_pair_is_decided_as_written() {
    assert_eq!(
        ALLOWED.map(|(k, _)| k),
        K::ALL,
        "the table lists every kind in order"
    );
    let w = World::new();
    for state in S::ALL {
        let record = in_state(&w, state);
        for (kind, allowed_in) in ALLOWED {
            let action = sample(kind, &w, &record);
            let result = w.try_apply(&record, action, natural_actor(kind));
            let expected = allowed_in.contains(&state);
            match result {
                Ok(applied) => {
                    assert!(expected, "{kind:?} in {state:?} should be refused");
                    assert_eq!(applied.transition.action.kind(), kind);
                    assert!(!applied.transition.changes.is_empty());
                }
                Err(refusal) => {
                    assert!(
                        !expected,
                        "{kind:?} in {state:?} should be allowed: {refusal}"
                    );
                    assert!(has_chinese(&refusal.message), "{refusal:?}");
                    // The actor is the natural one; only a co-unit's answer
                    // and views from a unit that is not a co-unit are
                    // refused for who it is.
                    if refusal.kind == RefusalKind::NotPermitted {
                        assert!(
                            state == S::ViewsSent || kind == K::SendViews,
                            "{kind:?} in {state:?}: {refusal}"
                        );
                    }
                }
            }
        }
    }
}

/// A record where the natural actor may take the action.
fn allowed_fixture(w: &World, kind: K) -> Tracking {
    match kind {
        K::SendViews => assigned(w, AssignmentPlan::lead_with_co(U3, &[U1]).unwrap()),
        K::ReopenFollowUp => {
            let t = in_state(w, S::Accepted);
            w.step(&t, sample(K::RecordFollowUp, w, &t), Relation::Unit(U1))
        }
        K::Close => {
            let t = in_state(w, S::Accepted);
            let t = w.step(
                &t,
                rate(U1, R2, Satisfaction::Satisfied),
                Relation::Rater(R2),
            );
            let t = w.step(&t, sample(K::Rehandle, w, &t), Relation::Staff);
            let t = w.step(&t, sample(K::DraftAnswer, w, &t), Relation::Unit(U1));
            let t = w.step(&t, sample(K::SubmitAnswer, w, &t), Relation::Unit(U1));
            let t = w.step(&t, sample(K::Accept, w, &t), Relation::Staff);
            let t = w.step(&t, sample(K::RecordFollowUp, w, &t), Relation::Unit(U1));
            let t = w.step(
                &t,
                rate(U1, R1, Satisfaction::Satisfied),
                Relation::Rater(R1),
            );
            w.step(
                &t,
                rate(U1, R2, Satisfaction::Satisfied),
                Relation::Rater(R2),
            )
        }
        _ => {
            let (_, states) = ALLOWED.iter().find(|(k, _)| *k == kind).unwrap();
            in_state(w, states[0])
        }
    }
}

#[test]
fn every_action_and_actor_pair_is_decided_as_written() {
    let actors = [
        Relation::Staff,
        Relation::Unit(U1),
        Relation::Unit(U2),
        Relation::Rater(R1),
        Relation::Rater(R2),
        Relation::System,
    ];
    let w = World::new();
    for kind in K::ALL {
        let record = allowed_fixture(&w, kind);
        let allowed: &[Relation] = match kind {
            K::Close => &[Relation::Staff, Relation::System],
            K::RecordFollowUp => &[Relation::Staff, Relation::Unit(U1)],
            K::Rate => &[Relation::Staff, Relation::Rater(R2)],
            K::Return | K::RecordContact | K::SendViews | K::DraftAnswer | K::SubmitAnswer => {
                &[Relation::Unit(U1)]
            }
            _ => &[Relation::Staff],
        };
        for actor in actors {
            let result = w.try_apply(&record, sample(kind, &w, &record), actor);
            if allowed.contains(&actor) {
                assert!(result.is_ok(), "{kind:?} by {actor:?}: {result:?}");
            } else {
                let refusal = result.unwrap_err();
                assert_eq!(
                    refusal.kind,
                    RefusalKind::NotPermitted,
                    "{kind:?} {actor:?}"
                );
                assert!(has_chinese(&refusal.message));
            }
        }
    }
}

#[test]
fn staff_entering_a_rating_marks_it_as_on_behalf() {
    let w = World::new();
    let record = in_state(&w, S::Accepted);
    let by_staff = w.step(
        &record,
        rate(U1, R2, Satisfaction::Satisfied),
        Relation::Staff,
    );
    let by_rater = w.step(
        &record,
        rate(U1, R2, Satisfaction::Satisfied),
        Relation::Rater(R2),
    );
    let last = |t: &Tracking| t.latest_of(U1).unwrap().ratings.last().cloned().unwrap();
    assert!(last(&by_staff).entered_on_behalf);
    assert!(!last(&by_rater).entered_on_behalf);
}
