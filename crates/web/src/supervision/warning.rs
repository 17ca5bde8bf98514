//! The deadline-warning job of supervision opinions: tells the unit's
//! accounts that a rectification plan or results are due soon or overdue,
//! if still owed by the same date the job was made for.

use serde::Deserialize;
use store::job::Job;

use crate::state::AppState;

#[derive(Deserialize)]
struct WarningJob {
    topic_id: i64,
    opinion: u32,
    seq: u32,
    unit_id: i64,
    awaiting: String,
    level: String,
    due: String,
}

pub async fn run(state: &AppState, job: &Job) -> Result<(), String> {
    let w: WarningJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| format!("bad payload: {e}"))?;
    let stored = store::supervision::load(&state.db, domain::TopicId(w.topic_id))
        .await
        .map_err(|e| e.to_string())?;
    let Some(a) = stored
        .topic
        .opinion(w.opinion)
        .and_then(|o| o.tracking.assignments.iter().find(|a| a.seq == w.seq))
    else {
        return Ok(());
    };
    let owed = match (
        a.state.awaits_answer() && a.role.answers(),
        a.open_follow_up_due(),
    ) {
        (true, _) => Some(("plan", a.due)),
        (false, Some(due)) if a.state == domain::tracking::AssignmentState::Accepted => {
            Some(("results", due))
        }
        _ => None,
    };
    let still_due = owed.is_some_and(|(what, due)| what == w.awaiting && due.to_string() == w.due);
    if !still_due {
        return Ok(());
    }
    let what = if w.awaiting == "plan" {
        "整改方案"
    } else {
        "整改结果"
    };
    let title = match w.level.as_str() {
        "overdue" => format!("监督意见{what}已超期：{}", stored.topic.text.title),
        level => {
            let colour = match level {
                "blue" => "蓝色",
                "yellow" => "黄色",
                _ => "红色",
            };
            format!("监督意见{what}{colour}预警：{}", stored.topic.text.title)
        }
    };
    let body = format!("{what}报送期限为 {}，请抓紧办理。", w.due);
    let link = format!("/supervision/{}#opinion-{}", w.topic_id, w.opinion);
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
