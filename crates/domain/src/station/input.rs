//! The forms of this module as typed, and their parsed, valid forms. Every
//! check gives a Chinese message under the field's name.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Channel, StationKind, StationSettings};
use crate::calendar::iso_date;
use crate::field::{optional_text, required_text};
use crate::tracking::Satisfaction;
use crate::FieldErrors;

pub const MAX_NAME: usize = 60;
pub const MAX_ADDRESS: usize = 120;
pub const MAX_CONTENT: usize = 2_000;
pub const MAX_NOTE: usize = 2_000;

/// The station form as typed. Members are named in `members` (names,
/// separated by 、 or commas) and resolved by the caller.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StationInput {
    pub kind: String,
    pub name: String,
    pub address: String,
    /// 街道/镇: duplicates are looked for within one.
    pub street: String,
    pub reception_days: String,
    pub members: String,
}

/// A valid station (without its members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationRecord {
    pub kind: StationKind,
    pub name: String,
    pub address: String,
    pub street: String,
    /// e.g. 每周三上午, 每月10日、20日
    pub reception_days: String,
}

impl StationInput {
    pub fn parse(&self) -> Result<StationRecord, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.take(
            "kind",
            StationKind::from_code(&self.kind).ok_or_else(|| "请选择类型".to_string()),
        );
        let name = e.take("name", required_text(&self.name, "名称", MAX_NAME));
        let address = e.take("address", required_text(&self.address, "地址", MAX_ADDRESS));
        let street = e.take("street", required_text(&self.street, "所在街道（镇）", 30));
        let days = e.take(
            "reception_days",
            required_text(&self.reception_days, "接待日", 60),
        );
        e.finish(|| {
            Some(StationRecord {
                kind: kind?,
                name: name?,
                address: address?,
                street: street?,
                reception_days: days?,
            })
        })
    }
}

/// A reception day as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReceptionInput {
    pub date: String,
    /// Members on duty, by name.
    pub members: String,
    pub visitors: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceptionRecord {
    #[serde(with = "iso_date")]
    pub date: Date,
    pub visitors: u32,
    pub notes: String,
}

impl ReceptionInput {
    /// A reception may not lie in the future (`today`).
    pub fn parse(&self, today: Date) -> Result<ReceptionRecord, FieldErrors> {
        let mut e = FieldErrors::new();
        let date = e.take("date", date_not_after(&self.date, today, "接待日期"));
        let visitors = e.take(
            "visitors",
            self.visitors
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= 10_000)
                .ok_or_else(|| "接待人数应为0到10000的整数".to_string()),
        );
        let notes = e.take("notes", optional_text(&self.notes, "接待情况", MAX_NOTE));
        if self.members.trim().is_empty() {
            e.add("members", "请填写值班委员");
        }
        e.finish(|| {
            Some(ReceptionRecord {
                date: date?,
                visitors: visitors?,
                notes: notes?.unwrap_or_default(),
            })
        })
    }
}

fn date_not_after(raw: &str, today: Date, label: &str) -> Result<Date, String> {
    let date =
        crate::member::parse_date(raw.trim()).map_err(|_| format!("{label}格式应为 2026-11-27"))?;
    if date > today {
        return Err(format!("{label}不能晚于今天"));
    }
    Ok(date)
}

/// A demand as typed, on the public form or by a member or staff on site.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DemandInput {
    /// Empty with `anonymous` ticked.
    pub name: String,
    pub anonymous: String,
    pub phone: String,
    pub content: String,
    pub category: String,
    /// The explicit consent line; must be ticked.
    pub consent: String,
}

/// A valid demand's text and the visitor's data, given with consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemandText {
    pub channel: Channel,
    /// `None` when anonymous.
    pub name: Option<String>,
    pub phone: Option<String>,
    pub content: String,
    pub category: String,
}

fn ticked(raw: &str) -> bool {
    matches!(raw.trim(), "1" | "on" | "true" | "yes" | "是")
}

impl DemandInput {
    pub fn parse(
        &self,
        channel: Channel,
        settings: &StationSettings,
    ) -> Result<DemandText, FieldErrors> {
        let mut e = FieldErrors::new();
        let anonymous = ticked(&self.anonymous);
        let name = if anonymous {
            Some(None)
        } else {
            match optional_text(&self.name, "称呼", 20) {
                Ok(None) => {
                    e.add("name", "请填写称呼，或勾选“匿名反映”");
                    None
                }
                other => e.take("name", other),
            }
        };
        let phone = e.take("phone", phone(&self.phone));
        let content = e.take(
            "content",
            required_text(&self.content, "诉求内容", MAX_CONTENT).and_then(|c| {
                if c.chars().count() < 5 {
                    Err("诉求内容请至少写5个字，说清楚是什么事".into())
                } else {
                    Ok(c)
                }
            }),
        );
        let category = e.take(
            "category",
            settings
                .categories
                .iter()
                .find(|c| c.as_str() == self.category.trim())
                .cloned()
                .ok_or_else(|| "请选择诉求类别".to_string()),
        );
        if !ticked(&self.consent) {
            e.add(
                "consent",
                "请勾选同意：我们只为办理和回复您的诉求使用您留下的信息",
            );
        }
        e.finish(|| {
            Some(DemandText {
                channel,
                name: name?,
                phone: phone?,
                content: content?,
                category: category?,
            })
        })
    }
}

/// An optional mobile or landline number.
fn phone(raw: &str) -> Result<Option<String>, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+'));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && (7..=15).contains(&digits) && value.chars().count() <= 20 {
        Ok(Some(value.to_string()))
    } else {
        Err("联系电话格式不正确，如 13812345678 或 023-63891234；也可以不填".into())
    }
}

/// How the visitor was told the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackHow {
    Phone,
    Sms,
    Visit,
    OnSite,
}

impl FeedbackHow {
    pub const ALL: [FeedbackHow; 4] = [
        FeedbackHow::Phone,
        FeedbackHow::Sms,
        FeedbackHow::Visit,
        FeedbackHow::OnSite,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FeedbackHow::Phone => "phone",
            FeedbackHow::Sms => "sms",
            FeedbackHow::Visit => "visit",
            FeedbackHow::OnSite => "on_site",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FeedbackHow::Phone => "电话",
            FeedbackHow::Sms => "短信",
            FeedbackHow::Visit => "上门",
            FeedbackHow::OnSite => "现场",
        }
    }

    pub fn from_code(code: &str) -> Option<FeedbackHow> {
        Self::ALL
            .into_iter()
            .find(|h| h.code() == code.trim() || h.label() == code.trim())
    }
}

/// The feedback form as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    pub date: String,
    pub how: String,
    pub satisfaction: String,
    pub note: String,
}

impl FeedbackForm {
    pub fn parse(&self, today: Date) -> Result<super::VisitorFeedback, FieldErrors> {
        let mut e = FieldErrors::new();
        let date = e.take("date", date_not_after(&self.date, today, "反馈日期"));
        let how = e.take(
            "how",
            FeedbackHow::from_code(&self.how)
                .ok_or_else(|| "请选择反馈方式（电话、短信、上门或现场）".to_string()),
        );
        let satisfaction = e.take(
            "satisfaction",
            Satisfaction::parse(&self.satisfaction).ok_or_else(|| "请选择群众的满意度".to_string()),
        );
        let note = e.take("note", optional_text(&self.note, "反馈情况", MAX_NOTE));
        if satisfaction == Some(Satisfaction::Dissatisfied) && matches!(note, Some(None)) {
            e.add("note", "群众不满意时请记录其意见");
        }
        e.finish(|| {
            Some(super::VisitorFeedback {
                date: date?,
                how: how?,
                satisfaction: satisfaction?,
                note: note?.unwrap_or_default(),
            })
        })
    }
}
