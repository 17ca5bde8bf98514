//! The JSON shapes of `/proposals` besides the record: the list filters and
//! a list row, the bodies of a draft and of an action, and search.

use domain::proposal::{ProposalInput, Stage};
use domain::FieldErrors;
use serde::{Deserialize, Serialize};
use store::proposal::ProposalRow;
use utoipa::{IntoParams, ToSchema};

use crate::api::input::{checked, overlay, paging, Raw};
use crate::error::WebError;

/// 提案列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// 环节代码，如 `submitted`、`filed`、`assigned`、`closed`
    stage: Option<String>,
    /// 年度，如 2026
    #[param(value_type = Option<i64>)]
    year: Option<String>,
    /// 案由关键字
    q: Option<String>,
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

/// The parsed list query.
pub struct ListFilter {
    pub stage: Option<Stage>,
    pub year: Option<i64>,
    pub q: Option<String>,
    pub page: i64,
    pub per_page: i64,
}

impl ListQuery {
    pub fn parse(&self) -> Result<ListFilter, WebError> {
        let mut e = FieldErrors::new();
        let stage = match self
            .stage
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(code) => e.take(
                "stage",
                Stage::from_code(code).ok_or_else(|| {
                    let codes: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
                    format!("环节“{code}”无效，可选 {}", codes.join("、"))
                }),
            ),
        };
        let year = match self
            .year
            .as_deref()
            .map(str::trim)
            .filter(|y| !y.is_empty())
        {
            None => None,
            Some(raw) => e.take(
                "year",
                raw.parse::<i64>()
                    .ok()
                    .filter(|y| (2000..=2100).contains(y))
                    .ok_or_else(|| "年度应为四位数字，如 2026".to_string()),
            ),
        };
        let (page, per_page) = paging(self.page.as_deref(), self.per_page.as_deref(), &mut e);
        let q = self.q.clone().filter(|q| !q.trim().is_empty());
        checked(
            e,
            ListFilter {
                stage,
                year,
                q,
                page,
                per_page,
            },
        )
    }
}

fn number_label(seq: Option<i64>) -> Option<String> {
    seq.map(|n| format!("第{n:04}号"))
}

fn kind_label(code: &str) -> &'static str {
    match code {
        "individual" => "个人提案",
        "joint" => "联名提案",
        "collective" => "集体提案",
        _ => "",
    }
}

/// 列表中的一件提案。
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalRowOut {
    id: i64,
    /// 案由
    title: String,
    /// 环节代码
    stage: String,
    stage_label: String,
    org_name: String,
    year: i64,
    /// 立案编号，如“第0001号”；未立案为 null
    number: Option<String>,
    category: String,
    /// `individual`、`joint` 或 `collective`
    proposer_kind: String,
    proposer_kind_label: String,
    /// 最近变动时间（Unix 秒）
    updated_at: i64,
}

impl From<ProposalRow> for ProposalRowOut {
    fn from(r: ProposalRow) -> Self {
        ProposalRowOut {
            id: r.id.0,
            title: r.title,
            stage: r.stage,
            stage_label: r.stage_label.to_string(),
            org_name: r.org_name,
            year: r.year,
            number: number_label(r.number),
            category: r.category,
            proposer_kind_label: kind_label(&r.proposer_kind).to_string(),
            proposer_kind: r.proposer_kind,
            updated_at: r.updated_at,
        }
    }
}

/// 提案草稿。提交全部字段：省略或为 null 的字段视为空，`public` 省略时为公开
/// （与网页默认一致）。草稿可以不完整，提交时才逐项检查。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftBody {
    /// 案由（60字以内）
    #[schema(value_type = Option<String>, example = "关于加快推进老旧小区加装电梯的建议")]
    title: Option<Raw>,
    /// 情况与分析（20至10000字）
    #[schema(value_type = Option<String>)]
    analysis: Option<Raw>,
    /// 建议（10至10000字）
    #[schema(value_type = Option<String>)]
    suggestions: Option<Raw>,
    /// 提案类别，须是本会类别表中的一项
    #[schema(value_type = Option<String>, example = "社会建设")]
    category: Option<Raw>,
    /// 是否同意公开：true/false 或 是/否
    #[schema(value_type = Option<bool>)]
    public: Option<Raw>,
    /// 建议承办单位 id，以逗号分隔，如 "3,5"
    #[schema(value_type = Option<String>, example = "3,5")]
    suggested_units: Option<Raw>,
}

impl DraftBody {
    pub fn input(self) -> ProposalInput {
        let mut input = ProposalInput {
            public: "1".into(),
            ..ProposalInput::default()
        };
        overlay!(self => input; title, analysis, suggestions, category, public, suggested_units);
        input
    }
}
/// 相似提案查询。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct SimilarQuery {
    /// 草稿的案由与正文（至少4个字）
    pub text: Option<String>,
    /// 不列出的提案 id（正在起草或审查的这一件）
    #[param(value_type = Option<i64>)]
    pub exclude: Option<String>,
}

/// 全文检索。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// 检索词，如“加装电梯”
    pub q: Option<String>,
    /// 最多返回几条（1到100，默认20）
    #[param(value_type = Option<i64>)]
    pub limit: Option<String>,
}

/// 一条检索结果。
#[derive(Debug, Serialize, ToSchema)]
pub struct HitOut {
    pub id: i64,
    /// 案由
    pub title: String,
    /// 命中文字附近的摘录
    pub snippet: String,
    /// 相关度，仅在同一次结果中可比
    pub score: Option<f32>,
}

/// 检索结果，按相关度排列。
#[derive(Debug, Serialize, ToSchema)]
pub struct HitsOut {
    pub items: Vec<HitOut>,
}
