//! The deadline settings pages — `/settings/proposals` (提案期限与预警),
//! `/settings/stations` (委员工作站 and citizens' demands) and
//! `/settings/supervision` (民主监督 deadlines) — drawn from the settings
//! types themselves (`domain::settings::form`):
//! every field with its default beside it, the source (own, inherited or
//! default), bad input named per field with the input kept, and a way back
//! to inheriting.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::settings::form::{SettingsForm, Values};
use domain::settings::{ProposalSettings, SettingField};
use domain::station::StationSettings;
use domain::supervision::SupervisionSettings;
use domain::FieldErrors;
use serde::Serialize;
use store::org::Org;
use store::org_settings::{Effective, InForce, Source};

use super::{chosen_org, org_choices, source_label, OrgQuery};
use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

/// What differs between the pages.
pub(super) struct Spec<T: 'static> {
    kind: &'static str,
    path: &'static str,
    title: &'static str,
    note: &'static str,
    in_force: fn(InForce) -> Effective<T>,
}

pub(super) const PROPOSALS: Spec<ProposalSettings> = Spec {
    kind: store::org_settings::PROPOSALS,
    path: "/settings/proposals",
    title: "提案期限与预警",
    note: "期限写作“10个工作日”“15天”“3个月”。工作日按本级工作日历计算。修改只影响此后交办、延期或发起联名的提案。",
    in_force: |f| f.proposals,
};

pub(super) const STATIONS: Spec<StationSettings> = Spec {
    kind: store::org_settings::STATIONS,
    path: "/settings/stations",
    title: "委员工作站与群众诉求设置",
    note: "期限写作“15个工作日”“10天”“1个月”。工作日按本级工作日历计算。修改只影响此后转办或延期的诉求。",
    in_force: |f| f.stations,
};

pub(super) const SUPERVISION: Spec<SupervisionSettings> = Spec {
    kind: store::org_settings::SUPERVISION,
    path: "/settings/supervision",
    title: "民主监督整改期限",
    note: "期限写作“20个工作日”“1个月”。修改只影响此后交办、延期或审核通过的监督意见。",
    in_force: |f| f.supervision,
};

impl<T: SettingsForm + Serialize> Spec<T> {
    /// The settings in force for `org` and where they come from.
    pub(super) async fn effective(
        &self,
        state: &AppState,
        org: &Org,
    ) -> Result<Effective<T>, store::StoreError> {
        Ok((self.in_force)(
            store::org_settings::in_force(&state.db, org.id).await?,
        ))
    }

    /// Saves `org`'s own settings (audited).
    pub(super) async fn save(
        &self,
        state: &AppState,
        who: &store::audit::Who,
        org: &Org,
        settings: &T,
    ) -> Result<(), store::StoreError> {
        let summary = format!("修改{}", self.title);
        store::org_settings::save(
            &state.db,
            state.now(),
            who,
            org.id,
            self.kind,
            settings,
            &summary,
        )
        .await
    }
}

/// One field as the page shows it.
struct Row {
    field: SettingField,
    value: String,
    default: String,
}

/// Every settings page, for the links between them.
const PAGES: [(&str, &str); 5] = [
    ("/settings/proposals", "提案期限与预警"),
    ("/settings/calendar", "工作日历"),
    ("/settings/opinions", "社情民意设置"),
    ("/settings/stations", "工作站与群众诉求"),
    ("/settings/supervision", "民主监督期限"),
];

#[derive(Template)]
#[template(path = "settings/module.html")]
struct Page {
    shell: Shell,
    org: Org,
    orgs: Vec<Org>,
    path: &'static str,
    note: &'static str,
    source: String,
    own: bool,
    groups: Vec<(&'static str, Vec<Row>)>,
    errors: FieldErrors,
}

impl Page {
    fn others(&self) -> Vec<(&'static str, &'static str)> {
        PAGES.into_iter().filter(|(p, _)| *p != self.path).collect()
    }
}

async fn page_for<T: SettingsForm + Serialize>(
    state: &AppState,
    user: &User,
    spec: &Spec<T>,
    org: Org,
    typed: Option<Values>,
    errors: FieldErrors,
) -> WebResult<Page> {
    let effective = spec.effective(state, &org).await?;
    let values = typed.unwrap_or_else(|| effective.value.values());
    let defaults = T::default().values();
    let groups = T::groups()
        .iter()
        .map(|(legend, fields)| {
            let rows = fields
                .iter()
                .map(|f| Row {
                    field: *f,
                    value: T::text(&values, f.name).to_string(),
                    default: T::text(&defaults, f.name).to_string(),
                })
                .collect();
            (*legend, rows)
        })
        .collect();
    Ok(Page {
        shell: Shell::new(user, spec.title, "/settings/proposals"),
        orgs: org_choices(state, user).await?,
        path: spec.path,
        note: spec.note,
        source: source_label(&effective.source),
        own: effective.source == Source::Own,
        groups,
        errors,
        org,
    })
}

pub(super) async fn page<T: SettingsForm + Serialize>(
    state: &AppState,
    user: &User,
    spec: &Spec<T>,
    notice: Notice,
    q: &OrgQuery,
) -> WebResult<Response> {
    let org = chosen_org(state, user, &q.org_id).await?;
    let mut page = page_for(state, user, spec, org, None, FieldErrors::new()).await?;
    page.shell = page.shell.notice(notice);
    render(page)
}

pub(super) async fn save<T: SettingsForm + Serialize>(
    state: &AppState,
    user: &User,
    spec: &Spec<T>,
    mut form: Values,
) -> WebResult<Response> {
    let org_id = form.remove("org_id").unwrap_or_default();
    form.remove("csrf");
    let org = chosen_org(state, user, &org_id).await?;
    match T::parse(&form) {
        Ok(mut settings) => {
            let previous = spec.effective(state, &org).await?.value;
            settings.keep_unlisted(&previous);
            spec.save(state, &user.who(), &org, &settings).await?;
            Ok(done(&format!("{}?org_id={}", spec.path, org.id), "saved"))
        }
        Err(errors) => render_invalid(page_for(state, user, spec, org, Some(form), errors).await?),
    }
}

pub(super) async fn inherit<T>(
    state: &AppState,
    user: &User,
    spec: &Spec<T>,
    form: &Values,
) -> WebResult<Response> {
    let raw = form.get("org_id").map(String::as_str).unwrap_or("");
    let org = chosen_org(state, user, raw).await?;
    store::org_settings::inherit(&state.db, state.now(), &user.who(), org.id, spec.kind).await?;
    Ok(done(&format!("{}?org_id={}", spec.path, org.id), "saved"))
}

/// The routes' handlers, one set per page.
macro_rules! handlers {
    ($page:ident, $save:ident, $inherit:ident, $spec:expr) => {
        pub(super) async fn $page(
            State(state): State<AppState>,
            user: User,
            notice: Notice,
            Query(q): Query<OrgQuery>,
        ) -> WebResult<Response> {
            page(&state, &user, &$spec, notice, &q).await
        }

        pub(super) async fn $save(
            State(state): State<AppState>,
            CsrfForm(user, form): CsrfForm<Values>,
        ) -> WebResult<Response> {
            save(&state, &user, &$spec, form).await
        }

        pub(super) async fn $inherit(
            State(state): State<AppState>,
            CsrfForm(user, form): CsrfForm<Values>,
        ) -> WebResult<Response> {
            inherit(&state, &user, &$spec, &form).await
        }
    };
}

handlers!(proposals_page, proposals_save, proposals_inherit, PROPOSALS);
handlers!(stations_page, stations_save, stations_inherit, STATIONS);
handlers!(
    supervision_page,
    supervision_save,
    supervision_inherit,
    SUPERVISION
);
