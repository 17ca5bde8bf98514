use time::macros::date;

use super::*;
use crate::calendar::WorkCalendar;
use crate::refusal::RefusalKind;
use crate::tracking::{Answer, AnswerClass, AssignmentPlan, Context, TrackingAction};
use crate::UnitId;

fn ctx<'a>(cal: &'a WorkCalendar, policy: &'a TrackingPolicy) -> Context<'a> {
    Context {
        at: 1_800_000_000,
        today: date!(2026 - 11 - 2),
        calendar: cal,
        policy,
    }
}

fn answer(class: AnswerClass) -> Answer {
    Answer {
        class,
        document_no: None,
        signed_by: "王建国".into(),
        contact_person: "刘敏".into(),
        contact_phone: "023-63891234".into(),
        text: "已会同区交通局制定改造计划，年内完成。".into(),
    }
}

const UNIT: UnitId = UnitId(5);

fn forwarded(c: &Context<'_>) -> Letter {
    let l = Letter::new(LetterKind::Letter);
    let forward = LetterAction::Forward {
        plan: AssignmentPlan::single(UNIT),
    };
    apply(&l, &forward, LetterActor::Staff, c).unwrap().next
}

#[test]
fn a_letter_is_forwarded_replied_accepted_and_closed() {
    let (cal, base) = (WorkCalendar::default(), TrackingPolicy::default());
    let policy = policy_from(&base);
    let c = ctx(&cal, &policy);
    let l = forwarded(&c);
    assert_eq!(l.stage, LetterStage::Forwarded);
    let reply = LetterAction::Reply {
        unit: UNIT,
        answer: answer(AnswerClass::A),
    };
    let l = apply(&l, &reply, LetterActor::Unit(UNIT), &c).unwrap();
    assert_eq!(l.tracking.len(), 2, "draft and submit are both recorded");
    let l = l.next;
    assert_eq!(l.stage, LetterStage::Forwarded);
    assert!(l.replies().is_empty(), "not given before staff accept it");
    let l = apply(
        &l,
        &LetterAction::Accept { unit: UNIT },
        LetterActor::Staff,
        &c,
    )
    .unwrap()
    .next;
    assert_eq!(l.stage, LetterStage::Answered);
    assert_eq!(l.replies().len(), 1);
    let l = apply(
        &l,
        &LetterAction::Close { note: None },
        LetterActor::Staff,
        &c,
    )
    .unwrap()
    .next;
    assert_eq!(l.stage, LetterStage::Closed);
    assert!(l.tracking.is_closed());
}

#[test]
fn the_proposal_policy_would_require_contact_but_letters_do_not() {
    let (cal, base) = (WorkCalendar::default(), TrackingPolicy::default());
    assert!(base.contact_before_answer);
    let c = ctx(&cal, &base);
    let reply = LetterAction::Reply {
        unit: UNIT,
        answer: answer(AnswerClass::C),
    };
    assert!(apply(&forwarded(&c), &reply, LetterActor::Unit(UNIT), &c).is_err());
    let letters = policy_from(&base);
    let c = ctx(&cal, &letters);
    assert!(apply(&forwarded(&c), &reply, LetterActor::Unit(UNIT), &c).is_ok());
}

#[test]
fn refusals_say_why() {
    let (cal, base) = (WorkCalendar::default(), TrackingPolicy::default());
    let policy = policy_from(&base);
    let c = ctx(&cal, &policy);
    let fresh = Letter::new(LetterKind::Suggestion);
    let reply = LetterAction::Reply {
        unit: UNIT,
        answer: answer(AnswerClass::A),
    };
    let e = apply(&fresh, &reply, LetterActor::Unit(UNIT), &c).unwrap_err();
    assert_eq!(e.kind, RefusalKind::WrongState);
    assert!(e.message.contains("尚未转交"), "{}", e.message);
    let e = apply(
        &fresh,
        &LetterAction::Close { note: None },
        LetterActor::Staff,
        &c,
    )
    .unwrap_err();
    assert!(e.message.contains("办结说明"), "{}", e.message);
    let forward = LetterAction::Forward {
        plan: AssignmentPlan::single(UNIT),
    };
    let e = apply(&fresh, &forward, LetterActor::Reader, &c).unwrap_err();
    assert_eq!(e.kind, RefusalKind::NotPermitted);
    let e = apply(&fresh, &forward, LetterActor::Unit(UNIT), &c).unwrap_err();
    assert_eq!(e.kind, RefusalKind::NotPermitted);
    let l = forwarded(&c);
    let e = apply(&l, &forward, LetterActor::Staff, &c).unwrap_err();
    assert!(e.message.contains("不能再转交"), "{}", e.message);
    // Another unit cannot reply; staff cannot close before the reply.
    let other = LetterAction::Reply {
        unit: UnitId(6),
        answer: answer(AnswerClass::A),
    };
    assert!(apply(&l, &other, LetterActor::Unit(UnitId(6)), &c).is_err());
    let e = apply(
        &l,
        &LetterAction::Close { note: None },
        LetterActor::Staff,
        &c,
    )
    .unwrap_err();
    assert_eq!(e.kind, RefusalKind::WrongState);
    let e = apply(
        &l,
        &LetterAction::Track {
            action: TrackingAction::Close,
        },
        LetterActor::Staff,
        &c,
    )
    .unwrap_err();
    assert_eq!(e.kind, RefusalKind::Invalid);
}

#[test]
fn a_pending_letter_closes_with_a_note_and_a_returned_one_stays_forwarded() {
    let (cal, base) = (WorkCalendar::default(), TrackingPolicy::default());
    let policy = policy_from(&base);
    let c = ctx(&cal, &policy);
    let note = crate::refusal::Reason::parse("已在全会发言中回应", "办结说明").unwrap();
    let l = apply(
        &Letter::new(LetterKind::Suggestion),
        &LetterAction::Close { note: Some(note) },
        LetterActor::Staff,
        &c,
    )
    .unwrap()
    .next;
    assert_eq!(l.stage, LetterStage::Closed);
    assert_eq!(l.closing_note.as_deref(), Some("已在全会发言中回应"));
    let back = LetterAction::Track {
        action: TrackingAction::Return {
            unit: UNIT,
            reason: crate::refusal::Reason::parse("不属本单位职责", "理由").unwrap(),
        },
    };
    let l = apply(&forwarded(&c), &back, LetterActor::Unit(UNIT), &c)
        .unwrap()
        .next;
    assert_eq!(l.stage, LetterStage::Forwarded);
}

#[test]
fn codes_read_back() {
    for k in LetterKind::ALL {
        assert_eq!(LetterKind::from_code(k.code()), Some(k));
    }
    for s in LetterStage::ALL {
        assert_eq!(LetterStage::from_code(s.code()), Some(s));
    }
}
