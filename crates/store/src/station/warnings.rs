//! Deadline warnings for a forwarded demand's units (see
//! [`crate::deadline_warnings`]).

use domain::station::{Demand, DemandAction};
use domain::tracking::TrackingPolicy;

use crate::db::Tx;
use crate::deadline_warnings::moves_dates;
use crate::error::Result;

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
    let dates_moved = match action {
        DemandAction::Forward { .. } => true,
        DemandAction::Track { action } => moves_dates(action),
        _ => false,
    };
    if !dates_moved {
        return Ok(());
    }
    crate::deadline_warnings::schedule(tx, now, KIND, "demand", id, &d.tracking, policy).await
}
