//! Data versions: one counter per kind of data, bumped in the same
//! transaction as every write to it. A server that caches a list compares
//! the version it cached with the current one, so a change made on any
//! server is seen on every server at the next request.

use sea_query::{Expr, Query};

use crate::db::{Db, Tx};
use crate::error::Result;
use crate::schema::DataVersions;

/// Members, organisations and their structure lists: what the member list shows.
pub const DIRECTORY: &str = "directory";
/// 委员工作站: stations and the organisations' station settings (what the
/// public demand form lists).
pub const STATIONS: &str = "stations";

pub async fn bump(tx: &mut Tx, name: &str, now: i64) -> Result<()> {
    tx.execute(
        &Query::update()
            .table(DataVersions::Table)
            .value(
                DataVersions::Version,
                Expr::col(DataVersions::Version).add(1),
            )
            .value(DataVersions::UpdatedAt, now)
            .and_where(Expr::col(DataVersions::Name).eq(name))
            .to_owned(),
    )
    .await?;
    Ok(())
}

pub async fn current(db: &Db, name: &str) -> Result<i64> {
    db.scalar(
        &Query::select()
            .column(DataVersions::Version)
            .from(DataVersions::Table)
            .and_where(Expr::col(DataVersions::Name).eq(name))
            .to_owned(),
    )
    .await
}

/// One number that changes whenever any of `names` changes (their sum:
/// each only grows), read in one query.
pub async fn combined(db: &Db, names: &[&str]) -> Result<i64> {
    db.scalar(
        &Query::select()
            .expr(Expr::cust("CAST(COALESCE(SUM(version), 0) AS BIGINT)"))
            .from(DataVersions::Table)
            .and_where(Expr::col(DataVersions::Name).is_in(names.iter().copied()))
            .to_owned(),
    )
    .await
}
