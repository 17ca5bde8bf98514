//! Display names by id, for records that store only ids (a topic's members,
//! the units a record was forwarded to).

use std::borrow::Borrow;
use std::collections::HashMap;

use domain::{MemberId, UnitId};
use sea_query::{Alias, Expr, IntoIden, Query};

use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Members, Units};

/// The `name` of each row of `table` whose `id` is among `ids`.
async fn by_id(
    db: &Db,
    table: impl IntoIden,
    id: impl IntoIden,
    name: impl IntoIden,
    ids: Vec<i64>,
) -> Result<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let (table, id, name) = (table.into_iden(), id.into_iden(), name.into_iden());
    let rows = db
        .all(
            &Query::select()
                .expr_as(Expr::col(id.clone()), Alias::new("id"))
                .expr_as(Expr::col(name), Alias::new("name"))
                .from(table)
                .and_where(Expr::col(id).is_in(ids))
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok((get(r, "id")?, get(r, "name")?)))
        .collect()
}

/// Members' names.
pub async fn members(
    db: &Db,
    ids: impl IntoIterator<Item = impl Borrow<MemberId>>,
) -> Result<HashMap<MemberId, String>> {
    let ids = ids.into_iter().map(|m| m.borrow().0).collect();
    let names = by_id(db, Members::Table, Members::Id, Members::Name, ids).await?;
    Ok(names.into_iter().map(|(k, v)| (MemberId(k), v)).collect())
}

/// Handling units' names.
pub async fn units(
    db: &Db,
    ids: impl IntoIterator<Item = impl Borrow<UnitId>>,
) -> Result<HashMap<UnitId, String>> {
    let ids = ids.into_iter().map(|u| u.borrow().0).collect();
    let names = by_id(db, Units::Table, Units::Id, Units::Name, ids).await?;
    Ok(names.into_iter().map(|(k, v)| (UnitId(k), v)).collect())
}
