//! Zhengxie's database. One schema and one set of queries, built with
//! sea-query, run on SQLite (the embedded default) or PostgreSQL.

pub mod audit;
pub mod category;
pub mod clock;
pub mod crypto;
pub mod db;
pub mod deadline_warnings;
pub mod demo;
pub mod error;
pub mod export;
pub mod files;
pub mod history;
pub mod import;
pub mod job;
pub mod letter;
pub mod links;
pub mod mail;
pub mod member;
pub mod migrate;
pub mod names;
pub mod notify;
pub mod opinion;
pub mod org;
pub mod org_settings;
pub mod projection;
pub mod proposal;
pub mod schema;
pub mod scope;
pub mod search_feed;
pub mod session;
pub mod settings;
pub mod station;
pub mod supervision;
pub mod token;
pub mod user;
pub mod version;
pub mod xlsx;

pub use clock::Clock;
pub use crypto::FieldCipher;
pub use db::{Backend, Db, Tx};
pub use error::StoreError;

/// A page of a list: the rows and the total matching the filters.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl<T> Page<T> {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// Counts the rows `q` selects (its columns and order aside) by `id`.
pub(crate) async fn count_rows(
    db: &Db,
    q: &sea_query::SelectStatement,
    id: impl sea_query::IntoColumnRef,
) -> Result<i64, StoreError> {
    let mut count = q.clone();
    count
        .clear_selects()
        .clear_order_by()
        .expr(sea_query::Expr::col(id).count());
    db.scalar(&count).await
}

/// Reads page `page` (counting from 1) of `q`, which the caller has ordered,
/// mapping each row with `row`; `total` is the count of the whole list.
pub(crate) async fn read_page<T>(
    db: &Db,
    mut q: sea_query::SelectStatement,
    total: i64,
    page: i64,
    per_page: i64,
    row: impl Fn(&sqlx::any::AnyRow) -> Result<T, StoreError>,
) -> Result<Page<T>, StoreError> {
    q.limit(per_page as u64)
        .offset(((page.max(1) - 1) * per_page) as u64);
    let rows = db.all(&q).await?;
    Ok(Page {
        rows: rows.iter().map(row).collect::<Result<_, _>>()?,
        total,
        page,
        per_page,
    })
}
