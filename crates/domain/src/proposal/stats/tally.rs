//! The arithmetic of one group of proposals: [`Tally`] counts, [`Rate`]
//! divides without ever dividing by zero.

use std::fmt;

use time::Date;

use super::is_overdue;
use crate::proposal::{Proposal, Stage};
use crate::tracking::{AnswerClass, Assignment, AssignmentState};

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

    pub(super) fn add_proposal(&mut self, p: &Proposal) {
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

    pub(super) fn add_assignment(&mut self, a: &Assignment, today: Date) {
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
