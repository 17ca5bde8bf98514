//! Demo work stations: about 300 stations and studios in the city demo
//! (eight per committee at national scale), most members attached, a few
//! duplicate stations in one street, a year of reception days, and citizens'
//! demands at every stage. Each demand's stages are applied in memory with
//! `domain::station::apply`, so the rules decide every step; everything is
//! written with multi-row statements (ids assigned here, the loader being
//! the only writer).

use domain::calendar::WorkCalendar;
use domain::station::StationSettings;
use domain::{MemberId, UnitId};
use sea_query::{Expr, Order, Query};

use super::bulk::next_id;
use super::station_demands::{demand, push_demand};
use super::station_rows::Writer;
use super::station_texts::*;
use super::{Rng, Scale};
use crate::crypto::FieldCipher;
use crate::db::{get, Backend, Db};
use crate::error::Result;
use crate::org::Org;
use crate::schema::{Members, Stations, Units};

fn stations_for(scale: Scale, index: usize) -> usize {
    match (scale, index) {
        (Scale::Small, _) => 0,
        (Scale::City, 0) => 20,
        (Scale::City, i) => 7 + i % 2,
        (Scale::National, _) => 8,
    }
}

fn demands_for(scale: Scale) -> usize {
    match scale {
        Scale::City => 14,
        _ => 2,
    }
}

/// Where a demo demand ends, in a believable mix.
const ENDS: [&str; 20] = [
    "received",
    "received",
    "on_spot",
    "on_spot",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "forwarded",
    "forwarded",
    "answered",
    "answered",
    "forwarded_closed",
    "forwarded_closed",
    "forwarded_closed",
    "forwarded_closed",
    "consultation",
    "consultation_closed",
    "rehandling",
];

/// Counters that assign ids.
struct Ids {
    station: i64,
    reception: i64,
    demand: i64,
}

/// Loads the stations of every organisation; returns (stations, demands).
pub(super) async fn load(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    scale: Scale,
    orgs: &[Org],
) -> Result<(usize, usize)> {
    if scale == Scale::Small {
        return Ok((0, 0));
    }
    let mut rng = Rng(41);
    let mut ids = Ids {
        station: next_id(db, "stations").await?,
        reception: next_id(db, "receptions").await?,
        demand: next_id(db, "demands").await?,
    };
    let staff = super::proposals::staff_account(db).await?;
    let settings = StationSettings::default();
    let calendar = WorkCalendar::default();
    let today = crate::clock::local_date(now);
    let mut w = Writer::new();
    let (mut stations, mut demands) = (0, 0);
    for (index, org) in orgs.iter().enumerate() {
        let count = stations_for(scale, index);
        if count == 0 {
            continue;
        }
        let place = org.short_name.trim_end_matches("政协").to_string();
        let members: Vec<MemberId> = db
            .all(
                &Query::select()
                    .column(Members::Id)
                    .from(Members::Table)
                    .and_where(Expr::col(Members::OrgId).eq(org.id.0))
                    .and_where(Expr::col(Members::Active).eq(1))
                    .order_by(Members::Id, Order::Asc)
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|r| Ok(MemberId(get(r, "id")?)))
            .collect::<Result<_>>()?;
        let units: Vec<UnitId> = db
            .all(
                &Query::select()
                    .column(Units::Id)
                    .from(Units::Table)
                    .and_where(Expr::col(Units::OrgId).eq(org.id.0))
                    .order_by(Units::Id, Order::Asc)
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|r| Ok(UnitId(get(r, "id")?)))
            .collect::<Result<_>>()?;
        let mut attached: Vec<Vec<MemberId>> = vec![Vec::new(); count];
        // About four in five members are attached to one of the stations.
        for m in &members {
            if rng.below(5) < 4 {
                attached[rng.below(count)].push(*m);
            }
        }
        let first_station = ids.station;
        for (n, crew) in attached.iter().enumerate() {
            let id = ids.station;
            ids.station += 1;
            // Every 25th station duplicates the previous one's street and kind.
            let dup = n > 0 && (id % 25 == 0);
            let street_i = if dup {
                (n - 1) % STREETS.len()
            } else {
                n % STREETS.len()
            };
            let kind_i = if dup {
                (n - 1) % STATION_KINDS.len()
            } else {
                n % STATION_KINDS.len()
            };
            let (kind, label) = STATION_KINDS[kind_i];
            let street = STREETS[street_i];
            let community = COMMUNITIES[(n + index) % COMMUNITIES.len()];
            let name = if dup {
                format!("{place}{street}{community}{label}")
            } else {
                format!("{place}{street}{label}")
            };
            let address = format!("{place}{street}{community}{}号", 10 + rng.below(300));
            w.stations.push(&[
                id.into(),
                org.id.0.into(),
                kind.into(),
                name.as_str().into(),
                address.as_str().into(),
                street.into(),
                (*rng.pick(DAYS)).into(),
                1i64.into(),
                now.into(),
                now.into(),
            ]);
            for m in crew {
                w.station_members.push(&[id.into(), m.0.into(), now.into()]);
            }
            stations += 1;
            // Reception days over the past year (two a month in the city).
            let receptions = if scale == Scale::City { 12 } else { 1 };
            for k in 0..receptions {
                if crew.is_empty() {
                    break;
                }
                let rid = ids.reception;
                ids.reception += 1;
                let held = today - time::Duration::days((k as i64) * 28 + rng.below(20) as i64 + 1);
                let visitors = 2 + rng.below(14) as i64;
                let note = format!(
                    "接待群众{visitors}人次，主要反映{}等问题。",
                    DEMANDS[rng.below(DEMANDS.len())].0
                );
                w.receptions.push(&[
                    rid.into(),
                    id.into(),
                    org.id.0.into(),
                    held.to_string().as_str().into(),
                    visitors.into(),
                    note.as_str().into(),
                    staff.0.into(),
                    now.into(),
                    now.into(),
                ]);
                let a = crew[rng.below(crew.len())];
                let b = crew[rng.below(crew.len())];
                w.reception_members.push(&[rid.into(), a.0.into()]);
                if b != a {
                    w.reception_members.push(&[rid.into(), b.0.into()]);
                }
            }
        }
        for n in 0..count * demands_for(scale) {
            let station = first_station + (n % count) as i64;
            let crew = &attached[n % count];
            let end = ENDS[(n + index) % ENDS.len()];
            let made = demand(
                &mut rng, cipher, &settings, &calendar, today, end, &units, n, &place,
            )?;
            let Some(made) = made else { continue };
            let id = ids.demand;
            ids.demand += 1;
            push_demand(
                &mut w,
                id,
                org.id.0,
                station,
                crew.first().copied(),
                staff.0,
                now,
                made,
                cipher,
            )?;
            demands += 1;
        }
        if index % 50 == 49 {
            w.flush(db).await?;
        }
    }
    w.flush(db).await?;
    if db.backend() == Backend::Postgres {
        for table in ["stations", "receptions", "demands"] {
            db.raw(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")).await?;
        }
    }
    let _ = Stations::Table;
    Ok((stations, demands))
}
