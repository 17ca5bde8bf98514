//! The search benchmark: indexing throughput set beside raw segmentation
//! speed on the same text, and search and similar-proposal latency. Timings
//! are reported, never asserted; `examples/bench.rs` runs it on synthetic
//! proposals and the benchmark harness can run it on demo data.

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::index::{Index, IndexConfig};
use crate::schema::Doc;
use crate::segment::{for_each_word, warm_up};
use crate::visibility::Visibility;

/// What one run measured.
#[derive(Debug, Clone)]
pub struct BenchReport {
    pub docs: usize,
    /// Bytes of title, body, suggestions and answers over all documents.
    pub text_bytes: u64,
    /// jieba alone, one thread, on the same text.
    pub segment_mb_s: f64,
    /// Full indexing (segmentation included) up to the commit.
    pub index_mb_s: f64,
    pub writer_threads: usize,
    pub search: Latency,
    pub similar: Latency,
}

/// Latency percentiles of a batch of calls.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub calls: usize,
    pub p50: Duration,
    pub p99: Duration,
}

impl fmt::Display for Latency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} calls: p50 {:.2} ms, p99 {:.2} ms",
            self.calls,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3
        )
    }
}

impl fmt::Display for BenchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = self.text_bytes as f64 / 1e6;
        writeln!(
            f,
            "search bench: {} proposals, {mb:.1} MB of text",
            self.docs
        )?;
        writeln!(
            f,
            "  jieba segmentation (1 thread): {:.2} MB/s",
            self.segment_mb_s
        )?;
        writeln!(
            f,
            "  indexing ({} writer threads):   {:.2} MB/s = {:.0}% of segmentation",
            self.writer_threads,
            self.index_mb_s,
            100.0 * self.index_mb_s / self.segment_mb_s.max(f64::MIN_POSITIVE)
        )?;
        writeln!(f, "  search  {}", self.search)?;
        writeln!(f, "  similar {}", self.similar)?;
        Ok(())
    }
}

/// Indexes `docs` (in `dir`, or in memory) after timing jieba alone on the
/// same text, then measures [`query_latency`].
pub fn run(
    docs: &[Doc],
    queries: &[String],
    drafts: &[String],
    dir: Option<&Path>,
    config: IndexConfig,
) -> Result<BenchReport> {
    let text_bytes: u64 = docs.iter().map(|d| text_len(d) as u64).sum();
    let segment_mb_s = segmentation_mb_s(docs);

    let index = match dir {
        Some(dir) => Index::open_with(dir, config)?,
        None => Index::in_memory_with(config)?,
    };
    let started = Instant::now();
    index.rebuild(docs.iter().cloned())?;
    let index_secs = started.elapsed().as_secs_f64();

    let (search, similar) = query_latency(&index, queries, drafts)?;
    let mb = text_bytes as f64 / 1e6;
    Ok(BenchReport {
        docs: docs.len(),
        text_bytes,
        segment_mb_s,
        index_mb_s: mb / index_secs.max(1e-9),
        writer_threads: config.writer_threads.max(1),
        search,
        similar,
    })
}

/// jieba alone, on one thread, over the text fields of `docs` (the same
/// text indexing reads), in MB/s.
pub fn segmentation_mb_s(docs: &[Doc]) -> f64 {
    warm_up();
    let text_bytes: u64 = docs.iter().map(|d| text_len(d) as u64).sum();
    let started = Instant::now();
    let mut words = 0usize;
    for doc in docs {
        for text in [&doc.title, &doc.body, &doc.suggestions, &doc.answers] {
            for_each_word(text, |_, _, _| words += 1);
        }
    }
    std::hint::black_box(words);
    text_bytes as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9)
}

/// Runs every query through [`Index::search`] (10 hits) and every draft
/// through [`Index::similar`] (5 hits), alternating a district member's and
/// the top committee's visibility; returns their latencies in that order.
pub fn query_latency(
    index: &Index,
    queries: &[String],
    drafts: &[String],
) -> Result<(Latency, Latency)> {
    let visibilities = [
        Visibility::member("/1/3/", vec![1, 2, 3]),
        Visibility::staff("/1/"),
    ];
    let search = measure(queries, |i, q| {
        index.search(q, &visibilities[i % 2], 10).map(|_| ())
    })?;
    let similar = measure(drafts, |i, d| {
        index.similar(d, &visibilities[i % 2], 5).map(|_| ())
    })?;
    Ok((search, similar))
}

/// `n` proposals varied from `seeds`: each takes its title and most of its
/// text from one seed and a sentence from another, in one of 40 districts
/// over ten years, so the vocabulary and lengths stay realistic.
pub fn synthesize(seeds: &[Doc], n: usize) -> Vec<Doc> {
    if seeds.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(0x5eed_2024);
    (0..n)
        .map(|i| {
            let main = &seeds[rng.below(seeds.len())];
            let other = &seeds[rng.below(seeds.len())];
            let mut body = sentences(&main.body);
            rng.shuffle(&mut body);
            body.push(pick(&mut rng, &sentences(&other.body)));
            let district = 2 + rng.below(40);
            Doc {
                id: i as i64 + 1,
                org_path: format!("/1/{district}/"),
                year: 2016 + rng.below(10) as i64,
                title: main.title.clone(),
                body: body.concat(),
                suggestions: main.suggestions.clone(),
                answers: if rng.below(2) == 0 {
                    main.answers.clone()
                } else {
                    String::new()
                },
                public: rng.below(10) < 7,
                state: main.state.clone(),
                category: main.category.clone(),
            }
        })
        .collect()
}

fn measure(inputs: &[String], mut call: impl FnMut(usize, &str) -> Result<()>) -> Result<Latency> {
    // The first calls fault in index pages; they are not what users see.
    for (i, input) in inputs.iter().take(5).enumerate() {
        call(i, input)?;
    }
    let mut times = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let started = Instant::now();
        call(i, input)?;
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| {
        let last = times.len().saturating_sub(1);
        times
            .get((last as f64 * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    Ok(Latency {
        calls: times.len(),
        p50: at(0.50),
        p99: at(0.99),
    })
}

fn text_len(doc: &Doc) -> usize {
    doc.title.len() + doc.body.len() + doc.suggestions.len() + doc.answers.len()
}

/// The sentences of a text, each keeping its full stop.
fn sentences(text: &str) -> Vec<String> {
    text.split_inclusive('。')
        .filter(|s| !s.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn pick(rng: &mut Rng, items: &[String]) -> String {
    items
        .get(rng.below(items.len().max(1)))
        .cloned()
        .unwrap_or_default()
}

/// A small deterministic generator (xorshift64*): the same corpus every
/// run, without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
