//! Who is asking: the session cookie, the logged-in user extractor, the
//! client address and CSRF-checked forms.

pub mod login;

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use domain::permission::{self, Action, Actor, Target};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use store::audit::Who;
use store::session::Live;

use crate::error::{WebError, WebResult};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "zx_session";
/// Double-submit token for forms shown before login.
pub const PRELOGIN_COOKIE: &str = "zx_csrf";

/// Reads one cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the house flags: HttpOnly, SameSite=Lax, and
/// Secure under TLS.
pub fn set_cookie(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if state.config.tls_enabled() || state.config.secure_cookies {
        c.push_str("; Secure");
    }
    c
}

/// The client address: the socket peer, or the first `X-Forwarded-For`
/// entry when the proxy is trusted.
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

/// The session found for this request, if any, and whether one just expired.
#[derive(Debug, Clone, Default)]
pub struct SessionSlot {
    pub live: Option<Live>,
    pub expired: bool,
}

/// Loads the session once per request and ends it if it has gone idle.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    let forwarded = state
        .config
        .trust_proxy
        .then(|| {
            req.headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
        })
        .flatten()
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_string());
    let ip = forwarded.or(peer).unwrap_or_else(|| "unknown".into());
    let slot = match find_session(&state, req.headers(), &ip).await {
        Ok(slot) => slot,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    req.extensions_mut().insert(ClientIp(ip));
    req.extensions_mut().insert(slot);
    next.run(req).await
}

async fn find_session(state: &AppState, headers: &HeaderMap, ip: &str) -> WebResult<SessionSlot> {
    let Some(token) = cookie(headers, SESSION_COOKIE).filter(|t| t.len() == 64) else {
        return Ok(SessionSlot::default());
    };
    let Some(live) = store::session::find(&state.db, token).await? else {
        return Ok(SessionSlot {
            live: None,
            expired: true,
        });
    };
    let now = state.now();
    let policy = state.policy().await?;
    let who = Who {
        user_id: Some(live.account.id.0),
        login: live.account.login.clone(),
        ip: ip.to_string(),
    };
    if policy.session_idle(live.last_seen_at, now) {
        store::session::end(
            &state.db,
            now,
            &who,
            live.account.id,
            live.session_id,
            "空闲超时",
        )
        .await?;
        return Ok(SessionSlot {
            live: None,
            expired: true,
        });
    }
    if live.account.disabled {
        store::session::end(
            &state.db,
            now,
            &who,
            live.account.id,
            live.session_id,
            "账号已停用",
        )
        .await?;
        return Ok(SessionSlot {
            live: None,
            expired: true,
        });
    }
    store::session::touch(&state.db, now, &live).await?;
    Ok(SessionSlot {
        live: Some(live),
        expired: false,
    })
}

/// A logged-in user. Extracting it refuses anonymous requests and sends a
/// user who must change their password to the password page.
#[derive(Debug, Clone)]
pub struct User {
    pub live: Live,
    pub ip: String,
}

impl User {
    pub fn actor(&self) -> Actor {
        self.live.account.actor()
    }

    pub fn who(&self) -> Who {
        Who {
            user_id: Some(self.live.account.id.0),
            login: self.live.account.login.clone(),
            ip: self.ip.clone(),
        }
    }

    pub fn csrf(&self) -> &str {
        &self.live.csrf_token
    }

    /// Asks the one permission function.
    pub fn may(&self, action: Action, target: Target<'_>) -> WebResult<()> {
        Ok(permission::check(&self.actor(), action, target)?)
    }

    pub fn can(&self, action: Action) -> bool {
        permission::role_allows(self.live.account.role, action)
    }
}

/// Paths a user who must change their password may still reach.
const PASSWORD_CHANGE_PATHS: [&str; 3] = ["/me/password", "/logout", "/me/elder"];

impl FromRequestParts<AppState> for User {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let slot = parts
            .extensions
            .get::<SessionSlot>()
            .cloned()
            .unwrap_or_default();
        let live = slot.live.ok_or(WebError::LoginRequired)?;
        let ip = parts
            .extensions
            .get::<ClientIp>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        let policy = state.policy().await?;
        let account = &live.account;
        let must_change = account.must_change_password
            || policy.password_expired(account.password_changed_at, state.now());
        if must_change && !PASSWORD_CHANGE_PATHS.contains(&parts.uri.path()) {
            return Err(WebError::PasswordChangeRequired);
        }
        Ok(User { live, ip })
    }
}

/// A form posted by a logged-in user, with its CSRF token checked before the
/// handler sees it.
pub struct CsrfForm<T>(pub User, pub T);

#[derive(Deserialize)]
struct Envelope<T> {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    inner: T,
}

/// Compares secrets without leaking where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let user = User::from_request_parts(&mut parts, state).await?;
        let req = Request::from_parts(parts, body);
        let axum::Form(envelope) = axum::Form::<Envelope<T>>::from_request(req, state)
            .await
            .map_err(|e| WebError::BadRequest(format!("表单无法识别：{}", e.body_text())))?;
        if !same_secret(&envelope.csrf, user.csrf()) {
            return Err(WebError::Csrf);
        }
        Ok(CsrfForm(user, envelope.inner))
    }
}
