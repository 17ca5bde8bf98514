//! Member import from .xlsx: download the template, upload, read the
//! row-by-row report, then import everything (clean file) or only the valid
//! rows. Nothing is written before that confirmation.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use domain::permission::{Action, Target};
use domain::OrgId;
use serde::Deserialize;
use store::import::{ImportError, Validation};
use store::org::Org;

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{attachment, done, opt_id, render, render_invalid};

#[derive(Template)]
#[template(path = "members/import.html")]
struct ImportPage {
    shell: Shell,
    orgs: Vec<Org>,
    default_org: OrgId,
    file_error: Option<String>,
    max_mb: u64,
    report: Option<Report>,
}

struct Report {
    batch: i64,
    file_name: String,
    v: Validation,
}

async fn page_for(
    state: &AppState,
    user: &User,
    default_org: OrgId,
    file_error: Option<String>,
    report: Option<Report>,
) -> WebResult<ImportPage> {
    Ok(ImportPage {
        shell: Shell::new(user, "批量导入委员", "/members"),
        orgs: state.filter_options(user).await?.orgs.clone(),
        default_org,
        file_error,
        max_mb: state.config.max_upload_mb,
        report,
    })
}

pub async fn page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Action::ImportMembers, Target::None)?;
    let org = user.live.account.org_id;
    render(page_for(&state, &user, org, None, None).await?)
}

pub async fn template(user: User) -> WebResult<Response> {
    user.may(Action::ImportMembers, Target::None)?;
    let bytes = store::xlsx::member_template()?;
    Ok(attachment("委员导入模板.xlsx", bytes))
}

/// Reads the multipart upload: the default organisation and the file.
async fn read_upload(
    user: &User,
    multipart: Multipart,
) -> WebResult<(String, Option<i64>, Vec<u8>)> {
    let upload = crate::upload::Upload::read(multipart).await?;
    upload.check_csrf(user)?;
    let org = opt_id(upload.field("org_id"));
    let name = if upload.file_name.is_empty() {
        "members.xlsx".to_string()
    } else {
        upload.file_name
    };
    Ok((name, org, upload.bytes))
}

async fn validate(
    state: &AppState,
    user: &User,
    org: OrgId,
    bytes: &[u8],
) -> WebResult<Result<Validation, String>> {
    let scope = &user.live.account.org_path;
    match store::import::validate(&state.db, &state.cipher, scope, org, state.today(), bytes).await
    {
        Ok(v) => Ok(Ok(v)),
        Err(ImportError::File(message)) => Ok(Err(message)),
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

pub async fn upload(
    State(state): State<AppState>,
    user: User,
    multipart: Multipart,
) -> WebResult<Response> {
    user.may(Action::ImportMembers, Target::None)?;
    let (file_name, org, bytes) = match read_upload(&user, multipart).await {
        Err(WebError::PayloadTooLarge) => {
            let message = format!(
                "文件超过 {} MB，请拆分后分批导入",
                state.config.max_upload_mb
            );
            return render_invalid(
                page_for(&state, &user, user.live.account.org_id, Some(message), None).await?,
            );
        }
        other => other?,
    };
    let org = OrgId(org.unwrap_or(user.live.account.org_id.0));
    let org_path = store::org::get_org(&state.db, org).await?.path;
    user.may(Action::ImportMembers, Target::InOrg(&org_path))?;
    if bytes.is_empty() {
        return render_invalid(
            page_for(
                &state,
                &user,
                org,
                Some("请选择要导入的 .xlsx 文件".into()),
                None,
            )
            .await?,
        );
    }
    match validate(&state, &user, org, &bytes).await? {
        Err(message) => render_invalid(page_for(&state, &user, org, Some(message), None).await?),
        Ok(v) => {
            let batch = store::import::park(
                &state.db,
                state.now(),
                user.live.account.id,
                org,
                &file_name,
                &bytes,
            )
            .await?;
            render(
                page_for(
                    &state,
                    &user,
                    org,
                    None,
                    Some(Report {
                        batch,
                        file_name,
                        v,
                    }),
                )
                .await?,
            )
        }
    }
}

#[derive(Deserialize)]
pub struct Nothing {}

/// Imports the parked file's valid rows, checking them again first.
pub async fn confirm(
    State(state): State<AppState>,
    Path(batch): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    user.may(Action::ImportMembers, Target::None)?;
    let parked = store::import::parked(&state.db, batch, user.live.account.id).await?;
    let v = match validate(&state, &user, parked.default_org, &parked.bytes).await? {
        Ok(v) => v,
        Err(message) => return Err(WebError::BadRequest(message)),
    };
    if v.valid.is_empty() {
        return Err(WebError::BadRequest("文件中没有可导入的有效记录".into()));
    }
    // Consuming the batch and inserting share one transaction: a double
    // click cannot import twice.
    store::import::import_parked(
        &state.db,
        &state.cipher,
        state.now(),
        &user.who(),
        batch,
        &parked.file_name,
        &v.valid,
    )
    .await?;
    Ok(done("/members", "imported"))
}
