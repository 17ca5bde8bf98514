//! The working-day calendar as staff edit it: one year's public holidays and
//! make-up working days (调休) typed as dates, one per line or as ranges
//! like `2027-10-01~2027-10-07`, checked field by field, and a month grid to
//! preview the result.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Month, Weekday};

use crate::calendar::WorkCalendar;
use crate::field::FieldErrors;

/// The longest range one line may give.
const MAX_RANGE_DAYS: i64 = 366;
/// The years a calendar may hold.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The raw calendar form for one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarInput {
    pub holidays: String,
    pub extra_workdays: String,
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// One date as typed: `2027-10-01`, `2027/10/1` or `2027年10月1日`.
fn one_date(raw: &str) -> Result<Date, String> {
    crate::member::parse_date(raw)
        .map_err(|_| format!("“{raw}”不是有效日期，应如 2027-10-01 或 2027-10-01~2027-10-07"))
}

/// Dates as typed in the form: separated by new lines, commas, 、 or
/// spaces; a range is two dates joined by `~`, `～` or `至`.
pub fn parse_dates(raw: &str) -> Result<BTreeSet<Date>, String> {
    let mut dates = BTreeSet::new();
    let normalised = raw.replace(['～', '至'], "~");
    for part in normalised.split(['\n', '\r', ',', '，', '、', ';', '；']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some((from, to)) = part.split_once('~') {
            let (from, to) = (one_date(from.trim())?, one_date(to.trim())?);
            if to < from {
                return Err(format!("“{part}”的结束日期早于开始日期"));
            }
            if (to - from).whole_days() >= MAX_RANGE_DAYS {
                return Err(format!("“{part}”跨度过长，一段日期最长{MAX_RANGE_DAYS}天"));
            }
            let mut day = from;
            while day <= to {
                dates.insert(day);
                match day.next_day() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        } else {
            for token in part.split_whitespace() {
                dates.insert(one_date(token)?);
            }
        }
    }
    Ok(dates)
}

/// Dates one per line, consecutive days folded into `from~to`.
pub fn format_dates(dates: &BTreeSet<Date>) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut run: Option<(Date, Date)> = None;
    for &date in dates {
        run = match run {
            Some((from, to)) if to.next_day() == Some(date) => Some((from, date)),
            Some(done) => {
                lines.push(range_text(done));
                Some((date, date))
            }
            None => Some((date, date)),
        };
    }
    if let Some(done) = run {
        lines.push(range_text(done));
    }
    lines.join("\n")
}

fn range_text((from, to): (Date, Date)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}~{to}")
    }
}

/// The dates of `set` that fall in `year`.
fn of_year(set: &BTreeSet<Date>, year: i32) -> BTreeSet<Date> {
    set.iter().copied().filter(|d| d.year() == year).collect()
}

impl CalendarInput {
    /// One year of a calendar as the form shows it.
    pub fn for_year(calendar: &WorkCalendar, year: i32) -> Self {
        CalendarInput {
            holidays: format_dates(&of_year(&calendar.holidays, year)),
            extra_workdays: format_dates(&of_year(&calendar.extra_workdays, year)),
        }
    }

    /// A whole calendar as text (for the API).
    pub fn whole(calendar: &WorkCalendar) -> Self {
        CalendarInput {
            holidays: format_dates(&calendar.holidays),
            extra_workdays: format_dates(&calendar.extra_workdays),
        }
    }

    /// The checked dates. With `year`, every date must fall in it.
    pub fn parse(&self, year: Option<i32>) -> Result<WorkCalendar, FieldErrors> {
        let mut e = FieldErrors::new();
        let holidays = e.take("holidays", checked(&self.holidays, year));
        let extra = e.take("extra_workdays", checked(&self.extra_workdays, year));
        if let (Some(holidays), Some(extra)) = (&holidays, &extra) {
            let both: Vec<String> = holidays
                .intersection(extra)
                .map(|d| d.to_string())
                .collect();
            if !both.is_empty() {
                e.add(
                    "extra_workdays",
                    format!(
                        "{} 同时列为节假日和调休上班日，请只保留一处",
                        both.join("、")
                    ),
                );
            }
        }
        if let Some(extra) = &extra {
            let weekdays: Vec<String> = extra
                .iter()
                .filter(|d| !is_weekend(**d))
                .map(|d| d.to_string())
                .collect();
            if !weekdays.is_empty() {
                e.add(
                    "extra_workdays",
                    format!(
                        "{} 是周一至周五，本就是工作日，无需列为调休上班日",
                        weekdays.join("、")
                    ),
                );
            }
        }
        e.finish(|| {
            Some(WorkCalendar {
                holidays: holidays?,
                extra_workdays: extra?,
            })
        })
    }
}

fn checked(raw: &str, year: Option<i32>) -> Result<BTreeSet<Date>, String> {
    let dates = parse_dates(raw)?;
    if let Some(outside) = dates.iter().find(|d| !YEARS.contains(&d.year())) {
        return Err(format!(
            "{outside} 超出可设置的年份（{}到{}年）",
            YEARS.start(),
            YEARS.end()
        ));
    }
    if let Some(year) = year {
        if let Some(outside) = dates.iter().find(|d| d.year() != year) {
            return Err(format!("{outside} 不在{year}年内，请切换到该年份再填写"));
        }
    }
    Ok(dates)
}

/// Checks a whole stored calendar the way the form is checked.
pub fn validate(calendar: &WorkCalendar) -> Result<(), FieldErrors> {
    CalendarInput::whole(calendar).parse(None).map(|_| ())
}

/// `calendar` with `year` replaced by the dates of `edited`; other years kept.
pub fn replace_year(calendar: &WorkCalendar, year: i32, edited: &WorkCalendar) -> WorkCalendar {
    let keep = |set: &BTreeSet<Date>, new: &BTreeSet<Date>| -> BTreeSet<Date> {
        set.iter()
            .copied()
            .filter(|d| d.year() != year)
            .chain(new.iter().copied().filter(|d| d.year() == year))
            .collect()
    };
    WorkCalendar {
        holidays: keep(&calendar.holidays, &edited.holidays),
        extra_workdays: keep(&calendar.extra_workdays, &edited.extra_workdays),
    }
}

/// What a day is on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Workday,
    /// A weekend day off.
    Rest,
    Holiday,
    /// A weekend day worked (调休).
    ExtraWorkday,
}

impl DayKind {
    pub fn label(self) -> &'static str {
        match self {
            DayKind::Workday => "工作日",
            DayKind::Rest => "休息日",
            DayKind::Holiday => "节假日",
            DayKind::ExtraWorkday => "调休上班",
        }
    }

    /// The CSS class of a grid cell.
    pub fn code(self) -> &'static str {
        match self {
            DayKind::Workday => "work",
            DayKind::Rest => "rest",
            DayKind::Holiday => "holiday",
            DayKind::ExtraWorkday => "extra",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCell {
    pub day: u8,
    pub kind: DayKind,
}

/// One month laid out Monday to Sunday, `None` for the blanks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGrid {
    pub month: u8,
    pub weeks: Vec<[Option<DayCell>; 7]>,
    /// Working days in the month.
    pub workdays: u32,
}

pub fn day_kind(calendar: &WorkCalendar, date: Date) -> DayKind {
    match (calendar.is_workday(date), is_weekend(date)) {
        (false, _) if calendar.holidays.contains(&date) => DayKind::Holiday,
        (false, _) => DayKind::Rest,
        (true, true) => DayKind::ExtraWorkday,
        (true, false) => DayKind::Workday,
    }
}

/// The grid of one month; `None` for a year outside the calendar's range.
pub fn month_grid(calendar: &WorkCalendar, year: i32, month: Month) -> Option<MonthGrid> {
    Date::from_calendar_date(year, month, 1).ok()?;
    let mut weeks = Vec::new();
    let mut week: [Option<DayCell>; 7] = [None; 7];
    let mut workdays = 0;
    for day in 1..=month.length(year) {
        let date = Date::from_calendar_date(year, month, day).ok()?;
        let column = usize::from(date.weekday().number_days_from_monday());
        let kind = day_kind(calendar, date);
        if matches!(kind, DayKind::Workday | DayKind::ExtraWorkday) {
            workdays += 1;
        }
        week[column] = Some(DayCell { day, kind });
        if column == 6 {
            weeks.push(week);
            week = [None; 7];
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    Some(MonthGrid {
        month: u8::from(month),
        weeks,
        workdays,
    })
}

/// The twelve months of a year.
pub fn year_grid(calendar: &WorkCalendar, year: i32) -> Vec<MonthGrid> {
    (1..=12u8)
        .filter_map(|m| Month::try_from(m).ok())
        .filter_map(|m| month_grid(calendar, year, m))
        .collect()
}
