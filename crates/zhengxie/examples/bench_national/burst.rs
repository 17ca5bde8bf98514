//! A burst of submissions: `clients` members at once, each starting a draft
//! and submitting it through the API until `total` proposals are in, as on
//! the last evening before the plenary's cut-off.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use store::demo::proposal_texts::proposal_text;
use tokio::sync::Mutex;

use crate::setup::{Cast, PLACES};
use crate::{percentiles, Client};

pub struct BurstReport {
    pub proposals: usize,
    pub clients: usize,
    pub seconds: f64,
    pub errors: usize,
    pub first_error: Option<String>,
    /// p50, p99 of single requests (create or submit), ms.
    pub request: (f64, f64),
    /// p50, p99 of a whole proposal (create and submit), ms.
    pub proposal: (f64, f64),
}

#[derive(Default)]
struct Tally {
    requests: Vec<Duration>,
    proposals: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
}

async fn post(
    client: &Client,
    token: &str,
    path: &str,
    member: &str,
    body: &serde_json::Value,
) -> Result<(Duration, serde_json::Value)> {
    let started = Instant::now();
    let response = client
        .http
        .post(format!("{}/api/v1{path}", client.base))
        .bearer_auth(token)
        .query(&[("as_member", member)])
        .json(body)
        .send()
        .await?;
    let status = response.status();
    let bytes = response.bytes().await?;
    let took = started.elapsed();
    if !status.is_success() {
        bail!("{path}: HTTP {status}: {}", String::from_utf8_lossy(&bytes));
    }
    Ok((took, serde_json::from_slice(&bytes)?))
}

/// Drafts and submits proposal `n` for `member`; the two request times.
async fn one(client: &Client, token: &str, member: i64, n: usize) -> Result<[Duration; 2]> {
    let t = proposal_text(7_000_000_000 + n as u64 * 104_729, PLACES[n % PLACES.len()]);
    let body = serde_json::json!({
        "title": t.title,
        "analysis": t.analysis,
        "suggestions": t.suggestions,
        "category": t.category,
        "public": "true",
    });
    let member = member.to_string();
    let (create, draft) = post(client, token, "/proposals", &member, &body).await?;
    let id = draft["id"].as_i64().context("the new draft has no id")?;
    let (submit, _) = post(
        client,
        token,
        &format!("/proposals/{id}/submit"),
        &member,
        &serde_json::json!({}),
    )
    .await?;
    Ok([create, submit])
}

pub async fn run(client: &Client, cast: &Cast, total: usize, clients: usize) -> BurstReport {
    let next = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let member = cast.members[c % cast.members.len()];
        let (next, tally) = (next.clone(), tally.clone());
        let client = Client {
            http: client.http.clone(),
            base: client.base.clone(),
        };
        let token = cast.member_token.clone();
        tasks.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                if n >= total {
                    break;
                }
                let began = Instant::now();
                let result = one(&client, &token, member, n).await;
                let mut t = tally.lock().await;
                match result {
                    Ok(times) => {
                        t.requests.extend(times);
                        t.proposals.push(began.elapsed());
                    }
                    Err(e) => {
                        t.errors += 1;
                        t.first_error.get_or_insert_with(|| format!("{e:#}"));
                    }
                }
            }
        }));
    }
    for task in tasks {
        let _ = task.await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let t = std::mem::take(&mut *tally.lock().await);
    BurstReport {
        proposals: t.proposals.len(),
        clients,
        seconds,
        errors: t.errors,
        first_error: t.first_error,
        request: percentiles(t.requests),
        proposal: percentiles(t.proposals),
    }
}
