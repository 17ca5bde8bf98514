//! Structure lists of an organisation (sectors, special committees, terms,
//! handling units): list, read, create and update one kind.

use std::collections::BTreeMap;

use domain::catalog::{CatalogDraft, CatalogKind, FieldKind};
use domain::org::OrgPath;
use domain::OrgId;
use sea_query::{Alias, Expr, Order, Query, SimpleExpr};
use serde::Serialize;

use crate::audit::{self, Event, Who};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::Orgs;

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

pub(super) fn table(kind: CatalogKind) -> Alias {
    Alias::new(kind.slug())
}

pub(super) fn col(name: &str) -> Alias {
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
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
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
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
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
