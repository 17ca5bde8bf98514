//! The roles an account can hold. Business roles do the work; the three
//! administrators (三员分立) run the system and never do the business.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 委员
    Member,
    /// 机关干部
    Staff,
    /// 领导 (chair, vice-chair)
    Leader,
    /// 承办单位 clerk
    UnitClerk,
    /// 系统管理员: accounts and settings
    SysAdmin,
    /// 安全管理员: roles, permissions, security policy
    SecAdmin,
    /// 审计管理员: reads the audit log
    AuditAdmin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Member,
        Role::Staff,
        Role::Leader,
        Role::UnitClerk,
        Role::SysAdmin,
        Role::SecAdmin,
        Role::AuditAdmin,
    ];

    /// The stable code stored in the database and used in the API.
    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Staff => "staff",
            Role::Leader => "leader",
            Role::UnitClerk => "unit_clerk",
            Role::SysAdmin => "sys_admin",
            Role::SecAdmin => "sec_admin",
            Role::AuditAdmin => "audit_admin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "委员",
            Role::Staff => "机关干部",
            Role::Leader => "领导",
            Role::UnitClerk => "承办单位",
            Role::SysAdmin => "系统管理员",
            Role::SecAdmin => "安全管理员",
            Role::AuditAdmin => "审计管理员",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// One of the three separated administrators.
    pub fn is_admin(self) -> bool {
        matches!(self, Role::SysAdmin | Role::SecAdmin | Role::AuditAdmin)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }
}
