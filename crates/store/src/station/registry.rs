//! The registry of stations and studios, their members and reception days.

use domain::org::OrgPath;
use domain::station::{StationKind, StationRecord};
use domain::{MemberId, OrgId};
use sea_query::{Expr, Order, Query};

use crate::audit::{self, Event, Who};
use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs, StationMembers, Stations};
use crate::Page;

/// One station in a list.
#[derive(Debug, Clone)]
pub struct StationRow {
    pub id: i64,
    pub org_id: OrgId,
    pub org_name: String,
    pub kind: StationKind,
    pub name: String,
    pub address: String,
    pub street: String,
    pub reception_days: String,
    pub members: i64,
}

/// One station with its members.
#[derive(Debug, Clone)]
pub struct StoredStation {
    pub row: StationRow,
    pub org_path: OrgPath,
    /// (id, name) of the members attached.
    pub members: Vec<(MemberId, String)>,
}

impl StoredStation {
    pub fn member_ids(&self) -> Vec<MemberId> {
        self.members.iter().map(|(m, _)| *m).collect()
    }
}

/// Which stations a list shows: a subtree's, or one member's.
#[derive(Debug, Clone, Default)]
pub struct StationFilter {
    pub scope: Option<OrgPath>,
    pub member: Option<MemberId>,
    pub org: Option<OrgId>,
    pub query: String,
}

fn row_of(r: &sqlx::any::AnyRow) -> Result<StationRow> {
    let kind: String = get(r, "kind")?;
    Ok(StationRow {
        id: get(r, "id")?,
        org_id: OrgId(get(r, "org_id")?),
        org_name: get(r, "org_name")?,
        kind: StationKind::from_code(&kind).unwrap_or(StationKind::Station),
        name: get(r, "name")?,
        address: get(r, "address")?,
        street: get(r, "street")?,
        reception_days: get(r, "reception_days")?,
        members: get(r, "members").unwrap_or(0),
    })
}

fn select() -> sea_query::SelectStatement {
    let count = Query::select()
        .expr(Expr::col(StationMembers::MemberId).count())
        .from(StationMembers::Table)
        .and_where(
            Expr::col((StationMembers::Table, StationMembers::StationId))
                .equals((Stations::Table, Stations::Id)),
        )
        .to_owned();
    Query::select()
        .columns([
            (Stations::Table, Stations::Id),
            (Stations::Table, Stations::OrgId),
            (Stations::Table, Stations::Kind),
            (Stations::Table, Stations::Name),
            (Stations::Table, Stations::Address),
            (Stations::Table, Stations::Street),
            (Stations::Table, Stations::ReceptionDays),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::Name)),
            sea_query::Alias::new("org_name"),
        )
        .expr_as(
            Expr::col((Orgs::Table, Orgs::Path)),
            sea_query::Alias::new("org_path"),
        )
        .expr_as(
            sea_query::SimpleExpr::SubQuery(None, Box::new(count.into_sub_query_statement())),
            sea_query::Alias::new("members"),
        )
        .from(Stations::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Stations::Table, Stations::OrgId)),
        )
        .to_owned()
}

pub async fn list_stations(
    db: &Db,
    f: &StationFilter,
    page: i64,
    per_page: i64,
) -> Result<Page<StationRow>> {
    let mut q = select();
    if let Some(scope) = &f.scope {
        q.and_where(crate::scope::within(scope));
    }
    if let Some(org) = f.org {
        q.and_where(Expr::col((Stations::Table, Stations::OrgId)).eq(org.0));
    }
    if let Some(m) = f.member {
        q.and_where(
            Expr::col((Stations::Table, Stations::Id)).in_subquery(
                Query::select()
                    .column(StationMembers::StationId)
                    .from(StationMembers::Table)
                    .and_where(Expr::col(StationMembers::MemberId).eq(m.0))
                    .to_owned(),
            ),
        );
    }
    let text = f.query.trim();
    if !text.is_empty() {
        let like = format!("%{}%", text.replace(['%', '_'], ""));
        q.and_where(
            Expr::col((Stations::Table, Stations::Name))
                .like(like.clone())
                .or(Expr::col((Stations::Table, Stations::Address)).like(like)),
        );
    }
    let total = crate::count_rows(db, &q, (Stations::Table, Stations::Id)).await?;
    q.order_by((Orgs::Table, Orgs::Sort), Order::Asc)
        .order_by((Stations::Table, Stations::Id), Order::Asc);
    crate::read_page(db, q, total, page, per_page, row_of).await
}

pub async fn load_station(db: &Db, id: i64) -> Result<StoredStation> {
    let mut q = select();
    q.and_where(Expr::col((Stations::Table, Stations::Id)).eq(id));
    let r = db.optional(&q).await?.ok_or(StoreError::NotFound)?;
    let row = row_of(&r)?;
    let org_path = OrgPath::from_stored(get(&r, "org_path")?);
    let members = db
        .all(
            &Query::select()
                .columns([
                    (Members::Table, Members::Id),
                    (Members::Table, Members::Name),
                ])
                .from(StationMembers::Table)
                .inner_join(
                    Members::Table,
                    Expr::col((Members::Table, Members::Id))
                        .equals((StationMembers::Table, StationMembers::MemberId)),
                )
                .and_where(Expr::col((StationMembers::Table, StationMembers::StationId)).eq(id))
                .order_by((Members::Table, Members::Id), Order::Asc)
                .to_owned(),
        )
        .await?
        .iter()
        .map(|r| Ok((MemberId(get(r, "id")?), get(r, "name")?)))
        .collect::<Result<_>>()?;
    Ok(StoredStation {
        row,
        org_path,
        members,
    })
}

async fn set_members(tx: &mut Tx, now: i64, id: i64, members: &[MemberId]) -> Result<()> {
    tx.execute(
        &Query::delete()
            .from_table(StationMembers::Table)
            .and_where(Expr::col(StationMembers::StationId).eq(id))
            .to_owned(),
    )
    .await?;
    let mut unique = members.to_vec();
    unique.sort();
    unique.dedup();
    if unique.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert()
        .into_table(StationMembers::Table)
        .columns([
            StationMembers::StationId,
            StationMembers::MemberId,
            StationMembers::CreatedAt,
        ])
        .to_owned();
    for m in unique {
        insert.values_panic([id.into(), m.0.into(), now.into()]);
    }
    tx.execute(&insert).await?;
    Ok(())
}

pub async fn create_station(
    db: &Db,
    now: i64,
    who: &Who,
    org: OrgId,
    s: &StationRecord,
    members: &[MemberId],
) -> Result<i64> {
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Stations::Table)
                .columns([
                    Stations::OrgId,
                    Stations::Kind,
                    Stations::Name,
                    Stations::Address,
                    Stations::Street,
                    Stations::ReceptionDays,
                    Stations::CreatedAt,
                    Stations::UpdatedAt,
                ])
                .values_panic([
                    org.0.into(),
                    s.kind.code().into(),
                    s.name.clone().into(),
                    s.address.clone().into(),
                    s.street.clone().into(),
                    s.reception_days.clone().into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Stations::Id)
                .to_owned(),
        )
        .await?;
    set_members(&mut tx, now, id, members).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "station.create",
            "station",
            id,
            format!("新建{}：{}", s.kind.label(), s.name),
        )
        .change(&(), s),
    )
    .await?;
    crate::version::bump(&mut tx, crate::version::STATIONS, now).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update_station(
    db: &Db,
    now: i64,
    who: &Who,
    id: i64,
    s: &StationRecord,
    members: &[MemberId],
) -> Result<()> {
    let mut tx = db.write().await?;
    let changed = tx
        .execute(
            &Query::update()
                .table(Stations::Table)
                .values([
                    (Stations::Kind, s.kind.code().into()),
                    (Stations::Name, s.name.clone().into()),
                    (Stations::Address, s.address.clone().into()),
                    (Stations::Street, s.street.clone().into()),
                    (Stations::ReceptionDays, s.reception_days.clone().into()),
                    (Stations::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Stations::Id).eq(id))
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    set_members(&mut tx, now, id, members).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "station.update",
            "station",
            id,
            format!("修改{}：{}", s.kind.label(), s.name),
        )
        .change(&(), s),
    )
    .await?;
    crate::version::bump(&mut tx, crate::version::STATIONS, now).await?;
    tx.commit().await
}

/// The organisations the public form offers: the top committee, its
/// children, and the children of `chosen` (a national tree is too big to
/// list whole), in tree order.
pub async fn public_orgs(db: &Db, chosen: Option<OrgId>) -> Result<Vec<(i64, String)>> {
    let root = db
        .optional(
            &Query::select()
                .column(Orgs::Id)
                .from(Orgs::Table)
                .and_where(Expr::col(Orgs::ParentId).is_null())
                .order_by(Orgs::Id, Order::Asc)
                .limit(1)
                .to_owned(),
        )
        .await?;
    let Some(root) = root else {
        return Ok(Vec::new());
    };
    let root: i64 = get(&root, "id")?;
    let mut parents = vec![root];
    if let Some(c) = chosen {
        parents.push(c.0);
    }
    db.all(
        &Query::select()
            .columns([Orgs::Id, Orgs::Name])
            .from(Orgs::Table)
            .cond_where(
                Expr::col(Orgs::Id)
                    .eq(root)
                    .or(Expr::col(Orgs::ParentId).is_in(parents))
                    .or(Expr::col(Orgs::Id).eq(chosen.map(|c| c.0).unwrap_or(root))),
            )
            .order_by(Orgs::Path, Order::Asc)
            .limit(2000)
            .to_owned(),
    )
    .await?
    .iter()
    .map(|r| Ok((get(r, "id")?, get(r, "name")?)))
    .collect()
}
