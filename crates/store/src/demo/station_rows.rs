//! The work-station demo's rows, gathered per table and written with
//! multi-row inserts (see `bulk`).

use super::bulk::{flush_all, Batch};
use crate::db::Db;
use crate::error::Result;

pub(super) struct Writer {
    pub(super) stations: Batch,
    pub(super) station_members: Batch,
    pub(super) receptions: Batch,
    pub(super) reception_members: Batch,
    pub(super) demands: Batch,
    pub(super) demand_units: Batch,
    pub(super) history: Batch,
}

impl Writer {
    pub(super) fn new() -> Writer {
        Writer {
            stations: Batch::new(
                "stations",
                &[
                    "id",
                    "org_id",
                    "kind",
                    "name",
                    "address",
                    "street",
                    "reception_days",
                    "active",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            station_members: Batch::new(
                "station_members",
                &["station_id", "member_id", "created_at"],
                1000,
            ),
            receptions: Batch::new(
                "receptions",
                &[
                    "id",
                    "station_id",
                    "org_id",
                    "held_on",
                    "visitors",
                    "notes",
                    "recorded_by",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            reception_members: Batch::new(
                "reception_members",
                &["reception_id", "member_id"],
                1000,
            ),
            demands: Batch::new(
                "demands",
                &[
                    "id",
                    "org_id",
                    "station_id",
                    "code",
                    "channel",
                    "category",
                    "content",
                    "name_cipher",
                    "phone_cipher",
                    "phone_masked",
                    "taken_by_member_id",
                    "entered_by_user_id",
                    "ip_digest",
                    "stage",
                    "withheld",
                    "on_time",
                    "satisfaction",
                    "received_on",
                    "closed_at",
                    "version",
                    "aggregate",
                    "created_at",
                    "updated_at",
                ],
                200,
            ),
            demand_units: Batch::new(
                "demand_units",
                &["demand_id", "seq", "unit_id", "state", "due_on"],
                1000,
            ),
            history: Batch::new(
                "demand_history",
                &[
                    "demand_id",
                    "at",
                    "actor_user_id",
                    "actor_login",
                    "action",
                    "from_stage",
                    "to_stage",
                    "comment",
                ],
                1000,
            ),
        }
    }

    pub(super) async fn flush(&mut self, db: &Db) -> Result<()> {
        flush_all(
            db,
            &mut [
                &mut self.stations,
                &mut self.station_members,
                &mut self.receptions,
                &mut self.reception_members,
                &mut self.demands,
                &mut self.demand_units,
                &mut self.history,
            ],
        )
        .await
    }
}
