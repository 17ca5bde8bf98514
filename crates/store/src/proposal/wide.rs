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
//! list stops at [`COUNT_CAP`] + 1, which the page shows as "more than",
//! and is kept for [`COUNT_TTL`] per filter: paging through a national list
//! does not count ten thousand rows for every page, and a count that is a
//! few seconds old is good enough for "超过 10000 件".

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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

/// How long a wide list's count is reused.
const COUNT_TTL: Duration = Duration::from_secs(15);

/// At most this many counts are kept (per database handle).
const COUNT_ENTRIES: usize = 256;

/// Wide lists' counts by filter, with when they were taken.
#[derive(Debug, Clone, Default)]
pub struct CountCache(Arc<Mutex<HashMap<String, (Instant, i64)>>>);

impl CountCache {
    fn get(&self, key: &str) -> Option<i64> {
        let map = self.0.lock().ok()?;
        map.get(key)
            .filter(|(at, _)| at.elapsed() < COUNT_TTL)
            .map(|(_, n)| *n)
    }

    fn put(&self, key: String, count: i64) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= COUNT_ENTRIES {
                map.retain(|_, (at, _)| at.elapsed() < COUNT_TTL);
            }
            if map.len() < COUNT_ENTRIES {
                map.insert(key, (Instant::now(), count));
            }
        }
    }
}

/// The capped count of a wide list, reused for [`COUNT_TTL`].
pub(super) async fn wide_count(db: &Db, key: String, q: SelectStatement) -> Result<i64> {
    if let Some(n) = db.counts.get(&key) {
        return Ok(n);
    }
    let n = db.scalar(&capped_count(q)).await?;
    db.counts.put(key, n);
    Ok(n)
}

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
fn capped_count(mut q: SelectStatement) -> SelectStatement {
    q.column((Proposals::Table, Proposals::Id))
        .limit(COUNT_CAP as u64 + 1);
    Query::select()
        .expr(Expr::cust("COUNT(*)"))
        .from_subquery(q, Alias::new("listed"))
        .to_owned()
}
