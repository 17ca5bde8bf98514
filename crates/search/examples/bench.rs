//! Search benchmark on synthetic proposals varied from the relevance test
//! set: `cargo run --release -p search --example bench -- [DOCS] [DIR]`
//! (default 20,000 documents, in memory; give DIR to index on disk).
//! `-- 0 DIR` only searches the index already in DIR, e.g. to see the
//! memory of a process that just has a large index open.

use std::path::PathBuf;
use std::process::ExitCode;

use search::{bench, Doc, Index, IndexConfig};
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

#[derive(Deserialize)]
struct Judgement {
    query: String,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let docs: usize = args.next().map_or(Ok(20_000), |a| a.parse())?;
    let dir = args.next().map(PathBuf::from);

    let rows: Vec<Row> = serde_json::from_str(include_str!("../tests/data/proposals.json"))?;
    let seeds: Vec<Doc> = rows
        .into_iter()
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
        .collect();
    let judged: Vec<Judgement> = serde_json::from_str(include_str!("../tests/data/queries.json"))?;

    // 200 queries: the judged ones, then proposal titles as people type them.
    let typed: Vec<String> = judged
        .into_iter()
        .map(|j| j.query)
        .chain(
            seeds
                .iter()
                .map(|s| s.title.replace("关于", "").replace("的提案", "")),
        )
        .collect();
    let queries: Vec<String> = typed.iter().cycle().take(200).cloned().collect();
    // 200 drafts: a title and the first sentences of a body, as typed.
    let drafts: Vec<String> = bench::synthesize(&seeds, 200)
        .into_iter()
        .map(|d| {
            format!(
                "{}{}",
                d.title,
                d.body.chars().take(120).collect::<String>()
            )
        })
        .collect();

    if let (0, Some(dir)) = (docs, &dir) {
        let index = Index::open(dir)?;
        let (search, similar) = bench::query_latency(&index, &queries, &drafts)?;
        println!("existing index of {} proposals", index.num_docs());
        println!("  search  {search}\n  similar {similar}");
        return Ok(());
    }
    let corpus = bench::synthesize(&seeds, docs);
    let report = bench::run(
        &corpus,
        &queries,
        &drafts,
        dir.as_deref(),
        IndexConfig::default(),
    )?;
    print!("{report}");
    Ok(())
}
