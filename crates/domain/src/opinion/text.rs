//! What a report says: title, 情况 (situation), 分析 (analysis), 建议
//! (suggestion) and its category, parsed at the edge. An [`OpinionText`]
//! that exists is within the hard limits; the recommended length (about
//! 1,500 characters, a per-organisation setting) only warns.

use serde::{Deserialize, Serialize};

use crate::field::{optional_text, required_text, FieldErrors};

/// The most characters of a title.
pub const TITLE_CHARS: usize = 60;
/// The most characters of one section; far above the recommended length,
/// only to keep out pasted books.
pub const SECTION_CHARS: usize = 8_000;

/// The text as typed, complete or not (form and API input).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpinionInput {
    pub title: String,
    pub situation: String,
    pub analysis: String,
    pub suggestion: String,
    pub category: String,
}

/// A complete, valid report text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionText {
    pub title: String,
    pub situation: String,
    /// May be empty: many short reports fold the analysis into the situation.
    pub analysis: String,
    pub suggestion: String,
    pub category: String,
}

/// The per-organisation settings of the 社情民意 line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpinionPolicy {
    /// The recommended length of the whole text, in characters (warn only).
    pub recommended_chars: usize,
    pub categories: Vec<String>,
}

impl Default for OpinionPolicy {
    fn default() -> Self {
        OpinionPolicy {
            recommended_chars: 1500,
            categories: crate::proposal::default_categories(),
        }
    }
}

/// The organisation's own settings of the 社情民意 line, stored with its
/// other settings and inherited down the tree; the categories come from
/// its category list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpinionSettings {
    pub recommended_chars: usize,
    /// Reports a year expected of a standing-committee member (常委及以上).
    pub target_standing: u32,
    /// Reports a year expected of every other member.
    pub target_member: u32,
}

impl Default for OpinionSettings {
    fn default() -> Self {
        OpinionSettings {
            recommended_chars: 1500,
            target_standing: 3,
            target_member: 1,
        }
    }
}

impl OpinionSettings {
    /// The recommended length from a form: 100 to 10,000 characters.
    pub fn parse(raw: &str) -> Result<OpinionSettings, String> {
        raw.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (100..=10_000).contains(n))
            .map(|recommended_chars| OpinionSettings {
                recommended_chars,
                ..OpinionSettings::default()
            })
            .ok_or_else(|| "建议字数应为100到10000之间的整数".to_string())
    }
}

/// A yearly target from a form: 0 to 50 reports.
pub fn parse_target(raw: &str) -> Result<u32, String> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 50)
        .ok_or_else(|| "年度目标应为0到50之间的整数".to_string())
}

impl OpinionInput {
    /// The typed text back as input, e.g. to fill the staff edit form.
    pub fn from_text(t: &OpinionText) -> OpinionInput {
        OpinionInput {
            title: t.title.clone(),
            situation: t.situation.clone(),
            analysis: t.analysis.clone(),
            suggestion: t.suggestion.clone(),
            category: t.category.clone(),
        }
    }
}

impl OpinionText {
    /// Parses the input, every field's error under its own name.
    pub fn parse(input: &OpinionInput, policy: &OpinionPolicy) -> Result<OpinionText, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.take("title", required_text(&input.title, "标题", TITLE_CHARS));
        let situation = errors.take(
            "situation",
            required_text(&input.situation, "情况", SECTION_CHARS),
        );
        let analysis = errors.take(
            "analysis",
            optional_text(&input.analysis, "分析", SECTION_CHARS),
        );
        let suggestion = errors.take(
            "suggestion",
            required_text(&input.suggestion, "建议", SECTION_CHARS),
        );
        let raw = input.category.trim();
        let category = if raw.is_empty() {
            errors.add("category", "请选择类别");
            None
        } else if policy.categories.iter().any(|c| c == raw) {
            Some(raw.to_string())
        } else {
            errors.add("category", format!("“{raw}”不是本会的类别"));
            None
        };
        errors.finish(|| {
            Some(OpinionText {
                title: title?,
                situation: situation?,
                analysis: analysis?.unwrap_or_default(),
                suggestion: suggestion?,
                category: category?,
            })
        })
    }

    /// Characters of the body (situation, analysis, suggestion).
    pub fn chars(&self) -> usize {
        [&self.situation, &self.analysis, &self.suggestion]
            .iter()
            .map(|s| s.chars().count())
            .sum()
    }

    /// A warning when the body is longer than recommended.
    pub fn length_warning(&self, policy: &OpinionPolicy) -> Option<String> {
        let chars = self.chars();
        (chars > policy.recommended_chars).then(|| {
            format!(
                "正文共{chars}字，超过建议的{}字，建议精简后再报送",
                policy.recommended_chars
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OpinionInput {
        OpinionInput {
            title: "关于社区养老服务的情况反映".into(),
            situation: "情况".into(),
            analysis: String::new(),
            suggestion: "建议".into(),
            category: "社会建设".into(),
        }
    }

    #[test]
    fn empty_and_oversized_fields_are_refused_by_name() {
        let policy = OpinionPolicy::default();
        let mut bad = input();
        bad.title = " ".into();
        bad.suggestion = "字".repeat(SECTION_CHARS + 1);
        bad.category = "不存在".into();
        let errors = OpinionText::parse(&bad, &policy).unwrap_err();
        assert_eq!(errors.get("title"), Some("请填写标题"));
        assert!(errors.get("suggestion").is_some());
        assert!(errors.get("category").is_some());
        assert!(OpinionText::parse(&input(), &policy).is_ok());
    }

    #[test]
    fn the_recommended_length_is_a_bounded_setting() {
        assert_eq!(OpinionSettings::default().recommended_chars, 1500);
        assert_eq!(
            OpinionSettings::parse(" 2000 ").unwrap().recommended_chars,
            2000
        );
        assert!(OpinionSettings::parse("50").is_err());
        assert!(OpinionSettings::parse("很多").is_err());
    }

    #[test]
    fn length_over_the_recommendation_warns_only() {
        let policy = OpinionPolicy {
            recommended_chars: 10,
            ..OpinionPolicy::default()
        };
        let mut long = input();
        long.situation = "字".repeat(20);
        let text = OpinionText::parse(&long, &policy).unwrap();
        assert!(text
            .length_warning(&policy)
            .unwrap()
            .contains("超过建议的10字"));
        let short = OpinionText::parse(&input(), &policy).unwrap();
        assert_eq!(short.length_warning(&policy), None);
    }
}
