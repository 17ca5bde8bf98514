//! The JSON shapes of `/supervision`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// 看板上的一个议题。
#[derive(Debug, Serialize, ToSchema)]
pub struct BoardRowOut {
    pub id: i64,
    pub title: String,
    pub org_name: String,
    pub year: i64,
    /// planned、active、drafting、rectifying、rechecking、closed
    pub stage: String,
    pub stage_label: String,
    pub form_label: String,
    pub committee_name: String,
    /// 今天已超期的承办单位事项数（整改方案或整改结果）
    pub overdue: i64,
    /// 最近的一个期限
    pub next_due: Option<String>,
}

impl From<store::supervision::BoardRow> for BoardRowOut {
    fn from(r: store::supervision::BoardRow) -> Self {
        BoardRowOut {
            id: r.id.0,
            title: r.title,
            org_name: r.org_name,
            year: r.year,
            stage: r.stage.into(),
            stage_label: r.stage_label.into(),
            form_label: r.form_label.into(),
            committee_name: r.committee_name,
            overdue: r.overdue,
            next_due: r.next_due,
        }
    }
}

/// 看板：议题与超期合计；承办单位另有待办（queue）。
#[derive(Debug, Serialize, ToSchema)]
pub struct BoardOut {
    pub topics: Vec<BoardRowOut>,
    pub overdue_total: i64,
    /// 承办单位令牌：本单位待报的整改方案与整改结果，期限近的在前
    pub queue: Vec<QueueOut>,
}

/// 承办单位的一项待办。
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueOut {
    pub topic_id: i64,
    pub title: String,
    /// 监督意见序号
    pub opinion: i64,
    /// plan（整改方案）或 results（整改结果）
    pub awaiting: String,
    pub due: String,
    pub overdue: bool,
}

impl From<store::supervision::QueueRow> for QueueOut {
    fn from(r: store::supervision::QueueRow) -> Self {
        QueueOut {
            topic_id: r.topic_id.0,
            title: r.title,
            opinion: r.opinion,
            awaiting: r.awaiting,
            due: r.due,
            overdue: r.overdue,
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// 年度，如 2026
    pub year: Option<String>,
    /// 牵头专委会 id
    pub committee: Option<String>,
}

/// 确定监督议题（立项）。member_names 为参加委员姓名，用顿号或逗号分隔；
/// source 为 annual_plan、invitation（须填 department）、proposal 或 opinion（须填 source_id）。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TopicBody {
    pub title: String,
    pub background: String,
    pub source: String,
    pub department: String,
    #[schema(value_type = Option<i64>)]
    pub source_id: serde_json::Value,
    /// inspection、research、appraisal、proposal_handling、meeting、special、opinion_info
    pub form: String,
    /// 牵头专委会 id
    #[schema(value_type = i64)]
    pub committee: serde_json::Value,
    #[schema(value_type = i32)]
    pub year: serde_json::Value,
    pub member_names: String,
}

/// 一个议题的全貌。
#[derive(Debug, Serialize, ToSchema)]
pub struct TopicOut {
    pub id: i64,
    pub title: String,
    pub background: String,
    pub org_name: String,
    pub year: i32,
    pub stage: String,
    pub stage_label: String,
    /// 来源：annual_plan、invitation、proposal、opinion
    pub source: String,
    pub form: String,
    pub form_label: String,
    pub committee_name: String,
    pub members: Vec<NamedOut>,
    /// 监督活动（视察、调研、评议、座谈）及发现的问题
    #[schema(value_type = Vec<Object>)]
    pub activities: serde_json::Value,
    pub opinions: Vec<OpinionOut>,
    /// 回头看结论（办结后）
    pub conclusion: Option<String>,
    /// 调用者现在可做的议题级操作（do 的取值）
    pub steps: Vec<String>,
    pub history: Vec<HistoryOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NamedOut {
    pub id: i64,
    pub name: String,
}

/// 一条监督意见及各承办单位的整改情况。
#[derive(Debug, Serialize, ToSchema)]
pub struct OpinionOut {
    pub seq: u32,
    pub title: String,
    pub text: String,
    pub drafted_on: String,
    pub sent_on: Option<String>,
    pub units: Vec<UnitOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnitOut {
    pub unit: i64,
    pub unit_name: String,
    /// 交办状态（tracking 的 state）
    pub state: String,
    pub state_label: String,
    pub due: String,
    /// 整改方案
    pub plan: Option<String>,
    /// 整改结果与佐证材料
    pub results: Vec<String>,
    /// 调用者现在对该单位可做的操作（do 的取值）
    pub steps: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    pub at: i64,
    pub login: String,
    pub action: String,
    pub step: String,
    pub to_stage: String,
    pub opinion: Option<i64>,
    pub comment: String,
}

impl From<store::supervision::HistoryRow> for HistoryOut {
    fn from(h: store::supervision::HistoryRow) -> Self {
        HistoryOut {
            at: h.at,
            login: h.login,
            action: h.action,
            step: h.step,
            to_stage: h.to_stage,
            opinion: h.opinion,
            comment: h.comment,
        }
    }
}

/// 办理一步：do 为操作（record_activity、draft_opinion、send_opinion、draft_plan、
/// submit_plan、accept_plan、send_back_plan、extend、record_results、start_recheck、
/// reopen、close），其余字段与网页表单相同（opinion、unit、units、title、text、kind、
/// start、end、place、participants、findings、document_no、signed_by、contact_person、
/// contact_phone、result、evidence、until、reason、conclusion）。
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct StepBody {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fields: serde_json::Map<String, serde_json::Value>,
}
