//! The per-organisation numbers of this module (org_settings kind
//! `stations`), each with its default.

use serde::{Deserialize, Serialize};

use crate::field::FieldErrors;
use crate::settings::form::{SettingsForm, Values};
use crate::settings::{
    deadlines, field, number, period, DeadlineBlock, DeadlineLabels, SettingField,
};
use crate::tracking::{Period, TrackingPolicy, WarningThresholds};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StationSettings {
    /// Public-form submissions accepted from one address per hour
    /// *(assumed: 5)*.
    pub public_per_ip_per_hour: u32,
    /// A demand not forwarded counts as closed on time when its feedback is
    /// recorded within this *(assumed: 15 working days)*.
    pub close_within: Period,
    /// Deadlines of a forwarded demand (shorter than a proposal's).
    pub tracking: TrackingPolicy,
    /// 诉求类别
    pub categories: Vec<String>,
}

pub const DEFAULT_CATEGORIES: [&str; 10] = [
    "城乡建设",
    "交通出行",
    "教育",
    "医疗卫生",
    "养老服务",
    "就业社保",
    "生态环境",
    "社区治理",
    "矛盾纠纷",
    "其他",
];

impl Default for StationSettings {
    fn default() -> Self {
        StationSettings {
            public_per_ip_per_hour: 5,
            close_within: Period::WorkingDays(15),
            tracking: TrackingPolicy {
                return_window: Period::WorkingDays(3),
                first_contact: Period::WorkingDays(3),
                answer_due: Period::WorkingDays(15),
                max_extension: Period::WorkingDays(30),
                rehandle_due: Period::WorkingDays(10),
                max_rehandles: 1,
                contact_before_answer: false,
                warnings: WarningThresholds {
                    blue: 5,
                    yellow: 3,
                    red: 0,
                },
                ..TrackingPolicy::default()
            },
            categories: DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect(),
        }
    }
}

impl StationSettings {
    /// Keeps the numbers in a sane range (a stored row may be hand-edited).
    pub fn checked(mut self) -> StationSettings {
        self.public_per_ip_per_hour = self.public_per_ip_per_hour.clamp(1, 100_000);
        if self.categories.is_empty() {
            self.categories = StationSettings::default().categories;
        }
        self
    }
}

const PUBLIC: [SettingField; 2] = [
    field(
        "public_per_ip_per_hour",
        "公开表单每个网络地址每小时可提交",
        "超过后提示稍后再试，防止刷单",
    ),
    field(
        "close_within",
        "当场答复或未转办诉求的办结期限",
        "自受理起，在此期限内反馈群众的算按期办结",
    ),
];

const FORWARDED: [SettingField; 2] = [
    field(
        "answer_due",
        "承办单位答复期限",
        "自转办起计算，如“15个工作日”",
    ),
    field(
        "max_extension",
        "延期后的最长期限",
        "自转办起计算，延期不得超过此期限",
    ),
];

const WARNINGS: [SettingField; 3] = [
    field(
        "warning_blue",
        "蓝色预警（剩余天数）",
        "距答复期限还剩多少天起提醒承办单位",
    ),
    field(
        "warning_yellow",
        "黄色预警（剩余天数）",
        "应不大于蓝色预警天数",
    ),
    field("warning_red", "红色预警（剩余天数）", "0 表示到期当天"),
];

impl SettingsForm for StationSettings {
    fn groups() -> &'static [(&'static str, &'static [SettingField])] {
        &[
            ("群众诉求受理", &PUBLIC),
            ("转办期限", &FORWARDED),
            ("到期预警", &WARNINGS),
        ]
    }

    fn values(&self) -> Values {
        let t = &self.tracking;
        [
            (
                "public_per_ip_per_hour",
                self.public_per_ip_per_hour.to_string(),
            ),
            ("close_within", self.close_within.label()),
            ("answer_due", t.answer_due.label()),
            ("max_extension", t.max_extension.label()),
            ("warning_blue", t.warnings.blue.to_string()),
            ("warning_yellow", t.warnings.yellow.to_string()),
            ("warning_red", t.warnings.red.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn parse(v: &Values) -> Result<Self, FieldErrors> {
        let t = |name: &str| Self::text(v, name);
        let mut e = FieldErrors::new();
        let per_ip = e.take(
            "public_per_ip_per_hour",
            number(
                t("public_per_ip_per_hour"),
                "每小时可提交的件数",
                1,
                100_000,
            ),
        );
        let close_within = e.take("close_within", period(t("close_within"), "办结期限", true));
        let DeadlineBlock {
            due: answer_due,
            max_extension,
            warnings,
        } = deadlines::parse(
            &mut e,
            &t,
            DeadlineLabels {
                due: ("answer_due", "承办单位答复期限"),
                max_extension: "延期后的最长期限",
                due_in_messages: "答复期限",
            },
        );
        let defaults = StationSettings::default();
        e.finish(|| {
            Some(StationSettings {
                public_per_ip_per_hour: u32::try_from(per_ip?).ok()?,
                close_within: close_within?,
                tracking: TrackingPolicy {
                    answer_due: answer_due?,
                    max_extension: max_extension?,
                    warnings: warnings?,
                    ..defaults.tracking
                },
                categories: defaults.categories,
            })
        })
    }

    fn keep_unlisted(&mut self, previous: &Self) {
        self.categories = previous.categories.clone();
        self.tracking = TrackingPolicy {
            answer_due: self.tracking.answer_due,
            max_extension: self.tracking.max_extension,
            warnings: self.tracking.warnings,
            ..previous.tracking.clone()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_round_trip() {
        let d = StationSettings::default();
        assert_eq!(StationSettings::parse(&d.values()), Ok(d));
    }

    #[test]
    fn bad_values_are_named_and_unlisted_values_are_kept() {
        let mut v = StationSettings::default().values();
        v.insert("public_per_ip_per_hour".into(), "0".into());
        v.insert("answer_due".into(), "".into());
        let e = StationSettings::parse(&v).unwrap_err();
        assert!(e.get("public_per_ip_per_hour").is_some());
        assert_eq!(e.get("answer_due"), Some("请填写承办单位答复期限"));

        let previous = StationSettings {
            categories: vec!["物业管理".into()],
            ..StationSettings::default()
        };
        let mut v = previous.values();
        v.insert("answer_due".into(), "10个工作日".into());
        let mut parsed = StationSettings::parse(&v).unwrap();
        parsed.keep_unlisted(&previous);
        assert_eq!(parsed.categories, vec!["物业管理".to_string()]);
        assert_eq!(parsed.tracking.answer_due, Period::WorkingDays(10));
    }
}
