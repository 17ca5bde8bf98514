//! Reception days (接待日) at a station: who was on duty, how many came,
//! and the notes.

use domain::station::ReceptionRecord;
use domain::MemberId;
use sea_query::{Expr, Order, Query};

use super::registry::StoredStation;
use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Members, ReceptionMembers, Receptions};

/// One reception day.
#[derive(Debug, Clone)]
pub struct ReceptionRow {
    pub id: i64,
    pub held_on: String,
    pub visitors: i64,
    pub notes: String,
    pub members: Vec<String>,
}

pub async fn record_reception(
    db: &Db,
    now: i64,
    who: &Who,
    station: &StoredStation,
    r: &ReceptionRecord,
    on_duty: &[MemberId],
) -> Result<i64> {
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Receptions::Table)
                .columns([
                    Receptions::StationId,
                    Receptions::OrgId,
                    Receptions::HeldOn,
                    Receptions::Visitors,
                    Receptions::Notes,
                    Receptions::RecordedBy,
                    Receptions::CreatedAt,
                    Receptions::UpdatedAt,
                ])
                .values_panic([
                    station.row.id.into(),
                    station.row.org_id.0.into(),
                    r.date.to_string().into(),
                    i64::from(r.visitors).into(),
                    r.notes.clone().into(),
                    who.user_id.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Receptions::Id)
                .to_owned(),
        )
        .await?;
    let mut members = on_duty.to_vec();
    members.sort();
    members.dedup();
    if !members.is_empty() {
        let mut insert = Query::insert()
            .into_table(ReceptionMembers::Table)
            .columns([ReceptionMembers::ReceptionId, ReceptionMembers::MemberId])
            .to_owned();
        for m in members {
            insert.values_panic([id.into(), m.0.into()]);
        }
        tx.execute(&insert).await?;
    }
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "station.reception",
            "station",
            station.row.id,
            format!(
                "记录接待：{} {}，{}人次",
                station.row.name, r.date, r.visitors
            ),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The station's latest reception days, newest first.
pub async fn receptions(db: &Db, station: i64, limit: u64) -> Result<Vec<ReceptionRow>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    Receptions::Id,
                    Receptions::HeldOn,
                    Receptions::Visitors,
                    Receptions::Notes,
                ])
                .from(Receptions::Table)
                .and_where(Expr::col(Receptions::StationId).eq(station))
                .order_by(Receptions::HeldOn, Order::Desc)
                .order_by(Receptions::Id, Order::Desc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    let mut out: Vec<ReceptionRow> = rows
        .iter()
        .map(|r| {
            Ok(ReceptionRow {
                id: get(r, "id")?,
                held_on: get(r, "held_on")?,
                visitors: get(r, "visitors")?,
                notes: get(r, "notes")?,
                members: Vec::new(),
            })
        })
        .collect::<Result<_>>()?;
    if out.is_empty() {
        return Ok(out);
    }
    let names = db
        .all(
            &Query::select()
                .column((ReceptionMembers::Table, ReceptionMembers::ReceptionId))
                .column((Members::Table, Members::Name))
                .from(ReceptionMembers::Table)
                .inner_join(
                    Members::Table,
                    Expr::col((Members::Table, Members::Id))
                        .equals((ReceptionMembers::Table, ReceptionMembers::MemberId)),
                )
                .and_where(
                    Expr::col((ReceptionMembers::Table, ReceptionMembers::ReceptionId))
                        .is_in(out.iter().map(|r| r.id)),
                )
                .to_owned(),
        )
        .await?;
    for n in &names {
        let rid: i64 = get(n, "reception_id")?;
        if let Some(r) = out.iter_mut().find(|r| r.id == rid) {
            r.members.push(get(n, "name")?);
        }
    }
    Ok(out)
}
