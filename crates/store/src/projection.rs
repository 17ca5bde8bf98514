//! Projections: rows derived from a record's rules state, kept so that lists
//! can be queried (a unit's queue, a member's proposals). They are rewritten
//! as a whole, in the transaction that saves the record, so they never drift
//! from it.

use domain::tracking::Tracking;
use sea_query::{Alias, DynIden, Expr, IntoIden, Query, SimpleExpr};

use crate::db::Tx;
use crate::error::Result;

/// Replaces the rows of `table` whose `key` column is `id` with `rows`,
/// each listing its values in the order of `columns` (the key first).
pub(crate) async fn rewrite(
    tx: &mut Tx,
    table: impl IntoIden,
    key: impl IntoIden,
    id: i64,
    columns: Vec<DynIden>,
    rows: Vec<Vec<SimpleExpr>>,
) -> Result<()> {
    let (table, key) = (table.into_iden(), key.into_iden());
    tx.execute(
        &Query::delete()
            .from_table(table.clone())
            .and_where(Expr::col(key).eq(id))
            .to_owned(),
    )
    .await?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert()
        .into_table(table)
        .columns(columns)
        .to_owned();
    for row in rows {
        insert.values_panic(row);
    }
    tx.execute(&insert).await?;
    Ok(())
}

/// Rewrites which units hold a record forwarded through `tracking`, in a
/// table of the shape (`key`, seq, unit_id, state, due_on) — a unit's queue
/// of letters or citizens' demands.
pub(crate) async fn rewrite_units(
    tx: &mut Tx,
    table: impl IntoIden,
    key: impl IntoIden,
    id: i64,
    tracking: &Tracking,
) -> Result<()> {
    let key = key.into_iden();
    let columns = vec![
        key.clone(),
        Alias::new("seq").into_iden(),
        Alias::new("unit_id").into_iden(),
        Alias::new("state").into_iden(),
        Alias::new("due_on").into_iden(),
    ];
    let rows = tracking
        .assignments
        .iter()
        .map(|a| {
            vec![
                id.into(),
                i64::from(a.seq).into(),
                a.unit.0.into(),
                a.state.code().into(),
                a.due.to_string().into(),
            ]
        })
        .collect();
    rewrite(tx, table, key, id, columns, rows).await
}
