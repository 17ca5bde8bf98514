//! 意见建议 and 委员来信: what a proposal becomes at review when it is
//! better answered as a suggestion or a member's letter (the conversion is a
//! step of the proposal's review, see `proposals::act`). Staff forward a
//! letter to a handling unit through the shared tracking, the unit replies,
//! staff accept the reply and close it; the members it came from read it
//! under their own items. Every change goes through `domain::letter::apply`
//! via `store::letter`.

mod pages;

pub use pages::filter_for;

use axum::routing::{get, post};
use axum::Router;
use domain::letter::{LetterAction, LetterActor};
use domain::tracking::{AssignmentPlan, TrackingAction};
use domain::{FieldErrors, UnitId};

use crate::error::{WebError, WebResult};
use crate::proposals::form::{answer, field, optional_reason, reason, unit, Form};
use crate::proposals::Participant;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/letters", get(pages::list))
        .route("/letters/{id}", get(pages::record))
        .route("/letters/{id}/act", post(pages::act))
}

/// The letter if `me` may see it, with how they act on it; 404 otherwise.
pub async fn load_letter(
    state: &AppState,
    me: &Participant,
    id: i64,
) -> WebResult<(store::letter::Stored, LetterActor)> {
    let stored = store::letter::load(&state.db, id).await?;
    let actor = domain::letter::relation(
        me.role,
        &me.org_path,
        me.member,
        me.unit,
        &stored.org_path,
        &stored.members,
        &stored.units(),
    )
    .ok_or(WebError::NotFound)?;
    Ok((stored, actor))
}

/// One step from a form (page or API) by `actor`: the form read into an
/// action, then the rules and the store.
pub async fn step(
    state: &AppState,
    who: &store::audit::Who,
    actor: LetterActor,
    id: i64,
    form: &Form,
) -> WebResult<()> {
    let action = action_from(actor, form)?;
    store::letter::act(&state.db, state.now(), who, actor, id, action).await?;
    Ok(())
}

/// Builds the action a form (page or API) asks for; `actor` supplies the
/// replying unit.
pub fn action_from(actor: LetterActor, form: &Form) -> WebResult<LetterAction> {
    let own = || match actor {
        LetterActor::Unit(u) => Ok(u),
        _ => Err(WebError::Refused(domain::refusal::Refusal::not_permitted(
            "只有被转交的承办单位可以回复",
        ))),
    };
    Ok(match field(form, "do") {
        "forward" => LetterAction::Forward {
            plan: AssignmentPlan::single(unit(form, "unit")?),
        },
        "reply" => LetterAction::Reply {
            unit: own()?,
            answer: answer(form)?,
        },
        "accept" => LetterAction::Accept {
            unit: unit(form, "unit")?,
        },
        "send_back_answer" => LetterAction::Track {
            action: TrackingAction::SendBack {
                unit: unit(form, "unit")?,
                reason: reason(form, "reason", "退回理由")?,
            },
        },
        "return" => LetterAction::Track {
            action: TrackingAction::Return {
                unit: own()?,
                reason: reason(form, "reason", "退回理由")?,
            },
        },
        "close" => LetterAction::Close {
            note: optional_reason(form, "note", "办结说明")?,
        },
        "" => {
            return Err(WebError::Invalid(FieldErrors::single(
                "do",
                "请选择要办理的操作",
            )))
        }
        other => return Err(WebError::BadRequest(format!("未知的操作“{other}”"))),
    })
}

/// The units the letter may be forwarded to (the organisation's catalogue).
pub async fn unit_options(
    state: &AppState,
    stored: &store::letter::Stored,
) -> WebResult<Vec<(i64, String)>> {
    Ok(store::org::list_catalog(
        &state.db,
        domain::catalog::CatalogKind::Unit,
        &stored.org_path,
        Some(stored.org_id),
        false,
    )
    .await?
    .into_iter()
    .map(|u| (u.id, u.name))
    .collect())
}

/// The unit an assignment names, for display.
pub fn unit_name(units: &[(i64, String)], unit: UnitId) -> String {
    units
        .iter()
        .find(|(id, _)| *id == unit.0)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| format!("承办单位{}", unit.0))
}
