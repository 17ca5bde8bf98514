//! The module's per-organisation settings (org_settings kind `stations`):
//! the organisation's own row, else the nearest ancestor's, else defaults.

use domain::station::StationSettings;
use domain::OrgId;

use crate::audit::Who;
use crate::db::Db;
use crate::error::Result;

pub const KIND: &str = crate::org_settings::STATIONS;

/// The settings in force for `org` (its own, else the nearest ancestor's,
/// else the defaults), with its working-day calendar.
pub async fn settings_for(
    db: &Db,
    org: OrgId,
) -> Result<(StationSettings, domain::calendar::WorkCalendar)> {
    let in_force = crate::org_settings::in_force(db, org).await?;
    Ok((in_force.stations.value.checked(), in_force.calendar.value))
}

/// Saves the organisation's own settings (audited).
pub async fn save_settings(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    value: &StationSettings,
) -> Result<()> {
    crate::org_settings::save(
        db,
        now,
        who,
        org,
        KIND,
        value,
        "修改委员工作站与群众诉求设置",
    )
    .await
}
