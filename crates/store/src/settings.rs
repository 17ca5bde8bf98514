//! Settings kept in the database, such as the security policy.

use domain::security::SecurityPolicy;
use sea_query::{Expr, OnConflict, Query};

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::Settings;

const SECURITY_POLICY: &str = "security_policy";

pub async fn security_policy(db: &Db) -> Result<SecurityPolicy> {
    let row = db
        .optional(
            &Query::select()
                .column(Settings::Value)
                .from(Settings::Table)
                .and_where(Expr::col(Settings::Key).eq(SECURITY_POLICY))
                .to_owned(),
        )
        .await?;
    Ok(match row {
        Some(r) => serde_json::from_str(&get::<String>(&r, "value")?).unwrap_or_default(),
        None => SecurityPolicy::default(),
    })
}

/// Saves the policy; a permission change, audited with before and after.
pub async fn set_security_policy(
    db: &Db,
    now: i64,
    who: &Who,
    policy: &SecurityPolicy,
) -> Result<()> {
    let before = security_policy(db).await?;
    let value = serde_json::to_string(policy).unwrap_or_default();
    let mut tx = db.write().await?;
    tx.execute(
        &Query::insert()
            .into_table(Settings::Table)
            .columns([
                Settings::Key,
                Settings::Value,
                Settings::CreatedAt,
                Settings::UpdatedAt,
            ])
            .values_panic([SECURITY_POLICY.into(), value.into(), now.into(), now.into()])
            .on_conflict(
                OnConflict::column(Settings::Key)
                    .update_columns([Settings::Value, Settings::UpdatedAt])
                    .to_owned(),
            )
            .to_owned(),
    )
    .await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "permission.policy",
            "settings",
            SECURITY_POLICY,
            "修改安全策略",
        )
        .change(&before, policy),
    )
    .await?;
    tx.commit().await
}
