//! 民主监督 over HTTP with real roles: a topic from 立项 through an
//! activity, an opinion sent to chengban's unit, its rectification plan
//! (sent back once, then accepted) and results with evidence, an overdue
//! warning fired by the test clock, a re-check that reopens and then
//! closes; bad input with the input kept; escaping; refusals.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};

const TITLE: &str = "长江流域生态保护专项监督";

async fn names(app: &TestApp) -> (i64, String) {
    let db = &app.state.db;
    let committees = store::supervision::committees_of(db, domain::OrgId(1))
        .await
        .unwrap();
    let account = store::user::find_by_login(db, "weiyuan")
        .await
        .unwrap()
        .unwrap();
    let member = account.member_id.unwrap();
    let names = store::names::members(db, &[member]).await.unwrap();
    (committees[0].0 .0, names[&member].clone())
}

fn topic_form<'a>(title: &'a str, committee: &'a str, member: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        (
            "background",
            "围绕长江十年禁渔、岸线整治和入河排污口整治开展监督。\n重点是违规堆场。",
        ),
        ("source", "annual_plan"),
        ("form", "inspection"),
        ("committee", committee),
        ("year", "2026"),
        ("member_names", member),
    ]
}

async fn ok(b: &Browser, id: &str, fields: &[(&str, &str)]) {
    let r = b.post(&format!("/supervision/{id}/act"), fields).await;
    let status = r.status();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "{fields:?}: {}",
        r.text().await.unwrap_or_default()
    );
}

async fn refused(b: &Browser, id: &str, fields: &[(&str, &str)], status: StatusCode) -> String {
    let r = b.post(&format!("/supervision/{id}/act"), fields).await;
    assert_eq!(r.status(), status, "{fields:?}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_topic_runs_from_plan_to_rectification_recheck_reopen_and_close() {
    let app = spawn_app().await;
    let (committee, member_name) = names(&app).await;
    let committee = committee.to_string();
    let staff = app.login("shiganbu").await;
    let (status, page) = staff.text("/supervision/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("确定监督议题"));

    // Bad input: named fields, input kept, nothing written.
    let (_, board) = staff.text("/supervision").await;
    let topics = board.matches("href=\"/supervision/").count();
    assert!(topics >= 3, "the demo's topics are on the board: {board}");
    let long = "长".repeat(81);
    let r = staff
        .post("/supervision", &topic_form(&long, &committee, "查无此人"))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("议题名称不能超过80个字"), "{page}");
    assert!(page.contains("“查无此人”不是本级政协的在册委员"));
    assert!(page.contains("围绕长江十年禁渔"), "input kept");
    let (_, board) = staff.text("/supervision").await;
    let after = board.matches("href=\"/supervision/").count();
    assert_eq!(after, topics, "nothing half-written");

    let title = format!("{TITLE}<script>alert(1)</script>");
    let r = staff
        .post(
            "/supervision",
            &topic_form(&title, &committee, &member_name),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location(&r)
        .trim_start_matches("/supervision/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .to_string();
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    let escaped =
        page.contains("&lt;script&gt;alert(1)") || page.contains("&#60;script&#62;alert(1)");
    assert!(escaped, "escaped");
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("立项"));

    // The member taking part records the inspection and its findings.
    let member = app.login("weiyuan").await;
    let activity = [
        ("do", "record_activity"),
        ("kind", "inspection"),
        ("title", "沿江岸线实地视察"),
        ("start", "2026-03-02"),
        ("end", "2026-03-03"),
        ("place", "江北区滨江路沿线"),
        ("participants", member_name.as_str()),
        (
            "findings",
            "发现三处违规砂石堆场仍未清理，入河排污口标识不全。",
        ),
    ];
    let mut bad = activity.to_vec();
    bad[6] = ("participants", "路人甲");
    let page = refused(&member, &id, &bad, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(page.contains("“路人甲”不是本议题的参加委员"));
    assert!(page.contains("发现三处违规砂石堆场"), "input kept");
    ok(&member, &id, &activity).await;
    // A member cannot send opinions; a leader reads only.
    let page = refused(
        &member,
        &id,
        &[("do", "draft_opinion"), ("title", "x"), ("text", "y")],
        StatusCode::FORBIDDEN,
    )
    .await;
    assert!(page.contains("只有政协机关工作人员可以起草监督意见"));
    let leader = app.login("lingdao").await;
    let (status, page) = leader.text(&format!("/supervision/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("沿江岸线实地视察") && !page.contains("起草监督意见</summary>"));

    ok(
        &staff,
        &id,
        &[
            ("do", "draft_opinion"),
            ("title", "关于限期清理长江岸线违规堆场的监督意见"),
            (
                "text",
                "建议市交通局会同江北区于三个月内完成清理，并建立常态巡查机制。",
            ),
        ],
    )
    .await;
    // Sent to chengban's unit (2) through the shared tracking.
    ok(
        &staff,
        &id,
        &[("do", "send_opinion"), ("opinion", "1"), ("units", "2")],
    )
    .await;

    // Staff may give the unit more time for its plan, with a reason.
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    assert!(
        page.contains("value=\"extend\""),
        "the extension form is offered"
    );
    let later = (app.state.today() + time::Duration::days(45)).to_string();
    let page = refused(
        &staff,
        &id,
        &[
            ("do", "extend"),
            ("opinion", "1"),
            ("unit", "2"),
            ("until", &later),
            ("reason", ""),
        ],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("延期理由"), "{page}");
    ok(
        &staff,
        &id,
        &[
            ("do", "extend"),
            ("opinion", "1"),
            ("unit", "2"),
            ("until", &later),
            ("reason", "涉及多个部门，需协调"),
        ],
    )
    .await;
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    assert!(page.contains(&format!("整改方案期限：{later}")), "{page}");

    let unit = app.login("chengban").await;
    let (_, board) = unit.text("/supervision").await;
    assert!(
        board.contains("待本单位办理的监督意见") && board.contains("报送整改方案"),
        "{board}"
    );
    let plan = [
        ("do", "draft_plan"),
        ("opinion", "1"),
        ("text", "一、四月底前清理三处堆场；\n二、建立每周巡查台账。"),
        ("signed_by", "陈局长"),
        ("contact_person", "刘科长"),
        ("contact_phone", "023-89183000"),
    ];
    let mut no_phone = plan.to_vec();
    no_phone[5] = ("contact_phone", "");
    let page = refused(&unit, &id, &no_phone, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(page.contains("请填写联系电话") && page.contains("建立每周巡查台账"));
    ok(&unit, &id, &plan).await;
    ok(&unit, &id, &[("do", "submit_plan"), ("opinion", "1")]).await;
    ok(
        &staff,
        &id,
        &[
            ("do", "send_back_plan"),
            ("opinion", "1"),
            ("unit", "2"),
            ("reason", "时间表不具体"),
        ],
    )
    .await;
    ok(&unit, &id, &plan).await;
    ok(&unit, &id, &[("do", "submit_plan"), ("opinion", "1")]).await;
    ok(
        &staff,
        &id,
        &[("do", "accept_plan"), ("opinion", "1"), ("unit", "2")],
    )
    .await;

    let (_, page) = unit.text(&format!("/supervision/{id}")).await;
    assert!(page.contains("整改中，待报整改结果") && page.contains("整改结果期限"));
    ok(
        &unit,
        &id,
        &[
            ("do", "record_results"),
            ("opinion", "1"),
            ("result", "三处堆场已于4月28日全部清理完毕。"),
            ("evidence", "现场照片12张、区交通局验收记录"),
        ],
    )
    .await;
    ok(&staff, &id, &[("do", "start_recheck")]).await;
    // The re-check finds it short: back to rectification with a new date.
    let page = refused(
        &staff,
        &id,
        &[
            ("do", "reopen"),
            ("opinion", "1"),
            ("unit", "2"),
            ("reason", ""),
            ("until", ""),
        ],
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(page.contains("请填写新的整改期限"));
    let until = (app.state.today() + time::Duration::days(30)).to_string();
    ok(
        &staff,
        &id,
        &[
            ("do", "reopen"),
            ("opinion", "1"),
            ("unit", "2"),
            ("reason", "回头看发现仍有一处堆场复堆"),
            ("until", &until),
        ],
    )
    .await;
    let (_, page) = unit.text(&format!("/supervision/{id}")).await;
    assert!(page.contains("回头看要求重新整改：回头看发现仍有一处堆场复堆"));
    assert!(page.contains("整改中，待报整改结果"));

    // The test clock passes the new date: the warning job tells the unit,
    // and the board and the unit's queue show it overdue.
    app.clock.advance(31 * 86_400);
    while web::jobs::run_due(&app.state).await.unwrap() > 0 {}
    // Sessions ended while the clock moved on; everyone signs in again.
    let unit = app.login("chengban").await;
    let staff = app.login("shiganbu").await;
    let (_, messages) = unit.text("/messages").await;
    assert!(messages.contains("监督意见整改结果已超期"), "{messages}");
    let (_, board) = unit.text("/supervision").await;
    assert!(
        board.contains("报送整改结果") && board.contains("已超期"),
        "{board}"
    );
    let (_, board) = staff.text("/supervision").await;
    assert!(board.contains("1项超期"), "{board}");
    ok(
        &unit,
        &id,
        &[
            ("do", "record_results"),
            ("opinion", "1"),
            ("result", "复堆点位已清理，并设置隔离围挡。"),
            ("evidence", "整改前后对比照片"),
        ],
    )
    .await;
    ok(&staff, &id, &[("do", "start_recheck")]).await;
    ok(
        &staff,
        &id,
        &[("do", "close"), ("conclusion", "整改到位，同意办结")],
    )
    .await;
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    assert!(page.contains("回头看结论") && page.contains("整改到位，同意办结"));
    let (_, board) = staff.text("/supervision?year=2026").await;
    assert!(board.contains("办结") && !board.contains("项超期"));
}

#[tokio::test]
async fn a_unit_answering_an_opinion_not_sent_to_it_is_refused() {
    let app = spawn_app().await;
    let (id, staff) = topic_with_draft_opinion(&app).await;
    // Not yet sent: chengban's unit cannot see it at all.
    let unit = app.login("chengban").await;
    assert_eq!(
        unit.get(&format!("/supervision/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // Sent to another unit: still not theirs.
    let other = store::proposal::units_of(&app.state.db, domain::OrgId(1))
        .await
        .unwrap()
        .into_iter()
        .map(|(u, _)| u.0)
        .find(|u| *u != 2)
        .unwrap()
        .to_string();
    ok(
        &staff,
        &id,
        &[("do", "send_opinion"), ("opinion", "1"), ("units", &other)],
    )
    .await;
    assert_eq!(
        unit.get(&format!("/supervision/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let r = unit
        .post(
            &format!("/supervision/{id}/act"),
            &[("do", "submit_plan"), ("opinion", "1"), ("unit", &other)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The district staff of another organisation do not see it either.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&format!("/supervision/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The city's supervision deadlines are its own setting: bad values come
/// back named with the input kept and nothing saved; a saved plan deadline
/// decides the due date of the next opinion sent; a district inherits it.
#[tokio::test]
async fn supervision_deadlines_are_the_organisations_setting() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let (status, page) = staff.text("/settings/supervision").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("使用默认值") && page.contains("value=\"20个工作日\""));
    assert!(page.contains("默认：3个月"), "{page}");
    let form = |plan: &'static str, yellow: &'static str| {
        vec![
            ("org_id", "1"),
            ("plan_due", plan),
            ("results_due", "2个月"),
            ("max_extension", "3个月"),
            ("warning_blue", "10"),
            ("warning_yellow", yellow),
            ("warning_red", "0"),
        ]
    };
    let r = staff
        .post("/settings/supervision", &form("两周", "12"))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("整改方案期限："), "{page}");
    assert!(page.contains("黄色预警天数（12）不能大于蓝色预警天数（10）"));
    assert!(page.contains("value=\"两周\""), "input kept");
    let (_, page) = staff.text("/settings/supervision").await;
    assert!(page.contains("使用默认值"), "nothing saved");

    let r = staff
        .post("/settings/supervision", &form("30天", "5"))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.text("/settings/supervision").await;
    assert!(page.contains("本级设置") && page.contains("value=\"30天\""));
    let district = app.login("quganbu").await;
    let (_, page) = district.text("/settings/supervision").await;
    assert!(page.contains("继承自上级") && page.contains("value=\"30天\""));

    // A topic's opinion sent today is due in 30 days.
    let (committee, member_name) = names(&app).await;
    let committee = committee.to_string();
    let r = staff
        .post(
            "/supervision",
            &topic_form("城市内涝治理专项监督", &committee, &member_name),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = location(&r)
        .trim_start_matches("/supervision/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .to_string();
    let activity = [
        ("do", "record_activity"),
        ("kind", "research"),
        ("title", "易涝点排水设施调研"),
        ("start", "2026-05-11"),
        ("end", "2026-05-11"),
        ("place", "渝中区"),
        ("participants", member_name.as_str()),
        ("findings", "三处易涝点排水管网老化，雨季积水严重。"),
    ];
    ok(&staff, &id, &activity).await;
    let opinion = [
        ("do", "draft_opinion"),
        ("title", "关于加快排水管网改造的监督意见"),
        ("text", "建议年内完成主城易涝点排水管网改造。"),
    ];
    ok(&staff, &id, &opinion).await;
    ok(
        &staff,
        &id,
        &[("do", "send_opinion"), ("opinion", "1"), ("units", "2")],
    )
    .await;
    let due = (app.state.today() + time::Duration::days(30)).to_string();
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    assert!(page.contains(&format!("整改方案期限：{due}")), "{page}");
}

/// The stations settings page saves the per-address limit and the
/// forwarding deadline, keeping the category list it does not show.
#[tokio::test]
async fn station_settings_are_saved_from_their_page() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let (status, page) = staff.text("/settings/stations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("公开表单每个网络地址每小时可提交") && page.contains("value=\"5\""));
    let mut form = vec![
        ("org_id", "1"),
        ("public_per_ip_per_hour", "0"),
        ("close_within", "15个工作日"),
        ("answer_due", "10个工作日"),
        ("max_extension", "30个工作日"),
        ("warning_blue", "5"),
        ("warning_yellow", "3"),
        ("warning_red", "0"),
    ];
    let r = staff.post("/settings/stations", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("每小时可提交的件数应为1到100000之间的整数"));
    form[1] = ("public_per_ip_per_hour", "20");
    let r = staff.post("/settings/stations", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (settings, _) = store::station::settings_for(&app.state.db, domain::OrgId(1))
        .await
        .unwrap();
    assert_eq!(settings.public_per_ip_per_hour, 20);
    assert_eq!(
        settings.tracking.answer_due,
        domain::tracking::Period::WorkingDays(10)
    );
    assert_eq!(
        settings.categories,
        domain::station::StationSettings::default().categories
    );
}

/// A city topic with a research activity and one drafted opinion, not yet
/// sent; returns its id and the city staff's browser.
async fn topic_with_draft_opinion(app: &TestApp) -> (String, Browser) {
    let (committee, member_name) = names(app).await;
    let committee = committee.to_string();
    let staff = app.login("shiganbu").await;
    let r = staff
        .post("/supervision", &topic_form(TITLE, &committee, &member_name))
        .await;
    let id = location(&r)
        .trim_start_matches("/supervision/")
        .split(['?', '/'])
        .next()
        .unwrap()
        .to_string();
    let member = app.login("weiyuan").await;
    ok(
        &member,
        &id,
        &[
            ("do", "record_activity"),
            ("kind", "research"),
            ("title", "座谈调研"),
            ("start", "2026-03-02"),
            ("end", "2026-03-02"),
            ("place", "市生态环境局"),
            ("participants", member_name.as_str()),
            ("findings", "排污口台账不全。"),
        ],
    )
    .await;
    ok(
        &staff,
        &id,
        &[
            ("do", "draft_opinion"),
            ("title", "关于完善排污口台账的意见"),
            ("text", "建议限期完善。"),
        ],
    )
    .await;
    (id, staff)
}

/// A city topic with one opinion sent to chengban's unit (unit 2), which
/// now owes a rectification plan; returns the topic's id.
pub async fn opinion_sent_to_chengban(app: &TestApp) -> String {
    let (id, staff) = topic_with_draft_opinion(app).await;
    ok(
        &staff,
        &id,
        &[("do", "send_opinion"), ("opinion", "1"), ("units", "2")],
    )
    .await;
    id
}
