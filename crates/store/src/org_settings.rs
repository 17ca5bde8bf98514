//! Per-organisation settings (proposal deadlines and warnings, the
//! working-day calendar), stored as JSON, one row per organisation and
//! kind. An organisation without its own row inherits the nearest
//! ancestor's, then the defaults; one query finds them all.

use domain::calendar::WorkCalendar;
use domain::settings::ProposalSettings;
use domain::OrgId;
use sea_query::{Alias, Expr, OnConflict, Query};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{OrgSettings, Orgs};

/// The kind of the deadlines-and-warnings row.
pub const PROPOSALS: &str = "proposals";
/// The kind of the calendar row.
pub const CALENDAR: &str = "calendar";
/// The kind of the 社情民意 row (the recommended length).
pub const OPINIONS: &str = "opinions";
/// The kind of the 委员工作站 and citizens' demands row.
pub const STATIONS: &str = "stations";
/// The kind of the 民主监督 deadlines row.
pub const SUPERVISION: &str = "supervision";

/// Where a setting in force comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The organisation set it itself.
    Own,
    /// From an ancestor ("继承自上级").
    Inherited { org_id: OrgId, org_name: String },
    /// Nobody above set it: the defaults.
    Default,
}

/// A setting in force and where it comes from.
#[derive(Debug, Clone)]
pub struct Effective<T> {
    pub value: T,
    pub source: Source,
}

/// Everything one organisation's rules need from its settings.
#[derive(Debug, Clone)]
pub struct InForce {
    pub proposals: Effective<ProposalSettings>,
    pub calendar: Effective<WorkCalendar>,
    pub opinions: Effective<domain::opinion::OpinionSettings>,
    pub stations: Effective<domain::station::StationSettings>,
    pub supervision: Effective<domain::supervision::SupervisionSettings>,
}

struct Row {
    org_id: OrgId,
    org_name: String,
    depth: usize,
    kind: String,
    value: String,
}

/// The settings in force for `org`: its own, else the nearest ancestor's,
/// else the defaults. One query over the organisation's ancestors.
pub async fn in_force(db: &Db, org: OrgId) -> Result<InForce> {
    let (owner, target) = (Alias::new("owner"), Alias::new("target"));
    let rows = db
        .all(
            &Query::select()
                .column((OrgSettings::Table, OrgSettings::OrgId))
                .column((OrgSettings::Table, OrgSettings::Kind))
                .column((OrgSettings::Table, OrgSettings::Value))
                .expr_as(
                    Expr::col((owner.clone(), Orgs::Name)),
                    Alias::new("org_name"),
                )
                .expr_as(
                    Expr::col((owner.clone(), Orgs::Path)),
                    Alias::new("org_path"),
                )
                .from(OrgSettings::Table)
                .join_as(
                    sea_query::JoinType::InnerJoin,
                    Orgs::Table,
                    owner.clone(),
                    Expr::col((owner.clone(), Orgs::Id))
                        .equals((OrgSettings::Table, OrgSettings::OrgId)),
                )
                .join_as(
                    sea_query::JoinType::InnerJoin,
                    Orgs::Table,
                    target.clone(),
                    Expr::col((target.clone(), Orgs::Id)).eq(org.0),
                )
                // Paths are digits and slashes: `/1/` is a prefix of `/1/4/`.
                .and_where(Expr::cust(
                    "\"target\".\"path\" LIKE \"owner\".\"path\" || '%'",
                ))
                .to_owned(),
        )
        .await?;
    let rows = rows
        .iter()
        .map(|r| {
            Ok(Row {
                org_id: OrgId(get(r, "org_id")?),
                org_name: get(r, "org_name")?,
                depth: get::<String>(r, "org_path")?.len(),
                kind: get(r, "kind")?,
                value: get(r, "value")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(InForce {
        proposals: nearest(&rows, org, PROPOSALS)?,
        calendar: nearest(&rows, org, CALENDAR)?,
        opinions: nearest(&rows, org, OPINIONS)?,
        stations: nearest(&rows, org, STATIONS)?,
        supervision: nearest(&rows, org, SUPERVISION)?,
    })
}

fn nearest<T: DeserializeOwned + Default>(
    rows: &[Row],
    org: OrgId,
    kind: &str,
) -> Result<Effective<T>> {
    let Some(row) = rows
        .iter()
        .filter(|r| r.kind == kind)
        .max_by_key(|r| r.depth)
    else {
        return Ok(Effective {
            value: T::default(),
            source: Source::Default,
        });
    };
    let value = serde_json::from_str(&row.value)
        .map_err(|e| StoreError::Other(format!("settings {kind} of org {}: {e}", row.org_id)))?;
    let source = if row.org_id == org {
        Source::Own
    } else {
        Source::Inherited {
            org_id: row.org_id,
            org_name: row.org_name.clone(),
        }
    };
    Ok(Effective { value, source })
}

/// The organisation's own row of `kind`, as JSON, if it has one.
async fn own(db: &Db, org: OrgId, kind: &str) -> Result<Option<serde_json::Value>> {
    let row = db
        .optional(
            &Query::select()
                .column(OrgSettings::Value)
                .from(OrgSettings::Table)
                .and_where(Expr::col(OrgSettings::OrgId).eq(org.0))
                .and_where(Expr::col(OrgSettings::Kind).eq(kind))
                .to_owned(),
        )
        .await?;
    row.map(|r| {
        let text: String = get(&r, "value")?;
        serde_json::from_str(&text).map_err(|e| StoreError::Other(e.to_string()))
    })
    .transpose()
}

/// Saves the organisation's own deadlines and warnings (audited).
pub async fn save_proposals(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    value: &ProposalSettings,
) -> Result<()> {
    save(
        db,
        now,
        who,
        org,
        PROPOSALS,
        value,
        "修改提案期限与预警设置",
    )
    .await
}

/// Saves the organisation's own working-day calendar (audited).
pub async fn save_calendar(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    value: &WorkCalendar,
) -> Result<()> {
    save(db, now, who, org, CALENDAR, value, "修改工作日历").await
}

/// Saves the organisation's own 社情民意 settings (audited).
pub async fn save_opinions(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    value: &domain::opinion::OpinionSettings,
) -> Result<()> {
    save(db, now, who, org, OPINIONS, value, "修改社情民意设置").await
}

/// Saves the organisation's own row of `kind` (audited with what it had).
pub async fn save(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    kind: &'static str,
    value: &impl Serialize,
    summary: &str,
) -> Result<()> {
    let before = own(db, org, kind).await?;
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
                kind.into(),
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
        Event::new(action(kind), "org", org, format!("{summary}（组织 {org}）"))
            .change(&before, value),
    )
    .await?;
    if kind == STATIONS {
        crate::version::bump(&mut tx, crate::version::STATIONS, now).await?;
    }
    tx.commit().await
}

fn action(kind: &str) -> &'static str {
    match kind {
        CALENDAR => "settings.calendar",
        OPINIONS => "settings.opinions",
        STATIONS => "settings.stations",
        SUPERVISION => "settings.supervision",
        _ => "settings.proposals",
    }
}

/// Drops the organisation's own row of `kind`, so that it inherits again
/// (audited with what it had). Does nothing if it had none.
pub async fn inherit(db: &Db, now: i64, who: &Who, org: OrgId, kind: &'static str) -> Result<()> {
    let Some(before) = own(db, org, kind).await? else {
        return Ok(());
    };
    let mut tx = db.write().await?;
    tx.execute(
        &Query::delete()
            .from_table(OrgSettings::Table)
            .and_where(Expr::col(OrgSettings::OrgId).eq(org.0))
            .and_where(Expr::col(OrgSettings::Kind).eq(kind))
            .to_owned(),
    )
    .await?;
    let summary = format!("恢复继承上级设置（组织 {org}）");
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(action(kind), "org", org, summary).change(&before, &serde_json::Value::Null),
    )
    .await?;
    if kind == STATIONS {
        crate::version::bump(&mut tx, crate::version::STATIONS, now).await?;
    }
    tx.commit().await
}
