//! Who is calling the API: a bearer token (`Authorization: Bearer zx_…`)
//! scoped to one organisation and one role. The token becomes the same
//! [`Actor`] a logged-in user is, so the API asks the same permission
//! function as the pages.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use domain::org::OrgPath;
use domain::permission::{self, Action, Actor, Denied, Target};
use domain::{FieldErrors, OrgId, UserId};
use store::audit::Who;
use store::org::Org;
use store::token::ApiToken;
use store::StoreError;

use crate::auth::ClientIp;
use crate::error::{ApiError, WebError};
use crate::state::AppState;

/// The caller of an API request, authenticated by its token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token: ApiToken,
    actor: Actor,
    ip: String,
}

impl Caller {
    /// The organisation subtree the token may reach.
    pub fn scope(&self) -> &OrgPath {
        &self.token.org_path
    }

    /// Asks the one permission function.
    pub fn may(&self, action: Action, target: Target<'_>) -> Result<(), WebError> {
        Ok(permission::check(&self.actor, action, target)?)
    }

    /// How writes are recorded in the audit log.
    pub fn who(&self) -> Who {
        Who {
            user_id: None,
            login: format!("api:{}", self.token.name),
            ip: self.ip.clone(),
        }
    }

    /// The organisation a body names in `field`, if the caller may do
    /// `action` in it. One that does not exist or lies outside the token's
    /// scope is the same field error, so that its existence is not revealed.
    pub async fn org_for(
        &self,
        state: &AppState,
        action: Action,
        id: OrgId,
        field: &str,
    ) -> Result<Org, WebError> {
        let hidden = || {
            WebError::Invalid(FieldErrors::single(
                field,
                "所选政协不存在，或不在令牌的管理范围内",
            ))
        };
        let org = match store::org::get_org(&state.db, id).await {
            Ok(org) => org,
            Err(StoreError::NotFound) => return Err(hidden()),
            Err(e) => return Err(e.into()),
        };
        match permission::check(&self.actor, action, Target::InOrg(&org.path)) {
            Ok(()) => Ok(org),
            Err(Denied::NotFound) => Err(hidden()),
            Err(Denied::Forbidden) => Err(WebError::Forbidden),
        }
    }
}

/// 401 with the challenge RFC 6750 asks for.
fn unauthorized() -> Response {
    let mut response = WebError::LoginRequired.into_problem();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"zhengxie\""),
    );
    response
}

/// The secret of an `Authorization: Bearer zx_…` header.
fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.trim().split_once(' ')?;
    let secret = secret.trim();
    (scheme.eq_ignore_ascii_case("bearer") && secret.starts_with("zx_")).then_some(secret)
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(secret) = bearer(parts) else {
            return Err(unauthorized());
        };
        let token = match store::token::find(&state.db, secret).await {
            Ok(Some(token)) => token,
            Ok(None) => return Err(unauthorized()),
            Err(e) => return Err(ApiError::from(e).into_response()),
        };
        let actor = Actor {
            user_id: UserId(0),
            role: token.role,
            org_id: token.org_id,
            org_path: token.org_path.clone(),
            member_id: None,
        };
        let ip = parts
            .extensions
            .get::<ClientIp>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        Ok(Caller { token, actor, ip })
    }
}
