//! Multi-row INSERT statements for loading demo data in bulk.
//!
//! A million proposals leave about ten million rows. Built with sea-query
//! and bound value by value through sqlx's `Any` driver, each value costs
//! more than SQLite takes to store it, so the national demo writes plain
//! SQL with literal values instead: integers, NULL and standard quoted
//! strings (`'` doubled), which read the same on SQLite and PostgreSQL.
//! Only generated text goes in here, never user input.

use sea_query::{Expr, Query};

use crate::db::{Db, Tx};
use crate::error::Result;

/// One value of a row.
pub(super) enum Lit<'a> {
    Int(i64),
    Text(&'a str),
    Null,
}

impl From<i64> for Lit<'_> {
    fn from(n: i64) -> Self {
        Lit::Int(n)
    }
}

impl<'a> From<&'a str> for Lit<'a> {
    fn from(s: &'a str) -> Self {
        Lit::Text(s)
    }
}

impl From<Option<i64>> for Lit<'_> {
    fn from(n: Option<i64>) -> Self {
        n.map_or(Lit::Null, Lit::Int)
    }
}

/// Rows for one table, rendered as statements of at most `max_rows` rows.
pub(super) struct Batch {
    head: String,
    max_rows: usize,
    current: String,
    rows: usize,
    done: Vec<String>,
}

impl Batch {
    pub(super) fn new(table: &str, columns: &[&str], max_rows: usize) -> Batch {
        Batch {
            head: format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")),
            max_rows,
            current: String::new(),
            rows: 0,
            done: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, values: &[Lit<'_>]) {
        if self.rows == 0 {
            self.current.push_str(&self.head);
        } else {
            self.current.push(',');
        }
        self.current.push('(');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.current.push(',');
            }
            match v {
                Lit::Int(n) => {
                    use std::fmt::Write;
                    let _ = write!(self.current, "{n}");
                }
                Lit::Null => self.current.push_str("NULL"),
                Lit::Text(s) => {
                    self.current.push('\'');
                    for part in s.split_inclusive('\'') {
                        self.current.push_str(part);
                        if part.ends_with('\'') {
                            self.current.push('\'');
                        }
                    }
                    self.current.push('\'');
                }
            }
        }
        self.current.push(')');
        self.rows += 1;
        // Large text rows end a statement early, so none grows past a few MB.
        if self.rows >= self.max_rows || self.current.len() > 4 << 20 {
            self.finish_statement();
        }
    }

    fn finish_statement(&mut self) {
        if self.rows > 0 {
            self.done.push(std::mem::take(&mut self.current));
            self.rows = 0;
        }
    }

    /// Every statement so far, the last one closed; the batch starts over.
    pub(super) fn take(&mut self) -> Vec<String> {
        self.finish_statement();
        std::mem::take(&mut self.done)
    }
}

/// Runs rendered statements inside a transaction.
pub(super) async fn run(tx: &mut Tx, statements: &[String]) -> Result<()> {
    for sql in statements {
        tx.raw(sql).await?;
    }
    Ok(())
}

/// Writes what every batch holds, in the order given, in one transaction.
pub(super) async fn flush_all(db: &Db, batches: &mut [&mut Batch]) -> Result<()> {
    let mut tx = db.write().await?;
    for b in batches.iter_mut() {
        run(&mut tx, &b.take()).await?;
    }
    tx.commit().await
}

/// The next free id of `table` (the loader is its only writer).
pub(super) async fn next_id(db: &Db, table: &str) -> Result<i64> {
    let row = db
        .one(
            &Query::select()
                .expr(Expr::cust("COALESCE(MAX(id), 0)"))
                .from(sea_query::Alias::new(table))
                .to_owned(),
        )
        .await?;
    Ok(sqlx::Row::try_get::<i64, _>(&row, 0)? + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_statements_with_quoted_literals() {
        let mut b = Batch::new("t", &["a", "b", "c"], 2);
        b.push(&[1.into(), "它's".into(), Lit::Null]);
        b.push(&[2.into(), "''".into(), Some(3).into()]);
        b.push(&[4.into(), "".into(), None.into()]);
        let sql = b.take();
        assert_eq!(
            sql,
            [
                "INSERT INTO t (a, b, c) VALUES (1,'它''s',NULL),(2,'''''',3)",
                "INSERT INTO t (a, b, c) VALUES (4,'',NULL)"
            ]
        );
        assert!(b.take().is_empty());
    }
}
