//! 业务设置 over HTTP: an organisation's deadlines and calendar decide the
//! due dates of proposals assigned afterwards; a district inherits the city
//! until it sets its own; bad input comes back with Chinese messages and
//! nothing saved; only staff may change them.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp, START};

const TITLE: &str = "关于优化社区养老服务设施布局的建议";
const ANALYSIS: &str = "我市部分老旧社区缺少日间照料中心和助餐点，老年人就近获得养老服务不便，已建设施又存在分布不均、使用率不高的问题。";
const SUGGESTIONS: &str =
    "一是按人口密度规划社区养老设施；二是推广社区助餐点；三是引入专业机构运营。";

/// The proposal settings form with the defaults, then `changes` over them.
fn proposal_form<'a>(org: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("org_id", org),
        ("return_window", "10个工作日"),
        ("first_contact", "15个工作日"),
        ("answer_due", "3个月"),
        ("max_extension", "6个月"),
        ("rehandle_due", "1个月"),
        ("warning_blue", "30"),
        ("warning_yellow", "15"),
        ("warning_red", "0"),
        ("cosign_window", "3天"),
        ("max_cosigners", "30"),
        ("max_rehandles", "1"),
        ("contact_before_answer", "是"),
    ];
    for (name, value) in changes {
        if let Some(slot) = form.iter_mut().find(|(n, _)| n == name) {
            slot.1 = value;
        }
    }
    form
}

/// A city proposal filed and assigned to unit 2 today; returns its id.
async fn assigned_today(app: &TestApp) -> String {
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
    member
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    let staff = app.login("shiganbu").await;
    for step in [
        vec![("do", "start_review")],
        vec![("do", "file")],
        vec![("do", "assign"), ("mode", "single"), ("unit", "2")],
    ] {
        let r = staff.post(&format!("/proposals/{id}/act"), &step).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{step:?}");
    }
    id
}

async fn save_calendar(b: &Browser, org: &str, holidays: &str, extra: &str) -> reqwest::Response {
    b.post(
        "/settings/calendar",
        &[
            ("org_id", org),
            ("year", "2026"),
            ("holidays", holidays),
            ("extra_workdays", extra),
            ("intent", "save"),
        ],
    )
    .await
}

#[tokio::test]
async fn the_answer_period_and_holidays_set_the_due_date_of_later_assignments() {
    let app = spawn_app().await;
    // Before any setting: 3 months from Friday 2026-11-27.
    let before = assigned_today(&app).await;
    let staff = app.login("shiganbu").await;
    let (_, page) = staff.text(&format!("/proposals/{before}")).await;
    assert!(page.contains("答复期限 2027-02-27"), "{page}");

    let form = proposal_form(
        "1",
        &[
            ("answer_due", "20个工作日"),
            ("warning_blue", "20"),
            ("warning_yellow", "10"),
        ],
    );
    let r = staff.post("/settings/proposals", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = save_calendar(&staff, "1", "2026-12-01~2026-12-03", "2026-12-05").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.text("/settings/calendar?org_id=1&year=2026").await;
    assert!(page.contains("2026-12-01~2026-12-03") && page.contains("本级设置"));
    assert!(
        page.contains("12月1日 节假日") && page.contains("12月5日 调休上班"),
        "the month grid marks the days"
    );

    // 20 working days from Friday 27 November: 30 Nov, (1–3 Dec off), 4, Sat 5
    // (worked), 7–11, 14–18, 21–25, 28 and 29 December.
    let after = assigned_today(&app).await;
    let (_, page) = staff.text(&format!("/proposals/{after}")).await;
    assert!(page.contains("答复期限 2026-12-29"), "{page}");
    let (_, page) = staff.text(&format!("/proposals/{before}")).await;
    assert!(
        page.contains("答复期限 2027-02-27"),
        "an earlier assignment keeps its due date"
    );
    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|a| a == "settings.proposals"));
    assert!(actions.iter().any(|a| a == "settings.calendar"));
}

#[tokio::test]
async fn a_district_inherits_the_city_until_it_sets_its_own() {
    let app = spawn_app().await;
    let city = app.login("shiganbu").await;
    let district = app.login("quganbu").await;
    let (_, page) = district.text("/settings/proposals").await;
    assert!(page.contains("使用默认值") && page.contains("value=\"3个月\""));
    assert!(
        page.contains("默认：3个月"),
        "the default is shown beside the field"
    );

    let r = city
        .post(
            "/settings/proposals",
            &proposal_form("1", &[("answer_due", "2个月")]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    save_calendar(&city, "1", "2026-12-31", "").await;
    let (_, page) = district.text("/settings/proposals").await;
    assert!(page.contains("继承自上级："), "{page}");
    assert!(page.contains("value=\"2个月\""));
    let (_, page) = district.text("/settings/calendar?year=2026").await;
    assert!(page.contains("继承自上级：") && page.contains("2026-12-31"));
    let setting = store::proposal::Setting::for_org(&app.state.db, domain::OrgId(4))
        .await
        .unwrap();
    assert_eq!(
        setting.tracking.answer_due,
        domain::tracking::Period::Months(2)
    );
    assert!(!setting
        .calendar
        .is_workday(time::macros::date!(2026 - 12 - 31)));

    // The district sets its own; the city keeps its.
    let r = district
        .post(
            "/settings/proposals",
            &proposal_form("4", &[("answer_due", "45个工作日")]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = district.text("/settings/proposals").await;
    assert!(page.contains("本级设置") && page.contains("value=\"45个工作日\""));
    let (_, page) = city.text("/settings/proposals").await;
    assert!(page.contains("value=\"2个月\""));
    // City staff may open the district's page too.
    let (status, page) = city.text("/settings/proposals?org_id=4").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("value=\"45个工作日\""));
    // Going back to inheriting.
    let r = district
        .post("/settings/proposals/inherit", &[("org_id", "4")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = district.text("/settings/proposals").await;
    assert!(page.contains("继承自上级：") && page.contains("value=\"2个月\""));
}

#[tokio::test]
async fn bad_input_comes_back_with_messages_and_nothing_is_saved() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let form = proposal_form("1", &[("answer_due", "20个工作日"), ("warning_red", "-1")]);
    let r = staff.post("/settings/proposals", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("蓝色预警天数（30）不能大于答复期限（20个工作日，约28天）"));
    assert!(page.contains("红色预警天数不能为负数"));
    assert!(page.contains("value=\"20个工作日\"") && page.contains("value=\"-1\""));

    let r = save_calendar(&staff, "1", "2026-12-01\n2026-13-45", "").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("“2026-13-45”不是有效日期"), "{page}");
    assert!(page.contains("2026-12-01\n2026-13-45"), "the input is kept");
    let r = save_calendar(&staff, "1", "2026-12-05", "2026-12-05").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("2026-12-05 同时列为节假日和调休上班日"));

    // A preview shows the grid and saves nothing.
    let r = staff
        .post(
            "/settings/calendar",
            &[
                ("org_id", "1"),
                ("year", "2026"),
                ("holidays", "2026-12-24"),
                ("extra_workdays", ""),
                ("intent", "preview"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("12月24日 节假日"));

    let (_, page) = staff.text("/settings/proposals").await;
    assert!(page.contains("使用默认值") && page.contains("value=\"3个月\""));
    let (_, page) = staff.text("/settings/calendar?year=2026").await;
    assert!(page.contains("使用默认值") && !page.contains("12月24日 节假日"));
    let actions = app.audit_actions().await;
    assert!(!actions.iter().any(|a| a.starts_with("settings.")));
}

#[tokio::test]
async fn only_staff_may_change_settings() {
    let app = spawn_app().await;
    for login in ["weiyuan", "chengban", "lingdao", "xitong"] {
        let b = app.login(login).await;
        for path in ["/settings/proposals", "/settings/calendar"] {
            assert_eq!(
                b.get(path).await.status(),
                StatusCode::FORBIDDEN,
                "{login} {path}"
            );
        }
        let r = b
            .post("/settings/proposals", &proposal_form("1", &[]))
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{login}");
    }
    // District staff cannot reach the city's settings.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get("/settings/proposals?org_id=1").await.status(),
        StatusCode::NOT_FOUND
    );
    let r = district
        .post(
            "/settings/proposals",
            &proposal_form("1", &[("answer_due", "1个月")]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (_, nav) = app.login("shiganbu").await.text("/").await;
    assert!(nav.contains("href=\"/settings/proposals\""));
    let (_, nav) = app.login("weiyuan").await.text("/").await;
    assert!(!nav.contains("/settings/"));
}

/// A staff token for organisation 1.
pub async fn staff_token(app: &TestApp, org: i64) -> String {
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    let (_, secret) = store::token::issue(
        &app.state.db,
        START,
        &who,
        "设置接口",
        domain::OrgId(org),
        domain::Role::Staff,
        domain::UserId(2),
    )
    .await
    .unwrap();
    secret
}

#[tokio::test]
async fn the_api_reads_and_replaces_settings() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let city = staff_token(&app, 1).await;
    let district = staff_token(&app, 4).await;
    let url = |path: &str| format!("{}/api/v1{path}", app.base);
    let r = client
        .put(url("/settings/proposals"))
        .bearer_auth(&city)
        .json(&serde_json::json!({ "answer_due": "2个月", "warning_blue": 70 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = r.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "warning_blue");
    let r = client
        .put(url("/settings/proposals"))
        .bearer_auth(&city)
        .json(&serde_json::json!({ "answer_due": "2个月" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["settings"]["answer_due"], "2个月");
    assert_eq!(
        body["settings"]["return_window"], "10个工作日",
        "others kept"
    );
    let r = client
        .get(url("/settings/proposals"))
        .bearer_auth(&district)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["source"], "inherited");
    assert_eq!(body["inherited_from_org_id"], 1);
    assert_eq!(body["settings"]["answer_due"], "2个月");

    let r = client
        .put(url("/settings/calendar"))
        .bearer_auth(&district)
        .json(&serde_json::json!({ "year": 2027, "holidays": ["2027-10-01~2027-10-07"], "extra_workdays": ["2027-10-09"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["source"], "own");
    assert_eq!(body["holidays"].as_array().unwrap().len(), 7);
    let r = client
        .put(url("/settings/calendar"))
        .bearer_auth(&district)
        .json(&serde_json::json!({ "org_id": 1, "holidays": "2027-10-01" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the city is outside the district token's scope"
    );
    let doc: serde_json::Value = client
        .get(url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/settings/proposals"]["put"].is_object());
    assert!(doc["paths"]["/settings/calendar"]["get"].is_object());
}
