//! Filtered, paginated pages of organisations and of structure lists, as the
//! API lists them.

use std::collections::BTreeMap;

use domain::catalog::{CatalogKind, FieldKind};
use domain::org::{OrgLevel, OrgPath};
use domain::OrgId;
use sea_query::{Expr, Order, Query};

use super::catalog::{col, table};
use super::{org_from, CatalogItem, Org, ORG_COLUMNS};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::Orgs;

/// Filters of a page of organisations (the API's list); every one optional.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    /// Part of the name or short name.
    pub q: Option<String>,
    pub level: Option<OrgLevel>,
    pub parent_id: Option<OrgId>,
    /// `Some(true)` active only, `Some(false)` deactivated only, `None` both.
    pub active: Option<bool>,
}

/// A `LIKE` pattern matching `text` anywhere, with `%` and `_` taken literally.
fn contains(text: &str) -> sea_query::LikeExpr {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// One page of organisations within `scope`, in tree order.
pub async fn org_page(
    db: &Db,
    scope: &OrgPath,
    f: &OrgFilter,
    page: i64,
    per_page: i64,
) -> Result<crate::Page<Org>> {
    let mut q = Query::select()
        .from(Orgs::Table)
        .and_where(crate::scope::within(scope))
        .to_owned();
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q.and_where(
            Expr::col(Orgs::Name)
                .like(contains(text))
                .or(Expr::col(Orgs::ShortName).like(contains(text))),
        );
    }
    if let Some(level) = f.level {
        q.and_where(Expr::col(Orgs::Level).eq(level.code()));
    }
    if let Some(parent) = f.parent_id {
        q.and_where(Expr::col(Orgs::ParentId).eq(parent.0));
    }
    if let Some(active) = f.active {
        q.and_where(Expr::col(Orgs::Active).eq(i64::from(active)));
    }
    let total = db
        .scalar(&q.clone().expr(Expr::col(Orgs::Id).count()).to_owned())
        .await?;
    let page = page.max(1);
    q.columns(ORG_COLUMNS)
        .order_by(Orgs::Sort, Order::Asc)
        .order_by(Orgs::Id, Order::Asc)
        .limit(per_page as u64)
        .offset(((page - 1) * per_page) as u64);
    let rows = db
        .all(&q)
        .await?
        .iter()
        .map(org_from)
        .collect::<Result<Vec<_>>>()?;
    Ok(crate::Page {
        rows,
        total,
        page,
        per_page,
    })
}

/// Filters of a page of a structure list (the API's list); every one optional.
#[derive(Debug, Clone, Default)]
pub struct CatalogFilter {
    /// Exactly this item (reading one record within a scope).
    pub id: Option<i64>,
    pub org_id: Option<OrgId>,
    /// Part of the name.
    pub q: Option<String>,
    /// `Some(true)` active only, `Some(false)` deactivated only, `None` both.
    pub active: Option<bool>,
}

/// One page of a structure list within `scope`, in the order of
/// [`list_catalog`](super::list_catalog).
pub async fn catalog_page(
    db: &Db,
    kind: CatalogKind,
    scope: &OrgPath,
    f: &CatalogFilter,
    page: i64,
    per_page: i64,
) -> Result<crate::Page<CatalogItem>> {
    let t = table(kind);
    let mut q = Query::select()
        .from(t.clone())
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((t.clone(), col("org_id"))),
        )
        .and_where(crate::scope::within(scope))
        .to_owned();
    if let Some(id) = f.id {
        q.and_where(Expr::col((t.clone(), col("id"))).eq(id));
    }
    if let Some(org) = f.org_id {
        q.and_where(Expr::col((t.clone(), col("org_id"))).eq(org.0));
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q.and_where(Expr::col((t.clone(), col("name"))).like(contains(text)));
    }
    if let Some(active) = f.active {
        q.and_where(Expr::col((t.clone(), col("active"))).eq(i64::from(active)));
    }
    let total = db
        .scalar(
            &q.clone()
                .expr(Expr::col((t.clone(), col("id"))).count())
                .to_owned(),
        )
        .await?;
    let page = page.max(1);
    q.column((t.clone(), col("id")))
        .column((t.clone(), col("org_id")))
        .column((t.clone(), col("name")))
        .column((t.clone(), col("active")))
        .expr_as(Expr::col((Orgs::Table, Orgs::ShortName)), col("org_name"))
        .order_by((Orgs::Table, Orgs::Path), Order::Asc);
    for field in kind.fields() {
        q.column((t.clone(), col(field.name)));
    }
    if kind.fields().iter().any(|f| f.name == "sort") {
        q.order_by((t.clone(), col("sort")), Order::Asc);
    }
    if kind == CatalogKind::Term {
        q.order_by((t.clone(), col("number")), Order::Desc);
    }
    q.order_by((t.clone(), col("id")), Order::Asc)
        .limit(per_page as u64)
        .offset(((page - 1) * per_page) as u64);
    let rows = db
        .all(&q)
        .await?
        .iter()
        .map(|r| catalog_item_from(kind, r))
        .collect::<Result<Vec<_>>>()?;
    Ok(crate::Page {
        rows,
        total,
        page,
        per_page,
    })
}

fn catalog_item_from(kind: CatalogKind, r: &sqlx::any::AnyRow) -> Result<CatalogItem> {
    let mut item = CatalogItem {
        id: get(r, "id")?,
        org_id: OrgId(get(r, "org_id")?),
        org_name: get(r, "org_name")?,
        name: get(r, "name")?,
        text: BTreeMap::new(),
        numbers: BTreeMap::new(),
        active: get::<i64>(r, "active")? == 1,
    };
    for field in kind.fields() {
        match field.kind {
            FieldKind::Text { .. } => {
                item.text
                    .insert(field.name.to_string(), get(r, field.name)?);
            }
            _ => {
                item.numbers
                    .insert(field.name.to_string(), get(r, field.name)?);
            }
        }
    }
    Ok(item)
}
