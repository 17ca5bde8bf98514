//! Feedback on an answer (评价): who rates, how satisfied they are, whether
//! the unit contacted them and whether the answer was on point.

use serde::{Deserialize, Serialize};

use crate::field::{optional_text, FieldErrors};
use crate::{MemberId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

impl Satisfaction {
    pub const ALL: [Satisfaction; 3] = [
        Satisfaction::Satisfied,
        Satisfaction::BasicallySatisfied,
        Satisfaction::Dissatisfied,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::BasicallySatisfied => "basically_satisfied",
            Satisfaction::Dissatisfied => "dissatisfied",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "满意",
            Satisfaction::BasicallySatisfied => "基本满意",
            Satisfaction::Dissatisfied => "不满意",
        }
    }

    pub fn parse(raw: &str) -> Option<Satisfaction> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.code() == raw || s.label() == raw)
    }

    /// Counts towards the 满意率 (满意 + 基本满意).
    pub fn counts_as_satisfied(self) -> bool {
        !matches!(self, Satisfaction::Dissatisfied)
    }
}

/// Who gives feedback on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rater {
    /// A member (a proposer, a report's author …).
    Member(MemberId),
    /// An account speaking for a body (a collective proposal's drafting account).
    Account(UserId),
    /// The citizen who raised the matter, with no account.
    Citizen,
}

/// The parsed rating form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub satisfaction: Satisfaction,
    /// 办理前是否与您沟通
    pub contacted: bool,
    /// 答复是否切中要点
    pub on_point: bool,
    /// Required when dissatisfied.
    pub comment: Option<String>,
}

/// The raw rating form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedbackInput {
    pub satisfaction: String,
    pub contacted: String,
    pub on_point: String,
    pub comment: String,
}

impl FeedbackInput {
    pub fn parse(&self) -> Result<Feedback, FieldErrors> {
        let mut e = FieldErrors::new();
        let satisfaction = e.take(
            "satisfaction",
            Satisfaction::parse(&self.satisfaction)
                .ok_or_else(|| "请选择满意、基本满意或不满意".to_string()),
        );
        let contacted = e.take("contacted", yes_no(&self.contacted, "办理前是否与您沟通"));
        let on_point = e.take("on_point", yes_no(&self.on_point, "答复是否切中要点"));
        let comment = e.take("comment", optional_text(&self.comment, "评价意见", 1000));
        if satisfaction == Some(Satisfaction::Dissatisfied) && matches!(comment, Some(None)) {
            e.add("comment", "选择不满意时请说明理由");
        }
        e.finish(|| {
            Some(Feedback {
                satisfaction: satisfaction?,
                contacted: contacted?,
                on_point: on_point?,
                comment: comment?,
            })
        })
    }
}

fn yes_no(raw: &str, question: &str) -> Result<bool, String> {
    match raw.trim() {
        "是" | "1" | "true" | "on" | "yes" => Ok(true),
        "否" | "0" | "false" | "off" | "no" => Ok(false),
        _ => Err(format!("请选择{question}")),
    }
}

/// One rater's rating of one unit's answer in one round. Never removed: a
/// re-handled answer is rated again in the next round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub rater: Rater,
    /// 1 for the first answer, 2 after the first re-handling …
    pub round: u32,
    pub feedback: Feedback,
    /// Entered by staff for the rater (e.g. from a paper form).
    pub entered_on_behalf: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dissatisfaction_needs_a_reason() {
        let input = FeedbackInput {
            satisfaction: "不满意".into(),
            contacted: "是".into(),
            on_point: "否".into(),
            comment: " ".into(),
        };
        let errors = input.parse().unwrap_err();
        assert_eq!(errors.get("comment"), Some("选择不满意时请说明理由"));
        let with_reason = FeedbackInput {
            comment: "答复未涉及具体措施".into(),
            ..input
        };
        let feedback = with_reason.parse().unwrap();
        assert!(feedback.contacted && !feedback.on_point);
    }

    #[test]
    fn every_question_must_be_answered() {
        let errors = FeedbackInput::default().parse().unwrap_err();
        assert_eq!(
            errors.get("satisfaction"),
            Some("请选择满意、基本满意或不满意")
        );
        assert_eq!(errors.get("contacted"), Some("请选择办理前是否与您沟通"));
        assert_eq!(errors.get("on_point"), Some("请选择答复是否切中要点"));
        assert!(Satisfaction::BasicallySatisfied.counts_as_satisfied());
    }
}
