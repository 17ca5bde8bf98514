//! Links between items of different kinds (`item_links`): a proposal
//! converted to 社情民意, a citizen's demand that became a draft, the source
//! of a supervision topic. Each link is written both ways in the same
//! transaction as the step that causes it, so either record can show the
//! other.

use sea_query::{Expr, Order, Query};
use serde::Serialize;

use crate::db::{get, Db, Tx};
use crate::error::Result;
use crate::schema::ItemLinks;

/// A link's relation, read from its `from` item.
pub const CONVERTED_TO: &str = "converted_to";
pub const CONVERTED_FROM: &str = "converted_from";

/// An item named by its kind (as in [`crate::opinion::KIND_PROPOSAL`]) and id.
pub type Item<'a> = (&'a str, i64);

/// One link from an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub to_kind: String,
    pub to_id: i64,
    pub relation: String,
    pub at: i64,
}

/// The links from one item, oldest first.
pub async fn outgoing(db: &Db, kind: &str, id: i64) -> Result<Vec<Link>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    ItemLinks::ToKind,
                    ItemLinks::ToId,
                    ItemLinks::Relation,
                    ItemLinks::At,
                ])
                .from(ItemLinks::Table)
                .and_where(Expr::col(ItemLinks::FromKind).eq(kind))
                .and_where(Expr::col(ItemLinks::FromId).eq(id))
                .order_by(ItemLinks::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Link {
                to_kind: get(r, "to_kind")?,
                to_id: get(r, "to_id")?,
                relation: get(r, "relation")?,
                at: get(r, "at")?,
            })
        })
        .collect()
}

/// `converted_to` from the original, `converted_from` back from the new item.
pub(crate) const CONVERTED: (&str, &str) = (CONVERTED_TO, CONVERTED_FROM);

/// Writes the link from `a` to `b` under `relations.0` and the link back
/// from `b` to `a` under `relations.1`.
pub(crate) async fn both_ways(
    tx: &mut Tx,
    now: i64,
    a: Item<'_>,
    b: Item<'_>,
    relations: (&str, &str),
) -> Result<()> {
    link(tx, now, a, b, relations.0).await?;
    link(tx, now, b, a, relations.1).await
}

/// Writes one link.
async fn link(tx: &mut Tx, now: i64, from: Item<'_>, to: Item<'_>, relation: &str) -> Result<()> {
    tx.execute(
        &Query::insert()
            .into_table(ItemLinks::Table)
            .columns([
                ItemLinks::FromKind,
                ItemLinks::FromId,
                ItemLinks::ToKind,
                ItemLinks::ToId,
                ItemLinks::Relation,
                ItemLinks::At,
                ItemLinks::CreatedAt,
                ItemLinks::UpdatedAt,
            ])
            .values_panic([
                from.0.into(),
                from.1.into(),
                to.0.into(),
                to.1.into(),
                relation.into(),
                now.into(),
                now.into(),
                now.into(),
            ])
            .to_owned(),
    )
    .await?;
    Ok(())
}
