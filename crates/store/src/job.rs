//! Background work as rows in the `jobs` table. A job is enqueued in the
//! same transaction as the change that causes it, so nothing is lost on a
//! crash; any app server may claim a due job, and a claim is a lease that
//! runs out if the server dies.

use sea_query::{Expr, Order, Query};

use crate::db::{get, Db, Tx};
use crate::error::Result;
use crate::schema::Jobs;

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// What to do, e.g. `notify.mail`, `tracking.warning`.
    pub kind: &'static str,
    /// JSON the handler understands.
    pub payload: serde_json::Value,
    pub run_at: i64,
    /// At most one job per key ever; a second enqueue is ignored.
    pub dedupe_key: Option<String>,
}

/// A claimed job.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: serde_json::Value,
    pub attempts: i64,
}

/// Enqueues a job inside the caller's transaction. Returns false when a job
/// with the same dedupe key already exists.
pub async fn enqueue(tx: &mut Tx, now: i64, job: NewJob) -> Result<bool> {
    if let Some(key) = &job.dedupe_key {
        let exists = tx
            .optional(
                &Query::select()
                    .column(Jobs::Id)
                    .from(Jobs::Table)
                    .and_where(Expr::col(Jobs::DedupeKey).eq(key.as_str()))
                    .to_owned(),
            )
            .await?;
        if exists.is_some() {
            return Ok(false);
        }
    }
    tx.execute(
        &Query::insert()
            .into_table(Jobs::Table)
            .columns([
                Jobs::Kind,
                Jobs::Payload,
                Jobs::DedupeKey,
                Jobs::RunAt,
                Jobs::CreatedAt,
                Jobs::UpdatedAt,
            ])
            .values_panic([
                job.kind.into(),
                job.payload.to_string().into(),
                job.dedupe_key.into(),
                job.run_at.into(),
                now.into(),
                now.into(),
            ])
            .to_owned(),
    )
    .await?;
    Ok(true)
}

/// Claims up to `limit` due jobs for `lease` seconds. Each claim is a
/// conditional update, so two servers never run the same job at once.
pub async fn claim_due(db: &Db, now: i64, limit: u64, lease: i64) -> Result<Vec<Job>> {
    let candidates = db
        .all(
            &Query::select()
                .columns([Jobs::Id, Jobs::Kind, Jobs::Payload, Jobs::Attempts])
                .from(Jobs::Table)
                .and_where(Expr::col(Jobs::DoneAt).is_null())
                .and_where(Expr::col(Jobs::RunAt).lte(now))
                .and_where(
                    Expr::col(Jobs::LockedUntil)
                        .is_null()
                        .or(Expr::col(Jobs::LockedUntil).lte(now)),
                )
                .order_by(Jobs::RunAt, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    let mut claimed = Vec::new();
    for r in &candidates {
        let id: i64 = get(r, "id")?;
        let mut tx = db.write().await?;
        let won = tx
            .execute(
                &Query::update()
                    .table(Jobs::Table)
                    .values([
                        (Jobs::LockedUntil, (now + lease).into()),
                        (Jobs::Attempts, Expr::col(Jobs::Attempts).add(1)),
                        (Jobs::UpdatedAt, now.into()),
                    ])
                    .and_where(Expr::col(Jobs::Id).eq(id))
                    .and_where(Expr::col(Jobs::DoneAt).is_null())
                    .and_where(
                        Expr::col(Jobs::LockedUntil)
                            .is_null()
                            .or(Expr::col(Jobs::LockedUntil).lte(now)),
                    )
                    .to_owned(),
            )
            .await?;
        tx.commit().await?;
        if won == 1 {
            let payload: String = get(r, "payload")?;
            claimed.push(Job {
                id,
                kind: get(r, "kind")?,
                payload: serde_json::from_str(&payload).unwrap_or_default(),
                attempts: get::<i64>(r, "attempts")? + 1,
            });
        }
    }
    Ok(claimed)
}

pub async fn complete(db: &Db, now: i64, id: i64) -> Result<()> {
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Jobs::Table)
            .values([
                (Jobs::DoneAt, now.into()),
                (Jobs::LockedUntil, Option::<i64>::None.into()),
                (Jobs::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(Jobs::Id).eq(id))
            .to_owned(),
    )
    .await?;
    tx.commit().await
}

/// Records a failure and schedules a retry (or gives up, `retry_at = None`).
pub async fn fail(db: &Db, now: i64, id: i64, error: &str, retry_at: Option<i64>) -> Result<()> {
    let mut values = vec![
        (
            Jobs::LastError,
            error.chars().take(500).collect::<String>().into(),
        ),
        (Jobs::LockedUntil, Option::<i64>::None.into()),
        (Jobs::UpdatedAt, now.into()),
    ];
    match retry_at {
        Some(at) => values.push((Jobs::RunAt, at.into())),
        None => values.push((Jobs::DoneAt, now.into())),
    }
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Jobs::Table)
            .values(values)
            .and_where(Expr::col(Jobs::Id).eq(id))
            .to_owned(),
    )
    .await?;
    tx.commit().await
}

/// Jobs not yet done, for operations pages and tests.
pub async fn pending(db: &Db) -> Result<i64> {
    db.scalar(
        &Query::select()
            .expr(Expr::col(Jobs::Id).count())
            .from(Jobs::Table)
            .and_where(Expr::col(Jobs::DoneAt).is_null())
            .to_owned(),
    )
    .await
}
