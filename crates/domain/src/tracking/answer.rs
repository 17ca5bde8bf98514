//! A unit's answer (答复): its class A/B/C and the formal fields, parsed from
//! the form; and the follow-up (跟踪办理) that a class B answer keeps open.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::iso_date;
use crate::field::{optional_text, required_text, FieldErrors};

/// 答复类别
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerClass {
    /// Solved or adopted (已解决或采纳).
    A,
    /// Being solved or in plan (正在解决或列入计划); stays open for follow-up.
    B,
    /// Kept for reference (留作参考).
    C,
}

impl AnswerClass {
    pub const ALL: [AnswerClass; 3] = [AnswerClass::A, AnswerClass::B, AnswerClass::C];

    pub fn code(self) -> &'static str {
        match self {
            AnswerClass::A => "a",
            AnswerClass::B => "b",
            AnswerClass::C => "c",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AnswerClass::A => "A类（已解决或采纳）",
            AnswerClass::B => "B类（正在解决或列入计划）",
            AnswerClass::C => "C类（留作参考）",
        }
    }

    /// Accepts `a`, `A`, `A类` or the full label.
    pub fn parse(raw: &str) -> Option<AnswerClass> {
        let raw = raw.trim();
        Self::ALL.into_iter().find(|c| {
            c.code().eq_ignore_ascii_case(raw)
                || c.label() == raw
                || c.label().chars().take(2).collect::<String>() == raw
        })
    }
}

/// An answer as drafted by a unit. Exists only valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub class: AnswerClass,
    /// 文号, e.g. 渝教提复〔2026〕12号; not every unit issues one.
    pub document_no: Option<String>,
    /// 签发人
    pub signed_by: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub text: String,
}

/// The raw answer form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerInput {
    pub class: String,
    pub document_no: String,
    pub signed_by: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub text: String,
}

impl Answer {
    pub const MAX_TEXT_CHARS: usize = 20_000;
}

impl AnswerInput {
    pub fn parse(&self) -> Result<Answer, FieldErrors> {
        let mut e = FieldErrors::new();
        let class = e.take(
            "class",
            AnswerClass::parse(&self.class)
                .ok_or_else(|| "请选择答复类别（A、B或C类）".to_string()),
        );
        let document_no = e.take("document_no", optional_text(&self.document_no, "文号", 60));
        let signed_by = e.take("signed_by", required_text(&self.signed_by, "签发人", 30));
        let contact_person = e.take(
            "contact_person",
            required_text(&self.contact_person, "联系人", 30),
        );
        let contact_phone = e.take("contact_phone", contact_phone(&self.contact_phone));
        let text = e.take(
            "text",
            required_text(&self.text, "答复正文", Answer::MAX_TEXT_CHARS),
        );
        e.finish(|| {
            Some(Answer {
                class: class?,
                document_no: document_no?,
                signed_by: signed_by?,
                contact_person: contact_person?,
                contact_phone: contact_phone?,
                text: text?,
            })
        })
    }
}

/// A mobile or office number: `023-63891234`, `13812345678`, `(023) 6389 1234`.
fn contact_phone(raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err("请填写联系电话".into());
    }
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')' | '转'));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && (7..=20).contains(&digits) && value.chars().count() <= 30 {
        Ok(value.to_string())
    } else {
        Err("联系电话格式不正确，如 023-63891234 或 13812345678".into())
    }
}

/// The follow-up a class B answer keeps open until its result is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    #[serde(with = "iso_date")]
    pub opened_on: Date,
    /// What finally happened (落实情况); `None` while open.
    pub result: Option<String>,
    #[serde(with = "iso_date::option")]
    pub recorded_on: Option<Date>,
    /// The result is due by this day, when the policy sets a follow-up
    /// period (or staff reopened it with a new date).
    #[serde(default, with = "iso_date::option")]
    pub due: Option<Date>,
    /// Results recorded earlier and found insufficient, oldest first.
    #[serde(default)]
    pub earlier: Vec<ReopenedResult>,
}

/// A follow-up result that staff reopened, with their reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenedResult {
    pub result: String,
    #[serde(with = "iso_date")]
    pub recorded_on: Date,
    #[serde(with = "iso_date")]
    pub reopened_on: Date,
    pub reason: String,
}

impl FollowUp {
    pub fn is_open(&self) -> bool {
        self.result.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AnswerInput {
        AnswerInput {
            class: "B".into(),
            document_no: "渝教提复〔2026〕12号".into(),
            signed_by: "李明".into(),
            contact_person: "王芳".into(),
            contact_phone: "023-63891234".into(),
            text: "关于增加城区学位供给的建议收悉……".into(),
        }
    }

    #[test]
    fn a_complete_answer_parses() {
        let answer = input().parse().unwrap();
        assert_eq!(answer.class, AnswerClass::B);
        assert_eq!(answer.document_no.as_deref(), Some("渝教提复〔2026〕12号"));
    }

    #[test]
    fn every_missing_field_is_named() {
        let errors = AnswerInput::default().parse().unwrap_err();
        assert_eq!(errors.get("class"), Some("请选择答复类别（A、B或C类）"));
        assert_eq!(errors.get("signed_by"), Some("请填写签发人"));
        assert_eq!(errors.get("contact_phone"), Some("请填写联系电话"));
        assert_eq!(errors.get("text"), Some("请填写答复正文"));
        assert_eq!(errors.get("document_no"), None);
        let bad_phone = AnswerInput {
            contact_phone: "电话123".into(),
            ..input()
        };
        assert!(bad_phone
            .parse()
            .unwrap_err()
            .get("contact_phone")
            .is_some());
    }

    #[test]
    fn classes_parse_from_what_people_type() {
        assert_eq!(AnswerClass::parse("a"), Some(AnswerClass::A));
        assert_eq!(AnswerClass::parse("C类"), Some(AnswerClass::C));
        assert_eq!(
            AnswerClass::parse(AnswerClass::B.label()),
            Some(AnswerClass::B)
        );
        assert_eq!(AnswerClass::parse("D"), None);
    }
}
