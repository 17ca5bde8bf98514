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
        store::proposal::warnings::KIND => deadline_warning(state, job).await,
        store::proposal::warnings::CLOSE_COSIGNING => close_cosigning(state, job).await,
        store::station::warnings::KIND => crate::deadline_warning::demand(state, job).await,
        store::letter::WARNING_KIND => crate::deadline_warning::letter(state, job).await,
        store::mail::KIND => crate::outbox::deliver(state, job).await,
        store::supervision::WARNING_KIND => crate::supervision::warning::run(state, job).await,
        crate::proposals::compendium::KIND => crate::proposals::compendium::run(state, job).await,
        store::export::EXPIRE_KIND => crate::exports::expire(state, job).await,
        other => Err(format!("no handler for job kind {other}")),
    }
}

/// A proposal's warning: its payload names the proposal as `proposal_id`.
async fn deadline_warning(state: &AppState, job: &Job) -> Result<(), String> {
    let w: store::deadline_warnings::Warning =
        serde_json::from_value(job.payload.clone()).map_err(|e| format!("bad payload: {e}"))?;
    let stored = store::proposal::load(&state.db, domain::ProposalId(w.id))
        .await
        .map_err(|e| e.to_string())?;
    let Some(a) = stored
        .proposal
        .tracking
        .assignments
        .iter()
        .find(|a| a.seq == w.seq)
    else {
        return Ok(());
    };
    let still_due = a.is_answering() && a.answer.is_none() && a.due.to_string() == w.due;
    if !still_due {
        return Ok(());
    }
    let title = format!("提案答复{}预警：{}", w.colour(), stored.text.title);
    let body = format!("答复期限为 {}，请抓紧办理。", w.due);
    let link = format!("/proposals/{}", w.id);
    crate::deadline_warning::tell_unit(state, &w, &title, &body, &link).await
}

/// Ends a proposal's co-signing window: those who did not answer are left
/// out and the proposal goes to review. Moot if everyone already answered.
async fn close_cosigning(state: &AppState, job: &Job) -> Result<(), String> {
    let id = job
        .payload
        .get("proposal_id")
        .and_then(serde_json::Value::as_i64)
        .ok_or("bad payload")?;
    let system = store::audit::Who {
        user_id: None,
        login: "system".into(),
        ip: "local".into(),
    };
    let action = domain::proposal::Action::CloseCosigning;
    match store::proposal::act(
        &state.db,
        state.now(),
        &system,
        &domain::proposal::Who::system(),
        domain::ProposalId(id),
        action,
    )
    .await
    {
        Ok(_) | Err(store::StoreError::Refused(_)) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}
