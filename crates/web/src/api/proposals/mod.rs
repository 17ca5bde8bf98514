//! `/proposals`: the whole proposal business through the API — the lists,
//! one record, drafts, submission, every later step, similar proposals and
//! full-text search. Who may see and do what is decided by the same
//! functions the pages use (`crate::proposals::{visible, who, action_from}`
//! and `domain::proposal::apply`); [`acting`] says for whom a token works.

mod acting;
mod assign;
mod compendium;
mod json;
mod read;
mod record;
mod stats;
mod step;
mod write;

pub(crate) use acting::{Acting, ActingQuery};

use axum::routing::{get, post, put};
use axum::Router;
use utoipa::OpenApi;

use crate::state::AppState;

mod documents;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/proposals", get(read::list).post(write::create))
        .route("/proposals/assignments", post(assign::assign))
        .route("/proposals/similar", get(read::similar))
        .route("/proposals/search", get(read::search))
        .route("/proposals/statistics", get(stats::statistics))
        .route("/proposals/export.xlsx", get(documents::export))
        .route("/proposals/compendium", post(compendium::start))
        .route("/proposals/compendium/{id}", get(compendium::status))
        .route("/proposals/compendium/{id}/file", get(compendium::file))
        .route("/proposals/{id}/form.docx", get(documents::form))
        .route("/proposals/{id}", get(read::read))
        .route("/proposals/{id}/draft", put(write::save_draft))
        .route("/proposals/{id}/submit", post(write::submit))
        .route("/proposals/{id}/actions", post(write::act))
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "提案", description = "提案的起草、提交、审查立案、交办、答复、审核、评价与办结，\
        以及相似提案与全文检索。可见范围与可办的操作与网页相同。\
        令牌不属于某个人，因此：委员令牌在每次请求中以 `as_member` 指明代表哪位委员\
        （须在令牌范围内且未停用；起草时草稿记在该委员本人的账号名下，委员须已开通账号）；\
        承办单位令牌以 `as_unit` 指明代表哪个承办单位（须在令牌范围内）；\
        工作人员与领导令牌代表本组织办理，不填这两项。\
        经接口办理的每一步都以“api:令牌名称（代某某）”记入办理过程和审计日志。")),
    paths(
        read::list,
        read::read,
        read::similar,
        read::search,
        write::create,
        write::save_draft,
        write::submit,
        write::act,
        assign::assign,
        documents::form,
        documents::export,
        compendium::start,
        compendium::status,
        compendium::file,
        stats::statistics
    )
)]
pub struct Doc;
