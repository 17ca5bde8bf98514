use time::macros::date;

use super::*;
use crate::calendar::WorkCalendar;
use crate::refusal::{Reason, RefusalKind};
use crate::tracking::{Answer, Context};
use crate::tracking::{AnswerClass, AssignmentPlan, Satisfaction, TrackingAction};
use crate::UnitId;

fn ctx<'a>(today: time::Date, cal: &'a WorkCalendar, s: &'a StationSettings) -> Context<'a> {
    Context {
        at: 0,
        today,
        calendar: cal,
        policy: &s.tracking,
    }
}

fn feedback(satisfaction: Satisfaction, on: time::Date) -> VisitorFeedback {
    VisitorFeedback {
        date: on,
        how: FeedbackHow::Phone,
        satisfaction,
        note: if satisfaction == Satisfaction::Dissatisfied {
            "还是没解决".into()
        } else {
            String::new()
        },
    }
}

fn answer() -> Answer {
    Answer {
        class: AnswerClass::A,
        document_no: None,
        signed_by: "王局长".into(),
        contact_person: "李明".into(),
        contact_phone: "023-63891234".into(),
        text: "已安排维修路灯，本周内完成。".into(),
    }
}

#[test]
fn codes_and_answers_read_back_as_typed() {
    let code = tracking_code(&[7; CODE_LEN]);
    assert_eq!(code.len(), 2 + CODE_LEN);
    let typed = format!(" {}-{} ", &code[..6].to_lowercase(), &code[6..]);
    assert_eq!(normalise_code(&typed), Some(code));
    assert_eq!(normalise_code("SQ1234"), None);
    assert_eq!(normalise_code("SQOOOOOOOOOOOO"), None);
    assert_eq!(parse_answer("７"), Some(7));
    assert_eq!(parse_answer(" 12 "), Some(12));
    assert_eq!(parse_answer("十三"), Some(13));
    assert_eq!(parse_answer("二十"), Some(20));
    assert_eq!(parse_answer("九"), Some(9));
    assert_eq!(parse_answer("很多"), None);
}

#[test]
fn a_public_demand_needs_consent_content_and_a_category() {
    let s = StationSettings::default();
    let mut input = DemandInput {
        name: String::new(),
        anonymous: String::new(),
        phone: "abc".into(),
        content: "路灯".into(),
        category: "不存在".into(),
        consent: String::new(),
    };
    let e = input.parse(Channel::Online, &s).unwrap_err();
    for field in ["name", "phone", "content", "category", "consent"] {
        assert!(e.get(field).is_some(), "{field}: {e}");
    }
    input = DemandInput {
        name: String::new(),
        anonymous: "1".into(),
        phone: String::new(),
        content: "<script>alert(1)</script>小区门口路灯坏了三个月".into(),
        category: "城乡建设".into(),
        consent: "1".into(),
    };
    let ok = input.parse(Channel::Online, &s).unwrap();
    assert_eq!(ok.name, None);
    assert!(ok.content.starts_with("<script>"), "kept as text");
}

#[test]
fn a_forwarded_demand_goes_through_the_units_answer_and_closes_on_feedback() {
    let (cal, s) = (WorkCalendar::default(), StationSettings::default());
    let day = date!(2026 - 11 - 27);
    let c = ctx(day, &cal, &s);
    let unit = UnitId(7);
    let d = Demand::new(day);
    let forward = DemandAction::Forward {
        plan: AssignmentPlan::single(unit),
    };
    // A member may not forward; staff may.
    let refused = apply(&d, &forward, DemandActor::StationMember, &c, s.close_within).unwrap_err();
    assert_eq!(refused.kind, RefusalKind::NotPermitted);
    let d = apply(&d, &forward, DemandActor::Staff, &c, s.close_within)
        .unwrap()
        .next;
    assert_eq!(d.stage, DemandStage::Forwarded);
    // Another unit may not answer it.
    let draft = |u| DemandAction::Track {
        action: TrackingAction::DraftAnswer {
            unit: u,
            answer: answer(),
        },
    };
    let other = apply(
        &d,
        &draft(UnitId(8)),
        DemandActor::Unit(UnitId(8)),
        &c,
        s.close_within,
    );
    assert_eq!(other.unwrap_err().kind, RefusalKind::NotPermitted);
    let d = apply(
        &d,
        &draft(unit),
        DemandActor::Unit(unit),
        &c,
        s.close_within,
    )
    .unwrap()
    .next;
    let submit = DemandAction::Track {
        action: TrackingAction::SubmitAnswer { unit },
    };
    let d = apply(&d, &submit, DemandActor::Unit(unit), &c, s.close_within)
        .unwrap()
        .next;
    // No feedback before staff accepted the answer.
    let fb = DemandAction::Feedback {
        feedback: feedback(Satisfaction::Satisfied, day),
    };
    assert!(apply(&d, &fb, DemandActor::Staff, &c, s.close_within).is_err());
    assert!(d.public_answers().is_empty());
    let accept = DemandAction::Track {
        action: TrackingAction::Accept {
            unit,
            class: None,
            reason: None,
        },
    };
    let d = apply(&d, &accept, DemandActor::Staff, &c, s.close_within)
        .unwrap()
        .next;
    assert_eq!(d.public_answers().len(), 1);
    assert_eq!(d.public_status(), "承办单位已答复");
    let d = apply(&d, &fb, DemandActor::StationMember, &c, s.close_within)
        .unwrap()
        .next;
    assert_eq!(d.stage, DemandStage::Closed);
    assert_eq!(d.closed_on_time, Some(true));
}

#[test]
fn a_dissatisfied_visitor_keeps_a_forwarded_demand_open_for_rehandling() {
    let (cal, s) = (WorkCalendar::default(), StationSettings::default());
    let day = date!(2026 - 11 - 27);
    let c = ctx(day, &cal, &s);
    let unit = UnitId(3);
    let mut d = Demand::new(day);
    for (action, actor) in [
        (
            DemandAction::Forward {
                plan: AssignmentPlan::single(unit),
            },
            DemandActor::Staff,
        ),
        (
            DemandAction::Track {
                action: TrackingAction::DraftAnswer {
                    unit,
                    answer: answer(),
                },
            },
            DemandActor::Unit(unit),
        ),
        (
            DemandAction::Track {
                action: TrackingAction::SubmitAnswer { unit },
            },
            DemandActor::Unit(unit),
        ),
        (
            DemandAction::Track {
                action: TrackingAction::Accept {
                    unit,
                    class: None,
                    reason: None,
                },
            },
            DemandActor::Staff,
        ),
        (
            DemandAction::Feedback {
                feedback: feedback(Satisfaction::Dissatisfied, day),
            },
            DemandActor::Staff,
        ),
    ] {
        d = apply(&d, &action, actor, &c, s.close_within).unwrap().next;
    }
    assert_eq!(d.stage, DemandStage::Forwarded);
    let rehandle = DemandAction::Track {
        action: TrackingAction::Rehandle {
            unit,
            reason: Reason::parse("群众不满意，请重新办理", "理由").unwrap(),
        },
    };
    assert!(apply(&d, &rehandle, DemandActor::Staff, &c, s.close_within).is_ok());
}

#[test]
fn a_demand_is_disposed_of_once_and_a_proposal_needs_a_member() {
    let (cal, s) = (WorkCalendar::default(), StationSettings::default());
    let day = date!(2026 - 11 - 27);
    let c = ctx(day, &cal, &s);
    let d = Demand::new(day);
    let to_proposal = DemandAction::ToProposal {
        id: crate::ProposalId(1),
    };
    let staff = apply(&d, &to_proposal, DemandActor::Staff, &c, s.close_within);
    assert_eq!(staff.unwrap_err().kind, RefusalKind::NotPermitted);
    let d = apply(
        &d,
        &to_proposal,
        DemandActor::StationMember,
        &c,
        s.close_within,
    )
    .unwrap()
    .next;
    let again = DemandAction::AnswerOnSpot {
        answer: Reason::parse("已解释政策", "答复").unwrap(),
    };
    let refused = apply(&d, &again, DemandActor::Staff, &c, s.close_within).unwrap_err();
    assert_eq!(refused.kind, RefusalKind::WrongState);
    let reader = apply(&d, &again, DemandActor::Reader, &c, s.close_within).unwrap_err();
    assert_eq!(reader.kind, RefusalKind::NotPermitted);
    // Feedback 30 working days later is not on time.
    let late = date!(2027 - 01 - 15);
    let c = ctx(late, &cal, &s);
    let fb = DemandAction::Feedback {
        feedback: feedback(Satisfaction::Satisfied, late),
    };
    let closed = apply(&d, &fb, DemandActor::Staff, &c, s.close_within)
        .unwrap()
        .next;
    assert_eq!(closed.closed_on_time, Some(false));
}
