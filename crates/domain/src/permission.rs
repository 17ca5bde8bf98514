//! The one place that decides what a user may see and do. Pages and the API
//! both call [`check`]; the answer depends on the role, the organisation tree
//! and the actor's relation to the record.

use serde::Serialize;

use crate::org::OrgPath;
use crate::{MemberId, OrgId, Role, UserId};

/// Who is acting.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub org_id: OrgId,
    pub org_path: OrgPath,
    /// The member record this account belongs to, for a member.
    pub member_id: Option<MemberId>,
}

/// Everything a user can ask to do in the foundation modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Own home page, own profile, own password and sessions.
    UseOwnAccount,
    ViewMembers,
    EditMembers,
    /// See a member's phone and ID number in full (audited).
    ViewMemberPersonalData,
    ImportMembers,
    ExportMembers,
    /// Read organisations, sectors, committees, terms and handling units.
    ViewStructure,
    /// Edit sectors, committees, terms and handling units.
    EditStructure,
    /// Edit the organisation tree itself.
    EditOrganisations,
    /// Create, disable, reset and unlock accounts.
    ManageAccounts,
    /// Grant and change roles; issue and revoke API tokens.
    ManageRoles,
    /// Password, lockout and session policy.
    ManageSecurityPolicy,
    ReadAudit,
    /// Take part in the proposal business: draft, review, answer, rate.
    /// What exactly is decided per record by `crate::proposal::apply`.
    WorkOnProposals,
    /// Send and work on 社情民意信息; per record by `crate::opinion::apply`.
    WorkOnOpinions,
    /// Members' work stations and studios, receptions and citizens' demands.
    WorkOnStations,
    /// Democratic supervision: topics, activities and supervision opinions.
    WorkOnSupervision,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::UseOwnAccount,
        Action::ViewMembers,
        Action::EditMembers,
        Action::ViewMemberPersonalData,
        Action::ImportMembers,
        Action::ExportMembers,
        Action::ViewStructure,
        Action::EditStructure,
        Action::EditOrganisations,
        Action::ManageAccounts,
        Action::ManageRoles,
        Action::ManageSecurityPolicy,
        Action::ReadAudit,
        Action::WorkOnProposals,
        Action::WorkOnOpinions,
        Action::WorkOnStations,
        Action::WorkOnSupervision,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::UseOwnAccount => "个人主页与账号",
            Action::ViewMembers => "查看委员信息",
            Action::EditMembers => "新增、修改委员",
            Action::ViewMemberPersonalData => "查看完整手机号与身份证号",
            Action::ImportMembers => "导入委员",
            Action::ExportMembers => "导出委员",
            Action::ViewStructure => "查看组织架构",
            Action::EditStructure => "维护界别、专委会、届次、承办单位",
            Action::EditOrganisations => "维护政协组织",
            Action::ManageAccounts => "账号管理",
            Action::ManageRoles => "角色授权与接口令牌",
            Action::ManageSecurityPolicy => "安全策略",
            Action::ReadAudit => "查阅审计日志",
            Action::WorkOnProposals => "提案工作",
            Action::WorkOnOpinions => "社情民意信息",
            Action::WorkOnStations => "委员工作站与群众诉求",
            Action::WorkOnSupervision => "民主监督",
        }
    }
}

/// Whether a role may ever do an action, before looking at any record.
pub fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        Role::Member => matches!(
            action,
            UseOwnAccount | WorkOnProposals | WorkOnOpinions | WorkOnStations | WorkOnSupervision
        ),
        // Units answer what is sent to them: proposals, forwarded demands and
        // supervision opinions.
        Role::UnitClerk => matches!(
            action,
            UseOwnAccount | WorkOnProposals | WorkOnStations | WorkOnSupervision
        ),
        Role::Staff => matches!(
            action,
            UseOwnAccount
                | WorkOnProposals
                | WorkOnOpinions
                | WorkOnStations
                | WorkOnSupervision
                | ViewMembers
                | EditMembers
                | ViewMemberPersonalData
                | ImportMembers
                | ExportMembers
                | ViewStructure
                | EditStructure
        ),
        Role::Leader => matches!(
            action,
            UseOwnAccount
                | WorkOnProposals
                | WorkOnOpinions
                | WorkOnStations
                | WorkOnSupervision
                | ViewMembers
                | ExportMembers
                | ViewStructure
        ),
        // The three administrators never do the business and never do each
        // other's job (三员分立).
        Role::SysAdmin => matches!(
            action,
            UseOwnAccount | ManageAccounts | EditOrganisations | ViewStructure
        ),
        Role::SecAdmin => matches!(action, UseOwnAccount | ManageRoles | ManageSecurityPolicy),
        Role::AuditAdmin => matches!(action, UseOwnAccount | ReadAudit),
    }
}

/// Why a request was refused. `NotFound` hides that a record exists at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    Forbidden,
    NotFound,
}

/// The record an action is about, as far as permission cares.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// No particular record (a list page, a create form).
    None,
    /// A record owned by an organisation.
    InOrg(&'a OrgPath),
    /// A member record: its organisation and id.
    Member(&'a OrgPath, MemberId),
}

/// The decision. A role that may never do the action gets `Forbidden`; a
/// record outside the actor's organisation subtree gets `NotFound`, except a
/// member reading their own record.
pub fn check(actor: &Actor, action: Action, target: Target<'_>) -> Result<(), Denied> {
    if let Target::Member(_, member) = target {
        let own = actor.member_id == Some(member);
        if own && action == Action::UseOwnAccount {
            return Ok(());
        }
    }
    if !role_allows(actor.role, action) {
        return Err(Denied::Forbidden);
    }
    match target {
        Target::None => Ok(()),
        Target::InOrg(path) | Target::Member(path, _) => {
            if actor.org_path.contains(path) {
                Ok(())
            } else {
                Err(Denied::NotFound)
            }
        }
    }
}

/// The navigation entries a role sees, in order.
pub fn navigation(role: Role) -> Vec<NavEntry> {
    NAV.iter()
        .filter(|entry| role_allows(role, entry.action))
        .copied()
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavEntry {
    pub path: &'static str,
    pub label: &'static str,
    pub action: Action,
    /// What the entry is for, in a few words (the home page's shortcuts).
    pub hint: &'static str,
}

const NAV: &[NavEntry] = &[
    NavEntry {
        path: "/",
        label: "首页",
        action: Action::UseOwnAccount,
        hint: "首页",
    },
    NavEntry {
        path: "/proposals",
        label: "提案",
        action: Action::WorkOnProposals,
        hint: "撰写、审查、交办、答复与评价提案",
    },
    NavEntry {
        path: "/opinions",
        label: "社情民意",
        action: Action::WorkOnOpinions,
        hint: "社情民意信息的报送、编辑与采用",
    },
    NavEntry {
        path: "/stations",
        label: "委员工作站",
        action: Action::WorkOnStations,
        hint: "工作站、接待日与群众诉求的办理反馈",
    },
    NavEntry {
        path: "/supervision",
        label: "民主监督",
        action: Action::WorkOnSupervision,
        hint: "监督议题、活动与监督意见的整改",
    },
    NavEntry {
        path: "/members",
        label: "委员管理",
        action: Action::ViewMembers,
        hint: "查看委员信息",
    },
    NavEntry {
        path: "/structure",
        label: "组织架构",
        action: Action::ViewStructure,
        hint: "查看组织架构",
    },
    NavEntry {
        path: "/settings/proposals",
        label: "期限与日历",
        action: Action::EditStructure,
        hint: "提案办理期限、预警天数与工作日历",
    },
    NavEntry {
        path: "/admin/accounts",
        label: "账号管理",
        action: Action::ManageAccounts,
        hint: "开设、停用账号，重置密码",
    },
    NavEntry {
        path: "/security/roles",
        label: "角色授权",
        action: Action::ManageRoles,
        hint: "授予和调整角色",
    },
    NavEntry {
        path: "/security/policy",
        label: "安全策略",
        action: Action::ManageSecurityPolicy,
        hint: "密码、锁定与会话策略",
    },
    NavEntry {
        path: "/security/tokens",
        label: "接口令牌",
        action: Action::ManageRoles,
        hint: "签发和吊销接口令牌",
    },
    NavEntry {
        path: "/audit",
        label: "审计日志",
        action: Action::ReadAudit,
        hint: "查阅与校验审计日志",
    },
    NavEntry {
        path: "/me",
        label: "我的",
        action: Action::UseOwnAccount,
        hint: "本人资料、密码与会话",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, path: &OrgPath, member: Option<MemberId>) -> Actor {
        Actor {
            user_id: UserId(1),
            role,
            org_id: OrgId(1),
            org_path: path.clone(),
            member_id: member,
        }
    }

    #[test]
    fn the_three_administrators_are_separate() {
        let admins = [Role::SysAdmin, Role::SecAdmin, Role::AuditAdmin];
        let jobs = [
            Action::ManageAccounts,
            Action::ManageRoles,
            Action::ReadAudit,
        ];
        for (i, admin) in admins.iter().enumerate() {
            for (j, job) in jobs.iter().enumerate() {
                assert_eq!(role_allows(*admin, *job), i == j, "{admin:?} {job:?}");
            }
            for business in [
                Action::ViewMembers,
                Action::EditMembers,
                Action::ImportMembers,
            ] {
                assert!(!role_allows(*admin, business));
            }
        }
    }

    #[test]
    fn business_roles_never_administer() {
        for role in [Role::Member, Role::Staff, Role::Leader, Role::UnitClerk] {
            for admin_job in [
                Action::ManageAccounts,
                Action::ManageRoles,
                Action::ManageSecurityPolicy,
                Action::ReadAudit,
                Action::EditOrganisations,
            ] {
                assert!(!role_allows(role, admin_job), "{role:?} {admin_job:?}");
            }
        }
    }

    #[test]
    fn city_staff_see_districts_and_district_staff_only_their_own() {
        let city = OrgPath::root(OrgId(1));
        let yuzhong = city.child(OrgId(2));
        let jiangbei = city.child(OrgId(3));
        let city_staff = actor(Role::Staff, &city, None);
        let district_staff = actor(Role::Staff, &yuzhong, None);
        let target = Target::InOrg(&yuzhong);
        assert_eq!(check(&city_staff, Action::EditMembers, target), Ok(()));
        assert_eq!(check(&district_staff, Action::EditMembers, target), Ok(()));
        assert_eq!(
            check(
                &district_staff,
                Action::ViewMembers,
                Target::InOrg(&jiangbei)
            ),
            Err(Denied::NotFound)
        );
        assert_eq!(
            check(&district_staff, Action::ViewMembers, Target::InOrg(&city)),
            Err(Denied::NotFound)
        );
    }

    #[test]
    fn a_member_sees_only_their_own_record() {
        let city = OrgPath::root(OrgId(1));
        let me = actor(Role::Member, &city, Some(MemberId(5)));
        assert_eq!(
            check(
                &me,
                Action::UseOwnAccount,
                Target::Member(&city, MemberId(5))
            ),
            Ok(())
        );
        assert_eq!(
            check(&me, Action::ViewMembers, Target::Member(&city, MemberId(6))),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn leaders_see_members_masked_only() {
        assert!(role_allows(Role::Leader, Action::ViewMembers));
        assert!(!role_allows(Role::Leader, Action::ViewMemberPersonalData));
        assert!(!role_allows(Role::Leader, Action::EditMembers));
    }

    #[test]
    fn navigation_follows_permission() {
        let staff: Vec<_> = navigation(Role::Staff).iter().map(|e| e.path).collect();
        assert!(staff.contains(&"/members"));
        assert!(staff.contains(&"/settings/proposals"));
        for role in [Role::Member, Role::UnitClerk, Role::Leader, Role::SysAdmin] {
            let paths: Vec<_> = navigation(role).iter().map(|e| e.path).collect();
            assert!(!paths.contains(&"/settings/proposals"), "{role:?}");
        }
        assert!(!staff.contains(&"/audit"));
        assert!(staff.contains(&"/opinions"));
        assert!(navigation(Role::Member)
            .iter()
            .any(|e| e.path == "/opinions"));
        assert!(!navigation(Role::UnitClerk)
            .iter()
            .any(|e| e.path == "/opinions"));
        let auditor: Vec<_> = navigation(Role::AuditAdmin)
            .iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(auditor, vec!["/", "/audit", "/me"]);
    }
}
