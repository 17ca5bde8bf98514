//! `/members`: 委员. Personal data leaves only masked (`phone_masked`,
//! `id_masked`); the API never decrypts it.

use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::member::{Gender, MemberInput, Party, Post};
use domain::permission::{Action, Target};
use domain::{FieldErrors, MemberId};
use serde::{Deserialize, Serialize};
use store::member::{Member, MemberFilter, MemberRow};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::auth::Caller;
use super::input::{checked, id_filter, overlay, paging, ApiQuery, Id, Json, Raw};
use super::{created, ListPage};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

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

/// 委员列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// 姓名关键字
    q: Option<String>,
    /// 所属政协 id
    #[param(value_type = Option<i64>)]
    org_id: Option<String>,
    /// 界别名称，如“教育界”（跨政协按名称筛选）
    sector: Option<String>,
    /// 专委会名称
    committee: Option<String>,
    /// 政治面貌代码，如 `cpc`、`non_party`
    party: Option<String>,
    /// 职务代码：`chair`、`vice_chair`、`secretary_general`、`standing`、`member`
    post: Option<String>,
    /// `inactive` 只看已停用的委员；默认只看在任委员
    status: Option<String>,
    /// 页码，从 1 开始
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    /// 每页条数，1 到 100，默认 20
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

impl MemberQuery {
    fn parse(&self) -> Result<(MemberFilter, i64, i64), WebError> {
        let mut e = FieldErrors::new();
        let party = e
            .take("party", choice(text(&self.party), "政治面貌", Party::parse))
            .flatten();
        let post = e
            .take("post", choice(text(&self.post), "职务", Post::parse))
            .flatten();
        let inactive = match text(&self.status).as_deref() {
            None | Some("active") => false,
            Some("inactive") => true,
            Some(other) => {
                e.add(
                    "status",
                    format!("状态“{other}”无效，可选 active、inactive"),
                );
                false
            }
        };
        let filter = MemberFilter {
            q: text(&self.q),
            org_id: id_filter(self.org_id.as_deref(), "org_id", "所属政协", &mut e),
            sector: text(&self.sector),
            committee: text(&self.committee),
            party,
            post,
            inactive,
        };
        let (page, per_page) = paging(self.page.as_deref(), self.per_page.as_deref(), &mut e);
        checked(e, (filter, page, per_page))
    }
}

fn text(raw: &Option<String>) -> Option<String> {
    raw.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// An optional code filter: absent is none, an unknown code is an error.
fn choice<T>(
    raw: Option<String>,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    match raw {
        None => Ok(None),
        Some(r) => parse(&r)
            .map(Some)
            .ok_or_else(|| format!("“{r}”不是可选的{what}")),
    }
}

/// 委员列表中的一行。
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberItem {
    id: i64,
    name: String,
    /// 性别代码：`male`、`female`
    gender: String,
    gender_label: String,
    /// 政治面貌代码
    party: String,
    party_label: String,
    /// 职务代码
    post: String,
    post_label: String,
    org_name: String,
    sector_name: String,
    committee_name: String,
    work_unit: String,
    job_title: String,
    /// 脱敏手机号，如 `138****5678`
    phone_masked: String,
    active: bool,
}

/// A code from a stored label (list rows carry labels).
fn code<T: Copy>(label: &str, parse: fn(&str) -> Option<T>, code: fn(T) -> &'static str) -> String {
    parse(label).map(code).unwrap_or(label).to_string()
}

impl From<MemberRow> for MemberItem {
    fn from(r: MemberRow) -> Self {
        MemberItem {
            id: r.id.0,
            gender: code(&r.gender, Gender::parse, Gender::code),
            party: code(&r.party, Party::parse, Party::code),
            post: code(&r.post, Post::parse, Post::code),
            name: r.name,
            gender_label: r.gender,
            party_label: r.party,
            post_label: r.post,
            org_name: r.org_name,
            sector_name: r.sector_name,
            committee_name: r.committee_name,
            work_unit: r.work_unit,
            job_title: r.job_title,
            phone_masked: r.phone_masked,
            active: r.active,
        }
    }
}

/// 一名委员的完整信息（个人信息仅脱敏显示）。
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    #[serde(flatten)]
    item: MemberItem,
    org_id: i64,
    ethnicity: String,
    /// 出生日期，`1965-03-09`；未登记为空
    birth_date: String,
    sector_id: i64,
    committee_id: Option<i64>,
    term_id: Option<i64>,
    term_name: String,
    /// 脱敏身份证号，如 `500103********1234`
    id_masked: String,
    email: String,
    address: String,
}

impl From<Member> for MemberOut {
    fn from(m: Member) -> Self {
        MemberOut {
            item: MemberItem::from(m.row),
            org_id: m.org_id.0,
            ethnicity: m.ethnicity,
            birth_date: m.birth_date,
            sector_id: m.sector_id,
            committee_id: m.committee_id,
            term_id: m.term_id,
            term_name: m.term_name,
            id_masked: m.id_masked,
            email: m.email,
            address: m.address,
        }
    }
}

/// 新增或修改委员。取值可为文字或数字；PATCH 中省略或为 null 的字段保持不变。
/// `phone`、`id_number` 留空表示保持原值（接口从不返回完整值）。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberBody {
    #[schema(value_type = Option<String>, example = "张伟")]
    name: Option<Raw>,
    /// `male`/`female` 或 男/女
    #[schema(value_type = Option<String>, example = "male")]
    gender: Option<Raw>,
    /// 默认“汉族”
    #[schema(value_type = Option<String>)]
    ethnicity: Option<Raw>,
    #[schema(value_type = Option<String>, example = "1968-05-12")]
    birth_date: Option<Raw>,
    /// 政治面貌代码或名称
    #[schema(value_type = Option<String>, example = "cpc")]
    party: Option<Raw>,
    /// 所属政协 id；新增时必填，修改时不能变更
    #[schema(value_type = Option<i64>)]
    org_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    sector_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    committee_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    term_id: Option<Raw>,
    /// 职务代码或名称
    #[schema(value_type = Option<String>, example = "member")]
    post: Option<Raw>,
    #[schema(value_type = Option<String>)]
    work_unit: Option<Raw>,
    #[schema(value_type = Option<String>)]
    job_title: Option<Raw>,
    #[schema(value_type = Option<String>, example = "13812345678")]
    phone: Option<Raw>,
    #[schema(value_type = Option<String>)]
    id_number: Option<Raw>,
    #[schema(value_type = Option<String>)]
    email: Option<Raw>,
    #[schema(value_type = Option<String>)]
    address: Option<Raw>,
}

impl MemberBody {
    fn over(self, mut input: MemberInput) -> MemberInput {
        overlay!(self => input; name, gender, ethnicity, birth_date, party, org_id, sector_id,
            committee_id, term_id, post, work_unit, job_title, phone, id_number, email, address);
        input
    }
}

/// The stored record as input, for PATCH. Phone and ID stay empty: empty keeps them.
fn input_of(m: &Member) -> MemberInput {
    MemberInput {
        name: m.row.name.clone(),
        gender: m.gender_code.clone(),
        ethnicity: m.ethnicity.clone(),
        birth_date: m.birth_date.clone(),
        party: m.party_code.clone(),
        org_id: m.org_id.to_string(),
        sector_id: m.sector_id.to_string(),
        committee_id: m.committee_id.map(|c| c.to_string()).unwrap_or_default(),
        term_id: m.term_id.map(|t| t.to_string()).unwrap_or_default(),
        post: m.post_code.clone(),
        work_unit: m.row.work_unit.clone(),
        job_title: m.row.job_title.clone(),
        phone: String::new(),
        id_number: String::new(),
        email: m.email.clone(),
        address: m.address.clone(),
    }
}

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
