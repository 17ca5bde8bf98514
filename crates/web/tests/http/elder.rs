//! Elder mode (适老化) is remembered per user and changes the page.

use reqwest::StatusCode;

use crate::common::spawn_app;

#[tokio::test]
async fn elder_mode_is_remembered_for_the_user_across_sessions() {
    let app = spawn_app().await;
    let b = app.login("weiyuan").await;
    let (_, page) = b.text("/").await;
    assert!(!page.contains("class=\"elder\""));
    let r = b.post("/me/elder", &[("on", "1")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = b.text("/").await;
    assert!(page.contains("<html lang=\"zh-CN\" class=\"elder\">"));
    // A new session on another device starts in elder mode too.
    let other = app.login("weiyuan").await;
    assert!(other.text("/me").await.1.contains("class=\"elder\""));
    // The stylesheet carries the elder rules: larger text and touch targets.
    let css = b.text("/assets/app.css").await.1;
    assert!(css.contains("html.elder { font-size: 19px; --tap: 48px;"));
    other.post("/me/elder", &[("on", "0")]).await;
    assert!(!b.text("/").await.1.contains("class=\"elder\""));
}

#[tokio::test]
async fn pages_stay_light() {
    let app = spawn_app().await;
    let b = app.login("shiganbu").await;
    let html = b.get("/members").await.bytes().await.unwrap().len();
    let css = b.get("/assets/app.css").await.bytes().await.unwrap().len();
    let js = b.get("/assets/app.js").await.bytes().await.unwrap().len();
    assert!(
        html + css + js < 60 * 1024,
        "html {html} + css {css} + js {js}"
    );
}

/// A reminder enqueued for later becomes a notification when the test clock
/// reaches it; the bell counts it and the list marks it read.
#[tokio::test]
async fn a_scheduled_reminder_reaches_the_bell_when_due() {
    let app = spawn_app().await;
    let mut tx = app.state.db.write().await.unwrap();
    let job = store::job::NewJob {
        kind: "notify",
        payload: serde_json::json!({"user_id": 1, "title": "联名提案待确认", "body": "请在3日内确认", "link": "/me"}),
        run_at: crate::common::START + 3600,
        dedupe_key: Some("reminder:1".into()),
    };
    assert!(
        store::job::enqueue(&mut tx, crate::common::START, job.clone())
            .await
            .unwrap()
    );
    assert!(
        !store::job::enqueue(&mut tx, crate::common::START, job)
            .await
            .unwrap(),
        "deduplicated"
    );
    tx.commit().await.unwrap();
    assert_eq!(
        web::jobs::run_due(&app.state).await.unwrap(),
        0,
        "not due yet"
    );
    app.clock.advance(3600);
    assert_eq!(web::jobs::run_due(&app.state).await.unwrap(), 1);
    assert_eq!(
        web::jobs::run_due(&app.state).await.unwrap(),
        0,
        "runs once"
    );
    let b = app.login("weiyuan").await;
    let (_, home) = b.text("/").await;
    assert!(home.contains("1条未读"), "the bell counts it");
    let (_, list) = b.text("/messages").await;
    assert!(list.contains("联名提案待确认") && list.contains("请在3日内确认"));
    let r = b.post("/messages/read", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!b.text("/").await.1.contains("条未读"));
}
