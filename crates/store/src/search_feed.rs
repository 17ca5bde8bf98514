//! The search feed: one row per change to a searchable item, written in the
//! same transaction as the change. Each app server reads it from where it
//! left off and updates its own index for that kind of item, so the
//! database stays the source of truth and any index can be rebuilt.
//!
//! A new searchable kind adds a [`Kind`] variant, calls [`record`] from its
//! writes, and gives the web layer's search module a loader for it.

use sea_query::{Expr, Order, Query};

use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::SearchFeed;

/// What kind of item a feed row is about. Each kind has its own index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Proposal,
    /// 社情民意信息.
    Opinion,
    /// A citizen's demand brought to a members' work station.
    Demand,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Proposal, Kind::Opinion, Kind::Demand];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Proposal => "proposal",
            Kind::Opinion => "opinion",
            Kind::Demand => "demand",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One change waiting to be indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// Position in the feed; later changes have larger positions.
    pub seq: i64,
    pub kind: Kind,
    pub id: i64,
}

/// Records that an item changed, inside the transaction that changed it.
pub async fn record(tx: &mut Tx, kind: Kind, id: i64, now: i64) -> Result<()> {
    record_many(tx, kind, &[id], now).await
}

/// Records changes to several items of one kind with one insert.
pub async fn record_many(tx: &mut Tx, kind: Kind, ids: &[i64], now: i64) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert()
        .into_table(SearchFeed::Table)
        .columns([SearchFeed::Kind, SearchFeed::ItemId, SearchFeed::At])
        .to_owned();
    for id in ids {
        insert.values_panic([kind.code().into(), (*id).into(), now.into()]);
    }
    tx.execute(&insert).await?;
    Ok(())
}

/// The changes after position `after`, oldest first.
pub async fn after(db: &Db, after: i64, limit: u64) -> Result<Vec<Change>> {
    let rows = db
        .all(
            &Query::select()
                .columns([SearchFeed::Seq, SearchFeed::Kind, SearchFeed::ItemId])
                .from(SearchFeed::Table)
                .and_where(Expr::col(SearchFeed::Seq).gt(after))
                .order_by(SearchFeed::Seq, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            let code: String = get(r, "kind")?;
            Ok(Change {
                seq: get(r, "seq")?,
                kind: Kind::parse(&code)
                    .ok_or_else(|| StoreError::Other(format!("search feed kind {code}")))?,
                id: get(r, "item_id")?,
            })
        })
        .collect()
}

/// The newest feed position (0 when empty).
pub async fn head(db: &Db) -> Result<i64> {
    let row = db
        .one(
            &Query::select()
                .expr(Expr::col(SearchFeed::Seq).max())
                .from(SearchFeed::Table)
                .to_owned(),
        )
        .await?;
    Ok(sqlx::Row::try_get::<Option<i64>, _>(&row, 0)?.unwrap_or(0))
}
