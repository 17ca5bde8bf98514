//! 批量交办 by spreadsheet: download the plan prefilled with the same rows
//! as the page, fill it in Excel, upload it. The whole plan is checked and
//! applied all or nothing; every bad row is named on the page.

use axum::extract::{Multipart, Query, State};
use axum::response::Response;

use super::assign::{bulk, page_for, staff_org, AssignQuery};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::view::{attachment, done, render_invalid};

pub async fn template(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<AssignQuery>,
) -> WebResult<Response> {
    let org = staff_org(&user)?;
    let rows = store::proposal::assignable(&state.db, org, Some(&q.category)).await?;
    let units = store::proposal::units_of(&state.db, org).await?;
    let bytes = store::proposal::plan_sheet::plan_template(&rows, &units)?;
    Ok(attachment("交办方案.xlsx", bytes))
}

/// Reads the multipart upload: the CSRF token and the file.
async fn read_upload(user: &User, multipart: Multipart) -> WebResult<Vec<u8>> {
    let upload = crate::upload::Upload::read(multipart).await?;
    upload.check_csrf(user)?;
    Ok(upload.bytes)
}

pub async fn upload(
    State(state): State<AppState>,
    user: User,
    multipart: Multipart,
) -> WebResult<Response> {
    let org = staff_org(&user)?;
    let refused = |message: String| async {
        let mut page = page_for(&state, &user, org, "", false).await?;
        page.file_error = Some(message);
        render_invalid(page)
    };
    let bytes = match read_upload(&user, multipart).await {
        Err(WebError::PayloadTooLarge) => {
            let mb = state.config.max_upload_mb;
            return refused(format!("文件超过 {mb} MB，请拆分后分批上传")).await;
        }
        other => other?,
    };
    // calamine works synchronously: off the async workers.
    let read = tokio::task::spawn_blocking(move || store::proposal::plan_sheet::read_plan(&bytes))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let rows = match read {
        Ok(rows) => rows,
        Err(message) => return refused(message).await,
    };
    match bulk(&state, &user, org, &rows).await? {
        Ok(n) => Ok(done(&format!("/proposals/assign?n={n}"), "assigned")),
        Err(problems) => {
            let mut page = page_for(&state, &user, org, "", false).await?;
            page.file_error = Some(format!(
                "方案中有 {} 行有误，本次没有交办任何提案，请在 Excel 中修改后重新上传",
                problems.len()
            ));
            page.problems = problems.iter().map(|p| p.describe()).collect();
            render_invalid(page)
        }
    }
}
