//! The JSON shapes of `/users`: the list filters, the account as shown
//! (never its password) and the bodies of a create and an update.

use domain::field::required_text;
use domain::{FieldErrors, MemberId, OrgId, Role, UnitId};
use serde::{Deserialize, Serialize};
use store::user::{Account, NewAccount};
use utoipa::{IntoParams, ToSchema};

use crate::api::input::Raw;

/// 账号列表的筛选条件。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// 登录名或姓名关键字
    pub(super) q: Option<String>,
    /// 角色代码，如 `staff`
    pub(super) role: Option<String>,
    #[param(value_type = Option<i64>)]
    pub(super) page: Option<String>,
    #[param(value_type = Option<i64>)]
    pub(super) per_page: Option<String>,
}

pub(super) fn role_of(raw: &str) -> Result<Role, String> {
    Role::from_code(raw.trim()).ok_or_else(|| format!("角色“{}”无效", raw.trim()))
}

/// 一个账号（不含密码）。
#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    id: i64,
    login: String,
    display_name: String,
    /// 角色代码
    role: String,
    role_label: String,
    org_id: i64,
    org_name: String,
    member_id: Option<i64>,
    unit_id: Option<i64>,
    must_change_password: bool,
    /// 已停用
    disabled: bool,
    /// 因连续登录失败而锁定中
    locked: bool,
    /// 上次登录时间（Unix 秒）
    last_login_at: Option<i64>,
}

impl UserOut {
    pub(super) fn new(a: Account, now: i64) -> Self {
        UserOut {
            locked: a.is_locked(now),
            id: a.id.0,
            login: a.login,
            display_name: a.display_name,
            role: a.role.code().to_string(),
            role_label: a.role.label().to_string(),
            org_id: a.org_id.0,
            org_name: a.org_name,
            member_id: a.member_id.map(|m| m.0),
            unit_id: a.unit_id.map(|u| u.0),
            must_change_password: a.must_change_password,
            disabled: a.disabled,
            last_login_at: a.last_login_at,
        }
    }
}

/// 新建账号。初始密码须符合安全策略，首次登录时必须修改。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    /// 3 到 32 位字母、数字或 `_` `.` `-`
    #[schema(value_type = String, example = "zhangwei")]
    login: Option<Raw>,
    #[schema(value_type = String, example = "张伟")]
    display_name: Option<Raw>,
    /// 业务角色：`member`、`staff`、`leader`、`unit_clerk`（管理员账号不经接口创建）
    #[schema(value_type = String, example = "staff")]
    role: Option<Raw>,
    #[schema(value_type = i64)]
    org_id: Option<Raw>,
    /// 委员账号关联的委员 id（角色为 member 时必填）
    #[schema(value_type = Option<i64>)]
    member_id: Option<Raw>,
    /// 承办单位账号关联的承办单位 id（角色为 unit_clerk 时必填）
    #[schema(value_type = Option<i64>)]
    unit_id: Option<Raw>,
    /// 初始密码
    #[schema(value_type = String)]
    password: Option<Raw>,
}

/// 修改账号：目前可改的只有姓名。
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserBody {
    #[schema(value_type = Option<String>, example = "张伟")]
    pub(super) display_name: Option<Raw>,
}

pub(super) fn text(raw: &Option<Raw>) -> &str {
    raw.as_ref().map(|Raw(v)| v.trim()).unwrap_or("")
}

fn parse_login(raw: &str) -> Result<String, String> {
    let ok = (3..=32).contains(&raw.len())
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(raw.to_string())
    } else {
        Err("登录名应为3到32位字母、数字或 _ . -".into())
    }
}

/// A link id that the role needs (`Some`) or must not have (`None`).
fn link(raw: &str, needed: bool, label: &str) -> Result<Option<i64>, String> {
    match (raw.is_empty(), needed) {
        (true, false) => Ok(None),
        (true, true) => Err(format!("请填写{label}")),
        (false, false) => Err(format!("此角色不关联{label}")),
        (false, true) => raw
            .parse::<i64>()
            .ok()
            .filter(|v| *v > 0)
            .map(Some)
            .ok_or_else(|| format!("{label}应为正整数")),
    }
}

impl NewUserBody {
    /// Parses every field and reports every error at once.
    pub(super) fn parse(
        &self,
        policy: &domain::security::SecurityPolicy,
    ) -> Result<NewAccount, FieldErrors> {
        let mut e = FieldErrors::new();
        let login = e.take("login", parse_login(text(&self.login)));
        let display_name = e.take(
            "display_name",
            required_text(text(&self.display_name), "姓名", 30),
        );
        // The three administrators are set up by the security administrator,
        // never by a token (三员分立).
        let role = role_of(text(&self.role)).and_then(|r| {
            if r.is_admin() {
                Err("接口不能创建管理员账号".into())
            } else {
                Ok(r)
            }
        });
        let role = e.take(
            "role",
            if text(&self.role).is_empty() {
                Err("请选择角色".into())
            } else {
                role
            },
        );
        let org_id = e.take("org_id", link(text(&self.org_id), true, "所属政协"));
        let member_id = role.and_then(|r| {
            e.take(
                "member_id",
                link(text(&self.member_id), r == Role::Member, "委员"),
            )
        });
        let unit_id = role.and_then(|r| {
            e.take(
                "unit_id",
                link(text(&self.unit_id), r == Role::UnitClerk, "承办单位"),
            )
        });
        let password = text(&self.password).to_string();
        let checked = policy.check_password(&password, login.as_deref().unwrap_or(""));
        e.take("password", checked);
        e.finish(|| {
            Some(NewAccount {
                login: login?,
                display_name: display_name?,
                role: role?,
                org_id: OrgId(org_id??),
                member_id: member_id?.map(MemberId),
                unit_id: unit_id?.map(UnitId),
                password,
                must_change_password: true,
            })
        })
    }
}
