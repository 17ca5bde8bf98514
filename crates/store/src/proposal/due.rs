//! A handling unit's due dates on the proposals of one list page, read from
//! the assignment projection so the list need not load whole records.

use std::collections::HashMap;

use domain::tracking::AssignmentState;
use domain::{ProposalId, UnitId};
use sea_query::{Expr, Query};
use time::Date;

use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::ProposalUnits;

/// One unit's latest assignment on a proposal: its state and due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitDue {
    pub state: AssignmentState,
    pub due: Date,
}

/// The unit's latest assignment on each of `ids` that it holds one on.
pub async fn unit_dues(
    db: &Db,
    unit: UnitId,
    ids: &[ProposalId],
) -> Result<HashMap<ProposalId, UnitDue>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = db
        .all(
            &Query::select()
                .columns([
                    ProposalUnits::ProposalId,
                    ProposalUnits::Seq,
                    ProposalUnits::State,
                    ProposalUnits::DueOn,
                ])
                .from(ProposalUnits::Table)
                .and_where(Expr::col(ProposalUnits::UnitId).eq(unit.0))
                .and_where(Expr::col(ProposalUnits::ProposalId).is_in(ids.iter().map(|i| i.0)))
                .order_by(ProposalUnits::Seq, sea_query::Order::Asc)
                .to_owned(),
        )
        .await?;
    let mut out = HashMap::new();
    for r in &rows {
        let state: String = get(r, "state")?;
        let due: String = get(r, "due_on")?;
        let parsed = (
            AssignmentState::from_code(&state),
            domain::member::parse_date(&due).ok(),
        );
        if let (Some(state), Some(due)) = parsed {
            // Ordered by seq: a later assignment replaces an earlier one.
            out.insert(ProposalId(get(r, "proposal_id")?), UnitDue { state, due });
        }
    }
    Ok(out)
}
