//! Mail that goes with an in-app notification. For the kinds of notice that
//! warrant it (deadline warnings, co-signing invitations), a delivery job
//! is enqueued in the same transaction as the notification, addressed to
//! the member's e-mail if the account has one. The web layer's job runner
//! sends it through the configured sender and retries with back-off.

use domain::UserId;
use sea_query::{Expr, Query};
use serde::{Deserialize, Serialize};

use crate::db::{get, Tx};
use crate::error::Result;
use crate::job::{self, NewJob};
use crate::schema::{Members, Users};

/// The job kind the web layer's runner sends.
pub const KIND: &str = "notify.mail";

/// A delivery job's payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailJob {
    pub user_id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The e-mail of the member behind an account; `None` for accounts without
/// a member (units, staff) or members who left it empty.
pub async fn email_of(tx: &mut Tx, user: UserId) -> Result<Option<String>> {
    let row = tx
        .optional(
            &Query::select()
                .column((Members::Table, Members::Email))
                .from(Users::Table)
                .inner_join(
                    Members::Table,
                    Expr::col((Members::Table, Members::Id))
                        .equals((Users::Table, Users::MemberId)),
                )
                .and_where(Expr::col((Users::Table, Users::Id)).eq(user.0))
                .to_owned(),
        )
        .await?;
    let email = match row {
        Some(r) => get::<Option<String>>(&r, "email")?,
        None => None,
    };
    Ok(email
        .map(|e| e.trim().to_string())
        .filter(|e| e.contains('@')))
}

/// Tells one user in the app and, if they have an e-mail, by mail too;
/// both inside the caller's transaction.
pub async fn notify_with_mail(
    tx: &mut Tx,
    now: i64,
    user: UserId,
    title: &str,
    body: &str,
    link: &str,
) -> Result<()> {
    crate::notify::notify(tx, now, user, title, body, link).await?;
    let Some(to) = email_of(tx, user).await? else {
        return Ok(());
    };
    let text = if link.is_empty() {
        body.to_string()
    } else {
        format!("{body}\n\n请登录数字政协查看：{link}")
    };
    let payload = MailJob {
        user_id: user.0,
        to,
        subject: title.to_string(),
        body: text,
    };
    job::enqueue(
        tx,
        now,
        NewJob {
            kind: KIND,
            payload: serde_json::to_value(&payload).unwrap_or_default(),
            run_at: now,
            dedupe_key: None,
        },
    )
    .await?;
    Ok(())
}
