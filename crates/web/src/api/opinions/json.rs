//! The JSON shapes of `/opinions`: what the API answers and accepts.

use domain::opinion::OpinionText;
use serde::{Deserialize, Serialize};
use store::opinion::OpinionRow;
use utoipa::{IntoParams, ToSchema};

/// 列表中的一篇信息。
#[derive(Debug, Serialize, ToSchema)]
pub struct OpinionRowOut {
    pub(super) id: i64,
    pub(super) title: String,
    /// 状态代码：draft、submitted、editing、reviewed、signed_off、adopted、kept、withdrawn
    pub(super) stage: String,
    pub(super) stage_label: String,
    pub(super) category: String,
    pub(super) author_name: String,
    pub(super) org_name: String,
    pub(super) year: i64,
}

impl From<OpinionRow> for OpinionRowOut {
    fn from(r: OpinionRow) -> Self {
        OpinionRowOut {
            id: r.id.0,
            title: r.title,
            stage: r.stage,
            stage_label: r.stage_label.to_string(),
            category: r.category,
            author_name: r.author_name,
            org_name: r.org_name,
            year: r.year,
        }
    }
}

/// 信息正文。
#[derive(Debug, Serialize, ToSchema)]
pub struct TextOut {
    pub(super) title: String,
    /// 情况
    pub(super) situation: String,
    /// 分析
    pub(super) analysis: String,
    /// 建议
    pub(super) suggestion: String,
    pub(super) category: String,
}

impl From<&OpinionText> for TextOut {
    fn from(t: &OpinionText) -> Self {
        TextOut {
            title: t.title.clone(),
            situation: t.situation.clone(),
            analysis: t.analysis.clone(),
            suggestion: t.suggestion.clone(),
            category: t.category.clone(),
        }
    }
}

/// 办理过程中的一步。
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    pub(super) at: i64,
    pub(super) by: String,
    pub(super) action: String,
    pub(super) to_stage: String,
    pub(super) comment: String,
}

/// 一篇社情民意信息。
#[derive(Debug, Serialize, ToSchema)]
pub struct OpinionOut {
    pub(super) id: i64,
    pub(super) org_id: i64,
    pub(super) org_name: String,
    pub(super) year: i32,
    pub(super) stage: String,
    pub(super) stage_label: String,
    pub(super) author_name: String,
    /// 现行文本（编辑加工后为编辑稿）
    pub(super) text: TextOut,
    /// 提交时的原稿，提交后不再改变
    pub(super) original: Option<TextOut>,
    /// 编辑稿
    pub(super) edited: Option<TextOut>,
    /// 由哪件提案转来（提案 id）
    pub(super) from_proposal: Option<i64>,
    /// 正文字数与建议字数
    pub(super) chars: usize,
    pub(super) recommended_chars: usize,
    /// 调用者现在可以办理的操作代码
    pub(super) steps: Vec<String>,
    pub(super) history: Vec<HistoryOut>,
}

/// 列表的筛选与分页。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// 状态代码
    pub(super) stage: Option<String>,
    #[param(value_type = Option<i64>)]
    pub(super) page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub(super) per_page: Option<String>,
}

/// 新信息的正文。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OpinionBody {
    pub(super) title: String,
    pub(super) situation: String,
    pub(super) analysis: String,
    pub(super) suggestion: String,
    pub(super) category: String,
    /// 为 true 时保存后立即提交
    pub(super) submit: bool,
}

/// 一步办理操作。
///
/// | do | 谁 | 字段 |
/// |---|---|---|
/// | edit_draft | 报送人（草稿） | title, situation, analysis, suggestion, category |
/// | submit | 报送人 | — |
/// | withdraw | 报送人（提交后、编辑加工前） | reason |
/// | edit | 工作人员 | title, situation, analysis, suggestion, category（编辑稿；原稿保留） |
/// | review | 工作人员 | comment（可空） |
/// | sign_off | 工作人员 | — |
/// | adopt | 工作人员 | note（可空） |
/// | keep | 工作人员 | reason |
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OpinionStepBody {
    /// 操作代码
    #[serde(rename = "do")]
    #[schema(example = "review")]
    pub(super) step: String,
    pub(super) reason: String,
    pub(super) comment: String,
    pub(super) note: String,
    pub(super) title: String,
    pub(super) situation: String,
    pub(super) analysis: String,
    pub(super) suggestion: String,
    pub(super) category: String,
}
