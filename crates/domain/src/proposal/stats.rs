//! 提案统计: what leaders and staff see for a term and year. Pure arithmetic
//! over the rules' records ([`compute`]); the store loads them and the web
//! draws them. Every rate is a ratio of whole numbers ([`Rate`]), so a page
//! can show how it was reached, and nothing is divided by zero.
//!
//! The definitions:
//! - **counted**: every proposal except drafts and those still collecting
//!   co-signers, which are the members' own ([`counts_in_statistics`]);
//! - **收到 (submitted)**: counted and not withdrawn. A withdrawn proposal
//!   (撤案) never got the committee's decision, and the record does not
//!   keep whether it was withdrawn before or after it was handed in, so it
//!   is left out of both sides of 立案率. Proposals still waiting (已提交,
//!   审查中, 退回修改) are in: they were received;
//! - **立案率** = filed ÷ submitted, where filed is [`Stage::is_filed`]
//!   (立案 or 并案, and every handling stage after);
//! - **按时答复率** = answering assignments (单办, 主办, 分办) whose first
//!   answer was accepted by its due date ÷ answering assignments whose first
//!   answer was accepted. A later re-handling does not change it;
//! - **答复类别**: the class of each answer that stands accepted (已答复 or
//!   办结) on a live answering assignment;
//! - **满意率** = (满意 + 基本满意) ÷ every rating of a current answer;
//! - **逾期**: a live answering assignment still awaiting its answer whose
//!   due date is before today.

use std::collections::HashMap;

use time::Date;

use super::{Proposal, ProposalNumber, ProposerKind, Stage};
use crate::tracking::Assignment;
use crate::{OrgId, ProposalId, Role, SectorId, UnitId};

mod tally;

pub use tally::{Rate, Tally};

/// The category row of proposals without one.
pub const UNCATEGORISED: &str = "未分类";
/// The key of the 界别 row of collective proposals, which have no member.
pub const SECTOR_COLLECTIVE: &str = "collective";
/// The key of the 界别 row of members whose sector is not filled in.
pub const SECTOR_NONE: &str = "none";

/// One proposal as statistics see it: the rules' record plus the facts kept
/// beside it.
#[derive(Debug, Clone)]
pub struct StatsInput {
    /// The organisation the proposal counts under: for a city's view of its
    /// districts, the district (child organisation) it belongs to.
    pub org: OrgId,
    pub org_name: String,
    pub category: String,
    /// 案由, for the overdue list.
    pub title: String,
    /// The 界别 of the initiating member (第一提案人), if filled in; a
    /// collective proposal has none and counts under 集体提案.
    pub sector: Option<MemberSector>,
    pub proposal: Proposal,
}

/// A member's sector (界别), by id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSector {
    pub id: SectorId,
    pub name: String,
}

/// The 界别 row a proposal counts under: (key, label).
fn sector_row(r: &StatsInput) -> (String, String) {
    match (&r.sector, r.proposal.kind()) {
        (_, ProposerKind::Collective) => (SECTOR_COLLECTIVE.into(), "集体提案".into()),
        (Some(s), _) => (s.id.0.to_string(), s.name.clone()),
        (None, _) => (SECTOR_NONE.into(), "未填界别".into()),
    }
}

/// Who sees proposal statistics: the committee's staff and its leaders,
/// each for their own organisation's subtree.
pub fn may_view(role: Role) -> bool {
    matches!(role, Role::Staff | Role::Leader)
}

/// Whether a proposal in this stage is counted at all: drafts and proposals
/// still collecting co-signers are private to their members.
pub fn counts_in_statistics(stage: Stage) -> bool {
    !matches!(stage, Stage::Draft | Stage::CollectingCosigners)
}

/// A live answering assignment still awaiting its answer, past its due date.
pub fn is_overdue(a: &Assignment, today: Date) -> bool {
    a.is_answering() && a.state.awaits_answer() && today > a.due
}

/// One row of a breakdown: a category, unit, organisation or proposer kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row is, for links: the category name, the unit or
    /// organisation id, or the proposer kind's code.
    pub key: String,
    pub label: String,
    pub tally: Tally,
}

/// One overdue assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub proposal: ProposalId,
    pub number: Option<ProposalNumber>,
    pub title: String,
    pub org_name: String,
    pub unit: UnitId,
    pub unit_name: String,
    pub due: Date,
    /// Calendar days past the due date.
    pub days_late: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalStats {
    pub totals: Tally,
    pub by_category: Vec<Row>,
    /// Per organisation: a city's districts side by side.
    pub by_org: Vec<Row>,
    /// Per 界别 of the initiating member; collective proposals in a row of
    /// their own ([`SECTOR_COLLECTIVE`]), members without a sector in
    /// another ([`SECTOR_NONE`]).
    pub by_sector: Vec<Row>,
    /// 个人, 联名, 集体, always in that order.
    pub by_kind: Vec<Row>,
    /// Per handling unit, over the proposals it holds.
    pub by_unit: Vec<Row>,
    /// Most overdue first.
    pub overdue: Vec<Overdue>,
}

/// The statistics of `records` as of `today`. Records not counted (drafts)
/// are skipped; `unit_name` names a handling unit.
pub fn compute(
    records: &[StatsInput],
    today: Date,
    unit_name: impl Fn(UnitId) -> String,
) -> ProposalStats {
    let mut stats = ProposalStats::default();
    let mut categories: HashMap<&str, Tally> = HashMap::new();
    let mut orgs: HashMap<OrgId, (&str, Tally)> = HashMap::new();
    let mut kinds: HashMap<ProposerKind, Tally> = HashMap::new();
    let mut sectors: HashMap<String, (String, Tally)> = HashMap::new();
    let mut units: HashMap<UnitId, Tally> = HashMap::new();
    for r in records
        .iter()
        .filter(|r| counts_in_statistics(r.proposal.stage))
    {
        let p = &r.proposal;
        let category = r.category.trim();
        let category = if category.is_empty() {
            UNCATEGORISED
        } else {
            category
        };
        let org = &mut orgs
            .entry(r.org)
            .or_insert((&r.org_name, Tally::default()))
            .1;
        let (sector_key, sector_label) = sector_row(r);
        let sector = &mut sectors
            .entry(sector_key)
            .or_insert((sector_label, Tally::default()))
            .1;
        let groups = [
            &mut stats.totals,
            categories.entry(category).or_default(),
            org,
            kinds.entry(p.kind()).or_default(),
            sector,
        ];
        for tally in groups {
            tally.add_proposal(p);
            for a in &p.tracking.assignments {
                tally.add_assignment(a, today);
            }
        }
        // A unit's row holds each proposal it has a live assignment on.
        let mut held: Vec<UnitId> = p.tracking.live().map(|a| a.unit).collect();
        held.sort();
        held.dedup();
        for unit in held {
            let tally = units.entry(unit).or_default();
            tally.add_proposal(p);
            for a in p.tracking.assignments.iter().filter(|a| a.unit == unit) {
                tally.add_assignment(a, today);
            }
        }
        for a in p
            .tracking
            .assignments
            .iter()
            .filter(|a| is_overdue(a, today))
        {
            stats.overdue.push(Overdue {
                proposal: p.id,
                number: p.number,
                title: r.title.clone(),
                org_name: r.org_name.clone(),
                unit: a.unit,
                unit_name: unit_name(a.unit),
                due: a.due,
                days_late: (today - a.due).whole_days(),
            });
        }
    }
    stats.by_category = rows(
        categories
            .into_iter()
            .map(|(c, t)| (c.to_string(), c.to_string(), t)),
    );
    stats.by_org = rows(
        orgs.into_iter()
            .map(|(id, (name, t))| (id.0.to_string(), name.to_string(), t)),
    );
    stats.by_sector = rows(sectors.into_iter().map(|(key, (label, t))| (key, label, t)));
    stats.by_unit = rows(
        units
            .into_iter()
            .map(|(id, t)| (id.0.to_string(), unit_name(id), t)),
    );
    stats.by_kind = [
        ProposerKind::Individual,
        ProposerKind::Joint,
        ProposerKind::Collective,
    ]
    .into_iter()
    .map(|kind| Row {
        key: kind_code(kind).to_string(),
        label: kind.label().to_string(),
        tally: kinds.remove(&kind).unwrap_or_default(),
    })
    .collect();
    stats.overdue.sort_by(|a, b| {
        (b.days_late, a.proposal.0, a.unit.0).cmp(&(a.days_late, b.proposal.0, b.unit.0))
    });
    stats
}

/// Largest first (by proposals, then assignments), then by name, so a
/// chart reads from the top and equal rows keep one order.
fn rows(groups: impl Iterator<Item = (String, String, Tally)>) -> Vec<Row> {
    let mut rows: Vec<Row> = groups
        .map(|(key, label, tally)| Row { key, label, tally })
        .collect();
    rows.sort_by(|a, b| {
        (b.tally.proposals, b.tally.assignments, &a.label, &a.key).cmp(&(
            a.tally.proposals,
            a.tally.assignments,
            &b.label,
            &b.key,
        ))
    });
    rows
}

fn kind_code(kind: ProposerKind) -> &'static str {
    match kind {
        ProposerKind::Individual => "individual",
        ProposerKind::Joint => "joint",
        ProposerKind::Collective => "collective",
    }
}

#[cfg(test)]
mod tests;
