//! The per-organisation working-day calendar: Monday to Friday by default,
//! with editable public holidays and make-up working days (调休). Deadlines
//! "in working days" and "in calendar months" are counted here and nowhere
//! else.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

/// One organisation's calendar. A date in `holidays` is never a working day;
/// a weekend date in `extra_workdays` is one (调休). The edit methods keep
/// the two sets apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    #[serde(with = "iso_date::set")]
    pub holidays: BTreeSet<Date>,
    #[serde(with = "iso_date::set")]
    pub extra_workdays: BTreeSet<Date>,
}

impl WorkCalendar {
    pub fn is_workday(&self, date: Date) -> bool {
        if self.holidays.contains(&date) {
            return false;
        }
        is_weekday(date) || self.extra_workdays.contains(&date)
    }

    /// Marks a public holiday (法定节假日).
    pub fn add_holiday(&mut self, date: Date) {
        self.extra_workdays.remove(&date);
        self.holidays.insert(date);
    }

    /// Marks a make-up working day (调休上班), usually a weekend day.
    pub fn add_extra_workday(&mut self, date: Date) {
        self.holidays.remove(&date);
        self.extra_workdays.insert(date);
    }

    /// Returns a date to the Monday–Friday rule.
    pub fn reset_day(&mut self, date: Date) {
        self.holidays.remove(&date);
        self.extra_workdays.remove(&date);
    }

    /// The `n`-th working day after `from` (`from` itself is not counted;
    /// `n = 0` gives `from`). Saturates at the last representable date.
    pub fn add_workdays(&self, from: Date, n: u32) -> Date {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            match day.next_day() {
                Some(next) => day = next,
                None => return day,
            }
            if self.is_workday(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days in `(from, to]`; negative when `to` is before `from`.
    /// So `workdays_between(d, add_workdays(d, n)) == n`.
    pub fn workdays_between(&self, from: Date, to: Date) -> i64 {
        if to < from {
            return -self.workdays_between(to, from);
        }
        let weekdays = weekday_prefix(to) - weekday_prefix(from);
        let (lo, hi) = (
            std::ops::Bound::Excluded(from),
            std::ops::Bound::Included(to),
        );
        let lost = self
            .holidays
            .range((lo, hi))
            .filter(|d| is_weekday(**d))
            .count();
        let gained = self
            .extra_workdays
            .range((lo, hi))
            .filter(|d| !is_weekday(**d) && !self.holidays.contains(d))
            .count();
        weekdays - lost as i64 + gained as i64
    }
}

fn is_weekday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// A prefix count of Monday–Friday dates: `prefix(d) - prefix(d - 1)` is 1
/// exactly when `d` is a weekday. Lets a span be counted without walking it.
fn weekday_prefix(date: Date) -> i64 {
    // 2024-01-01 was a Monday.
    let monday = time::macros::date!(2024 - 01 - 01).to_julian_day();
    let offset = i64::from(date.to_julian_day() - monday);
    let weeks = offset.div_euclid(7);
    let in_week = offset.rem_euclid(7);
    weeks * 5 + (in_week + 1).min(5)
}

/// `n` calendar months after `date`, clamped to the end of a shorter month
/// (31 January + 1 month = 28 or 29 February). Saturates at the last
/// representable date.
pub fn add_months(date: Date, n: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(n);
    let (Ok(year), Ok(month_number)) = (
        i32::try_from(index.div_euclid(12)),
        u8::try_from(index.rem_euclid(12) + 1),
    ) else {
        return Date::MAX;
    };
    let Ok(month) = Month::try_from(month_number) else {
        return Date::MAX;
    };
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

/// `n` calendar days after `date`, saturating.
pub fn add_days(date: Date, n: u32) -> Date {
    date.checked_add(Duration::days(i64::from(n)))
        .unwrap_or(Date::MAX)
}

/// Calendar days from `today` to `due`: 0 on the due date, negative once past.
pub fn days_left(due: Date, today: Date) -> i64 {
    (due - today).whole_days()
}

/// A list of dates as typed in a settings form: one per line or separated by
/// commas, spaces or 、, each like `2026-10-01`.
pub fn parse_date_list(raw: &str) -> Result<BTreeSet<Date>, String> {
    raw.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|part| !part.is_empty())
        .map(|part| {
            crate::member::parse_date(part)
                .map_err(|_| format!("“{part}”不是有效日期，应为 2026-10-01"))
        })
        .collect()
}

/// Serde for `time::Date` as `2026-10-01` (the `time` crate's own serde
/// feature is not enabled in this workspace).
pub mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }

    /// For `Option<Date>` fields.
    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|text| Date::parse(&text, FORMAT).map_err(serde::de::Error::custom))
                .transpose()
        }
    }

    /// For `BTreeSet<Date>` fields.
    pub mod set {
        use std::collections::BTreeSet;

        use super::*;
        use serde::ser::SerializeSeq;

        pub fn serialize<S: Serializer>(dates: &BTreeSet<Date>, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(dates.len()))?;
            for date in dates {
                let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
                seq.serialize_element(&text)?;
            }
            seq.end()
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<Date>, D::Error> {
            Vec::<String>::deserialize(d)?
                .iter()
                .map(|text| Date::parse(text, FORMAT).map_err(serde::de::Error::custom))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    /// National Day 2026: 1–7 October off, Saturday 10 October worked.
    fn national_day_2026() -> WorkCalendar {
        let mut calendar = WorkCalendar::default();
        for day in 1..=7 {
            calendar.add_holiday(Date::from_calendar_date(2026, Month::October, day).unwrap());
        }
        calendar.add_extra_workday(date!(2026 - 10 - 10));
        calendar
    }

    #[test]
    fn weekends_are_off_by_default() {
        let calendar = WorkCalendar::default();
        assert!(calendar.is_workday(date!(2026 - 11 - 27))); // Friday
        assert!(!calendar.is_workday(date!(2026 - 11 - 28)));
        assert!(!calendar.is_workday(date!(2026 - 11 - 29)));
        assert_eq!(
            calendar.add_workdays(date!(2026 - 11 - 27), 1),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            calendar.add_workdays(date!(2026 - 11 - 27), 0),
            date!(2026 - 11 - 27)
        );
    }

    #[test]
    fn holidays_and_make_up_days_shift_deadlines() {
        let calendar = national_day_2026();
        // Assigned Wednesday 30 September: 8, 9 (Thu, Fri), 10 (make-up Saturday), 12 …
        assert_eq!(
            calendar.add_workdays(date!(2026 - 09 - 30), 3),
            date!(2026 - 10 - 10)
        );
        assert_eq!(
            calendar.add_workdays(date!(2026 - 09 - 30), 10),
            date!(2026 - 10 - 20)
        );
        assert_eq!(
            calendar.workdays_between(date!(2026 - 09 - 30), date!(2026 - 10 - 20)),
            10
        );
        assert_eq!(
            calendar.workdays_between(date!(2026 - 10 - 20), date!(2026 - 09 - 30)),
            -10
        );
    }

    #[test]
    fn editing_keeps_the_two_lists_apart() {
        let mut calendar = WorkCalendar::default();
        calendar.add_extra_workday(date!(2026 - 10 - 10));
        calendar.add_holiday(date!(2026 - 10 - 10));
        assert!(calendar.extra_workdays.is_empty());
        calendar.reset_day(date!(2026 - 10 - 10));
        assert!(calendar.holidays.is_empty());
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 03 - 15), 3), date!(2026 - 06 - 15));
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 11 - 30), 0), date!(2026 - 11 - 30));
        assert_eq!(add_months(Date::MAX, 1), Date::MAX);
    }

    #[test]
    fn days_left_counts_calendar_days() {
        assert_eq!(days_left(date!(2026 - 12 - 01), date!(2026 - 11 - 27)), 4);
        assert_eq!(days_left(date!(2026 - 11 - 27), date!(2026 - 11 - 27)), 0);
        assert_eq!(days_left(date!(2026 - 11 - 26), date!(2026 - 11 - 27)), -1);
        assert_eq!(add_days(date!(2026 - 11 - 27), 3), date!(2026 - 11 - 30));
    }

    #[test]
    fn date_lists_parse_from_a_form() {
        let dates = parse_date_list("2026-10-01，2026-10-02\n2026/10/3").unwrap();
        assert_eq!(dates.len(), 3);
        assert_eq!(
            parse_date_list("2026-10-01 十月").unwrap_err(),
            "“十月”不是有效日期，应为 2026-10-01"
        );
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2020i32..2035, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
            let month = Month::try_from(m).unwrap();
            Date::from_calendar_date(y, month, d.min(month.length(y))).unwrap()
        })
    }

    fn any_calendar() -> impl Strategy<Value = WorkCalendar> {
        (
            proptest::collection::btree_set(any_date(), 0..60),
            proptest::collection::btree_set(any_date(), 0..20),
        )
            .prop_map(|(holidays, extras)| {
                let mut calendar = WorkCalendar::default();
                extras
                    .into_iter()
                    .for_each(|d| calendar.add_extra_workday(d));
                holidays.into_iter().for_each(|d| calendar.add_holiday(d));
                calendar
            })
    }

    proptest! {
        #[test]
        fn adding_workdays_lands_on_a_workday_and_counts_back(
            calendar in any_calendar(), from in any_date(), n in 1u32..400,
        ) {
            let due = calendar.add_workdays(from, n);
            prop_assert!(calendar.is_workday(due));
            prop_assert_eq!(calendar.workdays_between(from, due), i64::from(n));
            // The day before the result is still short of n.
            prop_assert_eq!(calendar.workdays_between(from, due.previous_day().unwrap()), i64::from(n) - 1);
        }

        #[test]
        fn counting_matches_walking(calendar in any_calendar(), a in any_date(), b in any_date()) {
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            let mut walked = 0i64;
            let mut day = from;
            while day < to {
                day = day.next_day().unwrap();
                if calendar.is_workday(day) { walked += 1; }
            }
            prop_assert_eq!(calendar.workdays_between(from, to), walked);
        }

        #[test]
        fn months_keep_the_day_or_clamp(from in any_date(), n in 0u32..120) {
            let later = add_months(from, n);
            prop_assert!(later >= from);
            prop_assert!(later.day() <= from.day());
            let months = (later.year() - from.year()) * 12
                + i32::from(u8::from(later.month())) - i32::from(u8::from(from.month()));
            prop_assert_eq!(months, n as i32);
        }
    }
}
