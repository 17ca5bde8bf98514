//! In-app notifications: a bell with a count, a list, mark as read. They are
//! written in the transaction of the change they tell about.

use domain::UserId;
use sea_query::{Expr, Order, Query};
use serde::Serialize;

use crate::db::{get, Db, Tx};
use crate::error::Result;
use crate::schema::Notifications;
use crate::Page;

/// Tells one user something, inside the caller's transaction.
pub async fn notify(
    tx: &mut Tx,
    now: i64,
    user: UserId,
    title: &str,
    body: &str,
    link: &str,
) -> Result<()> {
    tx.execute(
        &Query::insert()
            .into_table(Notifications::Table)
            .columns([
                Notifications::UserId,
                Notifications::Title,
                Notifications::Body,
                Notifications::Link,
                Notifications::CreatedAt,
                Notifications::UpdatedAt,
            ])
            .values_panic([
                user.0.into(),
                title.into(),
                body.into(),
                link.into(),
                now.into(),
                now.into(),
            ])
            .to_owned(),
    )
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub link: String,
    pub read: bool,
    pub created_at: i64,
}

pub async fn list(db: &Db, user: UserId, page: i64, per_page: i64) -> Result<Page<Notification>> {
    let base = Query::select()
        .from(Notifications::Table)
        .and_where(Expr::col(Notifications::UserId).eq(user.0))
        .to_owned();
    let total = db
        .scalar(
            &base
                .clone()
                .expr(Expr::col(Notifications::Id).count())
                .to_owned(),
        )
        .await?;
    let rows = db
        .all(
            &base
                .clone()
                .columns([
                    Notifications::Id,
                    Notifications::Title,
                    Notifications::Body,
                    Notifications::Link,
                    Notifications::ReadAt,
                    Notifications::CreatedAt,
                ])
                .order_by(Notifications::Id, Order::Desc)
                .limit(per_page as u64)
                .offset(((page.max(1) - 1) * per_page) as u64)
                .to_owned(),
        )
        .await?;
    let rows = rows
        .iter()
        .map(|r| {
            Ok(Notification {
                id: get(r, "id")?,
                title: get(r, "title")?,
                body: get(r, "body")?,
                link: get(r, "link")?,
                read: get::<Option<i64>>(r, "read_at")?.is_some(),
                created_at: get(r, "created_at")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        rows,
        total,
        page,
        per_page,
    })
}

/// Marks one notification (or all, with `None`) as read. Returns how many changed.
pub async fn mark_read(db: &Db, now: i64, user: UserId, id: Option<i64>) -> Result<u64> {
    let mut q = Query::update()
        .table(Notifications::Table)
        .values([
            (Notifications::ReadAt, now.into()),
            (Notifications::UpdatedAt, now.into()),
        ])
        .and_where(Expr::col(Notifications::UserId).eq(user.0))
        .and_where(Expr::col(Notifications::ReadAt).is_null())
        .to_owned();
    if let Some(id) = id {
        q.and_where(Expr::col(Notifications::Id).eq(id));
    }
    let mut tx = db.write().await?;
    let n = tx.execute(&q).await?;
    tx.commit().await?;
    Ok(n)
}
