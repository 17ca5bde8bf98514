//! The relevance test set: realistic proposals and queries with the
//! proposals a person would expect at the top.

use search::{Doc, Index, Visibility};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    id: i64,
    org_path: String,
    year: i64,
    title: String,
    body: String,
    suggestions: String,
    answers: String,
    public: bool,
    state: String,
    category: String,
}

/// A query and the proposals that should come back in its top five.
#[derive(Deserialize)]
pub struct Judgement {
    pub query: String,
    pub expected: Vec<i64>,
}

pub fn proposals() -> Vec<Doc> {
    let rows: Vec<Row> = serde_json::from_str(include_str!("../data/proposals.json"))
        .expect("tests/data/proposals.json parses");
    rows.into_iter()
        .map(|r| Doc {
            id: r.id,
            org_path: r.org_path,
            year: r.year,
            title: r.title,
            body: r.body,
            suggestions: r.suggestions,
            answers: r.answers,
            public: r.public,
            state: r.state,
            category: r.category,
        })
        .collect()
}

pub fn judgements() -> Vec<Judgement> {
    serde_json::from_str(include_str!("../data/queries.json"))
        .expect("tests/data/queries.json parses")
}

/// An in-memory index holding the whole test set, committed.
pub fn index() -> Index {
    let index = Index::in_memory().expect("in-memory index");
    index.rebuild(proposals()).expect("rebuild");
    index
}

/// A proposal of the test set by id.
pub fn proposal(id: i64) -> Doc {
    proposals()
        .into_iter()
        .find(|p| p.id == id)
        .expect("proposal in the test set")
}

/// Ids of a result list, in order.
pub fn ids(hits: &[search::Hit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

pub fn everyone() -> Visibility {
    Visibility::All
}
