//! 提案统计 from the database: the rules' records of one organisation's
//! subtree, term and year, loaded in one query and handed to
//! `domain::proposal::stats::compute`. The arithmetic lives in the domain;
//! this module only decides which district each proposal counts under and
//! names organisations and units (one query each, never one per row).

use std::collections::{HashMap, HashSet};

use domain::org::OrgPath;
use domain::proposal::stats::{compute, counts_in_statistics, MemberSector};
use domain::proposal::{Proposal, ProposalStats, Stage, StatsInput};
use domain::{OrgId, SectorId, TermId, UnitId};
use sea_query::{Alias, Expr, Query};
use time::Date;

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs, Proposals, Sectors};

/// Which proposals the statistics cover.
#[derive(Debug, Clone)]
pub struct StatsFilter {
    /// The viewer's organisation: its subtree is counted, and each direct
    /// child organisation (a city's districts) gets its own row.
    pub scope: OrgPath,
    /// One term (届) of one organisation; `None` for every term.
    pub term: Option<TermId>,
    pub year: i32,
}

/// The statistics of the proposals `filter` selects, as of `today`.
pub async fn statistics(db: &Db, filter: &StatsFilter, today: Date) -> Result<ProposalStats> {
    let districts = Districts::load(db, &filter.scope).await?;
    let records = records(db, filter, &districts).await?;
    let units = unit_names(db, &records).await?;
    Ok(compute(&records, today, |unit| {
        units
            .get(&unit)
            .cloned()
            .unwrap_or_else(|| format!("承办单位{unit}"))
    }))
}

/// The organisations of the scope, to roll each proposal up to the child
/// of the scope it belongs to.
struct Districts {
    scope: OrgPath,
    by_path: HashMap<String, (OrgId, String)>,
}

impl Districts {
    async fn load(db: &Db, scope: &OrgPath) -> Result<Districts> {
        let rows = db
            .all(
                &Query::select()
                    .columns([
                        (Orgs::Table, Orgs::Id),
                        (Orgs::Table, Orgs::Path),
                        (Orgs::Table, Orgs::ShortName),
                    ])
                    .from(Orgs::Table)
                    .and_where(crate::scope::within(scope))
                    .to_owned(),
            )
            .await?;
        let mut by_path = HashMap::new();
        for r in &rows {
            let path: String = get(r, "path")?;
            let name: String = get(r, "short_name")?;
            by_path.insert(path, (OrgId(get(r, "id")?), name));
        }
        Ok(Districts {
            scope: scope.clone(),
            by_path,
        })
    }

    /// The scope itself (named …本级) or the child of the scope that holds
    /// `path`.
    fn of(&self, path: &str) -> Option<(OrgId, String)> {
        let scope = self.scope.as_str();
        let rest = path.strip_prefix(scope)?;
        match rest.split('/').next().filter(|s| !s.is_empty()) {
            None => {
                let (id, name) = self.by_path.get(scope)?;
                Some((*id, format!("{name}本级")))
            }
            Some(child) => self.by_path.get(&format!("{scope}{child}/")).cloned(),
        }
    }
}

async fn records(db: &Db, f: &StatsFilter, districts: &Districts) -> Result<Vec<StatsInput>> {
    let p = Proposals::Table;
    let counted: Vec<&str> = Stage::ALL
        .into_iter()
        .filter(|s| counts_in_statistics(*s))
        .map(Stage::code)
        .collect();
    let mut q = Query::select()
        .columns([
            (p, Proposals::Aggregate),
            (p, Proposals::Category),
            (p, Proposals::Title),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .expr_as(
            Expr::col((Sectors::Table, Sectors::Id)),
            Alias::new("sector_id"),
        )
        .expr_as(
            Expr::col((Sectors::Table, Sectors::Name)),
            Alias::new("sector_name"),
        )
        .from(p)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((p, Proposals::OrgId)),
        )
        // The initiating member's 界别; a body's proposal has no member.
        .left_join(
            Members::Table,
            Expr::col((Members::Table, Members::Id)).equals((p, Proposals::InitiatorMemberId)),
        )
        .left_join(
            Sectors::Table,
            Expr::col((Sectors::Table, Sectors::Id)).equals((Members::Table, Members::SectorId)),
        )
        .and_where(crate::scope::within(&f.scope))
        .and_where(Expr::col((p, Proposals::Year)).eq(i64::from(f.year)))
        .and_where(Expr::col((p, Proposals::Stage)).is_in(counted))
        .to_owned();
    if let Some(term) = f.term {
        q.and_where(Expr::col((p, Proposals::TermId)).eq(term.0));
    }
    let rows = db.all(&q).await?;
    rows.iter()
        .map(|r| {
            let aggregate: String = get(r, "aggregate")?;
            let proposal: Proposal = serde_json::from_str(&aggregate)
                .map_err(|e| StoreError::Other(format!("proposal record: {e}")))?;
            let path: String = get(r, "org_path")?;
            let (org, org_name) = match districts.of(&path) {
                Some(district) => district,
                None => (proposal.org, get(r, "org_name")?),
            };
            let sector = match get::<Option<i64>>(r, "sector_id")? {
                Some(id) => Some(MemberSector {
                    id: SectorId(id),
                    name: get(r, "sector_name")?,
                }),
                None => None,
            };
            Ok(StatsInput {
                org,
                org_name,
                category: get(r, "category")?,
                title: get(r, "title")?,
                sector,
                proposal,
            })
        })
        .collect()
}

/// The names of every unit the records were assigned to.
async fn unit_names(db: &Db, records: &[StatsInput]) -> Result<HashMap<UnitId, String>> {
    let ids: HashSet<UnitId> = records
        .iter()
        .flat_map(|r| r.proposal.tracking.assignments.iter().map(|a| a.unit))
        .collect();
    crate::names::units(db, ids).await
}
