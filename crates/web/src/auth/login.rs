//! Logging in and out. Failed logins count towards the lockout and are
//! audited; the message never says whether the login name exists.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use store::audit::{self, Event, Who};

use super::{
    cookie, same_secret, set_cookie, ClientIp, CsrfForm, SessionSlot, PRELOGIN_COOKIE,
    SESSION_COOKIE,
};
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    login: String,
    error: Option<String>,
    expired: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    csrf: String,
    login: String,
    password: String,
}

/// The pre-login CSRF token: reuses the cookie's value or makes a new one.
fn prelogin_token(headers: &HeaderMap) -> (String, bool) {
    match cookie(headers, PRELOGIN_COOKIE).filter(|t| t.len() == 64) {
        Some(t) => (t.to_string(), false),
        None => (store::session::random_token(), true),
    }
}

fn elder_cookie(headers: &HeaderMap) -> bool {
    cookie(headers, "zx_elder") == Some("1")
}

fn render(
    state: &AppState,
    headers: &HeaderMap,
    login: String,
    error: Option<String>,
    expired: bool,
) -> WebResult<Response> {
    let (token, fresh) = prelogin_token(headers);
    let mut shell = Shell::anonymous("登录", elder_cookie(headers));
    shell.csrf = token.clone();
    let page = LoginPage {
        shell,
        login,
        error,
        expired,
    };
    let status = if page.error.is_some() {
        axum::http::StatusCode::UNAUTHORIZED
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = (status, Html(page.render()?)).into_response();
    if fresh {
        if let Ok(v) = set_cookie(state, PRELOGIN_COOKIE, &token, None).parse() {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(response)
}

pub async fn page(
    State(state): State<AppState>,
    Extension(slot): Extension<SessionSlot>,
    headers: HeaderMap,
) -> WebResult<Response> {
    if slot.live.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    render(&state, &headers, String::new(), None, slot.expired)
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> WebResult<Response> {
    let expected = cookie(&headers, PRELOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_secret(expected, &form.csrf) {
        return Err(WebError::Csrf);
    }
    let login = form.login.trim().to_string();
    if login.is_empty() || form.password.is_empty() {
        return render(
            &state,
            &headers,
            login,
            Some("请输入登录名和密码".into()),
            false,
        );
    }
    let now = state.now();
    let who = Who {
        user_id: None,
        login: login.clone(),
        ip: ip.clone(),
    };
    let Some(account) = store::user::find_by_login(&state.db, &login).await? else {
        // Spend the same time as a real check so timing does not tell.
        let _ = verify(form.password.clone(), DUMMY_HASH.to_string()).await;
        audit::record(
            &state.db,
            now,
            &who,
            Event::new(
                "login.failed",
                "user",
                "",
                format!("登录失败：不存在的登录名 {login}"),
            ),
        )
        .await?;
        return render(&state, &headers, login, Some(WRONG.into()), false);
    };
    let who = Who {
        user_id: Some(account.id.0),
        ..who
    };
    if account.disabled {
        audit::record(
            &state.db,
            now,
            &who,
            Event::new("login.failed", "user", account.id, "登录失败：账号已停用"),
        )
        .await?;
        return render(
            &state,
            &headers,
            login,
            Some("账号已停用，请联系系统管理员".into()),
            false,
        );
    }
    if account.is_locked(now) {
        audit::record(
            &state.db,
            now,
            &who,
            Event::new("login.failed", "user", account.id, "登录失败：账号锁定中"),
        )
        .await?;
        return render(
            &state,
            &headers,
            login,
            Some(locked_message(account.locked_until.unwrap_or(now))),
            false,
        );
    }
    if !verify(form.password.clone(), account.password_hash.clone()).await {
        let policy = state.policy().await?;
        let locked =
            store::user::record_failed_login(&state.db, now, &who, &account, &policy).await?;
        let message = match locked {
            Some(until) => locked_message(until),
            None => {
                let left = i64::from(policy.lockout_threshold) - account.failed_logins - 1;
                format!(
                    "{WRONG}。再错{left}次账号将被锁定{}分钟",
                    policy.lockout_minutes
                )
            }
        };
        return render(&state, &headers, login, Some(message), false);
    }
    store::user::record_login(&state.db, now, account.id).await?;
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let (token, session_id) =
        store::session::start(&state.db, now, account.id, &ip, user_agent).await?;
    audit::record(
        &state.db,
        now,
        &who,
        Event::new(
            "login",
            "session",
            session_id,
            format!("登录成功：{}", account.login),
        ),
    )
    .await?;
    let target = if account.must_change_password {
        "/me/password"
    } else {
        "/"
    };
    let mut response = Redirect::to(target).into_response();
    if let Ok(v) = set_cookie(&state, SESSION_COOKIE, &token, None).parse() {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

const WRONG: &str = "登录名或密码错误";

/// An argon2id hash of a random string, verified when the login is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7Rxhn0X2mZkGd4mZTqYxkqJ0b0m4gq5eS8O5wZ2o0xY";

fn locked_message(until: i64) -> String {
    format!(
        "连续登录失败次数过多，账号已锁定至 {}，或请系统管理员解锁",
        store::clock::format_local(until)
    )
}

/// Password checks run off the async threads: argon2 is meant to be slow.
async fn verify(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || store::user::verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

#[derive(Deserialize)]
pub struct Nothing {}

pub async fn logout(
    State(state): State<AppState>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    store::session::end(
        &state.db,
        state.now(),
        &user.who(),
        user.live.account.id,
        user.live.session_id,
        "用户退出",
    )
    .await?;
    let mut response = Redirect::to("/login").into_response();
    if let Ok(v) = set_cookie(&state, SESSION_COOKIE, "", Some(0)).parse() {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ElderForm {
    csrf: String,
    on: String,
}

/// The elder-mode switch before login: remembered in a cookie.
pub async fn anonymous_elder(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<ElderForm>,
) -> WebResult<Response> {
    let expected = cookie(&headers, PRELOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_secret(expected, &form.csrf) {
        return Err(WebError::Csrf);
    }
    let mut response = Redirect::to("/login").into_response();
    let value = if form.on == "1" { "1" } else { "0" };
    if let Ok(v) = set_cookie(&state, "zx_elder", value, Some(31_536_000)).parse() {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}
