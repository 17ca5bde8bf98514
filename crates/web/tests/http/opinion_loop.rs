//! 社情民意 after adoption, over HTTP with real roles: a district member's
//! report through editing, sign-off and adoption, reported upward to the
//! city (refused the second time), adopted by the city, sent on to the
//! national CPPCC with its outcome recorded, a leader's instruction and the
//! author told; bulletins (single and combined pieces, issue, Word); and
//! the targets and statistics.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp, PASSWORD, START};

const TITLE: &str = "关于农村留守老人助餐服务覆盖不足的情况反映";

fn report(title: &str) -> Vec<(&str, &str)> {
    vec![
        ("title", title),
        (
            "situation",
            "我区山区乡镇留守老人占比超过三成，村级助餐点覆盖不到一半。",
        ),
        (
            "analysis",
            "助餐点依赖村集体经济，运营补贴不足，送餐半径过大。",
        ),
        (
            "suggestion",
            "建议按服务人次给予运营补贴，并由乡镇敬老院辐射周边村组。",
        ),
        ("category", "社会建设"),
        ("then", "submit"),
    ]
}

fn id_of(location: &str) -> i64 {
    location
        .trim_start_matches("/opinions/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn step(b: &Browser, id: i64, fields: &[(&str, &str)]) -> reqwest::Response {
    b.post(&format!("/opinions/{id}/act"), fields).await
}

async fn ok_step(b: &Browser, id: i64, fields: &[(&str, &str)]) {
    let r = step(b, id, fields).await;
    let status = r.status();
    let body = r.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::SEE_OTHER, "{fields:?}: {body}");
}

/// An account for a member of the district where `quganbu` works.
async fn district_member(app: &TestApp, login: &str) -> (Browser, String) {
    let staff = store::user::find_by_login(&app.state.db, "quganbu")
        .await
        .unwrap()
        .unwrap();
    let filter = store::member::MemberFilter {
        org_id: Some(staff.org_id.0),
        ..Default::default()
    };
    let page = store::member::list(&app.state.db, &staff.org_path, &filter, 1, 5)
        .await
        .unwrap();
    let m = page.rows.first().expect("a district member");
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    store::user::create(
        &app.state.db,
        START,
        &who,
        &store::user::NewAccount {
            login: login.into(),
            display_name: m.name.clone(),
            role: domain::Role::Member,
            org_id: staff.org_id,
            member_id: Some(m.id),
            unit_id: None,
            password: PASSWORD.into(),
            must_change_password: false,
        },
    )
    .await
    .unwrap();
    (app.login(login).await, m.name.clone())
}

/// Staff take a submitted report through to adoption.
async fn adopt(staff: &Browser, id: i64) {
    ok_step(staff, id, &[("do", "review")]).await;
    ok_step(staff, id, &[("do", "sign_off")]).await;
    ok_step(staff, id, &[("do", "adopt"), ("note", "拟编入简报")]).await;
}

#[tokio::test]
async fn a_district_report_goes_up_to_the_city_and_the_nation_and_the_author_hears_of_an_instruction(
) {
    let app = spawn_app().await;
    let (member, name) = district_member(&app, "quweiyuan").await;
    let r = member.post("/opinions", &report(TITLE)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));

    // The district: edited (original kept), reviewed, signed off, adopted.
    let district = app.login("quganbu").await;
    let mut edit = report(TITLE);
    edit.retain(|(k, _)| *k != "then");
    edit.push((
        "suggestion",
        "建议按服务人次补贴运营，由乡镇敬老院辐射周边村组。",
    ));
    edit.push(("do", "edit"));
    ok_step(&district, id, &edit).await;
    let (_, page) = district.text(&format!("/opinions/{id}")).await;
    assert!(
        !page.contains("报送上级政协"),
        "not offered before adoption"
    );
    let early = step(&district, id, &[("do", "report_upward")]).await;
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "refused before adoption"
    );
    adopt(&district, id).await;
    let (_, page) = district.text(&format!("/opinions/{id}")).await;
    assert!(page.contains("报送上级政协"), "offered once adopted");

    // A member may not send it up.
    let r = step(&member, id, &[("do", "report_upward")]).await;
    assert!(
        matches!(r.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        r.status()
    );

    // Sent up: the city gets its own record of the same text.
    ok_step(&district, id, &[("do", "report_upward")]).await;
    let up = store::opinion::upward_of(&app.state.db, domain::OpinionId(id))
        .await
        .unwrap()
        .expect("sent up");
    let city_id = up.to_opinion_id.expect("the city's own record");
    assert_ne!(city_id, id);
    let again = step(&district, id, &[("do", "report_upward")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body = again.text().await.unwrap();
    assert!(body.contains("已报送"), "a clear refusal: {body}");
    let copies = store::opinion::list(
        &app.state.db,
        &store::opinion::OpinionFilter {
            scope: Some(domain::org::OrgPath::from_stored("/".into())),
            ..Default::default()
        },
        1,
        50,
    )
    .await
    .unwrap();
    assert_eq!(copies.total, 2, "one copy at the city, not two");

    let city = app.login("shiganbu").await;
    let (status, page) = city.text(&format!("/opinions/{city_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("下级报送") && page.contains("已提交"),
        "the city's own stage"
    );
    assert!(
        page.contains("按服务人次补贴运营"),
        "the text as the district adopted it, not re-typed"
    );
    assert!(page.contains(&name), "in the same author's name");
    adopt(&city, city_id).await;

    // The city sends it to the national CPPCC and records the outcome by hand.
    ok_step(&city, city_id, &[("do", "report_upward")]).await;
    let bad = step(
        &city,
        city_id,
        &[
            ("do", "national"),
            ("outcome", "adopted"),
            ("outcome_on", "五月"),
        ],
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("五月"), "input kept");
    ok_step(
        &city,
        city_id,
        &[
            ("do", "national"),
            ("outcome", "adopted"),
            ("outcome_on", "2026-05-20"),
            ("outcome_note", "全国政协《社情民意信息》第88期"),
        ],
    )
    .await;

    // A leader's instruction: bad fields come back with the input kept;
    // markup is stored as text and shown escaped; the author is told.
    let r = step(
        &city,
        city_id,
        &[
            ("do", "instruct"),
            ("leader", "王副市长"),
            ("level", ""),
            ("text", ""),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.text().await.unwrap();
    assert!(body.contains("请选择领导级别") && body.contains("value=\"王副市长\""));
    ok_step(
        &city,
        city_id,
        &[
            ("do", "instruct"),
            ("leader", "<script>alert(1)</script>王副市长"),
            ("level", "city"),
            ("text", "请市民政局会同财政局研究农村助餐补贴办法。"),
            ("given_on", "2026-05-28"),
        ],
    )
    .await;
    let (_, page) = city.text(&format!("/opinions/{city_id}")).await;
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;王副市长")
            || page.contains("&#60;script&#62;alert(1)&#60;/script&#62;王副市长"),
        "shown as text"
    );
    assert!(!page.contains("<script>alert(1)"));
    let (_, inbox) = member.text("/messages").await;
    assert!(inbox.contains("获领导批示"), "the author is notified");

    // Each level keeps its own adoption; the district's page shows the chain.
    let (_, page) = member.text(&format!("/opinions/{id}")).await;
    assert!(page.contains("报送与采用链条"));
    assert!(page.contains("<strong>全国政协</strong>：已采用"), "{page}");
    assert!(page.contains("全国政协《社情民意信息》第88期"));
    assert!(
        page.contains(&format!("/opinions/{city_id}")),
        "links the city's record"
    );
    let chain = store::opinion::chain(&app.state.db, domain::OpinionId(id))
        .await
        .unwrap();
    let stages: Vec<&str> = chain.iter().map(|c| c.stage_label.as_str()).collect();
    assert_eq!(stages, ["已采用", "已采用", "已采用"]);
    assert_eq!(chain[2].org_name, "全国政协");
    assert_eq!(chain[1].instructions, 1);
    let again = step(&city, city_id, &[("do", "report_upward")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(again.text().await.unwrap().contains("已报送全国政协"));

    // The statistics count it for the member at each level.
    let root = domain::org::OrgPath::from_stored("/".into());
    let groups = store::opinion::stats::member_groups(&app.state.db, &root)
        .await
        .unwrap();
    let tally = store::opinion::stats::statistics(
        &app.state.db,
        &root,
        domain_year(&app),
        &groups,
        &store::opinion::stats::MemberQuery {
            org: Some(4),
            limit: 1000,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let row = tally.members.iter().find(|m| m.name == name).unwrap();
    assert_eq!(row.tally.sent, 1, "the city's copy is not sent again");
    assert_eq!(row.tally.adopted_district, 1);
    assert_eq!(row.tally.adopted_city, 1);
    assert_eq!(row.tally.adopted_national, 1);
    assert_eq!(row.tally.instructions, 1);
}

/// The “共 N 位委员” of the statistics page.
fn member_count(page: &str) -> i64 {
    let at = page.find("共 ").unwrap() + "共 ".len();
    page[at..].split(' ').next().unwrap().parse().unwrap()
}

fn domain_year(app: &TestApp) -> i32 {
    app.state.today().year()
}

#[tokio::test]
async fn adopted_reports_go_into_numbered_bulletins_singly_or_combined() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let city = app.login("shiganbu").await;
    let mut ids = Vec::new();
    for title in [
        "关于农村留守老人助餐服务覆盖不足的情况反映",
        "关于城区老旧小区加装电梯后续维保的建议",
        "关于社区养老服务站专业人员短缺的反映",
    ] {
        let r = member.post("/opinions", &report(title)).await;
        let id = id_of(&location(&r));
        adopt(&city, id).await;
        ids.push(id);
    }
    let r = city
        .post("/opinions/bulletins", &[("title", "养老服务专辑")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let path = path.split('?').next().unwrap().to_string();
    let (_, page) = city.text(&path).await;
    let year = domain_year(&app);
    assert!(
        page.contains(&format!("《社情民意》{year}年第1期")),
        "{page}"
    );
    assert!(
        page.contains("关于城区老旧小区加装电梯后续维保的建议"),
        "awaiting"
    );

    // A single piece takes one report; a combined piece needs a title.
    let act = format!("{path}/act");
    let two_single = [
        ("do", "piece"),
        ("combined", "0"),
        (&*format!("o_{}", ids[0]), "1"),
        (&*format!("o_{}", ids[1]), "1"),
    ];
    let r = city.post(&act, &two_single).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("单篇采用只能选择一条信息"));
    let o0 = format!("o_{}", ids[0]);
    let o1 = format!("o_{}", ids[1]);
    let o2 = format!("o_{}", ids[2]);
    let r = city
        .post(
            &act,
            &[
                ("do", "piece"),
                ("combined", "1"),
                ("title", "关于完善农村和社区养老服务的综合反映"),
                (&o0, "1"),
                (&o2, "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = city
        .post(&act, &[("do", "piece"), ("combined", "0"), (&o1, "1")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = city
        .post(&act, &[("do", "piece"), ("combined", "0"), (&o1, "1")])
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "a report goes in once");

    let (_, page) = city.text(&path).await;
    assert!(page.contains("综合采用") && page.contains("单篇采用"));
    assert!(page.contains("关于完善农村和社区养老服务的综合反映"));
    let (_, record) = member.text(&format!("/opinions/{}", ids[0])).await;
    assert!(
        record.contains(&format!("《社情民意》{year}年第1期")),
        "the report names its bulletin"
    );

    let r = city.post(&act, &[("do", "issue")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = city.post(&act, &[("do", "issue")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "issued once");
    let r = city.get(&format!("{path}/docx")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("wordprocessingml"));
    let bytes = r.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK");

    // The next one is number 2; a district's numbering is its own.
    let r = city.post("/opinions/bulletins", &[("title", "")]).await;
    let (_, page) = city.text(location(&r).split('?').next().unwrap()).await;
    assert!(page.contains(&format!("{year}年第2期")));
    let district = app.login("quganbu").await;
    let r = district.post("/opinions/bulletins", &[("title", "")]).await;
    let dpath = location(&r);
    let (_, page) = district.text(dpath.split('?').next().unwrap()).await;
    assert!(page.contains(&format!("{year}年第1期")));
    let (status, _) = district.text(&path).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a district does not see the city's"
    );
}

#[tokio::test]
async fn staff_see_who_has_met_the_yearly_target() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let city = app.login("shiganbu").await;
    let r = member.post("/opinions", &report(TITLE)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let name = store::user::find_by_login(&app.state.db, "weiyuan")
        .await
        .unwrap()
        .unwrap()
        .display_name;

    let (status, page) = city.text("/opinions/stats?met=yes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(&name) && page.contains("1 / 1"),
        "met with one report"
    );
    let (_, page) = city.text("/opinions/stats?met=no").await;
    assert!(
        !page.contains(&format!("{name} <span")),
        "not among the unmet"
    );
    let (_, page) = city.text("/opinions/stats?by=org").await;
    assert!(page.contains("按政协") && page.contains("org="));
    // Members are counted from a per-server cache; a member deactivated
    // since leaves the count at once.
    let (_, page) = city.text("/opinions/stats").await;
    let before = member_count(&page);
    let r = city.post("/members/2/deactivate", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = city.text("/opinions/stats").await;
    assert_eq!(member_count(&page), before - 1);
    let (_, page) = city.text("/opinions/stats?by=sector").await;
    assert!(page.contains("sector="));

    // The target is the organisation's setting.
    let r = city
        .post(
            "/settings/opinions",
            &[
                ("org_id", "1"),
                ("recommended_chars", "1500"),
                ("target_standing", "4"),
                ("target_member", "2"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = city.text("/opinions/stats?met=no").await;
    assert!(
        page.contains(&name) && page.contains("1 / 2"),
        "now short of 2"
    );
    let r = city
        .post(
            "/settings/opinions",
            &[
                ("org_id", "1"),
                ("recommended_chars", "1500"),
                ("target_member", "很多"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("很多"), "input kept");

    let (status, _) = member.text("/opinions/stats").await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "members do not see the tables"
    );
}

#[tokio::test]
async fn staff_find_reports_by_keyword_through_the_search_index() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    for title in [TITLE, "关于城区老旧小区加装电梯后续维保的建议"] {
        let r = member.post("/opinions", &report(title)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let city = app.login("shiganbu").await;
    let (status, page) = city.text("/opinions?q=电梯").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("加装电梯后续维保"), "found by keyword");
    assert!(!page.contains(TITLE), "only what matches");
    let (_, page) = city.text("/opinions?q=%3Cscript%3E").await;
    assert!(!page.contains("<script>"), "the keyword is shown escaped");
    let district = app.login("quganbu").await;
    let (_, page) = district.text("/opinions?q=电梯").await;
    assert!(
        !page.contains("加装电梯后续维保"),
        "outside a district's scope"
    );
}
