//! The rules of review, co-signing, key proposals and closing, and the
//! Chinese refusals a user meets on the way.

use super::*;
use crate::refusal::RefusalKind;
use crate::tracking::Rater;

#[test]
fn co_signers_who_do_not_answer_lapse_when_the_window_closes() {
    let mut w = World::new();
    let p = w.step(
        &joint_draft(&w),
        Action::Submit { content: content() },
        author(),
    );
    let p = w.step(&p, Action::ConfirmCosign, cosigner_a());
    let early = w
        .try_apply(&p, &Action::CloseCosigning, &Who::system())
        .unwrap_err();
    assert_eq!(early.message, "联名征集于2026-03-05截止，尚未到期");
    w.today = date!(2026 - 03 - 06);
    let late = w
        .try_apply(&p, &Action::ConfirmCosign, &cosigner_b())
        .unwrap_err();
    assert_eq!(
        (late.kind, late.message.as_str()),
        (RefusalKind::TooLate, "联名确认期限已过")
    );
    let p = w.step(&p, Action::CloseCosigning, Who::system());
    assert_eq!(p.stage, Stage::Submitted);
    assert_eq!(p.cosigners[1].status, CosignStatus::Lapsed);
    assert_eq!(
        p.raters(),
        vec![Rater::Member(AUTHOR_M), Rater::Member(A_M)]
    );
}

#[test]
fn review_outcomes_check_their_data() {
    let w = World::new();
    let p = under_review(&w);
    let refuse = |action: Action| w.try_apply(&p, &action, &staff()).unwrap_err().message;
    let wrong_year = ProposalNumber {
        year: 2025,
        ..number(1)
    };
    assert_eq!(
        refuse(Action::File { number: wrong_year }),
        "编号的届次或年度与本提案不符"
    );
    let other = Action::Decline {
        reason: DeclineReason::Other,
        detail: None,
    };
    assert_eq!(refuse(other), "选择“其他”时须写明不予立案的理由");
    let into = |id, stage| Action::Merge {
        into: MergeTarget { id, stage },
        number: number(3),
    };
    assert_eq!(refuse(into(ID, Stage::Filed)), "不能并入本提案自身");
    assert_eq!(
        refuse(into(OTHER, Stage::UnderReview)),
        "只能并入已立案、尚未办结的主提案"
    );
    assert_eq!(
        refuse(into(OTHER, Stage::Closed)),
        "只能并入已立案、尚未办结的主提案"
    );

    let merged = w.step(&p, into(OTHER, Stage::Handling), staff());
    assert_eq!(
        (merged.stage, merged.merged_into),
        (Stage::Merged, Some(OTHER))
    );
    // A merged proposal still gets its own answer.
    let plan = AssignmentPlan::single(U1);
    let merged = w.track(&merged, TrackingAction::Assign { plan }, staff());
    assert_eq!(merged.stage, Stage::Assigned);
    let withdraw = TrackingAction::Withdraw {
        unit: U1,
        reason: reason("交办有误"),
    };
    let merged = w.track(&merged, withdraw, staff());
    assert_eq!(
        merged.stage,
        Stage::Merged,
        "back to staff for reassignment"
    );

    let declined = w.step(
        &p,
        Action::Decline {
            reason: DeclineReason::Promotion,
            detail: Some(reason("推介某品牌")),
        },
        staff(),
    );
    assert_eq!(declined.not_filed_reason, Some(DeclineReason::Promotion));
    let assign = Action::Track(TrackingAction::Assign {
        plan: AssignmentPlan::single(U1),
    });
    let refusal = w.try_apply(&declined, &assign, &staff()).unwrap_err();
    assert_eq!(refusal.message, "该提案未予立案");
}

#[test]
fn who_may_act_is_told_in_chinese() {
    let w = World::new();
    let p = under_review(&w);
    let refusal = w
        .try_apply(&p, &Action::File { number: number(1) }, &author())
        .unwrap_err();
    assert_eq!(refusal.message, "只有提案委员会工作人员可以立案");
    let filed = w.step(&p, Action::File { number: number(1) }, staff());
    let refusal = w.try_apply(
        &filed,
        &Action::Withdraw {
            reason: reason("不想提了"),
        },
        &author(),
    );
    assert_eq!(refusal.unwrap_err().message, "已立案的提案不能撤案");

    let done = answered(&w, &assigned(&w), AnswerClass::A);
    let by_stranger = rate(U1, Rater::Member(MemberId(199)), Satisfaction::Satisfied);
    let refusal = w.try_apply(&done, &by_stranger, &stranger()).unwrap_err();
    assert_eq!(refusal.message, "只有提案人可以评价");
    let declined_cosigner = rate(U1, Rater::Member(B_M), Satisfaction::Satisfied);
    let refusal = w
        .try_apply(&done, &declined_cosigner, &cosigner_b())
        .unwrap_err();
    assert_eq!(refusal.message, "只有提案人可以评价");
    let as_someone_else = rate(U1, Rater::Member(A_M), Satisfaction::Satisfied);
    let refusal = w.try_apply(&done, &as_someone_else, &author()).unwrap_err();
    assert_eq!(refusal.kind, RefusalKind::NotPermitted);
    let on_behalf_of_b = w
        .try_apply(&done, &declined_cosigner, &staff())
        .unwrap_err();
    assert_eq!(on_behalf_of_b.message, "评价人不是本件的提出人");

    let p = assigned(&w);
    let withdraw = TrackingAction::Withdraw {
        unit: U1,
        reason: reason("改由他单位办理"),
    };
    let p = w.track(&p, withdraw, staff());
    let draft = Action::Track(TrackingAction::DraftAnswer {
        unit: U1,
        answer: answer(AnswerClass::A),
    });
    let refusal = w.try_apply(&p, &draft, &clerk(U1)).unwrap_err();
    assert_eq!(refusal.message, "该交办已被撤回，不能再答复");
    let co_answer = Action::Track(TrackingAction::DraftAnswer {
        unit: U2,
        answer: answer(AnswerClass::A),
    });
    let refusal = w.try_apply(&p, &co_answer, &clerk(U2)).unwrap_err();
    assert_eq!(refusal.message, "只有主办单位可以答复");
    let refusal = w
        .try_apply(&p, &Action::SetExcellent { excellent: false }, &staff())
        .unwrap_err();
    assert_eq!(refusal.message, "该提案不是优秀提案");
}

#[test]
fn key_proposals_are_supervised() {
    let w = World::new();
    let p = assigned(&w);
    let visit = Action::RecordSupervision {
        kind: SupervisionKind::Visit,
        on: w.today,
        note: reason("主席会议成员带队视察"),
    };
    let refusal = w.try_apply(&p, &visit, &leader()).unwrap_err();
    assert_eq!(refusal.message, "只有重点提案可以记录督办");
    let p = w.step(&p, Action::MarkKey { leader: LEADER }, staff());
    let applied = w.try_apply(&p, &visit, &leader()).unwrap();
    assert_eq!(applied.transition.actor.relation, Relation::Leader);
    assert_eq!(
        applied.transition.comment.as_deref(),
        Some("主席会议成员带队视察")
    );
    assert_eq!(applied.next.stage, p.stage);
    let again = w
        .try_apply(&p, &Action::MarkKey { leader: LEADER }, &staff())
        .unwrap_err();
    assert_eq!(again.message, "已是重点提案，督办领导未变");
}

#[test]
fn closing_waits_for_every_rating_and_the_follow_up() {
    let w = World::new();
    let p = answered(&w, &assigned(&w), AnswerClass::B);
    let close = Action::Track(TrackingAction::Close);
    let refusal = w.try_apply(&p, &close, &staff()).unwrap_err();
    assert_eq!(refusal.message, "还有2项评价未完成，不能办结");
    let p = w.step(
        &p,
        rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Satisfied),
        author(),
    );
    let p = w.step(
        &p,
        rate(U1, Rater::Member(A_M), Satisfaction::Satisfied),
        cosigner_a(),
    );
    let refusal = w.try_apply(&p, &close, &staff()).unwrap_err();
    assert_eq!(
        refusal.message,
        "B类答复尚在跟踪办理，记录落实结果后才能办结"
    );
    let result = TrackingAction::RecordFollowUp {
        unit: U1,
        result: reason("新建养老服务中心3处"),
    };
    let p = w.track(&p, result, clerk(U1));
    let p = w.step(&p, close, Who::system());
    assert_eq!(p.stage, Stage::Closed);
    let after = w
        .try_apply(&p, &Action::MarkKey { leader: LEADER }, &staff())
        .unwrap_err();
    assert_eq!(after.message, "该提案已办结");
}
