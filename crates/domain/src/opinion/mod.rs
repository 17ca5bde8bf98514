//! 社情民意信息 (social-conditions reports, DOMAIN §3): a short report on one
//! matter, as data ([`Opinion`], [`Stage`]) plus one function, [`apply`].
//!
//! ```text
//! Draft ─ Submit ─▶ Submitted ─ Edit ─▶ Editing ─ Review ─▶ Reviewed ─ SignOff ─▶ SignedOff ─┬─ Adopt ─▶ Adopted
//!   │                  └──────── Review ────────────┘                                       └─ Keep  ─▶ Kept
//!   └─ Withdraw (Draft, Submitted) ─▶ Withdrawn        Keep also from Submitted … Reviewed
//! (a proposal converted at review starts at Submitted, see [`convert_from_proposal`])
//! ```
//!
//! The text as the author submitted it ([`Opinion::original`]) is kept for
//! good; staff edits go to [`Opinion::edited`] beside it.

mod apply;
pub mod diff;
mod stage;
#[cfg(test)]
mod tests;
mod text;
pub mod upward;

use serde::{Deserialize, Serialize};

use crate::{MemberId, OpinionId, OrgId, ProposalId, UserId};

pub use apply::{apply, convert_from_proposal, create};
pub use stage::{Action, ActionKind, Stage};
pub use text::{
    parse_target, OpinionInput, OpinionPolicy, OpinionSettings, OpinionText, SECTION_CHARS,
    TITLE_CHARS,
};

/// Who sends the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Member(MemberId),
    /// A staff account of the committee.
    Staff(UserId),
    /// A members' work station, by name; its account drafts.
    Station {
        name: String,
    },
    /// A body (民主党派、人民团体、界别…), e.g. from a collective proposal.
    Body {
        name: String,
    },
}

/// One report as the rules see it, with its texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    pub id: OpinionId,
    pub org: OrgId,
    pub year: i32,
    pub author: Author,
    /// The account that drafts and submits.
    pub author_account: UserId,
    pub coauthors: Vec<MemberId>,
    pub stage: Stage,
    /// The draft, while a draft; afterwards the same as `original`.
    pub text: OpinionText,
    /// The text as submitted, never changed afterwards.
    pub original: Option<OpinionText>,
    /// Staff's edited text (编辑加工), if edited.
    pub edited: Option<OpinionText>,
    /// The proposal this report was converted from at review.
    pub from_proposal: Option<ProposalId>,
    /// The lower committee's report this one was sent up from (上报).
    #[serde(default)]
    pub reported_from: Option<OpinionId>,
    /// +1 on every applied action, for the store's optimistic check.
    pub version: u64,
}

impl Opinion {
    /// The text as it now reads: the edited one if staff edited it.
    pub fn current(&self) -> &OpinionText {
        self.edited
            .as_ref()
            .or(self.original.as_ref())
            .unwrap_or(&self.text)
    }

    pub fn is_author(&self, who: &Who) -> bool {
        who.user == Some(self.author_account)
            || matches!(self.author, Author::Member(m) if who.member == Some(m))
    }

    /// Whether a member may read it: its author or a co-author.
    pub fn involves(&self, who: &Who) -> bool {
        self.is_author(who) || who.member.is_some_and(|m| self.coauthors.contains(&m))
    }
}

/// Who is acting. The caller checks that staff belong to the report's
/// organisation or an ancestor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    pub user: Option<UserId>,
    pub member: Option<MemberId>,
    /// Staff of the organisation's 社情民意 work.
    pub staff: bool,
}

/// The relation under which an action was allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Author,
    Staff,
}

/// What the machine needs besides the record.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Seconds since the Unix epoch.
    pub at: i64,
    pub policy: &'a OpinionPolicy,
}

/// The history record of one applied action (append-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub from: Option<Stage>,
    pub to: Stage,
    pub kind: ActionKind,
    pub user: Option<UserId>,
    pub relation: Relation,
    pub at: i64,
    pub comment: Option<String>,
}

/// An accepted action: the record to store, its history entry and any
/// warnings to show (e.g. longer than recommended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Opinion,
    pub transition: Transition,
    pub warnings: Vec<String>,
}
