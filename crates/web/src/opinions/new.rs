//! Writing a report: the form with a live character count against the
//! recommended length, saved as a draft or submitted at once.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::opinion::{Action, Author, OpinionInput, OpinionText};
use domain::permission::{Action as Permission, Target};
use domain::{FieldErrors, Role};

use super::act::{input_of, who, Form};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

#[derive(Template)]
#[template(path = "opinions/new.html")]
struct NewPage {
    shell: Shell,
    text: OpinionInput,
    errors: FieldErrors,
    categories: Vec<String>,
    recommended: usize,
    /// The co-authors' names as typed.
    coauthors: String,
}

/// Who the report is in the name of: the member, or the staff account.
async fn author_of(state: &AppState, user: &User) -> WebResult<(Author, String)> {
    let a = &user.live.account;
    match (a.role, a.member_id) {
        (Role::Member, Some(m)) => {
            let root = domain::org::OrgPath::from_stored("/".into());
            let name = store::member::get_member(&state.db, &root, m)
                .await
                .map(|x| x.row.name)
                .unwrap_or_else(|_| a.display_name.clone());
            Ok((Author::Member(m), name))
        }
        (Role::Staff, _) => Ok((Author::Staff(a.id), a.display_name.clone())),
        _ => Err(WebError::Forbidden),
    }
}

async fn form_page(
    state: &AppState,
    user: &User,
    text: OpinionInput,
    errors: FieldErrors,
) -> WebResult<NewPage> {
    let policy = store::opinion::policy_for(&state.db, user.live.account.org_id).await?;
    Ok(NewPage {
        shell: Shell::new(user, "撰写社情民意信息", "/opinions"),
        text,
        errors,
        categories: policy.categories,
        recommended: policy.recommended_chars,
        coauthors: String::new(),
    })
}

pub async fn page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Permission::WorkOnOpinions, Target::None)?;
    author_of(&state, &user).await?;
    render(form_page(&state, &user, OpinionInput::default(), FieldErrors::new()).await?)
}

/// Saves the draft; with `then=submit`, submits it at once.
pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnOpinions, Target::None)?;
    let (author, author_name) = author_of(&state, &user).await?;
    let input = input_of(&form);
    let org = user.live.account.org_id;
    let policy = store::opinion::policy_for(&state.db, org).await?;
    let names = form.get("coauthors").cloned().unwrap_or_default();
    let parsed = OpinionText::parse(&input, &policy);
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let coauthors = crate::members::by_names(&state, org, &names, "coauthors", &mut errors).await?;
    let text = match parsed {
        Ok(text) if errors.is_empty() => text,
        _ => {
            let mut page = form_page(&state, &user, input, errors).await?;
            page.coauthors = names;
            return render_invalid(page);
        }
    };
    let me = Participant::from(&user);
    let rules = who(&me, None);
    let year = state.today().year();
    let (id, _) = store::opinion::create(
        &state.db,
        state.now(),
        &user.who(),
        &rules,
        org,
        year,
        author,
        &author_name,
        coauthors,
        text,
    )
    .await?;
    if form.get("then").map(String::as_str) == Some("submit") {
        store::opinion::act(
            &state.db,
            state.now(),
            &user.who(),
            &rules,
            id,
            Action::Submit,
        )
        .await?;
        return Ok(done(&format!("/opinions/{id}"), "done_step"));
    }
    Ok(done(&format!("/opinions/{id}"), "saved"))
}
