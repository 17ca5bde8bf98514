//! Who may see what, as a tantivy filter that runs inside the query: a
//! search never scores, let alone returns, a proposal the user may not see,
//! and a page of results is never short because hits were dropped
//! afterwards.

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::schema::{canonical_org, Fields};

/// The proposals a user may see. Built by the caller from the user's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    /// Every indexed proposal: system work and the top-level committee.
    All,
    /// Proposals of one organisation subtree, plus some named ones.
    Scope {
        /// Organisation path whose subtree is visible; "/" is every
        /// organisation.
        org_prefix: String,
        /// Whether proposals not marked public are visible too (staff).
        include_private: bool,
        /// Proposals visible whatever their organisation, state or
        /// publicity: the user's own and those they co-signed.
        always_visible_ids: Vec<i64>,
        /// States hidden from the subtree (e.g. a draft nobody else should
        /// see); still visible through `always_visible_ids`.
        hidden_states: Vec<String>,
    },
}

impl Visibility {
    /// Staff of an organisation: everything in its subtree.
    pub fn staff(org_prefix: impl Into<String>) -> Self {
        Visibility::Scope {
            org_prefix: org_prefix.into(),
            include_private: true,
            always_visible_ids: Vec::new(),
            hidden_states: Vec::new(),
        }
    }

    /// A member: public proposals in the subtree plus their own.
    pub fn member(org_prefix: impl Into<String>, own_ids: Vec<i64>) -> Self {
        Visibility::Scope {
            org_prefix: org_prefix.into(),
            include_private: false,
            always_visible_ids: own_ids,
            hidden_states: Vec::new(),
        }
    }

    /// The same visibility, with proposals in these states hidden unless
    /// named in `always_visible_ids`. No effect on [`Visibility::All`].
    #[must_use]
    pub fn hiding_states<S: Into<String>>(mut self, states: impl IntoIterator<Item = S>) -> Self {
        if let Visibility::Scope { hidden_states, .. } = &mut self {
            hidden_states.extend(states.into_iter().map(Into::into));
        }
        self
    }

    /// The filter matching exactly the visible proposals, or `None` when
    /// everything is visible (no filter keeps the fastest query plan). A
    /// condition every document of `searcher` meets (the whole index is one
    /// committee tree, every item is public) is left out for the same
    /// reason.
    pub(crate) fn filter(&self, fields: &Fields, searcher: &Searcher) -> Option<Box<dyn Query>> {
        let Visibility::Scope {
            org_prefix,
            include_private,
            always_visible_ids,
            hidden_states,
        } = self
        else {
            return None;
        };
        let mut scope: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut require = |term: Term| {
            if !in_every_document(searcher, &term) {
                scope.push((Occur::Must, basic(term)));
            }
        };
        if let Some(org) = canonical_org(org_prefix) {
            require(Term::from_field_text(fields.org, &org));
        }
        if !include_private {
            require(Term::from_field_bool(fields.public, true));
        }
        if scope.is_empty() && hidden_states.is_empty() {
            return None;
        }
        if scope.is_empty() {
            // A boolean query made only of exclusions matches nothing.
            scope.push((Occur::Must, Box::new(AllQuery)));
        }
        for state in hidden_states {
            let term = Term::from_field_text(fields.state, state);
            scope.push((Occur::MustNot, basic(term)));
        }
        let scope: Box<dyn Query> = Box::new(BooleanQuery::new(scope));
        if always_visible_ids.is_empty() {
            return Some(scope);
        }
        let own = TermSetQuery::new(
            always_visible_ids
                .iter()
                .map(|id| Term::from_field_i64(fields.id, *id)),
        );
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Should, scope),
            (Occur::Should, Box::new(own)),
        ])))
    }
}

/// Whether every document, deleted ones included, holds `term`: then it
/// cannot tell visible from hidden. (Counting deleted documents errs on the
/// side of keeping the condition.)
fn in_every_document(searcher: &Searcher, term: &Term) -> bool {
    let all: u64 = searcher
        .segment_readers()
        .iter()
        .map(|r| u64::from(r.max_doc()))
        .sum();
    all > 0 && searcher.doc_freq(term).is_ok_and(|df| df == all)
}

fn basic(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}
