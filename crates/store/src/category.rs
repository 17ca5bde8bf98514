//! An organisation's category dictionary (分类), shared by the kinds of item
//! that name a category.

use domain::OrgId;
use sea_query::{Expr, Order, Query};

use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::Categories;

/// The organisation's active categories in their order (empty when it has
/// none of its own, so the rules' defaults apply).
pub async fn active_names(db: &Db, org: OrgId) -> Result<Vec<String>> {
    let rows = db
        .all(
            &Query::select()
                .column(Categories::Name)
                .from(Categories::Table)
                .and_where(Expr::col(Categories::OrgId).eq(org.0))
                .and_where(Expr::col(Categories::Active).eq(1))
                .order_by(Categories::Sort, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| get(r, "name")).collect()
}
