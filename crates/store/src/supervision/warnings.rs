//! Deadline warnings of supervision opinions: a rectification plan is due
//! after assignment, results after the plan is accepted (or the re-check
//! reopens it), each warned blue, yellow, red and once overdue.

use domain::supervision::Topic;
use domain::tracking::TrackingAction;

use super::write::{owed, Setting};
use crate::db::Tx;
use crate::error::Result;
use crate::job::{self, NewJob};

/// The job kind of a supervision deadline warning.
pub const WARNING_KIND: &str = "supervision.warning";

/// One job per warning level for each due date this step set or moved
/// (a plan due on assignment and extension, a results due on acceptance
/// and reopening). A job whose date has since moved does nothing.
pub(super) async fn schedule(
    tx: &mut Tx,
    now: i64,
    topic: &Topic,
    seq: u32,
    step: Option<&TrackingAction>,
    setting: &Setting,
) -> Result<()> {
    let dates_moved = matches!(
        step,
        Some(
            TrackingAction::Assign { .. }
                | TrackingAction::AddUnit { .. }
                | TrackingAction::Extend { .. }
                | TrackingAction::Accept { .. }
                | TrackingAction::ReopenFollowUp { .. }
        )
    );
    let Some(o) = topic.opinion(seq).filter(|_| dates_moved) else {
        return Ok(());
    };
    let w = &setting.policy.warnings;
    for a in o.tracking.answering() {
        let (awaiting, Some(due)) = owed(a) else {
            continue;
        };
        for (level, days) in [
            ("blue", w.blue),
            ("yellow", w.yellow),
            ("red", w.red),
            ("overdue", -1),
        ] {
            let on = due - time::Duration::days(days);
            let run_at = crate::proposal::warnings::morning_of(on).max(now);
            let key = format!(
                "warn:supervision:{}:{seq}:{}:{awaiting}:{due}:{level}",
                topic.id, a.seq
            );
            let payload = serde_json::json!({
                "topic_id": topic.id.0, "opinion": seq, "seq": a.seq, "unit_id": a.unit.0,
                "awaiting": awaiting, "level": level, "due": due.to_string(),
            });
            job::enqueue(
                tx,
                now,
                NewJob {
                    kind: WARNING_KIND,
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
