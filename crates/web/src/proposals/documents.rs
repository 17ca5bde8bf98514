//! The proposal form as Word (.docx), in the standard layout: for whoever
//! may see the record (anyone else gets 404, as on the record page). The
//! facts are gathered here into `documents::ProposalDocument`; the
//! `documents` crate lays them out.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use documents::{AnswerDocument, ProposalDocument};
use domain::catalog::CatalogKind;
use domain::ProposalId;
use store::proposal::export::{accepted_answer, Names, Record};

use super::{visible, Participant};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::view::encode;

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A download with a UTF-8 file name (and a plain ASCII fallback).
pub fn download(file_name: &str, content_type: &str, body: impl IntoResponse) -> Response {
    let fallback = if content_type == DOCX {
        "document.docx"
    } else {
        "export.xlsx"
    };
    let disposition = format!(
        "attachment; filename=\"{fallback}\"; filename*=UTF-8''{}",
        encode(file_name)
    );
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// The printable facts of one proposal. `org_name` is the committee's full
/// name and `term` the term's name (第六届).
pub fn document_of(r: &Record, names: &Names, org_name: &str, term: &str) -> ProposalDocument {
    let s = &r.stored;
    let p = &s.proposal;
    let answers = p
        .tracking
        .assignments
        .iter()
        .filter_map(|a| {
            accepted_answer(a).map(|ans| AnswerDocument {
                unit: names.unit(a.unit),
                role: a.role.label().to_string(),
                class: ans.class,
                document_no: ans.document_no.clone(),
                signed_by: ans.signed_by.clone(),
                contact_person: ans.contact_person.clone(),
                contact_phone: ans.contact_phone.clone(),
                text: ans.text.clone(),
            })
        })
        .collect();
    ProposalDocument {
        org_name: org_name.to_string(),
        term: term.to_string(),
        year: p.year,
        number: p.number.map(|n| n.to_string()).unwrap_or_default(),
        kind: p.kind().label().to_string(),
        proposers: names.proposers(p),
        category: s.text.category.clone(),
        title: s.text.title.clone(),
        analysis: s.text.analysis.clone(),
        suggestions: s.text.suggestions.clone(),
        public: s.text.public != "0",
        submitted_on: r
            .submitted_at
            .map(|t| store::clock::local_date(t).to_string())
            .unwrap_or_default(),
        answers,
    }
}

/// The committee's full name and the term's name of a proposal.
pub async fn org_and_term(state: &AppState, r: &Record) -> WebResult<(String, String)> {
    let p = &r.stored.proposal;
    let org = store::org::get_org(&state.db, p.org).await?.name;
    let term = store::org::get_catalog(&state.db, CatalogKind::Term, &r.stored.org_path, p.term.0)
        .await
        .map(|t| t.name)
        .unwrap_or_default();
    Ok((org, term))
}

/// A proposal `me` may see, whole; 404 otherwise.
pub async fn visible_record(state: &AppState, me: &Participant, id: i64) -> WebResult<Record> {
    let record = store::proposal::export::record(&state.db, ProposalId(id)).await?;
    if visible(me, &record.stored) {
        Ok(record)
    } else {
        Err(WebError::NotFound)
    }
}

/// The form of a proposal `me` may see, as a download.
pub async fn form_download(state: &AppState, me: &Participant, id: i64) -> WebResult<Response> {
    let record = visible_record(state, me, id).await?;
    let names = Names::of(&state.db, std::slice::from_ref(&record)).await?;
    let (org, term) = org_and_term(state, &record).await?;
    let doc = document_of(&record, &names, &org, &term);
    let bytes = documents::proposal_form(&doc).map_err(|e| WebError::Internal(e.to_string()))?;
    let file_name = if doc.number.is_empty() {
        format!("提案（{}）.docx", record.stored.proposal.id)
    } else {
        format!("提案{}.docx", doc.number)
    };
    Ok(download(&file_name, DOCX, bytes))
}

/// `GET /proposals/{id}/form.docx`
pub async fn form(
    State(state): State<AppState>,
    user: User,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    form_download(&state, &Participant::from(&user), id).await
}
