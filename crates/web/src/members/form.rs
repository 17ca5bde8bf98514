//! The member form: new and edit. Input is kept and errors sit beside their
//! fields; nothing is written until every field is valid.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::catalog::CatalogKind;
use domain::member::{Gender, MemberInput, Party, Post};
use domain::permission::{Action, Target};
use domain::{FieldErrors, MemberId, OrgId};
use serde::Deserialize;
use store::org::{CatalogItem, Org};
use store::StoreError;

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{done, opt_id, render, render_invalid};

#[derive(Template)]
#[template(path = "members/form.html")]
struct FormPage {
    shell: Shell,
    action: String,
    editing: bool,
    input: MemberInput,
    errors: FieldErrors,
    org: Org,
    orgs: Vec<Org>,
    sectors: Vec<CatalogItem>,
    committees: Vec<CatalogItem>,
    terms: Vec<CatalogItem>,
    genders: &'static [Gender],
    parties: &'static [Party],
    posts: &'static [Post],
    phone_masked: String,
    id_masked: String,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }

    /// The typed value of a text field, for re-showing the form.
    fn value(&self, field: &str) -> &str {
        let i = &self.input;
        match field {
            "name" => &i.name,
            "ethnicity" => &i.ethnicity,
            "birth_date" => &i.birth_date,
            "work_unit" => &i.work_unit,
            "job_title" => &i.job_title,
            "phone" => &i.phone,
            "id_number" => &i.id_number,
            "email" => &i.email,
            "address" => &i.address,
            _ => "",
        }
    }

    fn keep_hint(&self, masked: &str) -> String {
        if masked.is_empty() {
            "未登记".into()
        } else {
            format!("已登记 {masked}，不修改请留空")
        }
    }
}

struct Masks {
    phone: String,
    id: String,
}

async fn form_page(
    state: &AppState,
    user: &User,
    org: Org,
    input: MemberInput,
    errors: FieldErrors,
    member: Option<(MemberId, Masks)>,
) -> WebResult<FormPage> {
    let scope = &user.live.account.org_path;
    let list = |kind| store::org::list_catalog(&state.db, kind, scope, Some(org.id), false);
    let (sectors, committees, terms) = (
        list(CatalogKind::Sector).await?,
        list(CatalogKind::Committee).await?,
        list(CatalogKind::Term).await?,
    );
    let (title, action, editing, masks) = match member {
        Some((id, masks)) => ("修改委员信息", format!("/members/{id}"), true, masks),
        None => (
            "新增委员",
            "/members".to_string(),
            false,
            Masks {
                phone: String::new(),
                id: String::new(),
            },
        ),
    };
    Ok(FormPage {
        shell: Shell::new(user, title, "/members"),
        action,
        editing,
        input,
        errors,
        orgs: state.filter_options(user).await?.orgs.clone(),
        org,
        sectors,
        committees,
        terms,
        genders: Gender::ALL,
        parties: Party::ALL,
        posts: Post::ALL,
        phone_masked: masks.phone,
        id_masked: masks.id,
    })
}

/// The organisation a form is for, checked against the user's scope.
async fn org_in_scope(state: &AppState, user: &User, id: OrgId) -> WebResult<Org> {
    let org = store::org::get_org(&state.db, id).await?;
    user.may(Action::EditMembers, Target::InOrg(&org.path))?;
    Ok(org)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    org_id: String,
}

pub async fn new_page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<NewQuery>,
) -> WebResult<Response> {
    user.may(Action::EditMembers, Target::None)?;
    let org_id = opt_id(&q.org_id)
        .map(OrgId)
        .unwrap_or(user.live.account.org_id);
    let org = org_in_scope(&state, &user, org_id).await?;
    let input = MemberInput {
        org_id: org.id.to_string(),
        ethnicity: "汉族".into(),
        post: Post::Member.code().into(),
        ..MemberInput::default()
    };
    render(form_page(&state, &user, org, input, FieldErrors::new(), None).await?)
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, input): CsrfForm<MemberInput>,
) -> WebResult<Response> {
    user.may(Action::EditMembers, Target::None)?;
    let org_id = opt_id(&input.org_id)
        .map(OrgId)
        .ok_or_else(|| WebError::BadRequest("缺少所属政协".into()))?;
    let org = org_in_scope(&state, &user, org_id).await?;
    let result = match input.parse(state.today()) {
        Ok(draft) => {
            store::member::create(&state.db, &state.cipher, state.now(), &user.who(), &draft).await
        }
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(id) => Ok(done(&format!("/members/{id}"), "created")),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form_page(&state, &user, org, input, errors, None).await?)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let m = store::member::get_member(&state.db, &user.live.account.org_path, MemberId(id)).await?;
    user.may(Action::EditMembers, Target::Member(&m.org_path, m.row.id))?;
    let org = store::org::get_org(&state.db, m.org_id).await?;
    let input = m.as_input();
    let masks = Masks {
        phone: m.row.phone_masked.clone(),
        id: m.id_masked.clone(),
    };
    render(
        form_page(
            &state,
            &user,
            org,
            input,
            FieldErrors::new(),
            Some((m.row.id, masks)),
        )
        .await?,
    )
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, mut input): CsrfForm<MemberInput>,
) -> WebResult<Response> {
    let m = store::member::get_member(&state.db, &user.live.account.org_path, MemberId(id)).await?;
    user.may(Action::EditMembers, Target::Member(&m.org_path, m.row.id))?;
    // A member stays in their organisation; moving is a separate, later action.
    input.org_id = m.org_id.to_string();
    let org = store::org::get_org(&state.db, m.org_id).await?;
    let result = match input.parse(state.today()) {
        Ok(draft) => {
            store::member::update(
                &state.db,
                &state.cipher,
                state.now(),
                &user.who(),
                &m,
                &draft,
            )
            .await
        }
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(done(&format!("/members/{id}"), "saved")),
        Err(StoreError::Invalid(errors)) => {
            let masks = Masks {
                phone: m.row.phone_masked.clone(),
                id: m.id_masked.clone(),
            };
            render_invalid(
                form_page(&state, &user, org, input, errors, Some((m.row.id, masks))).await?,
            )
        }
        Err(e) => Err(e.into()),
    }
}
