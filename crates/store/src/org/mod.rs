//! Organisations (the committee tree) and their structure lists: sectors,
//! special committees, terms and handling units.

use std::collections::BTreeMap;

use domain::catalog::{CatalogDraft, CatalogKind, FieldKind};
use domain::org::{OrgLevel, OrgPath};
use domain::{FieldErrors, OrgId};
use sea_query::{Alias, Expr, Order, Query, SimpleExpr};
use serde::Serialize;

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::Orgs;

#[derive(Debug, Clone, Serialize)]
pub struct Org {
    pub id: OrgId,
    pub parent_id: Option<OrgId>,
    pub name: String,
    pub short_name: String,
    pub level: String,
    pub path: OrgPath,
    pub active: bool,
}

impl Org {
    pub fn level_label(&self) -> &'static str {
        OrgLevel::from_code(&self.level)
            .map(OrgLevel::label)
            .unwrap_or("")
    }
}

fn org_from(r: &sqlx::any::AnyRow) -> Result<Org> {
    Ok(Org {
        id: OrgId(get(r, "id")?),
        parent_id: get::<Option<i64>>(r, "parent_id")?.map(OrgId),
        name: get(r, "name")?,
        short_name: get(r, "short_name")?,
        level: get(r, "level")?,
        path: OrgPath::from_stored(get(r, "path")?),
        active: get::<i64>(r, "active")? == 1,
    })
}

const ORG_COLUMNS: [Orgs; 7] = [
    Orgs::Id,
    Orgs::ParentId,
    Orgs::Name,
    Orgs::ShortName,
    Orgs::Level,
    Orgs::Path,
    Orgs::Active,
];

/// Every organisation within `scope` (itself and its descendants), tree order.
pub async fn list_orgs(db: &Db, scope: &OrgPath) -> Result<Vec<Org>> {
    let rows = db
        .all(
            &Query::select()
                .columns(ORG_COLUMNS)
                .from(Orgs::Table)
                .and_where(crate::scope::within(scope))
                .order_by(Orgs::Sort, Order::Asc)
                .order_by(Orgs::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter().map(org_from).collect()
}

pub async fn get_org(db: &Db, id: OrgId) -> Result<Org> {
    let row = db
        .one(
            &Query::select()
                .columns(ORG_COLUMNS)
                .from(Orgs::Table)
                .and_where(Expr::col(Orgs::Id).eq(id.0))
                .to_owned(),
        )
        .await?;
    org_from(&row)
}

/// The raw organisation form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct OrgInput {
    pub name: String,
    pub short_name: String,
    pub level: String,
    pub parent_id: String,
    pub sort: String,
}

pub struct OrgDraft {
    pub name: String,
    pub short_name: String,
    pub level: OrgLevel,
    pub parent: Option<OrgId>,
    pub sort: i64,
}

impl OrgInput {
    pub fn parse(&self) -> std::result::Result<OrgDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.take("name", domain::field::required_text(&self.name, "名称", 60));
        let short = e.take(
            "short_name",
            domain::field::required_text(&self.short_name, "简称", 20),
        );
        let level = e.take(
            "level",
            OrgLevel::from_code(self.level.trim()).ok_or_else(|| "请选择层级".to_string()),
        );
        let parent = e.take(
            "parent_id",
            if self.parent_id.trim().is_empty() {
                Ok(None)
            } else {
                self.parent_id
                    .trim()
                    .parse::<i64>()
                    .map(|v| Some(OrgId(v)))
                    .map_err(|_| "上级组织无效".to_string())
            },
        );
        let sort = e.take(
            "sort",
            if self.sort.trim().is_empty() {
                Ok(0)
            } else {
                self.sort
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| "排序应为整数".to_string())
            },
        );
        e.finish(|| {
            Some(OrgDraft {
                name: name?,
                short_name: short?,
                level: level?,
                parent: parent?,
                sort: sort?,
            })
        })
    }
}

/// Creates an organisation under `draft.parent` (or a new root).
pub async fn create_org(db: &Db, now: i64, who: &Who, draft: &OrgDraft) -> Result<OrgId> {
    let parent_path = match draft.parent {
        Some(p) => Some(
            get_org(db, p)
                .await
                .map_err(|_| {
                    StoreError::Invalid(FieldErrors::single("parent_id", "上级组织不存在"))
                })?
                .path,
        ),
        None => None,
    };
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Orgs::Table)
                .columns([
                    Orgs::ParentId,
                    Orgs::Name,
                    Orgs::ShortName,
                    Orgs::Level,
                    Orgs::Path,
                    Orgs::Sort,
                    Orgs::CreatedAt,
                    Orgs::UpdatedAt,
                ])
                .values_panic([
                    draft.parent.map(|p| p.0).into(),
                    draft.name.clone().into(),
                    draft.short_name.clone().into(),
                    draft.level.code().into(),
                    "".into(),
                    draft.sort.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Orgs::Id)
                .to_owned(),
        )
        .await
        .map_err(|e| e.unique_as_field("name", "name", "已有同名组织"))?;
    let path = match parent_path {
        Some(p) => p.child(OrgId(id)),
        None => OrgPath::root(OrgId(id)),
    };
    tx.execute(
        &Query::update()
            .table(Orgs::Table)
            .value(Orgs::Path, path.as_str())
            .and_where(Expr::col(Orgs::Id).eq(id))
            .to_owned(),
    )
    .await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("org.create", "org", id, format!("新增组织：{}", draft.name)),
    )
    .await?;
    tx.commit().await?;
    Ok(OrgId(id))
}

/// Renames, re-levels or (de)activates an organisation. Moving it in the tree
/// is not offered: its members' history belongs where it is.
pub async fn update_org(
    db: &Db,
    now: i64,
    who: &Who,
    id: OrgId,
    draft: &OrgDraft,
    active: bool,
) -> Result<()> {
    let before = get_org(db, id).await?;
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Orgs::Table)
            .values([
                (Orgs::Name, draft.name.clone().into()),
                (Orgs::ShortName, draft.short_name.clone().into()),
                (Orgs::Level, draft.level.code().into()),
                (Orgs::Sort, draft.sort.into()),
                (Orgs::Active, i64::from(active).into()),
                (Orgs::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(Orgs::Id).eq(id.0))
            .to_owned(),
    )
    .await
    .map_err(|e| e.unique_as_field("name", "name", "已有同名组织"))?;
    let after = serde_json::json!({"name": draft.name, "short_name": draft.short_name, "level": draft.level.code(), "active": active});
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("org.update", "org", id, format!("修改组织：{}", draft.name))
            .change(&before, &after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One item of a structure list.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogItem {
    pub id: i64,
    pub org_id: OrgId,
    pub org_name: String,
    pub name: String,
    pub text: BTreeMap<String, String>,
    pub numbers: BTreeMap<String, i64>,
    pub active: bool,
}

impl CatalogItem {
    /// The raw value of a field, for a form or a table cell.
    pub fn value(&self, field: &str) -> String {
        self.text
            .get(field)
            .cloned()
            .or_else(|| self.numbers.get(field).map(|n| n.to_string()))
            .unwrap_or_default()
    }

    /// The value as shown to people.
    pub fn display(&self, field: &domain::catalog::CatalogField) -> String {
        match field.kind {
            FieldKind::Flag => {
                if self.numbers.get(field.name) == Some(&1) {
                    "是".into()
                } else {
                    "否".into()
                }
            }
            _ => self.value(field.name),
        }
    }
}

fn table(kind: CatalogKind) -> Alias {
    Alias::new(kind.slug())
}

fn col(name: &str) -> Alias {
    Alias::new(name)
}

/// Items of one kind. `org` narrows to one organisation; otherwise all within `scope`.
pub async fn list_catalog(
    db: &Db,
    kind: CatalogKind,
    scope: &OrgPath,
    org: Option<OrgId>,
    include_inactive: bool,
) -> Result<Vec<CatalogItem>> {
    let t = table(kind);
    let mut q = Query::select()
        .column((t.clone(), col("id")))
        .column((t.clone(), col("org_id")))
        .column((t.clone(), col("name")))
        .column((t.clone(), col("active")))
        .expr_as(Expr::col((Orgs::Table, Orgs::ShortName)), col("org_name"))
        .from(t.clone())
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((t.clone(), col("org_id"))),
        )
        .and_where(crate::scope::within(scope))
        .order_by((Orgs::Table, Orgs::Path), Order::Asc)
        .to_owned();
    for f in kind.fields() {
        q.column((t.clone(), col(f.name)));
    }
    if kind.fields().iter().any(|f| f.name == "sort") {
        q.order_by((t.clone(), col("sort")), Order::Asc);
    }
    if kind == CatalogKind::Term {
        q.order_by((t.clone(), col("number")), Order::Desc);
    }
    q.order_by((t.clone(), col("id")), Order::Asc);
    if let Some(org) = org {
        q.and_where(Expr::col((t.clone(), col("org_id"))).eq(org.0));
    }
    if !include_inactive {
        q.and_where(Expr::col((t.clone(), col("active"))).eq(1));
    }
    let rows = db.all(&q).await?;
    rows.iter()
        .map(|r| {
            let mut item = CatalogItem {
                id: get(r, "id")?,
                org_id: OrgId(get(r, "org_id")?),
                org_name: get(r, "org_name")?,
                name: get(r, "name")?,
                text: BTreeMap::new(),
                numbers: BTreeMap::new(),
                active: get::<i64>(r, "active")? == 1,
            };
            for f in kind.fields() {
                match f.kind {
                    FieldKind::Text { .. } => {
                        item.text.insert(f.name.to_string(), get(r, f.name)?);
                    }
                    _ => {
                        item.numbers.insert(f.name.to_string(), get(r, f.name)?);
                    }
                }
            }
            Ok(item)
        })
        .collect()
}

pub async fn get_catalog(
    db: &Db,
    kind: CatalogKind,
    scope: &OrgPath,
    id: i64,
) -> Result<CatalogItem> {
    list_catalog(db, kind, scope, None, true)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or(StoreError::NotFound)
}

fn draft_values(draft: &CatalogDraft) -> Vec<(Alias, SimpleExpr)> {
    let mut values = vec![(col("name"), draft.name.clone().into())];
    values.extend(draft.text.iter().map(|(k, v)| (col(k), v.clone().into())));
    values.extend(draft.numbers.iter().map(|(k, v)| (col(k), (*v).into())));
    values
}

const DUPLICATE_NAME: &str = "本组织已有同名项";

pub async fn create_catalog(
    db: &Db,
    now: i64,
    who: &Who,
    kind: CatalogKind,
    org: OrgId,
    draft: &CatalogDraft,
) -> Result<i64> {
    let mut values = draft_values(draft);
    values.push((col("org_id"), org.0.into()));
    values.push((col("created_at"), now.into()));
    values.push((col("updated_at"), now.into()));
    let (columns, exprs): (Vec<Alias>, Vec<SimpleExpr>) = values.into_iter().unzip();
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(table(kind))
                .columns(columns)
                .values_panic(exprs)
                .returning_col(col("id"))
                .to_owned(),
        )
        .await
        .map_err(|e| e.unique_as_field("name", "name", DUPLICATE_NAME))?;
    let summary = format!("新增{}：{}", kind.label(), draft.name);
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("catalog.create", kind.slug(), id, summary),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update_catalog(
    db: &Db,
    now: i64,
    who: &Who,
    kind: CatalogKind,
    before: &CatalogItem,
    draft: &CatalogDraft,
    active: bool,
) -> Result<()> {
    let mut values = draft_values(draft);
    values.push((col("active"), i64::from(active).into()));
    values.push((col("updated_at"), now.into()));
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(table(kind))
            .values(values)
            .and_where(Expr::col(col("id")).eq(before.id))
            .to_owned(),
    )
    .await
    .map_err(|e| e.unique_as_field("name", "name", DUPLICATE_NAME))?;
    let after = serde_json::json!({"name": draft.name, "text": draft.text, "numbers": draft.numbers, "active": active});
    let summary = format!("修改{}：{}", kind.label(), draft.name);
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("catalog.update", kind.slug(), before.id, summary).change(before, &after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

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

/// The sort number of an organisation (kept by an edit that does not give one).
pub async fn org_sort(db: &Db, id: OrgId) -> Result<i64> {
    let row = db
        .one(
            &Query::select()
                .column(Orgs::Sort)
                .from(Orgs::Table)
                .and_where(Expr::col(Orgs::Id).eq(id.0))
                .to_owned(),
        )
        .await?;
    get(&row, "sort")
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

/// One page of a structure list within `scope`, in the order of [`list_catalog`].
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
