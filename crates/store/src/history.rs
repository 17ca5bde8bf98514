//! The step history every kind of item keeps (`proposal_history`,
//! `opinion_history`, …): the tables share their columns but for the one
//! naming the item, so one reader serves them all.

use sea_query::{Alias, Expr, IntoIden, Order, Query};
use serde::Serialize;

use crate::db::{get, Db};
use crate::error::Result;

/// One step taken on an item.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub at: i64,
    pub actor_login: String,
    pub action: String,
    pub from_stage: String,
    pub to_stage: String,
    pub comment: String,
}

/// Every step of one item, oldest first: `table` is its history table and
/// `item` the column naming the item.
pub async fn steps(
    db: &Db,
    table: impl IntoIden + 'static,
    item: impl IntoIden + 'static,
    id: i64,
) -> Result<Vec<HistoryRow>> {
    let rows = db
        .all(
            &Query::select()
                .columns(
                    [
                        "at",
                        "actor_login",
                        "action",
                        "from_stage",
                        "to_stage",
                        "comment",
                    ]
                    .map(Alias::new),
                )
                .from(table)
                .and_where(Expr::col(item).eq(id))
                .order_by(Alias::new("id"), Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(HistoryRow {
                at: get(r, "at")?,
                actor_login: get(r, "actor_login")?,
                action: get(r, "action")?,
                from_stage: get(r, "from_stage")?,
                to_stage: get(r, "to_stage")?,
                comment: get(r, "comment")?,
            })
        })
        .collect()
}
