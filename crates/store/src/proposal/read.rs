//! Reading proposals: one record with its text, lists with filters, history.

use domain::org::OrgPath;
use domain::proposal::{Proposal, ProposalInput, Stage};
use domain::{MemberId, OrgId, ProposalId, TermId, UnitId, UserId};
use sea_query::{Alias, Expr, Order, Query, SelectStatement};
use serde::Serialize;

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Orgs, ProposalHistory, ProposalMembers, ProposalUnits, Proposals};
use crate::Page;
use sqlx::any::AnyRow;

use super::narrow::narrowed;
pub use super::narrow::SectorFilter;

/// A proposal: the rules' record, its text as typed and where it belongs.
#[derive(Debug, Clone)]
pub struct Stored {
    pub proposal: Proposal,
    pub text: ProposalInput,
    pub org_path: OrgPath,
    pub org_name: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn load(db: &Db, id: ProposalId) -> Result<Stored> {
    let r = db
        .one(
            &stored_select()
                .and_where(Expr::col((Proposals::Table, Proposals::Id)).eq(id.0))
                .to_owned(),
        )
        .await?;
    stored_of(&r)
}

/// Up to `limit` proposals with ids after `after`, in id order, read in
/// one query: for walking every proposal (index rebuild).
pub async fn load_after(db: &Db, after: i64, limit: u64) -> Result<Vec<Stored>> {
    let p = Proposals::Table;
    let rows = db
        .all(
            &stored_select()
                .and_where(Expr::col((p, Proposals::Id)).gt(after))
                .order_by((p, Proposals::Id), Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(stored_of).collect()
}

/// The proposals with these ids that exist, read in one query.
pub async fn load_many(db: &Db, ids: &[ProposalId]) -> Result<Vec<Stored>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db
        .all(
            &stored_select()
                .and_where(
                    Expr::col((Proposals::Table, Proposals::Id)).is_in(ids.iter().map(|i| i.0)),
                )
                .to_owned(),
        )
        .await?;
    rows.iter().map(stored_of).collect()
}

/// The columns a [`Stored`] is made of, with its organisation.
fn stored_select() -> SelectStatement {
    let p = Proposals::Table;
    Query::select()
        .columns([
            (p, Proposals::Id),
            (p, Proposals::Aggregate),
            (p, Proposals::Title),
            (p, Proposals::Analysis),
            (p, Proposals::Suggestions),
            (p, Proposals::Category),
            (p, Proposals::Public),
            (p, Proposals::SuggestedUnits),
            (p, Proposals::CreatedAt),
            (p, Proposals::UpdatedAt),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .from(p)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((p, Proposals::OrgId)),
        )
        .to_owned()
}

fn stored_of(r: &AnyRow) -> Result<Stored> {
    let id: i64 = get(r, "id")?;
    let aggregate: String = get(r, "aggregate")?;
    let proposal: Proposal = serde_json::from_str(&aggregate)
        .map_err(|e| StoreError::Other(format!("proposal {id} record: {e}")))?;
    Ok(Stored {
        proposal,
        text: ProposalInput {
            title: get(r, "title")?,
            analysis: get(r, "analysis")?,
            suggestions: get(r, "suggestions")?,
            category: get(r, "category")?,
            public: if get::<i64>(r, "public")? == 1 {
                "1".into()
            } else {
                "0".into()
            },
            suggested_units: get(r, "suggested_units")?,
        },
        org_path: OrgPath::from_stored(get(r, "org_path")?),
        org_name: get(r, "org_name")?,
        created_at: get(r, "created_at")?,
        updated_at: get(r, "updated_at")?,
    })
}

/// Which proposals a list shows.
#[derive(Debug, Clone, Default)]
pub struct ProposalFilter {
    /// Organisation subtree (staff, leaders).
    pub scope: Option<OrgPath>,
    /// Proposals this member proposes or was invited to co-sign.
    pub member: Option<MemberId>,
    /// Proposals this account drafted (a body's staff account).
    pub author: Option<UserId>,
    /// Proposals assigned to this unit.
    pub unit: Option<UnitId>,
    pub stages: Vec<Stage>,
    pub year: Option<i64>,
    pub q: Option<String>,
    /// Only these proposals: a keyword search already answered by the
    /// search index (then `q` is not matched again here).
    pub ids: Option<Vec<ProposalId>>,
    /// The statistics' drill-down: one term (届).
    pub term: Option<TermId>,
    /// One category; 未分类 also finds proposals with none.
    pub category: Option<String>,
    /// Exactly this organisation, not its subtree (a …本级 row).
    pub org: Option<OrgId>,
    /// By the initiating member's 界别.
    pub sector: Option<SectorFilter>,
    /// Proposals this unit holds a live (not returned or withdrawn)
    /// assignment on, as the statistics count a unit's row.
    pub held_by: Option<UnitId>,
    /// Set by [`list`] when the scope spans many committees; see [`super::wide`].
    pub wide_scope: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    pub id: ProposalId,
    pub title: String,
    pub stage: String,
    pub stage_label: &'static str,
    pub org_name: String,
    pub year: i64,
    pub number: Option<i64>,
    pub category: String,
    pub proposer_kind: String,
    pub updated_at: i64,
}

pub(super) fn filtered(f: &ProposalFilter) -> SelectStatement {
    let p = Proposals::Table;
    let mut q = Query::select()
        .from(p)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((p, Proposals::OrgId)),
        )
        .to_owned();
    if let Some(scope) = &f.scope {
        q.and_where(if f.wide_scope {
            super::wide::in_scope(scope)
        } else {
            crate::scope::within(scope)
        });
    }
    let mut mine = Vec::new();
    if let Some(member) = f.member {
        mine.push(
            Expr::col((p, Proposals::Id)).in_subquery(
                Query::select()
                    .column(ProposalMembers::ProposalId)
                    .from(ProposalMembers::Table)
                    .and_where(Expr::col(ProposalMembers::MemberId).eq(member.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(author) = f.author {
        mine.push(Expr::col((p, Proposals::AuthorUserId)).eq(author.0));
    }
    if let Some(first) = mine.pop() {
        q.and_where(mine.into_iter().fold(first, |a, b| a.or(b)));
    }
    if let Some(unit) = f.unit {
        q.and_where(
            Expr::col((p, Proposals::Id)).in_subquery(
                Query::select()
                    .column(ProposalUnits::ProposalId)
                    .from(ProposalUnits::Table)
                    .and_where(Expr::col(ProposalUnits::UnitId).eq(unit.0))
                    .to_owned(),
            ),
        );
    }
    if !f.stages.is_empty() && f.wide_scope && f.stages.len() > 1 {
        q.and_where(super::wide::in_stages(&f.stages));
    } else if !f.stages.is_empty() {
        q.and_where(Expr::col((p, Proposals::Stage)).is_in(f.stages.iter().map(|s| s.code())));
    }
    if let Some(year) = f.year {
        q.and_where(Expr::col((p, Proposals::Year)).eq(year));
    }
    if let Some(ids) = &f.ids {
        q.and_where(Expr::col((p, Proposals::Id)).is_in(ids.iter().map(|i| i.0)));
    } else if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q.and_where(Expr::col((p, Proposals::Title)).like(format!("%{text}%")));
    }
    narrowed(&mut q, f);
    q
}

pub async fn list(
    db: &Db,
    f: &ProposalFilter,
    page: i64,
    per_page: i64,
) -> Result<Page<ProposalRow>> {
    let p = Proposals::Table;
    let mut f = f.clone();
    // A keyword search names its few hundred proposals: no wide walk.
    f.wide_scope = match (&f.scope, &f.ids) {
        (Some(scope), None) => super::wide::is_wide(db, scope).await?,
        _ => false,
    };
    let f = &f;
    let total = if f.wide_scope {
        super::wide::wide_count(db, format!("{f:?}"), filtered(f)).await?
    } else {
        db.scalar(
            &filtered(f)
                .expr(Expr::col((p, Proposals::Id)).count())
                .to_owned(),
        )
        .await?
    };
    let mut q = filtered(f);
    q.columns([
        (p, Proposals::Id),
        (p, Proposals::Title),
        (p, Proposals::Stage),
        (p, Proposals::Year),
        (p, Proposals::NumberSeq),
        (p, Proposals::Category),
        (p, Proposals::ProposerKind),
        (p, Proposals::UpdatedAt),
    ])
    .expr_as(
        Expr::col((Orgs::Table, Orgs::ShortName)),
        Alias::new("org_name"),
    )
    .order_by((p, Proposals::UpdatedAt), Order::Desc)
    .order_by((p, Proposals::Id), Order::Desc);
    crate::read_page(db, q, total, page, per_page, |r| {
        let stage: String = get(r, "stage")?;
        Ok(ProposalRow {
            id: ProposalId(get(r, "id")?),
            title: get(r, "title")?,
            stage_label: Stage::from_code(&stage).map(Stage::label).unwrap_or(""),
            stage,
            org_name: get(r, "org_name")?,
            year: get(r, "year")?,
            number: get(r, "number_seq")?,
            category: get(r, "category")?,
            proposer_kind: get(r, "proposer_kind")?,
            updated_at: get(r, "updated_at")?,
        })
    })
    .await
}

pub use crate::history::HistoryRow;

/// Every step of one proposal, oldest first.
pub async fn history(db: &Db, id: ProposalId) -> Result<Vec<HistoryRow>> {
    crate::history::steps(
        db,
        ProposalHistory::Table,
        ProposalHistory::ProposalId,
        id.0,
    )
    .await
}

/// Proposal ids after `after`, in id order, for walking every proposal.
pub async fn ids_after(db: &Db, after: i64, limit: u64) -> Result<Vec<ProposalId>> {
    let rows = db
        .all(
            &Query::select()
                .column(Proposals::Id)
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::Id).gt(after))
                .order_by(Proposals::Id, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| Ok(ProposalId(get(r, "id")?))).collect()
}
