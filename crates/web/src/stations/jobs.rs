//! The deadline warning of a forwarded demand: tells the unit's accounts,
//! if the answer is still awaited and the due date has not moved.

use serde::Deserialize;
use store::job::Job;

use crate::state::AppState;

#[derive(Deserialize)]
struct WarningJob {
    demand_id: i64,
    seq: u32,
    unit_id: i64,
    level: String,
    due: String,
}

pub async fn deadline_warning(state: &AppState, job: &Job) -> Result<(), String> {
    let w: WarningJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| format!("bad payload: {e}"))?;
    let stored = store::station::load(&state.db, &state.cipher, w.demand_id)
        .await
        .map_err(|e| e.to_string())?;
    let Some(a) = stored
        .demand
        .tracking
        .assignments
        .iter()
        .find(|a| a.seq == w.seq)
    else {
        return Ok(());
    };
    if !(a.state.awaits_answer() && a.role.answers() && a.due.to_string() == w.due) {
        return Ok(());
    }
    let colour = match w.level.as_str() {
        "blue" => "蓝色",
        "yellow" => "黄色",
        _ => "红色",
    };
    let title = format!("群众诉求办理{colour}预警：{}", stored.category);
    let body = format!("转办的群众诉求答复期限为 {}，请抓紧办理并答复。", w.due);
    let link = format!("/demands/{}", w.demand_id);
    let users = store::user::ids_of_unit(&state.db, domain::UnitId(w.unit_id))
        .await
        .map_err(|e| e.to_string())?;
    let mut tx = state.db.write().await.map_err(|e| e.to_string())?;
    for user in users {
        store::mail::notify_with_mail(&mut tx, state.now(), user, &title, &body, &link)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}
