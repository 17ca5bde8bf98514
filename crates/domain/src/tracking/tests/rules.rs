//! The tracking deadlines: due dates fixed at assignment, extensions up to
//! the cap, the return window in working days, and warnings.

use super::*;
use crate::refusal::RefusalKind;
use time::Month;

#[test]
fn deadlines_are_fixed_at_assignment() {
    let w = World::new(); // Monday 2 March 2026
    let t = assigned(&w, AssignmentPlan::single(U1));
    let a = t.latest_of(U1).unwrap();
    assert_eq!(a.assigned_on, date!(2026 - 03 - 02));
    assert_eq!(a.return_by, date!(2026 - 03 - 16)); // 10 working days
    assert_eq!(a.contact_by, date!(2026 - 03 - 23)); // 15 working days
    assert_eq!(a.due, date!(2026 - 06 - 02)); // 3 calendar months
    assert_eq!(a.latest_due, date!(2026 - 09 - 02)); // at most 6 months
}

#[test]
fn extensions_need_a_later_date_within_six_months() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let extend = |until| TrackingAction::Extend {
        unit: U1,
        until,
        reason: reason("涉及跨年度预算安排"),
    };
    let too_far = w.try_apply(&t, extend(date!(2026 - 09 - 03)), Relation::Staff);
    assert_eq!(
        too_far.unwrap_err().message,
        "延期不能超过交办后6个月（2026-09-02）"
    );
    let too_early = w.try_apply(&t, extend(date!(2026 - 06 - 01)), Relation::Staff);
    assert_eq!(
        too_early.unwrap_err().message,
        "延期后的期限应晚于原期限（2026-06-02）"
    );
    let applied = w
        .try_apply(&t, extend(date!(2026 - 09 - 02)), Relation::Staff)
        .unwrap();
    assert_eq!(
        applied.next.latest_of(U1).unwrap().due,
        date!(2026 - 09 - 02)
    );
    assert_eq!(
        applied.transition.comment.as_deref(),
        Some("涉及跨年度预算安排")
    );
    let change = applied.transition.changes[0];
    assert_eq!(change.from, Some(AssignmentState::Assigned));
    assert_eq!(change.to, AssignmentState::Assigned);
}

#[test]
fn the_return_window_counts_working_days_across_a_holiday() {
    let mut w = World::new();
    for day in 1..=7 {
        w.calendar
            .add_holiday(Date::from_calendar_date(2026, Month::October, day).unwrap());
    }
    w.calendar.add_extra_workday(date!(2026 - 10 - 10));
    w.today = date!(2026 - 09 - 30);
    let t = assigned(&w, AssignmentPlan::single(U1));
    // Without the National Day holiday the window would end on 14 October.
    assert_eq!(t.latest_of(U1).unwrap().return_by, date!(2026 - 10 - 20));
    let give_back = TrackingAction::Return {
        unit: U1,
        reason: reason("该事项属市住建委职责"),
    };
    w.today = date!(2026 - 10 - 20);
    let applied = w
        .try_apply(&t, give_back.clone(), Relation::Unit(U1))
        .unwrap();
    assert_eq!(
        applied.next.latest_of(U1).unwrap().state,
        AssignmentState::Returned
    );
    w.today = date!(2026 - 10 - 21);
    let late = w.try_apply(&t, give_back, Relation::Unit(U1)).unwrap_err();
    assert_eq!(late.kind, RefusalKind::TooLate);
    assert_eq!(late.message, "退回期限已过（交办后10个工作日内可退回）");
}

#[test]
fn warnings_apply_only_while_an_answer_is_awaited() {
    let mut w = World::new();
    let t = assigned(&w, AssignmentPlan::lead_with_co(U1, &[U2]).unwrap());
    let policy = TrackingPolicy::default();
    let lead = t.latest_of(U1).unwrap();
    let co = t.latest_of(U2).unwrap();
    assert_eq!(
        lead.warning(date!(2026 - 05 - 10), &policy),
        Some(Warning::Blue)
    );
    assert_eq!(
        lead.warning(date!(2026 - 05 - 20), &policy),
        Some(Warning::Yellow)
    );
    assert_eq!(
        lead.warning(date!(2026 - 06 - 02), &policy),
        Some(Warning::Red)
    );
    assert_eq!(
        lead.warning(date!(2026 - 06 - 03), &policy),
        Some(Warning::Overdue)
    );
    assert_eq!(
        co.warning(date!(2026 - 06 - 03), &policy),
        None,
        "co-units do not answer"
    );
    assert!(!lead.contact_overdue(date!(2026 - 03 - 23)));
    assert!(lead.contact_overdue(date!(2026 - 03 - 24)));
    assert_eq!(
        t.warning(date!(2026 - 06 - 03), &policy),
        Some(Warning::Overdue)
    );

    let views = TrackingAction::SendViews {
        unit: U2,
        views: reason("无补充意见"),
    };
    let t = w.step(&t, views, Relation::Unit(U2));
    w.today = date!(2026 - 06 - 05); // answered three days late
    let t = answered(&w, &t, U1, AnswerClass::A);
    let lead = t.latest_of(U1).unwrap();
    assert_eq!(lead.warning(date!(2026 - 06 - 10), &policy), None);
    assert_eq!(lead.answered_on_time, Some(false));
}

#[test]
fn a_follow_up_with_a_period_is_due_warned_and_reopened_with_a_new_date() {
    let mut w = World::new(); // Monday 2 March 2026
    w.policy.follow_up_due = Some(Period::Months(2));
    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = answered(&w, &t, U1, AnswerClass::B);
    let a = t.latest_of(U1).unwrap();
    let due = a.follow_up.as_ref().unwrap().due;
    assert_eq!(due, Some(date!(2026 - 05 - 02)));
    assert_eq!(a.open_follow_up_due(), due);
    // The answer is accepted; the open follow-up is what is warned about.
    assert_eq!(
        a.warning(date!(2026 - 05 - 03), &w.policy),
        Some(Warning::Overdue)
    );
    assert_eq!(a.warning(date!(2026 - 03 - 03), &w.policy), None);
    // Nothing to reopen before a result is recorded.
    let reopen = |until| TrackingAction::ReopenFollowUp {
        unit: U1,
        until,
        reason: reason("回头看发现整改不到位"),
    };
    let early = w.try_apply(&t, reopen(date!(2026 - 04 - 30)), Relation::Staff);
    assert_eq!(early.unwrap_err().kind, RefusalKind::WrongState);
    let done = w.step(
        &t,
        TrackingAction::RecordFollowUp {
            unit: U1,
            result: reason("已完成整改"),
        },
        Relation::Unit(U1),
    );
    assert_eq!(
        done.latest_of(U1)
            .unwrap()
            .warning(date!(2026 - 06 - 01), &w.policy),
        None
    );
    let past = w.try_apply(&done, reopen(w.today), Relation::Staff);
    assert_eq!(past.unwrap_err().message, "新的期限应晚于今天");
    let by_unit = w.try_apply(&done, reopen(date!(2026 - 04 - 30)), Relation::Unit(U1));
    assert_eq!(by_unit.unwrap_err().kind, RefusalKind::NotPermitted);
    let reopened = w.step(&done, reopen(date!(2026 - 04 - 30)), Relation::Staff);
    let f = reopened.latest_of(U1).unwrap().follow_up.clone().unwrap();
    assert!(f.is_open());
    assert_eq!(f.due, Some(date!(2026 - 04 - 30)));
    assert_eq!(f.earlier.len(), 1);
    assert_eq!(f.earlier[0].result, "已完成整改");
    assert_eq!(f.earlier[0].reason, "回头看发现整改不到位");
}

#[test]
fn without_a_follow_up_period_nothing_changes_for_proposals() {
    let w = World::new();
    let t = assigned(&w, AssignmentPlan::single(U1));
    let t = answered(&w, &t, U1, AnswerClass::B);
    let a = t.latest_of(U1).unwrap();
    assert_eq!(a.follow_up.as_ref().unwrap().due, None);
    assert_eq!(a.warning(date!(2027 - 01 - 01), &w.policy), None);
}
