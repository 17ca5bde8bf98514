//! Targets and statistics: for each member of a scope, the reports sent in
//! a year, adopted at each level (区县, 市, 全国), instructions, and their
//! yearly target (their organisation's setting, by post); roll-ups by
//! organisation and by sector.

use std::collections::{BTreeMap, HashMap};

use domain::member::Post;
use domain::opinion::upward::target_for;
use domain::opinion::Stage;
use domain::org::OrgPath;
use domain::OrgId;
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;

use super::tables::{OpinionInstructions, OpinionUpward};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Members, Opinions, Orgs, Sectors};

#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub sent: i64,
    pub adopted_district: i64,
    pub adopted_city: i64,
    pub adopted_national: i64,
    pub instructions: i64,
}

impl Tally {
    fn add(&mut self, t: &Tally) {
        self.sent += t.sent;
        self.adopted_district += t.adopted_district;
        self.adopted_city += t.adopted_city;
        self.adopted_national += t.adopted_national;
        self.instructions += t.instructions;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberTally {
    pub member_id: i64,
    pub name: String,
    pub post: &'static str,
    pub sector: String,
    pub org_id: i64,
    pub org_name: String,
    pub tally: Tally,
    pub target: u32,
    pub met: bool,
}

/// A roll-up row (an organisation or a sector) with its drill-down key.
#[derive(Debug, Clone, Serialize)]
pub struct GroupTally {
    pub key: String,
    pub label: String,
    pub members: i64,
    pub met: i64,
    pub tally: Tally,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statistics {
    pub members: Vec<MemberTally>,
    pub by_org: Vec<GroupTally>,
    pub by_sector: Vec<GroupTally>,
    pub total: Tally,
}

/// Every active member of the scope with their year's tally and target.
pub async fn statistics(db: &Db, scope: &OrgPath, year: i32) -> Result<Statistics> {
    let m = Members::Table;
    let rows = db
        .all(
            &Query::select()
                .columns([(m, Members::Id), (m, Members::Name), (m, Members::Post)])
                .expr_as(Expr::col((Orgs::Table, Orgs::Id)), Alias::new("org_id"))
                .expr_as(
                    Expr::col((Orgs::Table, Orgs::ShortName)),
                    Alias::new("org_name"),
                )
                .expr_as(
                    Expr::col((Sectors::Table, Sectors::Name)),
                    Alias::new("sector"),
                )
                .from(m)
                .inner_join(
                    Orgs::Table,
                    Expr::col((Orgs::Table, Orgs::Id)).equals((m, Members::OrgId)),
                )
                .left_join(
                    Sectors::Table,
                    Expr::col((Sectors::Table, Sectors::Id)).equals((m, Members::SectorId)),
                )
                .and_where(crate::scope::within(scope))
                .and_where(Expr::col((m, Members::Active)).eq(1))
                .order_by((Orgs::Table, Orgs::Sort), Order::Asc)
                .order_by((m, Members::Id), Order::Asc)
                .to_owned(),
        )
        .await?;
    let tallies = tallies_by_member(db, scope, year).await?;
    let mut settings = HashMap::new();
    let mut members = Vec::new();
    for r in &rows {
        let id: i64 = get(r, "id")?;
        let org_id: i64 = get(r, "org_id")?;
        if let std::collections::hash_map::Entry::Vacant(e) = settings.entry(org_id) {
            let s = crate::org_settings::in_force(db, OrgId(org_id)).await?;
            e.insert(s.opinions.value);
        }
        let post_code: String = get(r, "post")?;
        let post = Post::parse(&post_code);
        let target = settings
            .get(&org_id)
            .map(|s| target_for(post, s))
            .unwrap_or(1);
        let tally = tallies.get(&id).cloned().unwrap_or_default();
        members.push(MemberTally {
            member_id: id,
            name: get(r, "name")?,
            post: post.map(Post::label).unwrap_or("委员"),
            sector: get::<Option<String>>(r, "sector")?.unwrap_or_default(),
            org_id,
            org_name: get(r, "org_name")?,
            met: tally.sent >= i64::from(target),
            tally,
            target,
        });
    }
    let mut by_org: Vec<GroupTally> = Vec::new();
    let mut by_sector: BTreeMap<String, GroupTally> = BTreeMap::new();
    let mut total = Tally::default();
    for t in &members {
        total.add(&t.tally);
        match by_org.last_mut() {
            Some(g) if g.key == t.org_id.to_string() => g.count(t),
            _ => {
                let mut g = GroupTally::new(t.org_id.to_string(), t.org_name.clone());
                g.count(t);
                by_org.push(g);
            }
        }
        let label = if t.sector.is_empty() {
            "未填界别".to_string()
        } else {
            t.sector.clone()
        };
        by_sector
            .entry(label.clone())
            .or_insert_with(|| GroupTally::new(label.clone(), label))
            .count(t);
    }
    Ok(Statistics {
        members,
        by_org,
        by_sector: by_sector.into_values().collect(),
        total,
    })
}

impl GroupTally {
    fn new(key: String, label: String) -> GroupTally {
        GroupTally {
            key,
            label,
            members: 0,
            met: 0,
            tally: Tally::default(),
        }
    }
    fn count(&mut self, t: &MemberTally) {
        self.members += 1;
        self.met += i64::from(t.met);
        self.tally.add(&t.tally);
    }
}

/// Each member's tally for the year, over reports by members of the scope
/// (wherever the report's record sits: a city copy counts as city adoption).
async fn tallies_by_member(db: &Db, scope: &OrgPath, year: i32) -> Result<HashMap<i64, Tally>> {
    let o = Opinions::Table;
    let in_scope = Query::select()
        .column((Members::Table, Members::Id))
        .from(Members::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Members::Table, Members::OrgId)),
        )
        .and_where(crate::scope::within(scope))
        .to_owned();
    let rows = db
        .all(
            &Query::select()
                .columns([
                    (o, Opinions::Id),
                    (o, Opinions::AuthorMemberId),
                    (o, Opinions::Stage),
                ])
                .expr_as(Expr::col((Orgs::Table, Orgs::Level)), Alias::new("level"))
                .from(o)
                .inner_join(
                    Orgs::Table,
                    Expr::col((Orgs::Table, Orgs::Id)).equals((o, Opinions::OrgId)),
                )
                .and_where(Expr::col((o, Opinions::Year)).eq(i64::from(year)))
                .and_where(Expr::col((o, Opinions::AuthorMemberId)).in_subquery(in_scope))
                .and_where(
                    Expr::col((o, Opinions::Stage))
                        .is_not_in([Stage::Draft.code(), Stage::Withdrawn.code()]),
                )
                .to_owned(),
        )
        .await?;
    let copies: std::collections::HashSet<i64> =
        super::upward::copies(db).await?.into_iter().collect();
    let mut owner: HashMap<i64, i64> = HashMap::new();
    let mut out: HashMap<i64, Tally> = HashMap::new();
    for r in &rows {
        let id: i64 = get(r, "id")?;
        let member: i64 = get(r, "author_member_id")?;
        let stage: String = get(r, "stage")?;
        let level: String = get(r, "level")?;
        owner.insert(id, member);
        let t = out.entry(member).or_default();
        if !copies.contains(&id) {
            t.sent += 1;
        }
        if stage == Stage::Adopted.code() {
            match level.as_str() {
                "district" => t.adopted_district += 1,
                _ => t.adopted_city += 1,
            }
        }
    }
    let national = db
        .all(
            &Query::select()
                .column(OpinionUpward::OpinionId)
                .from(OpinionUpward::Table)
                .and_where(Expr::col(OpinionUpward::ToOpinionId).is_null())
                .and_where(Expr::col(OpinionUpward::Outcome).eq("adopted"))
                .to_owned(),
        )
        .await?;
    for r in &national {
        let id: i64 = get(r, "opinion_id")?;
        if let Some(t) = owner.get(&id).and_then(|m| out.get_mut(m)) {
            t.adopted_national += 1;
        }
    }
    let ins = db
        .all(
            &Query::select()
                .column(OpinionInstructions::OpinionId)
                .from(OpinionInstructions::Table)
                .to_owned(),
        )
        .await?;
    for r in &ins {
        let id: i64 = get(r, "opinion_id")?;
        if let Some(t) = owner.get(&id).and_then(|m| out.get_mut(m)) {
            t.instructions += 1;
        }
    }
    Ok(out)
}
