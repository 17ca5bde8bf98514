//! The whole record of a proposal as the API shows it: the text, the units
//! and their answers and ratings, every step taken, and the steps the
//! caller may take now.

use domain::proposal::{CosignStatus, Proposal, Proposer};
use domain::tracking::{Assignment, Rater, TrackingPolicy, Warning};
use serde::Serialize;
use store::proposal::{HistoryRow, Stored};
use time::Date;
use utoipa::ToSchema;

use crate::proposals::Offer;

/// 提案正文（情况与分析、建议等）。
#[derive(Debug, Serialize, ToSchema)]
pub struct TextOut {
    /// 案由
    title: String,
    /// 情况与分析
    analysis: String,
    /// 建议
    suggestions: String,
    category: String,
    /// 是否同意公开
    public: bool,
    /// 建议承办单位 id，以逗号分隔
    suggested_units: String,
}

/// 一位联名委员。
#[derive(Debug, Serialize, ToSchema)]
pub struct CosignerOut {
    member_id: i64,
    /// `invited`、`confirmed`、`declined` 或 `lapsed`
    status: String,
}

/// 承办单位的答复。
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerOut {
    /// 答复类别：`a`、`b` 或 `c`
    class: String,
    class_label: String,
    /// 文号
    document_no: Option<String>,
    /// 签发人
    signed_by: String,
    contact_person: String,
    contact_phone: String,
    text: String,
}

/// 提案人对一次答复的评价。
#[derive(Debug, Serialize, ToSchema)]
pub struct RatingOut {
    /// 评价的委员；集体提案由提案单位账号评价，为 null
    member_id: Option<i64>,
    /// 第几次答复（重新办理后加一）
    round: u32,
    /// `satisfied`、`basically_satisfied` 或 `dissatisfied`
    satisfaction: String,
    satisfaction_label: String,
    /// 办理前是否沟通
    contacted: bool,
    /// 答复是否切中要点
    on_point: bool,
    comment: Option<String>,
    /// 由工作人员代为录入
    entered_on_behalf: bool,
}

/// 交办给一个承办单位的办理情况。
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentOut {
    seq: u32,
    unit_id: i64,
    unit_name: String,
    /// `sole`（单办）、`lead`（主办）、`co`（会办）或 `each`（分办）
    role: String,
    role_label: String,
    /// 办理状态代码，如 `assigned`、`submitted`、`accepted`
    state: String,
    state_label: String,
    /// 交办日期（YYYY-MM-DD）
    assigned_on: String,
    /// 可退回的最后一天
    return_by: String,
    /// 办前沟通的期限
    contact_by: String,
    /// 答复期限
    due: String,
    contacted_on: Option<String>,
    /// 期限预警：`blue`、`yellow`、`red`、`overdue`；无预警为 null
    warning: Option<String>,
    warning_label: Option<String>,
    /// 第几次办理
    round: u32,
    /// 会办单位送主办单位的意见
    views: Option<String>,
    answer: Option<AnswerOut>,
    ratings: Vec<RatingOut>,
}

fn date(d: Date) -> String {
    d.to_string()
}

fn warning_code(w: Warning) -> &'static str {
    match w {
        Warning::Blue => "blue",
        Warning::Yellow => "yellow",
        Warning::Red => "red",
        Warning::Overdue => "overdue",
    }
}

impl AssignmentOut {
    fn new(a: &Assignment, units: &[(i64, String)], today: Date, policy: &TrackingPolicy) -> Self {
        let warning = a.warning(today, policy);
        AssignmentOut {
            seq: a.seq,
            unit_id: a.unit.0,
            unit_name: units
                .iter()
                .find(|(id, _)| *id == a.unit.0)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| format!("单位{}", a.unit)),
            role: a.role.code().to_string(),
            role_label: a.role.label().to_string(),
            state: a.state.code().to_string(),
            state_label: a.state.label().to_string(),
            assigned_on: date(a.assigned_on),
            return_by: date(a.return_by),
            contact_by: date(a.contact_by),
            due: date(a.due),
            contacted_on: a.contacted_on.map(date),
            warning: warning.map(|w| warning_code(w).to_string()),
            warning_label: warning.map(|w| w.label().to_string()),
            round: a.round,
            views: a.views.clone(),
            answer: a.answer.as_ref().map(|x| AnswerOut {
                class: x.class.code().to_string(),
                class_label: x.class.label().to_string(),
                document_no: x.document_no.clone(),
                signed_by: x.signed_by.clone(),
                contact_person: x.contact_person.clone(),
                contact_phone: x.contact_phone.clone(),
                text: x.text.clone(),
            }),
            ratings: a
                .ratings
                .iter()
                .map(|r| RatingOut {
                    member_id: match r.rater {
                        Rater::Member(m) => Some(m.0),
                        _ => None,
                    },
                    round: r.round,
                    satisfaction: r.feedback.satisfaction.code().to_string(),
                    satisfaction_label: r.feedback.satisfaction.label().to_string(),
                    contacted: r.feedback.contacted,
                    on_point: r.feedback.on_point,
                    comment: r.feedback.comment.clone(),
                    entered_on_behalf: r.entered_on_behalf,
                })
                .collect(),
        }
    }
}

/// 办理过程中的一步。
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    /// 时间（Unix 秒）
    at: i64,
    /// 操作人登录名；经接口办理的为 `api:令牌名称`
    actor: String,
    /// 操作代码
    action: String,
    action_label: String,
    from_stage: String,
    to_stage: String,
    /// 理由或说明
    comment: String,
}

impl From<HistoryRow> for HistoryOut {
    fn from(h: HistoryRow) -> Self {
        let action_label = domain::proposal::ActionKind::all()
            .into_iter()
            .find(|k| k.code() == h.action)
            .map(|k| k.label())
            .unwrap_or("")
            .to_string();
        HistoryOut {
            at: h.at,
            actor: h.actor_login,
            action: h.action,
            action_label,
            from_stage: h.from_stage,
            to_stage: h.to_stage,
            comment: h.comment,
        }
    }
}

/// 调用者此刻可以进行的一步（POST /proposals/{id}/actions 的 `do`）。
#[derive(Debug, Serialize, ToSchema)]
pub struct StepOut {
    /// 操作代码
    r#do: String,
    label: String,
    /// 针对哪个承办单位（审核答复、评价、重新办理）
    unit_id: Option<i64>,
    unit_name: String,
}

impl From<Offer> for StepOut {
    fn from(o: Offer) -> Self {
        StepOut {
            r#do: o.code.to_string(),
            label: o.label.to_string(),
            unit_id: o.unit,
            unit_name: o.unit_name,
        }
    }
}

/// 一件提案的全部信息。
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalOut {
    id: i64,
    org_id: i64,
    org_name: String,
    /// 届次 id
    term_id: i64,
    year: i32,
    /// 环节代码
    stage: String,
    stage_label: String,
    /// 立案编号，如“第0001号”；未立案为 null
    number: Option<String>,
    proposer_kind: String,
    proposer_kind_label: String,
    /// 第一提案人（委员 id）；集体提案为 null
    initiator_member_id: Option<i64>,
    /// 集体提案的提案单位名称
    body_name: Option<String>,
    cosigners: Vec<CosignerOut>,
    text: TextOut,
    /// 不予立案的理由
    not_filed_reason: Option<String>,
    /// 并案时所并入的提案 id
    merged_into: Option<i64>,
    /// 重点提案
    key: bool,
    /// 优秀提案
    excellent: bool,
    assignments: Vec<AssignmentOut>,
    /// 办理过程，按时间先后
    history: Vec<HistoryOut>,
    /// 调用者此刻可以进行的操作
    steps: Vec<StepOut>,
    /// 每次变动加一
    version: u64,
    created_at: i64,
    updated_at: i64,
}

/// Everything the record shows besides the stored proposal.
pub struct RecordParts {
    pub units: Vec<(i64, String)>,
    pub history: Vec<HistoryRow>,
    pub steps: Vec<Offer>,
    pub today: Date,
    pub policy: TrackingPolicy,
}

impl ProposalOut {
    pub fn new(s: Stored, parts: RecordParts) -> Self {
        let p: &Proposal = &s.proposal;
        let (initiator, body_name) = match &p.proposer {
            Proposer::Member(m) => (Some(m.0), None),
            Proposer::Body { name, .. } => (None, Some(name.clone())),
        };
        let kind = p.kind();
        ProposalOut {
            id: p.id.0,
            org_id: p.org.0,
            org_name: s.org_name.clone(),
            term_id: p.term.0,
            year: p.year,
            stage: p.stage.code().to_string(),
            stage_label: p.stage.label().to_string(),
            number: p.number.map(|n| n.to_string()),
            proposer_kind: kind_code(kind).to_string(),
            proposer_kind_label: kind.label().to_string(),
            initiator_member_id: initiator,
            body_name,
            cosigners: p
                .cosigners
                .iter()
                .map(|c| CosignerOut {
                    member_id: c.member.0,
                    status: cosign_code(c.status).to_string(),
                })
                .collect(),
            not_filed_reason: p.not_filed_reason.map(|r| r.label().to_string()),
            merged_into: p.merged_into.map(|m| m.0),
            key: p.key.is_some(),
            excellent: p.excellent,
            assignments: p
                .tracking
                .assignments
                .iter()
                .map(|a| AssignmentOut::new(a, &parts.units, parts.today, &parts.policy))
                .collect(),
            history: parts.history.into_iter().map(HistoryOut::from).collect(),
            steps: parts.steps.into_iter().map(StepOut::from).collect(),
            version: p.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
            text: TextOut {
                public: s.text.public != "0",
                title: s.text.title,
                analysis: s.text.analysis,
                suggestions: s.text.suggestions,
                category: s.text.category,
                suggested_units: s.text.suggested_units,
            },
        }
    }
}

fn kind_code(kind: domain::proposal::ProposerKind) -> &'static str {
    match kind {
        domain::proposal::ProposerKind::Individual => "individual",
        domain::proposal::ProposerKind::Joint => "joint",
        domain::proposal::ProposerKind::Collective => "collective",
    }
}

fn cosign_code(status: CosignStatus) -> &'static str {
    match status {
        CosignStatus::Invited => "invited",
        CosignStatus::Confirmed => "confirmed",
        CosignStatus::Declined => "declined",
        CosignStatus::Lapsed => "lapsed",
    }
}
