//! `/users`: accounts, for the system administrator (账号管理). Roles are
//! the security administrator's business and passwords are set once here,
//! to be changed at first login; neither is edited through this resource.

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::field::required_text;
use domain::permission::{Action, Target};
use domain::{FieldErrors, UserId};
use store::user::{Account, AccountFilter, NewAccount};
use utoipa::OpenApi;

use self::json::{role_of, text, NewUserBody, UserBody, UserOut, UserQuery};
use super::auth::Caller;
use super::input::{checked, paging, ApiQuery, Id, Json};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

mod json;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/{id}", get(read).put(replace).patch(patch))
        .route("/users/{id}/deactivate", post(deactivate))
        .route("/users/{id}/activate", post(activate))
}

#[derive(OpenApi)]
#[openapi(paths(list, read, create, replace, patch, deactivate, activate))]
pub struct Doc;

/// Checks that the member or unit an account is linked to lies in the token's scope.
async fn check_links(state: &AppState, caller: &Caller, a: &NewAccount) -> Result<(), WebError> {
    let hidden = |field: &str, label: &str| {
        WebError::Invalid(FieldErrors::single(
            field,
            format!("所选{label}不存在，或不在令牌的管理范围内"),
        ))
    };
    if let Some(member) = a.member_id {
        match store::member::get_member(&state.db, caller.scope(), member).await {
            Ok(_) => {}
            Err(store::StoreError::NotFound) => return Err(hidden("member_id", "委员")),
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(unit) = a.unit_id {
        let filter = store::org::CatalogFilter {
            id: Some(unit.0),
            ..Default::default()
        };
        let units = store::org::catalog_page(
            &state.db,
            domain::catalog::CatalogKind::Unit,
            caller.scope(),
            &filter,
            1,
            1,
        )
        .await?;
        if units.rows.is_empty() {
            return Err(hidden("unit_id", "承办单位"));
        }
    }
    Ok(())
}

async fn load(state: &AppState, caller: &Caller, id: i64) -> Result<Account, WebError> {
    caller.may(Action::ManageAccounts, Target::None)?;
    let account = store::user::get_account(&state.db, UserId(id)).await?;
    caller.may(Action::ManageAccounts, Target::InOrg(&account.org_path))?;
    Ok(account)
}

async fn reread(state: &AppState, id: UserId) -> ApiResult<Json<UserOut>> {
    Ok(Json(UserOut::new(
        store::user::get_account(&state.db, id).await?,
        state.now(),
    )))
}

/// 账号列表（令牌所属组织及其下级）
#[utoipa::path(get, path = "/users", tag = "账号", params(UserQuery),
    responses((status = 200, description = "一页账号", body = ListPage<UserOut>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<UserQuery>,
) -> ApiResult<Json<ListPage<UserOut>>> {
    caller.may(Action::ManageAccounts, Target::None)?;
    let mut e = FieldErrors::new();
    let role = q
        .role
        .as_deref()
        .filter(|r| !r.trim().is_empty())
        .and_then(|r| e.take("role", role_of(r)));
    let (page, per_page) = paging(q.page.as_deref(), q.per_page.as_deref(), &mut e);
    let filter = checked(
        e,
        AccountFilter {
            q: q.q.clone(),
            role,
        },
    )?;
    let rows = store::user::list(&state.db, caller.scope(), &filter, page, per_page).await?;
    let now = state.now();
    Ok(Json(ListPage::new(rows, page, |a| UserOut::new(a, now))))
}

/// 查看账号
#[utoipa::path(get, path = "/users/{id}", tag = "账号", params(("id" = i64, Path)),
    responses((status = 200, description = "账号信息", body = UserOut)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<UserOut>> {
    Ok(Json(UserOut::new(
        load(&state, &caller, id).await?,
        state.now(),
    )))
}

/// 新建账号
#[utoipa::path(post, path = "/users", tag = "账号", request_body = NewUserBody,
    responses((status = 201, description = "已新建", body = UserOut)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<NewUserBody>,
) -> ApiResult<Response> {
    caller.may(Action::ManageAccounts, Target::None)?;
    let account = body
        .parse(&state.policy().await?)
        .map_err(WebError::Invalid)?;
    caller
        .org_for(&state, Action::ManageAccounts, account.org_id, "org_id")
        .await?;
    check_links(&state, &caller, &account).await?;
    let id = store::user::create(&state.db, state.now(), &caller.who(), &account).await?;
    let Json(out) = reread(&state, id).await?;
    Ok(created(&format!("/users/{id}"), out))
}

async fn update(
    state: AppState,
    caller: Caller,
    id: i64,
    body: UserBody,
    partial: bool,
) -> ApiResult<Json<UserOut>> {
    let account = load(&state, &caller, id).await?;
    let raw = match (&body.display_name, partial) {
        (None, true) => account.display_name.clone(),
        _ => text(&body.display_name).to_string(),
    };
    let display_name = required_text(&raw, "姓名", 30)
        .map_err(|m| WebError::Invalid(FieldErrors::single("display_name", m)))?;
    if display_name != account.display_name {
        store::user::set_display_name(
            &state.db,
            state.now(),
            &caller.who(),
            &account,
            &display_name,
        )
        .await?;
    }
    reread(&state, account.id).await
}

/// 修改账号（提交全部可编辑字段）
#[utoipa::path(put, path = "/users/{id}", tag = "账号", request_body = UserBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = UserOut)))]
pub async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<UserBody>,
) -> ApiResult<Json<UserOut>> {
    update(state, caller, id, body, false).await
}

/// 修改账号（只提交要改的字段）
#[utoipa::path(patch, path = "/users/{id}", tag = "账号", request_body = UserBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = UserOut)))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<UserBody>,
) -> ApiResult<Json<UserOut>> {
    update(state, caller, id, body, true).await
}

async fn set_disabled(
    state: AppState,
    caller: Caller,
    id: i64,
    disabled: bool,
) -> ApiResult<Json<UserOut>> {
    let account = load(&state, &caller, id).await?;
    store::user::set_disabled(&state.db, state.now(), &caller.who(), account.id, disabled).await?;
    reread(&state, account.id).await
}

/// 停用账号（从不删除；其会话在下次请求时结束）
#[utoipa::path(post, path = "/users/{id}/deactivate", tag = "账号", params(("id" = i64, Path)),
    responses((status = 200, description = "已停用", body = UserOut)))]
pub async fn deactivate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<UserOut>> {
    set_disabled(state, caller, id, true).await
}

/// 启用已停用的账号
#[utoipa::path(post, path = "/users/{id}/activate", tag = "账号", params(("id" = i64, Path)),
    responses((status = 200, description = "已启用", body = UserOut)))]
pub async fn activate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<UserOut>> {
    set_disabled(state, caller, id, false).await
}
