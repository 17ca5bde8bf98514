//! 意见建议 and 委员来信: items a proposal is turned into at review
//! (DOMAIN §2, 审查 → 转为意见建议 / 转委员来信). Both are "letters": the
//! member's text goes to staff, who forward it to a handling unit through
//! the shared tracking mechanism, the unit replies, staff accept the reply
//! and close the letter.
//!
//! ```text
//! Pending ─ Forward ─▶ Forwarded ─ (unit replies, staff accept) ─▶ Answered ─ Close ─▶ Closed
//! Pending ─ Close (with a note, nothing to forward) ─▶ Closed
//! ```
//!
//! The record is data ([`Letter`]) plus one function, [`apply`]; the unit's
//! steps are [`crate::tracking`]'s, unchanged.

mod apply;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::tracking::{AssignmentState, Rater, Tracking, TrackingPolicy};

pub use apply::{apply, Applied, LetterAction, LetterActor};

/// 意见建议 or 委员来信.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// 意见建议
    Suggestion,
    /// 委员来信
    Letter,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [LetterKind::Suggestion, LetterKind::Letter];

    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Suggestion => "suggestion",
            LetterKind::Letter => "letter",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LetterKind::Suggestion => "意见建议",
            LetterKind::Letter => "委员来信",
        }
    }

    pub fn from_code(code: &str) -> Option<LetterKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterStage {
    /// 待处理
    Pending,
    /// 已转交: with handling units through the tracking machine.
    Forwarded,
    /// 已回复: every answering unit's reply accepted by staff.
    Answered,
    /// 已办结
    Closed,
}

impl LetterStage {
    pub const ALL: [LetterStage; 4] = [
        LetterStage::Pending,
        LetterStage::Forwarded,
        LetterStage::Answered,
        LetterStage::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LetterStage::Pending => "pending",
            LetterStage::Forwarded => "forwarded",
            LetterStage::Answered => "answered",
            LetterStage::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LetterStage::Pending => "待处理",
            LetterStage::Forwarded => "已转交",
            LetterStage::Answered => "已回复",
            LetterStage::Closed => "已办结",
        }
    }

    pub fn from_code(code: &str) -> Option<LetterStage> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The badge colour lists use.
    pub fn colour(self) -> &'static str {
        match self {
            LetterStage::Pending => "blue",
            LetterStage::Forwarded => "orange",
            LetterStage::Answered => "yellow",
            LetterStage::Closed => "green",
        }
    }
}

/// The rules' record of one letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub kind: LetterKind,
    pub stage: LetterStage,
    pub tracking: Tracking,
    /// Staff's note when closing (办结说明), if any.
    pub closing_note: Option<String>,
}

impl Letter {
    /// A new letter. Nobody rates a letter's reply (the member is told and
    /// reads it), so the tracking has no raters and closes once every
    /// reply is accepted.
    pub fn new(kind: LetterKind) -> Letter {
        Letter {
            kind,
            stage: LetterStage::Pending,
            tracking: Tracking::new(Vec::<Rater>::new()),
            closing_note: None,
        }
    }

    /// The accepted replies, as (unit, text).
    pub fn replies(&self) -> Vec<(crate::UnitId, String)> {
        self.tracking
            .answering()
            .filter(|a| matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed))
            .filter_map(|a| a.answer.as_ref().map(|x| (a.unit, x.text.clone())))
            .collect()
    }
}

/// The tracking policy letters use: the organisation's own (its deadlines
/// and warnings), except that a letter's reply needs no separate first
/// contact (办前面商 is a proposal rule, DOMAIN §2 step 7).
pub fn policy_from(base: &TrackingPolicy) -> TrackingPolicy {
    TrackingPolicy {
        contact_before_answer: false,
        ..base.clone()
    }
}

/// How someone relates to a letter, after the role check
/// (`permission::check` with `WorkOnProposals`): staff and leaders of its
/// organisation or above, the members it comes from, and the units it was
/// forwarded to see it; `None` hides it (404).
pub fn relation(
    role: crate::Role,
    org_path: &crate::org::OrgPath,
    member: Option<crate::MemberId>,
    unit: Option<crate::UnitId>,
    letter_org: &crate::org::OrgPath,
    members: &[crate::MemberId],
    units: &[crate::UnitId],
) -> Option<LetterActor> {
    use crate::Role;
    let in_scope = org_path.contains(letter_org);
    match role {
        Role::Staff if in_scope => Some(LetterActor::Staff),
        Role::Leader if in_scope => Some(LetterActor::Reader),
        Role::Member => member
            .filter(|m| members.contains(m))
            .map(|_| LetterActor::Reader),
        Role::UnitClerk => unit.filter(|u| units.contains(u)).map(LetterActor::Unit),
        _ => None,
    }
}
