//! `/settings/opinions`: the recommended length of a 社情民意 report for
//! one organisation (its own, else inherited, else 1,500 characters).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::opinion::{parse_target, OpinionSettings};
use domain::FieldErrors;
use serde::Deserialize;
use store::org::Org;
use store::org_settings::Source;

use super::{chosen_org, org_choices, source_label, OrgQuery};
use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

#[derive(Template)]
#[template(path = "settings/opinions.html")]
struct Page {
    shell: Shell,
    org: Org,
    orgs: Vec<Org>,
    source: String,
    own: bool,
    recommended: String,
    default_chars: usize,
    target_standing: String,
    target_member: String,
    errors: FieldErrors,
}

async fn page_for(
    state: &AppState,
    user: &User,
    org: Org,
    typed: Option<&Form>,
    errors: FieldErrors,
) -> WebResult<Page> {
    let in_force = store::org_settings::in_force(&state.db, org.id).await?;
    let source = &in_force.opinions.source;
    Ok(Page {
        shell: Shell::new(user, "社情民意设置", "/settings/proposals"),
        orgs: org_choices(state, user).await?,
        source: source_label(source),
        own: *source == Source::Own,
        recommended: typed
            .map(|f| f.recommended_chars.clone())
            .unwrap_or_else(|| in_force.opinions.value.recommended_chars.to_string()),
        target_standing: typed
            .map(|f| f.target_standing.clone())
            .unwrap_or_else(|| in_force.opinions.value.target_standing.to_string()),
        target_member: typed
            .map(|f| f.target_member.clone())
            .unwrap_or_else(|| in_force.opinions.value.target_member.to_string()),
        default_chars: OpinionSettings::default().recommended_chars,
        errors,
        org,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<OrgQuery>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &q.org_id).await?;
    let mut page = page_for(&state, &user, org, None, FieldErrors::new()).await?;
    page.shell = page.shell.notice(notice);
    render(page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Form {
    org_id: String,
    recommended_chars: String,
    target_standing: String,
    target_member: String,
}

/// The whole setting from the form; targets left empty keep the default.
fn parse(form: &Form) -> Result<OpinionSettings, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut settings = OpinionSettings::parse(&form.recommended_chars).unwrap_or_else(|m| {
        errors.add("recommended_chars", m);
        OpinionSettings::default()
    });
    let defaults = OpinionSettings::default();
    for (name, raw, slot, default) in [
        (
            "target_standing",
            &form.target_standing,
            &mut settings.target_standing,
            defaults.target_standing,
        ),
        (
            "target_member",
            &form.target_member,
            &mut settings.target_member,
            defaults.target_member,
        ),
    ] {
        if raw.trim().is_empty() {
            *slot = default;
            continue;
        }
        match parse_target(raw) {
            Ok(n) => *slot = n,
            Err(m) => errors.add(name, m),
        }
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        Err(errors)
    }
}

pub(super) async fn save(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let org = chosen_org(&state, &user, &form.org_id).await?;
    match parse(&form) {
        Ok(settings) => {
            store::org_settings::save_opinions(
                &state.db,
                state.now(),
                &user.who(),
                org.id,
                &settings,
            )
            .await?;
            Ok(done(
                &format!("/settings/opinions?org_id={}", org.id),
                "saved",
            ))
        }
        Err(errors) => render_invalid(page_for(&state, &user, org, Some(&form), errors).await?),
    }
}
