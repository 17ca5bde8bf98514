//! `/users`: accounts, for the system administrator (账号管理). Roles are
//! the security administrator's business and passwords are set once here,
//! to be changed at first login; neither is edited through this resource.

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::field::required_text;
use domain::permission::{Action, Target};
use domain::{FieldErrors, MemberId, OrgId, Role, UnitId, UserId};
use serde::{Deserialize, Serialize};
use store::user::{Account, AccountFilter, NewAccount};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::auth::Caller;
use super::input::{checked, paging, ApiQuery, Id, Json, Raw};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

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

/// 账号列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// 登录名或姓名关键字
    q: Option<String>,
    /// 角色代码，如 `staff`
    role: Option<String>,
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

fn role_of(raw: &str) -> Result<Role, String> {
    Role::from_code(raw.trim()).ok_or_else(|| format!("角色“{}”无效", raw.trim()))
}

/// 一个账号（不含密码）。
#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    id: i64,
    login: String,
    display_name: String,
    /// 角色代码
    role: String,
    role_label: String,
    org_id: i64,
    org_name: String,
    member_id: Option<i64>,
    unit_id: Option<i64>,
    must_change_password: bool,
    /// 已停用
    disabled: bool,
    /// 因连续登录失败而锁定中
    locked: bool,
    /// 上次登录时间（Unix 秒）
    last_login_at: Option<i64>,
}

impl UserOut {
    fn new(a: Account, now: i64) -> Self {
        UserOut {
            locked: a.is_locked(now),
            id: a.id.0,
            login: a.login,
            display_name: a.display_name,
            role: a.role.code().to_string(),
            role_label: a.role.label().to_string(),
            org_id: a.org_id.0,
            org_name: a.org_name,
            member_id: a.member_id.map(|m| m.0),
            unit_id: a.unit_id.map(|u| u.0),
            must_change_password: a.must_change_password,
            disabled: a.disabled,
            last_login_at: a.last_login_at,
        }
    }
}

/// 新建账号。初始密码须符合安全策略，首次登录时必须修改。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    /// 3 到 32 位字母、数字或 `_` `.` `-`
    #[schema(value_type = String, example = "zhangwei")]
    login: Option<Raw>,
    #[schema(value_type = String, example = "张伟")]
    display_name: Option<Raw>,
    /// 业务角色：`member`、`staff`、`leader`、`unit_clerk`（管理员账号不经接口创建）
    #[schema(value_type = String, example = "staff")]
    role: Option<Raw>,
    #[schema(value_type = i64)]
    org_id: Option<Raw>,
    /// 委员账号关联的委员 id（角色为 member 时必填）
    #[schema(value_type = Option<i64>)]
    member_id: Option<Raw>,
    /// 承办单位账号关联的承办单位 id（角色为 unit_clerk 时必填）
    #[schema(value_type = Option<i64>)]
    unit_id: Option<Raw>,
    /// 初始密码
    #[schema(value_type = String)]
    password: Option<Raw>,
}

/// 修改账号：目前可改的只有姓名。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserBody {
    #[schema(value_type = Option<String>, example = "张伟")]
    display_name: Option<Raw>,
}

fn text(raw: &Option<Raw>) -> &str {
    raw.as_ref().map(|Raw(v)| v.trim()).unwrap_or("")
}

fn parse_login(raw: &str) -> Result<String, String> {
    let ok = (3..=32).contains(&raw.len())
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(raw.to_string())
    } else {
        Err("登录名应为3到32位字母、数字或 _ . -".into())
    }
}

/// A link id that the role needs (`Some`) or must not have (`None`).
fn link(raw: &str, needed: bool, label: &str) -> Result<Option<i64>, String> {
    match (raw.is_empty(), needed) {
        (true, false) => Ok(None),
        (true, true) => Err(format!("请填写{label}")),
        (false, false) => Err(format!("此角色不关联{label}")),
        (false, true) => raw
            .parse::<i64>()
            .ok()
            .filter(|v| *v > 0)
            .map(Some)
            .ok_or_else(|| format!("{label}应为正整数")),
    }
}

impl NewUserBody {
    /// Parses every field and reports every error at once.
    fn parse(&self, policy: &domain::security::SecurityPolicy) -> Result<NewAccount, FieldErrors> {
        let mut e = FieldErrors::new();
        let login = e.take("login", parse_login(text(&self.login)));
        let display_name = e.take(
            "display_name",
            required_text(text(&self.display_name), "姓名", 30),
        );
        // The three administrators are set up by the security administrator,
        // never by a token (三员分立).
        let role = role_of(text(&self.role)).and_then(|r| {
            if r.is_admin() {
                Err("接口不能创建管理员账号".into())
            } else {
                Ok(r)
            }
        });
        let role = e.take(
            "role",
            if text(&self.role).is_empty() {
                Err("请选择角色".into())
            } else {
                role
            },
        );
        let org_id = e.take("org_id", link(text(&self.org_id), true, "所属政协"));
        let member_id = role.and_then(|r| {
            e.take(
                "member_id",
                link(text(&self.member_id), r == Role::Member, "委员"),
            )
        });
        let unit_id = role.and_then(|r| {
            e.take(
                "unit_id",
                link(text(&self.unit_id), r == Role::UnitClerk, "承办单位"),
            )
        });
        let password = text(&self.password).to_string();
        let checked = policy.check_password(&password, login.as_deref().unwrap_or(""));
        e.take("password", checked);
        e.finish(|| {
            Some(NewAccount {
                login: login?,
                display_name: display_name?,
                role: role?,
                org_id: OrgId(org_id??),
                member_id: member_id?.map(MemberId),
                unit_id: unit_id?.map(UnitId),
                password,
                must_change_password: true,
            })
        })
    }
}

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
