//! `GET /proposals/statistics`: 提案统计 through the API, the same numbers
//! as the page (`domain::proposal::stats`, loaded by
//! `store::proposal::statistics`) for the token's organisation subtree.
//! Who may read them is the page's rule, `stats::may_view`.

use axum::extract::State;
use domain::catalog::CatalogKind;
use domain::proposal::stats::{may_view, Overdue, Rate, Row, Tally};
use domain::proposal::{ProposalStats, Stage};
use domain::tracking::AnswerClass;
use domain::{FieldErrors, TermId};
use serde::{Deserialize, Serialize};
use store::proposal::StatsFilter;
use utoipa::{IntoParams, ToSchema};

use crate::api::auth::Caller;
use crate::api::input::{checked, id_filter, ApiQuery, Json};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

/// 统计的年度与届次。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// 年度，如 2026；不填为今年
    #[param(value_type = Option<i64>)]
    year: Option<String>,
    /// 届次 id（令牌所属组织的届次）；不填为全部届次
    #[param(value_type = Option<i64>)]
    term: Option<String>,
}

/// 比率：分子 ÷ 分母；分母为 0 时无比率
#[derive(Debug, Serialize, ToSchema)]
pub struct RateOut {
    pub numerator: u64,
    pub denominator: u64,
    /// 千分数（四舍五入），分母为 0 时为 null；如 667 即 66.7%
    pub per_mille: Option<u64>,
    /// 显示文字，如 `66.7%`，分母为 0 时为 `—`
    pub text: String,
}

impl From<Rate> for RateOut {
    fn from(r: Rate) -> Self {
        RateOut {
            numerator: r.numerator,
            denominator: r.denominator,
            per_mille: r.per_mille(),
            text: r.to_string(),
        }
    }
}

/// 某一环节的件数
#[derive(Debug, Serialize, ToSchema)]
pub struct StageCountOut {
    /// 环节代码，如 `assigned`
    pub stage: &'static str,
    pub label: &'static str,
    pub count: u64,
}

/// 一组提案（或一个承办单位所办提案）的各项统计
#[derive(Debug, Serialize, ToSchema)]
pub struct TallyOut {
    /// 计入统计的提案件数（不含草稿和联名征集中的）
    pub proposals: u64,
    /// 各环节件数（只列件数不为 0 的环节）
    pub stages: Vec<StageCountOut>,
    /// 收到：计入统计且未撤案的提案
    pub submitted: u64,
    /// 立案（含并案及其后各办理环节）
    pub filed: u64,
    /// 立案率 = 立案 ÷ 收到
    pub filing_rate: RateOut,
    /// 交办件次（含会办，不含退回和撤回的）
    pub assignments: u64,
    /// 首次答复已审核通过的件次（主办、单办、分办单位）
    pub answered: u64,
    /// 其中在答复期限内的件次
    pub on_time: u64,
    /// 按时答复率 = 按时 ÷ 已答复
    pub on_time_rate: RateOut,
    /// A 类答复件次（已解决或采纳）
    pub class_a: u64,
    /// B 类答复件次（正在解决或列入计划）
    pub class_b: u64,
    /// C 类答复件次（留作参考）
    pub class_c: u64,
    /// 当前答复的评价数
    pub ratings: u64,
    /// 其中满意与基本满意的
    pub satisfied: u64,
    /// 满意率 =（满意 + 基本满意）÷ 评价数
    pub satisfaction_rate: RateOut,
    /// 逾期未答复件次
    pub overdue: u64,
}

impl From<&Tally> for TallyOut {
    fn from(t: &Tally) -> Self {
        TallyOut {
            proposals: t.proposals,
            stages: Stage::ALL
                .into_iter()
                .filter(|s| t.stage(*s) > 0)
                .map(|s| StageCountOut {
                    stage: s.code(),
                    label: s.label(),
                    count: t.stage(s),
                })
                .collect(),
            submitted: t.submitted,
            filed: t.filed,
            filing_rate: t.filing_rate().into(),
            assignments: t.assignments,
            answered: t.answered,
            on_time: t.on_time,
            on_time_rate: t.on_time_rate().into(),
            class_a: t.class_count(AnswerClass::A),
            class_b: t.class_count(AnswerClass::B),
            class_c: t.class_count(AnswerClass::C),
            ratings: t.ratings,
            satisfied: t.satisfied,
            satisfaction_rate: t.satisfaction_rate().into(),
            overdue: t.overdue,
        }
    }
}

/// 分组统计的一行
#[derive(Debug, Serialize, ToSchema)]
pub struct StatsRowOut {
    /// 分组的键，可作提案列表的筛选值：类别名称、政协组织 id、界别 id
    /// （集体提案为 `collective`，未填界别为 `none`）、承办单位 id，
    /// 或提案人类型 `individual`、`joint`、`collective`
    pub key: String,
    /// 分组名称
    pub label: String,
    pub tally: TallyOut,
}

impl From<&Row> for StatsRowOut {
    fn from(r: &Row) -> Self {
        StatsRowOut {
            key: r.key.clone(),
            label: r.label.clone(),
            tally: (&r.tally).into(),
        }
    }
}

/// 一条逾期未答复的交办
#[derive(Debug, Serialize, ToSchema)]
pub struct OverdueOut {
    pub proposal_id: i64,
    /// 提案编号，如 `第0012号`；未编号为 null
    pub number: Option<String>,
    /// 案由
    pub title: String,
    /// 所属政协组织
    pub org_name: String,
    pub unit_id: i64,
    pub unit_name: String,
    /// 答复期限（YYYY-MM-DD）
    pub due: String,
    /// 逾期天数（自然日）
    pub days_late: i64,
}

impl From<&Overdue> for OverdueOut {
    fn from(o: &Overdue) -> Self {
        OverdueOut {
            proposal_id: o.proposal.0,
            number: o.number.map(|n| n.to_string()),
            title: o.title.clone(),
            org_name: o.org_name.clone(),
            unit_id: o.unit.0,
            unit_name: o.unit_name.clone(),
            due: o.due.to_string(),
            days_late: o.days_late,
        }
    }
}

/// 提案统计：总体情况与各项分组，口径与网页“提案统计”相同
#[derive(Debug, Serialize, ToSchema)]
pub struct StatisticsOut {
    /// 统计范围：令牌所属组织（含下级）
    pub org_id: i64,
    pub org_name: String,
    pub year: i32,
    /// 届次 id；全部届次为 null
    pub term: Option<i64>,
    /// 统计截至日期（YYYY-MM-DD），逾期按此日计算
    pub as_of: String,
    pub totals: TallyOut,
    /// 按类别，件数多的在前
    pub by_category: Vec<StatsRowOut>,
    /// 按地区：本级及各直属下级政协组织
    pub by_org: Vec<StatsRowOut>,
    /// 按界别（第一提案人所在界别）
    pub by_sector: Vec<StatsRowOut>,
    /// 按提案人类型：个人提案、联名提案、集体提案
    pub by_kind: Vec<StatsRowOut>,
    /// 按承办单位（该单位在办的提案）
    pub by_unit: Vec<StatsRowOut>,
    /// 逾期未答复，逾期最久的在前
    pub overdue: Vec<OverdueOut>,
}

fn rows(rows: &[Row]) -> Vec<StatsRowOut> {
    rows.iter().map(StatsRowOut::from).collect()
}

/// 提案统计：立案率、按时答复率、答复类别、满意率，按类别、地区、界别、提案人类型、承办单位分组，以及逾期未答复清单（工作人员与领导令牌，范围为令牌所属组织及其下级）
#[utoipa::path(get, path = "/proposals/statistics", tag = "提案", params(StatsQuery),
    responses(
        (status = 200, description = "提案统计", body = StatisticsOut),
        (status = 403, description = "令牌的角色不能查看提案统计"),
        (status = 422, description = "年度或届次无效")))]
pub async fn statistics(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(q): ApiQuery<StatsQuery>,
) -> ApiResult<Json<StatisticsOut>> {
    let token = &caller.token;
    if !may_view(token.role) {
        return Err(WebError::Forbidden.into());
    }
    let today = state.today();
    let mut e = FieldErrors::new();
    let year = match q.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        None => Some(today.year()),
        Some(raw) => e.take(
            "year",
            raw.parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(|| "年度应为四位数字，如 2026".to_string()),
        ),
    };
    let term = id_filter(q.term.as_deref(), "term", "届次", &mut e);
    if let Some(id) = term {
        let terms = store::org::list_catalog(
            &state.db,
            CatalogKind::Term,
            &token.org_path,
            Some(token.org_id),
            false,
        )
        .await?;
        if !terms.iter().any(|t| t.id == id) {
            e.add("term", "届次不存在或不属于令牌所属组织");
        }
    }
    let year = checked(e, year)?.unwrap_or(today.year());
    let filter = StatsFilter {
        scope: token.org_path.clone(),
        term: term.map(TermId),
        year,
    };
    let s: ProposalStats = store::proposal::statistics(&state.db, &filter, today).await?;
    Ok(Json(StatisticsOut {
        org_id: token.org_id.0,
        org_name: token.org_name.clone(),
        year,
        term,
        as_of: today.to_string(),
        totals: (&s.totals).into(),
        by_category: rows(&s.by_category),
        by_org: rows(&s.by_org),
        by_sector: rows(&s.by_sector),
        by_kind: rows(&s.by_kind),
        by_unit: rows(&s.by_unit),
        overdue: s.overdue.iter().map(OverdueOut::from).collect(),
    }))
}
