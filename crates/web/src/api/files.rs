//! `/api/v1` attachments: list a record's files, upload one (multipart,
//! field `file`) as the unit acting, download, and remove. The same checks
//! as the pages (`crate::files`): 404 for a record the caller may not see,
//! 403 where it may not attach now, 422 naming what is wrong with the file.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::routing::{delete, get, post};
use axum::Router;
use domain::permission::Target;
use domain::UnitId;
use serde::Serialize;
use store::files::{Attachment, Owner, OwnerKind};
use utoipa::{OpenApi, ToSchema};

use super::proposals::{Acting, ActingQuery};
use super::{created, Json};
use crate::error::{ApiError, ApiResult, WebError};
use crate::files::{attach, file_response, permission, remove_file, visible_file};
use crate::state::AppState;
use crate::upload::Upload;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/proposals/{id}/files", get(proposal_files))
        .route("/proposals/{id}/answers/{unit}/files", post(upload_answer))
        .route("/supervision/{id}/files", get(topic_files))
        .route(
            "/supervision/{id}/opinions/{seq}/units/{unit}/files",
            post(upload_evidence),
        )
        .route("/demands/{id}/files", get(demand_files))
        .route(
            "/demands/{id}/answers/{unit}/files",
            post(upload_demand_answer),
        )
        .route("/files/{id}", get(download))
        .route("/files/{id}", delete(remove))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        proposal_files,
        upload_answer,
        topic_files,
        upload_evidence,
        demand_files,
        upload_demand_answer,
        download,
        remove
    ),
    components(schemas(AttachmentOut, UploadForm))
)]
pub struct Doc;

/// 一个附件。part 为民主监督意见的序号（提案答复附件为 0）；sm3 为文件内容的 SM3 摘要（十六进制）。
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentOut {
    id: i64,
    owner_kind: &'static str,
    record_id: i64,
    unit_id: i64,
    part: i64,
    name: String,
    kind: &'static str,
    content_type: &'static str,
    size: i64,
    sm3: String,
    uploaded_by: String,
    /// Unix 秒
    uploaded_at: i64,
    download: String,
}

impl From<&Attachment> for AttachmentOut {
    fn from(a: &Attachment) -> Self {
        AttachmentOut {
            id: a.id,
            owner_kind: a.owner.kind.code(),
            record_id: a.owner.record,
            unit_id: a.owner.unit.0,
            part: a.owner.part,
            name: a.name.clone(),
            kind: a.kind.code(),
            content_type: a.kind.content_type(),
            size: a.size,
            sm3: a.digest.clone(),
            uploaded_by: a.uploaded_login.clone(),
            uploaded_at: a.uploaded_at,
            download: format!("/api/v1/files/{}", a.id),
        }
    }
}

/// multipart/form-data：字段 file 为文件本身（文件名取自上传的文件名）。
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Numbers in the path; anything else names no record (404).
fn numbers<const N: usize>(raw: &[(String, String)]) -> Result<[i64; N], ApiError> {
    let mut out = [0; N];
    if raw.len() != N {
        return Err(ApiError(WebError::NotFound));
    }
    for (slot, (_, text)) in out.iter_mut().zip(raw) {
        *slot = text.parse().map_err(|_| ApiError(WebError::NotFound))?;
    }
    Ok(out)
}

async fn list(
    state: &AppState,
    acting: &Acting,
    kind: OwnerKind,
    record: i64,
) -> ApiResult<Json<Vec<AttachmentOut>>> {
    acting.caller.may(permission(kind), Target::None)?;
    let files = store::files::of_record(&state.db, kind, record).await?;
    if !crate::files::may_see(state, &acting.me, kind, record).await? {
        return Err(WebError::NotFound.into());
    }
    Ok(Json(files.iter().map(AttachmentOut::from).collect()))
}

async fn upload(
    state: &AppState,
    acting: &Acting,
    owner: Owner,
    multipart: Multipart,
) -> ApiResult<Response> {
    acting.caller.may(permission(owner.kind), Target::None)?;
    let upload = Upload::read(multipart).await?;
    let added = attach(
        state,
        &acting.me,
        &acting.audit(),
        owner,
        &upload.file_name,
        &upload.bytes,
    )
    .await?;
    Ok(created(
        &format!("/files/{}", added.id),
        AttachmentOut::from(&added),
    ))
}

/// 提案各承办单位的答复附件
#[utoipa::path(get, path = "/proposals/{id}/files", tag = "附件", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "附件（按上传先后）", body = Vec<AttachmentOut>)))]
pub async fn proposal_files(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<AttachmentOut>>> {
    let [id] = numbers(&raw)?;
    list(&state, &acting, OwnerKind::ProposalAnswer, id).await
}

/// 上传答复附件（承办单位令牌，as_unit 为本单位；仅在本单位可起草答复时）
#[utoipa::path(post, path = "/proposals/{id}/answers/{unit}/files", tag = "附件",
    params(("id" = i64, Path), ("unit" = i64, Path), ActingQuery),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, description = "已上传", body = AttachmentOut)))]
pub async fn upload_answer(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
    multipart: Multipart,
) -> ApiResult<Response> {
    let [id, unit] = numbers(&raw)?;
    let owner = Owner::answer(OwnerKind::ProposalAnswer, id, UnitId(unit));
    upload(&state, &acting, owner, multipart).await
}

/// 民主监督议题各单位的整改材料
#[utoipa::path(get, path = "/supervision/{id}/files", tag = "附件", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "附件（按上传先后）", body = Vec<AttachmentOut>)))]
pub async fn topic_files(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<AttachmentOut>>> {
    let [id] = numbers(&raw)?;
    list(&state, &acting, OwnerKind::SupervisionEvidence, id).await
}

/// 上传整改方案或整改结果的佐证材料（承办单位令牌；仅在本单位可拟写整改方案或报送整改结果时）
#[utoipa::path(post, path = "/supervision/{id}/opinions/{seq}/units/{unit}/files", tag = "附件",
    params(("id" = i64, Path), ("seq" = i64, Path), ("unit" = i64, Path), ActingQuery),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, description = "已上传", body = AttachmentOut)))]
pub async fn upload_evidence(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
    multipart: Multipart,
) -> ApiResult<Response> {
    let [id, seq, unit] = numbers(&raw)?;
    let owner = Owner::evidence(id, seq, UnitId(unit));
    upload(&state, &acting, owner, multipart).await
}

/// 群众诉求各承办单位的答复附件
#[utoipa::path(get, path = "/demands/{id}/files", tag = "附件", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "附件（按上传先后）", body = Vec<AttachmentOut>)))]
pub async fn demand_files(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
) -> ApiResult<Json<Vec<AttachmentOut>>> {
    let [id] = numbers(&raw)?;
    list(&state, &acting, OwnerKind::DemandAnswer, id).await
}

/// 上传群众诉求的答复附件（承办单位令牌，as_unit 为本单位；仅在本单位可沟通或答复时）
#[utoipa::path(post, path = "/demands/{id}/answers/{unit}/files", tag = "附件",
    params(("id" = i64, Path), ("unit" = i64, Path), ActingQuery),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, description = "已上传", body = AttachmentOut)))]
pub async fn upload_demand_answer(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
    multipart: Multipart,
) -> ApiResult<Response> {
    let [id, unit] = numbers(&raw)?;
    let owner = Owner::answer(OwnerKind::DemandAnswer, id, UnitId(unit));
    upload(&state, &acting, owner, multipart).await
}

/// 下载附件（文件本身；看不到所属记录时为 404）
#[utoipa::path(get, path = "/files/{id}", tag = "附件", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "文件内容", content_type = "application/octet-stream")))]
pub async fn download(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
) -> ApiResult<Response> {
    let [id] = numbers(&raw)?;
    let file = store::files::get_one(&state.db, id).await?;
    acting
        .caller
        .may(permission(file.owner.kind), Target::None)?;
    let (file, _) = visible_file(&state, &acting.me, id).await?;
    Ok(file_response(&state, &file).await?)
}

/// 删除附件（上传单位在仍可修改答复或整改材料时；删除后不再列出，文件本身留档）
#[utoipa::path(delete, path = "/files/{id}", tag = "附件", params(("id" = i64, Path), ActingQuery),
    responses((status = 204, description = "已删除")))]
pub async fn remove(
    State(state): State<AppState>,
    acting: Acting,
    Path(raw): Path<Vec<(String, String)>>,
) -> ApiResult<axum::http::StatusCode> {
    let [id] = numbers(&raw)?;
    let file = store::files::get_one(&state.db, id).await?;
    acting
        .caller
        .may(permission(file.owner.kind), Target::None)?;
    remove_file(&state, &acting.me, &acting.audit(), id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
