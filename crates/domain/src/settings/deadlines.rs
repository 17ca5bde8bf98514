//! The block every tracked workflow's settings share: an answer period, the
//! longest it may run after extensions, and the blue/yellow/red warnings.
//! Parsed once here so every settings page says the same thing.

use super::{number, period, rough_days, Period, MAX_DAYS};
use crate::field::FieldErrors;
use crate::tracking::WarningThresholds;

/// The due period, the longest after extension, and the warnings as parsed;
/// `None` where the field had an error (already added to the errors).
pub(crate) struct DeadlineBlock {
    pub due: Option<Period>,
    pub max_extension: Option<Period>,
    pub warnings: Option<WarningThresholds>,
}

/// Field names and labels of one settings type's deadline block.
pub(crate) struct DeadlineLabels<'a> {
    /// Form name and label of the answer period.
    pub due: (&'a str, &'a str),
    /// Label of the longest period after extension (field `max_extension`).
    pub max_extension: &'a str,
    /// How the messages name the answer period.
    pub due_in_messages: &'a str,
}

/// Parses `<due>`, `max_extension` and `warning_{blue,yellow,red}` and checks
/// them against each other.
pub(crate) fn parse<'v>(
    e: &mut FieldErrors,
    text: &dyn Fn(&str) -> &'v str,
    labels: DeadlineLabels,
) -> DeadlineBlock {
    let (due_field, due_label) = labels.due;
    let due = e.take(due_field, period(text(due_field), due_label, true));
    let max_extension = e.take(
        "max_extension",
        period(text("max_extension"), labels.max_extension, true),
    );
    let mut days =
        |field: &str, label: &str| e.take(field, number(text(field), label, 0, MAX_DAYS));
    let blue = days("warning_blue", "蓝色预警天数");
    let yellow = days("warning_yellow", "黄色预警天数");
    let red = days("warning_red", "红色预警天数");
    if let (Some(due), Some(max)) = (due, max_extension) {
        if rough_days(max) < rough_days(due) {
            e.add(
                "max_extension",
                format!(
                    "延期后的最长期限（{}）不能短于{}（{}）",
                    max.label(),
                    labels.due_in_messages,
                    due.label()
                ),
            );
        }
    }
    check_warnings(e, due, blue, yellow, red);
    let warnings = (|| {
        Some(WarningThresholds {
            blue: blue?,
            yellow: yellow?,
            red: red?,
        })
    })();
    DeadlineBlock {
        due,
        max_extension,
        warnings,
    }
}

/// Blue comes first, then yellow, then red; none before the period starts.
fn check_warnings(
    e: &mut FieldErrors,
    answer_due: Option<Period>,
    blue: Option<i64>,
    yellow: Option<i64>,
    red: Option<i64>,
) {
    if let (Some(due), Some(blue)) = (answer_due, blue) {
        let days = rough_days(due);
        if blue > days {
            e.add(
                "warning_blue",
                format!(
                    "蓝色预警天数（{blue}）不能大于答复期限（{}，约{days}天）",
                    due.label()
                ),
            );
        }
    }
    if let (Some(blue), Some(yellow)) = (blue, yellow) {
        if yellow > blue {
            e.add(
                "warning_yellow",
                format!("黄色预警天数（{yellow}）不能大于蓝色预警天数（{blue}）"),
            );
        }
    }
    if let (Some(yellow), Some(red)) = (yellow, red) {
        if red > yellow {
            e.add(
                "warning_red",
                format!("红色预警天数（{red}）不能大于黄色预警天数（{yellow}）"),
            );
        }
    }
}
