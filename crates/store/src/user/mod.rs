//! Accounts: login, password, lockout, roles. Passwords are argon2id hashes.
//! The account record and its queries live here; `password` hashes and
//! checks passwords and counts failed logins, `change` creates and edits accounts.

mod change;
mod password;

pub use change::{create, set_disabled, set_display_name, set_elder_mode, set_role, NewAccount};
pub use password::{
    hash_password, record_failed_login, record_login, set_password, unlock, verify_password,
};

use domain::org::OrgPath;
use domain::{MemberId, OrgId, Role, UnitId, UserId};
use sea_query::{Alias, Expr, Order, Query, SelectStatement};
use serde::Serialize;
use sqlx::any::AnyRow;

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Orgs, Users};
use crate::Page;

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

/// The active accounts of a handling unit, who get its reminders.
pub async fn ids_of_unit(db: &Db, unit: domain::UnitId) -> Result<Vec<UserId>> {
    let rows = db
        .all(
            &Query::select()
                .column(Users::Id)
                .from(Users::Table)
                .and_where(Expr::col(Users::UnitId).eq(unit.0))
                .and_where(Expr::col(Users::Disabled).eq(0))
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| Ok(UserId(get(r, "id")?))).collect()
}

/// The active accounts of a member (usually one).
pub async fn ids_of_member(db: &Db, member: domain::MemberId) -> Result<Vec<UserId>> {
    let rows = db
        .all(
            &Query::select()
                .column(Users::Id)
                .from(Users::Table)
                .and_where(Expr::col(Users::MemberId).eq(member.0))
                .and_where(Expr::col(Users::Disabled).eq(0))
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| Ok(UserId(get(r, "id")?))).collect()
}
