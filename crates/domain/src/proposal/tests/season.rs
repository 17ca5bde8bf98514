//! Whole seasons through the proposal machine: a joint proposal from draft
//! to 办结, and a collective one.

use super::*;
use crate::tracking::{AssignmentState, Rater, UnitRole};

/// The black-box season of issue 3, at the domain level: a joint proposal
/// with co-signers, review, lead and co-unit assignment, return and
/// reassignment, answer, checking, a dissatisfied rating, re-handling and
/// closing; with the history checked step by step.
#[test]
fn a_joint_proposal_goes_through_a_whole_season() {
    let w = World::new();
    let mut history: Vec<Transition> = Vec::new();
    let mut p = create(
        ID,
        OrgId(1),
        TERM,
        YEAR,
        Proposer::Member(AUTHOR_M),
        &author(),
        &w.ctx(),
    )
    .map(|a| {
        history.push(a.transition);
        a.next
    })
    .unwrap();
    let mut go = |p: &Proposal, action: Action, who: Who| {
        let applied = w.try_apply(p, &action, &who).unwrap();
        assert_eq!(applied.transition.from, Some(p.stage));
        history.push(applied.transition);
        applied.next
    };
    p = go(
        &p,
        Action::InviteCosigners {
            members: vec![A_M, B_M],
        },
        author(),
    );
    assert_eq!(p.kind(), ProposerKind::Joint);
    p = go(&p, Action::Submit { content: content() }, author());
    assert_eq!(p.stage, Stage::CollectingCosigners);
    assert_eq!(p.cosign_deadline, Some(date!(2026 - 03 - 05)));
    p = go(&p, Action::ConfirmCosign, cosigner_a());
    p = go(
        &p,
        Action::DeclineCosign {
            reason: Some(reason("不熟悉")),
        },
        cosigner_b(),
    );
    assert_eq!(p.stage, Stage::Submitted, "the last answer submits it");
    assert_eq!(p.proposers(), vec![AUTHOR_M, A_M]);
    p = go(&p, Action::StartReview, staff());
    p = go(
        &p,
        Action::File {
            number: ProposalNumber::next_after(None, TERM, YEAR),
        },
        staff(),
    );
    assert_eq!(p.number.unwrap().to_string(), "第0001号");
    let plan = AssignmentPlan::lead_with_co(U1, &[U2]).unwrap();
    p = go(&p, Action::Track(TrackingAction::Assign { plan }), staff());
    assert_eq!(p.stage, Stage::Assigned);
    // The lead returns it; co-unit U2 waits for a new lead.
    let give_back = TrackingAction::Return {
        unit: U1,
        reason: reason("不属本单位职责"),
    };
    p = go(&p, Action::Track(give_back), clerk(U1));
    assert_eq!(p.stage, Stage::Assigned);
    let new_lead = TrackingAction::AddUnit {
        unit: U3,
        role: UnitRole::Lead,
    };
    p = go(&p, Action::Track(new_lead), staff());
    let contact = TrackingAction::RecordContact {
        unit: U3,
        on: w.today,
        note: reason("面商"),
    };
    p = go(&p, Action::Track(contact), clerk(U3));
    assert_eq!(p.stage, Stage::Handling);
    let views = TrackingAction::SendViews {
        unit: U2,
        views: reason("同意"),
    };
    p = go(&p, Action::Track(views), clerk(U2));
    let draft = TrackingAction::DraftAnswer {
        unit: U3,
        answer: answer(AnswerClass::A),
    };
    p = go(&p, Action::Track(draft.clone()), clerk(U3));
    p = go(
        &p,
        Action::Track(TrackingAction::SubmitAnswer { unit: U3 }),
        clerk(U3),
    );
    let send_back = TrackingAction::SendBack {
        unit: U3,
        reason: reason("请补充资金安排"),
    };
    p = go(&p, Action::Track(send_back), staff());
    p = go(&p, Action::Track(draft.clone()), clerk(U3));
    p = go(
        &p,
        Action::Track(TrackingAction::SubmitAnswer { unit: U3 }),
        clerk(U3),
    );
    let accept = TrackingAction::Accept {
        unit: U3,
        class: None,
        reason: None,
    };
    p = go(&p, Action::Track(accept.clone()), staff());
    assert_eq!(p.stage, Stage::Answered);
    p = go(
        &p,
        rate(U3, Rater::Member(AUTHOR_M), Satisfaction::Dissatisfied),
        author(),
    );
    assert_eq!(p.stage, Stage::Rating);
    p = go(
        &p,
        rate(U3, Rater::Member(A_M), Satisfaction::Satisfied),
        cosigner_a(),
    );
    let rehandle = TrackingAction::Rehandle {
        unit: U3,
        reason: reason("提案人不满意"),
    };
    p = go(&p, Action::Track(rehandle), staff());
    assert_eq!(p.stage, Stage::Rehandling);
    p = go(&p, Action::Track(draft), clerk(U3));
    assert_eq!(p.stage, Stage::Rehandling);
    p = go(
        &p,
        Action::Track(TrackingAction::SubmitAnswer { unit: U3 }),
        clerk(U3),
    );
    p = go(&p, Action::Track(accept), staff());
    p = go(
        &p,
        rate(
            U3,
            Rater::Member(AUTHOR_M),
            Satisfaction::BasicallySatisfied,
        ),
        author(),
    );
    // A cosigner offline: staff enter the rating from the paper form.
    p = go(
        &p,
        rate(U3, Rater::Member(A_M), Satisfaction::Satisfied),
        staff(),
    );
    p = go(&p, Action::Track(TrackingAction::Close), staff());
    assert_eq!(p.stage, Stage::Closed);

    let ratings: Vec<_> = p.tracking.ratings().map(|(_, r)| r.clone()).collect();
    assert_eq!(ratings.len(), 4, "both rounds kept");
    assert!(ratings[3].entered_on_behalf && !ratings[2].entered_on_behalf);
    for pair in history.windows(2) {
        assert_eq!(pair[1].from, Some(pair[0].to), "history is a chain");
    }
    assert_eq!(history.len(), 27);
    assert_eq!(p.version, 26);
    let returned = history
        .iter()
        .find(|t| t.comment.as_deref() == Some("不属本单位职责"))
        .unwrap();
    assert_eq!(returned.actor.relation, Relation::Unit(U1));
    assert_eq!(returned.assignments[0].to, AssignmentState::Returned);
}

#[test]
fn a_collective_proposal_is_drafted_and_rated_by_the_bodys_account() {
    let w = World::new();
    let body = Proposer::Body {
        kind: BodyKind::DemocraticParty,
        name: "民盟重庆市委会".into(),
    };
    let office = Who::account(UserId(77));
    let p = create(ID, OrgId(1), TERM, YEAR, body, &office, &w.ctx())
        .unwrap()
        .next;
    assert_eq!(p.kind(), ProposerKind::Collective);
    let invite = Action::InviteCosigners { members: vec![A_M] };
    assert_eq!(
        w.try_apply(&p, &invite, &office).unwrap_err().message,
        "集体提案不征集联名"
    );
    let p = w.step(&p, Action::Submit { content: content() }, office);
    assert_eq!(p.stage, Stage::Submitted, "no co-signing for a body");
    let p = w.step(&p, Action::StartReview, staff());
    let p = w.step(&p, Action::File { number: number(9) }, staff());
    assert_eq!(p.tracking.raters, vec![Rater::Account(UserId(77))]);
    let p = w.track(
        &p,
        TrackingAction::Assign {
            plan: AssignmentPlan::single(U1),
        },
        staff(),
    );
    let contact = TrackingAction::RecordContact {
        unit: U1,
        on: w.today,
        note: reason("电话"),
    };
    let p = w.track(&p, contact, clerk(U1));
    let draft = TrackingAction::DraftAnswer {
        unit: U1,
        answer: answer(AnswerClass::C),
    };
    let p = w.track(&p, draft, clerk(U1));
    let p = w.track(&p, TrackingAction::SubmitAnswer { unit: U1 }, clerk(U1));
    let accept = TrackingAction::Accept {
        unit: U1,
        class: None,
        reason: None,
    };
    let p = w.track(&p, accept, staff());
    let p = w.step(
        &p,
        rate(U1, Rater::Account(UserId(77)), Satisfaction::Satisfied),
        office,
    );
    let p = w.track(&p, TrackingAction::Close, Who::system());
    assert_eq!(p.stage, Stage::Closed);

    let someone = create(
        ID,
        OrgId(1),
        TERM,
        YEAR,
        Proposer::Member(A_M),
        &author(),
        &w.ctx(),
    );
    assert_eq!(someone.unwrap_err().message, "只能以本人名义提出提案");
}
