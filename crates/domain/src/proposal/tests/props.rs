//! Random sequences of proposal actions by right and wrong actors, with the
//! clock moving: no sequence reaches an illegal proposal or loses a rating.

use proptest::prelude::*;

use super::*;
use crate::tracking::{AssignmentState, Rater, TrackingActionKind as T, UnitRole};
use crate::OpinionId;

const UNITS: [UnitId; 3] = [U1, U2, U3];

/// (kind selector: below 33 a random kind, above it the step that moves the
/// proposal on; unit; actor; parameter; days passing first)
type Step = (usize, usize, usize, usize, u8);

fn steps() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        (0..66usize, 0..3usize, 0..12usize, 0..64usize, 0..3u8),
        1..90,
    )
}

fn whos() -> [Who; 9] {
    [
        author(),
        cosigner_a(),
        cosigner_b(),
        stranger(),
        staff(),
        clerk(U1),
        clerk(U2),
        leader(),
        Who::system(),
    ]
}

/// The kind that moves the proposal on, and (for ratings) who rates.
fn onward(p: &Proposal, unit: UnitId, n: usize) -> (ActionKind, Option<Rater>) {
    use ActionKind as K;
    let kind = match p.stage {
        Stage::Draft => [K::InviteCosigners, K::Submit][n % 2],
        Stage::CollectingCosigners => {
            [K::ConfirmCosign, K::DeclineCosign, K::CloseCosigning][n % 3]
        }
        Stage::Submitted => K::StartReview,
        Stage::UnderReview => [
            K::File,
            K::File,
            K::File,
            K::Merge,
            K::Decline,
            K::Convert,
            K::SendBack,
        ][n % 7],
        Stage::ReturnedForChanges => K::Submit,
        Stage::Filed | Stage::Merged => K::Track(T::Assign),
        Stage::Closed | Stage::Withdrawn | Stage::NotFiled | Stage::Converted => K::SetExcellent,
        _ => {
            let Some(a) = p.tracking.latest_of(unit).filter(|a| a.is_live()) else {
                return (K::Track(T::AddUnit), None);
            };
            K::Track(match a.state {
                AssignmentState::Assigned if a.role == UnitRole::Co => T::SendViews,
                AssignmentState::Assigned => T::RecordContact,
                AssignmentState::Drafting => T::SubmitAnswer,
                AssignmentState::Submitted => [T::Accept, T::Accept, T::SendBack][n % 3],
                AssignmentState::Accepted => {
                    let missing = p
                        .tracking
                        .missing_ratings()
                        .into_iter()
                        .find(|(u, _)| *u == unit);
                    if let Some((_, rater)) = missing {
                        return (K::Track(T::Rate), Some(rater));
                    }
                    if a.current_ratings()
                        .any(|r| !r.feedback.satisfaction.counts_as_satisfied())
                        && !n.is_multiple_of(3)
                    {
                        T::Rehandle
                    } else if a.has_open_follow_up() {
                        T::RecordFollowUp
                    } else {
                        T::Close
                    }
                }
                AssignmentState::ViewsSent | AssignmentState::Closed => T::Close,
                _ => T::DraftAnswer,
            })
        }
    };
    (kind, None)
}

/// The natural actor for a kind, given the rater when rating.
fn natural(kind: ActionKind, unit: UnitId, rater: Option<Rater>, n: usize) -> Who {
    use ActionKind as K;
    match kind {
        K::Create | K::EditDraft | K::InviteCosigners | K::Submit | K::Withdraw => author(),
        K::ConfirmCosign | K::DeclineCosign => [cosigner_a(), cosigner_b()][n % 2],
        K::CloseCosigning => Who::system(),
        K::RecordSupervision => leader(),
        K::Track(
            T::Return
            | T::RecordContact
            | T::SendViews
            | T::DraftAnswer
            | T::SubmitAnswer
            | T::RecordFollowUp,
        ) => clerk(unit),
        K::Track(T::Rate) => match rater {
            Some(Rater::Member(m)) if m == A_M => cosigner_a(),
            Some(Rater::Member(m)) if m == B_M => cosigner_b(),
            Some(_) if n.is_multiple_of(4) => staff(),
            _ => author(),
        },
        _ => staff(),
    }
}

fn build(step: Step, p: &Proposal, w: &World) -> (Action, Who) {
    use ActionKind as K;
    let (k, u, a, n, _) = step;
    let unit = UNITS[u];
    let all = ActionKind::all();
    let (kind, rater) = if k < all.len() {
        (all[k], None)
    } else {
        onward(p, unit, n)
    };
    let rater = rater.unwrap_or(
        [
            Rater::Member(AUTHOR_M),
            Rater::Member(A_M),
            Rater::Member(B_M),
        ][n % 3],
    );
    let class = AnswerClass::ALL[n % 3];
    let due = p.tracking.latest_of(unit).map_or(w.today, |x| x.due);
    let action = match kind {
        K::InviteCosigners => Action::InviteCosigners {
            members: [vec![A_M, B_M], vec![A_M], vec![AUTHOR_M]][n % 3].clone(),
        },
        K::File => Action::File {
            number: ProposalNumber {
                year: if n % 9 == 0 { 2025 } else { YEAR },
                ..number(1)
            },
        },
        K::Merge => Action::Merge {
            into: MergeTarget {
                id: if n % 9 == 0 { ID } else { OTHER },
                stage: Stage::ALL[n % 16],
            },
            number: number(2),
        },
        K::Decline => Action::Decline {
            reason: DeclineReason::ALL[n % 8],
            detail: (n % 2 == 0).then(|| reason("理由")),
        },
        K::Convert => Action::Convert {
            to: LinkedItem::Opinion(OpinionId(1)),
        },
        K::Track(T::Assign) => Action::Track(TrackingAction::Assign {
            plan: match n % 3 {
                0 => AssignmentPlan::single(unit),
                1 => AssignmentPlan::lead_with_co(unit, &[UNITS[(u + 1) % 3]]).unwrap(),
                _ => AssignmentPlan::split(&UNITS).unwrap(),
            },
        }),
        K::Track(T::AddUnit) => Action::Track(TrackingAction::AddUnit {
            unit,
            role: [UnitRole::Sole, UnitRole::Lead, UnitRole::Co, UnitRole::Each][n % 4],
        }),
        K::Track(T::Extend) => Action::Track(TrackingAction::Extend {
            unit,
            until: due + time::Duration::days(n as i64 * 3 - 10),
            reason: reason("延期"),
        }),
        K::Track(T::RecordContact) => Action::Track(TrackingAction::RecordContact {
            unit,
            on: w.today,
            note: reason("沟通"),
        }),
        K::Track(T::DraftAnswer) => Action::Track(TrackingAction::DraftAnswer {
            unit,
            answer: answer(class),
        }),
        K::Track(T::Rate) => Action::Track(TrackingAction::Rate {
            unit,
            rater,
            feedback: feedback(Satisfaction::ALL[(n / 3) % 3]),
        }),
        K::Track(T::Accept) => Action::Track(TrackingAction::Accept {
            unit,
            class: (n % 2 == 0).then_some(class),
            reason: (n % 4 < 2).then(|| reason("调整")),
        }),
        other => {
            let (action, _, _) = super::fixtures::sample(other, p);
            retarget(action, unit)
        }
    };
    let who = if a < 8 {
        natural(kind, unit, Some(rater), n)
    } else {
        whos()[(a + n) % 9]
    };
    (action, who)
}

/// Points a sampled unit action at `unit`.
fn retarget(action: Action, unit: UnitId) -> Action {
    let Action::Track(step) = action else {
        return action;
    };
    Action::Track(match step {
        TrackingAction::Withdraw { reason, .. } => TrackingAction::Withdraw { unit, reason },
        TrackingAction::Return { reason, .. } => TrackingAction::Return { unit, reason },
        TrackingAction::SendViews { views, .. } => TrackingAction::SendViews { unit, views },
        TrackingAction::SubmitAnswer { .. } => TrackingAction::SubmitAnswer { unit },
        TrackingAction::SendBack { reason, .. } => TrackingAction::SendBack { unit, reason },
        TrackingAction::Rehandle { reason, .. } => TrackingAction::Rehandle { unit, reason },
        TrackingAction::RecordFollowUp { result, .. } => {
            TrackingAction::RecordFollowUp { unit, result }
        }
        other => other,
    })
}

/// What must hold of every proposal the machine produces.
pub(super) fn check_record(p: &Proposal) -> Result<(), TestCaseError> {
    let stage = p.stage;
    prop_assert_eq!(p.number.is_some(), stage.is_filed(), "numbered iff filed");
    prop_assert_eq!(
        p.merged_into.is_some() && stage.is_filed(),
        p.merged_into.is_some()
    );
    prop_assert_eq!(
        stage == Stage::Merged,
        p.merged_into.is_some() && stage == Stage::Merged
    );
    prop_assert_eq!(p.converted_to.is_some(), stage == Stage::Converted);
    prop_assert_eq!(p.not_filed_reason.is_some(), stage == Stage::NotFiled);
    prop_assert!(p.key.is_none() || stage.is_filed());
    prop_assert!(!p.excellent || stage.is_filed());
    if !stage.is_filed() {
        prop_assert!(p.tracking.assignments.is_empty(), "assigned without filing");
    } else {
        prop_assert_eq!(&p.tracking.raters, &p.raters(), "raters are every proposer");
        let unassigned = if p.merged_into.is_some() {
            Stage::Merged
        } else {
            Stage::Filed
        };
        prop_assert_eq!(stage, handling_stage(&p.tracking, unassigned));
    }
    if !matches!(
        stage,
        Stage::Draft | Stage::CollectingCosigners | Stage::Withdrawn
    ) {
        prop_assert!(p
            .cosigners
            .iter()
            .all(|c| c.status != CosignStatus::Invited));
    }
    if stage == Stage::Closed {
        prop_assert!(p.tracking.is_closed());
        prop_assert!(
            p.tracking.missing_ratings().is_empty(),
            "closed without every rating"
        );
        prop_assert!(!p.tracking.live().any(|a| a.has_open_follow_up()));
    }
    Ok(())
}

/// What must hold between a proposal and the next one.
fn check_step(before: &Proposal, action: &Action, applied: &Applied) -> Result<(), TestCaseError> {
    let after = &applied.next;
    prop_assert_eq!(after.version, before.version + 1);
    prop_assert_eq!(applied.transition.from, Some(before.stage));
    prop_assert_eq!(applied.transition.to, after.stage);
    prop_assert!(!matches!(
        before.stage,
        Stage::Withdrawn | Stage::NotFiled | Stage::Converted
    ));
    if before.stage == Stage::Closed {
        prop_assert_eq!(after.stage, Stage::Closed);
    }
    if before.number.is_some() {
        prop_assert_eq!(before.number, after.number);
    }
    let kept: Vec<_> = before
        .tracking
        .ratings()
        .map(|(a, r)| (a.seq, r.clone()))
        .collect();
    let now: Vec<_> = after
        .tracking
        .ratings()
        .map(|(a, r)| (a.seq, r.clone()))
        .collect();
    prop_assert!(kept.iter().all(|r| now.contains(r)), "a rating was lost");
    for c in before
        .cosigners
        .iter()
        .filter(|c| c.status == CosignStatus::Confirmed)
    {
        prop_assert!(after.cosigners.contains(c), "a confirmation was lost");
    }
    if let Action::Merge { into, .. } = action {
        prop_assert!(into.stage.is_filed() && into.stage != Stage::Merged && into.id != before.id);
    }
    Ok(())
}

fn walk(steps: Vec<Step>, mut on_step: impl FnMut(&Proposal)) -> Result<Proposal, TestCaseError> {
    let mut w = World::new();
    let mut p = joint_draft(&w);
    for step in steps {
        w.today += time::Duration::days(i64::from(step.4 * 2));
        let (action, who) = build(step, &p, &w);
        match w.try_apply(&p, &action, &who) {
            Ok(applied) => {
                check_step(&p, &action, &applied)?;
                check_record(&applied.next)?;
                p = applied.next;
                on_step(&p);
            }
            Err(refusal) => prop_assert!(!refusal.message.is_empty()),
        }
    }
    Ok(p)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_sequence_reaches_an_illegal_proposal(steps in steps()) {
        walk(steps, |_| {})?;
    }
}

/// The random walks are only worth something if they get deep: over a
/// fixed set of seeds, every stage is reached.
#[test]
fn random_walks_reach_every_stage() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        let walk_steps = steps().new_tree(&mut runner).unwrap().current();
        walk(walk_steps, |p| {
            seen.insert(p.stage);
        })
        .unwrap();
    }
    let missing: Vec<_> = Stage::ALL
        .into_iter()
        .filter(|s| !seen.contains(s))
        .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
