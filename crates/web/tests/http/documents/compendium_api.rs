//! The 提案汇编 through the API, and the clean-up of finished files after
//! the keeping period (on the test clock).

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::filed;
use crate::common::spawn_app;
use crate::settings::staff_token;

#[tokio::test]
async fn the_api_builds_a_compendium_and_old_files_are_cleaned_up() {
    let app = spawn_app().await;
    filed(&app, "关于完善社区养老服务体系的提案", "社会建设").await;
    let city = staff_token(&app, 1).await;
    let district = staff_token(&app, 4).await;
    let client = reqwest::Client::new();
    let url = |path: &str| format!("{}/api/v1{path}", app.base);

    // The current term is the one the page preselects.
    let staff = app.login("shiganbu").await;
    let (_, form) = staff.text("/proposals/compendium").await;
    let term: i64 = form
        .split("<option value=\"")
        .skip(1)
        .find(|o| o.contains("selected"))
        .and_then(|o| o.split('"').next())
        .and_then(|t| t.parse().ok())
        .expect("a term is chosen");

    // A unit clerk's token may not (the page's rule: statistics readers).
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    let (_, clerk) = store::token::issue(
        &app.state.db,
        app.state.now(),
        &who,
        "承办单位接口",
        domain::OrgId(1),
        domain::Role::UnitClerk,
        domain::UserId(2),
    )
    .await
    .unwrap();
    let r = client
        .post(url("/proposals/compendium"))
        .bearer_auth(&clerk)
        .json(&json!({ "term": term, "year": 2026 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    let r = client
        .post(url("/proposals/compendium"))
        .bearer_auth(&city)
        .json(&json!({ "term": term, "year": 1999 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["errors"][1]["field"], "year");

    let r = client
        .post(url("/proposals/compendium"))
        .bearer_auth(&city)
        .json(&json!({ "term": term, "year": 2026 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    let started: Value = r.json().await.unwrap();
    assert_eq!(started["state"], "queued");
    assert!(started["download"].is_null());
    let id = started["id"].as_i64().unwrap();
    let status = url(&format!("/proposals/compendium/{id}"));

    // Another organisation's token never sees it.
    let r = client
        .get(&status)
        .bearer_auth(&district)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    assert!(web::jobs::run_due(&app.state).await.unwrap() >= 1);
    let done: Value = client
        .get(&status)
        .bearer_auth(&city)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(done["state"], "done", "{done}");
    assert_eq!(done["percent"], 100);
    let file = url(done["download"].as_str().unwrap());
    let r = client.get(&file).bearer_auth(&city).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.bytes().await.unwrap().starts_with(b"PK"), "a .docx (zip)");
    let on_disk = std::fs::read_dir(app.state.config.data_dir.join("exports"))
        .unwrap()
        .count();
    assert_eq!(on_disk, 1);

    // Six days later it is still there; after the 7 days kept, it is gone.
    app.clock.advance(6 * 86_400);
    web::jobs::run_due(&app.state).await.unwrap();
    let r = client.get(&file).bearer_auth(&city).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "kept for 7 days");
    app.clock.advance(2 * 86_400);
    assert!(web::jobs::run_due(&app.state).await.unwrap() >= 1);
    let expired: Value = client
        .get(&status)
        .bearer_auth(&city)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(expired["state"], "expired");
    assert!(expired["download"].is_null());
    let r = client.get(&file).bearer_auth(&city).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        std::fs::read_dir(app.state.config.data_dir.join("exports"))
            .unwrap()
            .count(),
        0
    );
    // The status page says so too (a new login: a week has passed).
    let staff = app.login("shiganbu").await;
    let (_, page) = staff.text(&format!("/proposals/compendium/{id}")).await;
    assert!(page.contains("已过期") && page.contains("重新生成"));
}
