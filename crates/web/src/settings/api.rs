//! `/api/v1/settings/proposals` and `/api/v1/settings/calendar`: the same
//! settings as the pages, read with where they come from and replaced with
//! the same per-field checks (422 with Chinese messages, nothing saved).

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::routing::get;
use axum::Router;
use domain::calendar::WorkCalendar;
use domain::permission::Target;
use domain::settings::calendar::{self, CalendarInput};
use domain::settings::{ProposalSettings, ProposalSettingsInput};
use domain::{FieldErrors, OrgId};
use serde::{Deserialize, Serialize};
use store::org::Org;
use store::org_settings::{Effective, Source};
use utoipa::{IntoParams, OpenApi, ToSchema};

use super::{source_code, ACTION};
use crate::api::{Caller, Json, Raw};
use crate::error::{ApiResult, WebError};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/settings/proposals",
            get(read_proposals).put(replace_proposals),
        )
        .route(
            "/settings/calendar",
            get(read_calendar).put(replace_calendar),
        )
}

#[derive(OpenApi)]
#[openapi(
    tags((name = "业务设置", description = "各级政协自己的提案办理期限、到期预警和工作日历。\
        未单独设置的组织沿用上级的设置，上级也未设置时使用默认值；`source` 说明现行设置的来源。\
        需要工作人员令牌。")),
    paths(read_proposals, replace_proposals, read_calendar, replace_calendar)
)]
pub struct Doc;

/// 要查看或修改的组织。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct SettingsQuery {
    /// 政协组织 id，默认为令牌所属组织
    #[param(value_type = Option<i64>)]
    pub(super) org_id: Option<String>,
}

/// The organisation named by `raw`, or the token's own, if the caller may
/// change its settings.
pub(super) async fn org_of(
    state: &AppState,
    caller: &Caller,
    raw: Option<&str>,
) -> Result<Org, WebError> {
    caller.may(ACTION, Target::None)?;
    let id = match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => caller.token.org_id,
        Some(r) => r
            .parse::<i64>()
            .ok()
            .filter(|v| *v > 0)
            .map(OrgId)
            .ok_or_else(|| {
                WebError::Invalid(FieldErrors::single("org_id", "政协组织 id 应为正整数"))
            })?,
    };
    caller.org_for(state, ACTION, id, "org_id").await
}

/// 现行设置的来源。
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceOut {
    /// `own`（本级设置）、`inherited`（继承自上级）或 `default`（默认值）
    source: &'static str,
    /// 继承时，设置所在的上级组织 id
    inherited_from_org_id: Option<i64>,
    /// 继承时，设置所在的上级组织名称
    inherited_from: Option<String>,
}

impl From<&Source> for SourceOut {
    fn from(source: &Source) -> Self {
        let (id, name) = match source {
            Source::Inherited { org_id, org_name } => (Some(org_id.0), Some(org_name.clone())),
            _ => (None, None),
        };
        SourceOut {
            source: source_code(source),
            inherited_from_org_id: id,
            inherited_from: name,
        }
    }
}

/// 提案期限与预警。期限写作“10个工作日”“15天”“3个月”。
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalSettingsOut {
    org_id: i64,
    org_name: String,
    #[serde(flatten)]
    source: SourceOut,
    /// 现行设置
    #[schema(value_type = Object)]
    settings: ProposalSettingsInput,
    /// 默认值
    #[schema(value_type = Object)]
    defaults: ProposalSettingsInput,
}

fn proposals_out(org: &Org, effective: &Effective<ProposalSettings>) -> ProposalSettingsOut {
    ProposalSettingsOut {
        org_id: org.id.0,
        org_name: org.name.clone(),
        source: SourceOut::from(&effective.source),
        settings: ProposalSettingsInput::from_settings(&effective.value),
        defaults: ProposalSettingsInput::from_settings(&ProposalSettings::default()),
    }
}

/// 查看提案期限与预警设置
#[utoipa::path(get, path = "/settings/proposals", tag = "业务设置", params(SettingsQuery),
    responses((status = 200, description = "现行设置、来源与默认值", body = ProposalSettingsOut)))]
pub async fn read_proposals(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<SettingsQuery>,
) -> ApiResult<Json<ProposalSettingsOut>> {
    let org = org_of(&state, &caller, q.org_id.as_deref()).await?;
    let in_force = store::org_settings::in_force(&state.db, org.id).await?;
    Ok(Json(proposals_out(&org, &in_force.proposals)))
}

/// 修改提案期限与预警。省略或为 null 的字段保持现行值；保存后本级使用自己的设置。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalSettingsBody {
    /// 政协组织 id，默认为令牌所属组织
    #[schema(value_type = Option<i64>)]
    org_id: Option<Raw>,
    #[schema(value_type = Option<String>, example = "10个工作日")]
    return_window: Option<Raw>,
    #[schema(value_type = Option<String>, example = "15个工作日")]
    first_contact: Option<Raw>,
    #[schema(value_type = Option<String>, example = "3个月")]
    answer_due: Option<Raw>,
    #[schema(value_type = Option<String>, example = "6个月")]
    max_extension: Option<Raw>,
    #[schema(value_type = Option<String>, example = "1个月")]
    rehandle_due: Option<Raw>,
    /// 剩余多少天起蓝色预警
    #[schema(value_type = Option<i64>, example = 30)]
    warning_blue: Option<Raw>,
    #[schema(value_type = Option<i64>, example = 15)]
    warning_yellow: Option<Raw>,
    #[schema(value_type = Option<i64>, example = 0)]
    warning_red: Option<Raw>,
    #[schema(value_type = Option<String>, example = "3天")]
    cosign_window: Option<Raw>,
    #[schema(value_type = Option<i64>, example = 30)]
    max_cosigners: Option<Raw>,
    #[schema(value_type = Option<i64>, example = 1)]
    max_rehandles: Option<Raw>,
    #[schema(value_type = Option<bool>)]
    contact_before_answer: Option<Raw>,
}

impl ProposalSettingsBody {
    fn over(self, mut input: ProposalSettingsInput) -> ProposalSettingsInput {
        let given = [
            ("return_window", self.return_window),
            ("first_contact", self.first_contact),
            ("answer_due", self.answer_due),
            ("max_extension", self.max_extension),
            ("rehandle_due", self.rehandle_due),
            ("warning_blue", self.warning_blue),
            ("warning_yellow", self.warning_yellow),
            ("warning_red", self.warning_red),
            ("cosign_window", self.cosign_window),
            ("max_cosigners", self.max_cosigners),
            ("max_rehandles", self.max_rehandles),
            ("contact_before_answer", self.contact_before_answer),
        ];
        for (name, value) in given {
            if let Some(Raw(value)) = value {
                input.set(name, value);
            }
        }
        input
    }
}

/// 修改提案期限与预警设置
#[utoipa::path(put, path = "/settings/proposals", tag = "业务设置",
    request_body = ProposalSettingsBody,
    responses((status = 200, description = "已保存，返回现行设置", body = ProposalSettingsOut)))]
pub async fn replace_proposals(
    State(state): State<AppState>,
    caller: Caller,
    Json(mut body): Json<ProposalSettingsBody>,
) -> ApiResult<Json<ProposalSettingsOut>> {
    let raw_org = body.org_id.take().map(|Raw(r)| r);
    let org = org_of(&state, &caller, raw_org.as_deref()).await?;
    let in_force = store::org_settings::in_force(&state.db, org.id).await?;
    let input = body.over(ProposalSettingsInput::from_settings(
        &in_force.proposals.value,
    ));
    let settings = input.parse().map_err(WebError::Invalid)?;
    store::org_settings::save_proposals(&state.db, state.now(), &caller.who(), org.id, &settings)
        .await?;
    let saved = Effective {
        value: settings,
        source: Source::Own,
    };
    Ok(Json(proposals_out(&org, &saved)))
}

/// 工作日历：法定节假日与调休上班日（日期为 `2027-10-01` 格式）。
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarOut {
    org_id: i64,
    org_name: String,
    #[serde(flatten)]
    source: SourceOut,
    holidays: Vec<String>,
    extra_workdays: Vec<String>,
}

fn calendar_out(org: &Org, effective: &Effective<WorkCalendar>) -> CalendarOut {
    let text = |set: &std::collections::BTreeSet<time::Date>| -> Vec<String> {
        set.iter().map(|d| d.to_string()).collect()
    };
    CalendarOut {
        org_id: org.id.0,
        org_name: org.name.clone(),
        source: SourceOut::from(&effective.source),
        holidays: text(&effective.value.holidays),
        extra_workdays: text(&effective.value.extra_workdays),
    }
}

/// 查看工作日历
#[utoipa::path(get, path = "/settings/calendar", tag = "业务设置", params(SettingsQuery),
    responses((status = 200, description = "现行日历及其来源", body = CalendarOut)))]
pub async fn read_calendar(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<SettingsQuery>,
) -> ApiResult<Json<CalendarOut>> {
    let org = org_of(&state, &caller, q.org_id.as_deref()).await?;
    let in_force = store::org_settings::in_force(&state.db, org.id).await?;
    Ok(Json(calendar_out(&org, &in_force.calendar)))
}

/// 修改工作日历。日期可写作数组，或一段文字（每行一个日期，连续日期写作
/// `2027-10-01~2027-10-07`）。给出 `year` 时只替换该年的日期，否则替换整个日历。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarBody {
    /// 政协组织 id，默认为令牌所属组织
    #[schema(value_type = Option<i64>)]
    org_id: Option<serde_json::Value>,
    /// 只替换这一年的日期
    #[schema(value_type = Option<i32>, example = 2027)]
    year: Option<serde_json::Value>,
    #[schema(value_type = Vec<String>, example = json!(["2027-10-01~2027-10-07"]))]
    holidays: Option<DateList>,
    #[schema(value_type = Vec<String>, example = json!(["2027-10-09"]))]
    extra_workdays: Option<DateList>,
}

/// Dates as an array of strings or as one text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DateList {
    Text(String),
    Items(Vec<String>),
}

impl DateList {
    fn text(self) -> String {
        match self {
            DateList::Text(t) => t,
            DateList::Items(items) => items.join("\n"),
        }
    }
}

fn scalar(value: Option<serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Reads the calendar body: JSON only, a shape error names the field.
fn calendar_body(headers: &HeaderMap, bytes: &[u8]) -> Result<CalendarBody, WebError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if !json {
        return Err(WebError::BadRequest(
            "请求头 Content-Type 应为 application/json".into(),
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|_| WebError::BadRequest("请求体不是有效的 JSON".into()))?;
    if !value.is_object() {
        return Err(WebError::BadRequest("请求体应为 JSON 对象".into()));
    }
    serde_json::from_value(value).map_err(|e| {
        let message = e.to_string();
        let field = ["org_id", "year", "holidays", "extra_workdays"]
            .into_iter()
            .find(|f| message.contains(f))
            .unwrap_or("body");
        WebError::Invalid(FieldErrors::single(
            field,
            "可用的字段：org_id、year、holidays（日期数组或文字）、extra_workdays（同上）",
        ))
    })
}

/// 修改工作日历
#[utoipa::path(put, path = "/settings/calendar", tag = "业务设置", request_body = CalendarBody,
    responses((status = 200, description = "已保存，返回现行日历", body = CalendarOut)))]
pub async fn replace_calendar(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    bytes: Bytes,
) -> ApiResult<Json<CalendarOut>> {
    let body = calendar_body(&headers, &bytes)?;
    let org = org_of(&state, &caller, scalar(body.org_id).as_deref()).await?;
    let year = match scalar(body.year) {
        None => None,
        Some(raw) => Some(
            raw.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| calendar::YEARS.contains(y))
                .ok_or_else(|| {
                    WebError::Invalid(FieldErrors::single("year", "年份应为2000到2100之间的整数"))
                })?,
        ),
    };
    let input = CalendarInput {
        holidays: body.holidays.map(DateList::text).unwrap_or_default(),
        extra_workdays: body.extra_workdays.map(DateList::text).unwrap_or_default(),
    };
    let edited = input.parse(year).map_err(WebError::Invalid)?;
    let in_force = store::org_settings::in_force(&state.db, org.id).await?;
    let merged = match year {
        Some(year) => calendar::replace_year(&in_force.calendar.value, year, &edited),
        None => edited,
    };
    store::org_settings::save_calendar(&state.db, state.now(), &caller.who(), org.id, &merged)
        .await?;
    let saved = Effective {
        value: merged,
        source: Source::Own,
    };
    Ok(Json(calendar_out(&org, &saved)))
}
