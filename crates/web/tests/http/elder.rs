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
