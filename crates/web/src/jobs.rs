//! Runs due background jobs. Each app server runs the loop; claims are
//! leases in the database, so a job runs once. Tests call [`run_due`] after
//! moving the test clock instead of waiting for the loop.

use serde::Deserialize;
use store::job::Job;

use crate::state::AppState;

/// How long a claimed job is reserved before another server may retry it.
const LEASE_SECONDS: i64 = 300;
/// Jobs claimed per round.
const BATCH: u64 = 50;

/// Runs every job due now; returns how many ran successfully.
pub async fn run_due(state: &AppState) -> Result<usize, store::StoreError> {
    let now = state.now();
    let jobs = store::job::claim_due(&state.db, now, BATCH, LEASE_SECONDS).await?;
    let mut ok = 0;
    for job in jobs {
        match handle(state, &job).await {
            Ok(()) => {
                store::job::complete(&state.db, state.now(), job.id).await?;
                ok += 1;
            }
            Err(error) => {
                tracing::warn!(job = job.id, kind = %job.kind, %error, "job failed");
                // Back off: 1, 4, 9 … minutes, giving up after 10 attempts.
                let retry =
                    (job.attempts < 10).then(|| state.now() + job.attempts * job.attempts * 60);
                store::job::fail(&state.db, state.now(), job.id, &error, retry).await?;
            }
        }
    }
    Ok(ok)
}

/// The loop every server runs while serving.
pub fn spawn_runner(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            if let Err(e) = run_due(&state).await {
                tracing::warn!(error = %e, "job round failed");
            }
            if let Err(e) = crate::search::sync(&state).await {
                tracing::warn!(error = %e, "search feed round failed");
            }
        }
    })
}

/// A notification to deliver later, e.g. a reminder before a deadline.
#[derive(Deserialize)]
struct NotifyLater {
    user_id: i64,
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    link: String,
}

async fn handle(state: &AppState, job: &Job) -> Result<(), String> {
    match job.kind.as_str() {
        "notify" => {
            let n: NotifyLater = serde_json::from_value(job.payload.clone())
                .map_err(|e| format!("bad payload: {e}"))?;
            let mut tx = state.db.write().await.map_err(|e| e.to_string())?;
            store::notify::notify(
                &mut tx,
                state.now(),
                domain::UserId(n.user_id),
                &n.title,
                &n.body,
                &n.link,
            )
            .await
            .map_err(|e| e.to_string())?;
            tx.commit().await.map_err(|e| e.to_string())
        }
        other => Err(format!("no handler for job kind {other}")),
    }
}
