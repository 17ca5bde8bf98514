//! 并案: finding the proposal to merge into by its number, and listing the
//! proposals merged into one. A merged proposal keeps the id of the one it
//! went into in its record; the other direction is read back here.

use domain::proposal::Proposal;
use domain::ProposalId;
use sea_query::{Expr, Query};

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{ProposalHistory, Proposals};

/// The proposal numbered `seq` in the same committee, term and year as `like`.
pub async fn find_by_number(db: &Db, like: &Proposal, seq: u32) -> Result<Option<ProposalId>> {
    let rows = db
        .all(
            &Query::select()
                .column(Proposals::Id)
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::OrgId).eq(like.org.0))
                .and_where(Expr::col(Proposals::TermId).eq(like.term.0))
                .and_where(Expr::col(Proposals::Year).eq(i64::from(like.year)))
                .and_where(Expr::col(Proposals::NumberSeq).eq(i64::from(seq)))
                .limit(1)
                .to_owned(),
        )
        .await?;
    rows.first()
        .map(|r| get::<i64>(r, "id").map(ProposalId))
        .transpose()
}

/// The proposals merged into `into`, as (id, number, title), by number.
/// Merges happen within one committee, term and year and leave a `merge`
/// history row, so only that season's merged proposals are read.
pub async fn merged_into(db: &Db, into: &Proposal) -> Result<Vec<(ProposalId, u32, String)>> {
    let (p, h) = (Proposals::Table, ProposalHistory::Table);
    let rows = db
        .all(
            &Query::select()
                .distinct()
                .columns([
                    (p, Proposals::Id),
                    (p, Proposals::NumberSeq),
                    (p, Proposals::Title),
                    (p, Proposals::Aggregate),
                ])
                .from(p)
                .inner_join(
                    h,
                    Expr::col((h, ProposalHistory::ProposalId)).equals((p, Proposals::Id)),
                )
                .and_where(Expr::col((h, ProposalHistory::Action)).eq("merge"))
                .and_where(Expr::col((p, Proposals::OrgId)).eq(into.org.0))
                .and_where(Expr::col((p, Proposals::TermId)).eq(into.term.0))
                .and_where(Expr::col((p, Proposals::Year)).eq(i64::from(into.year)))
                .order_by((p, Proposals::NumberSeq), sea_query::Order::Asc)
                .to_owned(),
        )
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        let aggregate: String = get(r, "aggregate")?;
        let merged: Proposal = serde_json::from_str(&aggregate)
            .map_err(|e| StoreError::Other(format!("proposal record: {e}")))?;
        if merged.merged_into == Some(into.id) {
            let seq: Option<i64> = get(r, "number_seq")?;
            out.push((merged.id, seq.unwrap_or(0) as u32, get(r, "title")?));
        }
    }
    Ok(out)
}
