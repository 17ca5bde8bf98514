//! The JSON API under `/api/v1`: organisations, the structure lists, members
//! and accounts. Callers authenticate with a bearer token; permission is the
//! same function the pages ask; every error is `application/problem+json`.
//! The OpenAPI document is generated from these handlers and served at
//! `/api/v1/openapi.json`.

mod auth;
mod catalogs;
mod files;
mod input;
mod letters;
mod members;
mod opinions;
mod orgs;
mod proposals;
mod stations;
mod supervision;
mod users;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{OpenApi, ToSchema};

pub use auth::Caller;
pub use input::{field_text, Json, Raw};

use crate::error::WebError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi_json))
        .merge(orgs::routes())
        .merge(catalogs::routes())
        .merge(members::routes())
        .merge(users::routes())
        .merge(proposals::routes())
        .merge(opinions::routes())
        .merge(stations::routes())
        .merge(letters::routes())
        .merge(supervision::routes())
        .merge(files::routes())
        .merge(crate::settings::api::routes())
        .merge(crate::settings::api_module::routes())
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
}

async fn not_found() -> Response {
    WebError::NotFound.into_problem()
}

/// Records are never deleted, so a DELETE is the usual way to get here.
/// (`WebError` has no 405; this is the API's one hand-built problem.)
async fn method_not_allowed() -> Response {
    let body = serde_json::json!({
        "type": "about:blank",
        "title": "不支持此请求方法",
        "status": 405,
        "detail": "记录从不删除，停用请用 POST …/{id}/deactivate；各接口见 /api/v1/openapi.json。",
    });
    let headers = [(header::CONTENT_TYPE, "application/problem+json")];
    (
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        headers,
        body.to_string(),
    )
        .into_response()
}

/// 分页列表。
#[derive(Debug, Serialize, ToSchema)]
pub struct ListPage<T> {
    items: Vec<T>,
    /// 符合条件的总条数（提案列表跨越很多个政协时最多数到 10001，表示超过 10000 条）
    total: i64,
    page: i64,
    per_page: i64,
}

impl<T> ListPage<T> {
    /// A store page as the API shows it. A page past the end is empty (the
    /// member list clamps it to the last page; an API client wants to stop).
    fn new<R>(p: store::Page<R>, requested: i64, f: impl FnMut(R) -> T) -> Self {
        let items = if p.page == requested {
            p.rows.into_iter().map(f).collect()
        } else {
            Vec::new()
        };
        ListPage {
            items,
            total: p.total,
            page: requested,
            per_page: p.per_page,
        }
    }
}

/// A 201 with the new record and where it lives.
pub(crate) fn created<T: Serialize>(path: &str, body: T) -> Response {
    let location = format!("/api/v1{path}");
    (
        axum::http::StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

/// 错误（RFC 9457 problem details）。
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// 总是 `about:blank`
    r#type: String,
    /// 中文标题
    title: String,
    status: u16,
    /// 中文说明
    detail: Option<String>,
    /// 字段错误（422）
    errors: Option<Vec<FieldErrorOut>>,
    /// 服务器内部错误的追踪号（500），请提供给运维人员
    correlation_id: Option<String>,
}

/// 一个字段的错误。
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorOut {
    field: String,
    /// 中文提示
    message: String,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "数字政协接口", version = "1", description = "组织、界别、专委会、届次、承办单位、委员与账号。\
        使用 `Authorization: Bearer zx_…` 令牌；令牌限定于一个政协组织及其下级，并带一个角色，\
        权限与网页相同。记录从不删除，只能停用。个人信息只以脱敏形式返回。"),
    servers((url = "/api/v1")),
    components(schemas(Problem, FieldErrorOut)),
    modifiers(&Conventions),
    security(("bearer" = [])),
)]
struct ApiDoc;

/// The bearer scheme and the error answers every operation shares.
struct Conventions;

impl utoipa::Modify for Conventions {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("zx_…")
                    .build(),
            ),
        );
    }
}

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    let content = Content::new(Some(Ref::from_schema_name("Problem")));
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content("application/problem+json", content)
            .build(),
    )
}

/// Adds the shared error answers to every operation that lacks them, and
/// makes operation ids unique (`members_patch`, not `patch`).
fn complete_operations(api: &mut utoipa::openapi::OpenApi) {
    for (path, item) in api.paths.paths.iter_mut() {
        let resource = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let ops = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
        ];
        for op in ops.into_iter().flatten() {
            op.operation_id = op.operation_id.take().map(|id| format!("{resource}_{id}"));
            let mut answers = vec![
                ("401", "缺少令牌、令牌无效或已吊销"),
                ("403", "令牌的角色不能进行此操作"),
            ];
            if path.contains("{id}") {
                answers.push(("404", "记录不存在，或不在令牌的管理范围内"));
            }
            answers.push(("422", "填写有误：errors 列出各字段的中文提示"));
            if op.request_body.is_some() {
                answers.push(("400", "请求体不是有效的 JSON 对象"));
            }
            for (status, description) in answers {
                op.responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| problem(description));
            }
        }
    }
}

/// The whole OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut api = ApiDoc::openapi();
    api.merge(orgs::Doc::openapi());
    api.merge(catalogs::doc());
    api.merge(members::Doc::openapi());
    api.merge(users::Doc::openapi());
    api.merge(proposals::Doc::openapi());
    api.merge(opinions::Doc::openapi());
    api.merge(stations::Doc::openapi());
    api.merge(letters::Doc::openapi());
    api.merge(supervision::Doc::openapi());
    api.merge(files::Doc::openapi());
    api.merge(crate::settings::api::Doc::openapi());
    api.merge(crate::settings::api_module::Doc::openapi());
    complete_operations(&mut api);
    api
}

/// 接口说明（OpenAPI 3.1），无需令牌。
async fn openapi_json() -> Response {
    Json(openapi()).into_response()
}
