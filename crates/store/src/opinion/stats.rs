//! Targets and statistics: for each member of a scope, the reports sent in
//! a year, adopted at each level (区县, 市, 全国), instructions, and their
//! yearly target (their organisation's setting, by post); roll-ups by
//! organisation and by sector.
//!
//! Built to stay fast for a national scope (hundreds of thousands of
//! members, almost none of whom sent anything this year): members are
//! counted per (organisation, sector, post) in SQL, only the members who
//! sent reports are read one by one, the targets come from one read of the
//! settings, and the member list is read a page at a time.

use std::collections::{BTreeMap, HashMap};

use domain::member::Post;
use domain::opinion::upward::target_for;
use domain::opinion::OpinionSettings;
use domain::org::OrgPath;
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;

use super::stats_members::{group_counts, list_members, sent_by, tallies_by_member};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{OrgSettings, Orgs};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTally {
    pub key: String,
    pub label: String,
    pub members: i64,
    pub met: i64,
    pub tally: Tally,
}

/// Which members to list, and how many at most.
#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    /// Only those who met (true) or missed (false) their target.
    pub met: Option<bool>,
    pub org: Option<i64>,
    /// A sector's name; `未填界别` for members without one.
    pub sector: Option<String>,
    pub offset: usize,
    pub limit: usize,
}

/// The label of members without a sector.
pub const NO_SECTOR: &str = "未填界别";

#[derive(Debug, Clone, Serialize)]
pub struct Statistics {
    /// The members the query asked for, in order (organisation, member).
    pub members: Vec<MemberTally>,
    /// How many members match the query, and how many of those met.
    pub members_total: i64,
    pub members_met: i64,
    pub by_org: Vec<GroupTally>,
    pub by_sector: Vec<GroupTally>,
    pub total: Tally,
}

/// An organisation in scope, with the targets in force there.
#[derive(Debug, Clone)]
pub(super) struct OrgInfo {
    pub id: i64,
    pub name: String,
    pub settings: OpinionSettings,
}

impl OrgInfo {
    pub(super) fn target(&self, post: Option<Post>) -> u32 {
        target_for(post, &self.settings)
    }
}

/// Members of one organisation, sector and post, counted in SQL. They
/// change only with the member directory, so callers may keep them (see
/// `member_groups`) for as long as its data version stays the same.
#[derive(Debug, Clone)]
pub struct Group {
    pub org: i64,
    pub sector: String,
    pub post: Option<Post>,
    pub members: i64,
}

/// A member who sent reports this year, with the tally.
#[derive(Debug, Clone)]
pub(super) struct Sender {
    pub member: i64,
    pub org: i64,
    pub sector: String,
    pub post: Option<Post>,
    pub tally: Tally,
}

/// Active members of the scope counted per organisation, sector and post.
pub async fn member_groups(db: &Db, scope: &OrgPath) -> Result<Vec<Group>> {
    group_counts(db, scope).await
}

/// The year's statistics for the scope, with the members `q` asks for;
/// `groups` are the scope's `member_groups`.
pub async fn statistics(
    db: &Db,
    scope: &OrgPath,
    year: i32,
    groups: &[Group],
    q: &MemberQuery,
) -> Result<Statistics> {
    let orgs = orgs_in_scope(db, scope).await?;
    let by_id: HashMap<i64, &OrgInfo> = orgs.iter().map(|o| (o.id, o)).collect();
    let tallies = tallies_by_member(db, scope, year).await?;
    let senders = sent_by(db, &tallies).await?;
    let target = |org: i64, post: Option<Post>| by_id.get(&org).map_or(1, |o| o.target(post));
    let met = |s: &Sender| s.tally.sent >= i64::from(target(s.org, s.post));

    let mut by_org: BTreeMap<i64, GroupTally> = BTreeMap::new();
    let mut by_sector: BTreeMap<String, GroupTally> = BTreeMap::new();
    // Members the org and sector filters select, and how many met.
    // Per organisation: (members selected, of whom met).
    let mut per_org: HashMap<i64, (i64, i64)> = HashMap::new();
    let matches = |org: i64, sector: &str| {
        q.org.is_none_or(|o| o == org) && q.sector.as_deref().is_none_or(|s| s == sector)
    };
    for g in groups {
        // With a target of 0 every member of the group has met it.
        let met = if target(g.org, g.post) == 0 {
            g.members
        } else {
            0
        };
        let org = by_org
            .entry(g.org)
            .or_insert_with(|| org_group(&by_id, g.org));
        org.members += g.members;
        org.met += met;
        let sector = by_sector
            .entry(g.sector.clone())
            .or_insert_with(|| GroupTally::new(g.sector.clone(), g.sector.clone()));
        sector.members += g.members;
        sector.met += met;
        if matches(g.org, &g.sector) {
            let o = per_org.entry(g.org).or_default();
            o.0 += g.members;
            o.1 += met;
        }
    }
    let mut total = Tally::default();
    for s in &senders {
        total.add(&s.tally);
        // Those with a target of 0 were counted as met with their group.
        let newly_met = i64::from(met(s) && target(s.org, s.post) > 0);
        for g in [
            by_org
                .entry(s.org)
                .or_insert_with(|| org_group(&by_id, s.org)),
            by_sector
                .entry(s.sector.clone())
                .or_insert_with(|| GroupTally::new(s.sector.clone(), s.sector.clone())),
        ] {
            g.met += newly_met;
            g.tally.add(&s.tally);
        }
        if matches(s.org, &s.sector) {
            per_org.entry(s.org).or_default().1 += newly_met;
        }
    }
    let (selected, selected_met) = per_org
        .values()
        .fold((0, 0), |(a, b), (s, m)| (a + s, b + m));
    let (members_total, members_met) = match q.met {
        None => (selected, selected_met),
        Some(true) => (selected_met, selected_met),
        Some(false) => (selected - selected_met, 0),
    };
    let order: HashMap<i64, usize> = orgs.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    let mut by_org: Vec<GroupTally> = by_org.into_values().collect();
    by_org.sort_by_key(|g| {
        g.key
            .parse::<i64>()
            .ok()
            .and_then(|id| order.get(&id).copied())
    });
    let members = list_members(db, &orgs, &per_org, &tallies, q).await?;
    Ok(Statistics {
        members,
        members_total,
        members_met,
        by_org,
        by_sector: by_sector.into_values().collect(),
        total,
    })
}

fn org_group(by_id: &HashMap<i64, &OrgInfo>, org: i64) -> GroupTally {
    let name = by_id.get(&org).map(|o| o.name.clone()).unwrap_or_default();
    GroupTally::new(org.to_string(), name)
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
}

/// The organisations of the scope in their order, each with the opinion
/// settings in force there (its own, else the nearest ancestor's, else the
/// defaults), from one read of the settings.
async fn orgs_in_scope(db: &Db, scope: &OrgPath) -> Result<Vec<OrgInfo>> {
    let settings: HashMap<i64, OpinionSettings> = db
        .all(
            &Query::select()
                .columns([OrgSettings::OrgId, OrgSettings::Value])
                .from(OrgSettings::Table)
                .and_where(Expr::col(OrgSettings::Kind).eq(crate::org_settings::OPINIONS))
                .to_owned(),
        )
        .await?
        .iter()
        .map(|r| {
            let org: i64 = get(r, "org_id")?;
            let value: String = get(r, "value")?;
            let parsed = serde_json::from_str(&value)
                .map_err(|e| StoreError::Other(format!("settings opinions of org {org}: {e}")))?;
            Ok((org, parsed))
        })
        .collect::<Result<_>>()?;
    let rows = db
        .all(
            &Query::select()
                .columns([Orgs::Id, Orgs::Path])
                .expr_as(Expr::col(Orgs::ShortName), Alias::new("label"))
                .from(Orgs::Table)
                .and_where(crate::scope::within(scope))
                .order_by(Orgs::Sort, Order::Asc)
                .order_by(Orgs::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            let path: String = get(r, "path")?;
            // Nearest first: `/1/4/9/` is 9, then 4, then 1.
            let nearest = path
                .split('/')
                .rev()
                .filter_map(|id| id.parse::<i64>().ok())
                .find_map(|id| settings.get(&id).cloned())
                .unwrap_or_default();
            Ok(OrgInfo {
                id: get(r, "id")?,
                name: get(r, "label")?,
                settings: nearest,
            })
        })
        .collect()
}
