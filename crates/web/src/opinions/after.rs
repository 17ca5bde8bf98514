//! The steps after adoption, taken through the same form (`do`) as the
//! others, so the page and the API share them: 向上级报送, 录入全国政协采用
//! 情况, 录入领导批示. Bad fields come back as 422 with the input kept.

use domain::opinion::upward::{
    self as rules, parse_day, Instruction, InstructionInput, NationalOutcome,
};
use domain::{FieldErrors, OpinionId};
use store::opinion::Stored;

use super::act::{who, Form};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::state::AppState;

/// The codes handled here.
pub const STEPS: [&str; 3] = ["report_upward", "national", "instruct"];

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

pub fn instruction_of(form: &Form) -> InstructionInput {
    InstructionInput {
        leader: field(form, "leader").to_string(),
        level: field(form, "level").to_string(),
        text: field(form, "text").to_string(),
        given_on: field(form, "given_on").to_string(),
    }
}

/// Takes the step `form` names, if it is one of [`STEPS`].
pub async fn step(
    state: &AppState,
    audit_who: &store::audit::Who,
    me: &Participant,
    stored: &Stored,
    form: &Form,
) -> Option<WebResult<()>> {
    let code = field(form, "do");
    if !STEPS.contains(&code) {
        return None;
    }
    let rules_who = who(me, Some(stored));
    let id = stored.opinion.id;
    let db = &state.db;
    let now = state.now();
    Some(match code {
        "report_upward" => store::opinion::report_upward(db, now, audit_who, &rules_who, id)
            .await
            .map(|_| ())
            .map_err(WebError::from),
        "instruct" => match Instruction::parse(&instruction_of(form)) {
            Ok(ins) => store::opinion::instruct::instruct(db, now, audit_who, &rules_who, id, &ins)
                .await
                .map(|_| ())
                .map_err(WebError::from),
            Err(errors) => Err(WebError::Invalid(errors)),
        },
        _ => national(state, audit_who, &rules_who, id, form).await,
    })
}

async fn national(
    state: &AppState,
    audit_who: &store::audit::Who,
    rules_who: &domain::opinion::Who,
    id: OpinionId,
    form: &Form,
) -> WebResult<()> {
    let mut errors = FieldErrors::new();
    let outcome = NationalOutcome::from_code(field(form, "outcome"));
    if outcome.is_none() {
        errors.add("outcome", "请选择全国政协的采用情况");
    }
    let on = parse_day(field(form, "outcome_on")).unwrap_or_else(|m| {
        errors.add("outcome_on", m);
        String::new()
    });
    let note = field(form, "outcome_note").trim();
    if note.chars().count() > 500 {
        errors.add("outcome_note", "说明不能超过500字");
    }
    match outcome {
        Some(outcome) if errors.is_empty() => store::opinion::record_national(
            &state.db,
            state.now(),
            audit_who,
            rules_who,
            id,
            outcome,
            &on,
            note,
        )
        .await
        .map_err(WebError::from),
        _ => Err(WebError::Invalid(errors)),
    }
}

/// The steps after adoption this user may take now.
pub async fn offers(
    state: &AppState,
    me: &Participant,
    stored: &Stored,
) -> WebResult<Vec<&'static str>> {
    let rules_who = who(me, Some(stored));
    let o = &stored.opinion;
    let mut out = Vec::new();
    let up = store::opinion::upward_of(&state.db, o.id).await?;
    if up.is_none() && rules::may_report_upward(o, &rules_who, None).is_ok() {
        out.push("report_upward");
    }
    if rules_who.staff && up.as_ref().is_some_and(|u| u.to_org_id.is_none()) {
        out.push("national");
    }
    if rules::may_instruct(o, &rules_who).is_ok() {
        out.push("instruct");
    }
    Ok(out)
}
