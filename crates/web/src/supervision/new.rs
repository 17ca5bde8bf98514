//! Choosing a topic (立项): staff fill the source, form, lead committee,
//! the members taking part (by name) and the year.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::supervision::{Form as SupervisionForm, SourceKind, TopicInput};
use domain::{CommitteeId, FieldErrors, Role, TopicId};

use super::{field, who, Form};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

#[derive(Template)]
#[template(path = "supervision/new.html")]
struct NewPage {
    shell: Shell,
    input: TopicInput,
    /// The members' names as typed.
    member_names: String,
    errors: FieldErrors,
    committees: Vec<(CommitteeId, String)>,
    sources: &'static [SourceKind],
    forms: &'static [SupervisionForm],
}

impl NewPage {
    fn error(&self, name: &str) -> &str {
        self.errors.get(name).unwrap_or("")
    }
}

async fn form_page(
    state: &AppState,
    user: &User,
    input: TopicInput,
    member_names: String,
    errors: FieldErrors,
) -> WebResult<NewPage> {
    Ok(NewPage {
        shell: Shell::new(user, "确定监督议题", "/supervision"),
        input,
        member_names,
        errors,
        committees: store::supervision::committees_of(&state.db, user.live.account.org_id).await?,
        sources: SourceKind::ALL,
        forms: SupervisionForm::ALL,
    })
}

fn staff_only(user: &User) -> WebResult<()> {
    user.may(Permission::WorkOnSupervision, Target::None)?;
    if user.live.account.role != Role::Staff {
        return Err(WebError::Forbidden);
    }
    Ok(())
}

pub async fn page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    staff_only(&user)?;
    let input = TopicInput {
        year: state.today().year().to_string(),
        ..TopicInput::default()
    };
    render(form_page(&state, &user, input, String::new(), FieldErrors::new()).await?)
}

/// Creates the topic a form describes, for pages and API alike: the
/// members by name (field `member_names`), then the rules. Gives back the
/// input as typed, to show again when it is refused.
pub async fn create_from_form(
    state: &AppState,
    me: &Participant,
    audit: &store::audit::Who,
    org: domain::OrgId,
    form: &Form,
) -> (TopicInput, WebResult<TopicId>) {
    let mut name_errors = FieldErrors::new();
    let members = match crate::members::by_names(
        state,
        org,
        field(form, "member_names"),
        "members",
        &mut name_errors,
    )
    .await
    {
        Ok(found) => found.iter().map(|m| m.0.to_string()).collect(),
        Err(e) => return (TopicInput::default(), Err(e)),
    };
    let input = TopicInput {
        title: field(form, "title").into(),
        background: field(form, "background").into(),
        source: field(form, "source").into(),
        department: field(form, "department").into(),
        source_id: field(form, "source_id").into(),
        form: field(form, "form").into(),
        committee: field(form, "committee").into(),
        year: field(form, "year").into(),
        members,
    };
    let parsed = input.parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    if !name_errors.is_empty() {
        errors.0.retain(|e| e.field != "members");
        errors.0.extend(name_errors.0);
    }
    let result = match parsed {
        Ok(parsed) if errors.is_empty() => {
            store::supervision::create(&state.db, state.now(), audit, &who(me, None), org, parsed)
                .await
                .map_err(WebError::from)
        }
        _ => Err(WebError::Invalid(errors)),
    };
    (input, result)
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    staff_only(&user)?;
    let org = user.live.account.org_id;
    let me = Participant::from(&user);
    let (input, result) = create_from_form(&state, &me, &user.who(), org, &form).await;
    match result {
        Ok(id) => Ok(done(&format!("/supervision/{id}"), "created")),
        Err(WebError::Invalid(errors)) => {
            let names = field(&form, "member_names").to_string();
            render_invalid(form_page(&state, &user, input, names, errors).await?)
        }
        Err(e) => Err(e),
    }
}
