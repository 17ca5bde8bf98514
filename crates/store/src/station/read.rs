//! Reading demands: one whole record (the visitor's data decrypted for
//! those who may see it), the lists, the history, and the public tracking
//! answer that never carries personal data.

use domain::org::OrgPath;
use domain::station::{Channel, Demand, DemandStage};
use domain::{MemberId, OrgId, UnitId};
use sea_query::{Alias, Expr, Order, Query};

use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{DemandHistory, DemandUnits, Demands, Orgs, StationMembers, Stations};
use crate::Page;

#[derive(Debug, Clone)]
pub struct Stored {
    pub id: i64,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_path: OrgPath,
    pub station_id: Option<i64>,
    pub station_name: String,
    pub station_members: Vec<MemberId>,
    pub code: String,
    pub channel: Channel,
    pub category: String,
    pub content: String,
    /// Decrypted; `None` when anonymous.
    pub name: Option<String>,
    pub phone: Option<String>,
    pub phone_masked: String,
    pub taken_by: Option<MemberId>,
    pub withheld: bool,
    pub created_at: i64,
    pub version: i64,
    pub demand: Demand,
}

impl Stored {
    /// Every unit the demand was ever forwarded to.
    pub fn units(&self) -> Vec<UnitId> {
        self.demand
            .tracking
            .assignments
            .iter()
            .map(|a| a.unit)
            .collect()
    }
}

fn base() -> sea_query::SelectStatement {
    Query::select()
        .columns([
            (Demands::Table, Demands::Id),
            (Demands::Table, Demands::OrgId),
            (Demands::Table, Demands::StationId),
            (Demands::Table, Demands::Code),
            (Demands::Table, Demands::Channel),
            (Demands::Table, Demands::Category),
            (Demands::Table, Demands::Content),
            (Demands::Table, Demands::Stage),
            (Demands::Table, Demands::CreatedAt),
            (Demands::Table, Demands::UpdatedAt),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Name)), Alias::new("org_name"))
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .expr_as(
            Expr::col((Stations::Table, Stations::Name)),
            Alias::new("station_name"),
        )
        .from(Demands::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Demands::Table, Demands::OrgId)),
        )
        .left_join(
            Stations::Table,
            Expr::col((Stations::Table, Stations::Id)).equals((Demands::Table, Demands::StationId)),
        )
        .to_owned()
}

pub async fn load(db: &Db, cipher: &FieldCipher, id: i64) -> Result<Stored> {
    let mut q = base();
    q.columns([
        (Demands::Table, Demands::NameCipher),
        (Demands::Table, Demands::PhoneCipher),
        (Demands::Table, Demands::PhoneMasked),
        (Demands::Table, Demands::TakenByMemberId),
        (Demands::Table, Demands::Withheld),
        (Demands::Table, Demands::Version),
        (Demands::Table, Demands::Aggregate),
    ])
    .and_where(Expr::col((Demands::Table, Demands::Id)).eq(id));
    let r = db.optional(&q).await?.ok_or(StoreError::NotFound)?;
    let station_id: Option<i64> = get(&r, "station_id")?;
    let station_members = match station_id {
        Some(s) => db
            .all(
                &Query::select()
                    .column(StationMembers::MemberId)
                    .from(StationMembers::Table)
                    .and_where(Expr::col(StationMembers::StationId).eq(s))
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|m| Ok(MemberId(get(m, "member_id")?)))
            .collect::<Result<_>>()?,
        None => Vec::new(),
    };
    let decrypt = |col: &str| -> Result<Option<String>> {
        get::<Option<String>>(&r, col)?
            .map(|c| cipher.decrypt(&c))
            .transpose()
    };
    let aggregate: String = get(&r, "aggregate")?;
    let channel: String = get(&r, "channel")?;
    Ok(Stored {
        id,
        org_id: OrgId(get(&r, "org_id")?),
        org_name: get(&r, "org_name")?,
        org_path: OrgPath::from_stored(get(&r, "org_path")?),
        station_id,
        station_name: get::<Option<String>>(&r, "station_name")?.unwrap_or_default(),
        station_members,
        code: get(&r, "code")?,
        channel: Channel::from_code(&channel).unwrap_or(Channel::OnSite),
        category: get(&r, "category")?,
        content: get(&r, "content")?,
        name: decrypt("name_cipher")?,
        phone: decrypt("phone_cipher")?,
        phone_masked: get(&r, "phone_masked")?,
        taken_by: get::<Option<i64>>(&r, "taken_by_member_id")?.map(MemberId),
        withheld: get::<i64>(&r, "withheld")? != 0,
        created_at: get(&r, "created_at")?,
        version: get(&r, "version")?,
        demand: serde_json::from_str(&aggregate)
            .map_err(|e| StoreError::Other(format!("demand {id}: {e}")))?,
    })
}

/// Which demands a list shows.
#[derive(Debug, Clone, Default)]
pub struct DemandFilter {
    /// Staff and leaders: their subtree.
    pub scope: Option<OrgPath>,
    /// Members: those of their stations, and those they took in.
    pub member: Option<MemberId>,
    /// Unit clerks: those forwarded to the unit.
    pub unit: Option<UnitId>,
    pub station: Option<i64>,
    pub stage: Option<DemandStage>,
    /// Only these (a keyword search's hits).
    pub ids: Option<Vec<i64>>,
}

#[derive(Debug, Clone)]
pub struct DemandRow {
    pub id: i64,
    pub org_name: String,
    pub station_name: String,
    pub channel: Channel,
    pub category: String,
    /// The first 60 characters.
    pub excerpt: String,
    pub stage: DemandStage,
    pub created_at: i64,
}

pub async fn list(db: &Db, f: &DemandFilter, page: i64, per_page: i64) -> Result<Page<DemandRow>> {
    let mut q = base();
    if let Some(scope) = &f.scope {
        q.and_where(crate::scope::within(scope));
    }
    if let Some(m) = f.member {
        let stations = Query::select()
            .column(StationMembers::StationId)
            .from(StationMembers::Table)
            .and_where(Expr::col(StationMembers::MemberId).eq(m.0))
            .to_owned();
        q.and_where(
            Expr::col((Demands::Table, Demands::StationId))
                .in_subquery(stations)
                .or(Expr::col((Demands::Table, Demands::TakenByMemberId)).eq(m.0)),
        );
    }
    if let Some(u) = f.unit {
        q.and_where(
            Expr::col((Demands::Table, Demands::Id)).in_subquery(
                Query::select()
                    .column(DemandUnits::DemandId)
                    .from(DemandUnits::Table)
                    .and_where(Expr::col(DemandUnits::UnitId).eq(u.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(s) = f.station {
        q.and_where(Expr::col((Demands::Table, Demands::StationId)).eq(s));
    }
    if let Some(stage) = f.stage {
        q.and_where(Expr::col((Demands::Table, Demands::Stage)).eq(stage.code()));
    }
    if let Some(ids) = &f.ids {
        q.and_where(Expr::col((Demands::Table, Demands::Id)).is_in(ids.clone()));
    }
    let total = crate::count_rows(db, &q, (Demands::Table, Demands::Id)).await?;
    q.order_by((Demands::Table, Demands::UpdatedAt), Order::Desc)
        .order_by((Demands::Table, Demands::Id), Order::Desc);
    crate::read_page(db, q, total, page, per_page, |r| {
        let content: String = get(r, "content")?;
        let stage: String = get(r, "stage")?;
        let channel: String = get(r, "channel")?;
        let mut excerpt: String = content.chars().take(60).collect();
        if content.chars().count() > 60 {
            excerpt.push('…');
        }
        Ok(DemandRow {
            id: get(r, "id")?,
            org_name: get(r, "org_name")?,
            station_name: get::<Option<String>>(r, "station_name")?.unwrap_or_default(),
            channel: Channel::from_code(&channel).unwrap_or(Channel::OnSite),
            category: get(r, "category")?,
            excerpt,
            stage: DemandStage::from_code(&stage).unwrap_or(DemandStage::Received),
            created_at: get(r, "created_at")?,
        })
    })
    .await
}

#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub at: i64,
    pub login: String,
    pub action: String,
    pub to_stage: String,
    pub comment: String,
}

pub async fn history(db: &Db, id: i64) -> Result<Vec<HistoryRow>> {
    db.all(
        &Query::select()
            .columns([
                DemandHistory::At,
                DemandHistory::ActorLogin,
                DemandHistory::Action,
                DemandHistory::ToStage,
                DemandHistory::Comment,
            ])
            .from(DemandHistory::Table)
            .and_where(Expr::col(DemandHistory::DemandId).eq(id))
            .order_by(DemandHistory::Id, Order::Asc)
            .to_owned(),
    )
    .await?
    .iter()
    .map(|r| {
        Ok(HistoryRow {
            at: get(r, "at")?,
            login: get(r, "actor_login")?,
            action: get(r, "action")?,
            to_stage: get(r, "to_stage")?,
            comment: get(r, "comment")?,
        })
    })
    .collect()
}

/// What the public tracking page shows: never the visitor's data.
#[derive(Debug, Clone)]
pub struct Tracked {
    pub status: &'static str,
    pub category: String,
    pub received_on: String,
    pub station_name: String,
    pub answers: Vec<String>,
    pub closed: bool,
}

/// The tracking answer for a code, or `None` for a code that does not
/// exist and for one whose demand is withheld alike.
pub async fn track(db: &Db, code: &str) -> Result<Option<Tracked>> {
    let mut q = base();
    q.columns([
        (Demands::Table, Demands::Withheld),
        (Demands::Table, Demands::Aggregate),
    ])
    .and_where(Expr::col((Demands::Table, Demands::Code)).eq(code));
    let Some(r) = db.optional(&q).await? else {
        return Ok(None);
    };
    if get::<i64>(&r, "withheld")? != 0 {
        return Ok(None);
    }
    let aggregate: String = get(&r, "aggregate")?;
    let demand: Demand =
        serde_json::from_str(&aggregate).map_err(|e| StoreError::Other(e.to_string()))?;
    Ok(Some(Tracked {
        status: demand.public_status(),
        category: get(&r, "category")?,
        received_on: demand.received_on.to_string(),
        station_name: get::<Option<String>>(&r, "station_name")?.unwrap_or_default(),
        answers: demand.public_answers(),
        closed: demand.stage == DemandStage::Closed,
    }))
}

/// Public submissions from one address digest since `since`.
pub async fn recent_from(db: &Db, digest: &str, since: i64) -> Result<i64> {
    db.scalar(
        &Query::select()
            .expr(Expr::col(Demands::Id).count())
            .from(Demands::Table)
            .and_where(Expr::col(Demands::IpDigest).eq(digest))
            .and_where(Expr::col(Demands::CreatedAt).gt(since))
            .to_owned(),
    )
    .await
}
