//! Deadline warnings (blue, yellow, red) for assigned units, as jobs
//! enqueued in the transaction that assigns or moves a due date.

use domain::proposal::{Proposal, Transition};
use domain::tracking::TrackingPolicy;

use crate::db::Tx;
use crate::error::Result;
use crate::job::{self, NewJob};

/// The job kind the web layer handles.
pub const KIND: &str = "tracking.warning";

/// Local midnight (UTC+8) at the start of `date`, as a timestamp.
fn morning_of(date: time::Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp() - 8 * 3600 + 8 * 3600 / 4
}

/// Enqueues one job per warning level for every answering assignment this
/// transition created or re-dated. A job whose due date has since moved
/// finds that out when it runs and does nothing.
pub async fn schedule(
    tx: &mut Tx,
    now: i64,
    p: &Proposal,
    t: &Transition,
    policy: &TrackingPolicy,
) -> Result<()> {
    let touched: Vec<u32> = t.assignments.iter().map(|c| c.seq).collect();
    if touched.is_empty()
        && !matches!(
            t.action,
            domain::proposal::Action::Track(domain::tracking::TrackingAction::Extend { .. })
        )
    {
        return Ok(());
    }
    let w = &policy.warnings;
    for a in p.tracking.assignments.iter().filter(|a| a.is_answering()) {
        for (level, days) in [("blue", w.blue), ("yellow", w.yellow), ("red", w.red)] {
            let on = a.due - time::Duration::days(days);
            let run_at = morning_of(on).max(now);
            let key = format!("warn:proposal:{}:{}:{}:{level}", p.id, a.seq, a.due);
            let payload = serde_json::json!({ "proposal_id": p.id.0, "seq": a.seq, "unit_id": a.unit.0, "level": level, "due": a.due.to_string() });
            job::enqueue(
                tx,
                now,
                NewJob {
                    kind: KIND,
                    payload,
                    run_at,
                    dedupe_key: Some(key),
                },
            )
            .await?;
        }
    }
    Ok(())
}
