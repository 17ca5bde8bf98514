//! The settings forms: what a bad value says, and that good ones round-trip.

use time::macros::date;
use time::Month;

use super::calendar::{
    format_dates, month_grid, parse_dates, replace_year, validate, CalendarInput, DayKind,
};
use super::*;

fn defaults() -> ProposalSettingsInput {
    ProposalSettingsInput::from_settings(&ProposalSettings::default())
}

#[test]
fn the_defaults_are_valid_and_round_trip() {
    let parsed = defaults().parse().unwrap();
    assert_eq!(parsed, ProposalSettings::default());
    assert_eq!(parsed.tracking.answer_due, Period::Months(3));
    assert!(ProposalSettings::default().validate().is_ok());
}

#[test]
fn settings_reach_the_rules_policies() {
    let mut input = defaults();
    input.answer_due = "60个工作日".into();
    input.cosign_window = "5天".into();
    let settings = input.parse().unwrap();
    let mut tracking = TrackingPolicy::default();
    let mut policy = ProposalPolicy::default();
    settings.apply(&mut tracking, &mut policy);
    assert_eq!(tracking.answer_due, Period::WorkingDays(60));
    assert_eq!(policy.cosign_window, Period::Days(5));
    assert_eq!(policy.categories, ProposalPolicy::default().categories);
}

#[test]
fn a_warning_larger_than_the_period_is_named() {
    let mut input = defaults();
    input.answer_due = "20个工作日".into();
    let e = input.parse().unwrap_err();
    assert_eq!(
        e.get("warning_blue"),
        Some("蓝色预警天数（30）不能大于答复期限（20个工作日，约28天）")
    );
    input.warning_blue = "20".into();
    input.warning_yellow = "25".into();
    input.warning_red = "30".into();
    let e = input.parse().unwrap_err();
    assert_eq!(
        e.get("warning_yellow"),
        Some("黄色预警天数（25）不能大于蓝色预警天数（20）")
    );
    assert_eq!(
        e.get("warning_red"),
        Some("红色预警天数（30）不能大于黄色预警天数（25）")
    );
}

#[test]
fn negative_zero_and_unreadable_values_are_refused() {
    let mut input = defaults();
    input.warning_red = "-1".into();
    input.answer_due = "-3个月".into();
    input.return_window = "0个工作日".into();
    input.cosign_window = "三天".into();
    input.max_cosigners = "1000".into();
    input.contact_before_answer = "也许".into();
    input.first_contact = "".into();
    let e = input.parse().unwrap_err();
    assert_eq!(e.get("warning_red"), Some("红色预警天数不能为负数"));
    assert_eq!(e.get("answer_due"), Some("答复期限不能为负数"));
    assert_eq!(e.get("return_window"), Some("退回交办的期限不能为0"));
    assert!(e
        .get("cosign_window")
        .unwrap()
        .contains("“三天”不是有效期限"));
    assert_eq!(
        e.get("max_cosigners"),
        Some("联名人数上限应为1到200之间的整数")
    );
    assert!(e.get("contact_before_answer").unwrap().contains("也许"));
    assert_eq!(e.get("first_contact"), Some("请填写办前面商期限"));
}

#[test]
fn an_extension_shorter_than_the_deadline_is_refused() {
    let mut input = defaults();
    input.max_extension = "2个月".into();
    let e = input.parse().unwrap_err();
    assert_eq!(
        e.get("max_extension"),
        Some("延期后的最长期限（2个月）不能短于答复期限（3个月）")
    );
}

#[test]
fn dates_parse_one_per_line_or_as_ranges() {
    let dates =
        parse_dates("2027-10-01~2027-10-07\n2027-01-01，2027年2月10日\n 2027-05-01 ～ 2027-05-03 ")
            .unwrap();
    assert_eq!(dates.len(), 7 + 2 + 3);
    assert!(dates.contains(&date!(2027 - 02 - 10)));
    assert_eq!(
        format_dates(&dates),
        "2027-01-01\n2027-02-10\n2027-05-01~2027-05-03\n2027-10-01~2027-10-07"
    );
    assert_eq!(parse_dates(&format_dates(&dates)).unwrap(), dates);
    assert_eq!(
        parse_dates("2027-10-01\n2027-13-01").unwrap_err(),
        "“2027-13-01”不是有效日期，应如 2027-10-01 或 2027-10-01~2027-10-07"
    );
    assert_eq!(
        parse_dates("2027-10-07~2027-10-01").unwrap_err(),
        "“2027-10-07~2027-10-01”的结束日期早于开始日期"
    );
}

#[test]
fn the_calendar_form_checks_each_field() {
    let input = CalendarInput {
        holidays: "2027-10-01~2027-10-07".into(),
        extra_workdays: "2027-10-07\n2027-10-09".into(),
    };
    let e = input.parse(Some(2027)).unwrap_err();
    assert_eq!(
        e.get("extra_workdays"),
        Some("2027-10-07 同时列为节假日和调休上班日，请只保留一处")
    );
    let input = CalendarInput {
        holidays: "2028-01-01".into(),
        extra_workdays: "2027-10-11".into(),
    };
    let e = input.parse(Some(2027)).unwrap_err();
    assert_eq!(
        e.get("holidays"),
        Some("2028-01-01 不在2027年内，请切换到该年份再填写")
    );
    assert_eq!(
        e.get("extra_workdays"),
        Some("2027-10-11 是周一至周五，本就是工作日，无需列为调休上班日")
    );
    let ok = CalendarInput {
        holidays: "2027-10-01~2027-10-07".into(),
        extra_workdays: "2027-10-09".into(),
    }
    .parse(Some(2027))
    .unwrap();
    assert!(validate(&ok).is_ok());
    assert!(!ok.is_workday(date!(2027 - 10 - 04)));
    assert!(ok.is_workday(date!(2027 - 10 - 09)));
}

#[test]
fn saving_a_year_keeps_the_other_years() {
    let mut stored = WorkCalendar::default();
    stored.add_holiday(date!(2026 - 10 - 01));
    stored.add_holiday(date!(2027 - 05 - 01));
    let mut edited = WorkCalendar::default();
    edited.add_holiday(date!(2027 - 10 - 01));
    let merged = replace_year(&stored, 2027, &edited);
    let holidays: Vec<String> = merged.holidays.iter().map(|d| d.to_string()).collect();
    assert_eq!(holidays, ["2026-10-01", "2027-10-01"]);
    assert_eq!(
        CalendarInput::for_year(&merged, 2026).holidays,
        "2026-10-01"
    );
}

#[test]
fn the_month_grid_marks_each_day() {
    let calendar = CalendarInput {
        holidays: "2027-10-01~2027-10-07".into(),
        extra_workdays: "2027-10-09".into(),
    }
    .parse(None)
    .unwrap();
    let grid = month_grid(&calendar, 2027, Month::October).unwrap();
    // 1 October 2027 is a Friday: four blanks, then the holiday.
    let first = grid.weeks[0];
    assert!(first[..4].iter().all(Option::is_none));
    assert_eq!(first[4].unwrap().day, 1);
    assert_eq!(first[4].unwrap().kind, DayKind::Holiday);
    let saturday_9 = grid.weeks[1][5].unwrap();
    assert_eq!(
        (saturday_9.day, saturday_9.kind),
        (9, DayKind::ExtraWorkday)
    );
    assert_eq!(grid.weeks[1][6].unwrap().kind, DayKind::Rest);
    // 21 weekdays, 5 of them holidays, plus one make-up Saturday.
    assert_eq!(grid.workdays, 21 - 5 + 1);
}
