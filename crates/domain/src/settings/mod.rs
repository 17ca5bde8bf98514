//! Per-organisation settings of the proposal business: its deadlines and
//! warnings ([`ProposalSettings`]) and its working-day calendar
//! ([`calendar`]). Every number in DOMAIN §2 is one of these, with the
//! published (or assumed) default. A form arrives as text and becomes a
//! checked value here, with a Chinese message per field.

pub mod calendar;
pub(crate) mod deadlines;
pub mod form;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use time::macros::date;

use crate::calendar::WorkCalendar;
use crate::field::FieldErrors;
use crate::proposal::ProposalPolicy;
use crate::tracking::{Period, TrackingPolicy};

pub(crate) use deadlines::{DeadlineBlock, DeadlineLabels};

/// The deadlines and limits of proposals in one organisation. Stored as
/// JSON; a field missing from an older row takes its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalSettings {
    pub tracking: TrackingPolicy,
    /// Co-signers confirm within this.
    pub cosign_window: Period,
    pub max_cosigners: usize,
}

impl Default for ProposalSettings {
    fn default() -> Self {
        let policy = ProposalPolicy::default();
        ProposalSettings {
            tracking: TrackingPolicy::default(),
            cosign_window: policy.cosign_window,
            max_cosigners: policy.max_cosigners,
        }
    }
}

impl ProposalSettings {
    /// Puts these settings into the rules' policies (the category list is
    /// kept: it is its own dictionary).
    pub fn apply(&self, tracking: &mut TrackingPolicy, policy: &mut ProposalPolicy) {
        *tracking = self.tracking.clone();
        policy.cosign_window = self.cosign_window;
        policy.max_cosigners = self.max_cosigners;
    }

    /// Checks a stored or posted value again (e.g. JSON written by hand).
    pub fn validate(&self) -> Result<(), FieldErrors> {
        ProposalSettingsInput::from_settings(self)
            .parse()
            .map(|_| ())
    }
}

/// One field of the settings form: its name, label and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingField {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

pub(crate) const fn field(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
) -> SettingField {
    SettingField { name, label, hint }
}

/// The form's fields in the order the page groups them.
pub const DEADLINE_FIELDS: [SettingField; 5] = [
    field(
        "return_window",
        "退回交办的期限",
        "承办单位认为不属于本单位职责的，须在此期限内退回",
    ),
    field(
        "first_contact",
        "办前面商期限",
        "自交办起，承办单位联系提案人的期限",
    ),
    field(
        "answer_due",
        "答复期限",
        "自交办起计算，如“3个月”或“60个工作日”",
    ),
    field(
        "max_extension",
        "延期后的最长期限",
        "自交办起计算，延期不得超过此期限",
    ),
    field(
        "rehandle_due",
        "重新办理的答复期限",
        "提案人不满意、重新办理时的答复期限",
    ),
];
pub const WARNING_FIELDS: [SettingField; 3] = [
    field(
        "warning_blue",
        "蓝色预警（剩余天数）",
        "距答复期限还剩多少天起显示蓝色预警",
    ),
    field(
        "warning_yellow",
        "黄色预警（剩余天数）",
        "应不大于蓝色预警天数",
    ),
    field("warning_red", "红色预警（剩余天数）", "0 表示到期当天"),
];
pub const OTHER_FIELDS: [SettingField; 4] = [
    field(
        "cosign_window",
        "联名确认期限",
        "被邀请的联名人须在此期限内确认",
    ),
    field(
        "max_cosigners",
        "联名人数上限",
        "一件提案最多可邀请的联名人",
    ),
    field(
        "max_rehandles",
        "重新办理次数上限",
        "不满意后最多可要求重新办理几次",
    ),
    field(
        "contact_before_answer",
        "须先办前面商再答复",
        "填“是”或“否”",
    ),
];

/// The raw settings form: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalSettingsInput {
    pub return_window: String,
    pub first_contact: String,
    pub answer_due: String,
    pub max_extension: String,
    pub rehandle_due: String,
    pub warning_blue: String,
    pub warning_yellow: String,
    pub warning_red: String,
    pub cosign_window: String,
    pub max_cosigners: String,
    pub max_rehandles: String,
    pub contact_before_answer: String,
}

/// The longest period any field accepts, in rough days (10 years).
const MAX_DAYS: i64 = 3660;

/// A period's rough length in calendar days, counted from a fixed ordinary
/// date on the default calendar; enough to compare two settings.
pub fn rough_days(period: Period) -> i64 {
    let from = date!(2026 - 03 - 02);
    (period.after(&WorkCalendar::default(), from) - from).whole_days()
}

pub(crate) fn period(raw: &str, label: &str, min_one: bool) -> Result<Period, String> {
    if raw.trim().is_empty() {
        return Err(format!("请填写{label}"));
    }
    if raw.trim().starts_with('-') {
        return Err(format!("{label}不能为负数"));
    }
    let p = Period::parse(raw).map_err(|e| format!("{label}：{e}"))?;
    let n = match p {
        Period::WorkingDays(n) | Period::Days(n) | Period::Months(n) => n,
    };
    if min_one && n == 0 {
        return Err(format!("{label}不能为0"));
    }
    if rough_days(p) > MAX_DAYS {
        return Err(format!("{label}过长，不能超过10年"));
    }
    Ok(p)
}

pub(crate) fn number(raw: &str, label: &str, min: i64, max: i64) -> Result<i64, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(format!("请填写{label}"));
    }
    match raw.parse::<i64>() {
        Ok(n) if n < 0 => Err(format!("{label}不能为负数")),
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("{label}应为{min}到{max}之间的整数")),
    }
}

fn flag(raw: &str, label: &str) -> Result<bool, String> {
    match raw.trim() {
        "1" | "true" | "on" | "yes" | "是" => Ok(true),
        "0" | "false" | "off" | "no" | "否" | "" => Ok(false),
        other => Err(format!("{label}应为“是”或“否”，得到“{other}”")),
    }
}

impl ProposalSettingsInput {
    pub fn from_settings(s: &ProposalSettings) -> Self {
        let t = &s.tracking;
        ProposalSettingsInput {
            return_window: t.return_window.label(),
            first_contact: t.first_contact.label(),
            answer_due: t.answer_due.label(),
            max_extension: t.max_extension.label(),
            rehandle_due: t.rehandle_due.label(),
            warning_blue: t.warnings.blue.to_string(),
            warning_yellow: t.warnings.yellow.to_string(),
            warning_red: t.warnings.red.to_string(),
            cosign_window: s.cosign_window.label(),
            max_cosigners: s.max_cosigners.to_string(),
            max_rehandles: t.max_rehandles.to_string(),
            contact_before_answer: if t.contact_before_answer {
                "是"
            } else {
                "否"
            }
            .into(),
        }
    }

    /// The value of one field by its form name.
    pub fn value(&self, name: &str) -> &str {
        match name {
            "return_window" => &self.return_window,
            "first_contact" => &self.first_contact,
            "answer_due" => &self.answer_due,
            "max_extension" => &self.max_extension,
            "rehandle_due" => &self.rehandle_due,
            "warning_blue" => &self.warning_blue,
            "warning_yellow" => &self.warning_yellow,
            "warning_red" => &self.warning_red,
            "cosign_window" => &self.cosign_window,
            "max_cosigners" => &self.max_cosigners,
            "max_rehandles" => &self.max_rehandles,
            "contact_before_answer" => &self.contact_before_answer,
            _ => "",
        }
    }

    /// Sets one field by its form name (for an API body that gives only some).
    pub fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "return_window" => &mut self.return_window,
            "first_contact" => &mut self.first_contact,
            "answer_due" => &mut self.answer_due,
            "max_extension" => &mut self.max_extension,
            "rehandle_due" => &mut self.rehandle_due,
            "warning_blue" => &mut self.warning_blue,
            "warning_yellow" => &mut self.warning_yellow,
            "warning_red" => &mut self.warning_red,
            "cosign_window" => &mut self.cosign_window,
            "max_cosigners" => &mut self.max_cosigners,
            "max_rehandles" => &mut self.max_rehandles,
            "contact_before_answer" => &mut self.contact_before_answer,
            _ => return,
        };
        *slot = value;
    }

    pub fn parse(&self) -> Result<ProposalSettings, FieldErrors> {
        let mut e = FieldErrors::new();
        let return_window = e.take(
            "return_window",
            period(&self.return_window, "退回交办的期限", true),
        );
        let first_contact = e.take(
            "first_contact",
            period(&self.first_contact, "办前面商期限", true),
        );
        let value = |name: &str| self.value(name);
        let DeadlineBlock {
            due: answer_due,
            max_extension,
            warnings,
        } = deadlines::parse(
            &mut e,
            &value,
            DeadlineLabels {
                due: ("answer_due", "答复期限"),
                max_extension: "延期后的最长期限",
                due_in_messages: "答复期限",
            },
        );
        let rehandle_due = e.take(
            "rehandle_due",
            period(&self.rehandle_due, "重新办理的答复期限", true),
        );
        let cosign_window = e.take(
            "cosign_window",
            period(&self.cosign_window, "联名确认期限", true),
        );
        let max_cosigners = e.take(
            "max_cosigners",
            number(&self.max_cosigners, "联名人数上限", 1, 200),
        );
        let max_rehandles = e.take(
            "max_rehandles",
            number(&self.max_rehandles, "重新办理次数上限", 0, 5),
        );
        let contact_before_answer = e.take(
            "contact_before_answer",
            flag(&self.contact_before_answer, "须先办前面商再答复"),
        );
        if let (Some(due), Some(contact)) = (answer_due, first_contact) {
            if rough_days(contact) > rough_days(due) {
                e.add(
                    "first_contact",
                    format!(
                        "办前面商期限（{}）不能长于答复期限（{}）",
                        contact.label(),
                        due.label()
                    ),
                );
            }
        }
        e.finish(|| {
            Some(ProposalSettings {
                tracking: TrackingPolicy {
                    return_window: return_window?,
                    first_contact: first_contact?,
                    answer_due: answer_due?,
                    max_extension: max_extension?,
                    rehandle_due: rehandle_due?,
                    max_rehandles: u32::try_from(max_rehandles?).ok()?,
                    follow_up_due: None,
                    contact_before_answer: contact_before_answer?,
                    warnings: warnings?,
                },
                cosign_window: cosign_window?,
                max_cosigners: usize::try_from(max_cosigners?).ok()?,
            })
        })
    }
}
