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
use std::fmt;

use time::Date;

use super::{Proposal, ProposalNumber, ProposerKind, Stage};
use crate::tracking::{AnswerClass, Assignment, AssignmentState};
use crate::{OrgId, ProposalId, Role, UnitId};

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
    pub proposal: Proposal,
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

/// A rate as numerator ÷ denominator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    pub numerator: u64,
    pub denominator: u64,
}

impl Rate {
    pub fn new(numerator: u64, denominator: u64) -> Rate {
        Rate {
            numerator,
            denominator,
        }
    }

    /// Tenths of a percent, rounded half up; `None` when nothing to divide by.
    pub fn per_mille(self) -> Option<u64> {
        (self.denominator > 0).then(|| {
            (self.numerator.saturating_mul(2000) + self.denominator) / (2 * self.denominator)
        })
    }
}

/// `66.7%`, or `—` when the denominator is 0.
impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.per_mille() {
            Some(p) => write!(f, "{}.{}%", p / 10, p % 10),
            None => f.write_str("—"),
        }
    }
}

/// The measures of one group of proposals (or of one unit's assignments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Proposals counted (see [`counts_in_statistics`]).
    pub proposals: u64,
    /// Per stage, in [`Stage::ALL`] order.
    stages: [u64; Stage::ALL.len()],
    pub submitted: u64,
    pub filed: u64,
    /// Live assignments (交办), co-units (会办) included.
    pub assignments: u64,
    /// Answering assignments whose first answer was accepted.
    pub answered: u64,
    /// … of which by the due date.
    pub on_time: u64,
    /// Answers standing accepted, by class, in [`AnswerClass::ALL`] order.
    classes: [u64; 3],
    /// Ratings of current answers.
    pub ratings: u64,
    /// … of which 满意 or 基本满意.
    pub satisfied: u64,
    pub overdue: u64,
}

impl Tally {
    pub fn stage(&self, stage: Stage) -> u64 {
        Stage::ALL
            .iter()
            .position(|s| *s == stage)
            .map_or(0, |i| self.stages[i])
    }

    pub fn filing_rate(&self) -> Rate {
        Rate::new(self.filed, self.submitted)
    }

    pub fn on_time_rate(&self) -> Rate {
        Rate::new(self.on_time, self.answered)
    }

    pub fn satisfaction_rate(&self) -> Rate {
        Rate::new(self.satisfied, self.ratings)
    }

    pub fn class_count(&self, class: AnswerClass) -> u64 {
        self.classes[class_index(class)]
    }

    /// Answers standing accepted, every class.
    pub fn accepted(&self) -> u64 {
        self.classes.iter().sum()
    }

    /// This class's share of the accepted answers.
    pub fn class_share(&self, class: AnswerClass) -> Rate {
        Rate::new(self.class_count(class), self.accepted())
    }

    fn add_proposal(&mut self, p: &Proposal) {
        self.proposals += 1;
        if let Some(i) = Stage::ALL.iter().position(|s| *s == p.stage) {
            self.stages[i] += 1;
        }
        if p.stage != Stage::Withdrawn {
            self.submitted += 1;
        }
        if p.stage.is_filed() {
            self.filed += 1;
        }
    }

    fn add_assignment(&mut self, a: &Assignment, today: Date) {
        if a.is_live() {
            self.assignments += 1;
        }
        if a.role.answers() {
            if let Some(on_time) = a.answered_on_time {
                self.answered += 1;
                self.on_time += u64::from(on_time);
            }
        }
        if !a.is_answering() {
            return;
        }
        let accepted = matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed);
        if let (true, Some(answer)) = (accepted, &a.answer) {
            self.classes[class_index(answer.class)] += 1;
        }
        for rating in a.current_ratings() {
            self.ratings += 1;
            self.satisfied += u64::from(rating.feedback.satisfaction.counts_as_satisfied());
        }
        if is_overdue(a, today) {
            self.overdue += 1;
        }
    }
}

fn class_index(class: AnswerClass) -> usize {
    match class {
        AnswerClass::A => 0,
        AnswerClass::B => 1,
        AnswerClass::C => 2,
    }
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
    let mut units: HashMap<UnitId, Tally> = HashMap::new();
    for r in records
        .iter()
        .filter(|r| counts_in_statistics(r.proposal.stage))
    {
        let p = &r.proposal;
        let category = r.category.trim();
        let category = if category.is_empty() {
            "未分类"
        } else {
            category
        };
        let org = &mut orgs
            .entry(r.org)
            .or_insert((&r.org_name, Tally::default()))
            .1;
        let groups = [
            &mut stats.totals,
            categories.entry(category).or_default(),
            org,
            kinds.entry(p.kind()).or_default(),
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
