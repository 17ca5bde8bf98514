//! Bulletins (《社情民意》第N期): staff of a committee start the next
//! number, put adopted reports in (one alone, or several merged under a
//! title), issue it, and download it as Word. Leaders read them.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use domain::permission::{Action, Target};
use domain::{FieldErrors, OpinionId, OrgId, Role};
use store::opinion::bulletin::{Bulletin, BulletinRow};

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::failed_step::Failed;
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, encode, render};

pub type Form = BTreeMap<String, String>;

/// The committee an account belongs to: the last id of its path.
pub fn own_org(me: &Participant) -> Option<OrgId> {
    me.org_path
        .as_str()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .map(OrgId)
}

/// Staff and leaders read bulletins of their subtree; staff change their own.
pub fn may_read(me: &Participant) -> WebResult<()> {
    match me.role {
        Role::Staff | Role::Leader => Ok(()),
        _ => Err(WebError::Forbidden),
    }
}

pub async fn visible(state: &AppState, me: &Participant, id: i64) -> WebResult<Bulletin> {
    may_read(me)?;
    let b = store::opinion::bulletin::load_bulletin(&state.db, id).await?;
    if me.org_path.contains(&b.org_path) {
        Ok(b)
    } else {
        Err(WebError::NotFound)
    }
}

fn staff_of(me: &Participant, b: &Bulletin) -> WebResult<()> {
    if me.role == Role::Staff && own_org(me).map(|o| o.0) == Some(b.row.org_id) {
        Ok(())
    } else {
        Err(WebError::Refused(domain::refusal::Refusal::not_permitted(
            "只有本级政协机关工作人员可以编辑和印发简报",
        )))
    }
}

/// Starts the next bulletin of the account's committee for this year.
pub async fn create(
    state: &AppState,
    audit_who: &store::audit::Who,
    me: &Participant,
    title: &str,
) -> WebResult<i64> {
    if me.role != Role::Staff {
        return Err(WebError::Forbidden);
    }
    let org = own_org(me).ok_or(WebError::Forbidden)?;
    let year = state.today().year();
    Ok(store::opinion::bulletin::create_bulletin(
        &state.db,
        state.now(),
        audit_who,
        org,
        year,
        title,
    )
    .await?)
}

/// The reports a piece form names: `o_<id>` fields, or `ids` (comma-separated).
pub fn chosen(form: &Form) -> Vec<OpinionId> {
    let mut ids: Vec<OpinionId> = form
        .keys()
        .filter_map(|k| k.strip_prefix("o_"))
        .filter_map(|k| k.parse().ok())
        .map(OpinionId)
        .collect();
    if let Some(list) = form.get("ids") {
        ids.extend(
            list.split([',', '，', ' '])
                .filter_map(|s| s.trim().parse().ok())
                .map(OpinionId),
        );
    }
    ids
}

/// Adds a piece or issues the bulletin, as the form's `do` says.
pub async fn step(
    state: &AppState,
    audit_who: &store::audit::Who,
    me: &Participant,
    id: i64,
    form: &Form,
) -> WebResult<()> {
    let b = visible(state, me, id).await?;
    staff_of(me, &b)?;
    let db = &state.db;
    match form.get("do").map(String::as_str).unwrap_or("") {
        "piece" => {
            let combined = form.get("combined").is_some_and(|v| v == "1");
            let title = form.get("title").map(String::as_str).unwrap_or("");
            store::opinion::bulletin::add_piece(
                db,
                state.now(),
                audit_who,
                id,
                combined,
                title,
                &chosen(form),
            )
            .await?
        }
        "issue" => store::opinion::bulletin::issue(db, state.now(), audit_who, id).await?,
        other => return Err(WebError::BadRequest(format!("未知的操作“{other}”"))),
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "opinions/bulletins.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<BulletinRow>,
    can_edit: bool,
    errors: FieldErrors,
}

pub async fn list(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    let me = Participant::from(&user);
    may_read(&me)?;
    let rows = store::opinion::bulletin::list_bulletins(&state.db, &me.org_path, 200).await?;
    render(ListPage {
        shell: Shell::new(&user, "《社情民意》简报", "/opinions").notice(notice),
        rows,
        can_edit: me.role == Role::Staff,
        errors: FieldErrors::new(),
    })
}

pub async fn new(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    let me = Participant::from(&user);
    let title = form.get("title").map(String::as_str).unwrap_or("");
    match create(&state, &user.who(), &me, title).await {
        Ok(id) => Ok(done(&format!("/opinions/bulletins/{id}"), "saved")),
        Err(WebError::Invalid(errors)) => {
            let rows =
                store::opinion::bulletin::list_bulletins(&state.db, &me.org_path, 200).await?;
            let page = ListPage {
                shell: Shell::new(&user, "《社情民意》简报", "/opinions"),
                rows,
                can_edit: true,
                errors,
            };
            crate::failed_step::render_record(
                page,
                Some(axum::http::StatusCode::UNPROCESSABLE_ENTITY),
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "opinions/bulletin.html")]
struct BulletinPage {
    shell: Shell,
    b: Bulletin,
    can_edit: bool,
    awaiting: Vec<(i64, String, String)>,
    failed: Option<Failed>,
}

impl BulletinPage {
    fn val(&self, name: &str) -> &str {
        crate::failed_step::typed(&self.failed, "piece", name)
    }
    fn ticked(&self, id: &i64) -> bool {
        !self.val(&format!("o_{id}")).is_empty()
    }
    fn when(&self, ts: &Option<i64>) -> String {
        crate::view::when(*ts)
    }
}

async fn show(
    state: &AppState,
    user: &User,
    id: i64,
    notice: Notice,
    failed: Option<Failed>,
) -> WebResult<Response> {
    let me = Participant::from(user);
    let b = visible(state, &me, id).await?;
    let can_edit = staff_of(&me, &b).is_ok() && !b.row.issued;
    let awaiting = if can_edit {
        store::opinion::bulletin::awaiting_bulletin(&state.db, OrgId(b.row.org_id), 200).await?
    } else {
        Vec::new()
    };
    let page = BulletinPage {
        shell: Shell::new(user, "《社情民意》简报", "/opinions").notice(notice),
        b,
        can_edit,
        awaiting,
        failed,
    };
    let status = page.failed.as_ref().map(|f| f.status);
    crate::failed_step::render_record(page, status)
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    show(&state, &user, id, notice, None).await
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    let me = Participant::from(&user);
    let code = form.get("do").cloned().unwrap_or_default();
    match step(&state, &user.who(), &me, id, &form).await {
        Ok(()) => Ok(done(&format!("/opinions/bulletins/{id}"), "done_step")),
        Err(e) => {
            let failed = Failed::of(e, code, form)?;
            show(&state, &user, id, Notice::default(), Some(failed)).await
        }
    }
}

/// The bulletin in words, for the Word file.
pub fn document_of(b: &Bulletin) -> documents::BulletinDocument {
    documents::BulletinDocument {
        org_name: b.row.org_name.clone(),
        year: b.row.year as i32,
        number: b.row.number,
        issued_on: b
            .row
            .issued_at
            .map(|t| store::clock::local_date(t).to_string())
            .unwrap_or_default(),
        pieces: b
            .pieces
            .iter()
            .map(|p| documents::BulletinPiece {
                title: p.title.clone(),
                combined: p.combined,
                sources: p
                    .sources
                    .iter()
                    .map(|s| format!("{} {}", s.org_name, s.author_name))
                    .collect(),
                sections: p
                    .sources
                    .iter()
                    .flat_map(|s| {
                        let lead = if p.combined {
                            format!("（{}）", s.text.title)
                        } else {
                            String::new()
                        };
                        [
                            (format!("{lead}情况"), s.text.situation.clone()),
                            ("分析".to_string(), s.text.analysis.clone()),
                            ("建议".to_string(), s.text.suggestion.clone()),
                        ]
                    })
                    .filter(|(_, t)| !t.trim().is_empty())
                    .collect(),
            })
            .collect(),
    }
}

/// The bulletin as a Word download.
pub async fn docx_download(state: &AppState, me: &Participant, id: i64) -> WebResult<Response> {
    let b = visible(state, me, id).await?;
    let bytes =
        documents::bulletin(&document_of(&b)).map_err(|e| WebError::Internal(e.to_string()))?;
    let name = format!("社情民意{}年第{}期.docx", b.row.year, b.row.number);
    let disposition = format!(
        "attachment; filename=\"bulletin.docx\"; filename*=UTF-8''{}",
        encode(&name)
    );
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    .to_string(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub async fn docx(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    docx_download(&state, &Participant::from(&user), id).await
}
