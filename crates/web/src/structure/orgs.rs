//! The organisation tree. Staff and leaders read it; the system
//! administrator adds and edits organisations.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::org::OrgLevel;
use domain::permission::{Action, Target};
use domain::{FieldErrors, OrgId};
use serde::Deserialize;
use store::org::{Org, OrgInput};
use store::StoreError;

use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, opt_id, render, render_invalid};

#[derive(Template)]
#[template(path = "structure/tree.html")]
struct TreePage {
    shell: Shell,
    orgs: Vec<Org>,
    can_edit_orgs: bool,
    kinds: [domain::catalog::CatalogKind; 5],
}

impl TreePage {
    /// Indentation level relative to the viewer's own organisation.
    fn depth(&self, org: &Org) -> usize {
        let base = self.orgs.first().map(|o| o.path.depth()).unwrap_or(1);
        org.path.depth().saturating_sub(base).min(3)
    }
}

pub async fn tree(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
) -> WebResult<Response> {
    user.may(Action::ViewStructure, Target::None)?;
    let orgs = store::org::list_orgs(&state.db, &user.live.account.org_path).await?;
    render(TreePage {
        shell: Shell::new(&user, "组织架构", "/structure").notice(notice),
        orgs,
        can_edit_orgs: user.can(Action::EditOrganisations),
        kinds: domain::catalog::CatalogKind::ALL,
    })
}

#[derive(Template)]
#[template(path = "structure/org_form.html")]
struct OrgForm {
    shell: Shell,
    action: String,
    input: OrgInput,
    errors: FieldErrors,
    parents: Vec<Org>,
    levels: [OrgLevel; 4],
    editing: bool,
    active: bool,
}

async fn form(
    state: &AppState,
    user: &User,
    input: OrgInput,
    errors: FieldErrors,
    editing: Option<(OrgId, bool)>,
) -> WebResult<OrgForm> {
    let parents = store::org::list_orgs(&state.db, &user.live.account.org_path).await?;
    let (title, action, active) = match editing {
        Some((id, active)) => ("修改组织", format!("/structure/orgs/{id}"), active),
        None => ("新增组织", "/structure/orgs".to_string(), true),
    };
    Ok(OrgForm {
        shell: Shell::new(user, title, "/structure"),
        action,
        input,
        errors,
        parents,
        levels: OrgLevel::ALL,
        editing: editing.is_some(),
        active,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    parent_id: String,
}

pub async fn new_page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<NewQuery>,
) -> WebResult<Response> {
    user.may(Action::EditOrganisations, Target::None)?;
    let parent = opt_id(&q.parent_id).unwrap_or(user.live.account.org_id.0);
    let input = OrgInput {
        parent_id: parent.to_string(),
        level: "district".into(),
        ..OrgInput::default()
    };
    render(form(&state, &user, input, FieldErrors::new(), None).await?)
}

/// The parent must lie within the administrator's own subtree.
async fn parent_in_scope(state: &AppState, user: &User, input: &OrgInput) -> WebResult<()> {
    let parent = opt_id(&input.parent_id)
        .map(OrgId)
        .unwrap_or(user.live.account.org_id);
    let parent = store::org::get_org(&state.db, parent).await?;
    user.may(Action::EditOrganisations, Target::InOrg(&parent.path))
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, mut input): CsrfForm<OrgInput>,
) -> WebResult<Response> {
    user.may(Action::EditOrganisations, Target::None)?;
    if input.parent_id.trim().is_empty() {
        input.parent_id = user.live.account.org_id.to_string();
    }
    parent_in_scope(&state, &user, &input).await?;
    let result = match input.parse() {
        Ok(draft) => store::org::create_org(&state.db, state.now(), &user.who(), &draft).await,
        Err(e) => Err(StoreError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(done("/structure", "created")),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form(&state, &user, input, errors, None).await?)
        }
        Err(e) => Err(e.into()),
    }
}

async fn load(state: &AppState, user: &User, id: i64) -> WebResult<Org> {
    user.may(Action::EditOrganisations, Target::None)?;
    let org = store::org::get_org(&state.db, OrgId(id)).await?;
    user.may(Action::EditOrganisations, Target::InOrg(&org.path))?;
    Ok(org)
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let org = load(&state, &user, id).await?;
    let input = OrgInput {
        name: org.name.clone(),
        short_name: org.short_name.clone(),
        level: org.level.clone(),
        parent_id: org.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        sort: String::new(),
    };
    render(
        form(
            &state,
            &user,
            input,
            FieldErrors::new(),
            Some((org.id, org.active)),
        )
        .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OrgUpdate {
    #[serde(flatten)]
    input: OrgInput,
    active: String,
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form_in): CsrfForm<OrgUpdate>,
) -> WebResult<Response> {
    let org = load(&state, &user, id).await?;
    let active = form_in.active == "1";
    let mut input = form_in.input;
    input.parent_id = org.parent_id.map(|p| p.to_string()).unwrap_or_default();
    let result = match input.parse() {
        Ok(draft) => {
            store::org::update_org(&state.db, state.now(), &user.who(), org.id, &draft, active)
                .await
        }
        Err(e) => Err(StoreError::Invalid(e)),
    };
    match result {
        Ok(()) => Ok(done("/structure", "saved")),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form(&state, &user, input, errors, Some((org.id, active))).await?)
        }
        Err(e) => Err(e.into()),
    }
}
