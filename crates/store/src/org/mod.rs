//! Organisations (the committee tree) and their structure lists: sectors,
//! special committees, terms and handling units.
//! The organisation tree lives here; `catalog` holds the structure lists and
//! `page` the filtered pages the API lists.

mod catalog;
mod page;

pub use catalog::{create_catalog, get_catalog, list_catalog, update_catalog, CatalogItem};
pub use page::{catalog_page, org_page, CatalogFilter, OrgFilter};

use domain::org::{OrgLevel, OrgPath};
use domain::{FieldErrors, OrgId};
use sea_query::{Expr, Order, Query};
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
    seed_defaults(&mut tx, OrgId(id), now).await?;
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
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
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
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

/// The lists a new organisation starts with: the national proposal categories.
pub async fn seed_defaults(tx: &mut crate::db::Tx, org: OrgId, now: i64) -> Result<()> {
    use crate::schema::Categories;
    for (sort, name) in domain::catalog::DEFAULT_CATEGORIES.iter().enumerate() {
        tx.execute(
            &Query::insert()
                .into_table(Categories::Table)
                .columns([
                    Categories::OrgId,
                    Categories::Name,
                    Categories::Sort,
                    Categories::CreatedAt,
                    Categories::UpdatedAt,
                ])
                .values_panic([
                    org.0.into(),
                    (*name).into(),
                    (sort as i64).into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned(),
        )
        .await?;
    }
    Ok(())
}
