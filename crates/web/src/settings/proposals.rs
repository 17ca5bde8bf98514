//! `/settings/proposals`: deadlines, warnings and co-signing for one
//! organisation, each field with its default beside it.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::settings::{
    ProposalSettings, ProposalSettingsInput, SettingField, DEADLINE_FIELDS, OTHER_FIELDS,
    WARNING_FIELDS,
};
use domain::{FieldErrors, OrgId};
use serde::Deserialize;
use store::org::Org;
use store::org_settings::{Source, PROPOSALS};

use super::{chosen_org, org_choices, source_label, OrgQuery};
use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

#[derive(Template)]
#[template(path = "settings/proposals.html")]
struct Page {
    shell: Shell,
    org: Org,
    orgs: Vec<Org>,
    source: String,
    own: bool,
    input: ProposalSettingsInput,
    defaults: ProposalSettingsInput,
    groups: [(&'static str, &'static [SettingField]); 3],
    errors: FieldErrors,
}

impl Page {
    async fn new(
        state: &AppState,
        user: &User,
        org: Org,
        input: Option<ProposalSettingsInput>,
        errors: FieldErrors,
    ) -> WebResult<Page> {
        let in_force = store::org_settings::in_force(&state.db, org.id).await?;
        let source = &in_force.proposals.source;
        Ok(Page {
            shell: Shell::new(user, "提案期限与预警", "/settings/proposals"),
            orgs: org_choices(state, user).await?,
            source: source_label(source),
            own: *source == Source::Own,
            input: input
                .unwrap_or_else(|| ProposalSettingsInput::from_settings(&in_force.proposals.value)),
            defaults: ProposalSettingsInput::from_settings(&ProposalSettings::default()),
            groups: [
                ("办理期限", &DEADLINE_FIELDS),
                ("到期预警", &WARNING_FIELDS),
                ("联名与重新办理", &OTHER_FIELDS),
            ],
            errors,
            org,
        })
    }
}

pub(super) async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &q.org_id).await?;
    let mut page = Page::new(&state, &user, org, None, FieldErrors::new()).await?;
    page.shell = page.shell.notice(notice);
    render(page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Form {
    org_id: String,
    #[serde(flatten)]
    input: ProposalSettingsInput,
}

fn back(org: OrgId) -> String {
    format!("/settings/proposals?org_id={org}")
}

pub(super) async fn save(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &form.org_id).await?;
    match form.input.parse() {
        Ok(settings) => {
            store::org_settings::save_proposals(
                &state.db,
                state.now(),
                &user.who(),
                org.id,
                &settings,
            )
            .await?;
            Ok(done(&back(org.id), "saved"))
        }
        Err(errors) => {
            render_invalid(Page::new(&state, &user, org, Some(form.input), errors).await?)
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct OrgForm {
    org_id: String,
}

pub(super) async fn inherit(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<OrgForm>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &form.org_id).await?;
    store::org_settings::inherit(&state.db, state.now(), &user.who(), org.id, PROPOSALS).await?;
    Ok(done(&back(org.id), "saved"))
}
