//! Passwords and lockout: argon2id hashing and checking, setting a new
//! password, counting failed logins, recording a login and unlocking.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use domain::security::SecurityPolicy;
use domain::UserId;
use sea_query::{Expr, Query};

use super::change::change;
use super::Account;
use crate::audit::{self, Event, Who};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::schema::Users;

/// argon2id with m = 19 MiB, t = 2, p = 1 (the OWASP baseline).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Other(format!("password hashing failed: {e}")))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Sets a new password. `must_change` is true when an administrator resets it.
pub async fn set_password(
    db: &Db,
    now: i64,
    who: &Who,
    id: UserId,
    password: &str,
    must_change: bool,
) -> Result<()> {
    let hash = hash_password(password)?;
    let (action, summary) = if must_change {
        ("account.reset_password", "重置密码")
    } else {
        ("account.change_password", "修改本人密码")
    };
    change(
        db,
        now,
        who,
        id,
        vec![
            (Users::PasswordHash, hash.into()),
            (Users::MustChangePassword, i64::from(must_change).into()),
            (Users::PasswordChangedAt, now.into()),
            (Users::FailedLogins, 0.into()),
            (Users::LockedUntil, Option::<i64>::None.into()),
        ],
        Event::new(action, "user", id, summary),
    )
    .await
}

/// Counts a failed login and locks the account when the policy says so.
/// Returns the lock expiry if it locked now.
pub async fn record_failed_login(
    db: &Db,
    now: i64,
    who: &Who,
    account: &Account,
    policy: &SecurityPolicy,
) -> Result<Option<i64>> {
    let failures = account.failed_logins + 1;
    let locked = policy.lock_after_failure(failures as u32, now);
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Users::Table)
            .values([
                (Users::FailedLogins, failures.into()),
                (Users::LockedUntil, locked.or(account.locked_until).into()),
                (Users::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(Users::Id).eq(account.id.0))
            .to_owned(),
    )
    .await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "login.failed",
            "user",
            account.id,
            format!("登录失败：{}，第{failures}次", account.login),
        ),
    )
    .await?;
    if locked.is_some() {
        audit::append(
            &mut tx,
            now,
            who,
            Event::new(
                "account.locked",
                "user",
                account.id,
                format!("连续{failures}次登录失败，账号锁定"),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(locked)
}

pub async fn record_login(db: &Db, now: i64, id: UserId) -> Result<()> {
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Users::Table)
            .values([
                (Users::FailedLogins, 0.into()),
                (Users::LockedUntil, Option::<i64>::None.into()),
                (Users::LastLoginAt, now.into()),
            ])
            .and_where(Expr::col(Users::Id).eq(id.0))
            .to_owned(),
    )
    .await?;
    tx.commit().await
}

pub async fn unlock(db: &Db, now: i64, who: &Who, id: UserId) -> Result<()> {
    change(
        db,
        now,
        who,
        id,
        vec![
            (Users::FailedLogins, 0.into()),
            (Users::LockedUntil, Option::<i64>::None.into()),
        ],
        Event::new("account.unlock", "user", id, "解锁账号"),
    )
    .await
}
