//! Reading letters: one whole record, the list with its filters (a member's
//! own, a unit's queue, or an organisation's and its children's), the
//! history, and the letter a proposal became.

use domain::letter::{Letter, LetterKind, LetterStage};
use domain::org::OrgPath;
use domain::{MemberId, OrgId, ProposalId, UnitId, UserId};
use sea_query::{Expr, Order, Query, SelectStatement};

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::history::HistoryRow;
use crate::schema::{LetterHistory, LetterMembers, LetterUnits, Letters, Orgs};
use crate::Page;

#[derive(Debug, Clone)]
pub struct Stored {
    pub id: i64,
    pub org_id: OrgId,
    pub org_name: String,
    pub org_path: OrgPath,
    pub year: i32,
    pub title: String,
    pub content: String,
    /// The members' names as written on the letter (e.g. 张三、李四).
    pub from_name: String,
    pub members: Vec<MemberId>,
    pub proposal: Option<ProposalId>,
    pub author: Option<UserId>,
    /// Why staff converted the proposal.
    pub reason: String,
    pub version: i64,
    pub letter: Letter,
    pub created_at: i64,
}

impl Stored {
    /// Every unit that holds or held the letter.
    pub fn units(&self) -> Vec<UnitId> {
        self.letter
            .tracking
            .assignments
            .iter()
            .map(|a| a.unit)
            .collect()
    }
}

fn select() -> SelectStatement {
    Query::select()
        .columns([
            (Letters::Table, Letters::Id),
            (Letters::Table, Letters::OrgId),
            (Letters::Table, Letters::Year),
            (Letters::Table, Letters::Kind),
            (Letters::Table, Letters::Stage),
            (Letters::Table, Letters::Title),
            (Letters::Table, Letters::Content),
            (Letters::Table, Letters::FromName),
            (Letters::Table, Letters::ProposalId),
            (Letters::Table, Letters::AuthorUserId),
            (Letters::Table, Letters::Reason),
            (Letters::Table, Letters::Version),
            (Letters::Table, Letters::Aggregate),
            (Letters::Table, Letters::CreatedAt),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            sea_query::Alias::new("org_name"),
        )
        .expr_as(
            Expr::col((Orgs::Table, Orgs::Path)),
            sea_query::Alias::new("org_path"),
        )
        .from(Letters::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Letters::Table, Letters::OrgId)),
        )
        .to_owned()
}

pub async fn load(db: &Db, id: i64) -> Result<Stored> {
    let r = db
        .optional(
            &select()
                .and_where(Expr::col((Letters::Table, Letters::Id)).eq(id))
                .to_owned(),
        )
        .await?
        .ok_or(StoreError::NotFound)?;
    let aggregate: String = get(&r, "aggregate")?;
    let letter: Letter =
        serde_json::from_str(&aggregate).map_err(|e| StoreError::Other(e.to_string()))?;
    let members = db
        .all(
            &Query::select()
                .column(LetterMembers::MemberId)
                .from(LetterMembers::Table)
                .and_where(Expr::col(LetterMembers::LetterId).eq(id))
                .to_owned(),
        )
        .await?
        .iter()
        .map(|m| get(m, "member_id").map(MemberId))
        .collect::<Result<Vec<_>>>()?;
    let path: String = get(&r, "org_path")?;
    Ok(Stored {
        id,
        org_id: OrgId(get(&r, "org_id")?),
        org_name: get(&r, "org_name")?,
        org_path: OrgPath::from_stored(path),
        year: get::<i64>(&r, "year")? as i32,
        title: get(&r, "title")?,
        content: get(&r, "content")?,
        from_name: get(&r, "from_name")?,
        members,
        proposal: get::<Option<i64>>(&r, "proposal_id")?.map(ProposalId),
        author: get::<Option<i64>>(&r, "author_user_id")?.map(UserId),
        reason: get(&r, "reason")?,
        version: get(&r, "version")?,
        letter,
        created_at: get(&r, "created_at")?,
    })
}

/// Which letters a list shows: exactly one of `member`, `unit` or `orgs`
/// (an organisation's path prefix: it and its children) narrows it.
#[derive(Debug, Clone, Default)]
pub struct LetterFilter {
    pub orgs: Option<OrgPath>,
    pub member: Option<MemberId>,
    pub unit: Option<UnitId>,
    pub kind: Option<LetterKind>,
    pub stage: Option<LetterStage>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct LetterRow {
    pub id: i64,
    pub kind: String,
    pub stage: String,
    pub title: String,
    pub from_name: String,
    pub org_name: String,
    pub year: i64,
    pub created_at: i64,
}

pub async fn list(db: &Db, f: &LetterFilter, page: i64, per_page: i64) -> Result<Page<LetterRow>> {
    let mut q = select();
    if let Some(path) = &f.orgs {
        q.and_where(crate::scope::within(path));
    }
    if let Some(m) = f.member {
        q.and_where(
            Expr::col((Letters::Table, Letters::Id)).in_subquery(
                Query::select()
                    .column(LetterMembers::LetterId)
                    .from(LetterMembers::Table)
                    .and_where(Expr::col(LetterMembers::MemberId).eq(m.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(u) = f.unit {
        q.and_where(
            Expr::col((Letters::Table, Letters::Id)).in_subquery(
                Query::select()
                    .column(LetterUnits::LetterId)
                    .from(LetterUnits::Table)
                    .and_where(Expr::col(LetterUnits::UnitId).eq(u.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(k) = f.kind {
        q.and_where(Expr::col((Letters::Table, Letters::Kind)).eq(k.code()));
    }
    if let Some(s) = f.stage {
        q.and_where(Expr::col((Letters::Table, Letters::Stage)).eq(s.code()));
    }
    let total = crate::count_rows(db, &q, (Letters::Table, Letters::Id)).await?;
    q.order_by((Letters::Table, Letters::Id), Order::Desc);
    crate::read_page(db, q, total, page, per_page, |r| {
        Ok(LetterRow {
            id: get(r, "id")?,
            kind: get(r, "kind")?,
            stage: get(r, "stage")?,
            title: get(r, "title")?,
            from_name: get(r, "from_name")?,
            org_name: get(r, "org_name")?,
            year: get(r, "year")?,
            created_at: get(r, "created_at")?,
        })
    })
    .await
}

pub async fn history(db: &Db, id: i64) -> Result<Vec<HistoryRow>> {
    crate::history::steps(db, LetterHistory::Table, LetterHistory::LetterId, id).await
}

/// The letter a proposal was converted to: (id, kind, title).
pub async fn for_proposal(
    db: &Db,
    proposal: ProposalId,
) -> Result<Option<(i64, LetterKind, String)>> {
    let row = db
        .optional(
            &Query::select()
                .columns([Letters::Id, Letters::Kind, Letters::Title])
                .from(Letters::Table)
                .and_where(Expr::col(Letters::ProposalId).eq(proposal.0))
                .to_owned(),
        )
        .await?;
    row.map(|r| {
        let kind: String = get(&r, "kind")?;
        Ok((
            get(&r, "id")?,
            LetterKind::from_code(&kind).unwrap_or(LetterKind::Letter),
            get(&r, "title")?,
        ))
    })
    .transpose()
}
