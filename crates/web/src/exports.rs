//! Finished background exports are kept for `Config::export_keep_days`;
//! then a job (enqueued when the file was written) removes the file and
//! the export stays listed as expired, so the data folder does not grow
//! with every compendium ever built.

use store::job::Job;

/// The `export.expire` job.
pub async fn expire(state: &crate::state::AppState, job: &Job) -> Result<(), String> {
    let id = job
        .payload
        .get("export_id")
        .and_then(serde_json::Value::as_i64)
        .ok_or("bad payload")?;
    let e = store::export::get_export(&state.db, id)
        .await
        .map_err(|e| e.to_string())?;
    if !e.is_done() {
        return Ok(());
    }
    if !e.file.is_empty() && !e.file.contains(['/', '\\']) {
        let path = state.config.data_dir.join("exports").join(&e.file);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => {}
            // Another app server sharing the folder got there first.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(format!("remove {}: {err}", path.display())),
        }
    }
    store::export::expired(&state.db, state.now(), id)
        .await
        .map_err(|e| e.to_string())
}
