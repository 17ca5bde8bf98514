//! `/members`: 委员. Personal data leaves only masked (`phone_masked`,
//! `id_masked`); the API never decrypts it.

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::member::MemberInput;
use domain::permission::{Action, Target};
use domain::{FieldErrors, MemberId};
use store::member::Member;
use utoipa::OpenApi;

use self::json::{input_of, MemberBody, MemberItem, MemberOut, MemberQuery};
use super::auth::Caller;
use super::input::{ApiQuery, Id, Json, Raw};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

mod json;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/members", get(list).post(create))
        .route("/members/{id}", get(read).put(replace).patch(patch))
        .route("/members/{id}/deactivate", post(deactivate))
        .route("/members/{id}/activate", post(activate))
}

#[derive(OpenApi)]
#[openapi(paths(list, read, create, replace, patch, deactivate, activate))]
pub struct Doc;

/// Reads one member the caller may `action`: 403 for a role that never may,
/// 404 for a record outside the token's scope.
async fn load(
    state: &AppState,
    caller: &Caller,
    action: Action,
    id: i64,
) -> Result<Member, WebError> {
    caller.may(action, Target::None)?;
    let member = store::member::get_member(&state.db, caller.scope(), MemberId(id)).await?;
    caller.may(action, Target::Member(&member.org_path, member.row.id))?;
    Ok(member)
}

async fn reread(state: &AppState, caller: &Caller, id: MemberId) -> ApiResult<Json<MemberOut>> {
    let member = store::member::get_member(&state.db, caller.scope(), id).await?;
    Ok(Json(MemberOut::from(member)))
}

/// 委员列表
#[utoipa::path(get, path = "/members", tag = "委员", params(MemberQuery),
    responses((status = 200, description = "一页委员", body = ListPage<MemberItem>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<MemberQuery>,
) -> ApiResult<Json<ListPage<MemberItem>>> {
    caller.may(Action::ViewMembers, Target::None)?;
    let (filter, page, per_page) = q.parse()?;
    let rows = store::member::list(&state.db, caller.scope(), &filter, page, per_page).await?;
    Ok(Json(ListPage::new(rows, page, MemberItem::from)))
}

/// 查看委员
#[utoipa::path(get, path = "/members/{id}", tag = "委员", params(("id" = i64, Path, description = "委员 id")),
    responses((status = 200, description = "委员信息", body = MemberOut)))]
pub async fn read(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<MemberOut>> {
    Ok(Json(MemberOut::from(
        load(&state, &caller, Action::ViewMembers, id).await?,
    )))
}

/// 新增委员
#[utoipa::path(post, path = "/members", tag = "委员", request_body = MemberBody,
    responses((status = 201, description = "已新增", body = MemberOut)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<MemberBody>,
) -> ApiResult<Response> {
    caller.may(Action::EditMembers, Target::None)?;
    let draft = body
        .over(MemberInput::default())
        .parse(state.today())
        .map_err(WebError::Invalid)?;
    caller
        .org_for(&state, Action::EditMembers, draft.org_id, "org_id")
        .await?;
    let id =
        store::member::create(&state.db, &state.cipher, state.now(), &caller.who(), &draft).await?;
    let Json(out) = reread(&state, &caller, id).await?;
    Ok(created(&format!("/members/{id}"), out))
}

async fn update(
    state: AppState,
    caller: Caller,
    id: i64,
    body: MemberBody,
    partial: bool,
) -> ApiResult<Json<MemberOut>> {
    let member = load(&state, &caller, Action::EditMembers, id).await?;
    // A member stays in their organisation; moving is a separate action.
    let moved = body
        .org_id
        .as_ref()
        .is_some_and(|Raw(o)| o.trim().parse::<i64>().ok() != Some(member.org_id.0));
    if moved {
        return Err(
            WebError::Invalid(FieldErrors::single("org_id", "委员的所属政协不能在此修改")).into(),
        );
    }
    let base = if partial {
        input_of(&member)
    } else {
        MemberInput::default()
    };
    let mut input = body.over(base);
    input.org_id = member.org_id.to_string();
    let draft = input.parse(state.today()).map_err(WebError::Invalid)?;
    store::member::update(
        &state.db,
        &state.cipher,
        state.now(),
        &caller.who(),
        &member,
        &draft,
    )
    .await?;
    reread(&state, &caller, member.row.id).await
}

/// 修改委员（提交全部可编辑字段）
#[utoipa::path(put, path = "/members/{id}", tag = "委员", request_body = MemberBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = MemberOut)))]
pub async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<MemberBody>,
) -> ApiResult<Json<MemberOut>> {
    update(state, caller, id, body, false).await
}

/// 修改委员（只提交要改的字段）
#[utoipa::path(patch, path = "/members/{id}", tag = "委员", request_body = MemberBody, params(("id" = i64, Path)),
    responses((status = 200, description = "已修改", body = MemberOut)))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
    Json(body): Json<MemberBody>,
) -> ApiResult<Json<MemberOut>> {
    update(state, caller, id, body, true).await
}

async fn set_active(
    state: AppState,
    caller: Caller,
    id: i64,
    active: bool,
) -> ApiResult<Json<MemberOut>> {
    let member = load(&state, &caller, Action::EditMembers, id).await?;
    store::member::set_active(&state.db, state.now(), &caller.who(), &member, active).await?;
    reread(&state, &caller, member.row.id).await
}

/// 停用委员（委员记录从不删除）
#[utoipa::path(post, path = "/members/{id}/deactivate", tag = "委员", params(("id" = i64, Path)),
    responses((status = 200, description = "已停用", body = MemberOut)))]
pub async fn deactivate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<MemberOut>> {
    set_active(state, caller, id, false).await
}

/// 恢复已停用的委员
#[utoipa::path(post, path = "/members/{id}/activate", tag = "委员", params(("id" = i64, Path)),
    responses((status = 200, description = "已恢复", body = MemberOut)))]
pub async fn activate(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> ApiResult<Json<MemberOut>> {
    set_active(state, caller, id, true).await
}
