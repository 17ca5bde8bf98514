//! The page chrome every page shares: title, navigation by role, the elder
//! mode switch, the CSRF token for the header forms and a one-line notice.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::permission::{navigation, NavEntry};
use domain::Role;

use crate::auth::User;

pub struct Shell {
    pub title: String,
    pub user: Option<ShellUser>,
    pub nav: Vec<NavEntry>,
    /// The navigation path to highlight.
    pub active: &'static str,
    pub csrf: String,
    pub notice: Option<&'static str>,
    pub elder: bool,
    /// Unread notifications, for the bell.
    pub unread: i64,
}

pub struct ShellUser {
    pub display_name: String,
    pub role_label: &'static str,
    pub org_name: String,
    pub is_member: bool,
}

impl Shell {
    pub fn new(user: &User, title: impl Into<String>, active: &'static str) -> Shell {
        let account = &user.live.account;
        Shell {
            title: title.into(),
            nav: navigation(account.role),
            user: Some(ShellUser {
                display_name: account.display_name.clone(),
                role_label: account.role.label(),
                org_name: account.org_name.clone(),
                is_member: account.role == Role::Member,
            }),
            active,
            csrf: user.csrf().to_string(),
            notice: None,
            elder: account.elder_mode,
            unread: user.live.unread,
        }
    }

    pub fn anonymous(title: impl Into<String>, elder: bool) -> Shell {
        Shell {
            title: title.into(),
            user: None,
            nav: Vec::new(),
            active: "",
            csrf: String::new(),
            notice: None,
            elder,
            unread: 0,
        }
    }

    pub fn notice(mut self, notice: Notice) -> Shell {
        self.notice = notice.0;
        self
    }

    /// The phone's bottom bar for roles other than members: the first
    /// business entries, then 我的 (added by the template).
    pub fn tabs(&self) -> Vec<&NavEntry> {
        self.nav
            .iter()
            .filter(|e| e.path != "/me")
            .take(4)
            .collect()
    }

    pub fn is_active(&self, entry: &NavEntry) -> bool {
        self.active == entry.path
    }
}

/// The one-line confirmation after a redirect, from `?done=code`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Notice(pub Option<&'static str>);

fn message(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "已保存",
        "created" => "已新增",
        "password" => "密码已修改",
        "session_ended" => "会话已结束",
        "deactivated" => "已停用",
        "activated" => "已恢复",
        "imported" => "导入完成",
        "reset" => "密码已重置，新密码已显示给您，请线下告知本人",
        "unlocked" => "账号已解锁",
        "disabled" => "账号已停用",
        "enabled" => "账号已启用",
        "role" => "角色已变更",
        "policy" => "安全策略已更新",
        "revoked" => "令牌已吊销",
        "elder" => "显示模式已切换",
        "read" => "已全部标为已读",
        "submitted" => "提案已提交，请等待审查",
        "filed" => "已立案，编号已生成",
        "assigned" => "已交办，承办单位会收到提醒",
        "answered" => "答复已保存",
        "rated" => "评价已提交，谢谢",
        "closed" => "已办结",
        "done_step" => "已办理",
        "invited" => "已邀请联名，提交后对方会收到确认提醒",
        "attached" => "附件已上传",
        "removed" => "附件已删除",
        _ => return None,
    })
}

impl<S: Send + Sync> FromRequestParts<S> for Notice {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let code = parts
            .uri
            .query()
            .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("done=")))
            .and_then(message);
        Ok(Notice(code))
    }
}
