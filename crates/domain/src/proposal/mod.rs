//! Proposals (提案), the core business (DOMAIN §2): who proposes, what a
//! proposal says, and its lifecycle from draft to 办结 as data
//! ([`Proposal`], [`Stage`]) plus one function, [`apply`].
//!
//! ```text
//! Draft ─ Submit ─┬─▶ CollectingCosigners ─ (all answered | CloseCosigning) ─┐
//!                 └──────────────────────────────────────────────────────────┴▶ Submitted
//! Submitted ─ StartReview ─▶ UnderReview ─┬─ File ─▶ Filed      ─┐
//!                                         ├─ Merge ─▶ Merged    ─┴─ Track(Assign) ─▶ Assigned …
//!                                         ├─ Decline ─▶ NotFiled
//!                                         ├─ Convert ─▶ Converted
//!                                         └─ SendBack ─▶ ReturnedForChanges ─ Submit ─▶ Submitted
//! Draft … UnderReview, ReturnedForChanges ─ Withdraw ─▶ Withdrawn
//! Assigned ─▶ Handling ─▶ Answered ─▶ Rating ─(不满意)─▶ Rehandling ─▶ … ─ Close ─▶ Closed
//! ```
//!
//! From assignment on, the units' work is the shared [`crate::tracking`]
//! machine: `Action::Track` delegates to it and the stage is worked out from
//! the assignments ([`handling_stage`]).

mod action;
mod apply;
mod content;
mod number;
mod review;
mod stage;
pub mod stats;
mod steps;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::calendar::iso_date;
use crate::tracking::{Period, Rater, Tracking};
use crate::{MemberId, OrgId, ProposalId, TermId, UserId};

pub use action::{Action, ActionKind, Actor, Applied, Context, Relation, Transition, Who};
pub use apply::{apply, create};
pub use content::{
    default_categories, Category, ProposalContent, ProposalInput, ProposalTitle, SectionText,
    ANALYSIS_CHARS, DEFAULT_CATEGORIES, MAX_SUGGESTED_UNITS, SUGGESTIONS_CHARS,
};
pub use number::ProposalNumber;
pub use review::{
    ConversionKind, DeclineReason, KeyProposal, LinkedItem, MergeTarget, SupervisionKind,
};
pub use stage::{handling_stage, Stage};
pub use stats::{ProposalStats, Rate, StatsInput};

/// The kind of body that may make a collective proposal (集体提案).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// 民主党派
    DemocraticParty,
    /// 人民团体
    PeopleOrganisation,
    /// 界别
    Sector,
    /// 专门委员会
    SpecialCommittee,
    /// 委员工作站 (where local rules allow)
    WorkStation,
}

impl BodyKind {
    pub const ALL: [BodyKind; 5] = [
        BodyKind::DemocraticParty,
        BodyKind::PeopleOrganisation,
        BodyKind::Sector,
        BodyKind::SpecialCommittee,
        BodyKind::WorkStation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::DemocraticParty => "democratic_party",
            BodyKind::PeopleOrganisation => "people_organisation",
            BodyKind::Sector => "sector",
            BodyKind::SpecialCommittee => "special_committee",
            BodyKind::WorkStation => "work_station",
        }
    }

    /// Accepts the code or the Chinese label.
    pub fn parse(raw: &str) -> Option<BodyKind> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.code() == raw || k.label() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            BodyKind::DemocraticParty => "民主党派",
            BodyKind::PeopleOrganisation => "人民团体",
            BodyKind::Sector => "界别",
            BodyKind::SpecialCommittee => "专门委员会",
            BodyKind::WorkStation => "委员工作站",
        }
    }
}

/// Who makes the proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proposer {
    /// A member: alone (个人提案) or as 第一提案人 with co-signers (联名提案).
    Member(MemberId),
    /// A body (集体提案), drafted and rated by the body's staff account.
    Body { kind: BodyKind, name: String },
}

/// 个人提案, 联名提案 or 集体提案, for lists and statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposerKind {
    Individual,
    Joint,
    Collective,
}

impl ProposerKind {
    pub fn label(self) -> &'static str {
        match self {
            ProposerKind::Individual => "个人提案",
            ProposerKind::Joint => "联名提案",
            ProposerKind::Collective => "集体提案",
        }
    }
}

/// Where an invited co-signer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CosignStatus {
    Invited,
    Confirmed,
    Declined,
    /// Did not answer before the window closed.
    Lapsed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cosigner {
    pub member: MemberId,
    pub status: CosignStatus,
}

/// The per-organisation settings of the proposal business line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProposalPolicy {
    /// Co-signers confirm within this *(assumed: 3 days)*.
    pub cosign_window: Period,
    /// The most co-signers one proposal may invite *(assumed)*.
    pub max_cosigners: usize,
    /// The category dictionary.
    pub categories: Vec<String>,
}

impl Default for ProposalPolicy {
    fn default() -> Self {
        ProposalPolicy {
            cosign_window: Period::Days(3),
            max_cosigners: 30,
            categories: default_categories(),
        }
    }
}

/// One proposal as the rules see it. The text lives beside it (the caller
/// keeps the draft form and the submitted [`ProposalContent`]); nothing here
/// needs it to decide what may happen next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: ProposalId,
    pub org: OrgId,
    pub term: TermId,
    pub year: i32,
    pub proposer: Proposer,
    /// The account that drafts and submits: the member's own, or the
    /// body's staff account.
    pub author_account: UserId,
    pub cosigners: Vec<Cosigner>,
    /// The last day co-signers may confirm, once collecting.
    #[serde(with = "iso_date::option")]
    pub cosign_deadline: Option<Date>,
    pub stage: Stage,
    pub number: Option<ProposalNumber>,
    pub merged_into: Option<ProposalId>,
    pub converted_to: Option<LinkedItem>,
    pub not_filed_reason: Option<DeclineReason>,
    pub key: Option<KeyProposal>,
    /// Selected as 优秀提案.
    pub excellent: bool,
    /// The units' work, from assignment on.
    pub tracking: Tracking,
    /// +1 on every applied action; the store updates `WHERE version = old`
    /// so that of two staff acting at once, the second gets a conflict.
    pub version: u64,
}

impl Proposal {
    pub fn kind(&self) -> ProposerKind {
        match self.proposer {
            Proposer::Body { .. } => ProposerKind::Collective,
            Proposer::Member(_) => {
                let joint = self
                    .cosigners
                    .iter()
                    .any(|c| matches!(c.status, CosignStatus::Invited | CosignStatus::Confirmed));
                if joint {
                    ProposerKind::Joint
                } else {
                    ProposerKind::Individual
                }
            }
        }
    }

    /// The members who stand behind the proposal now: the initiator and the
    /// co-signers who confirmed.
    pub fn proposers(&self) -> Vec<MemberId> {
        let mut members = Vec::new();
        if let Proposer::Member(initiator) = self.proposer {
            members.push(initiator);
        }
        members.extend(
            self.cosigners
                .iter()
                .filter(|c| c.status == CosignStatus::Confirmed)
                .map(|c| c.member),
        );
        members
    }

    /// Everyone who rates each answering unit: every proposer, or the body's
    /// account for a collective proposal.
    pub fn raters(&self) -> Vec<Rater> {
        match self.proposer {
            Proposer::Body { .. } => vec![Rater::Account(self.author_account)],
            Proposer::Member(_) => self.proposers().into_iter().map(Rater::Member).collect(),
        }
    }

    /// The rater this actor rates as, if they are one.
    pub fn rater_for(&self, who: &Who) -> Option<Rater> {
        self.raters().into_iter().find(|rater| match rater {
            Rater::Member(m) => who.member == Some(*m),
            Rater::Account(u) => who.user == Some(*u),
            Rater::Citizen => false,
        })
    }

    pub fn is_author(&self, who: &Who) -> bool {
        who.user == Some(self.author_account)
            || matches!(self.proposer, Proposer::Member(m) if who.member == Some(m))
    }
}
