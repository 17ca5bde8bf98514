//! Deadline warnings (blue, yellow, red) for the units of a record forwarded
//! through the shared tracking — a citizen's demand, a letter — as jobs
//! enqueued in the transaction that forwards it or moves a due date. The job
//! checks, when it runs, that the answer is still awaited and the date has
//! not moved (see `web::jobs`).

use domain::tracking::{AssignmentState, Tracking, TrackingAction, TrackingPolicy};
use serde::{Deserialize, Serialize};

use crate::db::Tx;
use crate::error::{Result, StoreError};
use crate::job::{self, NewJob};

/// What a warning job carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Warning {
    /// The record's id (proposals' jobs and demands' older jobs name it
    /// `proposal_id` and `demand_id`).
    #[serde(alias = "demand_id", alias = "proposal_id")]
    pub id: i64,
    pub seq: u32,
    pub unit_id: i64,
    /// blue, yellow or red.
    pub level: String,
    pub due: String,
}

impl Warning {
    /// The colour in the words of the message.
    pub fn colour(&self) -> &'static str {
        match self.level.as_str() {
            "blue" => "蓝色",
            "yellow" => "黄色",
            _ => "红色",
        }
    }

    /// Whether the warning still applies to `tracking`: the unit still owes
    /// its answer (not yet handed in for staff to check) and its due date is
    /// the one warned about.
    pub fn applies_to(&self, tracking: &Tracking) -> bool {
        tracking.assignments.iter().any(|a| {
            a.seq == self.seq
                && a.state.awaits_answer()
                && a.state != AssignmentState::Submitted
                && a.role.answers()
                && a.due.to_string() == self.due
        })
    }
}

/// Whether a tracking step moved a due date (so warnings are scheduled anew).
pub fn moves_dates(step: &TrackingAction) -> bool {
    matches!(
        step,
        TrackingAction::Extend { .. }
            | TrackingAction::Rehandle { .. }
            | TrackingAction::AddUnit { .. }
    )
}

/// Enqueues the three warnings of every answering unit of `tracking` for
/// record `id`, as jobs of `kind`; `label` keeps the dedupe keys of kinds
/// apart. A warning whose morning has passed runs at once.
pub async fn schedule(
    tx: &mut Tx,
    now: i64,
    kind: &'static str,
    label: &str,
    id: i64,
    tracking: &Tracking,
    policy: &TrackingPolicy,
) -> Result<()> {
    let w = &policy.warnings;
    for a in tracking.assignments.iter().filter(|a| a.is_answering()) {
        for (level, days) in [("blue", w.blue), ("yellow", w.yellow), ("red", w.red)] {
            let on = a.due - time::Duration::days(days);
            let run_at = crate::proposal::warnings::morning_of(on).max(now);
            let key = format!("warn:{label}:{id}:{}:{}:{level}", a.seq, a.due);
            let payload = Warning {
                id,
                seq: a.seq,
                unit_id: a.unit.0,
                level: level.into(),
                due: a.due.to_string(),
            };
            job::enqueue(
                tx,
                now,
                NewJob {
                    kind,
                    payload: serde_json::to_value(payload)
                        .map_err(|e| StoreError::Other(e.to_string()))?,
                    run_at,
                    dedupe_key: Some(key),
                },
            )
            .await?;
        }
    }
    Ok(())
}
