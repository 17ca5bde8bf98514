//! 意见建议 and 委员来信 over HTTP: proposals under review converted to a
//! 委员来信 and to an 意见建议 (links both ways, the member told), a letter
//! forwarded to chengban's unit through the shared tracking, replied,
//! accepted and closed, the member told of the reply; and the refusals: no
//! reason, converting twice, a member converting, a unit replying to what
//! was not sent to it, someone out of scope reading it.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};
use crate::proposals::{act, id_of, stage};

pub async fn under_review(app: &TestApp, member: &Browser, title: &str) -> String {
    let proposal = [
        ("title", title),
        (
            "analysis",
            "主城老旧小区加装电梯意愿强烈，但低层住户补偿协商难、审批环节多，已建成的不到申请数的三成。",
        ),
        (
            "suggestions",
            "建议出台低层住户补偿指导标准，推行并联审批，街道设专人协调。",
        ),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let r = member.post("/proposals", &proposal).await;
    let pid = id_of(&location(&r));
    let r = member
        .post(&format!("/proposals/{pid}/submit"), &proposal)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let staff = app.login("shiganbu").await;
    let r = act(&staff, &pid, &[("do", "start_review")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    pid
}

pub fn letter_link(page: &str) -> String {
    page.split("href=\"/letters/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the letter")
        .to_string()
}

pub async fn unit_of(app: &TestApp, login: &str) -> i64 {
    store::user::find_by_login(&app.state.db, login)
        .await
        .unwrap()
        .unwrap()
        .unit_id
        .unwrap()
        .0
}

async fn letter_count(app: &TestApp) -> i64 {
    store::letter::list(&app.state.db, &Default::default(), 1, 10)
        .await
        .unwrap()
        .total
}

#[tokio::test]
async fn a_proposal_converted_to_a_members_letter_is_forwarded_answered_and_closed() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let pid = under_review(&app, &member, "关于加快老旧小区加装电梯的建议").await;
    let staff = app.login("shiganbu").await;
    let page = stage(&staff, &pid).await;
    assert!(page.contains("转委员来信") && page.contains("转为意见建议"));

    // Refusals first: nothing is written.
    let r = act(&staff, &pid, &[("do", "convert_letter"), ("reason", " ")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("转办理由"));
    let r = act(
        &member,
        &pid,
        &[("do", "convert_letter"), ("reason", "自己转")],
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "a member may not convert"
    );
    assert_eq!(letter_count(&app).await, 0, "nothing half-written");

    let reason = "属个别事项反映，宜以委员来信转有关部门研究";
    let r = act(
        &staff,
        &pid,
        &[("do", "convert_letter"), ("reason", reason)],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let again = act(
        &staff,
        &pid,
        &[("do", "convert_letter"), ("reason", "再转一次")],
    )
    .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "converting twice");
    let again = act(
        &staff,
        &pid,
        &[("do", "convert_suggestion"), ("reason", "再转")],
    )
    .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(letter_count(&app).await, 1);

    let page = stage(&member, &pid).await;
    assert!(page.contains("已转为委员来信") && page.contains("已转办"));
    let lid = letter_link(&page);
    let (status, letter) = member.text(&format!("/letters/{lid}")).await;
    assert_eq!(status, StatusCode::OK, "the member sees their letter");
    assert!(letter.contains("委员来信") && letter.contains("待处理"));
    assert!(
        letter.contains(&format!("href=\"/proposals/{pid}\"")),
        "linked back"
    );
    assert!(letter.contains("关于加快老旧小区加装电梯的建议"));
    assert!(letter.contains("推行并联审批"), "pre-filled from 建议");
    assert!(letter.contains(reason));
    assert!(!letter.contains("name=\"do\""), "the member only reads");
    assert!(member.text("/letters").await.1.contains("加装电梯"));
    assert!(member
        .text("/messages")
        .await
        .1
        .contains("您的提案已转为委员来信"));
    let links = store::links::outgoing(&app.state.db, "letter", lid.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].to_kind, "proposal");

    // Out of scope: a district's staff does not see a city letter.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&format!("/letters/{lid}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let clerk = app.login("chengban").await;
    assert_eq!(
        clerk.get(&format!("/letters/{lid}")).await.status(),
        StatusCode::NOT_FOUND,
        "a unit sees only what was forwarded to it"
    );

    // Forward to chengban's unit through the shared tracking.
    let unit = unit_of(&app, "chengban").await.to_string();
    let path = format!("/letters/{lid}/act");
    let r = staff.post(&path, &[("do", "close")]).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "closing unforwarded needs a note"
    );
    let r = staff
        .post(&path, &[("do", "forward"), ("unit", &unit)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = staff
        .post(&path, &[("do", "forward"), ("unit", &unit)])
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "forwarded once");
    assert!(staff
        .text(&format!("/letters/{lid}"))
        .await
        .1
        .contains("已转交"));
    assert!(clerk.text("/messages").await.1.contains("转交委员来信"));
    assert!(clerk.text("/letters").await.1.contains("加装电梯"));
    let (status, held) = clerk.text(&format!("/letters/{lid}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        held.contains("value=\"reply\""),
        "the unit is offered the reply"
    );

    let reply =
        "经研究，我局将会同住建部门于年内出台低层住户补偿指导意见，并在渝中区试点并联审批。";
    let mut fields = vec![
        ("do", "reply"),
        ("class", "B"),
        ("signed_by", "王建国"),
        ("contact_person", "刘敏"),
        ("contact_phone", "023-63891234"),
        ("text", ""),
    ];
    let r = clerk.post(&path, &fields).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an empty reply"
    );
    fields[1] = ("class", "A");
    fields[5] = ("text", reply);
    let r = member.post(&path, &fields).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "the member cannot reply");
    let r = clerk.post(&path, &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        !member
            .text(&format!("/letters/{lid}"))
            .await
            .1
            .contains(reply),
        "not shown before staff accept it"
    );
    let r = staff
        .post(&path, &[("do", "accept"), ("unit", &unit)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, letter) = member.text(&format!("/letters/{lid}")).await;
    assert!(letter.contains(reply) && letter.contains("已回复"));
    assert!(member
        .text("/messages")
        .await
        .1
        .contains("您的委员来信已有回复"));
    let r = staff.post(&path, &[("do", "close")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, letter) = staff.text(&format!("/letters/{lid}")).await;
    assert!(letter.contains("已办结") && letter.contains("承办单位回复"));
    let r = staff.post(&path, &[("do", "close")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_proposal_becomes_a_suggestion_and_the_list_filters_by_kind() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let first = under_review(&app, &member, "关于加快老旧小区加装电梯的建议").await;
    let second = under_review(&app, &member, "关于完善社区嵌入式托育服务的建议").await;
    let staff = app.login("shiganbu").await;
    let r = act(
        &staff,
        &first,
        &[("do", "convert_letter"), ("reason", "宜作委员来信")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = act(
        &staff,
        &second,
        &[
            ("do", "convert_suggestion"),
            ("reason", "内容较原则，宜作意见建议"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = stage(&staff, &second).await;
    assert!(page.contains("已转为意见建议"));
    let lid = letter_link(&page);
    let (_, letter) = staff.text(&format!("/letters/{lid}")).await;
    assert!(letter.contains("意见建议") && letter.contains(&format!("/proposals/{second}")));
    let (_, list) = staff.text("/letters?kind=suggestion").await;
    assert!(list.contains("托育") && !list.contains("加装电梯"));
    let (_, list) = staff.text("/letters?kind=letter&stage=pending").await;
    assert!(list.contains("加装电梯") && !list.contains("托育"));
    let (_, list) = staff.text("/letters?stage=closed").await;
    assert!(!list.contains("加装电梯"));
    // A pending suggestion closes with a note, without forwarding.
    let r = staff
        .post(
            &format!("/letters/{lid}/act"),
            &[("do", "close"), ("note", "已在专题协商会上交流，不再转交")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let leader = app.login("lingdao").await;
    let (status, letter) = leader.text(&format!("/letters/{lid}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(letter.contains("已办结") && letter.contains("不再转交"));
}

/// A forwarded letter not yet replied to warns its unit as the due date
/// nears (blue, yellow, red, from the organisation's tracking settings);
/// once the reply is in, no later warning is sent.
#[tokio::test]
async fn a_forwarded_letter_warns_its_unit_before_the_due_date() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let pid = under_review(&app, &member, "关于完善社区嵌入式托育服务的建议").await;
    let staff = app.login("shiganbu").await;
    let r = act(
        &staff,
        &pid,
        &[("do", "convert_letter"), ("reason", "宜作委员来信")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let lid = letter_link(&stage(&staff, &pid).await);
    let unit = unit_of(&app, "chengban").await.to_string();
    let path = format!("/letters/{lid}/act");
    let r = staff
        .post(&path, &[("do", "forward"), ("unit", &unit)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let stored = store::letter::load(&app.state.db, lid.parse().unwrap())
        .await
        .unwrap();
    let due = stored.letter.tracking.assignments[0].due;
    let policy = store::proposal::Setting::for_org(&app.state.db, domain::OrgId(1))
        .await
        .unwrap()
        .tracking;

    // Nothing yet; then the morning of the yellow warning passes.
    while web::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let clerk = app.login("chengban").await;
    assert!(!clerk.text("/messages").await.1.contains("预警"));
    let yellow = due - time::Duration::days(policy.warnings.yellow);
    let days = (yellow - app.state.today()).whole_days() + 1;
    app.clock.advance(days * 86_400);
    while web::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let clerk = app.login("chengban").await;
    let (_, messages) = clerk.text("/messages").await;
    assert!(messages.contains("委员来信回复黄色预警"), "{messages}");
    assert!(!messages.contains("委员来信回复红色预警"), "red not yet");

    // The unit replies; the red warning's morning passes without a message.
    let fields = [
        ("do", "reply"),
        ("class", "A"),
        ("signed_by", "王建国"),
        ("contact_person", "刘敏"),
        ("contact_phone", "023-63891234"),
        (
            "text",
            "已将社区托育纳入明年民生实事，首批建设二十个托育点。",
        ),
    ];
    let r = clerk.post(&path, &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.clock.advance(policy.warnings.yellow * 86_400);
    while web::jobs::run_due(&app.state).await.unwrap() > 0 {}
    let clerk = app.login("chengban").await;
    let (_, messages) = clerk.text("/messages").await;
    assert!(!messages.contains("委员来信回复红色预警"), "{messages}");
}
