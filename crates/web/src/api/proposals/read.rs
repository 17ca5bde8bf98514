//! Reading proposals: the list, one record, similar earlier proposals and
//! full-text search. Every answer is limited to what the caller may see.

use axum::extract::State;
use domain::catalog::CatalogKind;
use domain::FieldErrors;
use store::proposal::{Setting, Stored};
use store::search_feed::Kind;

use super::acting::{Acting, ActingQuery};
use super::json::{HitOut, HitsOut, ListQuery, ProposalRowOut, SearchQuery, SimilarQuery};
use super::record::{ProposalOut, RecordParts};
use crate::api::input::{checked, id_filter, ApiQuery, Id, Json};
use crate::api::ListPage;
use crate::error::{ApiResult, WebError};
use crate::proposals::{filter_for, offers};
use crate::state::AppState;

/// The whole record as `acting` sees it, with the steps open to it now.
pub async fn record(state: &AppState, acting: &Acting, s: Stored) -> Result<ProposalOut, WebError> {
    let p = &s.proposal;
    let units: Vec<(i64, String)> = store::org::list_catalog(
        &state.db,
        CatalogKind::Unit,
        &s.org_path,
        Some(p.org),
        false,
    )
    .await?
    .into_iter()
    .map(|u| (u.id, u.name))
    .collect();
    let setting = Setting::for_org(&state.db, p.org).await?;
    let ctx = setting.context(state.now());
    let steps = offers(&acting.me, p, &units, &ctx);
    let parts = RecordParts {
        history: store::proposal::history(&state.db, p.id).await?,
        today: ctx.today,
        policy: setting.tracking.clone(),
        units,
        steps,
    };
    Ok(ProposalOut::new(s, parts))
}

/// 提案列表（与网页相同：委员看本人的，工作人员与领导看本级及下级已提交的，承办单位看交办本单位的）
#[utoipa::path(get, path = "/proposals", tag = "提案", params(ActingQuery, ListQuery),
    responses((status = 200, description = "一页提案，最近变动的在前", body = ListPage<ProposalRowOut>)))]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<ListPage<ProposalRowOut>>> {
    let f = q.parse()?;
    let (mut filter, _) = filter_for(&acting.me)?;
    if let Some(stage) = f.stage {
        filter.stages = vec![stage];
    }
    filter.year = f.year;
    filter.q = f.q;
    crate::search::narrow_by_keyword(&state, &acting.me, &mut filter).await?;
    let rows = store::proposal::list(&state.db, &filter, f.page, f.per_page).await?;
    Ok(Json(ListPage::new(rows, f.page, ProposalRowOut::from)))
}

/// 查看提案：正文、环节、编号、各承办单位的办理与答复、办理过程，以及调用者此刻可以进行的操作
#[utoipa::path(get, path = "/proposals/{id}", tag = "提案", params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "提案", body = ProposalOut)))]
pub async fn read(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<ProposalOut>> {
    let stored = acting.load(&state, id).await?;
    Ok(Json(record(&state, &acting, stored).await?))
}

/// 相似提案：与草稿文字最相近的往年和今年提案（最多5件，只含调用者可以看到的）
#[utoipa::path(get, path = "/proposals/similar", tag = "提案", params(ActingQuery, SimilarQuery),
    responses((status = 200, description = "相似提案，最相近的在前", body = HitsOut)))]
pub async fn similar(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<SimilarQuery>,
) -> ApiResult<Json<HitsOut>> {
    let mut e = FieldErrors::new();
    let text = q.text.unwrap_or_default();
    let chars = text.trim().chars().count();
    if chars == 0 {
        e.add("text", "请提供草稿的案由或正文");
    } else if chars > 20_000 {
        e.add("text", "文字过长，请只提供案由和正文的前两万字");
    }
    let exclude = id_filter(q.exclude.as_deref(), "exclude", "提案编号", &mut e);
    checked(e, ())?;
    let hits = crate::search::similar(&state, &acting.me, &text, exclude).await;
    Ok(Json(HitsOut {
        items: hits
            .into_iter()
            .map(|h| HitOut {
                id: h.id,
                title: h.title,
                snippet: h.snippet,
                score: None,
            })
            .collect(),
    }))
}

/// 全文检索：案由、正文、建议和答复（分词检索，只含调用者可以看到的提案）
#[utoipa::path(get, path = "/proposals/search", tag = "提案", params(ActingQuery, SearchQuery),
    responses((status = 200, description = "检索结果，最相关的在前", body = HitsOut)))]
pub async fn search(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> ApiResult<Json<HitsOut>> {
    let mut e = FieldErrors::new();
    let text = q.q.unwrap_or_default().trim().to_string();
    if text.is_empty() {
        e.add("q", "请填写要检索的文字");
    } else if text.chars().count() > 200 {
        e.add("q", "检索文字不能超过200个字");
    }
    let limit = match q.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => 20,
        Some(raw) => e
            .take(
                "limit",
                raw.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or_else(|| "条数应为1到100之间的整数".to_string()),
            )
            .unwrap_or(20),
    };
    checked(e, ())?;
    let visibility = crate::search::visibility(&acting.me);
    let hits = crate::search::find(&state, Kind::Proposal, &text, visibility, limit).await?;
    Ok(Json(HitsOut {
        items: hits
            .into_iter()
            .map(|h| HitOut {
                id: h.id,
                title: h.title,
                snippet: h.snippet,
                score: Some(h.score),
            })
            .collect(),
    }))
}
