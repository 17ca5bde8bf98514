//! Deadline warnings (blue, yellow, red) for a forwarded demand's units, as
//! jobs enqueued in the transaction that forwards it or moves a due date.
//! The job checks, when it runs, that the answer is still awaited.

use domain::station::{Demand, DemandAction};
use domain::tracking::{TrackingAction, TrackingPolicy};

use crate::db::Tx;
use crate::error::Result;
use crate::job::{self, NewJob};

/// The job kind the web layer handles.
pub const KIND: &str = "demand.warning";

pub async fn schedule(
    tx: &mut Tx,
    now: i64,
    id: i64,
    d: &Demand,
    action: &DemandAction,
    policy: &TrackingPolicy,
) -> Result<()> {
    let dates_moved = matches!(
        action,
        DemandAction::Forward { .. }
            | DemandAction::Track {
                action: TrackingAction::Extend { .. }
                    | TrackingAction::Rehandle { .. }
                    | TrackingAction::AddUnit { .. }
            }
    );
    if !dates_moved {
        return Ok(());
    }
    let w = &policy.warnings;
    for a in d.tracking.assignments.iter().filter(|a| a.is_answering()) {
        for (level, days) in [("blue", w.blue), ("yellow", w.yellow), ("red", w.red)] {
            let on = a.due - time::Duration::days(days);
            let run_at = crate::proposal::warnings::morning_of(on).max(now);
            let key = format!("warn:demand:{id}:{}:{}:{level}", a.seq, a.due);
            let payload = serde_json::json!({ "demand_id": id, "seq": a.seq, "unit_id": a.unit.0, "level": level, "due": a.due.to_string() });
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
