//! Lists over a wide scope: a province's or the national committee's whole
//! subtree, hundreds of committees and up to a million proposals.
//!
//! For one committee (or a city with its districts) the database should
//! find the scope's proposals through the (org, stage) index and sort the
//! few thousand it finds. Over a wide scope that means sorting most of the
//! table for every page, so there the list walks the `updated_at` index
//! instead and checks scope and stage row by row until the page is full.
//! SQLite cannot tell the two cases apart from its statistics, so the
//! conditions are written in a form no index serves (`+org_id`,
//! `stage || ''`), which reads the same on PostgreSQL. The count of a wide
//! list stops at [`COUNT_CAP`] + 1, which the page shows as "more than".

use domain::org::OrgPath;
use domain::proposal::Stage;
use sea_query::{Alias, Expr, Query, SelectStatement, SimpleExpr};

use crate::db::Db;
use crate::error::Result;
use crate::schema::{Orgs, Proposals};

/// A scope over more committees than this is listed the wide way.
const WIDE_SCOPE_ORGS: u64 = 64;

/// A wide list counts no further than this (and one more, to say so).
pub const COUNT_CAP: i64 = 10_000;

/// Whether `scope` holds more than [`WIDE_SCOPE_ORGS`] committees.
pub(super) async fn is_wide(db: &Db, scope: &OrgPath) -> Result<bool> {
    let some = Query::select()
        .column(Orgs::Id)
        .from(Orgs::Table)
        .and_where(crate::scope::within(scope))
        .limit(WIDE_SCOPE_ORGS + 1)
        .to_owned();
    let count = db
        .scalar(
            &Query::select()
                .expr(Expr::cust("COUNT(*)"))
                .from_subquery(some, Alias::new("some_orgs"))
                .to_owned(),
        )
        .await?;
    Ok(count as u64 > WIDE_SCOPE_ORGS)
}

/// "In `scope`", without letting the planner start from the org index.
pub(super) fn in_scope(scope: &OrgPath) -> SimpleExpr {
    Expr::expr(Expr::cust(r#"+"proposals"."org_id""#)).in_subquery(
        Query::select()
            .column(Orgs::Id)
            .from(Orgs::Table)
            .and_where(crate::scope::within(scope))
            .to_owned(),
    )
}

/// "In one of `stages`", without letting the planner start from the stage index.
pub(super) fn in_stages(stages: &[Stage]) -> SimpleExpr {
    Expr::expr(Expr::cust(r#"("proposals"."stage" || '')"#)).is_in(stages.iter().map(|s| s.code()))
}

/// How many rows `q` selects, up to [`COUNT_CAP`] + 1.
pub(super) fn capped_count(mut q: SelectStatement) -> SelectStatement {
    q.column((Proposals::Table, Proposals::Id))
        .limit(COUNT_CAP as u64 + 1);
    Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from_subquery(q, Alias::new("listed"))
        .to_owned()
}
