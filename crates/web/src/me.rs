//! 我的: a user's own profile, password, contact details, elder mode and
//! sessions.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::member::Phone;
use domain::FieldErrors;
use serde::Deserialize;
use store::member::Member;
use store::session::SessionInfo;

use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid, when};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(profile))
        .route("/me/password", get(password_page).post(password_submit))
        .route("/me/contact", get(contact_page).post(contact_submit))
        .route("/me/elder", post(elder))
        .route("/me/sessions", get(sessions))
        .route("/me/sessions/{id}/end", post(end_session))
}

#[derive(Template)]
#[template(path = "me/profile.html")]
struct ProfilePage {
    shell: Shell,
    user: User,
    member: Option<Member>,
    last_login: String,
}

async fn own_member(state: &AppState, user: &User) -> WebResult<Option<Member>> {
    let account = &user.live.account;
    match account.member_id {
        // The member's own record, whatever the organisation scope says.
        Some(id) => Ok(Some(
            store::member::get_member(
                &state.db,
                &domain::org::OrgPath::from_stored("/".into()),
                id,
            )
            .await?,
        )),
        None => Ok(None),
    }
}

async fn profile(State(state): State<AppState>, user: User, notice: Notice) -> WebResult<Response> {
    let member = own_member(&state, &user).await?;
    let last_login = when(user.live.account.last_login_at);
    render(ProfilePage {
        shell: Shell::new(&user, "我的", "/me").notice(notice),
        user,
        member,
        last_login,
    })
}

#[derive(Template)]
#[template(path = "me/password.html")]
struct PasswordPage {
    shell: Shell,
    errors: FieldErrors,
    forced: bool,
    rule: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current: String,
    new_password: String,
    confirm: String,
}

async fn password_page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    let page = password_view(&state, &user, FieldErrors::new()).await?;
    render(page)
}

async fn password_view(
    state: &AppState,
    user: &User,
    errors: FieldErrors,
) -> WebResult<PasswordPage> {
    let policy = state.policy().await?;
    let account = &user.live.account;
    let forced = account.must_change_password
        || policy.password_expired(account.password_changed_at, state.now());
    let rule = format!(
        "至少{}位，须包含小写字母、大写字母、数字、符号中的至少{}类，不能包含登录名。",
        policy.password_min_length, policy.password_min_classes
    );
    Ok(PasswordPage {
        shell: Shell::new(user, "修改密码", "/me"),
        errors,
        forced,
        rule,
    })
}

async fn password_submit(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<PasswordForm>,
) -> WebResult<Response> {
    let account = &user.live.account;
    let policy = state.policy().await?;
    let mut errors = FieldErrors::new();
    let (pw, hash) = (form.current.clone(), account.password_hash.clone());
    let current_ok = tokio::task::spawn_blocking(move || store::user::verify_password(&pw, &hash))
        .await
        .unwrap_or(false);
    if !current_ok {
        errors.add("current", "当前密码不正确");
    }
    if let Err(m) = policy.check_password(&form.new_password, &account.login) {
        errors.add("new_password", m);
    } else if form.new_password == form.current {
        errors.add("new_password", "新密码不能与当前密码相同");
    }
    if form.confirm != form.new_password {
        errors.add("confirm", "两次输入的新密码不一致");
    }
    if !errors.is_empty() {
        return render_invalid(password_view(&state, &user, errors).await?);
    }
    store::user::set_password(
        &state.db,
        state.now(),
        &user.who(),
        account.id,
        &form.new_password,
        false,
    )
    .await?;
    Ok(done("/me", "password"))
}

#[derive(Template)]
#[template(path = "me/contact.html")]
struct ContactPage {
    shell: Shell,
    errors: FieldErrors,
    form: ContactForm,
    phone_masked: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ContactForm {
    phone: String,
    email: String,
    address: String,
}

async fn contact_page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    let member = own_member(&state, &user).await?.ok_or(WebError::NotFound)?;
    let form = ContactForm {
        phone: String::new(),
        email: member.email.clone(),
        address: member.address.clone(),
    };
    render(ContactPage {
        shell: Shell::new(&user, "修改联系方式", "/me"),
        errors: FieldErrors::new(),
        form,
        phone_masked: member.row.phone_masked,
    })
}

async fn contact_submit(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<ContactForm>,
) -> WebResult<Response> {
    let member = own_member(&state, &user).await?.ok_or(WebError::NotFound)?;
    let mut errors = FieldErrors::new();
    let phone = if form.phone.trim().is_empty() {
        None
    } else {
        errors.take("phone", Phone::parse(&form.phone))
    };
    let email = errors
        .take(
            "email",
            domain::field::optional_text(&form.email, "电子邮箱", 100),
        )
        .flatten()
        .unwrap_or_default();
    if !email.is_empty() && !email.contains('@') {
        errors.add("email", "电子邮箱格式不正确");
    }
    let address = errors
        .take(
            "address",
            domain::field::optional_text(&form.address, "通讯地址", 120),
        )
        .flatten()
        .unwrap_or_default();
    if !errors.is_empty() {
        return render_invalid(ContactPage {
            shell: Shell::new(&user, "修改联系方式", "/me"),
            errors,
            form,
            phone_masked: member.row.phone_masked,
        });
    }
    let contact = store::member::Contact {
        phone,
        email,
        address,
    };
    store::member::update_contact(
        &state.db,
        &state.cipher,
        state.now(),
        &user.who(),
        member.row.id,
        &contact,
    )
    .await?;
    Ok(done("/me", "saved"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ElderForm {
    on: String,
}

/// Remembers elder mode on the account and returns to the page the switch was on.
async fn elder(
    State(state): State<AppState>,
    headers: HeaderMap,
    CsrfForm(user, form): CsrfForm<ElderForm>,
) -> WebResult<Response> {
    store::user::set_elder_mode(
        &state.db,
        state.now(),
        &user.who(),
        user.live.account.id,
        form.on == "1",
    )
    .await?;
    let back = headers
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            r.find("://")
                .and_then(|i| r[i + 3..].find('/').map(|j| r[i + 3 + j..].to_string()))
        })
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/".into());
    Ok(Redirect::to(&back).into_response())
}

#[derive(Template)]
#[template(path = "me/sessions.html")]
struct SessionsPage {
    shell: Shell,
    sessions: Vec<SessionInfo>,
    current: i64,
}

impl SessionsPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
}

async fn sessions(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
) -> WebResult<Response> {
    let sessions = store::session::list_open(&state.db, user.live.account.id).await?;
    render(SessionsPage {
        shell: Shell::new(&user, "登录设备", "/me").notice(notice),
        current: user.live.session_id,
        sessions,
    })
}

#[derive(Deserialize)]
struct Nothing {}

async fn end_session(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let ended = store::session::end(
        &state.db,
        state.now(),
        &user.who(),
        user.live.account.id,
        id,
        "用户在其他设备结束",
    )
    .await?;
    if !ended {
        return Err(WebError::NotFound);
    }
    if id == user.live.session_id {
        return Ok(Redirect::to("/login").into_response());
    }
    Ok(done("/me/sessions", "session_ended"))
}
