//! Exports that run as background jobs: a row per export with who asked
//! for it, its progress (done of total) and the finished file's name. The
//! row is created in the same transaction as the job that fills it.

use domain::{OrgId, UserId};
use sea_query::{Expr, Order, Query};
use serde::Serialize;

use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::job::NewJob;
use crate::schema::Exports;

/// Where an export stands.
pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";
/// Done, and the file was removed after the keeping period.
pub const EXPIRED: &str = "expired";
/// The job kind that removes a finished export's file.
pub const EXPIRE_KIND: &str = "export.expire";

#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub id: i64,
    pub kind: String,
    pub org_id: OrgId,
    pub user_id: UserId,
    /// What it is, in words, e.g. 第六届2026年提案汇编.
    pub title: String,
    /// The job's parameters as JSON.
    pub params: serde_json::Value,
    pub state: String,
    pub done: i64,
    pub total: i64,
    /// The file's name under the exports folder once done.
    pub file: String,
    pub error: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Export {
    pub fn is_done(&self) -> bool {
        self.state == DONE
    }

    pub fn state_label(&self) -> &'static str {
        match self.state.as_str() {
            QUEUED => "排队中",
            RUNNING => "生成中",
            DONE => "已完成",
            EXPIRED => "已过期",
            _ => "失败",
        }
    }

    /// Whole percent done, 0 to 100.
    pub fn percent(&self) -> i64 {
        if self.is_done() {
            100
        } else if self.total > 0 {
            (self.done * 100 / self.total).clamp(0, 100)
        } else {
            0
        }
    }
}

/// A new export and the job kind that fills it.
#[derive(Debug, Clone)]
pub struct NewExport {
    pub job_kind: &'static str,
    pub org: OrgId,
    pub user: UserId,
    pub title: String,
    pub params: serde_json::Value,
}

/// Records the export and enqueues its job, both in `tx`. The job's
/// payload is `{"export_id": id}`; the job reads the rest from the row.
pub async fn start(tx: &mut Tx, now: i64, new: NewExport) -> Result<i64> {
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Exports::Table)
                .columns([
                    Exports::Kind,
                    Exports::OrgId,
                    Exports::UserId,
                    Exports::Title,
                    Exports::Params,
                    Exports::State,
                    Exports::CreatedAt,
                    Exports::UpdatedAt,
                ])
                .values_panic([
                    new.job_kind.into(),
                    new.org.0.into(),
                    new.user.0.into(),
                    new.title.into(),
                    new.params.to_string().into(),
                    QUEUED.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Exports::Id)
                .to_owned(),
        )
        .await?;
    crate::job::enqueue(
        tx,
        now,
        NewJob {
            kind: new.job_kind,
            payload: serde_json::json!({ "export_id": id }),
            run_at: now,
            dedupe_key: Some(format!("export:{id}")),
        },
    )
    .await?;
    Ok(id)
}

const COLUMNS: [Exports; 13] = [
    Exports::Id,
    Exports::Kind,
    Exports::OrgId,
    Exports::UserId,
    Exports::Title,
    Exports::Params,
    Exports::State,
    Exports::Done,
    Exports::Total,
    Exports::File,
    Exports::Error,
    Exports::CreatedAt,
    Exports::UpdatedAt,
];

fn from_row(r: &sqlx::any::AnyRow) -> Result<Export> {
    let params: String = get(r, "params")?;
    Ok(Export {
        id: get(r, "id")?,
        kind: get(r, "kind")?,
        org_id: OrgId(get(r, "org_id")?),
        user_id: UserId(get(r, "user_id")?),
        title: get(r, "title")?,
        params: serde_json::from_str(&params).unwrap_or_default(),
        state: get(r, "state")?,
        done: get(r, "done")?,
        total: get(r, "total")?,
        file: get(r, "file")?,
        error: get(r, "error")?,
        created_at: get(r, "created_at")?,
        updated_at: get(r, "updated_at")?,
    })
}

pub async fn get_export(db: &Db, id: i64) -> Result<Export> {
    let row = db
        .optional(
            &Query::select()
                .columns(COLUMNS)
                .from(Exports::Table)
                .and_where(Expr::col(Exports::Id).eq(id))
                .to_owned(),
        )
        .await?
        .ok_or(StoreError::NotFound)?;
    from_row(&row)
}

/// The latest exports of one kind started in an organisation, newest first.
pub async fn recent(db: &Db, kind: &str, org: OrgId, limit: u64) -> Result<Vec<Export>> {
    let rows = db
        .all(
            &Query::select()
                .columns(COLUMNS)
                .from(Exports::Table)
                .and_where(Expr::col(Exports::Kind).eq(kind))
                .and_where(Expr::col(Exports::OrgId).eq(org.0))
                .order_by(Exports::Id, Order::Desc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(from_row).collect()
}

async fn set(db: &Db, id: i64, values: Vec<(Exports, sea_query::SimpleExpr)>) -> Result<()> {
    let mut tx = db.write().await?;
    tx.execute(&update(id, values)).await?;
    tx.commit().await
}

fn update(id: i64, values: Vec<(Exports, sea_query::SimpleExpr)>) -> sea_query::UpdateStatement {
    Query::update()
        .table(Exports::Table)
        .values(values)
        .and_where(Expr::col(Exports::Id).eq(id))
        .to_owned()
}

/// The job has counted its work and starts (again, after a retry).
pub async fn running(db: &Db, now: i64, id: i64, total: i64) -> Result<()> {
    set(
        db,
        id,
        vec![
            (Exports::State, RUNNING.into()),
            (Exports::Done, 0.into()),
            (Exports::Total, total.into()),
            (Exports::Error, "".into()),
            (Exports::UpdatedAt, now.into()),
        ],
    )
    .await
}

pub async fn progress(db: &Db, now: i64, id: i64, done: i64) -> Result<()> {
    set(
        db,
        id,
        vec![
            (Exports::Done, done.into()),
            (Exports::UpdatedAt, now.into()),
        ],
    )
    .await
}

/// The file is written; it is kept until `keep_until`, when a job of kind
/// [`EXPIRE_KIND`] (enqueued here, in the same transaction) removes it.
pub async fn finished(db: &Db, now: i64, id: i64, file: &str, keep_until: i64) -> Result<()> {
    let mut tx = db.write().await?;
    tx.execute(&update(
        id,
        vec![
            (Exports::State, DONE.into()),
            (Exports::Done, Expr::col(Exports::Total).into()),
            (Exports::File, file.into()),
            (Exports::UpdatedAt, now.into()),
        ],
    ))
    .await?;
    crate::job::enqueue(
        &mut tx,
        now,
        NewJob {
            kind: EXPIRE_KIND,
            payload: serde_json::json!({ "export_id": id }),
            run_at: keep_until,
            dedupe_key: Some(format!("export-expire:{id}")),
        },
    )
    .await?;
    tx.commit().await
}

/// The file was removed: the export stays listed as expired.
pub async fn expired(db: &Db, now: i64, id: i64) -> Result<()> {
    set(
        db,
        id,
        vec![
            (Exports::State, EXPIRED.into()),
            (Exports::File, "".into()),
            (Exports::UpdatedAt, now.into()),
        ],
    )
    .await
}

/// The job failed; `error` is shown to the user, so it is plain Chinese.
pub async fn failed(db: &Db, now: i64, id: i64, error: &str) -> Result<()> {
    set(
        db,
        id,
        vec![
            (Exports::State, FAILED.into()),
            (
                Exports::Error,
                error.chars().take(500).collect::<String>().into(),
            ),
            (Exports::UpdatedAt, now.into()),
        ],
    )
    .await
}
