//! What a proposal says: 案由 (title), 情况与分析, 建议, its category, whether
//! it may be public and the units the proposer suggests. Parsed from the
//! draft form; a [`ProposalContent`] that exists is complete and valid.

use serde::{Deserialize, Serialize};

use crate::field::{required_text, FieldErrors};
use crate::UnitId;

/// The default category dictionary; each organisation edits its own.
pub const DEFAULT_CATEGORIES: [&str; 6] = [
    "经济建设",
    "政治建设",
    "文化建设",
    "社会建设",
    "生态文明建设",
    "其他",
];

/// The default dictionary as owned strings, for a new organisation's settings.
pub fn default_categories() -> Vec<String> {
    DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect()
}

/// 案由: required, at most 60 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProposalTitle(String);

impl ProposalTitle {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(raw: &str) -> Result<ProposalTitle, String> {
        required_text(raw, "案由", Self::MAX_CHARS).map(ProposalTitle)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A body section (情况与分析 or 建议): required, within length bounds.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SectionText(String);

/// Characters allowed in 情况与分析.
pub const ANALYSIS_CHARS: (usize, usize) = (20, 10_000);
/// Characters allowed in 建议.
pub const SUGGESTIONS_CHARS: (usize, usize) = (10, 10_000);

impl SectionText {
    /// `label` names the section in messages; `(min, max)` in characters.
    pub fn parse(
        raw: &str,
        label: &str,
        (min, max): (usize, usize),
    ) -> Result<SectionText, String> {
        let text = required_text(raw, label, max)?;
        if text.chars().filter(|c| !c.is_whitespace()).count() < min {
            return Err(format!("{label}过于简略，至少应写{min}个字"));
        }
        Ok(SectionText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A category from the organisation's dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Category(String);

impl Category {
    pub fn parse(raw: &str, dictionary: &[String]) -> Result<Category, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err("请选择提案类别".into());
        }
        dictionary
            .iter()
            .find(|c| c.as_str() == raw)
            .map(|c| Category(c.clone()))
            .ok_or_else(|| format!("“{raw}”不是本会的提案类别"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_conversions {
    ($($name:ident => $parse:expr;)*) => {$(
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(raw: String) -> Result<Self, String> {
                $parse(&raw)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    )*};
}

string_conversions! {
    ProposalTitle => ProposalTitle::parse;
    SectionText => |raw: &str| SectionText::parse(raw, "正文", (1, ANALYSIS_CHARS.1));
}

/// The most units a proposer may suggest.
pub const MAX_SUGGESTED_UNITS: usize = 10;

/// A complete proposal text, as submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalContent {
    pub title: ProposalTitle,
    /// 情况与分析
    pub analysis: SectionText,
    /// 建议
    pub suggestions: SectionText,
    pub category: Category,
    /// Whether the proposal and its answers may be made public.
    pub public: bool,
    pub suggested_units: Vec<UnitId>,
}

/// The raw draft form, as typed (and as autosaved, complete or not).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalInput {
    pub title: String,
    pub analysis: String,
    pub suggestions: String,
    pub category: String,
    /// `是`/`否`, `1`/`0`, `on` or empty (unchecked).
    pub public: String,
    /// Unit ids separated by commas.
    pub suggested_units: String,
}

impl ProposalInput {
    /// Parses every field against the organisation's category dictionary
    /// and reports every error at once.
    pub fn parse(&self, categories: &[String]) -> Result<ProposalContent, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.take("title", ProposalTitle::parse(&self.title));
        let analysis = e.take(
            "analysis",
            SectionText::parse(&self.analysis, "情况与分析", ANALYSIS_CHARS),
        );
        let suggestions = e.take(
            "suggestions",
            SectionText::parse(&self.suggestions, "建议", SUGGESTIONS_CHARS),
        );
        let category = e.take("category", Category::parse(&self.category, categories));
        let public = e.take("public", parse_flag(&self.public));
        let units = e.take("suggested_units", parse_units(&self.suggested_units));
        e.finish(|| {
            Some(ProposalContent {
                title: title?,
                analysis: analysis?,
                suggestions: suggestions?,
                category: category?,
                public: public?,
                suggested_units: units?,
            })
        })
    }
}

fn parse_flag(raw: &str) -> Result<bool, String> {
    match raw.trim() {
        "" | "否" | "0" | "false" | "off" => Ok(false),
        "是" | "1" | "true" | "on" => Ok(true),
        _ => Err("请选择是否公开".into()),
    }
}

fn parse_units(raw: &str) -> Result<Vec<UnitId>, String> {
    let mut units = Vec::new();
    for part in raw.split([',', '，', ' ']).filter(|p| !p.is_empty()) {
        let id = part
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| "建议承办单位选择有误，请重新选择".to_string())?;
        if !units.contains(&UnitId(id)) {
            units.push(UnitId(id));
        }
    }
    if units.len() > MAX_SUGGESTED_UNITS {
        return Err(format!("建议承办单位最多选择{MAX_SUGGESTED_UNITS}个"));
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_input() -> ProposalInput {
        ProposalInput {
            title: "关于加快推进农村公路提档升级的建议".into(),
            analysis: "我市农村公路总里程大，但部分路段路面窄、弯道急，雨季易塌方，群众出行和农产品运输不便。".into(),
            suggestions: "一是加大市级财政补助；二是建立养护长效机制。".into(),
            category: "经济建设".into(),
            public: "是".into(),
            suggested_units: "3, 5,3".into(),
        }
    }

    #[test]
    fn a_complete_draft_parses() {
        let content = valid_input().parse(&default_categories()).unwrap();
        assert_eq!(content.title.as_str(), "关于加快推进农村公路提档升级的建议");
        assert!(content.public);
        assert_eq!(content.suggested_units, vec![UnitId(3), UnitId(5)]);
    }

    #[test]
    fn every_bad_field_gets_a_chinese_message() {
        let input = ProposalInput {
            title: "关".repeat(61),
            analysis: "情况不好".into(),
            suggestions: "".into(),
            category: "体育".into(),
            public: "也许".into(),
            suggested_units: "教委".into(),
        };
        let errors = input.parse(&default_categories()).unwrap_err();
        assert_eq!(errors.get("title"), Some("案由不能超过60个字"));
        assert_eq!(
            errors.get("analysis"),
            Some("情况与分析过于简略，至少应写20个字")
        );
        assert_eq!(errors.get("suggestions"), Some("请填写建议"));
        assert_eq!(errors.get("category"), Some("“体育”不是本会的提案类别"));
        assert_eq!(errors.get("public"), Some("请选择是否公开"));
        assert!(errors.get("suggested_units").is_some());
        assert_eq!(errors.0.len(), 6);
        let empty = ProposalInput::default()
            .parse(&default_categories())
            .unwrap_err();
        assert_eq!(empty.get("title"), Some("请填写案由"));
        assert_eq!(empty.get("category"), Some("请选择提案类别"));
    }

    #[test]
    fn a_local_dictionary_replaces_the_default() {
        let local = vec!["乡村振兴".to_string(), "城市建设".to_string()];
        let input = ProposalInput {
            category: "乡村振兴".into(),
            ..valid_input()
        };
        assert!(input.parse(&local).is_ok());
        assert!(valid_input().parse(&local).is_err());
        assert_eq!(DEFAULT_CATEGORIES.len(), 6);
    }
}
