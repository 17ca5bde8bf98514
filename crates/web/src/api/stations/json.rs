//! The JSON shapes of `/stations` and `/demands`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// 一个工作站（室）。
#[derive(Debug, Serialize, ToSchema)]
pub struct StationOut {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    /// station、studio、sector_studio、liaison
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    pub address: String,
    pub street: String,
    pub reception_days: String,
    pub member_count: i64,
    /// 入驻委员（仅单个工作站时列出）
    pub members: Vec<MemberRef>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberRef {
    pub id: i64,
    pub name: String,
}

impl From<store::station::StationRow> for StationOut {
    fn from(r: store::station::StationRow) -> Self {
        StationOut {
            id: r.id,
            org_id: r.org_id.0,
            org_name: r.org_name,
            kind: r.kind.code().into(),
            kind_label: r.kind.label().into(),
            name: r.name,
            address: r.address,
            street: r.street,
            reception_days: r.reception_days,
            member_count: r.members,
            members: Vec::new(),
        }
    }
}

/// 新建或修改工作站：members 为委员姓名，用顿号或逗号分隔。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct StationBody {
    pub kind: String,
    pub name: String,
    pub address: String,
    pub street: String,
    pub reception_days: String,
    pub members: String,
}

/// 一次接待：date 为 2026-11-27，members 为值班委员姓名。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ReceptionBody {
    pub date: String,
    pub members: String,
    pub visitors: String,
    pub notes: String,
}

/// 覆盖情况。
#[derive(Debug, Serialize, ToSchema)]
pub struct CoverageOut {
    pub org_id: i64,
    pub org_name: String,
    pub members: i64,
    pub attached: i64,
    /// 覆盖率（%）
    pub share: f64,
    pub stations: i64,
    /// 未加入工作站的委员（前200名）
    pub uncovered: Vec<MemberRef>,
    /// 同一街道同类站点重复的地点数
    pub duplicate_places: i64,
    /// 下级政协比较（仅查看本级时）
    pub districts: Vec<DistrictOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictOut {
    pub org_id: i64,
    pub name: String,
    pub members: i64,
    pub attached: i64,
    pub share: f64,
    pub stations: i64,
    pub duplicate_places: i64,
}

/// 列表中的一件群众诉求。
#[derive(Debug, Serialize, ToSchema)]
pub struct DemandRowOut {
    pub id: i64,
    pub org_name: String,
    pub station_name: String,
    pub channel: String,
    pub category: String,
    pub excerpt: String,
    /// received、answered、forwarded、converted、closed
    pub stage: String,
    pub stage_label: String,
    pub created_at: i64,
}

impl From<store::station::DemandRow> for DemandRowOut {
    fn from(r: store::station::DemandRow) -> Self {
        DemandRowOut {
            id: r.id,
            org_name: r.org_name,
            station_name: r.station_name,
            channel: r.channel.code().into(),
            category: r.category,
            excerpt: r.excerpt,
            stage: r.stage.code().into(),
            stage_label: r.stage.label().into(),
            created_at: r.created_at,
        }
    }
}

/// 一件群众诉求：群众的称呼和电话只对机关工作人员和本站委员完整返回，承办单位只见脱敏电话。
#[derive(Debug, Serialize, ToSchema)]
pub struct DemandOut {
    pub id: i64,
    pub org_id: i64,
    pub station_id: Option<i64>,
    pub station_name: String,
    pub channel: String,
    pub category: String,
    pub content: String,
    pub stage: String,
    pub stage_label: String,
    pub public_status: String,
    pub visitor_name: Option<String>,
    pub visitor_phone: Option<String>,
    pub tracking_code: Option<String>,
    pub withheld: bool,
    /// 当前可办理的操作（与网页相同的代码）
    pub steps: Vec<String>,
    /// 处理记录（规则层的完整记录，含转办与反馈）
    #[schema(value_type = Object)]
    pub record: serde_json::Value,
}

/// 登记群众诉求（现场或电话）。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct DemandBody {
    pub station: Option<i64>,
    /// on_site 或 phone
    pub channel: String,
    pub category: String,
    pub content: String,
    pub name: String,
    pub anonymous: bool,
    pub phone: String,
    /// 群众已同意使用其信息，必须为 true
    pub consent: bool,
}

/// 一步操作：do 为 answer_on_spot、forward、to_proposal、to_opinion、to_consultation、
/// feedback、contact、answer、return、accept、send_back、rehandle、withhold、publish；
/// 其余字段与网页表单相同（answer、unit、note、date、how、satisfaction、class、text、
/// signed_by、contact_person、contact_phone、reason）。
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct StepBody {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fields: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct StationListQuery {
    /// 名称或地址包含
    pub q: Option<String>,
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct DemandListQuery {
    /// received、answered、forwarded、converted、closed
    pub stage: Option<String>,
    #[param(value_type = Option<i64>)]
    pub station: Option<String>,
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub per_page: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct OrgQuery {
    /// 政协组织 id，默认为令牌所属组织
    #[param(value_type = Option<i64>)]
    pub org: Option<String>,
    /// 统计口径：district、station、member、category
    pub by: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct TrackQuery {
    /// 查询码
    pub code: String,
}

/// 公开查询的结果：只有状态和答复，没有群众的个人信息。查询码不存在与不公开的结果相同。
#[derive(Debug, Serialize, ToSchema)]
pub struct TrackOut {
    pub found: bool,
    pub status: Option<String>,
    pub category: Option<String>,
    pub received_on: Option<String>,
    pub answers: Vec<String>,
}

/// 统计的一行。
#[derive(Debug, Serialize, ToSchema)]
pub struct StatOut {
    pub label: String,
    pub received: i64,
    pub closed: i64,
    pub on_time: i64,
    pub on_time_rate: f64,
    pub satisfaction_rate: f64,
}

impl From<&store::station::StatRow> for StatOut {
    fn from(r: &store::station::StatRow) -> Self {
        StatOut {
            label: r.label.clone(),
            received: r.received,
            closed: r.closed,
            on_time: r.on_time,
            on_time_rate: r.on_time_rate(),
            satisfaction_rate: r.satisfaction_rate(),
        }
    }
}
