//! Every stage × every action kind, and every action kind × every kind of
//! actor. The expected answers are written out by hand.

use super::fixtures::{in_stage, sample};
use super::*;
use crate::refusal::RefusalKind;
use crate::tracking::TrackingActionKind as T;
use ActionKind as K;
use Stage as S;

const FILED_OPEN: &[S] = &[
    S::Filed,
    S::Merged,
    S::Assigned,
    S::Handling,
    S::Answered,
    S::Rating,
    S::Rehandling,
];
const HANDLING: &[S] = &[
    S::Assigned,
    S::Handling,
    S::Answered,
    S::Rating,
    S::Rehandling,
];
const BEFORE_FILING: &[S] = &[
    S::Draft,
    S::CollectingCosigners,
    S::Submitted,
    S::UnderReview,
    S::ReturnedForChanges,
];

/// Where the sample action of each kind (see [`sample`]) is allowed, on the
/// records of [`in_stage`].
fn allowed_in(kind: K) -> &'static [S] {
    match kind {
        K::Create => &[],
        K::EditDraft | K::Submit => &[S::Draft, S::ReturnedForChanges],
        K::InviteCosigners => &[S::Draft],
        K::ConfirmCosign | K::DeclineCosign | K::CloseCosigning => &[S::CollectingCosigners],
        K::Withdraw => BEFORE_FILING,
        K::StartReview => &[S::Submitted],
        K::File | K::Decline | K::Merge | K::Convert | K::SendBack => &[S::UnderReview],
        K::Track(T::Assign) => &[S::Filed, S::Merged],
        K::Track(T::AddUnit) => HANDLING,
        K::Track(T::Withdraw) => &[S::Assigned, S::Handling, S::Rehandling],
        // Extension is still possible while re-handling (U1 is drafting).
        K::Track(T::Extend) => &[S::Assigned, S::Handling, S::Rehandling],
        K::Track(T::Return | T::RecordContact) => &[S::Assigned],
        K::Track(T::SendViews) => &[S::Assigned],
        K::Track(T::DraftAnswer | T::SubmitAnswer) => &[S::Rehandling],
        K::Track(T::SendBack | T::Accept) => &[S::Handling],
        K::Track(T::Rehandle) => &[S::Rating],
        K::Track(T::RecordFollowUp) => &[S::Answered, S::Rating, S::Rehandling],
        K::Track(T::Rate) => &[S::Answered],
        // No record here has a recorded follow-up result to reopen.
        K::Track(T::ReopenFollowUp) => &[],
        // Never ready in these records (see the flow tests).
        K::Track(T::Close) => &[],
        K::MarkKey | K::UnmarkKey => FILED_OPEN,
        K::RecordSupervision => HANDLING,
        K::SetExcellent => &[
            S::Filed,
            S::Merged,
            S::Assigned,
            S::Handling,
            S::Answered,
            S::Rating,
            S::Rehandling,
            S::Closed,
        ],
    }
}

fn try_sample(w: &mut World, p: &Proposal, kind: K, who: Option<Who>) -> Result<Applied, Refusal> {
    let (action, natural, days) = sample(kind, p);
    let today = w.today;
    w.today += time::Duration::days(days);
    let result = w.try_apply(p, &action, &who.unwrap_or(natural));
    w.today = today;
    result
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_stage_and_action_pair_is_decided_as_written() {
    let mut w = World::new();
    let kinds = ActionKind::all();
    assert_eq!(kinds.len(), 34);
    let mut pairs = 0;
    for stage in S::ALL {
        let record = in_stage(&w, stage);
        for &kind in &kinds {
            pairs += 1;
            let expected = allowed_in(kind).contains(&stage);
            match try_sample(&mut w, &record, kind, None) {
                Ok(applied) => {
                    assert!(expected, "{kind:?} in {stage:?} should be refused");
                    let t = &applied.transition;
                    assert_eq!((t.from, t.to), (Some(stage), applied.next.stage));
                    assert_eq!(t.action.kind(), kind);
                    assert_eq!(applied.next.version, record.version + 1);
                }
                Err(refusal) => {
                    assert!(
                        !expected,
                        "{kind:?} in {stage:?} should be allowed: {refusal}"
                    );
                    assert!(has_chinese(&refusal.message), "{refusal:?}");
                    assert_ne!(
                        refusal.kind,
                        RefusalKind::NotPermitted,
                        "{kind:?} in {stage:?}: {refusal}"
                    );
                }
            }
        }
    }
    assert_eq!(pairs, 16 * 34);
}

#[test]
fn every_action_and_actor_pair_is_decided_as_written() {
    let mut w = World::new();
    let whos = [
        ("author", author()),
        ("cosigner_a", cosigner_a()),
        ("cosigner_b", cosigner_b()),
        ("stranger", stranger()),
        ("staff", staff()),
        ("unit1", clerk(U1)),
        ("unit2", clerk(U2)),
        ("leader", leader()),
        ("system", Who::system()),
    ];
    for kind in ActionKind::all() {
        let allowed: &[&str] = match kind {
            K::Create => &[],
            K::EditDraft | K::InviteCosigners | K::Submit => &["author"],
            K::ConfirmCosign | K::DeclineCosign => &["cosigner_a", "cosigner_b"],
            K::CloseCosigning => &["system"],
            K::Withdraw => &["author", "staff"],
            K::RecordSupervision => &["staff", "leader"],
            K::Track(T::Return | T::RecordContact | T::DraftAnswer | T::SubmitAnswer) => &["unit1"],
            K::Track(T::SendViews) => &["unit2"],
            K::Track(T::RecordFollowUp) => &["unit1", "staff"],
            K::Track(T::Rate) => &["author", "staff"],
            K::Track(T::Close) => &["staff", "system"],
            _ => &["staff"],
        };
        let stage = allowed_in(kind).first().copied().unwrap_or(S::Answered);
        let record = in_stage(&w, stage);
        for (name, who) in whos {
            let result = try_sample(&mut w, &record, kind, Some(who));
            if kind == K::Create {
                assert_eq!(result.unwrap_err().kind, RefusalKind::WrongState);
                continue;
            }
            match result {
                Err(refusal) if !allowed.contains(&name) => {
                    assert_eq!(
                        refusal.kind,
                        RefusalKind::NotPermitted,
                        "{kind:?} by {name}: {refusal}"
                    );
                }
                Err(refusal) => {
                    assert_ne!(
                        refusal.kind,
                        RefusalKind::NotPermitted,
                        "{kind:?} by {name}: {refusal}"
                    );
                    assert!(allowed_in(kind).is_empty(), "{kind:?} by {name}: {refusal}");
                }
                Ok(_) => assert!(
                    allowed.contains(&name),
                    "{kind:?} by {name} should be refused"
                ),
            }
        }
    }
}
