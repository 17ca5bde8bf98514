//! 提案汇编: staff and leaders who may read the proposal statistics ask for
//! one term and year of their organisation's filed proposals as one Word
//! file. Thousands of proposals take a while, so the request only records
//! the export and enqueues a job; the job reads the proposals a page at a
//! time by category, writes its progress to the export's row, and leaves
//! the file under `data_dir/exports`. The status page refreshes itself
//! until the file is ready.

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use documents::{Compendium, CompendiumTitle};
use domain::catalog::CatalogKind;
use domain::org::OrgPath;
use domain::proposal::stats::may_view;
use domain::{OrgId, Role, TermId, UserId};
use serde::Deserialize;
use store::export::{Export, NewExport};
use store::job::Job;
use store::proposal::compendium::{self, CompendiumScope};
use store::proposal::export::Names;

use super::documents::{document_of, download, DOCX};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::render;

/// The job kind that builds a compendium.
pub const KIND: &str = "proposal.compendium";
/// Proposals read per query while building.
const PAGE: u64 = 200;

#[derive(Template)]
#[template(path = "proposals/compendium.html")]
struct StartPage {
    shell: Shell,
    org_name: String,
    terms: Vec<(i64, String)>,
    term: i64,
    year: String,
    error: String,
    recent: Vec<Export>,
}

#[derive(Template)]
#[template(path = "proposals/compendium_status.html")]
struct StatusPage {
    shell: Shell,
    e: Export,
}

impl StatusPage {
    fn running(&self) -> bool {
        matches!(
            self.e.state.as_str(),
            store::export::QUEUED | store::export::RUNNING
        )
    }
}

/// What the job needs besides the export's organisation.
#[derive(Debug, Deserialize, serde::Serialize)]
struct Params {
    term: i64,
    year: i32,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    term: String,
    year: String,
}

/// Who asks for a compendium: a logged-in account, or an API token acting
/// through the account that issued it.
pub struct Requester {
    /// The account asking; `None` for a token, which belongs to no person.
    pub account: Option<UserId>,
    /// The account the export is recorded under (a token's issuer).
    pub record_as: UserId,
    pub role: Role,
    pub org: OrgId,
    pub org_path: OrgPath,
    pub who: store::audit::Who,
}

impl From<&User> for Requester {
    fn from(user: &User) -> Self {
        let a = &user.live.account;
        Requester {
            account: Some(a.id),
            record_as: a.id,
            role: a.role,
            org: a.org_id,
            org_path: a.org_path.clone(),
            who: user.who(),
        }
    }
}

impl Requester {
    /// Staff and leaders who may read the proposal statistics.
    pub fn allowed(&self) -> WebResult<()> {
        if may_view(self.role) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }
}

/// The terms of the requester's own organisation, as (id, name).
async fn terms(state: &AppState, r: &Requester) -> WebResult<Vec<(i64, String)>> {
    Ok(
        store::org::list_catalog(&state.db, CatalogKind::Term, &r.org_path, Some(r.org), true)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect(),
    )
}

async fn start_page(
    state: &AppState,
    user: &User,
    form: StartForm,
    error: String,
) -> WebResult<StartPage> {
    let a = &user.live.account;
    let terms = terms(state, &Requester::from(user)).await?;
    let term = match form.term.parse::<i64>() {
        Ok(t) => t,
        Err(_) => super::current_term(state, &a.org_path, a.org_id)
            .await
            .map(|t| t.0)
            .unwrap_or(0),
    };
    let year = if form.year.is_empty() {
        state.today().year().to_string()
    } else {
        form.year
    };
    Ok(StartPage {
        shell: Shell::new(user, "提案汇编", "/proposals"),
        org_name: a.org_name.clone(),
        terms,
        term,
        year,
        error,
        recent: store::export::recent(&state.db, KIND, a.org_id, 10).await?,
    })
}

/// `GET /proposals/compendium`
pub async fn page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    Requester::from(&user).allowed()?;
    render(start_page(&state, &user, StartForm::default(), String::new()).await?)
}

/// What was wrong with a request for a compendium.
pub const BAD_REQUEST: &str = "请选择本级政协的届次，并填写2000至2100之间的年度";

/// Records the export with its job (one transaction) and audits it; the
/// export's id, or `None` when the term is not the requester's or the year
/// is out of range.
pub async fn start_export(
    state: &AppState,
    r: &Requester,
    term: &str,
    year: &str,
) -> WebResult<Option<i64>> {
    r.allowed()?;
    let terms = terms(state, r).await?;
    let term = terms
        .iter()
        .find(|t| term.trim().parse::<i64>().ok() == Some(t.0))
        .cloned();
    let year = year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y));
    let (Some((term, term_name)), Some(year)) = (term, year) else {
        return Ok(None);
    };
    let title = format!("{term_name}{year}年提案汇编");
    let now = state.now();
    let mut tx = state.db.write().await?;
    let id = store::export::start(
        &mut tx,
        now,
        NewExport {
            job_kind: KIND,
            org: r.org,
            user: r.record_as,
            title: title.clone(),
            params: serde_json::json!(Params { term, year }),
        },
    )
    .await?;
    tx.commit().await?;
    let event = store::audit::Event::new("export", "compendium", id, format!("生成{title}"));
    store::audit::record(&state.db, now, &r.who, event).await?;
    Ok(Some(id))
}

/// `POST /proposals/compendium`: records the export with its job and goes
/// to the status page.
pub async fn start(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<StartForm>,
) -> WebResult<Response> {
    let requester = Requester::from(&user);
    match start_export(&state, &requester, &form.term, &form.year).await? {
        Some(id) => Ok(Redirect::to(&format!("/proposals/compendium/{id}")).into_response()),
        None => {
            let page = start_page(&state, &user, form, BAD_REQUEST.to_string()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
        }
    }
}

/// The export, if the requester may see it: the account that started it,
/// or staff and leaders of the same organisation. Anyone else gets 404.
pub async fn visible_export(state: &AppState, r: &Requester, id: i64) -> WebResult<Export> {
    let e = store::export::get_export(&state.db, id).await?;
    let mine = r.account == Some(e.user_id) || (may_view(r.role) && e.org_id == r.org);
    if e.kind == KIND && mine {
        Ok(e)
    } else {
        Err(WebError::NotFound)
    }
}

/// `GET /proposals/compendium/{id}`: progress, then the download.
pub async fn status(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = visible_export(&state, &Requester::from(&user), id).await?;
    render(StatusPage {
        shell: Shell::new(&user, "提案汇编", "/proposals"),
        e,
    })
}

/// `GET /proposals/compendium/{id}/download`
pub async fn file(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = visible_export(&state, &Requester::from(&user), id).await?;
    download_export(&state, &e).await
}

/// Streams a finished export's file; a running, failed or expired one is 404.
pub async fn download_export(state: &AppState, e: &Export) -> WebResult<Response> {
    if !e.is_done() || e.file.is_empty() || e.file.contains(['/', '\\']) {
        return Err(WebError::NotFound);
    }
    let path = state.config.data_dir.join("exports").join(&e.file);
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|_| WebError::NotFound)?;
    let stream = tokio_util::io::ReaderStream::new(file);
    Ok(download(
        &format!("{}.docx", e.title),
        DOCX,
        Body::from_stream(stream),
    ))
}

/// The job: builds the compendium of one export. A failure is shown on the
/// status page and the job is retried later.
pub async fn run(state: &AppState, job: &Job) -> Result<(), String> {
    let id = job
        .payload
        .get("export_id")
        .and_then(serde_json::Value::as_i64)
        .ok_or("bad payload")?;
    match build(state, id).await {
        Ok(()) => Ok(()),
        Err(e) => {
            let shown = "生成时出错，系统将稍后自动重试；如多次失败，请联系系统管理员";
            let _ = store::export::failed(&state.db, state.now(), id, shown).await;
            Err(format!("{e:?}"))
        }
    }
}

async fn build(state: &AppState, id: i64) -> Result<(), WebError> {
    let db = &state.db;
    let e = store::export::get_export(db, id).await?;
    if e.is_done() {
        return Ok(());
    }
    let params: Params = serde_json::from_value(e.params.clone())
        .map_err(|err| WebError::Internal(format!("compendium params: {err}")))?;
    let org = store::org::get_org(db, e.org_id).await?;
    let term = store::org::get_catalog(db, CatalogKind::Term, &org.path, params.term)
        .await?
        .name;
    let scope = CompendiumScope {
        org: org.id,
        term: TermId(params.term),
        year: params.year,
    };
    let dictionary: Vec<String> =
        store::org::list_catalog(db, CatalogKind::Category, &org.path, Some(org.id), true)
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect();
    let categories = compendium::categories(db, &scope, &dictionary).await?;
    let total: u64 = categories.iter().map(|c| c.1).sum();
    store::export::running(db, state.now(), id, total as i64).await?;
    let mut book = Compendium::new(&CompendiumTitle {
        org_name: org.name.clone(),
        term: term.clone(),
        year: params.year,
        total,
    });
    let mut done = 0i64;
    for (category, count) in &categories {
        book = book.category(category, *count);
        let mut after = 0i64;
        loop {
            let page = compendium::page(db, &scope, category, after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last
                .stored
                .proposal
                .number
                .map_or(i64::MAX, |n| i64::from(n.seq));
            let names = Names::of(db, &page).await?;
            for r in &page {
                book = book.proposal(&document_of(r, &names, &org.name, &term));
            }
            done += page.len() as i64;
            store::export::progress(db, state.now(), id, done).await?;
        }
    }
    let dir = state.config.data_dir.join("exports");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|err| WebError::Internal(err.to_string()))?;
    let name = format!("compendium-{id}-{}.docx", store::session::random_token());
    let path = dir.join(&name);
    tokio::task::spawn_blocking(move || {
        let file = std::fs::File::create(&path).map_err(|err| err.to_string())?;
        book.write(std::io::BufWriter::new(file))
            .map_err(|err| err.to_string())
    })
    .await
    .map_err(|err| WebError::Internal(err.to_string()))?
    .map_err(WebError::Internal)?;
    let now = state.now();
    let keep_until = now + i64::from(state.config.export_keep_days) * 86_400;
    store::export::finished(db, now, id, &name, keep_until).await?;
    Ok(())
}
