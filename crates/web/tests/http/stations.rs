//! 委员工作站 over HTTP: the registry, a citizen's demand from the public
//! form through forwarding, the unit's answer, checking, feedback and the
//! tracking page; throttling; probe-safe codes; deadline warnings fired by
//! the test clock; conversion to a proposal draft linked both ways.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};

const CONTENT: &str =
    "<script>alert(1)</script>解放碑小区门口的路灯坏了三个月，晚上老人出行很不安全";

/// The text between two markers.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    html.find(start)
        .map(|i| &html[i + start.len()..])
        .and_then(|rest| rest.find(end).map(|j| &rest[..j]))
        .unwrap_or("")
}

/// Solves the form's arithmetic question and returns (answer, token).
fn solve(html: &str) -> (String, String) {
    let q = between(html, "验证题：", "等于几");
    let parts: Vec<u32> = q
        .split('加')
        .map(|p| p.trim().parse().expect("number"))
        .collect();
    let token = between(html, "name=\"token\" value=\"", "\"").to_string();
    ((parts[0] + parts[1]).to_string(), token)
}

fn hidden(html: &str, name: &str) -> String {
    between(html, &format!("name=\"{name}\" value=\""), "\"").to_string()
}

async fn unit_of(app: &TestApp, login: &str) -> i64 {
    store::user::find_by_login(&app.state.db, login)
        .await
        .unwrap()
        .unwrap()
        .unit_id
        .unwrap()
        .0
}

/// Staff create a station at the city with the demo member attached.
async fn station(app: &TestApp) -> i64 {
    let member = app.login("weiyuan").await;
    let (_, me) = member.text("/me").await;
    let name = between(&me, "<span class=\"who\">", "<small>")
        .trim()
        .to_string();
    assert!(!name.is_empty());
    let staff = app.login("shiganbu").await;
    let r = staff
        .post(
            "/stations",
            &[
                ("kind", "station"),
                ("name", "解放碑街道委员工作站"),
                ("street", "解放碑街道"),
                ("address", "渝中区民族路188号"),
                ("reception_days", "每周三上午"),
                ("members", &name),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id: i64 = location(&r)
        .trim_start_matches("/stations/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let (status, mine) = member.text("/stations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        mine.contains("解放碑街道委员工作站"),
        "a member sees their station"
    );
    id
}

/// Submits the public form for `station`; returns the response.
async fn submit(b: &Browser, station: i64, extra: &[(&str, &str)]) -> reqwest::Response {
    let (_, form) = b.text(&format!("/s/{station}/demand")).await;
    let (answer, token) = solve(&form);
    let org = hidden(&form, "org");
    let station = station.to_string();
    let mut fields: Vec<(&str, &str)> = vec![
        ("org", &org),
        ("station", &station),
        ("category", "城乡建设"),
        ("content", CONTENT),
        ("name", "王女士"),
        ("phone", "13812345678"),
        ("consent", "1"),
        ("answer", &answer),
        ("token", &token),
    ];
    for (k, v) in extra {
        fields.retain(|(key, _)| key != k);
        fields.push((k, v));
    }
    b.post_raw("/demand", &fields).await
}

fn code_in(html: &str) -> String {
    between(html, "aria-label=\"查询码\">", "<").to_string()
}

#[tokio::test]
async fn a_public_demand_is_forwarded_answered_fed_back_and_tracked() {
    let app = spawn_app().await;
    let station = station(&app).await;
    let citizen = app.browser();

    // Bad input keeps what was typed and asks a new question.
    let r = submit(&citizen, station, &[("answer", "99"), ("consent", "")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("验证题答案不正确"));
    assert!(page.contains("请勾选同意"));
    assert!(
        page.contains("&#60;script&#62;alert(1)")
            && page.contains("解放碑小区门口的路灯坏了三个月"),
        "input kept, escaped: {}",
        between(&page, "<textarea", "</textarea>")
    );
    assert!(!page.contains("<script>alert(1)"));
    let r = submit(&citizen, station, &[("content", "")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let long = "很".repeat(2001);
    let r = submit(&citizen, station, &[("content", &long)]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("不能超过2000个字"));

    let r = submit(&citizen, station, &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let code = code_in(&r.text().await.unwrap());
    assert!(code.starts_with("SQ") && code.len() == 14, "{code}");
    let track = |c: String| {
        let citizen = app.browser();
        async move { citizen.text(&format!("/demand/track?code={c}")).await }
    };
    let (status, page) = track(code.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("已受理"));
    assert!(!page.contains("王女士") && !page.contains("13812345678") && !page.contains("1381"));

    // Staff see it, escaped, with the visitor's data; and forward it.
    let staff = app.login("shiganbu").await;
    let (_, list) = staff.text("/demands").await;
    let id: i64 = between(&list, "<td class=\"primary\"><a href=\"/demands/", "\"")
        .parse()
        .unwrap();
    let (_, record) = staff.text(&format!("/demands/{id}")).await;
    assert!(record.contains("&#60;script&#62;") && !record.contains("<script>alert"));
    assert!(record.contains("王女士") && record.contains("13812345678"));
    let unit = unit_of(&app, "chengban").await.to_string();
    let r = staff
        .post(
            &format!("/demands/{id}/act"),
            &[("do", "forward"), ("unit", &unit)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "forward");

    // Staff find it by a word of its text (the search index), not by an absent one.
    let (_, found) = staff.text("/demands?q=%E8%B7%AF%E7%81%AF").await;
    assert!(found.contains(&format!("/demands/{id}\"")), "found by 路灯");
    let (_, none) = staff.text("/demands?q=%E5%B9%BC%E5%84%BF%E5%9B%AD").await;
    assert!(
        !none.contains(&format!("/demands/{id}\"")),
        "not found by 幼儿园"
    );

    // The unit's clerk has it in their queue and was told.
    let clerk = app.login("chengban").await;
    let (_, queue) = clerk.text("/demands").await;
    assert!(
        queue.contains(&format!("/demands/{id}")),
        "in the unit's queue"
    );
    let (_, messages) = clerk.text("/messages").await;
    assert!(messages.contains("转办群众诉求"));
    let (_, unit_view) = clerk.text(&format!("/demands/{id}")).await;
    assert!(
        !unit_view.contains("13812345678"),
        "a unit sees the phone masked only"
    );

    // Warnings come from the job table when the test clock reaches them.
    app.clock.advance(17 * 86_400);
    web::jobs::run_due(&app.state).await.unwrap();
    let clerk = app.login("chengban").await;
    let (_, messages) = clerk.text("/messages").await;
    assert!(
        messages.contains("群众诉求办理蓝色预警"),
        "blue warning sent"
    );

    // Bad answer input is kept; then the answer is submitted.
    let answer = "已安排维修队更换路灯，12月20日前完成，并增设两处照明。";
    let r = clerk
        .post(
            &format!("/demands/{id}/act"),
            &[
                ("do", "answer"),
                ("class", "A"),
                ("text", answer),
                ("signed_by", ""),
                ("contact_person", "李明"),
                ("contact_phone", "023-63891234"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(answer), "input kept");
    let r = clerk
        .post(
            &format!("/demands/{id}/act"),
            &[
                ("do", "answer"),
                ("class", "A"),
                ("text", answer),
                ("signed_by", "张局长"),
                ("contact_person", "李明"),
                ("contact_phone", "023-63891234"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "answer");
    let (_, page) = track(code.clone()).await;
    assert!(!page.contains(answer), "not public before staff checked it");

    let staff = app.login("shiganbu").await;
    let r = staff
        .post(
            &format!("/demands/{id}/act"),
            &[("do", "accept"), ("unit", &unit)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "accept");
    let (_, page) = track(code.clone()).await;
    assert!(page.contains("承办单位已答复") && page.contains(answer));

    // Feedback to the visitor closes it.
    let r = staff
        .post(
            &format!("/demands/{id}/act"),
            &[("do", "feedback"), ("how", "phone"), ("satisfaction", "")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let today = app.state.today().to_string();
    let r = staff
        .post(
            &format!("/demands/{id}/act"),
            &[
                ("do", "feedback"),
                ("date", &today),
                ("how", "phone"),
                ("satisfaction", "satisfied"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "feedback");
    let (_, page) = track(code.clone()).await;
    assert!(page.contains("已办结"));
    let (_, stats) = staff.text("/demands/stats?by=station").await;
    assert!(stats.contains("解放碑街道委员工作站"));

    // A withheld code and an unknown one get the same page.
    let r = staff
        .post(&format!("/demands/{id}/act"), &[("do", "withhold")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let unknown = "SQ23456789ABCD".to_string();
    let (s1, withheld) = track(code.clone()).await;
    let (s2, missing) = track(unknown.clone()).await;
    assert_eq!(s1, s2);
    assert_eq!(withheld.replace(&code, "X"), missing.replace(&unknown, "X"));
    let (s3, garbage) = track("zz".into()).await;
    assert_eq!(s3, s2);
    assert_eq!(garbage.replace("zz", "X"), missing.replace(&unknown, "X"));
}

#[tokio::test]
async fn a_burst_from_one_address_is_throttled_with_a_clear_message() {
    let app = spawn_app().await;
    let station = station(&app).await;
    let citizen = app.browser();
    for i in 0..5 {
        let r = submit(&citizen, station, &[]).await;
        assert_eq!(r.status(), StatusCode::OK, "submission {i}");
    }
    let r = submit(
        &citizen,
        station,
        &[("content", "第六件：菜市场周边占道经营严重，希望规范管理")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = r.text().await.unwrap();
    assert!(page.contains("提交太频繁") && page.contains("每小时最多可提交5件"));
    assert!(
        page.contains("第六件：菜市场周边占道经营严重"),
        "input kept"
    );
    // An hour later the address may submit again.
    app.clock.advance(3_601);
    let r = submit(&citizen, station, &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_member_turns_a_demand_into_a_proposal_draft_linked_both_ways() {
    let app = spawn_app().await;
    let station = station(&app).await;
    let member = app.login("weiyuan").await;
    let s = station.to_string();
    let r = member
        .post(
            "/demands",
            &[
                ("station", &s),
                ("channel", "on_site"),
                ("category", "养老服务"),
                ("content", "社区老年食堂只有午餐，独居老人希望增加晚餐供应"),
                ("anonymous", "1"),
                ("consent", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = location(&r);
    let path = path.split('?').next().unwrap().to_string();
    let r = member
        .post(&format!("{path}/act"), &[("do", "to_proposal")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, record) = member.text(&path).await;
    let proposal: i64 = between(&record, "href=\"/proposals/", "\"")
        .parse()
        .unwrap();
    let (status, draft) = member.text(&format!("/proposals/{proposal}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(draft.contains("社区老年食堂只有午餐"), "pre-filled");
    let id: i64 = path.trim_start_matches("/demands/").parse().unwrap();
    let links = store::links::outgoing(&app.state.db, "demand", id)
        .await
        .unwrap();
    assert!(!links.is_empty(), "demand → proposal link");
    let back = store::links::outgoing(&app.state.db, "proposal", proposal)
        .await
        .unwrap();
    assert!(!back.is_empty(), "proposal → demand link");
    // Disposed of once: a second disposition is refused with the reason.
    let r = member
        .post(
            &format!("{path}/act"),
            &[("do", "answer_on_spot"), ("answer", "已解释")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A unit may not act on a demand not forwarded to it.
    let clerk = app.login("chengban").await;
    let r = clerk
        .post(
            &format!("{path}/act"),
            &[
                ("do", "answer"),
                ("class", "A"),
                ("text", "答复"),
                ("signed_by", "张"),
                ("contact_person", "李"),
                ("contact_phone", "023-63891234"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

/// The public form's lists are cached per server by data version: a
/// station added by staff, and a changed per-address limit, show at the
/// very next request.
#[tokio::test]
async fn the_public_form_shows_a_new_station_at_once() {
    let app = spawn_app().await;
    let public = app.browser();
    let (status, before) = public.text("/demand?org=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!before.contains("朝天门街道委员工作站"));
    let staff = app.login("shiganbu").await;
    let r = staff
        .post(
            "/stations",
            &[
                ("kind", "station"),
                ("name", "朝天门街道委员工作站"),
                ("street", "朝天门街道"),
                ("address", "渝中区朝东路1号"),
                ("reception_days", "每周三上午"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, after) = public.text("/demand?org=1").await;
    assert!(after.contains("朝天门街道委员工作站"), "{after}");
}
