//! The numbers of the tracking mechanism. Each is a per-organisation setting;
//! the defaults are the commonest published ones (DOMAIN §2) or, where
//! marked, assumed.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::{add_days, add_months, days_left, WorkCalendar};

/// A length of time as local rules state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// 个工作日, counted on the organisation's calendar.
    WorkingDays(u32),
    /// 天 (calendar days).
    Days(u32),
    /// 个月 (calendar months, clamped to the month end).
    Months(u32),
}

impl Period {
    /// The last day of the period that starts the day after `from`.
    pub fn after(self, calendar: &WorkCalendar, from: Date) -> Date {
        match self {
            Period::WorkingDays(n) => calendar.add_workdays(from, n),
            Period::Days(n) => add_days(from, n),
            Period::Months(n) => add_months(from, n),
        }
    }

    /// `10个工作日`, `3天`, `3个月`.
    pub fn label(self) -> String {
        match self {
            Period::WorkingDays(n) => format!("{n}个工作日"),
            Period::Days(n) => format!("{n}天"),
            Period::Months(n) => format!("{n}个月"),
        }
    }

    /// Reads a label back: `10个工作日`, `5天`, `3个月`.
    pub fn parse(raw: &str) -> Result<Period, String> {
        let raw = raw.trim();
        let error = || format!("“{raw}”不是有效期限，应如“10个工作日”“5天”“3个月”");
        let number = |suffix: &str| {
            raw.strip_suffix(suffix)
                .and_then(|n| n.trim().parse::<u32>().ok())
                .filter(|n| *n <= 3660)
        };
        if let Some(n) = number("个工作日") {
            Ok(Period::WorkingDays(n))
        } else if let Some(n) = number("个月") {
            Ok(Period::Months(n))
        } else if let Some(n) = number("天") {
            Ok(Period::Days(n))
        } else {
            Err(error())
        }
    }
}

/// How urgent an unanswered assignment is, from the days left to its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    Blue,
    Yellow,
    /// Due today (or within the red threshold).
    Red,
    /// Past the due date.
    Overdue,
}

impl Warning {
    pub fn label(self) -> &'static str {
        match self {
            Warning::Blue => "蓝色预警",
            Warning::Yellow => "黄色预警",
            Warning::Red => "红色预警",
            Warning::Overdue => "已超期",
        }
    }
}

/// Days left at which each warning starts *(assumed: 30, 15 and 0)*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningThresholds {
    pub blue: i64,
    pub yellow: i64,
    pub red: i64,
}

impl Default for WarningThresholds {
    fn default() -> Self {
        WarningThresholds {
            blue: 30,
            yellow: 15,
            red: 0,
        }
    }
}

impl WarningThresholds {
    pub fn level(&self, due: Date, today: Date) -> Option<Warning> {
        let left = days_left(due, today);
        if left < 0 {
            Some(Warning::Overdue)
        } else if left <= self.red {
            Some(Warning::Red)
        } else if left <= self.yellow {
            Some(Warning::Yellow)
        } else if left <= self.blue {
            Some(Warning::Blue)
        } else {
            None
        }
    }
}

/// The per-organisation settings of one tracked business line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrackingPolicy {
    /// A unit may return an assignment outside its remit within this window.
    pub return_window: Period,
    /// The unit contacts the requester (办前面商) within this.
    pub first_contact: Period,
    /// The answer is due this long after assignment.
    pub answer_due: Period,
    /// The latest due date an extension may reach, counted from assignment.
    pub max_extension: Period,
    /// A re-handled answer is due this long after re-handling starts *(assumed)*.
    pub rehandle_due: Period,
    /// How many times a dissatisfied rating may send an answer back to be
    /// handled again *(assumed: once)*.
    pub max_rehandles: u32,
    /// Whether a unit must record its first contact before drafting an answer.
    pub contact_before_answer: bool,
    pub warnings: WarningThresholds,
    /// When set, a follow-up (class B) result is due this long after the
    /// answer is accepted, and warned about like an answer. `None` for
    /// lines whose follow-up has no deadline (proposals).
    pub follow_up_due: Option<Period>,
}

impl Default for TrackingPolicy {
    fn default() -> Self {
        TrackingPolicy {
            return_window: Period::WorkingDays(10),
            first_contact: Period::WorkingDays(15),
            answer_due: Period::Months(3),
            max_extension: Period::Months(6),
            rehandle_due: Period::Months(1),
            max_rehandles: 1,
            contact_before_answer: true,
            warnings: WarningThresholds::default(),
            follow_up_due: None,
        }
    }
}

impl TrackingPolicy {
    /// The warning for an answer due on `due`, seen on `today`.
    pub fn warning_level(&self, due: Date, today: Date) -> Option<Warning> {
        self.warnings.level(due, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn warnings_follow_the_days_left() {
        let policy = TrackingPolicy::default();
        let due = date!(2026 - 06 - 30);
        let level = |today| policy.warning_level(due, today);
        assert_eq!(level(date!(2026 - 05 - 30)), None); // 31 days left
        assert_eq!(level(date!(2026 - 05 - 31)), Some(Warning::Blue)); // 30
        assert_eq!(level(date!(2026 - 06 - 14)), Some(Warning::Blue)); // 16
        assert_eq!(level(date!(2026 - 06 - 15)), Some(Warning::Yellow)); // 15
        assert_eq!(level(date!(2026 - 06 - 29)), Some(Warning::Yellow)); // 1
        assert_eq!(level(date!(2026 - 06 - 30)), Some(Warning::Red)); // due today
        assert_eq!(level(date!(2026 - 07 - 01)), Some(Warning::Overdue));
        assert_eq!(Warning::Overdue.label(), "已超期");
    }

    #[test]
    fn thresholds_are_settings() {
        let thresholds = WarningThresholds {
            blue: 10,
            yellow: 5,
            red: 2,
        };
        assert_eq!(
            thresholds.level(date!(2026 - 06 - 30), date!(2026 - 06 - 28)),
            Some(Warning::Red)
        );
        assert_eq!(
            thresholds.level(date!(2026 - 06 - 30), date!(2026 - 06 - 15)),
            None
        );
    }

    #[test]
    fn periods_read_and_print_as_rules_state_them() {
        for period in [Period::WorkingDays(10), Period::Days(5), Period::Months(3)] {
            assert_eq!(Period::parse(&period.label()), Ok(period));
        }
        assert_eq!(Period::parse(" 15 个工作日"), Ok(Period::WorkingDays(15)));
        assert!(Period::parse("三个月").is_err());
        assert!(Period::parse("10周").is_err());
    }

    #[test]
    fn periods_count_on_the_calendar() {
        let calendar = WorkCalendar::default();
        let friday = date!(2026 - 11 - 27);
        assert_eq!(
            Period::WorkingDays(1).after(&calendar, friday),
            date!(2026 - 11 - 30)
        );
        assert_eq!(
            Period::Days(1).after(&calendar, friday),
            date!(2026 - 11 - 28)
        );
        assert_eq!(
            Period::Months(3).after(&calendar, friday),
            date!(2027 - 02 - 27)
        );
    }
}
