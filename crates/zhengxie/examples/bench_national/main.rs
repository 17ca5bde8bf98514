//! The national benchmark's client, run by `scripts/bench national` against
//! a running server on the national demo:
//!
//! ```text
//! cargo run --release -p zhengxie --example bench_national -- DB_URL BASE_URL [SERVER_PID]
//! ```
//!
//! It issues a staff and a member API token straight in the database (the
//! benchmark is its administrator) and opens accounts for 64 members of
//! different committees, then measures over HTTP, one request at a time:
//! full-text search for 200 typed queries and similar proposals for 200
//! draft texts, alternating the staff token (national scope) and a member
//! token; then a burst of 1,000 proposals (create the draft, submit it)
//! from 64 concurrent clients. It also times jieba alone on a sample of the
//! stored proposals, to set beside the indexing rate `zhengxie index
//! rebuild` prints. With SERVER_PID it reports the server's peak memory.
//! Output lines start with `bench:` so the script can pick them up.

mod burst;
mod setup;

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use store::demo::proposal_texts::proposal_text;

pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
}

impl Client {
    /// GET with a token; the latency, or an error for any non-2xx answer.
    pub async fn get(&self, token: &str, path: &str, query: &[(&str, &str)]) -> Result<Duration> {
        let started = Instant::now();
        let response = self
            .http
            .get(format!("{}/api/v1{path}", self.base))
            .bearer_auth(token)
            .query(query)
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        let took = started.elapsed();
        if !status.is_success() {
            bail!("{path}: HTTP {status}: {}", String::from_utf8_lossy(&body));
        }
        Ok(took)
    }
}

/// p50 and p99 in milliseconds.
pub fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        let last = times.len().saturating_sub(1);
        times
            .get((last as f64 * q).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    (at(0.50), at(0.99))
}

/// 200 queries as people type them: the relevance set's judged queries,
/// then the gist of demo titles ("关于……的建议" without the frame and
/// the place).
fn queries() -> Result<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Judged {
        query: String,
    }
    let judged: Vec<Judged> =
        serde_json::from_str(include_str!("../../../search/tests/data/queries.json"))?;
    let mut out: Vec<String> = judged.into_iter().map(|j| j.query).collect();
    let mut seed = 17u64;
    while out.len() < 200 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let place = setup::PLACES[(seed >> 33) as usize % setup::PLACES.len()];
        let title = proposal_text(seed >> 20, place).title;
        let gist = title
            .trim_start_matches("关于")
            .trim_end_matches("的建议")
            .trim_end_matches("的提案")
            .replace(place, "");
        out.push(gist.chars().take(14).collect());
    }
    Ok(out)
}

/// 200 drafts: a new title and the start of its analysis, as typed.
fn drafts() -> Vec<String> {
    (0..200u64)
        .map(|i| {
            let place = setup::PLACES[i as usize % setup::PLACES.len()];
            let t = proposal_text(9_000_000_000 + i * 7919, place);
            format!(
                "{}{}",
                t.title,
                t.analysis.chars().take(120).collect::<String>()
            )
        })
        .collect()
}

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .context("usage: bench_national DB_URL BASE_URL [SERVER_PID]")?;
    let base = args
        .next()
        .context("usage: bench_national DB_URL BASE_URL [SERVER_PID]")?;
    let server_pid = args.next();
    let db = store::Db::connect(&url).await?;
    let cast = setup::prepare(&db).await?;
    let segment = setup::segmentation_speed(&db).await?;
    println!(
        "bench: segment {:.2} MB/s ({} sampled proposals, {:.1} MB, jieba on one thread)",
        segment.mb_s, segment.docs, segment.mb
    );
    let client = Client {
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(128)
            .timeout(Duration::from_secs(60))
            .build()?,
        base,
    };
    let member = cast.members[0].to_string();
    let as_member = [("as_member", member.as_str())];
    let tokens = [
        (&cast.staff_token, &[][..]),
        (&cast.member_token, &as_member[..]),
    ];

    let queries = queries()?;
    let drafts = drafts();
    for (kind, inputs, path, key) in [
        ("search", &queries, "/proposals/search", "q"),
        ("similar", &drafts, "/proposals/similar", "text"),
    ] {
        let call = |i: usize, input: &str| {
            let (token, extra) = tokens[i % 2];
            let mut query = vec![(key, input.to_string())];
            if kind == "search" {
                query.push(("limit", "10".into()));
            }
            query.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
            let client = &client;
            async move {
                let query: Vec<(&str, &str)> =
                    query.iter().map(|(k, v)| (*k, v.as_str())).collect();
                client.get(token, path, &query).await
            }
        };
        // The first calls fault in index pages; they are not what users see.
        for (i, input) in inputs.iter().take(5).enumerate() {
            call(i, input).await?;
        }
        let mut times = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            times.push(call(i, input).await?);
        }
        let (p50, p99) = percentiles(times);
        println!(
            "bench: {kind} {} calls p50 {p50:.2} ms p99 {p99:.2} ms",
            inputs.len()
        );
    }

    let report = burst::run(&client, &cast, 1_000, 64).await;
    println!(
        "bench: burst {} proposals from {} clients in {:.1} s = {:.1} proposals/s; \
         {} errors; request p50 {:.1} ms p99 {:.1} ms; proposal (create+submit) p50 {:.1} ms p99 {:.1} ms",
        report.proposals,
        report.clients,
        report.seconds,
        report.proposals as f64 / report.seconds.max(1e-9),
        report.errors,
        report.request.0,
        report.request.1,
        report.proposal.0,
        report.proposal.1,
    );
    if let Some(first) = &report.first_error {
        println!("bench: first burst error: {first}");
    }
    if let Some(pid) = server_pid {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        for line in status.lines() {
            if let Some(v) = line.strip_prefix("VmHWM:") {
                println!("bench: server peak RSS {}", v.trim());
            }
            if let Some(v) = line.strip_prefix("VmRSS:") {
                println!("bench: server RSS now {}", v.trim());
            }
        }
    }
    Ok(())
}
