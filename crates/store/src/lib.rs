//! Zhengxie's database. One schema and one set of queries, built with
//! sea-query, run on SQLite (the embedded default) or PostgreSQL.

pub mod audit;
pub mod category;
pub mod clock;
pub mod crypto;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod history;
pub mod import;
pub mod job;
pub mod letter;
pub mod mail;
pub mod member;
pub mod migrate;
pub mod notify;
pub mod opinion;
pub mod org;
pub mod org_settings;
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

/// Limits a list query to one page (`page` counts from 1).
pub(crate) fn one_page(q: &mut sea_query::SelectStatement, page: i64, per_page: i64) {
    q.limit(per_page as u64)
        .offset(((page.max(1) - 1) * per_page) as u64);
}
