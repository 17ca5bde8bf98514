//! `/opinions` after adoption through the API: reporting upward, the
//! national outcome, leaders' instructions, the chain, bulletins (with the
//! Word file) and the targets and statistics. Each goes through the same
//! functions as the pages (`crate::opinions::{after, bulletins, stats}`).

use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use store::opinion::bulletin::Bulletin;
use utoipa::ToSchema;

use super::{load, record, OpinionOut};
use crate::api::created;
use crate::api::input::{ApiQuery, Id, Json};
use crate::api::proposals::{Acting, ActingQuery};
use crate::error::{ApiResult, WebError};
use crate::opinions::bulletins;
use crate::opinions::stats::{compute, StatsQuery};
use crate::opinions::Form;
use crate::state::AppState;

async fn take(
    state: &AppState,
    acting: &Acting,
    id: i64,
    form: Form,
) -> ApiResult<Json<OpinionOut>> {
    let stored = load(state, acting, id).await?;
    match crate::opinions::after::step(state, &acting.audit(), &acting.me, &stored, &form).await {
        Some(result) => result?,
        None => return Err(WebError::BadRequest("未知的操作".into()).into()),
    }
    record(state, acting, id).await
}

fn form_of(pairs: &[(&str, &str)]) -> Form {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// 向上级报送（工作人员）：区县政协的信息报市政协（市政协得到自己的一条记录，各自编辑、采用），
/// 市政协的信息报全国政协（系统外，之后录入采用情况）。须已采用；已报送的再报送返回 409（已报送…）
#[utoipa::path(post, path = "/opinions/{id}/report-upward", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "已报送，返回本级信息", body = OpinionOut),
        (status = 409, description = "尚未采用或已报送过")))]
pub async fn report_upward(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<OpinionOut>> {
    take(&state, &acting, id, form_of(&[("do", "report_upward")])).await
}

/// 全国政协采用情况（市政协工作人员录入）
#[derive(Debug, Deserialize, ToSchema)]
pub struct NationalBody {
    /// adopted（全国政协采用）或 not_adopted（未采用）
    outcome: String,
    /// 日期，如 2026-05-20
    outcome_on: String,
    /// 说明，如刊发期号（可不填，500 字以内）
    #[serde(default)]
    outcome_note: String,
}

/// 录入全国政协采用情况（已报送全国政协的信息）
#[utoipa::path(post, path = "/opinions/{id}/national", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery), request_body = NationalBody,
    responses((status = 200, description = "已录入", body = OpinionOut)))]
pub async fn national(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(b): Json<NationalBody>,
) -> ApiResult<Json<OpinionOut>> {
    let form = form_of(&[
        ("do", "national"),
        ("outcome", &b.outcome),
        ("outcome_on", &b.outcome_on),
        ("outcome_note", &b.outcome_note),
    ]);
    take(&state, &acting, id, form).await
}

/// 领导批示
#[derive(Debug, Deserialize, ToSchema)]
pub struct InstructionBody {
    /// 批示领导（30 字以内）
    leader: String,
    /// national（国家级）、provincial（省部级）、city（市级）、district（区县级）
    level: String,
    /// 批示内容（2000 字以内）
    text: String,
    /// 批示日期，如 2026-05-20
    given_on: String,
}

/// 录入领导批示（工作人员；已签发或已采用的信息）。报送人和联名委员收到站内通知
#[utoipa::path(post, path = "/opinions/{id}/instructions", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery), request_body = InstructionBody,
    responses((status = 200, description = "已录入", body = OpinionOut),
        (status = 422, description = "字段有误")))]
pub async fn instruct(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(b): Json<InstructionBody>,
) -> ApiResult<Json<OpinionOut>> {
    let form = form_of(&[
        ("do", "instruct"),
        ("leader", &b.leader),
        ("level", &b.level),
        ("text", &b.text),
        ("given_on", &b.given_on),
    ]);
    take(&state, &acting, id, form).await
}

/// 报送与采用链条的一级（区县 → 市 → 全国）
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainStepOut {
    /// 本级的信息 id（全国政协一级为空）
    opinion_id: Option<i64>,
    org_name: String,
    stage_label: String,
    /// 报送到本级的日期（第一级为空）
    received_on: String,
    /// 全国政协一级的采用情况代码
    outcome: String,
    note: String,
    instructions: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InstructionOut {
    leader: String,
    level: String,
    level_label: String,
    text: String,
    given_on: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChainOut {
    chain: Vec<ChainStepOut>,
    /// 本条信息上的批示
    instructions: Vec<InstructionOut>,
}

/// 报送与采用链条和批示
#[utoipa::path(get, path = "/opinions/{id}/chain", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "由下而上的各级记录", body = ChainOut)))]
pub async fn chain(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<ChainOut>> {
    let s = load(&state, &acting, id).await?;
    let chain = store::opinion::chain(&state.db, s.opinion.id)
        .await?
        .into_iter()
        .map(|c| ChainStepOut {
            opinion_id: c.opinion_id,
            org_name: c.org_name,
            stage_label: c.stage_label,
            received_on: c.received_on,
            outcome: c.outcome,
            note: c.note,
            instructions: c.instructions,
        })
        .collect();
    let instructions = store::opinion::instruct::instructions(&state.db, s.opinion.id)
        .await?
        .into_iter()
        .map(|i| InstructionOut {
            leader: i.leader,
            level: i.level,
            level_label: i.level_label.into(),
            text: i.text,
            given_on: i.given_on,
        })
        .collect();
    Ok(Json(ChainOut {
        chain,
        instructions,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PieceOut {
    seq: i64,
    combined: bool,
    title: String,
    /// 来源信息 id
    sources: Vec<i64>,
}

/// 一期《社情民意》
#[derive(Debug, Serialize, ToSchema)]
pub struct BulletinOut {
    id: i64,
    org_id: i64,
    org_name: String,
    year: i64,
    number: i64,
    /// 《社情民意》2026年第3期
    label: String,
    title: String,
    issued: bool,
    pieces: Vec<PieceOut>,
}

fn bulletin_out(b: Bulletin) -> BulletinOut {
    BulletinOut {
        label: b.row.label(),
        id: b.row.id,
        org_id: b.row.org_id,
        org_name: b.row.org_name,
        year: b.row.year,
        number: b.row.number,
        title: b.row.title,
        issued: b.row.issued,
        pieces: b
            .pieces
            .into_iter()
            .map(|p| PieceOut {
                seq: p.seq,
                combined: p.combined,
                title: p.title,
                sources: p.sources.iter().map(|s| s.opinion_id).collect(),
            })
            .collect(),
    }
}

/// 简报列表（工作人员、领导：本级及下级）
#[utoipa::path(get, path = "/opinions/bulletins", tag = "社情民意", params(ActingQuery),
    responses((status = 200, description = "最新的在前（至多 200 期，不含篇目）", body = Vec<BulletinOut>)))]
pub async fn bulletin_list(
    State(state): State<AppState>,
    acting: Acting,
) -> ApiResult<Json<Vec<BulletinOut>>> {
    bulletins::may_read(&acting.me)?;
    let rows =
        store::opinion::bulletin::list_bulletins(&state.db, &acting.me.org_path, 200).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| BulletinOut {
                label: r.label(),
                id: r.id,
                org_id: r.org_id,
                org_name: r.org_name,
                year: r.year,
                number: r.number,
                title: r.title,
                issued: r.issued,
                pieces: Vec::new(),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewBulletinBody {
    /// 本期标题（可不填，60 字以内）
    #[serde(default)]
    title: String,
}

/// 新建一期简报（工作人员）：期号按本级政协、本年度顺延
#[utoipa::path(post, path = "/opinions/bulletins", tag = "社情民意", params(ActingQuery),
    request_body = NewBulletinBody,
    responses((status = 201, description = "已新建", body = BulletinOut)))]
pub async fn bulletin_new(
    State(state): State<AppState>,
    acting: Acting,
    Json(b): Json<NewBulletinBody>,
) -> ApiResult<Response> {
    let id = bulletins::create(&state, &acting.audit(), &acting.me, &b.title).await?;
    let out = bulletin_out(bulletins::visible(&state, &acting.me, id).await?);
    Ok(created(&format!("/opinions/bulletins/{id}"), out))
}

/// 一期简报及其篇目
#[utoipa::path(get, path = "/opinions/bulletins/{id}", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "简报", body = BulletinOut)))]
pub async fn bulletin_read(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<BulletinOut>> {
    Ok(Json(bulletin_out(
        bulletins::visible(&state, &acting.me, id).await?,
    )))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PieceBody {
    /// false：单篇采用（一篇）；true：综合采用（至少两篇，须填标题）
    #[serde(default)]
    combined: bool,
    #[serde(default)]
    title: String,
    /// 本级已采用、尚未编入简报的信息 id，以逗号分隔，如 "12,15"
    opinions: String,
}

/// 编入信息（工作人员，未印发的简报）
#[utoipa::path(post, path = "/opinions/bulletins/{id}/pieces", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery), request_body = PieceBody,
    responses((status = 200, description = "已编入", body = BulletinOut),
        (status = 409, description = "已印发、信息未采用或已编入其他简报"),
        (status = 422, description = "篇数与采用方式不符")))]
pub async fn bulletin_piece(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
    Json(b): Json<PieceBody>,
) -> ApiResult<Json<BulletinOut>> {
    let form = form_of(&[
        ("do", "piece"),
        ("combined", if b.combined { "1" } else { "0" }),
        ("title", &b.title),
        ("ids", &b.opinions),
    ]);
    bulletins::step(&state, &acting.audit(), &acting.me, id, &form).await?;
    Ok(Json(bulletin_out(
        bulletins::visible(&state, &acting.me, id).await?,
    )))
}

/// 印发（工作人员）；至少一篇，只能印发一次
#[utoipa::path(post, path = "/opinions/bulletins/{id}/issue", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "已印发", body = BulletinOut)))]
pub async fn bulletin_issue(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Json<BulletinOut>> {
    let form = form_of(&[("do", "issue")]);
    bulletins::step(&state, &acting.audit(), &acting.me, id, &form).await?;
    Ok(Json(bulletin_out(
        bulletins::visible(&state, &acting.me, id).await?,
    )))
}

/// 简报 Word 文件
#[utoipa::path(get, path = "/opinions/bulletins/{id}/bulletin.docx", tag = "社情民意",
    params(("id" = i64, Path), ActingQuery),
    responses((status = 200, description = "Word 文件（.docx）",
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))]
pub async fn bulletin_docx(
    State(state): State<AppState>,
    acting: Acting,
    Id(id): Id,
) -> ApiResult<Response> {
    Ok(bulletins::docx_download(&state, &acting.me, id).await?)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TallyOut {
    sent: i64,
    adopted_district: i64,
    adopted_city: i64,
    adopted_national: i64,
    instructions: i64,
}

impl From<&store::opinion::stats::Tally> for TallyOut {
    fn from(t: &store::opinion::stats::Tally) -> Self {
        TallyOut {
            sent: t.sent,
            adopted_district: t.adopted_district,
            adopted_city: t.adopted_city,
            adopted_national: t.adopted_national,
            instructions: t.instructions,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberTallyOut {
    member_id: i64,
    name: String,
    post: String,
    sector: String,
    org_name: String,
    target: u32,
    met: bool,
    tally: TallyOut,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupOut {
    key: String,
    label: String,
    members: i64,
    met: i64,
    tally: TallyOut,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatsOut {
    year: i32,
    total: TallyOut,
    /// 筛选出的委员人数（met、org、sector）、其中已完成目标的人数，以及本页名单
    members_total: i64,
    members_met: i64,
    page: i64,
    per_page: i64,
    members: Vec<MemberTallyOut>,
    by_org: Vec<GroupOut>,
    by_sector: Vec<GroupOut>,
}

/// 年度目标与统计（工作人员、领导）：委员报送数与目标、各级采用与批示，按政协、界别汇总
#[utoipa::path(get, path = "/opinions/stats", tag = "社情民意", params(ActingQuery, StatsQuery),
    responses((status = 200, description = "统计", body = StatsOut)))]
pub async fn stats(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(q): ApiQuery<StatsQuery>,
) -> ApiResult<Json<StatsOut>> {
    let per_page = q.per_page.unwrap_or(100).clamp(1, 1000);
    let page = q.page.unwrap_or(1).max(1);
    let offset = usize::try_from((page - 1) * per_page).unwrap_or(0);
    let members = q.members(offset, usize::try_from(per_page).unwrap_or(100));
    let (year, s) = compute(&state, &acting.me, &q, members).await?;
    let group = |g: &store::opinion::stats::GroupTally| GroupOut {
        key: g.key.clone(),
        label: g.label.clone(),
        members: g.members,
        met: g.met,
        tally: (&g.tally).into(),
    };
    Ok(Json(StatsOut {
        year,
        total: (&s.total).into(),
        members_total: s.members_total,
        members_met: s.members_met,
        page,
        per_page,
        members: s
            .members
            .iter()
            .map(|m| MemberTallyOut {
                member_id: m.member_id,
                name: m.name.clone(),
                post: m.post.into(),
                sector: m.sector.clone(),
                org_name: m.org_name.clone(),
                target: m.target,
                met: m.met,
                tally: (&m.tally).into(),
            })
            .collect(),
        by_org: s.by_org.iter().map(group).collect(),
        by_sector: s.by_sector.iter().map(group).collect(),
    }))
}
