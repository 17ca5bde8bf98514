//! For whom a token works on proposals. A token is scoped to an
//! organisation and a role but belongs to no person, while the rules need
//! to know which member proposes and rates, and which unit answers. So:
//!
//! - a **member** token names the member on every call (`?as_member=`); the
//!   member must be active and within the token's scope. A new draft is
//!   written under that member's own account, which must exist, so that the
//!   member sees and edits it on the web as well;
//! - a **unit clerk** token names the handling unit (`?as_unit=`), a unit
//!   of the token's scope;
//! - **staff** and **leader** tokens act for their organisation and name
//!   neither. Other roles do no proposal work (403).
//!
//! The result is the same [`Participant`] a logged-in account is, so that
//! the API asks the very functions the pages ask.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use domain::catalog::CatalogKind;
use domain::permission::{Action, Target};
use domain::proposal::Who;
use domain::{FieldErrors, MemberId, ProposalId, Role, UnitId, UserId};
use serde::Deserialize;
use store::member::Member;
use store::proposal::Stored;
use store::user::{Account, AccountFilter};
use store::StoreError;
use utoipa::IntoParams;

use crate::api::auth::Caller;
use crate::api::input::{checked, id_filter, ApiQuery};
use crate::error::{ApiError, WebError};
use crate::proposals::{visible, who, Participant};
use crate::state::AppState;

/// 代表谁办理（委员令牌与承办单位令牌必填其一，其他令牌不填）。
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ActingQuery {
    /// 委员令牌必填：代表哪位委员（委员 id，须在令牌范围内且未停用）
    #[param(value_type = Option<i64>)]
    as_member: Option<String>,
    /// 承办单位令牌必填：代表哪个承办单位（承办单位 id，须在令牌范围内）
    #[param(value_type = Option<i64>)]
    as_unit: Option<String>,
}

/// A token call working on proposals, with the identity it acts for.
pub struct Acting {
    pub caller: Caller,
    pub me: Participant,
    /// The member a member token acts for.
    pub member: Option<Member>,
    /// Whom the token speaks for, for the audit log and history.
    on_behalf: Option<String>,
}

impl Acting {
    /// Who the rules see.
    pub fn who(&self) -> Who {
        who(&self.me)
    }

    /// How writes are recorded: the token, and for whom it acted.
    pub fn audit(&self) -> store::audit::Who {
        let mut w = self.caller.who();
        if let Some(name) = &self.on_behalf {
            w.login = format!("{}（代{name}）", w.login);
        }
        w
    }

    /// A proposal the caller may see; any other is 404, as on the pages.
    pub async fn load(&self, state: &AppState, id: i64) -> Result<Stored, WebError> {
        let stored = store::proposal::load(&state.db, ProposalId(id)).await?;
        if visible(&self.me, &stored) {
            Ok(stored)
        } else {
            Err(WebError::NotFound)
        }
    }

    /// The account of the member a member token acts for: drafts are
    /// written under it. Looked up by name first, then among all member
    /// accounts of the token's scope.
    pub async fn member_account(&self, state: &AppState) -> Result<Account, WebError> {
        let member = self.member.as_ref().ok_or(WebError::Forbidden)?;
        let by_name = AccountFilter {
            q: Some(member.row.name.clone()),
            role: Some(Role::Member),
        };
        let all = AccountFilter {
            q: None,
            role: Some(Role::Member),
        };
        for filter in [by_name, all] {
            let mut page = 1;
            loop {
                let rows =
                    store::user::list(&state.db, self.caller.scope(), &filter, page, 100).await?;
                if let Some(a) = rows
                    .rows
                    .into_iter()
                    .find(|a| a.member_id == Some(member.row.id))
                {
                    if a.disabled {
                        return Err(invalid("as_member", "该委员的账号已停用，不能代其起草提案"));
                    }
                    return Ok(a);
                }
                if page * 100 >= rows.total {
                    break;
                }
                page += 1;
            }
        }
        Err(invalid(
            "as_member",
            "该委员尚未开通账号：草稿记在委员本人账号名下，请先为其开通账号",
        ))
    }
}

fn invalid(field: &str, message: &str) -> WebError {
    WebError::Invalid(FieldErrors::single(field, message))
}

async fn resolve(state: &AppState, caller: Caller, q: ActingQuery) -> Result<Acting, WebError> {
    caller.may(Action::WorkOnProposals, Target::None)?;
    let role = caller.token.role;
    let mut e = FieldErrors::new();
    let member_id = id_filter(q.as_member.as_deref(), "as_member", "委员", &mut e);
    let unit_id = id_filter(q.as_unit.as_deref(), "as_unit", "承办单位", &mut e);
    match (role, member_id, unit_id) {
        (Role::Member, None, _) if e.get("as_member").is_none() => {
            e.add("as_member", "委员令牌须用 as_member 指明代表哪位委员");
        }
        (Role::UnitClerk, _, None) if e.get("as_unit").is_none() => {
            e.add("as_unit", "承办单位令牌须用 as_unit 指明代表哪个承办单位");
        }
        _ => {}
    }
    if role != Role::Member && member_id.is_some() {
        e.add("as_member", "只有委员令牌可以代表委员办理");
    }
    if role != Role::UnitClerk && unit_id.is_some() {
        e.add("as_unit", "只有承办单位令牌可以代表承办单位办理");
    }
    checked(e, ())?;
    let mut me = Participant {
        user: UserId(0),
        role,
        org_path: caller.scope().clone(),
        member: None,
        unit: None,
    };
    let mut member = None;
    let mut on_behalf = None;
    if let Some(id) = member_id {
        let found = match store::member::get_member(&state.db, caller.scope(), MemberId(id)).await {
            Ok(m) => m,
            Err(StoreError::NotFound) => {
                return Err(invalid(
                    "as_member",
                    "所选委员不存在，或不在令牌的管理范围内",
                ))
            }
            Err(e) => return Err(e.into()),
        };
        if !found.row.active {
            return Err(invalid("as_member", "该委员已停用，不能代其办理"));
        }
        me.member = Some(found.row.id);
        on_behalf = Some(format!("委员{}", found.row.name));
        member = Some(found);
    }
    if let Some(id) = unit_id {
        let filter = store::org::CatalogFilter {
            id: Some(id),
            ..Default::default()
        };
        let units =
            store::org::catalog_page(&state.db, CatalogKind::Unit, caller.scope(), &filter, 1, 1)
                .await?;
        let unit = units
            .rows
            .into_iter()
            .next()
            .ok_or_else(|| invalid("as_unit", "所选承办单位不存在，或不在令牌的管理范围内"))?;
        me.unit = Some(UnitId(unit.id));
        on_behalf = Some(unit.name);
    }
    Ok(Acting {
        caller,
        me,
        member,
        on_behalf,
    })
}

impl FromRequestParts<AppState> for Acting {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let ApiQuery(q) = ApiQuery::<ActingQuery>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        resolve(state, caller, q)
            .await
            .map_err(|e| ApiError(e).into_response())
    }
}
