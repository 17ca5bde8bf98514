//! `/orgs`: the organisation tree (政协组织). Anyone who may see the
//! structure reads it; only the system administrator edits it, and only
//! below the token's own organisation.

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::org::OrgLevel;
use domain::permission::{Action, Target};
use domain::{FieldErrors, OrgId};
use serde::{Deserialize, Serialize};
use store::org::{Org, OrgFilter, OrgInput};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::auth::Caller;
use super::input::{checked, id_filter, overlay, paging, status_filter, ApiQuery, Id, Json, Raw};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs", get(list).post(create))
        .route("/orgs/{id}", get(read).put(replace).patch(patch))
        .route("/orgs/{id}/deactivate", post(deactivate))
        .route("/orgs/{id}/activate", post(activate))
}

#[derive(OpenApi)]
#[openapi(paths(list, read, create, replace, patch, deactivate, activate))]
pub struct Doc;

/// 组织列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct OrgQuery {
    /// 名称或简称关键字
    q: Option<String>,
    /// 层级：`national`、`province`、`city`、`district`
    level: Option<String>,
    /// 上级组织 id
    #[param(value_type = Option<i64>)]
    parent_id: Option<String>,
    /// `active`（默认）、`inactive` 或 `all`
    status: Option<String>,
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

impl OrgQuery {
    fn parse(&self) -> Result<(OrgFilter, i64, i64), WebError> {
        let mut e = FieldErrors::new();
        let level = match self
            .level
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            None => None,
            Some(code) => e.take(
                "level",
                OrgLevel::from_code(code).ok_or_else(|| format!("层级“{code}”无效")),
            ),
        };
        let filter = OrgFilter {
            q: self.q.clone(),
            level,
            parent_id: id_filter(self.parent_id.as_deref(), "parent_id", "上级组织", &mut e)
                .map(OrgId),
            active: status_filter(self.status.as_deref(), &mut e),
        };
        let (page, per_page) = paging(self.page.as_deref(), self.per_page.as_deref(), &mut e);
        checked(e, (filter, page, per_page))
    }
}

/// 一个政协组织。
#[derive(Debug, Serialize, ToSchema)]
pub struct OrgOut {
    id: i64,
    parent_id: Option<i64>,
    name: String,
    short_name: String,
    /// 层级代码
    level: String,
    level_label: String,
    /// 物化路径，如 `/1/7/`
    path: String,
    active: bool,
}

impl From<Org> for OrgOut {
    fn from(o: Org) -> Self {
        OrgOut {
            level_label: o.level_label().to_string(),
            id: o.id.0,
            parent_id: o.parent_id.map(|p| p.0),
            name: o.name,
            short_name: o.short_name,
            level: o.level,
            path: o.path.as_str().to_string(),
            active: o.active,
        }
    }
}

/// 新增或修改组织。PATCH 中省略或为 null 的字段保持不变。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgBody {
    #[schema(value_type = Option<String>, example = "中国人民政治协商会议重庆市渝中区委员会")]
    name: Option<Raw>,
    #[schema(value_type = Option<String>, example = "渝中区政协")]
    short_name: Option<Raw>,
    /// 层级代码
    #[schema(value_type = Option<String>, example = "district")]
    level: Option<Raw>,
    /// 上级组织 id；新增时必填，修改时不能变更
    #[schema(value_type = Option<i64>)]
    parent_id: Option<Raw>,
    /// 排序号，默认 0
    #[schema(value_type = Option<i64>)]
    sort: Option<Raw>,
}

impl OrgBody {
    fn over(self, mut input: OrgInput) -> OrgInput {
        overlay!(self => input; name, short_name, level, parent_id, sort);
        input
    }
}

async fn load(state: &AppState, caller: &Caller, action: Action, id: i64) -> Result<Org, WebError> {
    caller.may(action, Target::None)?;
    let org = store::org::get_org(&state.db, OrgId(id)).await?;
    caller.may(action, Target::InOrg(&org.path))?;
    Ok(org)
}

/// The stored organisation as input, for PATCH and (de)activation.
async fn input_of(state: &AppState, org: &Org) -> Result<OrgInput, WebError> {
    Ok(OrgInput {
        name: org.name.clone(),
        short_name: org.short_name.clone(),
        level: org.level.clone(),
        parent_id: org.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        sort: store::org::org_sort(&state.db, org.id).await?.to_string(),
    })
}

async fn reread(state: &AppState, id: OrgId) -> ApiResult<Json<OrgOut>> {
    Ok(Json(OrgOut::from(
        store::org::get_org(&state.db, id).await?,
    )))
}

/// 组织列表（令牌所属组织及其下级）
#[utoipa::path(get, path = "/orgs", tag = "政协组织", params(OrgQuery),
    responses((status = 200, description = "一页组织", body = ListPage<OrgOut>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<OrgQuery>,
) -> ApiResult<Json<ListPage<OrgOut>>> {
    caller.may(Action::ViewStructure, Target::None)?;
    let (filter, page, per_page) = q.parse()?;
    let rows = store::org::org_page(&state.db, caller.scope(), &filter, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, OrgOut::from)))
}

/// 查看组织
#[utoipa::path(get, path = "/orgs/{id}", tag = "政协组织", params(("id" = i64, Path)),
    responses((status = 200, description = "组织信息", body = OrgOut)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<OrgOut>> {
    Ok(Json(OrgOut::from(
        load(&state, &caller, Action::ViewStructure, id).await?,
    )))
}

/// 新增下级组织
#[utoipa::path(post, path = "/orgs", tag = "政协组织", request_body = OrgBody,
    responses((status = 201, description = "已新增", body = OrgOut)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<OrgBody>,
) -> ApiResult<Response> {
    caller.may(Action::EditOrganisations, Target::None)?;
    let draft = body
        .over(OrgInput::default())
        .parse()
        .map_err(WebError::Invalid)?;
    // A new root would lie outside every token's scope.
    let parent = draft
        .parent
        .ok_or_else(|| WebError::Invalid(FieldErrors::single("parent_id", "请选择上级组织")))?;
    caller
        .org_for(&state, Action::EditOrganisations, parent, "parent_id")
        .await?;
    let id = store::org::create_org(&state.db, state.now(), &caller.who(), &draft).await?;
    let Json(out) = reread(&state, id).await?;
    Ok(created(&format!("/orgs/{id}"), out))
}

async fn update(
    state: AppState,
    caller: Caller,
    id: i64,
    body: OrgBody,
    partial: bool,
) -> ApiResult<Json<OrgOut>> {
    let org = load(&state, &caller, Action::EditOrganisations, id).await?;
    let current = input_of(&state, &org).await?;
    let moved = body
        .parent_id
        .as_ref()
        .is_some_and(|Raw(p)| p.trim() != current.parent_id);
    if moved {
        return Err(
            WebError::Invalid(FieldErrors::single("parent_id", "组织的上级不能修改")).into(),
        );
    }
    let base = if partial {
        current
    } else {
        OrgInput {
            parent_id: current.parent_id,
            ..OrgInput::default()
        }
    };
    let draft = body.over(base).parse().map_err(WebError::Invalid)?;
    store::org::update_org(
        &state.db,
        state.now(),
        &caller.who(),
        org.id,
        &draft,
        org.active,
    )
    .await?;
    reread(&state, org.id).await
}

/// 修改组织（提交全部可编辑字段）
#[utoipa::path(put, path = "/orgs/{id}", tag = "政协组织", request_body = OrgBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = OrgOut)))]
pub async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<OrgBody>,
) -> ApiResult<Json<OrgOut>> {
    update(state, caller, id, body, false).await
}

/// 修改组织（只提交要改的字段）
#[utoipa::path(patch, path = "/orgs/{id}", tag = "政协组织", request_body = OrgBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = OrgOut)))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<OrgBody>,
) -> ApiResult<Json<OrgOut>> {
    update(state, caller, id, body, true).await
}

async fn set_active(
    state: AppState,
    caller: Caller,
    id: i64,
    active: bool,
) -> ApiResult<Json<OrgOut>> {
    let org = load(&state, &caller, Action::EditOrganisations, id).await?;
    let draft = input_of(&state, &org)
        .await?
        .parse()
        .map_err(WebError::Invalid)?;
    store::org::update_org(
        &state.db,
        state.now(),
        &caller.who(),
        org.id,
        &draft,
        active,
    )
    .await?;
    reread(&state, org.id).await
}

/// 停用组织（从不删除）
#[utoipa::path(post, path = "/orgs/{id}/deactivate", tag = "政协组织", params(("id" = i64, Path)),
    responses((status = 200, description = "已停用", body = OrgOut)))]
pub async fn deactivate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<OrgOut>> {
    set_active(state, caller, id, false).await
}

/// 恢复已停用的组织
#[utoipa::path(post, path = "/orgs/{id}/activate", tag = "政协组织", params(("id" = i64, Path)),
    responses((status = 200, description = "已恢复", body = OrgOut)))]
pub async fn activate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<OrgOut>> {
    set_active(state, caller, id, true).await
}
