//! Why a state machine refused an action: a small closed set of kinds (so the
//! web layer maps each to one HTTP status) and a Chinese message to show.

use serde::Serialize;

/// What kind of "no" this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalKind {
    /// This actor may never do this to this record (HTTP 403).
    NotPermitted,
    /// The record is not in a state that allows the action (HTTP 409).
    WrongState,
    /// The action's data is inconsistent with the record (HTTP 422).
    Invalid,
    /// A deadline for the action has passed (HTTP 409).
    TooLate,
}

/// A refused action. `message` is shown to the user as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct Refusal {
    pub kind: RefusalKind,
    pub message: String,
}

impl Refusal {
    pub fn not_permitted(message: impl Into<String>) -> Refusal {
        Refusal {
            kind: RefusalKind::NotPermitted,
            message: message.into(),
        }
    }

    pub fn wrong_state(message: impl Into<String>) -> Refusal {
        Refusal {
            kind: RefusalKind::WrongState,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Refusal {
        Refusal {
            kind: RefusalKind::Invalid,
            message: message.into(),
        }
    }

    pub fn too_late(message: impl Into<String>) -> Refusal {
        Refusal {
            kind: RefusalKind::TooLate,
            message: message.into(),
        }
    }
}

/// A required free text: a reason, comment or short statement (理由、说明、意见),
/// trimmed, 1–2,000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reason(String);

impl TryFrom<String> for Reason {
    type Error = String;
    fn try_from(raw: String) -> Result<Reason, String> {
        Reason::parse(&raw, "说明")
    }
}

impl From<Reason> for String {
    fn from(reason: Reason) -> String {
        reason.0
    }
}

impl Reason {
    pub const MAX_CHARS: usize = 2000;

    /// `label` names the field in the message, e.g. "退回理由".
    pub fn parse(raw: &str, label: &str) -> Result<Reason, String> {
        crate::field::required_text(raw, label, Self::MAX_CHARS).map(Reason)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_required_and_bounded() {
        assert_eq!(
            Reason::parse("  ", "退回理由"),
            Err("请填写退回理由".into())
        );
        assert!(Reason::parse(&"字".repeat(2001), "退回理由").is_err());
        assert_eq!(
            Reason::parse(" 不属本单位职责 ", "x").unwrap().as_str(),
            "不属本单位职责"
        );
    }

    #[test]
    fn a_refusal_displays_its_message() {
        let refusal = Refusal::wrong_state("该交办已被撤回，不能再答复");
        assert_eq!(refusal.to_string(), "该交办已被撤回，不能再答复");
    }
}
