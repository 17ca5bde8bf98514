//! The per-organisation deadlines of democratic supervision (org_settings
//! kind `supervision`): when a department's rectification plan is due,
//! when its results are due once the plan is accepted, how far a plan's
//! deadline may be extended, and the warnings — each with its default.

use serde::{Deserialize, Serialize};

use crate::field::FieldErrors;
use crate::settings::form::{SettingsForm, Values};
use crate::settings::{deadlines, field, period, DeadlineBlock, DeadlineLabels, SettingField};
use crate::tracking::{Period, TrackingPolicy, WarningThresholds};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupervisionSettings {
    /// 整改方案 due after the opinion is sent *(assumed: 20 working days)*.
    pub plan_due: Period,
    /// 整改结果 due after the plan is accepted *(assumed: 3 months)*.
    pub results_due: Period,
    /// A plan's deadline extended no further than this after sending
    /// *(assumed: 2 months)*.
    pub max_extension: Period,
    pub warnings: WarningThresholds,
}

impl Default for SupervisionSettings {
    fn default() -> Self {
        SupervisionSettings {
            plan_due: Period::WorkingDays(20),
            results_due: Period::Months(3),
            max_extension: Period::Months(2),
            // A plan is due within weeks, not months: warnings start later
            // than a proposal's *(assumed: 10, 5 and 0 days)*.
            warnings: WarningThresholds {
                blue: 10,
                yellow: 5,
                red: 0,
            },
        }
    }
}

impl SupervisionSettings {
    /// The tracking policy these settings give supervision opinions.
    pub fn policy(&self) -> TrackingPolicy {
        TrackingPolicy {
            return_window: Period::WorkingDays(5),
            first_contact: Period::WorkingDays(10),
            answer_due: self.plan_due,
            max_extension: self.max_extension,
            rehandle_due: Period::Months(1),
            max_rehandles: 1,
            contact_before_answer: false,
            follow_up_due: Some(self.results_due),
            warnings: self.warnings,
        }
    }
}

const DEADLINES: [SettingField; 3] = [
    field(
        "plan_due",
        "整改方案期限",
        "自监督意见交办起计算，如“20个工作日”或“1个月”",
    ),
    field(
        "results_due",
        "整改结果期限",
        "自整改方案审核通过起计算，如“3个月”",
    ),
    field(
        "max_extension",
        "整改方案延期后的最长期限",
        "自交办起计算，延期不得超过此期限",
    ),
];

const WARNINGS: [SettingField; 3] = [
    field(
        "warning_blue",
        "蓝色预警（剩余天数）",
        "距期限还剩多少天起提醒承办单位",
    ),
    field(
        "warning_yellow",
        "黄色预警（剩余天数）",
        "应不大于蓝色预警天数",
    ),
    field("warning_red", "红色预警（剩余天数）", "0 表示到期当天"),
];

impl SettingsForm for SupervisionSettings {
    fn groups() -> &'static [(&'static str, &'static [SettingField])] {
        &[("整改期限", &DEADLINES), ("到期预警", &WARNINGS)]
    }

    fn values(&self) -> Values {
        [
            ("plan_due", self.plan_due.label()),
            ("results_due", self.results_due.label()),
            ("max_extension", self.max_extension.label()),
            ("warning_blue", self.warnings.blue.to_string()),
            ("warning_yellow", self.warnings.yellow.to_string()),
            ("warning_red", self.warnings.red.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn parse(v: &Values) -> Result<Self, FieldErrors> {
        let t = |name: &str| Self::text(v, name);
        let mut e = FieldErrors::new();
        let DeadlineBlock {
            due: plan_due,
            max_extension,
            warnings,
        } = deadlines::parse(
            &mut e,
            &t,
            DeadlineLabels {
                due: ("plan_due", "整改方案期限"),
                max_extension: "整改方案延期后的最长期限",
                due_in_messages: "整改方案期限",
            },
        );
        let results_due = e.take(
            "results_due",
            period(t("results_due"), "整改结果期限", true),
        );
        e.finish(|| {
            Some(SupervisionSettings {
                plan_due: plan_due?,
                results_due: results_due?,
                max_extension: max_extension?,
                warnings: warnings?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_round_trip_and_match_the_rules_defaults() {
        let d = SupervisionSettings::default();
        assert_eq!(SupervisionSettings::parse(&d.values()), Ok(d.clone()));
        assert_eq!(d.policy(), super::super::default_policy());
        assert_eq!(d.policy().answer_due, Period::WorkingDays(20));
    }

    #[test]
    fn bad_values_are_named_in_chinese() {
        let mut v = SupervisionSettings::default().values();
        v.insert("plan_due".into(), "两周".into());
        v.insert("results_due".into(), "".into());
        v.insert("warning_yellow".into(), "99".into());
        let e = SupervisionSettings::parse(&v).unwrap_err();
        assert!(e
            .get("plan_due")
            .is_some_and(|m| m.contains("整改方案期限")));
        assert_eq!(e.get("results_due"), Some("请填写整改结果期限"));
        assert!(e
            .get("warning_yellow")
            .is_some_and(|m| m.contains("不能大于蓝色预警天数")));
    }

    #[test]
    fn an_extension_shorter_than_the_plan_deadline_is_refused() {
        let mut v = SupervisionSettings::default().values();
        v.insert("plan_due".into(), "3个月".into());
        v.insert("max_extension".into(), "1个月".into());
        let e = SupervisionSettings::parse(&v).unwrap_err();
        assert!(e
            .get("max_extension")
            .is_some_and(|m| m.contains("不能短于")));
    }
}
