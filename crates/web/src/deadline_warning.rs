//! Deadline warning jobs (blue, yellow, red) for records forwarded to units
//! through the shared tracking: a job tells the unit's accounts, by message
//! and mail, if the answer is still awaited and the due date has not moved
//! since the job was made.

use store::deadline_warnings::Warning;
use store::job::Job;

use crate::state::AppState;

/// A demand's warning.
pub async fn demand(state: &AppState, job: &Job) -> Result<(), String> {
    let w = read(job)?;
    let stored = store::station::load(&state.db, &state.cipher, w.id)
        .await
        .map_err(|e| e.to_string())?;
    if !w.applies_to(&stored.demand.tracking) {
        return Ok(());
    }
    let title = format!("群众诉求办理{}预警：{}", w.colour(), stored.category);
    let body = format!("转办的群众诉求答复期限为 {}，请抓紧办理并答复。", w.due);
    tell_unit(state, &w, &title, &body, &format!("/demands/{}", w.id)).await
}

/// A letter's warning (意见建议 or 委员来信).
pub async fn letter(state: &AppState, job: &Job) -> Result<(), String> {
    let w = read(job)?;
    let stored = store::letter::load(&state.db, w.id)
        .await
        .map_err(|e| e.to_string())?;
    if !w.applies_to(&stored.letter.tracking) {
        return Ok(());
    }
    let kind = stored.letter.kind.label();
    let title = format!("{kind}回复{}预警：{}", w.colour(), stored.title);
    let body = format!("转交的{kind}回复期限为 {}，请抓紧办理并回复。", w.due);
    tell_unit(state, &w, &title, &body, &format!("/letters/{}", w.id)).await
}

fn read(job: &Job) -> Result<Warning, String> {
    serde_json::from_value(job.payload.clone()).map_err(|e| format!("bad payload: {e}"))
}

/// Tells every account of the warned unit, in one transaction.
pub async fn tell_unit(
    state: &AppState,
    w: &Warning,
    title: &str,
    body: &str,
    link: &str,
) -> Result<(), String> {
    let users = store::user::ids_of_unit(&state.db, domain::UnitId(w.unit_id))
        .await
        .map_err(|e| e.to_string())?;
    let mut tx = state.db.write().await.map_err(|e| e.to_string())?;
    for user in users {
        store::mail::notify_with_mail(&mut tx, state.now(), user, title, body, link)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}
