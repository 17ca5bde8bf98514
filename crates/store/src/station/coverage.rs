//! 全覆盖: how many of a district's members are attached to a station, who
//! is not, and where stations of one kind duplicate each other in one
//! street; and the same counts side by side for a city's districts. Every
//! number is an aggregate query over indexed columns, never a loop over
//! members, so it stays fast at national scale.

use std::collections::HashMap;

use domain::OrgId;
use sea_query::{Alias, Expr, Func, Order, Query};

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs, StationMembers, Stations};

#[derive(Debug, Clone)]
pub struct Uncovered {
    pub id: i64,
    pub name: String,
}

/// Stations of one kind in one street.
#[derive(Debug, Clone)]
pub struct Duplicate {
    pub street: String,
    pub kind: String,
    pub stations: Vec<(i64, String, String)>,
}

#[derive(Debug, Clone)]
pub struct Coverage {
    pub org_id: OrgId,
    pub org_name: String,
    pub members: i64,
    pub attached: i64,
    pub stations: i64,
    /// The first members with no station (by id), at most `limit`.
    pub uncovered: Vec<Uncovered>,
    pub duplicates: Vec<Duplicate>,
}

impl Coverage {
    /// Percent attached, one decimal.
    pub fn share(&self) -> f64 {
        share(self.attached, self.members)
    }
}

pub fn share(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

fn attached_query(orgs: &[i64]) -> sea_query::SelectStatement {
    Query::select()
        .column((Members::Table, Members::OrgId))
        .expr_as(
            Func::count_distinct(Expr::col((StationMembers::Table, StationMembers::MemberId))),
            Alias::new("n"),
        )
        .from(StationMembers::Table)
        .inner_join(
            Members::Table,
            Expr::col((Members::Table, Members::Id))
                .equals((StationMembers::Table, StationMembers::MemberId)),
        )
        .and_where(Expr::col((Members::Table, Members::OrgId)).is_in(orgs.to_vec()))
        .and_where(Expr::col((Members::Table, Members::Active)).eq(1))
        .group_by_col((Members::Table, Members::OrgId))
        .to_owned()
}

async fn counts(db: &Db, q: &sea_query::SelectStatement) -> Result<HashMap<i64, i64>> {
    db.all(q)
        .await?
        .iter()
        .map(|r| Ok((get(r, "org_id")?, get(r, "n")?)))
        .collect()
}

pub async fn coverage(db: &Db, org: OrgId, limit: u64) -> Result<Coverage> {
    let name_row = db
        .optional(
            &Query::select()
                .column(Orgs::Name)
                .from(Orgs::Table)
                .and_where(Expr::col(Orgs::Id).eq(org.0))
                .to_owned(),
        )
        .await?
        .ok_or(StoreError::NotFound)?;
    let members = db
        .scalar(
            &Query::select()
                .expr(Expr::col(Members::Id).count())
                .from(Members::Table)
                .and_where(Expr::col(Members::OrgId).eq(org.0))
                .and_where(Expr::col(Members::Active).eq(1))
                .to_owned(),
        )
        .await?;
    let attached = counts(db, &attached_query(&[org.0]))
        .await?
        .get(&org.0)
        .copied()
        .unwrap_or(0);
    let stations = db
        .scalar(
            &Query::select()
                .expr(Expr::col(Stations::Id).count())
                .from(Stations::Table)
                .and_where(Expr::col(Stations::OrgId).eq(org.0))
                .and_where(Expr::col(Stations::Active).eq(1))
                .to_owned(),
        )
        .await?;
    let uncovered = db
        .all(
            &Query::select()
                .columns([Members::Id, Members::Name])
                .from(Members::Table)
                .and_where(Expr::col(Members::OrgId).eq(org.0))
                .and_where(Expr::col(Members::Active).eq(1))
                .and_where(
                    Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from(StationMembers::Table)
                            .and_where(
                                Expr::col((StationMembers::Table, StationMembers::MemberId))
                                    .equals((Members::Table, Members::Id)),
                            )
                            .to_owned(),
                    )
                    .not(),
                )
                .order_by(Members::Id, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?
        .iter()
        .map(|r| {
            Ok(Uncovered {
                id: get(r, "id")?,
                name: get(r, "name")?,
            })
        })
        .collect::<Result<_>>()?;
    let duplicates = duplicates(db, org).await?;
    Ok(Coverage {
        org_id: org,
        org_name: get(&name_row, "name")?,
        members,
        attached,
        stations,
        uncovered,
        duplicates,
    })
}

/// Stations of one kind sharing a street, grouped.
async fn duplicates(db: &Db, org: OrgId) -> Result<Vec<Duplicate>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    Stations::Id,
                    Stations::Name,
                    Stations::Address,
                    Stations::Street,
                    Stations::Kind,
                ])
                .from(Stations::Table)
                .and_where(Expr::col(Stations::OrgId).eq(org.0))
                .and_where(Expr::col(Stations::Active).eq(1))
                .and_where(
                    Expr::tuple([
                        Expr::col(Stations::Street).into(),
                        Expr::col(Stations::Kind).into(),
                    ])
                    .in_subquery(
                        Query::select()
                            .columns([Stations::Street, Stations::Kind])
                            .from(Stations::Table)
                            .and_where(Expr::col(Stations::OrgId).eq(org.0))
                            .and_where(Expr::col(Stations::Active).eq(1))
                            .group_by_columns([Stations::Street, Stations::Kind])
                            .and_having(Expr::expr(Expr::col(Stations::Id).count()).gt(1))
                            .to_owned(),
                    ),
                )
                .order_by(Stations::Street, Order::Asc)
                .order_by(Stations::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    let mut out: Vec<Duplicate> = Vec::new();
    for r in &rows {
        let street: String = get(r, "street")?;
        let kind: String = get(r, "kind")?;
        let entry = (get(r, "id")?, get(r, "name")?, get(r, "address")?);
        match out
            .iter_mut()
            .find(|d| d.street == street && d.kind == kind)
        {
            Some(d) => d.stations.push(entry),
            None => out.push(Duplicate {
                street,
                kind,
                stations: vec![entry],
            }),
        }
    }
    Ok(out)
}

/// One organisation's row in the comparison.
#[derive(Debug, Clone)]
pub struct DistrictRow {
    pub org_id: OrgId,
    pub name: String,
    pub members: i64,
    pub attached: i64,
    pub stations: i64,
    /// Street-and-kind groups with more than one station.
    pub duplicate_places: i64,
}

impl DistrictRow {
    pub fn share(&self) -> f64 {
        share(self.attached, self.members)
    }
}

/// `parent` and its direct children, side by side.
pub async fn compare(db: &Db, parent: OrgId) -> Result<Vec<DistrictRow>> {
    let orgs = db
        .all(
            &Query::select()
                .columns([Orgs::Id, Orgs::Name])
                .from(Orgs::Table)
                .cond_where(
                    Expr::col(Orgs::Id)
                        .eq(parent.0)
                        .or(Expr::col(Orgs::ParentId).eq(parent.0)),
                )
                .order_by(Orgs::Sort, Order::Asc)
                .order_by(Orgs::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    let ids: Vec<i64> = orgs.iter().map(|r| get(r, "id")).collect::<Result<_>>()?;
    let members = counts(
        db,
        &Query::select()
            .column(Members::OrgId)
            .expr_as(Expr::col(Members::Id).count(), Alias::new("n"))
            .from(Members::Table)
            .and_where(Expr::col(Members::OrgId).is_in(ids.clone()))
            .and_where(Expr::col(Members::Active).eq(1))
            .group_by_col(Members::OrgId)
            .to_owned(),
    )
    .await?;
    let attached = counts(db, &attached_query(&ids)).await?;
    let stations = counts(
        db,
        &Query::select()
            .column(Stations::OrgId)
            .expr_as(Expr::col(Stations::Id).count(), Alias::new("n"))
            .from(Stations::Table)
            .and_where(Expr::col(Stations::OrgId).is_in(ids.clone()))
            .and_where(Expr::col(Stations::Active).eq(1))
            .group_by_col(Stations::OrgId)
            .to_owned(),
    )
    .await?;
    let groups = db
        .all(
            &Query::select()
                .column(Stations::OrgId)
                .expr_as(Expr::col(Stations::Id).count(), Alias::new("n"))
                .from(Stations::Table)
                .and_where(Expr::col(Stations::OrgId).is_in(ids.clone()))
                .and_where(Expr::col(Stations::Active).eq(1))
                .group_by_columns([Stations::OrgId, Stations::Street, Stations::Kind])
                .and_having(Expr::expr(Expr::col(Stations::Id).count()).gt(1))
                .to_owned(),
        )
        .await?;
    let mut dup: HashMap<i64, i64> = HashMap::new();
    for g in &groups {
        *dup.entry(get(g, "org_id")?).or_default() += 1;
    }
    orgs.iter()
        .map(|r| {
            let id: i64 = get(r, "id")?;
            Ok(DistrictRow {
                org_id: OrgId(id),
                name: get(r, "name")?,
                members: members.get(&id).copied().unwrap_or(0),
                attached: attached.get(&id).copied().unwrap_or(0),
                stations: stations.get(&id).copied().unwrap_or(0),
                duplicate_places: dup.get(&id).copied().unwrap_or(0),
            })
        })
        .collect()
}
