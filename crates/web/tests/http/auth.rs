//! Login, lockout, CSRF, session expiry, the forced first password change
//! and ending one's own sessions.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, PASSWORD};

#[tokio::test]
async fn login_with_the_right_password_opens_a_session_and_logout_ends_it() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let r = b.try_login("weiyuan", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("zx_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    b.refresh_csrf().await;
    let (status, home) = b.text("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("我的履职"), "a member's home shows 我的履职");
    let r = b.post("/logout", &[]).await;
    assert_eq!(location(&r), "/login");
    assert_eq!(location(&b.get("/").await), "/login");
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"login".to_string()) && actions.contains(&"logout".to_string()));
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_after_five_tries_for_thirty_minutes() {
    let app = spawn_app().await;
    let mut b = app.browser();
    for attempt in 1..=4 {
        let r = b.try_login("weiyuan", "wrong-password").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let body = r.text().await.unwrap();
        assert!(body.contains("登录名或密码错误"), "attempt {attempt}");
        assert!(body.contains("value=\"weiyuan\""), "the login name is kept");
    }
    let body = b
        .try_login("weiyuan", "wrong-password")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("已锁定"), "the fifth failure locks");
    // Even the right password is refused while locked.
    let r = b.try_login("weiyuan", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    app.clock.advance(30 * 60 + 1);
    let r = b.try_login("weiyuan", PASSWORD).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "the lock ends after 30 minutes"
    );
    let actions = app.audit_actions().await;
    assert_eq!(actions.iter().filter(|a| *a == "login.failed").count(), 6);
    assert!(actions.contains(&"account.locked".to_string()));
}

#[tokio::test]
async fn an_unknown_login_gets_the_same_message_and_is_audited() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let body = b
        .try_login("nobody", "whatever")
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("登录名或密码错误"));
    assert!(app
        .audit_actions()
        .await
        .contains(&"login.failed".to_string()));
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let b = app.login("anquan").await;
    let r = b
        .post_raw(
            "/security/policy",
            &[
                ("password_min_length", "12"),
                ("password_min_classes", "3"),
                ("password_rotation_days", "90"),
                ("lockout_threshold", "5"),
                ("lockout_minutes", "30"),
                ("session_idle_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = b
        .post_raw(
            "/security/policy",
            &[("csrf", "0000"), ("password_min_length", "12")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.state.policy().await.unwrap().password_min_length, 8);
    // The login form has its own token too.
    let anonymous = app.browser();
    let r = anonymous
        .post_raw("/login", &[("login", "weiyuan"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // With the token the same change goes through.
    let r = b
        .post(
            "/security/policy",
            &[
                ("password_min_length", "12"),
                ("password_min_classes", "3"),
                ("password_rotation_days", "90"),
                ("lockout_threshold", "5"),
                ("lockout_minutes", "30"),
                ("session_idle_minutes", "30"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        store::settings::security_policy(&app.state.db)
            .await
            .unwrap()
            .password_min_length,
        12
    );
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes_but_not_while_in_use() {
    let app = spawn_app().await;
    let b = app.login("shiganbu").await;
    for _ in 0..3 {
        app.clock.advance(20 * 60);
        assert_eq!(
            b.get("/members").await.status(),
            StatusCode::OK,
            "activity keeps the session alive"
        );
    }
    app.clock.advance(30 * 60 + 1);
    let r = b.get("/members").await;
    assert_eq!(location(&r), "/login");
    let (_, page) = b.text("/login").await;
    assert!(page.contains("会话已超时"));
}

#[tokio::test]
async fn the_first_login_forces_a_password_change_that_follows_the_policy() {
    let app = spawn_app().await;
    let admin = app.login("xitong").await;
    let r = admin
        .post(
            "/admin/accounts",
            &[
                ("login", "newstaff"),
                ("display_name", "新干部"),
                ("org_id", "1"),
                ("role", "staff"),
            ],
        )
        .await;
    let page = r.text().await.unwrap();
    let marker = "<p class=\"secret\">";
    let start = page.find(marker).expect("temporary password shown") + marker.len();
    let temporary: String = page[start..].chars().take_while(|c| *c != '<').collect();

    let mut b = app.browser();
    let r = b.try_login("newstaff", &temporary).await;
    assert_eq!(location(&r), "/me/password");
    assert_eq!(
        location(&b.get("/members").await),
        "/me/password",
        "nothing else until the password is changed"
    );
    let (_, page) = b.text("/me/password").await;
    b.csrf = crate::common::csrf_in(&page);
    let r = b
        .post(
            "/me/password",
            &[
                ("current", &temporary),
                ("new_password", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("密码至少8位"));
    let r = b
        .post(
            "/me/password",
            &[
                ("current", &temporary),
                ("new_password", "Chongqing#2027"),
                ("confirm", "Chongqing#2027"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(b.get("/members").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_user_lists_their_sessions_and_ends_another_one() {
    let app = spawn_app().await;
    let phone = app.login("weiyuan").await;
    let desk = app.login("weiyuan").await;
    let (_, page) = desk.text("/me/sessions").await;
    assert_eq!(page.matches("/end\"").count(), 2, "two open sessions");
    let sessions = store::session::list_open(&app.state.db, domain::UserId(1))
        .await
        .unwrap();
    let phone_session = sessions.iter().map(|s| s.id).min().unwrap();
    let r = desk
        .post(&format!("/me/sessions/{phone_session}/end"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&phone.get("/").await),
        "/login",
        "the ended session is logged out"
    );
    assert_eq!(desk.get("/").await.status(), StatusCode::OK);
}
