//! The module's per-organisation settings (org_settings kind `stations`):
//! the organisation's own row, else the nearest ancestor's, else defaults.

use domain::station::StationSettings;
use domain::OrgId;
use sea_query::{Expr, OnConflict, Query};

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{OrgSettings, Orgs};

pub const KIND: &str = "stations";

/// The settings in force for `org`, with its working-day calendar.
pub async fn settings_for(
    db: &Db,
    org: OrgId,
) -> Result<(StationSettings, domain::calendar::WorkCalendar)> {
    let path: String = get(
        &db.one(
            &Query::select()
                .column(Orgs::Path)
                .from(Orgs::Table)
                .and_where(Expr::col(Orgs::Id).eq(org.0))
                .to_owned(),
        )
        .await?,
        "path",
    )?;
    let chain: Vec<i64> = path.split('/').filter_map(|p| p.parse().ok()).collect();
    let rows = db
        .all(
            &Query::select()
                .columns([OrgSettings::OrgId, OrgSettings::Value])
                .from(OrgSettings::Table)
                .and_where(Expr::col(OrgSettings::Kind).eq(KIND))
                .and_where(Expr::col(OrgSettings::OrgId).is_in(chain.clone()))
                .to_owned(),
        )
        .await?;
    let mut best: Option<(usize, String)> = None;
    for r in &rows {
        let id: i64 = get(r, "org_id")?;
        let depth = chain.iter().position(|c| *c == id).unwrap_or(0);
        if best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, get(r, "value")?));
        }
    }
    let settings = match best {
        Some((_, text)) => serde_json::from_str::<StationSettings>(&text)
            .map_err(|e| StoreError::Other(format!("stations settings of {org}: {e}")))?
            .checked(),
        None => StationSettings::default(),
    };
    let calendar = crate::org_settings::in_force(db, org).await?.calendar.value;
    Ok((settings, calendar))
}

/// Saves the organisation's own settings (audited).
pub async fn save_settings(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    value: &StationSettings,
) -> Result<()> {
    let text = serde_json::to_string(value).map_err(|e| StoreError::Other(e.to_string()))?;
    let mut tx = db.write().await?;
    tx.execute(
        &Query::insert()
            .into_table(OrgSettings::Table)
            .columns([
                OrgSettings::OrgId,
                OrgSettings::Kind,
                OrgSettings::Value,
                OrgSettings::CreatedAt,
                OrgSettings::UpdatedAt,
            ])
            .values_panic([
                org.0.into(),
                KIND.into(),
                text.into(),
                now.into(),
                now.into(),
            ])
            .on_conflict(
                OnConflict::columns([OrgSettings::OrgId, OrgSettings::Kind])
                    .update_columns([OrgSettings::Value, OrgSettings::UpdatedAt])
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
            "settings.stations",
            "org",
            org,
            format!("修改委员工作站与群众诉求设置（组织 {org}）"),
        )
        .change(&(), value),
    )
    .await?;
    tx.commit().await
}
