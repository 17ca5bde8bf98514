//! Reading reports: one record, lists with filters, history and links.

use domain::opinion::{Opinion, Stage};
use domain::org::OrgPath;
use domain::{MemberId, OpinionId, UserId};
use sea_query::{Alias, Cond, Expr, Order, Query, SelectStatement};
use serde::Serialize;

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{OpinionHistory, Opinions, Orgs};
use crate::Page;

/// A report with where it belongs.
#[derive(Debug, Clone)]
pub struct Stored {
    pub opinion: Opinion,
    pub org_path: OrgPath,
    pub org_name: String,
    pub author_name: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn load(db: &Db, id: OpinionId) -> Result<Stored> {
    let o = Opinions::Table;
    let row = db
        .optional(
            &Query::select()
                .columns([
                    (o, Opinions::Aggregate),
                    (o, Opinions::AuthorName),
                    (o, Opinions::CreatedAt),
                    (o, Opinions::UpdatedAt),
                ])
                .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
                .expr_as(
                    Expr::col((Orgs::Table, Orgs::ShortName)),
                    Alias::new("org_name"),
                )
                .from(o)
                .inner_join(
                    Orgs::Table,
                    Expr::col((Orgs::Table, Orgs::Id)).equals((o, Opinions::OrgId)),
                )
                .and_where(Expr::col((o, Opinions::Id)).eq(id.0))
                .to_owned(),
        )
        .await?;
    let Some(r) = row else {
        return Err(StoreError::NotFound);
    };
    let aggregate: String = get(&r, "aggregate")?;
    let opinion: Opinion = serde_json::from_str(&aggregate)
        .map_err(|e| StoreError::Other(format!("opinion {id} record: {e}")))?;
    Ok(Stored {
        opinion,
        org_path: OrgPath::from_stored(get(&r, "org_path")?),
        org_name: get(&r, "org_name")?,
        author_name: get(&r, "author_name")?,
        created_at: get(&r, "created_at")?,
        updated_at: get(&r, "updated_at")?,
    })
}

/// Which reports a list shows.
#[derive(Debug, Clone, Default)]
pub struct OpinionFilter {
    /// Organisation subtree (staff, leaders); drafts are never shown here.
    pub scope: Option<OrgPath>,
    /// Reports this account wrote or this member is the author of.
    pub mine: Option<(UserId, Option<MemberId>)>,
    /// With `scope`: this account's own drafts are listed too.
    pub own_drafts: Option<UserId>,
    pub stages: Vec<Stage>,
    /// Only these reports: a keyword search answered by the search index.
    pub ids: Option<Vec<OpinionId>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpinionRow {
    pub id: OpinionId,
    pub title: String,
    pub stage: String,
    pub stage_label: &'static str,
    pub colour: &'static str,
    pub category: String,
    pub author_name: String,
    pub org_name: String,
    pub year: i64,
    pub updated_at: i64,
}

fn filtered(f: &OpinionFilter) -> SelectStatement {
    let o = Opinions::Table;
    let mut q = Query::select()
        .from(o)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((o, Opinions::OrgId)),
        )
        .to_owned();
    if let Some(scope) = &f.scope {
        q.and_where(crate::scope::within(scope));
        let mut shown = Cond::any().add(Expr::col((o, Opinions::Stage)).ne(Stage::Draft.code()));
        if let Some(user) = f.own_drafts {
            shown = shown.add(Expr::col((o, Opinions::AuthorUserId)).eq(user.0));
        }
        q.cond_where(shown);
    }
    if let Some((user, member)) = f.mine {
        let mut any = Cond::any().add(Expr::col((o, Opinions::AuthorUserId)).eq(user.0));
        if let Some(m) = member {
            any = any.add(Expr::col((o, Opinions::AuthorMemberId)).eq(m.0));
        }
        q.cond_where(any);
    }
    if !f.stages.is_empty() {
        q.and_where(Expr::col((o, Opinions::Stage)).is_in(f.stages.iter().map(|s| s.code())));
    }
    if let Some(ids) = &f.ids {
        q.and_where(Expr::col((o, Opinions::Id)).is_in(ids.iter().map(|i| i.0)));
    }
    q
}

pub async fn list(
    db: &Db,
    filter: &OpinionFilter,
    page: i64,
    per_page: i64,
) -> Result<Page<OpinionRow>> {
    let o = Opinions::Table;
    let total = db
        .scalar(
            &filtered(filter)
                .expr(Expr::col((o, Opinions::Id)).count())
                .to_owned(),
        )
        .await?;
    let page = page.max(1);
    let mut q = filtered(filter);
    q.columns([
        (o, Opinions::Id),
        (o, Opinions::Title),
        (o, Opinions::Stage),
        (o, Opinions::Category),
        (o, Opinions::AuthorName),
        (o, Opinions::Year),
        (o, Opinions::UpdatedAt),
    ])
    .expr_as(
        Expr::col((Orgs::Table, Orgs::ShortName)),
        Alias::new("org_name"),
    )
    .order_by((o, Opinions::UpdatedAt), Order::Desc)
    .order_by((o, Opinions::Id), Order::Desc);
    crate::read_page(db, q, total, page, per_page, |r| {
        let stage: String = get(r, "stage")?;
        let parsed = Stage::from_code(&stage).unwrap_or(Stage::Draft);
        Ok(OpinionRow {
            id: OpinionId(get(r, "id")?),
            title: get(r, "title")?,
            stage_label: parsed.label(),
            colour: parsed.colour(),
            stage,
            category: get(r, "category")?,
            author_name: get(r, "author_name")?,
            org_name: get(r, "org_name")?,
            year: get(r, "year")?,
            updated_at: get(r, "updated_at")?,
        })
    })
    .await
}

pub use crate::history::HistoryRow;

/// Every step of one report, oldest first.
pub async fn history(db: &Db, id: OpinionId) -> Result<Vec<HistoryRow>> {
    crate::history::steps(db, OpinionHistory::Table, OpinionHistory::OpinionId, id.0).await
}
