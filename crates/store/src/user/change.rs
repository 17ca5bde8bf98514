//! Creating and editing accounts: a new account, and the audited changes
//! of status, role, elder mode and display name.

use domain::{MemberId, OrgId, Role, UnitId, UserId};
use sea_query::{Expr, Query};

use super::password::hash_password;
use super::Account;
use crate::audit::{self, Event, Who};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::schema::Users;

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
pub(super) async fn change(
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
