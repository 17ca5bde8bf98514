//! Drafting: start a draft, edit and autosave it, see similar earlier
//! proposals while typing, and submit.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Json, Response};
use domain::catalog::CatalogKind;
use domain::org::OrgPath;
use domain::proposal::{Action, ProposalInput, Proposer};
use domain::{FieldErrors, OrgId, ProposalId, TermId};
use store::proposal::{Setting, Stored};

use super::collective::{draft_as, kinds, BodyFields, DraftAs};
use super::{visible, who, Participant};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid, when};

#[derive(Template)]
#[template(path = "proposals/draft.html")]
struct DraftPage {
    shell: Shell,
    id: Option<i64>,
    text: ProposalInput,
    errors: FieldErrors,
    categories: Vec<String>,
    similar: Vec<crate::search::SimilarHit>,
    saved_at: String,
    /// Invited co-signers: name and where they stand.
    cosigners: Vec<(String, &'static str)>,
    /// What was typed into the co-signer box, kept on errors.
    cosigner_names: String,
    /// A new collective draft (staff): the body's kind and name as typed,
    /// and the kinds to choose from. `None` for a member's own draft.
    body: Option<BodyFields>,
    body_kinds: Vec<(&'static str, &'static str)>,
    /// Who the proposal is in the name of, once it exists.
    proposer: String,
}

impl DraftPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

async fn page(
    state: &AppState,
    user: &User,
    id: Option<i64>,
    text: ProposalInput,
    errors: FieldErrors,
    saved_at: String,
) -> WebResult<DraftPage> {
    let setting = Setting::for_org(&state.db, user.live.account.org_id).await?;
    let draft_text = format!("{} {}", text.title, text.analysis);
    let similar = crate::search::similar(state, &Participant::from(user), &draft_text, id).await;
    let title = if id.is_some() {
        "修改提案草稿"
    } else {
        "撰写提案"
    };
    let mut cosigners = Vec::new();
    let mut proposer = String::new();
    if let Some(id) = id {
        let root = domain::org::OrgPath::from_stored("/".into());
        let stored = store::proposal::load(&state.db, ProposalId(id)).await?;
        if let Proposer::Body { kind, name } = &stored.proposal.proposer {
            proposer = format!("{name}（{}）", kind.label());
        }
        for c in stored.proposal.cosigners {
            let name = store::member::get_member(&state.db, &root, c.member)
                .await
                .map(|m| m.row.name)
                .unwrap_or_default();
            let status = match c.status {
                domain::proposal::CosignStatus::Invited => "待确认",
                domain::proposal::CosignStatus::Confirmed => "已确认",
                domain::proposal::CosignStatus::Declined => "已谢绝",
                domain::proposal::CosignStatus::Lapsed => "逾期未确认",
            };
            cosigners.push((name, status));
        }
    }
    let body = match (id, draft_as(user)?) {
        (None, DraftAs::Body) => Some(BodyFields::default()),
        _ => None,
    };
    Ok(DraftPage {
        cosigners,
        cosigner_names: String::new(),
        body,
        body_kinds: kinds(),
        proposer,
        shell: Shell::new(user, title, "/proposals"),
        id,
        text,
        errors,
        categories: setting.policy.categories,
        similar,
        saved_at,
    })
}

pub async fn new_page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    draft_as(&user)?;
    let text = ProposalInput {
        public: "1".into(),
        ..ProposalInput::default()
    };
    render(page(&state, &user, None, text, FieldErrors::new(), String::new()).await?)
}

/// The organisation's current term (届).
pub async fn current_term(state: &AppState, org_path: &OrgPath, org: OrgId) -> WebResult<TermId> {
    let terms =
        store::org::list_catalog(&state.db, CatalogKind::Term, org_path, Some(org), false).await?;
    let current = terms
        .iter()
        .find(|t| t.numbers.get("is_current") == Some(&1))
        .or(terms.first());
    current
        .map(|t| TermId(t.id))
        .ok_or_else(|| WebError::BadRequest("本级政协尚未设置届次，请联系机关干部".into()))
}

/// The new draft's text, and for a collective one the body it is for.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct NewDraft {
    #[serde(flatten)]
    text: ProposalInput,
    #[serde(flatten)]
    body: BodyFields,
}

pub async fn create(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<NewDraft>,
) -> WebResult<Response> {
    let proposer = match draft_as(&user)? {
        DraftAs::Member(member) => Ok(Proposer::Member(member)),
        DraftAs::Body => form.body.proposer(),
    };
    let proposer = match proposer {
        Ok(p) => p,
        Err(WebError::Invalid(errors)) => {
            let mut p = page(&state, &user, None, form.text, errors, String::new()).await?;
            p.body = Some(form.body);
            return render_invalid(p);
        }
        Err(other) => return Err(other),
    };
    let a = &user.live.account;
    let term = current_term(&state, &a.org_path, a.org_id).await?;
    let year = state.today().year();
    let id = store::proposal::create_draft(
        &state.db,
        state.now(),
        &user.who(),
        &who(&Participant::from(&user)),
        a.org_id,
        term,
        year,
        proposer,
        &form.text,
    )
    .await?;
    Ok(done(&format!("/proposals/{id}/edit"), "saved"))
}

async fn own_draft(state: &AppState, user: &User, id: i64) -> WebResult<Stored> {
    let stored = store::proposal::load(&state.db, ProposalId(id)).await?;
    if !visible(&Participant::from(user), &stored) {
        return Err(WebError::NotFound);
    }
    Ok(stored)
}

pub async fn edit_page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let stored = own_draft(&state, &user, id).await?;
    let saved_at = when(Some(stored.updated_at));
    let mut p = page(
        &state,
        &user,
        Some(id),
        stored.text,
        FieldErrors::new(),
        saved_at,
    )
    .await?;
    p.shell = p.shell.notice(notice);
    render(p)
}

pub async fn save(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, text): CsrfForm<ProposalInput>,
) -> WebResult<Response> {
    own_draft(&state, &user, id).await?;
    store::proposal::autosave(
        &state.db,
        state.now(),
        &user.who(),
        &who(&Participant::from(&user)),
        ProposalId(id),
        &text,
    )
    .await?;
    Ok(done(&format!("/proposals/{id}/edit"), "saved"))
}

/// The page's script posts the form here every little while.
pub async fn autosave(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, text): CsrfForm<ProposalInput>,
) -> WebResult<Response> {
    own_draft(&state, &user, id).await?;
    store::proposal::autosave(
        &state.db,
        state.now(),
        &user.who(),
        &who(&Participant::from(&user)),
        ProposalId(id),
        &text,
    )
    .await?;
    let saved = store::clock::format_local(state.now());
    Ok(Json(serde_json::json!({ "saved_at": saved })).into_response())
}

/// Checks every field; on errors the form comes back with them and nothing
/// is submitted, but the text is saved so nothing is lost.
pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, text): CsrfForm<ProposalInput>,
) -> WebResult<Response> {
    let stored = own_draft(&state, &user, id).await?;
    let setting = Setting::for_org(&state.db, stored.proposal.org).await?;
    store::proposal::autosave(
        &state.db,
        state.now(),
        &user.who(),
        &who(&Participant::from(&user)),
        ProposalId(id),
        &text,
    )
    .await?;
    match text.parse(&setting.policy.categories) {
        Ok(content) => {
            store::proposal::act(
                &state.db,
                state.now(),
                &user.who(),
                &who(&Participant::from(&user)),
                ProposalId(id),
                Action::Submit { content },
            )
            .await?;
            Ok(done(&format!("/proposals/{id}"), "submitted"))
        }
        Err(errors) => {
            render_invalid(page(&state, &user, Some(id), text, errors, String::new()).await?)
        }
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct CosignerForm {
    names: String,
}

/// Invites co-signers by name (一事一案 in the same committee). Each name
/// must match exactly one active member of the proposal's organisation;
/// otherwise the draft page comes back saying which name and why.
pub async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<CosignerForm>,
) -> WebResult<Response> {
    let stored = own_draft(&state, &user, id).await?;
    let mut errors = FieldErrors::new();
    let members = crate::members::by_names(
        &state,
        stored.proposal.org,
        &form.names,
        "names",
        &mut errors,
    )
    .await?;
    let mut problems: Vec<String> = errors.0.into_iter().map(|e| e.message).collect();
    if members.is_empty() && problems.is_empty() {
        problems.push("请填写联名委员的姓名".into());
    }
    let me = Participant::from(&user);
    let result = if problems.is_empty() {
        store::proposal::act(
            &state.db,
            state.now(),
            &user.who(),
            &who(&me),
            ProposalId(id),
            Action::InviteCosigners { members },
        )
        .await
        .map_err(WebError::from)
    } else {
        Err(WebError::Invalid(FieldErrors::single(
            "cosigners",
            problems.join("；"),
        )))
    };
    match result {
        Ok(_) => Ok(done(&format!("/proposals/{id}/edit"), "invited")),
        Err(WebError::Invalid(errors)) => {
            let mut p = page(&state, &user, Some(id), stored.text, errors, String::new()).await?;
            p.cosigner_names = form.names;
            render_invalid(p)
        }
        Err(WebError::Refused(r)) => {
            let mut p = page(
                &state,
                &user,
                Some(id),
                stored.text,
                FieldErrors::single("cosigners", r.message),
                String::new(),
            )
            .await?;
            p.cosigner_names = form.names;
            render_invalid(p)
        }
        Err(other) => Err(other),
    }
}
