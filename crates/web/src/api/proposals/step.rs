//! The body of `POST /proposals/{id}/actions`: one step, named by `do`,
//! with the same fields as the record page's form for that step.

use std::collections::BTreeMap;

use domain::FieldErrors;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::api::input::Raw;
use crate::error::WebError;

/// The step codes, as the page's forms have them.
pub const STEPS: [&str; 32] = [
    "confirm_cosign",
    "decline_cosign",
    "start_review",
    "file",
    "decline",
    "merge",
    "send_back",
    "withdraw",
    "convert",
    "convert_suggestion",
    "convert_letter",
    "assign",
    "add_unit",
    "withdraw_unit",
    "extend",
    "return",
    "contact",
    "send_views",
    "draft_answer",
    "submit_answer",
    "accept",
    "send_back_answer",
    "rehandle",
    "rate",
    "rate_on_behalf",
    "record_followup",
    "close",
    "mark_key",
    "record_supervision",
    "set_excellent",
    "unset_excellent",
    "unmark_key",
];

/// 一步办理操作：`do` 指明操作，其余字段与网页表单相同，只填该操作需要的。
///
/// | do | 谁 | 字段 |
/// |---|---|---|
/// | confirm_cosign | 被邀请的联名委员 | — |
/// | decline_cosign | 被邀请的联名委员 | reason（可空） |
/// | start_review, file, close | 工作人员 | — |
/// | decline | 工作人员 | reason（不予立案理由代码）, detail |
/// | merge | 工作人员 | into（并入的提案编号，如 0012，同届同年度）或 into_id |
/// | send_back, withdraw | 工作人员（撤案也可由提案人） | reason |
/// | convert | 工作人员（审查中） | reason；转为社情民意信息，以提案人名义报送，两边互相链接 |
/// | convert_suggestion, convert_letter | 工作人员（审查中） | reason；转为意见建议或委员来信（见 /letters），两边互相链接，通知提案人 |
/// | assign | 工作人员 | mode（single、lead_with_co、split）, unit, co_units（逗号分隔） |
/// | add_unit | 工作人员 | unit, role（sole、lead、co、each） |
/// | withdraw_unit | 工作人员 | unit, reason |
/// | extend | 工作人员 | unit, until（如 2027-06-30）, reason |
/// | accept | 工作人员 | unit；改变答复类别时 class 与 reason |
/// | send_back_answer, rehandle | 工作人员 | unit, reason |
/// | return | 承办单位 | reason |
/// | contact | 承办单位 | note |
/// | send_views | 会办单位 | views |
/// | draft_answer | 承办单位 | class, document_no, signed_by, contact_person, contact_phone, text |
/// | submit_answer | 承办单位 | — |
/// | rate | 提案人 | unit, satisfaction, contacted, on_point, comment |
/// | rate_on_behalf | 工作人员 | unit, rater_member, satisfaction, contacted, on_point, comment |
/// | record_followup | 承办单位或工作人员 | unit（工作人员填）, result |
/// | mark_key | 工作人员 | leader（督办领导账号 id） |
/// | unmark_key | 工作人员 | reason |
/// | record_supervision | 工作人员或领导 | kind（视察、调研、座谈、专题协商、其他）, note |
/// | set_excellent, unset_excellent | 工作人员 | — |
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionBody {
    /// 操作代码
    #[serde(rename = "do")]
    #[schema(value_type = String, example = "start_review")]
    step: Option<Raw>,
    #[schema(value_type = Option<String>)]
    reason: Option<Raw>,
    #[schema(value_type = Option<String>)]
    detail: Option<Raw>,
    /// 交办方式：`single`（默认）、`lead_with_co`、`split`
    #[schema(value_type = Option<String>)]
    mode: Option<Raw>,
    /// 承办单位 id
    #[schema(value_type = Option<i64>)]
    unit: Option<Raw>,
    /// 会办或分办单位 id，以逗号分隔
    #[schema(value_type = Option<String>)]
    co_units: Option<Raw>,
    /// 增加单位时的角色：`sole`、`lead`、`co`、`each`
    #[schema(value_type = Option<String>)]
    role: Option<Raw>,
    /// 延期后的答复期限，如 2027-06-30
    #[schema(value_type = Option<String>)]
    until: Option<Raw>,
    /// 并入的提案编号（同届同年度），如 0012
    #[schema(value_type = Option<String>)]
    into: Option<Raw>,
    /// 并入的提案 id（与 into 二选一）
    #[schema(value_type = Option<i64>)]
    into_id: Option<Raw>,
    #[schema(value_type = Option<String>)]
    note: Option<Raw>,
    /// 会办单位意见
    #[schema(value_type = Option<String>)]
    views: Option<Raw>,
    /// 答复类别：A、B、C
    #[schema(value_type = Option<String>)]
    class: Option<Raw>,
    #[schema(value_type = Option<String>)]
    document_no: Option<Raw>,
    #[schema(value_type = Option<String>)]
    signed_by: Option<Raw>,
    #[schema(value_type = Option<String>)]
    contact_person: Option<Raw>,
    #[schema(value_type = Option<String>)]
    contact_phone: Option<Raw>,
    #[schema(value_type = Option<String>)]
    text: Option<Raw>,
    /// `satisfied`、`basically_satisfied`、`dissatisfied`
    #[schema(value_type = Option<String>)]
    satisfaction: Option<Raw>,
    /// 办理前是否沟通：是/否
    #[schema(value_type = Option<String>)]
    contacted: Option<Raw>,
    /// 答复是否切中要点：是/否
    #[schema(value_type = Option<String>)]
    on_point: Option<Raw>,
    #[schema(value_type = Option<String>)]
    comment: Option<Raw>,
    /// 代为评价的提案人（委员 id）
    #[schema(value_type = Option<i64>)]
    rater_member: Option<Raw>,
    /// B类答复的落实结果
    #[schema(value_type = Option<String>)]
    result: Option<Raw>,
    /// 督办领导的账号 id
    #[schema(value_type = Option<i64>)]
    leader: Option<Raw>,
    /// 督办方式
    #[schema(value_type = Option<String>)]
    kind: Option<Raw>,
}

impl ActionBody {
    /// The body as the page's form: the step checked, every given field as text.
    pub fn form(self) -> Result<BTreeMap<String, String>, WebError> {
        let step = self
            .step
            .map(|Raw(s)| s.trim().to_string())
            .unwrap_or_default();
        if step.is_empty() {
            return Err(WebError::Invalid(FieldErrors::single(
                "do",
                "请用 do 指明要进行的操作",
            )));
        }
        if !STEPS.contains(&step.as_str()) {
            return Err(WebError::Invalid(FieldErrors::single(
                "do",
                format!("未知的操作“{step}”，可选 {}", STEPS.join("、")),
            )));
        }
        let mut form = BTreeMap::from([("do".to_string(), step)]);
        let fields = [
            ("reason", self.reason),
            ("detail", self.detail),
            ("mode", self.mode),
            ("unit", self.unit),
            ("co_units", self.co_units),
            ("role", self.role),
            ("until", self.until),
            ("into", self.into),
            ("into_id", self.into_id),
            ("note", self.note),
            ("views", self.views),
            ("class", self.class),
            ("document_no", self.document_no),
            ("signed_by", self.signed_by),
            ("contact_person", self.contact_person),
            ("contact_phone", self.contact_phone),
            ("text", self.text),
            ("satisfaction", self.satisfaction),
            ("contacted", self.contacted),
            ("on_point", self.on_point),
            ("comment", self.comment),
            ("rater_member", self.rater_member),
            ("result", self.result),
            ("leader", self.leader),
            ("kind", self.kind),
        ];
        for (name, value) in fields {
            if let Some(Raw(v)) = value {
                form.insert(name.to_string(), v);
            }
        }
        Ok(form)
    }
}
