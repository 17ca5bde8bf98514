//! The records and sample actions the stage × action table is tried on.

use super::*;
use crate::tracking::{Rater, TrackingActionKind as T, UnitRole};
use crate::OpinionId;
use ActionKind as K;
use Stage as S;

/// A joint proposal (author, A confirmed, B declined once submitted) in
/// `stage`. From filing on it is a key proposal supervised by LEADER,
/// assigned to lead U1 with co-unit U2, and U1's answers are class B.
/// Handling: U1's answer submitted. Rating: the author rated 不满意.
/// Rehandling: U1 is drafting its second answer.
pub(super) fn in_stage(w: &World, stage: S) -> Proposal {
    let key = |p: &Proposal| w.step(p, Action::MarkKey { leader: LEADER }, staff());
    let answered_b = || answered(w, &key(&assigned(w)), AnswerClass::B);
    let rated = || {
        let p = answered_b();
        w.step(
            &p,
            rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Dissatisfied),
            author(),
        )
    };
    let p = match stage {
        S::Draft => joint_draft(w),
        S::CollectingCosigners => w.step(
            &joint_draft(w),
            Action::Submit { content: content() },
            author(),
        ),
        S::Submitted => submitted(w),
        S::UnderReview => under_review(w),
        S::ReturnedForChanges
        | S::Withdrawn
        | S::NotFiled
        | S::Converted
        | S::Filed
        | S::Merged => {
            let sampled = if stage == S::ReturnedForChanges {
                K::SendBack
            } else {
                to_kind(stage)
            };
            let (action, who, _) = sample(sampled, &under_review(w));
            let p = w.step(&under_review(w), action, who);
            if p.stage.is_filed() {
                key(&p)
            } else {
                p
            }
        }
        S::Assigned => key(&assigned(w)),
        S::Handling => {
            let p = key(&assigned(w));
            let p = w.track(&p, contact(U1), clerk(U1));
            let views = TrackingAction::SendViews {
                unit: U2,
                views: reason("无补充意见"),
            };
            let p = w.track(&p, views, clerk(U2));
            let draft = TrackingAction::DraftAnswer {
                unit: U1,
                answer: answer(AnswerClass::B),
            };
            let p = w.track(&p, draft, clerk(U1));
            w.track(&p, TrackingAction::SubmitAnswer { unit: U1 }, clerk(U1))
        }
        S::Answered => answered_b(),
        S::Rating => rated(),
        S::Rehandling => {
            let p = w.step(
                &rated(),
                rate(U1, Rater::Member(A_M), Satisfaction::Satisfied),
                cosigner_a(),
            );
            let again = TrackingAction::Rehandle {
                unit: U1,
                reason: reason("提案人不满意"),
            };
            let p = w.track(&p, again, staff());
            let draft = TrackingAction::DraftAnswer {
                unit: U1,
                answer: answer(AnswerClass::B),
            };
            w.track(&p, draft, clerk(U1))
        }
        S::Closed => {
            let p = answered_b();
            let p = w.step(
                &p,
                rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Satisfied),
                author(),
            );
            let p = w.step(
                &p,
                rate(U1, Rater::Member(A_M), Satisfaction::BasicallySatisfied),
                cosigner_a(),
            );
            let result = TrackingAction::RecordFollowUp {
                unit: U1,
                result: reason("已建成"),
            };
            let p = w.track(&p, result, clerk(U1));
            w.track(&p, TrackingAction::Close, staff())
        }
    };
    assert_eq!(p.stage, stage, "fixture");
    p
}

fn to_kind(stage: S) -> K {
    match stage {
        S::Withdrawn => K::Withdraw,
        S::NotFiled => K::Decline,
        S::Converted => K::Convert,
        S::Merged => K::Merge,
        _ => K::File,
    }
}

fn contact(unit: UnitId) -> TrackingAction {
    TrackingAction::RecordContact {
        unit,
        on: date!(2026 - 03 - 02),
        note: reason("电话沟通"),
    }
}

/// The sample action of each kind, its natural actor, and how many days
/// later it is tried (closing co-signing waits for the deadline).
pub(super) fn sample(kind: K, p: &Proposal) -> (Action, Who, i64) {
    let due = p
        .tracking
        .latest_of(U1)
        .map_or(date!(2026 - 06 - 02), |a| a.due);
    let staff_track = |step| (Action::Track(step), staff(), 0);
    let unit_track = |unit, step| (Action::Track(step), clerk(unit), 0);
    match kind {
        K::Create => (
            Action::Create {
                proposer: Proposer::Member(AUTHOR_M),
            },
            author(),
            0,
        ),
        K::EditDraft => (Action::EditDraft, author(), 0),
        K::InviteCosigners => (
            Action::InviteCosigners {
                members: vec![A_M, B_M],
            },
            author(),
            0,
        ),
        K::Submit => (Action::Submit { content: content() }, author(), 0),
        K::ConfirmCosign => (Action::ConfirmCosign, cosigner_b(), 0),
        K::DeclineCosign => (
            Action::DeclineCosign {
                reason: Some(reason("不熟悉该领域")),
            },
            cosigner_b(),
            0,
        ),
        K::CloseCosigning => (Action::CloseCosigning, Who::system(), 4),
        K::Withdraw => (
            Action::Withdraw {
                reason: reason("情况已变化"),
            },
            author(),
            0,
        ),
        K::StartReview => (Action::StartReview, staff(), 0),
        K::File => (Action::File { number: number(1) }, staff(), 0),
        K::Decline => (
            Action::Decline {
                reason: DeclineReason::NoConcreteSuggestion,
                detail: None,
            },
            staff(),
            0,
        ),
        K::Merge => (
            Action::Merge {
                into: MergeTarget {
                    id: OTHER,
                    stage: S::Filed,
                },
                number: number(2),
            },
            staff(),
            0,
        ),
        K::Convert => (
            Action::Convert {
                to: LinkedItem::Opinion(OpinionId(7)),
            },
            staff(),
            0,
        ),
        K::SendBack => (
            Action::SendBack {
                reason: reason("建议部分不够具体"),
            },
            staff(),
            0,
        ),
        K::Track(step) => match step {
            T::Assign => staff_track(TrackingAction::Assign {
                plan: AssignmentPlan::single(U3),
            }),
            T::AddUnit => staff_track(TrackingAction::AddUnit {
                unit: U3,
                role: UnitRole::Co,
            }),
            T::Withdraw => staff_track(TrackingAction::Withdraw {
                unit: U1,
                reason: reason("交办有误"),
            }),
            T::Extend => staff_track(TrackingAction::Extend {
                unit: U1,
                until: due + time::Duration::days(10),
                reason: reason("涉及多部门协调"),
            }),
            T::Return => unit_track(
                U1,
                TrackingAction::Return {
                    unit: U1,
                    reason: reason("不属本单位职责"),
                },
            ),
            T::RecordContact => unit_track(U1, contact(U1)),
            T::SendViews => unit_track(
                U2,
                TrackingAction::SendViews {
                    unit: U2,
                    views: reason("同意"),
                },
            ),
            T::DraftAnswer => unit_track(
                U1,
                TrackingAction::DraftAnswer {
                    unit: U1,
                    answer: answer(AnswerClass::B),
                },
            ),
            T::SubmitAnswer => unit_track(U1, TrackingAction::SubmitAnswer { unit: U1 }),
            T::SendBack => staff_track(TrackingAction::SendBack {
                unit: U1,
                reason: reason("答复不完整"),
            }),
            T::Accept => staff_track(TrackingAction::Accept {
                unit: U1,
                class: None,
                reason: None,
            }),
            T::Rehandle => staff_track(TrackingAction::Rehandle {
                unit: U1,
                reason: reason("不满意"),
            }),
            T::RecordFollowUp => unit_track(
                U1,
                TrackingAction::RecordFollowUp {
                    unit: U1,
                    result: reason("已落实"),
                },
            ),
            T::ReopenFollowUp => staff_track(TrackingAction::ReopenFollowUp {
                unit: U1,
                until: due + time::Duration::days(30),
                reason: reason("落实不到位"),
            }),
            T::Rate => (
                rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Satisfied),
                author(),
                0,
            ),
            T::Close => staff_track(TrackingAction::Close),
        },
        K::MarkKey => (Action::MarkKey { leader: LEADER2 }, staff(), 0),
        K::UnmarkKey => (
            Action::UnmarkKey {
                reason: reason("主席会议调整"),
            },
            staff(),
            0,
        ),
        K::RecordSupervision => (
            Action::RecordSupervision {
                kind: SupervisionKind::Visit,
                on: date!(2026 - 03 - 02),
                note: reason("实地视察"),
            },
            leader(),
            0,
        ),
        K::SetExcellent => (Action::SetExcellent { excellent: true }, staff(), 0),
    }
}
