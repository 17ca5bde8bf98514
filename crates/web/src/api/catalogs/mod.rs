//! `/sectors`, `/committees`, `/terms`, `/units`: the structure lists of
//! each organisation. One set of handlers serves all four kinds; a macro
//! gives each kind its own typed body and its own documented routes.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::catalog::{CatalogKind, FieldKind};
use domain::permission::{Action, Target};
use domain::{FieldErrors, OrgId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use store::org::{CatalogFilter, CatalogItem};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::auth::Caller;
use super::input::{checked, id_filter, paging, status_filter, ApiQuery, Id, Json, Raw};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

mod kinds;
use kinds::{categories, committees, sectors, terms, units};

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(sectors::routes())
        .merge(committees::routes())
        .merge(terms::routes())
        .merge(units::routes())
        .merge(categories::routes())
}

/// The documentation of the four kinds, merged.
pub fn doc() -> utoipa::openapi::OpenApi {
    let mut doc = sectors::Doc::openapi();
    doc.merge(committees::Doc::openapi());
    doc.merge(terms::Doc::openapi());
    doc.merge(units::Doc::openapi());
    doc.merge(categories::Doc::openapi());
    doc
}

/// 列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct CatalogQuery {
    /// 所属政协 id
    #[param(value_type = Option<i64>)]
    org_id: Option<String>,
    /// 名称关键字
    q: Option<String>,
    /// `active`（默认）、`inactive` 或 `all`
    status: Option<String>,
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

/// 界别、专委会、届次或承办单位中的一项。除下列字段外，另有各类各自的字段
/// （与请求体同名，文字为字符串，数字为整数，是否为 true/false）。
#[derive(Debug, Serialize, ToSchema)]
pub struct CatalogOut {
    id: i64,
    org_id: i64,
    org_name: String,
    name: String,
    active: bool,
    #[serde(flatten)]
    fields: BTreeMap<String, serde_json::Value>,
}

impl CatalogOut {
    fn new(kind: CatalogKind, item: CatalogItem) -> Self {
        let fields = kind
            .fields()
            .iter()
            .map(|f| {
                let value = match f.kind {
                    FieldKind::Text { .. } => item.value(f.name).into(),
                    FieldKind::Number { .. } => {
                        item.numbers.get(f.name).copied().unwrap_or_default().into()
                    }
                    FieldKind::Flag => (item.numbers.get(f.name) == Some(&1)).into(),
                };
                (f.name.to_string(), value)
            })
            .collect();
        CatalogOut {
            id: item.id,
            org_id: item.org_id.0,
            org_name: item.org_name,
            name: item.name,
            active: item.active,
            fields,
        }
    }
}

/// A request body of one kind of list.
pub trait CatalogBody: DeserializeOwned + Send + 'static {
    const KIND: CatalogKind;
    fn org_id(&self) -> Option<&Raw>;
    /// The fields given, by form name; `None` for those absent.
    fn given(self) -> Vec<(&'static str, Option<Raw>)>;
}

/// The form the domain parser takes: `base` with the given fields over it.
fn form_of<B: CatalogBody>(
    body: B,
    mut base: BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    for (name, value) in body.given() {
        if let Some(Raw(value)) = value {
            base.insert(name.to_string(), value);
        }
    }
    base
}

/// The stored item as a form, for PATCH and (de)activation.
fn stored_form(kind: CatalogKind, item: &CatalogItem) -> BTreeMap<String, String> {
    let mut form: BTreeMap<String, String> = kind
        .fields()
        .iter()
        .map(|f| (f.name.to_string(), item.value(f.name)))
        .collect();
    form.insert("name".into(), item.name.clone());
    form
}

fn filter_of(q: &CatalogQuery) -> Result<(CatalogFilter, i64, i64), WebError> {
    let mut e = FieldErrors::new();
    let filter = CatalogFilter {
        id: None,
        org_id: id_filter(q.org_id.as_deref(), "org_id", "所属政协", &mut e).map(OrgId),
        q: q.q.clone(),
        active: status_filter(q.status.as_deref(), &mut e),
    };
    let (page, per_page) = paging(q.page.as_deref(), q.per_page.as_deref(), &mut e);
    checked(e, (filter, page, per_page))
}

/// One item within the token's scope, whatever its status.
async fn fetch(
    state: &AppState,
    caller: &Caller,
    kind: CatalogKind,
    id: i64,
) -> Result<CatalogItem, WebError> {
    let filter = CatalogFilter {
        id: Some(id),
        active: None,
        ..CatalogFilter::default()
    };
    let page = store::org::catalog_page(&state.db, kind, caller.scope(), &filter, 1, 1).await?;
    page.rows.into_iter().next().ok_or(WebError::NotFound)
}

/// Reads one item the caller may `action`: 403 for a role that never may,
/// 404 outside the token's scope.
async fn load(
    state: &AppState,
    caller: &Caller,
    kind: CatalogKind,
    action: Action,
    id: i64,
) -> Result<CatalogItem, WebError> {
    caller.may(action, Target::None)?;
    let item = fetch(state, caller, kind, id).await?;
    let org = store::org::get_org(&state.db, item.org_id).await?;
    caller.may(action, Target::InOrg(&org.path))?;
    Ok(item)
}

async fn reread(
    state: &AppState,
    caller: &Caller,
    kind: CatalogKind,
    id: i64,
) -> ApiResult<Json<CatalogOut>> {
    Ok(Json(CatalogOut::new(
        kind,
        fetch(state, caller, kind, id).await?,
    )))
}

async fn list(
    state: AppState,
    caller: Caller,
    kind: CatalogKind,
    q: CatalogQuery,
) -> ApiResult<Json<ListPage<CatalogOut>>> {
    caller.may(Action::ViewStructure, Target::None)?;
    let (filter, page, per_page) = filter_of(&q)?;
    let rows =
        store::org::catalog_page(&state.db, kind, caller.scope(), &filter, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, |item| {
        CatalogOut::new(kind, item)
    })))
}

async fn read(
    state: AppState,
    caller: Caller,
    kind: CatalogKind,
    id: i64,
) -> ApiResult<Json<CatalogOut>> {
    let item = load(&state, &caller, kind, Action::ViewStructure, id).await?;
    Ok(Json(CatalogOut::new(kind, item)))
}

async fn create<B: CatalogBody>(state: AppState, caller: Caller, body: B) -> ApiResult<Response> {
    let kind = B::KIND;
    caller.may(Action::EditStructure, Target::None)?;
    // Without an organisation the item belongs to the token's own.
    let org_id = match body
        .org_id()
        .map(|Raw(o)| o.trim())
        .filter(|o| !o.is_empty())
    {
        None => Ok(caller.token.org_id),
        Some(raw) => raw
            .parse::<i64>()
            .ok()
            .filter(|v| *v > 0)
            .map(OrgId)
            .ok_or_else(|| "所属政协应为正整数".to_string()),
    };
    let mut errors = FieldErrors::new();
    let org_id = errors.take("org_id", org_id);
    let draft = match domain::catalog::parse(kind, &form_of(body, BTreeMap::new())) {
        Ok(draft) => Some(draft),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    let (Some(draft), Some(org_id)) = (draft, org_id) else {
        return Err(WebError::Invalid(errors).into());
    };
    caller
        .org_for(&state, Action::EditStructure, org_id, "org_id")
        .await?;
    let id =
        store::org::create_catalog(&state.db, state.now(), &caller.who(), kind, org_id, &draft)
            .await?;
    let Json(out) = reread(&state, &caller, kind, id).await?;
    Ok(created(&format!("/{}/{id}", kind.slug()), out))
}

async fn update<B: CatalogBody>(
    state: AppState,
    caller: Caller,
    id: i64,
    body: B,
    partial: bool,
) -> ApiResult<Json<CatalogOut>> {
    let kind = B::KIND;
    let item = load(&state, &caller, kind, Action::EditStructure, id).await?;
    let moved = body
        .org_id()
        .is_some_and(|Raw(o)| o.trim().parse::<i64>().ok() != Some(item.org_id.0));
    if moved {
        return Err(WebError::Invalid(FieldErrors::single("org_id", "所属政协不能修改")).into());
    }
    let base = if partial {
        stored_form(kind, &item)
    } else {
        BTreeMap::new()
    };
    let draft = domain::catalog::parse(kind, &form_of(body, base)).map_err(WebError::Invalid)?;
    store::org::update_catalog(
        &state.db,
        state.now(),
        &caller.who(),
        kind,
        &item,
        &draft,
        item.active,
    )
    .await?;
    reread(&state, &caller, kind, id).await
}

async fn set_active(
    state: AppState,
    caller: Caller,
    kind: CatalogKind,
    id: i64,
    active: bool,
) -> ApiResult<Json<CatalogOut>> {
    let item = load(&state, &caller, kind, Action::EditStructure, id).await?;
    let draft =
        domain::catalog::parse(kind, &stored_form(kind, &item)).map_err(WebError::Invalid)?;
    store::org::update_catalog(
        &state.db,
        state.now(),
        &caller.who(),
        kind,
        &item,
        &draft,
        active,
    )
    .await?;
    reread(&state, &caller, kind, id).await
}
