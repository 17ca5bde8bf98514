//! The JSON shapes of `/members`: the list filters, the record as shown
//! (masked) and the body of a create or an update.

use domain::member::{Gender, MemberInput, Party, Post};
use domain::FieldErrors;
use serde::{Deserialize, Serialize};
use store::member::{Member, MemberFilter, MemberRow};
use utoipa::{IntoParams, ToSchema};

use crate::api::input::{checked, id_filter, overlay, paging, Raw};
use crate::error::WebError;

/// 委员列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// 姓名关键字
    q: Option<String>,
    /// 所属政协 id
    #[param(value_type = Option<i64>)]
    org_id: Option<String>,
    /// 界别名称，如“教育界”（跨政协按名称筛选）
    sector: Option<String>,
    /// 专委会名称
    committee: Option<String>,
    /// 政治面貌代码，如 `cpc`、`non_party`
    party: Option<String>,
    /// 职务代码：`chair`、`vice_chair`、`secretary_general`、`standing`、`member`
    post: Option<String>,
    /// `inactive` 只看已停用的委员；默认只看在任委员
    status: Option<String>,
    /// 页码，从 1 开始
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    /// 每页条数，1 到 100，默认 20
    #[param(value_type = Option<i64>)]
    per_page: Option<String>,
}

impl MemberQuery {
    pub(super) fn parse(&self) -> Result<(MemberFilter, i64, i64), WebError> {
        let mut e = FieldErrors::new();
        let party = e
            .take("party", choice(text(&self.party), "政治面貌", Party::parse))
            .flatten();
        let post = e
            .take("post", choice(text(&self.post), "职务", Post::parse))
            .flatten();
        let inactive = match text(&self.status).as_deref() {
            None | Some("active") => false,
            Some("inactive") => true,
            Some(other) => {
                e.add(
                    "status",
                    format!("状态“{other}”无效，可选 active、inactive"),
                );
                false
            }
        };
        let filter = MemberFilter {
            q: text(&self.q),
            org_id: id_filter(self.org_id.as_deref(), "org_id", "所属政协", &mut e),
            sector: text(&self.sector),
            committee: text(&self.committee),
            party,
            post,
            inactive,
        };
        let (page, per_page) = paging(self.page.as_deref(), self.per_page.as_deref(), &mut e);
        checked(e, (filter, page, per_page))
    }
}

fn text(raw: &Option<String>) -> Option<String> {
    raw.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// An optional code filter: absent is none, an unknown code is an error.
fn choice<T>(
    raw: Option<String>,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    match raw {
        None => Ok(None),
        Some(r) => parse(&r)
            .map(Some)
            .ok_or_else(|| format!("“{r}”不是可选的{what}")),
    }
}

/// 委员列表中的一行。
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberItem {
    id: i64,
    name: String,
    /// 性别代码：`male`、`female`
    gender: String,
    gender_label: String,
    /// 政治面貌代码
    party: String,
    party_label: String,
    /// 职务代码
    post: String,
    post_label: String,
    org_name: String,
    sector_name: String,
    committee_name: String,
    work_unit: String,
    job_title: String,
    /// 脱敏手机号，如 `138****5678`
    phone_masked: String,
    active: bool,
}

/// A code from a stored label (list rows carry labels).
fn code<T: Copy>(label: &str, parse: fn(&str) -> Option<T>, code: fn(T) -> &'static str) -> String {
    parse(label).map(code).unwrap_or(label).to_string()
}

impl From<MemberRow> for MemberItem {
    fn from(r: MemberRow) -> Self {
        MemberItem {
            id: r.id.0,
            gender: code(&r.gender, Gender::parse, Gender::code),
            party: code(&r.party, Party::parse, Party::code),
            post: code(&r.post, Post::parse, Post::code),
            name: r.name,
            gender_label: r.gender,
            party_label: r.party,
            post_label: r.post,
            org_name: r.org_name,
            sector_name: r.sector_name,
            committee_name: r.committee_name,
            work_unit: r.work_unit,
            job_title: r.job_title,
            phone_masked: r.phone_masked,
            active: r.active,
        }
    }
}

/// 一名委员的完整信息（个人信息仅脱敏显示）。
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    #[serde(flatten)]
    item: MemberItem,
    org_id: i64,
    ethnicity: String,
    /// 出生日期，`1965-03-09`；未登记为空
    birth_date: String,
    sector_id: i64,
    committee_id: Option<i64>,
    term_id: Option<i64>,
    term_name: String,
    /// 脱敏身份证号，如 `500103********1234`
    id_masked: String,
    email: String,
    address: String,
}

impl From<Member> for MemberOut {
    fn from(m: Member) -> Self {
        MemberOut {
            item: MemberItem::from(m.row),
            org_id: m.org_id.0,
            ethnicity: m.ethnicity,
            birth_date: m.birth_date,
            sector_id: m.sector_id,
            committee_id: m.committee_id,
            term_id: m.term_id,
            term_name: m.term_name,
            id_masked: m.id_masked,
            email: m.email,
            address: m.address,
        }
    }
}

/// 新增或修改委员。取值可为文字或数字；PATCH 中省略或为 null 的字段保持不变。
/// `phone`、`id_number` 留空表示保持原值（接口从不返回完整值）。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberBody {
    #[schema(value_type = Option<String>, example = "张伟")]
    name: Option<Raw>,
    /// `male`/`female` 或 男/女
    #[schema(value_type = Option<String>, example = "male")]
    gender: Option<Raw>,
    /// 默认“汉族”
    #[schema(value_type = Option<String>)]
    ethnicity: Option<Raw>,
    #[schema(value_type = Option<String>, example = "1968-05-12")]
    birth_date: Option<Raw>,
    /// 政治面貌代码或名称
    #[schema(value_type = Option<String>, example = "cpc")]
    party: Option<Raw>,
    /// 所属政协 id；新增时必填，修改时不能变更
    #[schema(value_type = Option<i64>)]
    pub(super) org_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    sector_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    committee_id: Option<Raw>,
    #[schema(value_type = Option<i64>)]
    term_id: Option<Raw>,
    /// 职务代码或名称
    #[schema(value_type = Option<String>, example = "member")]
    post: Option<Raw>,
    #[schema(value_type = Option<String>)]
    work_unit: Option<Raw>,
    #[schema(value_type = Option<String>)]
    job_title: Option<Raw>,
    #[schema(value_type = Option<String>, example = "13812345678")]
    phone: Option<Raw>,
    #[schema(value_type = Option<String>)]
    id_number: Option<Raw>,
    #[schema(value_type = Option<String>)]
    email: Option<Raw>,
    #[schema(value_type = Option<String>)]
    address: Option<Raw>,
}

impl MemberBody {
    pub(super) fn over(self, mut input: MemberInput) -> MemberInput {
        overlay!(self => input; name, gender, ethnicity, birth_date, party, org_id, sector_id,
            committee_id, term_id, post, work_unit, job_title, phone, id_number, email, address);
        input
    }
}

/// The stored record as input, for PATCH. Phone and ID stay empty: empty keeps them.
pub(super) fn input_of(m: &Member) -> MemberInput {
    m.as_input()
}
