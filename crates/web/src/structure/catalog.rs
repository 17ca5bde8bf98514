//! Sectors, special committees, terms and handling units: one set of pages
//! for all four lists, driven by `domain::catalog`.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::catalog::{CatalogField, CatalogKind, FieldKind};
use domain::permission::{Action, Target};
use domain::{FieldErrors, OrgId};
use serde::Deserialize;
use store::org::{CatalogItem, Org};
use store::StoreError;

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, opt_id, render, render_invalid, xlsx_download};

fn kind_of(slug: &str) -> WebResult<CatalogKind> {
    CatalogKind::from_slug(slug).ok_or(WebError::NotFound)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OrgQuery {
    org_id: String,
}

#[derive(Template)]
#[template(path = "structure/catalog_list.html")]
struct ListPage {
    shell: Shell,
    kind: CatalogKind,
    fields: &'static [CatalogField],
    items: Vec<CatalogItem>,
    orgs: Vec<Org>,
    org: Org,
    can_edit: bool,
}

/// The organisation a list is about: the chosen one if in scope, else the user's own.
async fn chosen_org(state: &AppState, user: &User, raw: &str) -> WebResult<Org> {
    let id = opt_id(raw).map(OrgId).unwrap_or(user.live.account.org_id);
    let org = store::org::get_org(&state.db, id).await?;
    user.may(Action::ViewStructure, Target::InOrg(&org.path))?;
    Ok(org)
}

pub async fn list(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(slug): Path<String>,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    user.may(Action::ViewStructure, Target::None)?;
    let org = chosen_org(&state, &user, &q.org_id).await?;
    let items = store::org::list_catalog(
        &state.db,
        kind,
        &user.live.account.org_path,
        Some(org.id),
        true,
    )
    .await?;
    render(ListPage {
        shell: Shell::new(&user, kind.label(), "/structure").notice(notice),
        kind,
        fields: kind.fields(),
        items,
        orgs: state.filter_options(&user).await?.orgs.clone(),
        can_edit: user
            .may(Action::EditStructure, Target::InOrg(&org.path))
            .is_ok(),
        org,
    })
}

#[derive(Template)]
#[template(path = "structure/catalog_form.html")]
struct FormPage {
    shell: Shell,
    kind: CatalogKind,
    fields: &'static [CatalogField],
    action: String,
    org: Org,
    values: BTreeMap<String, String>,
    errors: FieldErrors,
    editing: bool,
}

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    fn is_flag(&self, f: &CatalogField) -> bool {
        f.kind == FieldKind::Flag
    }

    fn input_type(&self, f: &CatalogField) -> &'static str {
        match f.kind {
            FieldKind::Number { .. } => "number",
            _ => "text",
        }
    }
}

fn form_page(
    user: &User,
    kind: CatalogKind,
    org: Org,
    values: BTreeMap<String, String>,
    errors: FieldErrors,
    editing: Option<i64>,
) -> FormPage {
    let (title, action) = match editing {
        Some(id) => (
            format!("修改{}", kind.label()),
            format!("/structure/{}/{id}", kind.slug()),
        ),
        None => (
            format!("新增{}", kind.label()),
            format!("/structure/{}", kind.slug()),
        ),
    };
    FormPage {
        shell: Shell::new(user, title, "/structure"),
        kind,
        fields: kind.fields(),
        action,
        org,
        values,
        errors,
        editing: editing.is_some(),
    }
}

async fn editable_org(state: &AppState, user: &User, raw: &str) -> WebResult<Org> {
    user.may(Action::EditStructure, Target::None)?;
    let org = chosen_org(state, user, raw).await?;
    user.may(Action::EditStructure, Target::InOrg(&org.path))?;
    Ok(org)
}

pub async fn new_page(
    State(state): State<AppState>,
    user: User,
    Path(slug): Path<String>,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    let org = editable_org(&state, &user, &q.org_id).await?;
    render(form_page(
        &user,
        kind,
        org,
        BTreeMap::new(),
        FieldErrors::new(),
        None,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm(user, values): CsrfForm<BTreeMap<String, String>>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    let org = editable_org(
        &state,
        &user,
        values.get("org_id").map(String::as_str).unwrap_or(""),
    )
    .await?;
    let result = match domain::catalog::parse(kind, &values) {
        Ok(draft) => {
            store::org::create_catalog(&state.db, state.now(), &user.who(), kind, org.id, &draft)
                .await
        }
        Err(e) => Err(StoreError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(done(
            &format!("/structure/{}?org_id={}", kind.slug(), org.id),
            "created",
        )),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form_page(&user, kind, org, values, errors, None))
        }
        Err(e) => Err(e.into()),
    }
}

async fn load(
    state: &AppState,
    user: &User,
    kind: CatalogKind,
    id: i64,
) -> WebResult<(CatalogItem, Org)> {
    user.may(Action::EditStructure, Target::None)?;
    let item = store::org::get_catalog(&state.db, kind, &user.live.account.org_path, id).await?;
    let org = store::org::get_org(&state.db, item.org_id).await?;
    user.may(Action::EditStructure, Target::InOrg(&org.path))?;
    Ok((item, org))
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: User,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    let (item, org) = load(&state, &user, kind, id).await?;
    let mut values: BTreeMap<String, String> = kind
        .fields()
        .iter()
        .map(|f| (f.name.to_string(), item.value(f.name)))
        .collect();
    values.insert("name".into(), item.name.clone());
    values.insert(
        "active".into(),
        if item.active { "1".into() } else { "0".into() },
    );
    render(form_page(
        &user,
        kind,
        org,
        values,
        FieldErrors::new(),
        Some(id),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    CsrfForm(user, values): CsrfForm<BTreeMap<String, String>>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    let (item, org) = load(&state, &user, kind, id).await?;
    let active = values.get("active").map(String::as_str) == Some("1");
    let result = match domain::catalog::parse(kind, &values) {
        Ok(draft) => {
            store::org::update_catalog(
                &state.db,
                state.now(),
                &user.who(),
                kind,
                &item,
                &draft,
                active,
            )
            .await
        }
        Err(e) => Err(StoreError::Invalid(e)),
    };
    match result {
        Ok(()) => Ok(done(
            &format!("/structure/{}?org_id={}", kind.slug(), org.id),
            "saved",
        )),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form_page(&user, kind, org, values, errors, Some(id)))
        }
        Err(e) => Err(e.into()),
    }
}

/// One organisation's list as .xlsx.
pub async fn export(
    State(state): State<AppState>,
    user: User,
    Path(slug): Path<String>,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let kind = kind_of(&slug)?;
    user.may(Action::ViewStructure, Target::None)?;
    let org = chosen_org(&state, &user, &q.org_id).await?;
    let items = store::org::list_catalog(
        &state.db,
        kind,
        &user.live.account.org_path,
        Some(org.id),
        true,
    )
    .await?;
    let mut headers = vec!["名称"];
    headers.extend(kind.fields().iter().map(|f| f.label));
    headers.push("状态");
    let rows = items.into_iter().map(|i| {
        let mut row = vec![i.name.clone()];
        row.extend(kind.fields().iter().map(|f| i.display(f)));
        row.push(if i.active {
            "启用".into()
        } else {
            "停用".into()
        });
        row
    });
    let file = format!("{}{}.xlsx", org.short_name, kind.label());
    xlsx_download(&state, &user, &file, &headers, rows).await
}
