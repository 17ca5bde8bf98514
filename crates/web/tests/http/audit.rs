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

#[tokio::test]
async fn a_district_auditor_sees_only_what_the_district_did() {
    let app = spawn_app().await;
    // The city staff and the district staff each log in once.
    app.login("shiganbu").await;
    app.login("quganbu").await;
    // 渝中区政协 gets an audit administrator of its own.
    let district = store::org::get_org(&app.state.db, domain::OrgId(4))
        .await
        .unwrap();
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    let account = store::user::NewAccount {
        login: "yzshenji".into(),
        display_name: "渝中区审计管理员".into(),
        role: domain::Role::AuditAdmin,
        org_id: district.id,
        member_id: None,
        unit_id: None,
        password: crate::common::PASSWORD.into(),
        must_change_password: false,
    };
    store::user::create(&app.state.db, crate::common::START, &who, &account)
        .await
        .unwrap();
    let district_auditor = app.login("yzshenji").await;
    let (_, page) = district_auditor.text("/audit?action=login").await;
    assert!(
        page.contains("登录成功：quganbu"),
        "the district's own staff"
    );
    assert!(!page.contains("登录成功：shiganbu"), "not the city's staff");
    let city_auditor = app.login("shenji").await;
    let (_, page) = city_auditor.text("/audit?action=login").await;
    assert!(page.contains("登录成功：quganbu") && page.contains("登录成功：shiganbu"));
}
