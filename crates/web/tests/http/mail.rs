//! Mail with notifications, over HTTP: a co-signing invitation reaches the
//! invited member's e-mail once the job runner runs; a member without an
//! e-mail gets none; a failing sender is retried with back-off.

use std::sync::Arc;

use reqwest::StatusCode;
use web::outbox::RecordingSender;

use crate::common::{location, spawn_app, TestApp, PASSWORD, START};

const TITLE: &str = "关于推进中小学课后服务提质增效的建议";
const ANALYSIS: &str = "我市中小学课后服务已实现全覆盖，但服务内容单一、师资力量不足、家长满意度不高的问题仍然存在，需要统筹社会资源加以改进。";
const SUGGESTIONS: &str = "一是引入社会专业力量；二是完善经费保障机制；三是建立服务质量评价制度。";

/// Gives a city member with a unique name an account `login`; returns the name.
async fn member_account(app: &TestApp, login: &str, skip: &str) -> String {
    let root = domain::org::OrgPath::root(domain::OrgId(1));
    for id in 2..40 {
        let m = store::member::get_member(&app.state.db, &root, domain::MemberId(id))
            .await
            .unwrap();
        let same = store::member::find_by_name(&app.state.db, domain::OrgId(1), &m.row.name)
            .await
            .unwrap();
        if same.len() != 1 || m.row.name == skip || m.org_id != domain::OrgId(1) {
            continue;
        }
        let who = store::audit::Who {
            user_id: None,
            login: "test".into(),
            ip: "local".into(),
        };
        let account = store::user::NewAccount {
            login: login.into(),
            display_name: m.row.name.clone(),
            role: domain::Role::Member,
            org_id: domain::OrgId(1),
            member_id: Some(m.row.id),
            unit_id: None,
            password: PASSWORD.into(),
            must_change_password: false,
        };
        store::user::create(&app.state.db, START, &who, &account)
            .await
            .unwrap();
        return m.row.name;
    }
    panic!("no member with a unique name");
}

/// Two invited co-signers, the first with an e-mail; returns the recorder.
async fn invite_two(app: &TestApp) -> Arc<RecordingSender> {
    let recorder = Arc::new(RecordingSender::default());
    app.state.outbox.use_mail(recorder.clone());
    let first = member_account(app, "youjian1", "").await;
    let second = member_account(app, "youjian2", &first).await;
    let with_mail = app.login("youjian1").await;
    let r = with_mail
        .post(
            "/me/contact",
            &[
                ("phone", ""),
                ("email", "youjian1@example.cn"),
                ("address", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let member = app.login("weiyuan").await;
    let fields = [
        ("title", TITLE),
        ("analysis", ANALYSIS),
        ("suggestions", SUGGESTIONS),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let r = member.post("/proposals", &fields).await;
    let id = location(&r)
        .trim_start_matches("/proposals/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .to_string();
    let names = format!("{first}、{second}");
    let r = member
        .post(
            &format!("/proposals/{id}/cosigners"),
            &[("names", names.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = member
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        recorder.sent().is_empty(),
        "nothing is sent before the runner runs"
    );
    recorder
}

#[tokio::test]
async fn a_cosigning_invitation_is_mailed_to_members_with_an_email() {
    let app = spawn_app().await;
    let recorder = invite_two(&app).await;
    web::jobs::run_due(&app.state).await.unwrap();
    let sent = recorder.sent();
    assert_eq!(sent.len(), 1, "only the member with an e-mail: {sent:?}");
    assert_eq!(sent[0].to, "youjian1@example.cn");
    assert!(sent[0].subject.contains("联名邀请") && sent[0].subject.contains(TITLE));
    assert!(sent[0].body.contains("请在") && sent[0].body.contains("/proposals/"));
    // Both were told in the app.
    let (_, inbox) = app.login("youjian2").await.text("/messages").await;
    assert!(inbox.contains("联名邀请"));
    // Sent once: running again sends nothing more.
    web::jobs::run_due(&app.state).await.unwrap();
    assert_eq!(recorder.sent().len(), 1);
}

#[tokio::test]
async fn a_failing_sender_is_retried_later() {
    let app = spawn_app().await;
    let recorder = invite_two(&app).await;
    recorder.fail_next(1);
    web::jobs::run_due(&app.state).await.unwrap();
    assert!(recorder.sent().is_empty());
    assert!(store::job::pending(&app.state.db).await.unwrap() >= 1);
    // Not at once: the retry waits a minute.
    web::jobs::run_due(&app.state).await.unwrap();
    assert!(recorder.sent().is_empty());
    app.clock.advance(61);
    web::jobs::run_due(&app.state).await.unwrap();
    let sent = recorder.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "youjian1@example.cn");
}
