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

/// Wide lists' counts by filter: the count, when it was taken, and whether
/// a request is counting again.
#[derive(Debug, Clone, Default)]
pub struct CountCache(Arc<Mutex<HashMap<String, Counted>>>);

#[derive(Debug, Clone, Copy)]
struct Counted {
    at: Instant,
    count: i64,
    refreshing: bool,
}

/// What the cache holds for a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    Fresh(i64),
    /// Older than [`COUNT_TTL`]; the caller should count again (in the
    /// background) and meanwhile show this.
    Stale(i64),
    /// Older, and another request is already counting: show this.
    Counting(i64),
    Missing,
}

impl CountCache {
    fn lookup(&self, key: &str) -> Lookup {
        let Ok(mut map) = self.0.lock() else {
            return Lookup::Missing;
        };
        match map.get_mut(key) {
            None => Lookup::Missing,
            Some(c) if c.at.elapsed() < COUNT_TTL => Lookup::Fresh(c.count),
            Some(c) if c.refreshing => Lookup::Counting(c.count),
            Some(c) => {
                c.refreshing = true;
                Lookup::Stale(c.count)
            }
        }
    }

    fn put(&self, key: String, count: i64) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= COUNT_ENTRIES {
                map.retain(|_, c| c.at.elapsed() < COUNT_TTL);
            }
            if map.len() < COUNT_ENTRIES || map.contains_key(&key) {
                let fresh = Counted {
                    at: Instant::now(),
                    count,
                    refreshing: false,
                };
                map.insert(key, fresh);
            }
        }
    }

    /// A count that failed: the next request tries again.
    fn failed(&self, key: &str) {
        if let Ok(mut map) = self.0.lock() {
            if let Some(c) = map.get_mut(key) {
                c.refreshing = false;
            }
        }
    }
}

/// The capped count of a wide list, reused for [`COUNT_TTL`]. When it has
/// aged, one request starts counting again in the background and every
/// request meanwhile gets the last count, so a busy list never has many
/// requests counting the same rows at once.
pub(super) async fn wide_count(db: &Db, key: String, q: SelectStatement) -> Result<i64> {
    match db.counts.lookup(&key) {
        Lookup::Fresh(n) | Lookup::Counting(n) => Ok(n),
        Lookup::Stale(n) => {
            let db = db.clone();
            tokio::spawn(async move {
                match db.scalar(&capped_count(q)).await {
                    Ok(fresh) => db.counts.put(key, fresh),
                    Err(e) => {
                        tracing::warn!(error = %e, "counting a wide list again failed");
                        db.counts.failed(&key);
                    }
                }
            });
            Ok(n)
        }
        Lookup::Missing => {
            let n = db.scalar(&capped_count(q)).await?;
            db.counts.put(key, n);
            Ok(n)
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn aged(cache: &CountCache, key: &str) {
        let mut map = cache.0.lock().unwrap();
        let c = map.get_mut(key).unwrap();
        c.at = Instant::now()
            .checked_sub(COUNT_TTL + Duration::from_secs(1))
            .unwrap();
    }

    #[test]
    fn an_aged_count_is_counted_again_by_one_request_only() {
        let cache = CountCache::default();
        assert_eq!(cache.lookup("k"), Lookup::Missing);
        cache.put("k".into(), 120);
        assert_eq!(cache.lookup("k"), Lookup::Fresh(120));
        aged(&cache, "k");
        // The first request after it aged counts again; the rest show the
        // last count meanwhile.
        assert_eq!(cache.lookup("k"), Lookup::Stale(120));
        assert_eq!(cache.lookup("k"), Lookup::Counting(120));
        assert_eq!(cache.lookup("k"), Lookup::Counting(120));
        cache.put("k".into(), 121);
        assert_eq!(cache.lookup("k"), Lookup::Fresh(121));
    }

    #[test]
    fn a_failed_count_lets_the_next_request_try_again() {
        let cache = CountCache::default();
        cache.put("k".into(), 7);
        aged(&cache, "k");
        assert_eq!(cache.lookup("k"), Lookup::Stale(7));
        cache.failed("k");
        assert_eq!(cache.lookup("k"), Lookup::Stale(7));
    }
}
