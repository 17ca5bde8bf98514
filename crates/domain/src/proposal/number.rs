//! The proposal number (提案编号): issued at filing, in sequence per term and
//! year of one organisation, printed as 第0123号.

use serde::{Deserialize, Serialize};

use crate::TermId;

/// A filed proposal's number. Numbers run 1, 2, 3 … per term (届, which
/// belongs to one organisation) and year, with no gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProposalNumber {
    pub term: TermId,
    pub year: i32,
    pub seq: u32,
}

impl ProposalNumber {
    /// The number after `last`, the highest issued so far in the organisation
    /// (`None` when none has been). A new term or year starts again at 1.
    ///
    /// The store reads `last` for this term and year inside the filing
    /// transaction and keeps (term, year, seq) unique, so two staff filing at
    /// once cannot get the same number.
    pub fn next_after(last: Option<ProposalNumber>, term: TermId, year: i32) -> ProposalNumber {
        let seq = match last {
            Some(last) if last.term == term && last.year == year => last.seq.saturating_add(1),
            _ => 1,
        };
        ProposalNumber { term, year, seq }
    }

    /// Reads the sequence back from `第0123号`, `0123` or `123`.
    pub fn parse_seq(raw: &str) -> Option<u32> {
        let raw = raw.trim();
        let digits = raw
            .strip_prefix('第')
            .and_then(|r| r.strip_suffix('号'))
            .unwrap_or(raw);
        digits.parse::<u32>().ok().filter(|n| *n > 0)
    }
}

impl std::fmt::Display for ProposalNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第{:04}号", self.seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIXTH: TermId = TermId(6);

    #[test]
    fn numbers_print_with_four_digits() {
        let number = ProposalNumber {
            term: SIXTH,
            year: 2026,
            seq: 123,
        };
        assert_eq!(number.to_string(), "第0123号");
        assert_eq!(
            ProposalNumber {
                seq: 12_345,
                ..number
            }
            .to_string(),
            "第12345号"
        );
        assert_eq!(ProposalNumber::parse_seq("第0123号"), Some(123));
        assert_eq!(ProposalNumber::parse_seq("0123"), Some(123));
        assert_eq!(ProposalNumber::parse_seq("第零号"), None);
    }

    #[test]
    fn numbering_restarts_each_term_and_year() {
        let first = ProposalNumber::next_after(None, SIXTH, 2026);
        assert_eq!(first.seq, 1);
        let second = ProposalNumber::next_after(Some(first), SIXTH, 2026);
        assert_eq!(second.seq, 2);
        assert_eq!(ProposalNumber::next_after(Some(second), SIXTH, 2027).seq, 1);
        assert_eq!(
            ProposalNumber::next_after(Some(second), TermId(7), 2026).seq,
            1
        );
    }
}
