//! Reports for the search index (`store::search_feed`, kind opinion): the
//! text as it now reads, with the committee's path for the visibility
//! filter. Drafts and withdrawn reports are left out, so they are removed.

use domain::opinion::{Opinion, OpinionText, Stage};
use sea_query::{Alias, Expr, Order, Query, SelectStatement};

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Opinions, Orgs};

pub struct Indexable {
    pub id: i64,
    pub org_path: String,
    pub year: i64,
    pub stage: String,
    pub text: OpinionText,
}

fn select() -> SelectStatement {
    let o = Opinions::Table;
    Query::select()
        .columns([
            (o, Opinions::Id),
            (o, Opinions::Year),
            (o, Opinions::Stage),
            (o, Opinions::Aggregate),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .from(o)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((o, Opinions::OrgId)),
        )
        .and_where(
            Expr::col((o, Opinions::Stage))
                .is_not_in([Stage::Draft.code(), Stage::Withdrawn.code()]),
        )
        .to_owned()
}

fn of(r: &sqlx::any::AnyRow) -> Result<Indexable> {
    let id: i64 = get(r, "id")?;
    let aggregate: String = get(r, "aggregate")?;
    let opinion: Opinion = serde_json::from_str(&aggregate)
        .map_err(|e| StoreError::Other(format!("opinion {id} record: {e}")))?;
    Ok(Indexable {
        id,
        org_path: get(r, "org_path")?,
        year: get(r, "year")?,
        stage: get(r, "stage")?,
        text: opinion.current().clone(),
    })
}

/// The searchable reports among `ids`.
pub async fn indexable_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Indexable>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db
        .all(
            &select()
                .and_where(Expr::col((Opinions::Table, Opinions::Id)).is_in(ids.iter().copied()))
                .to_owned(),
        )
        .await?;
    rows.iter().map(of).collect()
}

/// Up to `limit` reports with ids after `after`, in id order, and the last
/// id looked at (drafts included in the walk, not in the result).
pub async fn indexable_after(
    db: &Db,
    after: i64,
    limit: u64,
) -> Result<(Vec<Indexable>, Option<i64>)> {
    let last = db
        .all(
            &Query::select()
                .column(Opinions::Id)
                .from(Opinions::Table)
                .and_where(Expr::col(Opinions::Id).gt(after))
                .order_by(Opinions::Id, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?
        .last()
        .map(|r| get::<i64>(r, "id"))
        .transpose()?;
    let Some(last) = last else {
        return Ok((Vec::new(), None));
    };
    let o = Opinions::Table;
    let rows = db
        .all(
            &select()
                .and_where(Expr::col((o, Opinions::Id)).gt(after))
                .and_where(Expr::col((o, Opinions::Id)).lte(last))
                .order_by((o, Opinions::Id), Order::Asc)
                .to_owned(),
        )
        .await?;
    Ok((rows.iter().map(of).collect::<Result<_>>()?, Some(last)))
}
