//! Who the rules see, who may read a report, and the one endpoint for every
//! step: the form names the step (`do`) and carries its fields.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::Response;
use domain::opinion::{Action, OpinionInput, OpinionPolicy, OpinionText, Who};
use domain::refusal::Reason;
use domain::{FieldErrors, OpinionId, Role};
use store::opinion::Stored;

use crate::auth::CsrfForm;
use crate::error::{WebError, WebResult};
use crate::failed_step::Failed;
use crate::proposals::Participant;
use crate::state::AppState;
use crate::view::done;

pub type Form = BTreeMap<String, String>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

/// The facts the rules need: staff count as staff only within their
/// organisation's subtree.
pub fn who(me: &Participant, stored: Option<&Stored>) -> Who {
    let in_scope = stored.is_none_or(|s| me.org_path.contains(&s.org_path));
    Who {
        user: Some(me.user),
        member: me.member.filter(|_| me.role == Role::Member),
        staff: me.role == Role::Staff && in_scope,
    }
}

/// Its author and co-authors; staff and leaders of its organisation or
/// above once submitted. Anyone else gets 404.
pub fn visible(me: &Participant, stored: &Stored) -> bool {
    let o = &stored.opinion;
    let rules = who(me, Some(stored));
    if o.involves(&rules) {
        return true;
    }
    matches!(me.role, Role::Staff | Role::Leader)
        && me.org_path.contains(&stored.org_path)
        && o.stage.submitted()
}

/// The text fields of a form.
pub fn input_of(form: &Form) -> OpinionInput {
    OpinionInput {
        title: field(form, "title").to_string(),
        situation: field(form, "situation").to_string(),
        analysis: field(form, "analysis").to_string(),
        suggestion: field(form, "suggestion").to_string(),
        category: field(form, "category").to_string(),
    }
}

fn reason(form: &Form, name: &str, label: &str) -> WebResult<Reason> {
    Reason::parse(field(form, name), label)
        .map_err(|m| WebError::Invalid(FieldErrors::single(name, m)))
}

fn optional_reason(form: &Form, name: &str, label: &str) -> WebResult<Option<Reason>> {
    if field(form, name).trim().is_empty() {
        return Ok(None);
    }
    reason(form, name, label).map(Some)
}

/// Builds the action a form asks for.
pub fn action_from(form: &Form, policy: &OpinionPolicy) -> WebResult<Action> {
    Ok(match field(form, "do") {
        "submit" => Action::Submit,
        "edit_draft" => Action::EditDraft {
            text: OpinionText::parse(&input_of(form), policy).map_err(WebError::Invalid)?,
        },
        "withdraw" => Action::Withdraw {
            reason: reason(form, "reason", "撤回理由")?,
        },
        "edit" => Action::Edit {
            text: OpinionText::parse(&input_of(form), policy).map_err(WebError::Invalid)?,
        },
        "review" => Action::Review {
            comment: optional_reason(form, "comment", "审核意见")?,
        },
        "sign_off" => Action::SignOff,
        "adopt" => Action::Adopt {
            note: optional_reason(form, "note", "采用说明")?,
        },
        "keep" => Action::Keep {
            reason: reason(form, "reason", "留存理由")?,
        },
        other => return Err(WebError::BadRequest(format!("未知的操作“{other}”"))),
    })
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let stored = store::opinion::load(&state.db, OpinionId(id)).await?;
    let me = Participant::from(&user);
    if !visible(&me, &stored) {
        return Err(WebError::NotFound);
    }
    let policy = store::opinion::policy_for(&state.db, stored.opinion.org).await?;
    let code = field(&form, "do").to_string();
    let after = super::after::step(&state, &user.who(), &me, &stored, &form).await;
    let result = match after {
        Some(done) => done.map(|_| (stored.opinion.clone(), Vec::new())),
        None => match action_from(&form, &policy) {
            Ok(action) => store::opinion::act(
                &state.db,
                state.now(),
                &user.who(),
                &who(&me, Some(&stored)),
                OpinionId(id),
                action,
            )
            .await
            .map_err(WebError::from),
            Err(e) => Err(e),
        },
    };
    let failed = match result {
        Ok(_) if code == "edit_draft" => return Ok(done(&format!("/opinions/{id}"), "saved")),
        Ok(_) => return Ok(done(&format!("/opinions/{id}"), "done_step")),
        Err(e) => Failed::of(e, code, form)?,
    };
    super::record::show(
        &state,
        &user,
        id,
        crate::shell::Notice::default(),
        Some(failed),
    )
    .await
}
