//! Every stage × every action, and sequences that never reach an illegal
//! state or lose the original text.

use proptest::prelude::*;

use super::*;
use crate::refusal::{Reason, RefusalKind};

fn text(title: &str) -> OpinionText {
    OpinionText {
        title: title.into(),
        situation: "某社区老年人就餐难".into(),
        analysis: String::new(),
        suggestion: "建议增设社区食堂".into(),
        category: "社会建设".into(),
    }
}

fn reason() -> Reason {
    Reason::parse("不宜采用", "理由").unwrap()
}

const AUTHOR: Who = Who {
    user: Some(UserId(10)),
    member: Some(MemberId(5)),
    staff: false,
};
const STAFF: Who = Who {
    user: Some(UserId(20)),
    member: None,
    staff: true,
};
const OTHER_MEMBER: Who = Who {
    user: Some(UserId(11)),
    member: Some(MemberId(6)),
    staff: false,
};

fn draft(policy: &OpinionPolicy) -> Opinion {
    let ctx = Context { at: 1, policy };
    create(
        OpinionId(1),
        OrgId(1),
        2026,
        Author::Member(MemberId(5)),
        vec![MemberId(7)],
        text("原稿"),
        &AUTHOR,
        &ctx,
    )
    .unwrap()
    .next
}

fn actions() -> Vec<Action> {
    vec![
        Action::EditDraft {
            text: text("草稿二"),
        },
        Action::Submit,
        Action::Withdraw { reason: reason() },
        Action::Edit {
            text: text("编辑稿"),
        },
        Action::Review { comment: None },
        Action::SignOff,
        Action::Adopt { note: None },
        Action::Keep { reason: reason() },
    ]
}

/// The stage each action leads to from each stage, or `None` if refused.
fn expected(stage: Stage, kind: ActionKind) -> Option<Stage> {
    use ActionKind as K;
    use Stage as S;
    match (kind, stage) {
        (K::EditDraft, S::Draft) => Some(S::Draft),
        (K::Submit, S::Draft) => Some(S::Submitted),
        (K::Withdraw, S::Draft | S::Submitted) => Some(S::Withdrawn),
        (K::Edit, S::Submitted | S::Editing) => Some(S::Editing),
        (K::Review, S::Submitted | S::Editing) => Some(S::Reviewed),
        (K::SignOff, S::Reviewed) => Some(S::SignedOff),
        (K::Adopt, S::SignedOff) => Some(S::Adopted),
        (K::Keep, S::Submitted | S::Editing | S::Reviewed | S::SignedOff) => Some(S::Kept),
        _ => None,
    }
}

fn at_stage(stage: Stage, policy: &OpinionPolicy) -> Opinion {
    let mut o = draft(policy);
    if stage.submitted() {
        o.original = Some(o.text.clone());
    }
    o.stage = stage;
    o
}

#[test]
fn every_stage_and_action() {
    let policy = OpinionPolicy::default();
    let ctx = Context {
        at: 2,
        policy: &policy,
    };
    for stage in Stage::ALL {
        for action in actions() {
            let o = at_stage(stage, &policy);
            let kind = action.kind();
            let staff_step = matches!(
                kind,
                ActionKind::Edit
                    | ActionKind::Review
                    | ActionKind::SignOff
                    | ActionKind::Adopt
                    | ActionKind::Keep
            );
            let (right, wrong) = if staff_step {
                (STAFF, AUTHOR)
            } else {
                (AUTHOR, STAFF)
            };
            let refused = apply(&o, &action, &wrong, &ctx).unwrap_err();
            assert_eq!(
                refused.kind,
                RefusalKind::NotPermitted,
                "{stage:?} {kind:?}"
            );
            let refused = apply(&o, &action, &OTHER_MEMBER, &ctx).unwrap_err();
            assert_eq!(
                refused.kind,
                RefusalKind::NotPermitted,
                "{stage:?} {kind:?}"
            );
            match (apply(&o, &action, &right, &ctx), expected(stage, kind)) {
                (Ok(applied), Some(to)) => {
                    assert_eq!(applied.next.stage, to, "{stage:?} {kind:?}");
                    assert_eq!(applied.next.version, o.version + 1);
                    assert_eq!(applied.transition.from, Some(stage));
                }
                (Err(r), None) => {
                    assert_eq!(r.kind, RefusalKind::WrongState, "{stage:?} {kind:?}");
                    assert!(r.message.contains(stage.label()), "{}", r.message);
                }
                (got, want) => panic!("{stage:?} {kind:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}

#[test]
fn staff_edit_keeps_the_original_beside() {
    let policy = OpinionPolicy::default();
    let ctx = Context {
        at: 2,
        policy: &policy,
    };
    let o = draft(&policy);
    let o = apply(&o, &Action::Submit, &AUTHOR, &ctx).unwrap().next;
    let edit = Action::Edit {
        text: text("编辑稿"),
    };
    let o = apply(&o, &edit, &STAFF, &ctx).unwrap().next;
    assert_eq!(o.original.as_ref().unwrap().title, "原稿");
    assert_eq!(o.current().title, "编辑稿");
}

#[test]
fn conversion_starts_submitted_with_provenance() {
    let policy = OpinionPolicy::default();
    let ctx = Context {
        at: 2,
        policy: &policy,
    };
    let args = |who: &Who| {
        convert_from_proposal(
            OpinionId(3),
            OrgId(1),
            2026,
            Author::Member(MemberId(5)),
            UserId(10),
            text("由提案转来"),
            ProposalId(9),
            None,
            who,
            &ctx,
        )
    };
    assert_eq!(args(&AUTHOR).unwrap_err().kind, RefusalKind::NotPermitted);
    let o = args(&STAFF).unwrap().next;
    assert_eq!(o.stage, Stage::Submitted);
    assert_eq!(o.from_proposal, Some(ProposalId(9)));
    assert!(o.is_author(&AUTHOR));
}

#[test]
fn only_the_member_themself_may_author() {
    let policy = OpinionPolicy::default();
    let ctx = Context {
        at: 1,
        policy: &policy,
    };
    let refused = create(
        OpinionId(1),
        OrgId(1),
        2026,
        Author::Member(MemberId(5)),
        Vec::new(),
        text("x"),
        &OTHER_MEMBER,
        &ctx,
    )
    .unwrap_err();
    assert_eq!(refused.kind, RefusalKind::NotPermitted);
}

proptest! {
    #[test]
    fn no_sequence_reaches_an_illegal_state(steps in proptest::collection::vec((0usize..8, proptest::bool::ANY), 0..30)) {
        let policy = OpinionPolicy::default();
        let ctx = Context { at: 3, policy: &policy };
        let mut o = draft(&policy);
        let mut original: Option<OpinionText> = None;
        for (index, as_staff) in steps {
            let action = actions().swap_remove(index);
            let who = if as_staff { STAFF } else { AUTHOR };
            if let Ok(applied) = apply(&o, &action, &who, &ctx) {
                prop_assert_eq!(Some(applied.next.stage), expected(o.stage, action.kind()));
                o = applied.next;
            }
            // Once submitted, the original exists and never changes.
            if o.stage.submitted() || o.original.is_some() {
                prop_assert!(o.original.is_some());
                match &original {
                    Some(first) => prop_assert_eq!(o.original.as_ref(), Some(first)),
                    None => original = o.original.clone(),
                }
            }
            prop_assert!(o.edited.is_none() || o.original.is_some());
        }
    }
}
