//! The module's per-organisation settings (org_settings kind `stations`):
//! the organisation's own row, else the nearest ancestor's, else defaults.

use domain::station::StationSettings;
use domain::OrgId;

use crate::db::Db;
use crate::error::Result;

/// The settings in force for `org` (its own, else the nearest ancestor's,
/// else the defaults), with its working-day calendar.
pub async fn settings_for(
    db: &Db,
    org: OrgId,
) -> Result<(StationSettings, domain::calendar::WorkCalendar)> {
    let in_force = crate::org_settings::in_force(db, org).await?;
    Ok((in_force.stations.value.checked(), in_force.calendar.value))
}
