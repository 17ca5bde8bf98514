//! The tracking rules between units and raters: returns and reassignment,
//! lead and co-units, split answers, withdrawal, answer classes,
//! re-handling, follow-up and closing.

use super::*;
use crate::refusal::RefusalKind;

#[test]
fn a_returned_item_goes_back_to_staff_for_reassignment() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::lead_with_co(U1, &[U2]).unwrap());
    let t = w.step(
        &t,
        TrackingAction::Return {
            unit: U1,
            reason: reason("不属本单位职责"),
        },
        Relation::Unit(U1),
    );
    let again = TrackingAction::Assign {
        plan: AssignmentPlan::single(U3),
    };
    let refusal = w.try_apply(&t, again, Relation::Staff).unwrap_err();
    assert!(refusal.message.starts_with("已有承办单位在办"));
    let new_lead = TrackingAction::AddUnit {
        unit: U3,
        role: UnitRole::Lead,
    };
    let t = w.step(&t, new_lead.clone(), Relation::Staff);
    assert_eq!(t.latest_of(U3).unwrap().seq, 3);
    let twice = w.try_apply(&t, new_lead, Relation::Staff).unwrap_err();
    assert_eq!(twice.message, "该单位已在办理此件");
    let second_lead = TrackingAction::AddUnit {
        unit: U1,
        role: UnitRole::Lead,
    };
    let refusal = w.try_apply(&t, second_lead, Relation::Staff).unwrap_err();
    assert_eq!(refusal.message, "已有主办单位在办");
    // The returning unit itself can act no more.
    let contact = TrackingAction::RecordContact {
        unit: U1,
        on: w.today,
        note: reason("电话"),
    };
    let refusal = w.try_apply(&t, contact, Relation::Unit(U1)).unwrap_err();
    assert_eq!(refusal.message, "该交办已退回，不能再记录办前沟通");
}

#[test]
fn only_the_lead_answers_and_only_after_the_co_units_views() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::lead_with_co(U1, &[U2]).unwrap());
    let co_answer = TrackingAction::DraftAnswer {
        unit: U2,
        answer: answer(AnswerClass::A),
    };
    let refusal = w.try_apply(&t, co_answer, Relation::Unit(U2)).unwrap_err();
    assert_eq!(refusal.message, "只有主办单位可以答复");
    let t = w.step(
        &t,
        TrackingAction::RecordContact {
            unit: U1,
            on: w.today,
            note: reason("座谈"),
        },
        Relation::Unit(U1),
    );
    let draft = TrackingAction::DraftAnswer {
        unit: U1,
        answer: answer(AnswerClass::A),
    };
    let t = w.step(&t, draft, Relation::Unit(U1));
    let submit = TrackingAction::SubmitAnswer { unit: U1 };
    let refusal = w
        .try_apply(&t, submit.clone(), Relation::Unit(U1))
        .unwrap_err();
    assert_eq!(refusal.message, "会办单位意见尚未全部送达，暂不能提交答复");
    let views = TrackingAction::SendViews {
        unit: U2,
        views: reason("建议增加财政补助测算"),
    };
    let t = w.step(&t, views, Relation::Unit(U2));
    let t = w.step(&t, submit, Relation::Unit(U1));
    assert_eq!(t.latest_of(U1).unwrap().state, AssignmentState::Submitted);
    // The co-unit is not rated.
    let t = w.step(
        &t,
        TrackingAction::Accept {
            unit: U1,
            class: None,
            reason: None,
        },
        Relation::Staff,
    );
    assert_eq!(t.missing_ratings(), vec![(U1, R1), (U1, R2)]);
}

#[test]
fn split_units_each_answer_and_each_is_rated() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::split(&[U1, U2]).unwrap());
    let t = answered(&w, &t, U1, AnswerClass::A);
    let t = answered(&w, &t, U2, AnswerClass::C);
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
    let t = w.step(
        &t,
        rate(U2, R1, Satisfaction::BasicallySatisfied),
        Relation::Rater(R1),
    );
    let refusal = w
        .try_apply(&t, TrackingAction::Close, Relation::Staff)
        .unwrap_err();
    assert_eq!(refusal.message, "还有1项评价未完成，不能办结");
    let twice = w
        .try_apply(
            &t,
            rate(U2, R1, Satisfaction::Satisfied),
            Relation::Rater(R1),
        )
        .unwrap_err();
    assert_eq!(twice.message, "已评价，不能重复评价");
    let stranger = w
        .try_apply(
            &t,
            rate(U2, STRANGER, Satisfaction::Satisfied),
            Relation::Rater(STRANGER),
        )
        .unwrap_err();
    assert_eq!(stranger.message, "只有本件的提出人可以评价");
    let t = w.step(&t, rate(U2, R2, Satisfaction::Satisfied), Relation::Staff);
    let closed = w
        .try_apply(&t, TrackingAction::Close, Relation::System)
        .unwrap();
    assert_eq!(closed.transition.changes.len(), 2);
    assert!(closed.next.is_closed());
}

#[test]
fn a_withdrawn_assignment_cannot_be_answered() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = w.step(
        &t,
        TrackingAction::Withdraw {
            unit: U1,
            reason: reason("交办单位有误"),
        },
        Relation::Staff,
    );
    let draft = TrackingAction::DraftAnswer {
        unit: U1,
        answer: answer(AnswerClass::A),
    };
    let refusal = w.try_apply(&t, draft, Relation::Unit(U1)).unwrap_err();
    assert_eq!(refusal.message, "该交办已被撤回，不能再答复");
    assert_eq!(refusal.kind, RefusalKind::WrongState);
    let other = TrackingAction::SubmitAnswer { unit: U3 };
    let refusal = w.try_apply(&t, other, Relation::Unit(U3)).unwrap_err();
    assert_eq!(refusal.message, "本单位未被交办此件");
}

#[test]
fn contact_comes_before_the_answer_unless_the_policy_says_otherwise() {
    let mut w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let draft = TrackingAction::DraftAnswer {
        unit: U1,
        answer: answer(AnswerClass::A),
    };
    let refusal = w
        .try_apply(&t, draft.clone(), Relation::Unit(U1))
        .unwrap_err();
    assert_eq!(
        refusal.message,
        "请先与提出人沟通（办前沟通）并记录后再答复"
    );
    w.policy.contact_before_answer = false;
    assert!(w.try_apply(&t, draft, Relation::Unit(U1)).is_ok());
}

#[test]
fn a_changed_class_needs_a_reason_and_b_opens_a_follow_up() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = answered(&w, &t, U1, AnswerClass::A);
    let a = t.latest_of(U1).unwrap();
    assert!(a.follow_up.is_none());
    assert_eq!(a.answered_on_time, Some(true));

    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = answered(&w, &t, U1, AnswerClass::A);
    let t = w.step(
        &t,
        rate(U1, R1, Satisfaction::Dissatisfied),
        Relation::Rater(R1),
    );
    let t = w.step(
        &t,
        TrackingAction::Rehandle {
            unit: U1,
            reason: reason("提案人不满意"),
        },
        Relation::Staff,
    );
    let t = w.step(
        &t,
        TrackingAction::DraftAnswer {
            unit: U1,
            answer: answer(AnswerClass::A),
        },
        Relation::Unit(U1),
    );
    let t = w.step(
        &t,
        TrackingAction::SubmitAnswer { unit: U1 },
        Relation::Unit(U1),
    );
    let change = |reason| TrackingAction::Accept {
        unit: U1,
        class: Some(AnswerClass::B),
        reason,
    };
    let refusal = w.try_apply(&t, change(None), Relation::Staff).unwrap_err();
    assert_eq!(refusal.message, "更改答复类别须说明理由");
    let t = w.step(&t, change(Some(reason("尚在实施中"))), Relation::Staff);
    let a = t.latest_of(U1).unwrap();
    assert_eq!(a.answer.as_ref().unwrap().class, AnswerClass::B);
    assert!(a.has_open_follow_up());
    assert_eq!(a.round, 2);
    assert_eq!(a.ratings.len(), 1, "the first round's rating is kept");
}

#[test]
fn dissatisfaction_is_rehandled_once_and_b_is_followed_up_before_closing() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = answered(&w, &t, U1, AnswerClass::B);
    let t = w.step(
        &t,
        rate(U1, R1, Satisfaction::Dissatisfied),
        Relation::Rater(R1),
    );
    let t = w.step(
        &t,
        rate(U1, R2, Satisfaction::Satisfied),
        Relation::Rater(R2),
    );
    let refusal = w
        .try_apply(&t, TrackingAction::Close, Relation::Staff)
        .unwrap_err();
    assert_eq!(refusal.message, "有不满意的评价，应先重新办理");
    let rehandle = TrackingAction::Rehandle {
        unit: U1,
        reason: reason("提案人不满意"),
    };
    let t = w.step(&t, rehandle.clone(), Relation::Staff);
    let a = t.latest_of(U1).unwrap();
    assert_eq!((a.state, a.round), (AssignmentState::Rehandling, 2));
    assert_eq!(
        a.due,
        date!(2026 - 04 - 02),
        "re-handling is due in a month"
    );
    let t = w.step(
        &t,
        TrackingAction::DraftAnswer {
            unit: U1,
            answer: answer(AnswerClass::B),
        },
        Relation::Unit(U1),
    );
    let t = w.step(
        &t,
        TrackingAction::SubmitAnswer { unit: U1 },
        Relation::Unit(U1),
    );
    let accept = TrackingAction::Accept {
        unit: U1,
        class: None,
        reason: None,
    };
    let t = w.step(&t, accept, Relation::Staff);
    let t = w.step(
        &t,
        rate(U1, R1, Satisfaction::Dissatisfied),
        Relation::Rater(R1),
    );
    let t = w.step(
        &t,
        rate(U1, R2, Satisfaction::Satisfied),
        Relation::Rater(R2),
    );
    let refusal = w.try_apply(&t, rehandle, Relation::Staff).unwrap_err();
    assert_eq!(refusal.message, "已重新办理1次，不能再次重新办理");
    let refusal = w
        .try_apply(&t, TrackingAction::Close, Relation::Staff)
        .unwrap_err();
    assert_eq!(
        refusal.message,
        "B类答复尚在跟踪办理，记录落实结果后才能办结"
    );
    let t = w.step(
        &t,
        TrackingAction::RecordFollowUp {
            unit: U1,
            result: reason("2026年底已建成投用"),
        },
        Relation::Unit(U1),
    );
    let t = w.step(&t, TrackingAction::Close, Relation::Staff);
    assert_eq!(t.ratings().count(), 4, "every round's ratings are kept");
    let after = w.try_apply(
        &t,
        rate(U1, R1, Satisfaction::Satisfied),
        Relation::Rater(R1),
    );
    assert_eq!(after.unwrap_err().message, "该件已办结");
}
