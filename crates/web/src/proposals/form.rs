//! Reading a step form's fields into domain values, each with the Chinese
//! message for the field it came from.

use std::collections::BTreeMap;

use domain::refusal::Reason;
use domain::tracking::{AnswerClass, AnswerInput, Feedback, FeedbackInput, UnitRole};
use domain::{FieldErrors, UnitId};
use time::Date;

use super::Participant;
use crate::error::{WebError, WebResult};

pub type Form = BTreeMap<String, String>;

pub fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

fn bad(name: &str, message: impl Into<String>) -> WebError {
    WebError::Invalid(FieldErrors::single(name, message))
}

pub fn reason(form: &Form, name: &str, label: &str) -> WebResult<Reason> {
    Reason::parse(field(form, name), label).map_err(|m| bad(name, m))
}

/// A reason that may be left empty.
pub fn optional_reason(form: &Form, name: &str, label: &str) -> WebResult<Option<Reason>> {
    Some(field(form, name))
        .filter(|r| !r.trim().is_empty())
        .map(|r| Reason::parse(r, label))
        .transpose()
        .map_err(|m| bad(name, m))
}

pub fn unit(form: &Form, name: &str) -> WebResult<UnitId> {
    field(form, name)
        .trim()
        .parse::<i64>()
        .map(UnitId)
        .map_err(|_| bad(name, "请选择承办单位"))
}

pub fn units(form: &Form, name: &str) -> WebResult<Vec<UnitId>> {
    field(form, name)
        .split([',', '，', '、', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse::<i64>()
                .map(UnitId)
                .map_err(|_| bad(name, "承办单位编号无效"))
        })
        .collect()
}

pub fn date(form: &Form, name: &str, label: &str) -> WebResult<Date> {
    domain::member::parse_date(field(form, name).trim())
        .map_err(|_| bad(name, format!("请填写{label}，格式如 2027-03-31")))
}

/// A unit's role when staff add it to an item already assigned.
pub fn role(form: &Form, name: &str) -> WebResult<UnitRole> {
    match field(form, name) {
        "sole" => Ok(UnitRole::Sole),
        "lead" => Ok(UnitRole::Lead),
        "co" => Ok(UnitRole::Co),
        "each" => Ok(UnitRole::Each),
        _ => Err(bad(name, "请选择单位的办理角色")),
    }
}

/// An answer class staff set when accepting; empty keeps the unit's own.
pub fn optional_class(form: &Form, name: &str) -> WebResult<Option<AnswerClass>> {
    let raw = field(form, name).trim();
    if raw.is_empty() {
        return Ok(None);
    }
    AnswerClass::parse(raw)
        .map(Some)
        .ok_or_else(|| bad(name, "答复类别应为 A、B 或 C"))
}

pub fn answer(form: &Form) -> WebResult<domain::tracking::Answer> {
    AnswerInput {
        class: field(form, "class").into(),
        document_no: field(form, "document_no").into(),
        signed_by: field(form, "signed_by").into(),
        contact_person: field(form, "contact_person").into(),
        contact_phone: field(form, "contact_phone").into(),
        text: field(form, "text").into(),
    }
    .parse()
    .map_err(WebError::Invalid)
}

pub fn feedback(form: &Form) -> WebResult<Feedback> {
    FeedbackInput {
        satisfaction: field(form, "satisfaction").into(),
        contacted: field(form, "contacted").into(),
        on_point: field(form, "on_point").into(),
        comment: field(form, "comment").into(),
    }
    .parse()
    .map_err(WebError::Invalid)
}

/// The acting unit clerk's own unit.
pub fn own_unit(me: &Participant) -> WebResult<UnitId> {
    me.unit.ok_or(WebError::Forbidden)
}
