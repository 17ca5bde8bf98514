//! API bearer tokens: stored as digests, scoped to an organisation and a
//! role, revocable.

use domain::org::OrgPath;
use domain::{OrgId, Role, UserId};
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{ApiTokens, Orgs};
use crate::session::{digest, random_token};

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub org_id: OrgId,
    pub org_name: String,
    #[serde(skip)]
    pub org_path: OrgPath,
    pub role: Role,
    /// The account that issued it; work the token starts that needs an
    /// account (a background export) is recorded under it.
    #[serde(skip)]
    pub created_by: UserId,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

fn select() -> sea_query::SelectStatement {
    let t = ApiTokens::Table;
    Query::select()
        .columns([
            (t, ApiTokens::Id),
            (t, ApiTokens::Name),
            (t, ApiTokens::OrgId),
            (t, ApiTokens::Role),
            (t, ApiTokens::CreatedBy),
            (t, ApiTokens::CreatedAt),
            (t, ApiTokens::LastUsedAt),
            (t, ApiTokens::RevokedAt),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .from(t)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((t, ApiTokens::OrgId)),
        )
        .to_owned()
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<ApiToken> {
    let role: String = get(r, "role")?;
    Ok(ApiToken {
        id: get(r, "id")?,
        name: get(r, "name")?,
        org_id: OrgId(get(r, "org_id")?),
        org_name: get(r, "org_name")?,
        org_path: OrgPath::from_stored(get(r, "org_path")?),
        role: Role::from_code(&role)
            .ok_or_else(|| StoreError::Other(format!("unknown role {role}")))?,
        created_by: UserId(get(r, "created_by")?),
        created_at: get(r, "created_at")?,
        last_used_at: get(r, "last_used_at")?,
        revoked_at: get(r, "revoked_at")?,
    })
}

/// Issues a token and returns its secret, which is shown once and never stored.
pub async fn issue(
    db: &Db,
    now: i64,
    who: &Who,
    name: &str,
    org: OrgId,
    role: Role,
    by: UserId,
) -> Result<(i64, String)> {
    let secret = format!("zx_{}", random_token());
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(ApiTokens::Table)
                .columns([
                    ApiTokens::TokenDigest,
                    ApiTokens::Name,
                    ApiTokens::OrgId,
                    ApiTokens::Role,
                    ApiTokens::CreatedBy,
                    ApiTokens::CreatedAt,
                    ApiTokens::UpdatedAt,
                ])
                .values_panic([
                    digest(&secret).into(),
                    name.into(),
                    org.0.into(),
                    role.code().into(),
                    by.0.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(ApiTokens::Id)
                .to_owned(),
        )
        .await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "permission.token_issue",
            "api_token",
            id,
            format!("签发接口令牌“{name}”（{}）", role.label()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

pub async fn revoke(db: &Db, now: i64, who: &Who, id: i64) -> Result<()> {
    let mut tx = db.write().await?;
    let n = tx
        .execute(
            &Query::update()
                .table(ApiTokens::Table)
                .values([
                    (ApiTokens::RevokedAt, now.into()),
                    (ApiTokens::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(ApiTokens::Id).eq(id))
                .and_where(Expr::col(ApiTokens::RevokedAt).is_null())
                .to_owned(),
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("permission.token_revoke", "api_token", id, "吊销接口令牌"),
    )
    .await?;
    tx.commit().await
}

pub async fn list(db: &Db, scope: &OrgPath) -> Result<Vec<ApiToken>> {
    let q = select()
        .and_where(crate::scope::within(scope))
        .order_by((ApiTokens::Table, ApiTokens::Id), Order::Desc)
        .to_owned();
    db.all(&q).await?.iter().map(from_row).collect()
}

/// The live token for a bearer secret.
pub async fn find(db: &Db, secret: &str) -> Result<Option<ApiToken>> {
    let q = select()
        .and_where(Expr::col((ApiTokens::Table, ApiTokens::TokenDigest)).eq(digest(secret)))
        .and_where(Expr::col((ApiTokens::Table, ApiTokens::RevokedAt)).is_null())
        .to_owned();
    db.optional(&q).await?.as_ref().map(from_row).transpose()
}
