//! The audit chain: every write is recorded, and an edited or removed row is
//! found and named.

use crate::common::spawn_app;

#[tokio::test]
async fn a_tampered_or_removed_row_is_detected_and_named() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    staff.post("/members/1/deactivate", &[]).await;
    staff.post("/members/1/activate", &[]).await;
    let intact = store::audit::verify(&app.state.db).await.unwrap();
    assert!(intact.breaks.is_empty(), "{:?}", intact.breaks);
    assert!(intact.checked >= 5);

    let auditor = app.login("shenji").await;
    assert!(auditor.text("/audit/verify").await.1.contains("哈希链完整"));

    // Someone with database access edits one row…
    let victim: i64 = 3;
    app.state
        .db
        .raw(&format!(
            "UPDATE audit_log SET summary = 'nothing happened' WHERE id = {victim}"
        ))
        .await
        .unwrap();
    let broken = store::audit::verify(&app.state.db).await.unwrap();
    assert_eq!(
        broken.breaks,
        vec![domain::audit::ChainBreak::Edited { id: victim }]
    );
    assert!(auditor
        .text("/audit/verify")
        .await
        .1
        .contains(&format!("第 {victim} 条记录的内容被修改")));

    // …and removes another.
    app.state
        .db
        .raw("DELETE FROM audit_log WHERE id = 5")
        .await
        .unwrap();
    let broken = store::audit::verify(&app.state.db).await.unwrap();
    assert!(
        broken.breaks.contains(&domain::audit::ChainBreak::Gap {
            id: 6,
            after_id: Some(4)
        }),
        "{:?}",
        broken.breaks
    );
}

#[tokio::test]
async fn the_auditor_filters_the_log() {
    let app = spawn_app().await;
    let mut b = app.browser();
    b.try_login("weiyuan", "wrong").await;
    let auditor = app.login("shenji").await;
    let (_, page) = auditor.text("/audit?action=login.failed").await;
    assert!(page.contains("共 1 条记录"), "{page}");
    let (_, page) = auditor.text("/audit?actor=shenji").await;
    assert!(page.contains("登录成功：shenji"));
    let (status, page) = auditor.text("/audit?from=not-a-date").await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert!(page.contains("开始日期格式应为"));
}
