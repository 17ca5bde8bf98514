//! Searching: a user's query ([`Index::search`]) and the proposals most
//! like a draft ([`Index::similar`]). Both run one boolean query over the
//! four text fields, with the user's [`Visibility`] as a filter inside it.

use std::collections::HashMap;
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::Index;
use crate::schema::{stored_id, stored_text, Fields};
use crate::segment::{char_len, segment};
use crate::snippet::{extract, WeightedWord};
use crate::visibility::Visibility;

/// Most hits one call returns, whatever the caller asks.
pub const MAX_LIMIT: usize = 200;
/// How many of a draft's words make up a similarity query: enough to
/// describe the topic, few enough to stay fast on a large index.
const SIMILAR_TERMS: usize = 12;
/// A search word in fewer proposals than this always counts, however
/// small the index.
const COMMON_FLOOR: f32 = 5_000.0;

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: i64,
    /// Relevance; only comparable within one result list.
    pub score: f32,
    pub title: String,
    /// Up to about 80 characters around the matched words, with "…" where
    /// the text was cut.
    pub snippet: String,
    /// Byte ranges of `snippet` holding matched words, in order and not
    /// overlapping, for the page to mark.
    pub highlights: Vec<Range<usize>>,
}

impl Hit {
    /// The snippet cut into runs, each saying whether it matched: what a
    /// template needs to wrap matches in `<mark>` without raw HTML.
    pub fn snippet_parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for range in &self.highlights {
            let (Some(before), Some(marked)) = (
                self.snippet.get(at..range.start),
                self.snippet.get(range.clone()),
            ) else {
                continue;
            };
            if !before.is_empty() {
                parts.push((before, false));
            }
            parts.push((marked, true));
            at = range.end;
        }
        if let Some(rest) = self.snippet.get(at..).filter(|r| !r.is_empty()) {
            parts.push((rest, false));
        }
        parts
    }
}

impl Index {
    /// Proposals matching a free-text query, best first, among those
    /// `visibility` allows.
    pub fn search(&self, query: &str, visibility: &Visibility, limit: usize) -> Result<Vec<Hit>> {
        let searcher = self.searcher();
        let mut words: Vec<WeightedWord> = Vec::new();
        for word in segment(query) {
            if !words.iter().any(|(w, _)| *w == word) {
                let weight = idf(&searcher, &self.fields, &word)?.unwrap_or(0.0);
                words.push((word, weight));
            }
        }
        // BM25 already weighs rare words up; every query word counts once.
        // Words in more than a tenth of a large index (推进, 加强, 建议) add
        // next to nothing to the ranking but make up most of the postings a
        // query reads; they are left out unless every word is that common.
        let n = searcher.num_docs() as f32;
        let common = (n / 10.0).max(COMMON_FLOOR);
        let cut = (1.0 + (n - common + 0.5) / (common + 0.5)).ln();
        let telling: Vec<WeightedWord> = words
            .iter()
            .filter(|(_, idf)| *idf > cut)
            .map(|(w, _)| (w.clone(), 1.0))
            .collect();
        let boosts = if telling.is_empty() {
            words.iter().map(|(w, _)| (w.clone(), 1.0)).collect()
        } else {
            telling
        };
        self.run(&searcher, &boosts, &words, None, visibility, limit)
    }

    /// Earlier proposals most like a draft's title and body, best first.
    pub fn similar(&self, text: &str, visibility: &Visibility, limit: usize) -> Result<Vec<Hit>> {
        self.similar_excluding(text, None, visibility, limit)
    }

    /// [`Index::similar`] leaving out one proposal: the one being drafted
    /// or reviewed, when it is in the index itself.
    pub fn similar_excluding(
        &self,
        text: &str,
        exclude: Option<i64>,
        visibility: &Visibility,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let searcher = self.searcher();
        let words = key_words(&searcher, &self.fields, text)?;
        let boosts: Vec<WeightedWord> = words
            .iter()
            .map(|(w, _, tf)| (w.clone(), 1.0 + tf.ln()))
            .collect();
        let weights: Vec<WeightedWord> = words.into_iter().map(|(w, s, _)| (w, s)).collect();
        self.run(&searcher, &boosts, &weights, exclude, visibility, limit)
    }

    /// Runs the OR of `boosts` over the text fields under `visibility`;
    /// `weights` rank the words for snippets.
    fn run(
        &self,
        searcher: &Searcher,
        boosts: &[WeightedWord],
        weights: &[WeightedWord],
        exclude: Option<i64>,
        visibility: &Visibility,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let limit = limit.min(MAX_LIMIT);
        if limit == 0 || boosts.is_empty() {
            return Ok(Vec::new());
        }
        let f = &self.fields;
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (word, boost) in boosts {
            for (field, weight) in f.weighted_text() {
                let term = TermQuery::new(
                    Term::from_field_text(field, word),
                    IndexRecordOption::WithFreqs,
                );
                should.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(term), weight * boost)),
                ));
            }
        }
        let text: Box<dyn Query> = Box::new(BooleanQuery::new(should));
        let filter = visibility.filter(f, searcher);
        let query: Box<dyn Query> = if filter.is_none() && exclude.is_none() {
            // A pure disjunction lets tantivy skip blocks that cannot reach
            // the top `limit` (block-max WAND).
            text
        } else {
            let mut clauses = vec![(Occur::Must, text)];
            if let Some(filter) = filter {
                // Scored zero: who may see a proposal says nothing about
                // how relevant it is.
                clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
            }
            if let Some(id) = exclude {
                let term = Term::from_field_i64(f.id, id);
                clauses.push((
                    Occur::MustNot,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
            Box::new(BooleanQuery::new(clauses))
        };
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let texts = [
                stored_text(&doc, f.body),
                stored_text(&doc, f.suggestions),
                stored_text(&doc, f.answers),
            ];
            let snippet = extract(&texts, weights);
            hits.push(Hit {
                id: stored_id(f, &doc)?,
                score,
                title: stored_text(&doc, f.title).to_owned(),
                snippet: snippet.text,
                highlights: snippet.highlights,
            });
        }
        Ok(hits)
    }
}

/// The draft's most telling words, TF-IDF against the index: words of two
/// or more characters that the index holds, as (word, tf-idf, tf).
fn key_words(searcher: &Searcher, fields: &Fields, text: &str) -> Result<Vec<(String, f32, f32)>> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for word in segment(text) {
        if char_len(&word) >= 2 {
            *counts.entry(word).or_default() += 1;
        }
    }
    let mut scored = Vec::with_capacity(counts.len());
    for (word, tf) in counts {
        if let Some(idf) = idf(searcher, fields, &word)? {
            let tf = tf as f32;
            scored.push((word, (1.0 + tf.ln()) * idf, tf));
        }
    }
    // Ties broken by the word, so a draft always gives the same query.
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored.truncate(SIMILAR_TERMS);
    Ok(scored)
}

/// BM25's inverse document frequency of a word in titles or the rest,
/// whichever is commoner; `None` if no item has it.
fn idf(searcher: &Searcher, fields: &Fields, word: &str) -> Result<Option<f32>> {
    let mut df = 0;
    for field in [fields.title, fields.content] {
        df = df.max(searcher.doc_freq(&Term::from_field_text(field, word))?);
    }
    if df == 0 {
        return Ok(None);
    }
    let n = searcher.num_docs() as f32;
    let df = df as f32;
    Ok(Some((1.0 + (n - df + 0.5) / (df + 0.5)).ln()))
}
