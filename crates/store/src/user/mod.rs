//! Accounts: login, password, lockout, roles. Passwords are argon2id hashes.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use domain::org::OrgPath;
use domain::security::SecurityPolicy;
use domain::{MemberId, OrgId, Role, UnitId, UserId};
use sea_query::{Alias, Expr, Order, Query, SelectStatement};
use serde::Serialize;
use sqlx::any::AnyRow;

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Orgs, Users};
use crate::Page;

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

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: UserId,
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub org_id: OrgId,
    pub org_name: String,
    #[serde(skip)]
    pub org_path: OrgPath,
    pub member_id: Option<MemberId>,
    pub unit_id: Option<UnitId>,
    #[serde(skip)]
    pub password_hash: String,
    pub must_change_password: bool,
    pub password_changed_at: i64,
    pub failed_logins: i64,
    pub locked_until: Option<i64>,
    pub disabled: bool,
    pub elder_mode: bool,
    pub last_login_at: Option<i64>,
}

impl Account {
    pub fn is_locked(&self, now: i64) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }

    pub fn actor(&self) -> domain::permission::Actor {
        domain::permission::Actor {
            user_id: self.id,
            role: self.role,
            org_id: self.org_id,
            org_path: self.org_path.clone(),
            member_id: self.member_id,
        }
    }
}

pub(crate) fn select_accounts() -> SelectStatement {
    let u = Users::Table;
    Query::select()
        .columns([
            (u, Users::Id),
            (u, Users::Login),
            (u, Users::DisplayName),
            (u, Users::Role),
            (u, Users::OrgId),
            (u, Users::MemberId),
            (u, Users::UnitId),
            (u, Users::PasswordHash),
            (u, Users::MustChangePassword),
            (u, Users::PasswordChangedAt),
            (u, Users::FailedLogins),
            (u, Users::LockedUntil),
            (u, Users::Disabled),
            (u, Users::ElderMode),
            (u, Users::LastLoginAt),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .from(u)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((u, Users::OrgId)),
        )
        .to_owned()
}

pub(crate) fn account_from(r: &AnyRow) -> Result<Account> {
    let role: String = get(r, "role")?;
    Ok(Account {
        id: UserId(get(r, "id")?),
        login: get(r, "login")?,
        display_name: get(r, "display_name")?,
        role: Role::from_code(&role)
            .ok_or_else(|| StoreError::Other(format!("unknown role {role}")))?,
        org_id: OrgId(get(r, "org_id")?),
        org_name: get(r, "org_name")?,
        org_path: OrgPath::from_stored(get(r, "org_path")?),
        member_id: get::<Option<i64>>(r, "member_id")?.map(MemberId),
        unit_id: get::<Option<i64>>(r, "unit_id")?.map(UnitId),
        password_hash: get(r, "password_hash")?,
        must_change_password: get::<i64>(r, "must_change_password")? == 1,
        password_changed_at: get(r, "password_changed_at")?,
        failed_logins: get(r, "failed_logins")?,
        locked_until: get(r, "locked_until")?,
        disabled: get::<i64>(r, "disabled")? == 1,
        elder_mode: get::<i64>(r, "elder_mode")? == 1,
        last_login_at: get(r, "last_login_at")?,
    })
}

pub async fn find_by_login(db: &Db, login: &str) -> Result<Option<Account>> {
    let q = select_accounts()
        .and_where(Expr::col((Users::Table, Users::Login)).eq(login))
        .to_owned();
    db.optional(&q)
        .await?
        .as_ref()
        .map(account_from)
        .transpose()
}

pub async fn get_account(db: &Db, id: UserId) -> Result<Account> {
    let q = select_accounts()
        .and_where(Expr::col((Users::Table, Users::Id)).eq(id.0))
        .to_owned();
    account_from(&db.one(&q).await?)
}

#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub q: Option<String>,
    pub role: Option<Role>,
}

pub async fn list(
    db: &Db,
    scope: &OrgPath,
    f: &AccountFilter,
    page: i64,
    per_page: i64,
) -> Result<Page<Account>> {
    let mut q = select_accounts()
        .and_where(crate::scope::within(scope))
        .to_owned();
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        let like = format!("%{}%", text.trim());
        q.and_where(
            Expr::col((Users::Table, Users::Login))
                .like(like.clone())
                .or(Expr::col((Users::Table, Users::DisplayName)).like(like)),
        );
    }
    if let Some(role) = f.role {
        q.and_where(Expr::col((Users::Table, Users::Role)).eq(role.code()));
    }
    let mut count = q.clone();
    count.clear_selects();
    let total = db
        .scalar(
            &count
                .expr(Expr::col((Users::Table, Users::Id)).count())
                .to_owned(),
        )
        .await?;
    let rows = db
        .all(
            &q.order_by((Users::Table, Users::Id), Order::Asc)
                .limit(per_page as u64)
                .offset(((page.max(1) - 1) * per_page) as u64)
                .to_owned(),
        )
        .await?;
    Ok(Page {
        rows: rows.iter().map(account_from).collect::<Result<_>>()?,
        total,
        page,
        per_page,
    })
}

/// A new account, as the system administrator (or the CLI) creates it.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub login: String,
    pub display_name: String,
    pub role: Role,
    pub org_id: OrgId,
    pub member_id: Option<MemberId>,
    pub unit_id: Option<UnitId>,
    pub password: String,
    /// The first login forces a change.
    pub must_change_password: bool,
}

pub async fn create(db: &Db, now: i64, who: &Who, a: &NewAccount) -> Result<UserId> {
    let hash = hash_password(&a.password)?;
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Users::Table)
                .columns([
                    Users::Login,
                    Users::DisplayName,
                    Users::Role,
                    Users::OrgId,
                    Users::MemberId,
                    Users::UnitId,
                    Users::PasswordHash,
                    Users::MustChangePassword,
                    Users::PasswordChangedAt,
                    Users::CreatedAt,
                    Users::UpdatedAt,
                ])
                .values_panic([
                    a.login.clone().into(),
                    a.display_name.clone().into(),
                    a.role.code().into(),
                    a.org_id.0.into(),
                    a.member_id.map(|m| m.0).into(),
                    a.unit_id.map(|u| u.0).into(),
                    hash.into(),
                    i64::from(a.must_change_password).into(),
                    now.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Users::Id)
                .to_owned(),
        )
        .await
        .map_err(|e| e.unique_as_field("login", "login", "登录名已被使用"))?;
    let summary = format!("创建账号：{}（{}）", a.login, a.role.label());
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("account.create", "user", id, summary),
    )
    .await?;
    tx.commit().await?;
    Ok(UserId(id))
}

/// Applies column changes to one account and records them in the audit log.
async fn change(
    db: &Db,
    now: i64,
    who: &Who,
    id: UserId,
    values: Vec<(Users, sea_query::SimpleExpr)>,
    event: Event,
) -> Result<()> {
    let mut values = values;
    values.push((Users::UpdatedAt, now.into()));
    let mut tx = db.write().await?;
    let touched = tx
        .execute(
            &Query::update()
                .table(Users::Table)
                .values(values)
                .and_where(Expr::col(Users::Id).eq(id.0))
                .to_owned(),
        )
        .await?;
    if touched == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(&mut tx, now, who, event).await?;
    tx.commit().await?;
    Ok(())
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

pub async fn set_disabled(db: &Db, now: i64, who: &Who, id: UserId, disabled: bool) -> Result<()> {
    let (action, summary) = if disabled {
        ("account.disable", "停用账号")
    } else {
        ("account.enable", "启用账号")
    };
    change(
        db,
        now,
        who,
        id,
        vec![(Users::Disabled, i64::from(disabled).into())],
        Event::new(action, "user", id, summary),
    )
    .await
}

/// A permission change: audited with before and after.
pub async fn set_role(db: &Db, now: i64, who: &Who, account: &Account, role: Role) -> Result<()> {
    let event = Event::new(
        "permission.role",
        "user",
        account.id,
        format!(
            "{} 的角色由“{}”改为“{}”",
            account.login,
            account.role.label(),
            role.label()
        ),
    )
    .change(&account.role.code(), &role.code());
    change(
        db,
        now,
        who,
        account.id,
        vec![(Users::Role, role.code().into())],
        event,
    )
    .await
}

pub async fn set_elder_mode(db: &Db, now: i64, who: &Who, id: UserId, on: bool) -> Result<()> {
    let summary = if on {
        "开启适老化模式"
    } else {
        "关闭适老化模式"
    };
    change(
        db,
        now,
        who,
        id,
        vec![(Users::ElderMode, i64::from(on).into())],
        Event::new("account.elder_mode", "user", id, summary),
    )
    .await
}

/// Renames an account: what an administrator edits besides the role (the
/// security administrator's), the password and the status.
pub async fn set_display_name(
    db: &Db,
    now: i64,
    who: &Who,
    account: &Account,
    display_name: &str,
) -> Result<()> {
    let event = Event::new(
        "account.update",
        "user",
        account.id,
        format!("修改账号 {} 的姓名", account.login),
    )
    .change(&account.display_name, &display_name);
    change(
        db,
        now,
        who,
        account.id,
        vec![(Users::DisplayName, display_name.into())],
        event,
    )
    .await
}
