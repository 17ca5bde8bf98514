//! Demands as the search index reads them: the text, the organisation and
//! the accepted answers, by ids (the feed) or in id order (a rebuild).
//! Never the visitor's name or phone.

use domain::station::Demand;
use sea_query::{Alias, Expr, Order, Query};

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Demands, Orgs};

/// What the index needs of one demand.
#[derive(Debug, Clone)]
pub struct Indexable {
    pub id: i64,
    pub org_path: String,
    pub year: i64,
    pub category: String,
    pub content: String,
    pub stage: String,
    pub answers: Vec<String>,
}

fn select() -> sea_query::SelectStatement {
    Query::select()
        .columns([
            (Demands::Table, Demands::Id),
            (Demands::Table, Demands::Category),
            (Demands::Table, Demands::Content),
            (Demands::Table, Demands::Stage),
            (Demands::Table, Demands::Aggregate),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .from(Demands::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Demands::Table, Demands::OrgId)),
        )
        .to_owned()
}

fn read(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Indexable>> {
    rows.iter()
        .map(|r| {
            let aggregate: String = get(r, "aggregate")?;
            let d: Demand =
                serde_json::from_str(&aggregate).map_err(|e| StoreError::Other(e.to_string()))?;
            Ok(Indexable {
                id: get(r, "id")?,
                org_path: get(r, "org_path")?,
                year: i64::from(d.received_on.year()),
                category: get(r, "category")?,
                content: get(r, "content")?,
                stage: get(r, "stage")?,
                answers: d.public_answers(),
            })
        })
        .collect()
}

pub async fn indexable_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Indexable>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = select();
    q.and_where(Expr::col((Demands::Table, Demands::Id)).is_in(ids.to_vec()));
    read(&db.all(&q).await?)
}

pub async fn indexable_after(db: &Db, after: i64, limit: u64) -> Result<Vec<Indexable>> {
    let mut q = select();
    q.and_where(Expr::col((Demands::Table, Demands::Id)).gt(after))
        .order_by((Demands::Table, Demands::Id), Order::Asc)
        .limit(limit);
    read(&db.all(&q).await?)
}
