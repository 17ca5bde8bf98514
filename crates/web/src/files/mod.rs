//! Attachments on the pages: a unit uploads files with its answer to a
//! proposal or to a citizen's demand, or as evidence of rectification for
//! a supervision opinion;
//! whoever may see the record downloads them. The checks are the rules'
//! (`place`), the file checks are `domain::files`, the storage is
//! `store::files`; the API (`api`) runs the same `attach` and `remove`.

mod block;
mod place;

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::permission::Target;
use domain::{FieldErrors, UnitId};
use serde::Deserialize;
use store::audit::Who;
use store::files::{Attachment, Owner, OwnerKind};

pub use block::{AttachError, FileBlock, FileBlocks};
pub use place::{
    access, demand_steps, may_see, open_places, permission, proposal_steps, record_path,
    topic_steps, Access,
};

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::state::AppState;
use crate::upload::Upload;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/proposals/{id}/answers/{unit}/files", post(upload_answer))
        .route(
            "/supervision/{id}/opinions/{seq}/units/{unit}/files",
            post(upload_evidence),
        )
        .route(
            "/demands/{id}/answers/{unit}/files",
            post(upload_demand_answer),
        )
        .route("/files/{id}", get(download))
        .route("/files/{id}/remove", post(remove))
}

/// Stores one upload at `owner` if `me` may attach there now: 404 if the
/// record is not theirs to see, 403 if they may not attach, 422 naming the
/// file's problem (type, content, size, count).
pub async fn attach(
    state: &AppState,
    me: &Participant,
    who: &Who,
    owner: Owner,
    file_name: &str,
    bytes: &[u8],
) -> Result<Attachment, WebError> {
    let access = access(state, me, &owner).await?;
    if !access.see {
        return Err(WebError::NotFound);
    }
    if !access.attach {
        return Err(WebError::Forbidden);
    }
    let already = store::files::of_owner(&state.db, owner).await?.len();
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let head = &bytes[..bytes.len().min(64)];
    let limits = state.config.attachment_limits();
    let accepted = domain::files::check_upload(file_name, size, head, already, &limits)
        .map_err(|m| WebError::Invalid(FieldErrors::single("file", m)))?;
    let file = store::files::NewFile {
        org: access.org,
        owner,
        accepted: &accepted,
        bytes,
    };
    let added = store::files::add(&state.db, &state.files, state.now(), who, file).await?;
    Ok(added)
}

/// A visible attachment, or 404 (missing, removed, or not this user's to see).
pub async fn visible_file(
    state: &AppState,
    me: &Participant,
    id: i64,
) -> Result<(Attachment, Access), WebError> {
    let file = store::files::get_one(&state.db, id).await?;
    let access = access(state, me, &file.owner).await?;
    if !access.see {
        return Err(WebError::NotFound);
    }
    Ok((file, access))
}

/// Hides an attachment if `me` may still change that place.
pub async fn remove_file(
    state: &AppState,
    me: &Participant,
    who: &Who,
    id: i64,
) -> Result<Attachment, WebError> {
    let (file, access) = visible_file(state, me, id).await?;
    if !access.attach {
        return Err(WebError::Forbidden);
    }
    store::files::remove(&state.db, state.now(), who, &file).await?;
    Ok(file)
}

/// The file's bytes as a download, with its own name and type.
pub async fn file_response(state: &AppState, file: &Attachment) -> Result<Response, WebError> {
    let bytes = state.files.read(&state.db, file).await?;
    let ascii = format!("attachment-{}.{}", file.id, file.kind.code());
    Ok(crate::view::download(
        &file.name,
        &ascii,
        file.kind.content_type(),
        bytes,
    ))
}

async fn upload_answer(
    State(state): State<AppState>,
    Path((id, unit)): Path<(i64, i64)>,
    user: User,
    multipart: Multipart,
) -> WebResult<Response> {
    let owner = Owner::answer(OwnerKind::ProposalAnswer, id, UnitId(unit));
    upload_page(&state, &user, owner, multipart).await
}

async fn upload_demand_answer(
    State(state): State<AppState>,
    Path((id, unit)): Path<(i64, i64)>,
    user: User,
    multipart: Multipart,
) -> WebResult<Response> {
    let owner = Owner::answer(OwnerKind::DemandAnswer, id, UnitId(unit));
    upload_page(&state, &user, owner, multipart).await
}

async fn upload_evidence(
    State(state): State<AppState>,
    Path((id, seq, unit)): Path<(i64, i64, i64)>,
    user: User,
    multipart: Multipart,
) -> WebResult<Response> {
    let owner = Owner::evidence(id, seq, UnitId(unit));
    upload_page(&state, &user, owner, multipart).await
}

/// The page upload: back to the record at the place, or the record page
/// again with the message beside the form (422).
async fn upload_page(
    state: &AppState,
    user: &User,
    owner: Owner,
    multipart: Multipart,
) -> WebResult<Response> {
    user.may(permission(owner.kind), Target::None)?;
    let me = Participant::from(user);
    let result = match Upload::read(multipart).await {
        Err(WebError::PayloadTooLarge) => Err(WebError::Invalid(FieldErrors::single(
            "file",
            format!(
                "文件超过 {} MB 的上限，请压缩或拆分后再上传",
                state.config.max_upload_mb
            ),
        ))),
        Err(e) => return Err(e),
        Ok(upload) => {
            upload.check_csrf(user)?;
            attach(
                state,
                &me,
                &user.who(),
                owner,
                &upload.file_name,
                &upload.bytes,
            )
            .await
        }
    };
    match result {
        Ok(_) => Ok(back_to(&owner, "attached")),
        Err(WebError::Invalid(errors)) => {
            let message = errors.get("file").unwrap_or("附件未能上传").to_string();
            let error = AttachError { owner, message };
            record_with_error(state, user, error).await
        }
        Err(e) => Err(e),
    }
}

/// The record page after an upload or removal, at the place's files.
fn back_to(owner: &Owner, done: &str) -> Response {
    let to = format!(
        "{}?done={done}#files-{}-{}",
        record_path(owner),
        owner.unit.0,
        owner.part
    );
    axum::response::Redirect::to(&to).into_response()
}

async fn record_with_error(
    state: &AppState,
    user: &User,
    error: AttachError,
) -> WebResult<Response> {
    match error.owner.kind {
        OwnerKind::ProposalAnswer => {
            crate::proposals::record_with_attach_error(state, user, error).await
        }
        OwnerKind::SupervisionEvidence => {
            crate::supervision::record_with_attach_error(state, user, error).await
        }
        OwnerKind::DemandAnswer => {
            crate::stations::record_with_attach_error(state, user, error).await
        }
    }
}

async fn download(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    user: User,
) -> WebResult<Response> {
    let file = store::files::get_one(&state.db, id).await?;
    user.may(permission(file.owner.kind), Target::None)?;
    let (file, _) = visible_file(&state, &Participant::from(&user), id).await?;
    file_response(&state, &file).await
}

#[derive(Deserialize)]
struct RemoveForm {}

async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<RemoveForm>,
) -> WebResult<Response> {
    let file = store::files::get_one(&state.db, id).await?;
    user.may(permission(file.owner.kind), Target::None)?;
    let file = remove_file(&state, &Participant::from(&user), &user.who(), id).await?;
    Ok(back_to(&file.owner, "removed"))
}
