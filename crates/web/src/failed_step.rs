//! A step on a record page that was refused or had bad fields: the record
//! page comes back with the message and everything typed, so the form is
//! filled in again. Every kind of record (提案, 社情民意, …) uses it.

use std::collections::BTreeMap;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::refusal::RefusalKind;
use domain::FieldErrors;

use crate::error::{WebError, WebResult};

pub struct Failed {
    /// 422 for bad fields, 409 for a step the record's state no longer allows.
    pub status: StatusCode,
    /// The step's code (the form's `do`).
    pub code: String,
    pub message: String,
    pub errors: FieldErrors,
    pub form: BTreeMap<String, String>,
}

impl Failed {
    /// Sorts out a step's error: bad fields or input the rules call invalid
    /// come back as 422, a refusal for the record's state as 409; anything
    /// else (not permitted, not found, conflicts) stays an error for the
    /// error page.
    pub fn of(
        error: WebError,
        code: String,
        form: BTreeMap<String, String>,
    ) -> Result<Failed, WebError> {
        let (status, message, errors) = match error {
            WebError::Invalid(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "请修改后重新提交".to_string(),
                errors,
            ),
            WebError::Refused(r) if r.kind == RefusalKind::Invalid => (
                StatusCode::UNPROCESSABLE_ENTITY,
                r.message,
                FieldErrors::new(),
            ),
            WebError::Refused(r) if r.kind != RefusalKind::NotPermitted => {
                (StatusCode::CONFLICT, r.message, FieldErrors::new())
            }
            other => return Err(other),
        };
        Ok(Failed {
            status,
            code,
            message,
            errors,
            form,
        })
    }
}

/// What the user typed into field `name` of the failed form, if the failed
/// step was `code`.
pub fn typed<'a>(failed: &'a Option<Failed>, code: &str, name: &str) -> &'a str {
    match failed {
        Some(f) if f.code == code => f.form.get(name).map(String::as_str).unwrap_or(""),
        _ => "",
    }
}

/// Renders a record page: 200, or the failed step's status.
pub fn render_record(page: impl Template, failed: Option<StatusCode>) -> WebResult<Response> {
    let html = Html(page.render()?);
    Ok(match failed {
        Some(status) => (status, html).into_response(),
        None => html.into_response(),
    })
}
