//! `/api/v1/settings/stations` and `/api/v1/settings/supervision`: the same
//! settings as the pages (`module`), read with where they come from and the
//! defaults, and changed field by field with the same checks (422 naming
//! every bad field, nothing saved). The fields are the pages' fields.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::Router;
use domain::settings::form::{SettingsForm, Values};
use serde::Serialize;
use store::org::Org;
use utoipa::{OpenApi, ToSchema};

use super::api::{org_of, SettingsQuery, SourceOut};
use super::module::{Spec, STATIONS, SUPERVISION};
use crate::api::{Caller, Json};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/settings/stations",
            get(read_stations).put(replace_stations),
        )
        .route(
            "/settings/supervision",
            get(read_supervision).put(replace_supervision),
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(read_stations, replace_stations, read_supervision, replace_supervision),
    components(schemas(ModuleSettingsOut))
)]
pub struct Doc;

/// 现行设置、来源与默认值；`settings` 与 `defaults` 的字段与设置页面相同。
#[derive(Debug, Serialize, ToSchema)]
pub struct ModuleSettingsOut {
    org_id: i64,
    org_name: String,
    #[serde(flatten)]
    source: SourceOut,
    #[schema(value_type = Object)]
    settings: Values,
    #[schema(value_type = Object)]
    defaults: Values,
}

async fn read<T: SettingsForm + Serialize>(
    state: &AppState,
    caller: &Caller,
    spec: &Spec<T>,
    q: &SettingsQuery,
) -> Result<ModuleSettingsOut, WebError> {
    let org = org_of(state, caller, q.org_id.as_deref()).await?;
    let effective = spec.effective(state, &org).await?;
    Ok(out::<T>(
        &org,
        effective.value.values(),
        SourceOut::from(&effective.source),
    ))
}

fn out<T: SettingsForm>(org: &Org, settings: Values, source: SourceOut) -> ModuleSettingsOut {
    ModuleSettingsOut {
        org_id: org.id.0,
        org_name: org.name.clone(),
        source,
        settings,
        defaults: T::default().values(),
    }
}

/// Given fields over the settings in force; unknown fields are refused.
async fn replace<T: SettingsForm + Serialize>(
    state: &AppState,
    caller: &Caller,
    spec: &Spec<T>,
    mut body: serde_json::Map<String, serde_json::Value>,
) -> Result<ModuleSettingsOut, WebError> {
    let raw_org = body.remove("org_id").map(|v| crate::api::field_text(&v));
    let org = org_of(state, caller, raw_org.as_deref()).await?;
    let previous = spec.effective(state, &org).await?.value;
    let mut values = previous.values();
    let mut unknown = domain::FieldErrors::new();
    for (name, value) in body {
        if value.is_null() {
            continue;
        }
        match values.get_mut(&name) {
            Some(slot) => *slot = crate::api::field_text(&value),
            None => unknown.add(&name, format!("没有名为“{name}”的设置项")),
        }
    }
    if !unknown.is_empty() {
        return Err(WebError::Invalid(unknown));
    }
    let mut settings = T::parse(&values).map_err(WebError::Invalid)?;
    settings.keep_unlisted(&previous);
    spec.save(state, &caller.who(), &org, &settings).await?;
    let source = SourceOut::from(&store::org_settings::Source::Own);
    Ok(out::<T>(&org, settings.values(), source))
}

/// 查看委员工作站与群众诉求设置（公开表单限流、办结期限、转办答复期限、延期上限、预警天数）
#[utoipa::path(get, path = "/settings/stations", tag = "业务设置", params(SettingsQuery),
    responses((status = 200, description = "现行设置、来源与默认值", body = ModuleSettingsOut)))]
pub async fn read_stations(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<SettingsQuery>,
) -> ApiResult<Json<ModuleSettingsOut>> {
    Ok(Json(read(&state, &caller, &STATIONS, &q).await?))
}

/// 修改委员工作站与群众诉求设置：给出要改的字段（同设置页面），其余保持现行值；保存后本级使用自己的设置
#[utoipa::path(put, path = "/settings/stations", tag = "业务设置", request_body = Object,
    responses((status = 200, description = "已保存，返回现行设置", body = ModuleSettingsOut)))]
pub async fn replace_stations(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<ModuleSettingsOut>> {
    Ok(Json(replace(&state, &caller, &STATIONS, body).await?))
}

/// 查看民主监督整改期限（整改方案期限、整改结果期限、延期上限、预警天数）
#[utoipa::path(get, path = "/settings/supervision", tag = "业务设置", params(SettingsQuery),
    responses((status = 200, description = "现行设置、来源与默认值", body = ModuleSettingsOut)))]
pub async fn read_supervision(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<SettingsQuery>,
) -> ApiResult<Json<ModuleSettingsOut>> {
    Ok(Json(read(&state, &caller, &SUPERVISION, &q).await?))
}

/// 修改民主监督整改期限：给出要改的字段（同设置页面），其余保持现行值
#[utoipa::path(put, path = "/settings/supervision", tag = "业务设置", request_body = Object,
    responses((status = 200, description = "已保存，返回现行设置", body = ModuleSettingsOut)))]
pub async fn replace_supervision(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<ModuleSettingsOut>> {
    Ok(Json(replace(&state, &caller, &SUPERVISION, body).await?))
}
