//! Server-side sessions, stored in the database so that any app server can
//! serve any request. The cookie holds a random token; only its SM3 digest
//! is stored.

use domain::UserId;
use rand::RngCore;
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;
use sm3::{Digest, Sm3};

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Sessions, Users};
use crate::user::{account_from, select_accounts, Account};

/// How often the idle clock is pushed forward, so that reads do not write
/// on every request.
const TOUCH_EVERY_SECONDS: i64 = 60;

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn digest(token: &str) -> String {
    hex::encode(Sm3::digest(token.as_bytes()))
}

/// A live session and its account.
#[derive(Debug, Clone)]
pub struct Live {
    pub session_id: i64,
    pub csrf_token: String,
    pub last_seen_at: i64,
    pub account: Account,
    /// The directory's data version as this request began (see
    /// `crate::version`), read in the same query to save a round trip.
    pub directory_version: i64,
    /// Unread notifications, for the bell in the header.
    pub unread: i64,
}

/// Starts a session and returns the cookie token.
pub async fn start(
    db: &Db,
    now: i64,
    user: UserId,
    ip: &str,
    user_agent: &str,
) -> Result<(String, i64)> {
    let token = random_token();
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Sessions::Table)
                .columns([
                    Sessions::TokenDigest,
                    Sessions::UserId,
                    Sessions::CsrfToken,
                    Sessions::Ip,
                    Sessions::UserAgent,
                    Sessions::LastSeenAt,
                    Sessions::CreatedAt,
                    Sessions::UpdatedAt,
                ])
                .values_panic([
                    digest(&token).into(),
                    user.0.into(),
                    random_token().into(),
                    ip.into(),
                    user_agent.chars().take(200).collect::<String>().into(),
                    now.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Sessions::Id)
                .to_owned(),
        )
        .await?;
    tx.commit().await?;
    Ok((token, id))
}

/// Finds the live session for a cookie token, in one query with its account
/// and the current directory version.
pub async fn find(db: &Db, token: &str) -> Result<Option<Live>> {
    let s = Sessions::Table;
    let q = select_accounts()
        .expr_as(Expr::col((s, Sessions::Id)), Alias::new("session_id"))
        .expr_as(
            Expr::col((s, Sessions::CsrfToken)),
            Alias::new("csrf_token"),
        )
        .expr_as(
            Expr::col((s, Sessions::LastSeenAt)),
            Alias::new("last_seen_at"),
        )
        .expr_as(
            Expr::cust("(SELECT version FROM data_versions WHERE name = 'directory')"),
            Alias::new("directory_version"),
        )
        .expr_as(
            Expr::cust("(SELECT COUNT(*) FROM notifications n WHERE n.user_id = users.id AND n.read_at IS NULL)"),
            Alias::new("unread"),
        )
        .inner_join(
            s,
            Expr::col((s, Sessions::UserId)).equals((Users::Table, Users::Id)),
        )
        .and_where(Expr::col((s, Sessions::TokenDigest)).eq(digest(token)))
        .and_where(Expr::col((s, Sessions::EndedAt)).is_null())
        .to_owned();
    let Some(r) = db.optional(&q).await? else {
        return Ok(None);
    };
    Ok(Some(Live {
        session_id: get(&r, "session_id")?,
        csrf_token: get(&r, "csrf_token")?,
        last_seen_at: get(&r, "last_seen_at")?,
        account: account_from(&r)?,
        directory_version: get(&r, "directory_version")?,
        unread: get(&r, "unread")?,
    }))
}

/// Records activity, at most once a minute per session.
pub async fn touch(db: &Db, now: i64, live: &Live) -> Result<()> {
    if now - live.last_seen_at < TOUCH_EVERY_SECONDS {
        return Ok(());
    }
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Sessions::Table)
            .values([
                (Sessions::LastSeenAt, now.into()),
                (Sessions::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(Sessions::Id).eq(live.session_id))
            .to_owned(),
    )
    .await?;
    tx.commit().await
}

/// Ends one session. `reason` is 退出, 超时, 用户结束 …; logouts are audited.
pub async fn end(
    db: &Db,
    now: i64,
    who: &Who,
    user: UserId,
    session_id: i64,
    reason: &str,
) -> Result<bool> {
    let mut tx = db.write().await?;
    let ended = tx
        .execute(
            &Query::update()
                .table(Sessions::Table)
                .values([
                    (Sessions::EndedAt, now.into()),
                    (Sessions::EndReason, reason.into()),
                    (Sessions::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Sessions::Id).eq(session_id))
                .and_where(Expr::col(Sessions::UserId).eq(user.0))
                .and_where(Expr::col(Sessions::EndedAt).is_null())
                .to_owned(),
        )
        .await?;
    if ended > 0 {
        audit::append(
            &mut tx,
            now,
            who,
            Event::new(
                "logout",
                "session",
                session_id,
                format!("会话结束：{reason}"),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ended > 0)
}

/// Ends every session of a user (disabled account, reset password).
pub async fn end_all(db: &Db, now: i64, user: UserId, reason: &str) -> Result<u64> {
    let mut tx = db.write().await?;
    let n = tx
        .execute(
            &Query::update()
                .table(Sessions::Table)
                .values([
                    (Sessions::EndedAt, now.into()),
                    (Sessions::EndReason, reason.into()),
                    (Sessions::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Sessions::UserId).eq(user.0))
                .and_where(Expr::col(Sessions::EndedAt).is_null())
                .to_owned(),
        )
        .await?;
    tx.commit().await?;
    Ok(n)
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionInfo {
    pub id: i64,
    pub ip: String,
    pub user_agent: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// The open sessions of a user, newest first.
pub async fn list_open(db: &Db, user: UserId) -> Result<Vec<SessionInfo>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    Sessions::Id,
                    Sessions::Ip,
                    Sessions::UserAgent,
                    Sessions::CreatedAt,
                    Sessions::LastSeenAt,
                ])
                .from(Sessions::Table)
                .and_where(Expr::col(Sessions::UserId).eq(user.0))
                .and_where(Expr::col(Sessions::EndedAt).is_null())
                .order_by(Sessions::Id, Order::Desc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionInfo {
                id: get(r, "id")?,
                ip: get(r, "ip")?,
                user_agent: get(r, "user_agent")?,
                created_at: get(r, "created_at")?,
                last_seen_at: get(r, "last_seen_at")?,
            })
        })
        .collect()
}
