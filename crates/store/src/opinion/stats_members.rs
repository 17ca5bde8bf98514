//! The member side of the statistics: members counted per organisation,
//! sector and post; the tallies of those who sent reports; and the member
//! list, read in pages.

use std::collections::{HashMap, HashSet};

use domain::member::Post;
use domain::opinion::Stage;
use domain::org::OrgPath;
use sea_query::{Alias, Expr, Order, Query, SelectStatement};

use super::stats::{Group, MemberQuery, MemberTally, OrgInfo, Sender, Tally, NO_SECTOR};
use super::tables::{OpinionInstructions, OpinionUpward};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Members, Opinions, Orgs, Sectors};

/// Active members of the scope, joined to their organisation and sector.
fn members_in_scope(scope: &OrgPath) -> SelectStatement {
    let m = Members::Table;
    Query::select()
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
        .to_owned()
}

/// Active members with id, post and sector name (`sector`), any scope.
fn active_members_with_sector() -> SelectStatement {
    let m = Members::Table;
    Query::select()
        .columns([(m, Members::Id), (m, Members::Post)])
        .expr_as(
            Expr::col((Sectors::Table, Sectors::Name)),
            Alias::new("sector"),
        )
        .from(m)
        .left_join(
            Sectors::Table,
            Expr::col((Sectors::Table, Sectors::Id)).equals((m, Members::SectorId)),
        )
        .and_where(Expr::col((m, Members::Active)).eq(1))
        .to_owned()
}

fn sector_of(r: &sqlx::any::AnyRow) -> Result<String> {
    Ok(get::<Option<String>>(r, "sector")?.unwrap_or_else(|| NO_SECTOR.to_string()))
}

fn post_of(r: &sqlx::any::AnyRow) -> Result<Option<Post>> {
    Ok(Post::parse(&get::<String>(r, "post")?))
}

/// Members counted per organisation, sector and post.
pub(super) async fn group_counts(db: &Db, scope: &OrgPath) -> Result<Vec<Group>> {
    let m = Members::Table;
    let rows = db
        .all(
            &members_in_scope(scope)
                .column((m, Members::OrgId))
                .column((m, Members::Post))
                .expr_as(
                    Expr::col((Sectors::Table, Sectors::Name)),
                    Alias::new("sector"),
                )
                .expr_as(Expr::col((m, Members::Id)).count(), Alias::new("n"))
                .group_by_col((m, Members::OrgId))
                .group_by_col((Sectors::Table, Sectors::Name))
                .group_by_col((m, Members::Post))
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Group {
                org: get(r, "org_id")?,
                sector: sector_of(r)?,
                post: post_of(r)?,
                members: get(r, "n")?,
            })
        })
        .collect()
}

/// The active members among those who sent reports, with their tallies.
pub(super) async fn sent_by(db: &Db, tallies: &HashMap<i64, Tally>) -> Result<Vec<Sender>> {
    let m = Members::Table;
    let ids: Vec<i64> = tallies.keys().copied().collect();
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let rows = db
            .all(
                &active_members_with_sector()
                    .column((m, Members::OrgId))
                    .and_where(Expr::col((m, Members::Id)).is_in(chunk.iter().copied()))
                    .to_owned(),
            )
            .await?;
        for r in &rows {
            let member: i64 = get(r, "id")?;
            out.push(Sender {
                member,
                org: get(r, "org_id")?,
                sector: sector_of(r)?,
                post: post_of(r)?,
                tally: tallies.get(&member).cloned().unwrap_or_default(),
            });
        }
    }
    out.sort_by_key(|s| s.member);
    Ok(out)
}

/// The year's reports of members of the scope that count (sent, not drafts
/// or withdrawn), wherever the report's record sits: joined to the author
/// and the author's organisation (aliases `author`, `author_org`), so the
/// scope narrows by an index instead of a list of every member in it.
fn counted_reports(scope: &OrgPath, year: i32) -> SelectStatement {
    let o = Opinions::Table;
    let (author, author_org) = (Alias::new("author"), Alias::new("author_org"));
    Query::select()
        .from(o)
        .join_as(
            sea_query::JoinType::InnerJoin,
            Members::Table,
            author.clone(),
            Expr::col((author.clone(), Members::Id)).equals((o, Opinions::AuthorMemberId)),
        )
        .join_as(
            sea_query::JoinType::InnerJoin,
            Orgs::Table,
            author_org.clone(),
            Expr::col((author_org.clone(), Orgs::Id)).equals((author, Members::OrgId)),
        )
        .and_where(crate::scope::within_as(scope, author_org.clone()))
        .and_where(Expr::col((o, Opinions::Year)).eq(i64::from(year)))
        .and_where(
            Expr::col((o, Opinions::Stage))
                .is_not_in([Stage::Draft.code(), Stage::Withdrawn.code()]),
        )
        .to_owned()
}

/// Each member's tally for the year, over reports by members of the scope
/// (a city copy of a district's report counts as city adoption, not as a
/// second report sent).
pub(super) async fn tallies_by_member(
    db: &Db,
    scope: &OrgPath,
    year: i32,
) -> Result<HashMap<i64, Tally>> {
    let o = Opinions::Table;
    let rows = db
        .all(
            &counted_reports(scope, year)
                .columns([
                    (o, Opinions::Id),
                    (o, Opinions::AuthorMemberId),
                    (o, Opinions::Stage),
                ])
                .expr_as(Expr::col((Orgs::Table, Orgs::Level)), Alias::new("level"))
                .inner_join(
                    Orgs::Table,
                    Expr::col((Orgs::Table, Orgs::Id)).equals((o, Opinions::OrgId)),
                )
                .to_owned(),
        )
        .await?;
    let copies: HashSet<i64> = super::upward::copies(db).await?.into_iter().collect();
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
    if owner.is_empty() {
        return Ok(out);
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

/// The members `q` asks for, in order (organisation, member). `per_org`
/// says how many members each organisation has under the org and sector
/// filters and how many of them met their target, so organisations with
/// nothing to list (or wholly before the page) are never read; the others
/// are read one at a time by the (organisation, active, id) index.
pub(super) async fn list_members(
    db: &Db,
    orgs: &[OrgInfo],
    per_org: &HashMap<i64, (i64, i64)>,
    tallies: &HashMap<i64, Tally>,
    q: &MemberQuery,
) -> Result<Vec<MemberTally>> {
    let m = Members::Table;
    let mut skip = i64::try_from(q.offset).unwrap_or(i64::MAX);
    let mut out = Vec::new();
    for org in orgs {
        if out.len() >= q.limit {
            break;
        }
        let (selected, met) = per_org.get(&org.id).copied().unwrap_or((0, 0));
        let available = match q.met {
            None => selected,
            Some(true) => met,
            Some(false) => selected - met,
        };
        if available <= skip {
            skip -= available;
            continue;
        }
        let mut page = active_members_with_sector()
            .column((m, Members::Name))
            .and_where(Expr::col((m, Members::OrgId)).eq(org.id))
            .order_by((m, Members::Id), Order::Asc)
            .to_owned();
        match q.sector.as_deref() {
            Some(NO_SECTOR) => {
                page.and_where(Expr::col((Sectors::Table, Sectors::Name)).is_null());
            }
            Some(sector) => {
                page.and_where(Expr::col((Sectors::Table, Sectors::Name)).eq(sector));
            }
            None => {}
        }
        if q.met.is_none() {
            let want = q.limit - out.len();
            page.offset(u64::try_from(skip).unwrap_or(0))
                .limit(want as u64);
            skip = 0;
        }
        for r in &db.all(&page).await? {
            let row = member_row(r, org, tallies)?;
            if q.met.is_some_and(|want| want != row.met) {
                continue;
            }
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push(row);
            if out.len() >= q.limit {
                break;
            }
        }
    }
    Ok(out)
}

fn member_row(
    r: &sqlx::any::AnyRow,
    org: &OrgInfo,
    tallies: &HashMap<i64, Tally>,
) -> Result<MemberTally> {
    let id: i64 = get(r, "id")?;
    let post = post_of(r)?;
    let target = org.target(post);
    let tally = tallies.get(&id).cloned().unwrap_or_default();
    let sector = get::<Option<String>>(r, "sector")?.unwrap_or_default();
    Ok(MemberTally {
        member_id: id,
        name: get(r, "name")?,
        post: post.map(Post::label).unwrap_or("委员"),
        sector,
        org_id: org.id,
        org_name: org.name.clone(),
        met: tally.sent >= i64::from(target),
        tally,
        target,
    })
}
