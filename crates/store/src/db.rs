//! The connection: one pool, one code path for SQLite and PostgreSQL.
//! Queries are sea-query statements rendered for the backend in use.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sea_query::{
    DeleteStatement, InsertStatement, PostgresQueryBuilder, SelectStatement, SqliteQueryBuilder,
    UpdateStatement,
};
use sea_query_binder::{SqlxBinder, SqlxValues};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Row};

use crate::error::{Result, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer at a time. Writers of this process queue here,
    /// first come first served, instead of in SQLite's busy handler, which
    /// sleeps in growing steps (up to 100 ms) and so turns a short wait
    /// into a long one under a burst of submissions.
    writer: Arc<tokio::sync::Mutex<()>>,
    /// Counts of wide lists, kept briefly (see `proposal::wide`).
    pub(crate) counts: crate::proposal::CountCache,
}

/// Any statement sea-query can render and sqlx can bind.
pub trait Statement {
    fn render(&self, backend: Backend) -> (String, SqlxValues);
}

macro_rules! statement {
    ($($t:ty),*) => {$(
        impl Statement for $t {
            fn render(&self, backend: Backend) -> (String, SqlxValues) {
                match backend {
                    Backend::Sqlite => self.build_sqlx(SqliteQueryBuilder),
                    Backend::Postgres => self.build_sqlx(PostgresQueryBuilder),
                }
            }
        }
    )*};
}
statement!(
    SelectStatement,
    InsertStatement,
    UpdateStatement,
    DeleteStatement
);

impl Db {
    /// Connects to `sqlite://path` (created if missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(StoreError::Other(format!(
                "数据库地址应以 sqlite:// 或 postgres:// 开头：{url}"
            )));
        };
        let url = match backend {
            Backend::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = match backend {
            Backend::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(8)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // WAL lets readers run beside the one writer; IMMEDIATE
                            // write transactions plus the busy timeout queue writers.
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(16)
                    .connect_with(options)
                    .await?
            }
        };
        Ok(Db {
            pool,
            backend,
            writer: Arc::new(tokio::sync::Mutex::new(())),
            counts: Default::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`) so that the busy timeout applies.
    ///
    /// On SQLite the transaction first waits its turn among this process's
    /// writers (as long as the busy timeout, 5 s), so the lock is free when
    /// it asks; another process (the command line) still meets the busy
    /// timeout.
    pub async fn write(&self) -> Result<Tx> {
        let (inner, turn) = match self.backend {
            Backend::Sqlite => {
                let turn = tokio::time::timeout(WRITER_WAIT, self.writer.clone().lock_owned())
                    .await
                    .map_err(|_| StoreError::Other("数据库繁忙，请稍后重试".into()))?;
                (self.pool.begin_with("BEGIN IMMEDIATE").await?, Some(turn))
            }
            Backend::Postgres => (self.pool.begin().await?, None),
        };
        Ok(Tx {
            inner,
            backend: self.backend,
            _turn: turn,
        })
    }

    pub async fn all(&self, stmt: &impl Statement) -> Result<Vec<AnyRow>> {
        let (sql, values) = stmt.render(self.backend);
        Ok(sqlx::query_with(&sql, values).fetch_all(&self.pool).await?)
    }

    pub async fn optional(&self, stmt: &impl Statement) -> Result<Option<AnyRow>> {
        let (sql, values) = stmt.render(self.backend);
        Ok(sqlx::query_with(&sql, values)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn one(&self, stmt: &impl Statement) -> Result<AnyRow> {
        self.optional(stmt).await?.ok_or(StoreError::NotFound)
    }

    /// The first column of the first row as an integer (a count).
    pub async fn scalar(&self, stmt: &impl Statement) -> Result<i64> {
        Ok(self.one(stmt).await?.try_get::<i64, _>(0)?)
    }

    /// Runs raw SQL that is the same on both backends (PRAGMA-free DDL, checks).
    pub async fn raw(&self, sql: &str) -> Result<()> {
        self.pool.execute(sql).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// An open write transaction. Dropped without `commit`, it rolls back.
pub struct Tx {
    inner: sqlx::Transaction<'static, Any>,
    backend: Backend,
    /// This process's writer turn on SQLite, held until commit or drop.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

/// How long a writer waits for its turn: SQLite's busy timeout.
const WRITER_WAIT: Duration = Duration::from_secs(5);

impl Tx {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn all(&mut self, stmt: &impl Statement) -> Result<Vec<AnyRow>> {
        let (sql, values) = stmt.render(self.backend);
        Ok(sqlx::query_with(&sql, values)
            .fetch_all(&mut *self.inner)
            .await?)
    }

    pub async fn optional(&mut self, stmt: &impl Statement) -> Result<Option<AnyRow>> {
        let (sql, values) = stmt.render(self.backend);
        Ok(sqlx::query_with(&sql, values)
            .fetch_optional(&mut *self.inner)
            .await?)
    }

    pub async fn one(&mut self, stmt: &impl Statement) -> Result<AnyRow> {
        self.optional(stmt).await?.ok_or(StoreError::NotFound)
    }

    /// Runs a statement and returns how many rows it touched.
    pub async fn execute(&mut self, stmt: &impl Statement) -> Result<u64> {
        let (sql, values) = stmt.render(self.backend);
        Ok(sqlx::query_with(&sql, values)
            .execute(&mut *self.inner)
            .await?
            .rows_affected())
    }

    /// Runs an insert that ends in `RETURNING id` and gives the id.
    pub async fn insert_id(&mut self, stmt: &InsertStatement) -> Result<i64> {
        Ok(self.one(stmt).await?.try_get::<i64, _>(0)?)
    }

    pub async fn raw(&mut self, sql: &str) -> Result<()> {
        (&mut *self.inner).execute(sql).await?;
        Ok(())
    }

    pub async fn commit(self) -> Result<()> {
        Ok(self.inner.commit().await?)
    }
}

/// Reads a column, naming it in the error.
pub fn get<'r, T>(row: &'r AnyRow, column: &str) -> Result<T>
where
    T: sqlx::Decode<'r, Any> + sqlx::Type<Any>,
{
    Ok(row.try_get::<T, _>(column)?)
}
