//! The per-organisation numbers of this module (org_settings kind
//! `stations`), each with its default.

use serde::{Deserialize, Serialize};

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
