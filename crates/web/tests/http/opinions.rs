//! 社情民意信息 over HTTP with real roles: a member's report through staff
//! editing (the original kept, a diff shown), review, sign-off and
//! adoption; a report kept on file; bad input; escaping; refusals; and a
//! proposal under review converted into a report with links both ways.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};
use crate::proposals::second_member;

const TITLE: &str = "关于社区老年食堂运营困难的情况反映";
const SITUATION: &str =
    "我市已建成社区老年食堂三百余个，但约四成就餐人数不足，运营依赖补贴，部分已停业。";
const ANALYSIS: &str = "选址偏离老年人聚居区，菜品单一，补贴按床位而非就餐人次发放。";
const SUGGESTION: &str = "建议按就餐人次补贴，并引入社会餐饮企业连锁运营。";

fn fields<'a>(title: &'a str, situation: &'a str, suggestion: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("situation", situation),
        ("analysis", ANALYSIS),
        ("suggestion", suggestion),
        ("category", "社会建设"),
    ]
}

fn id_of(location: &str) -> String {
    location
        .trim_start_matches("/opinions/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .to_string()
}

async fn step(b: &Browser, id: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    b.post(&format!("/opinions/{id}/act"), fields).await
}

/// The member submits a report at once; returns its id.
async fn submitted(app: &TestApp, member: &Browser) -> String {
    let _ = app;
    let mut form = fields(TITLE, SITUATION, SUGGESTION);
    form.push(("then", "submit"));
    let r = member.post("/opinions", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    id_of(&location(&r))
}

#[tokio::test]
async fn a_report_is_edited_reviewed_signed_off_and_adopted() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let (status, page) = member.text("/opinions/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("data-counter") && page.contains("1500"),
        "the recommended length is shown"
    );
    let id = submitted(&app, &member).await;
    let (_, mine) = member.text("/opinions").await;
    assert!(
        mine.contains(TITLE) && mine.contains("已提交"),
        "in the member's list"
    );
    let (_, home) = member.text("/").await;
    assert!(
        home.contains("<a class=\"tile\" href=\"/opinions\"><strong>1</strong>社情民意</a>"),
        "counted on the member's home page"
    );

    let staff = app.login("shiganbu").await;
    let (_, queue) = staff.text("/opinions?stage=submitted").await;
    assert!(queue.contains(TITLE), "in the staff queue");
    let (_, queue) = staff.text("/opinions?stage=adopted").await;
    assert!(!queue.contains(TITLE), "filtered by stage");

    let edited = "建议按实际就餐人次发放补贴，并引入餐饮企业连锁经营。";
    let mut edit = fields(TITLE, SITUATION, edited);
    edit.push(("do", "edit"));
    let r = step(&staff, &id, &edit).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap_or_default()
    );
    let (_, page) = member.text(&format!("/opinions/{id}")).await;
    assert!(page.contains("编辑加工") && page.contains("原稿") && page.contains("编辑稿"));
    assert!(page.contains(SUGGESTION), "the original is kept");
    assert!(page.contains(edited), "the edited text is shown beside it");
    assert!(
        page.contains("<ins>实际</ins>"),
        "added characters are marked"
    );
    assert!(page.contains("<del>"), "removed characters are marked");

    for (code, label) in [
        ("review", "已审核"),
        ("sign_off", "已签发"),
        ("adopt", "已采用"),
    ] {
        let r = step(&staff, &id, &[("do", code)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{code}");
        let (_, page) = staff.text(&format!("/opinions/{id}")).await;
        assert!(page.contains(label), "{code}");
    }
    // Adopted is final: a second adoption is refused as a wrong state.
    let r = step(&staff, &id, &[("do", "adopt")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let (_, page) = member.text(&format!("/opinions/{id}")).await;
    for entry in ["提交", "编辑加工", "审核", "签发", "采用"] {
        assert!(page.contains(&format!("：{entry}")), "history has {entry}");
    }
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "opinion.action"));
}

#[tokio::test]
async fn a_report_is_kept_without_adoption() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let id = submitted(&app, &member).await;
    let staff = app.login("shiganbu").await;
    let r = step(&staff, &id, &[("do", "keep"), ("reason", " ")]).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let r = step(
        &staff,
        &id,
        &[("do", "keep"), ("reason", "已有同类信息报送")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = member.text(&format!("/opinions/{id}")).await;
    assert!(page.contains("留存") && page.contains("已有同类信息报送"));
    let r = step(&staff, &id, &[("do", "adopt")]).await;
    assert_eq!(
        r.status(),
        StatusCode::CONFLICT,
        "a kept report is not adopted"
    );
}

#[tokio::test]
async fn empty_and_oversized_fields_come_back_422_with_the_input_kept() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let r = member
        .post("/opinions", &fields("", SITUATION, SUGGESTION))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("请填写标题"));
    assert!(
        page.contains(SITUATION) && page.contains(SUGGESTION),
        "input kept"
    );
    let huge = "字".repeat(8001);
    let r = member
        .post("/opinions", &fields(TITLE, &huge, SUGGESTION))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("情况不能超过8000个字"));
    assert!(page.contains(TITLE), "title kept");
    // Longer than recommended only warns: it is saved.
    let long = "字".repeat(1600);
    let r = member
        .post("/opinions", &fields(TITLE, &long, SUGGESTION))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = member.text(&location(&r)).await;
    assert!(page.contains("超过建议的1500字"));

    // A staff edit with an empty suggestion comes back with what was typed.
    let id = submitted(&app, &member).await;
    let staff = app.login("shiganbu").await;
    let mut edit = fields("改过的标题", SITUATION, "");
    edit.push(("do", "edit"));
    let r = step(&staff, &id, &edit).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("请填写建议") && page.contains("改过的标题"));
}

#[tokio::test]
async fn markup_is_stored_as_text_and_shown_escaped() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let payload = "<script>alert('x')</script>";
    let mut form = fields(payload, SITUATION, SUGGESTION);
    form.push(("then", "submit"));
    let r = member.post("/opinions", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    let staff = app.login("shiganbu").await;
    for (b, path) in [
        (&member, format!("/opinions/{id}")),
        (&staff, "/opinions".to_string()),
    ] {
        let (_, page) = b.text(&path).await;
        assert!(!page.contains(payload), "{path}");
        let escaped = page.contains("&lt;script&gt;") || page.contains("&#60;script&#62;");
        assert!(escaped, "{path}: shown as text");
    }
}

#[tokio::test]
async fn members_cannot_touch_others_reports_or_take_staff_steps() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let id = submitted(&app, &member).await;
    let r = step(&member, &id, &[("do", "review")]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "a member cannot review");
    let mut edit = fields(TITLE, SITUATION, "自己改的");
    edit.push(("do", "edit"));
    let r = step(&member, &id, &edit).await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "a member cannot edit after submission"
    );

    second_member(&app, "weiyuan2", "").await;
    let other = app.login("weiyuan2").await;
    assert_eq!(
        other.get(&format!("/opinions/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let r = step(&other, &id, &[("do", "withdraw"), ("reason", "撤回")]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(!other.text("/opinions").await.1.contains(TITLE));

    // District staff do not see the city's reports; units have no 社情民意.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&format!("/opinions/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let unit = app.login("chengban").await;
    assert_eq!(unit.get("/opinions").await.status(), StatusCode::FORBIDDEN);
    // The author may still withdraw before it is worked on.
    let r = step(
        &member,
        &id,
        &[("do", "withdraw"), ("reason", "情况已解决")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_proposal_under_review_is_converted_with_links_both_ways() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let proposal = [
        ("title", "关于规范社区团购的建议"),
        (
            "analysis",
            "社区团购低价倾销挤压菜市场和小商户生存空间，部分商品质量难以保证，消费者维权困难。",
        ),
        ("suggestions", "建议加强价格监管，落实平台主体责任。"),
        ("category", "经济建设"),
        ("public", "1"),
    ];
    let r = member.post("/proposals", &proposal).await;
    let pid = crate::proposals::id_of(&location(&r));
    let r = member
        .post(&format!("/proposals/{pid}/submit"), &proposal)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let staff = app.login("shiganbu").await;
    let r = crate::proposals::act(&staff, &pid, &[("do", "start_review")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = crate::proposals::stage(&staff, &pid).await;
    assert!(page.contains("转为社情民意信息"), "offered at review");
    let r = crate::proposals::act(&staff, &pid, &[("do", "convert"), ("reason", "")]).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let r = crate::proposals::act(
        &staff,
        &pid,
        &[
            ("do", "convert"),
            ("reason", "属于情况反映，宜以社情民意信息报送"),
        ],
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap_or_default()
    );

    let page = crate::proposals::stage(&member, &pid).await;
    assert!(page.contains("已转为社情民意信息"));
    let href = page
        .split("href=\"/opinions/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the report")
        .to_string();
    let (status, report) = member.text(&format!("/opinions/{href}")).await;
    assert_eq!(status, StatusCode::OK, "the proposer sees the report");
    assert!(report.contains("由提案转来"));
    assert!(report.contains(&format!("href=\"/proposals/{pid}\"")));
    assert!(report.contains("关于规范社区团购的建议") && report.contains("已提交"));
    assert!(
        report.contains("建议加强价格监管"),
        "pre-filled from the proposal"
    );
    assert!(member
        .text("/opinions")
        .await
        .1
        .contains("关于规范社区团购的建议"));
    // The proposal is no longer under review: converting again is refused.
    let r = crate::proposals::act(&staff, &pid, &[("do", "convert"), ("reason", "再转")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_draft_is_saved_changed_and_then_submitted() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let r = member
        .post("/opinions", &fields(TITLE, SITUATION, SUGGESTION))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    let (_, page) = member.text(&format!("/opinions/{id}")).await;
    assert!(page.contains("草稿") && page.contains("修改草稿"));
    let staff = app.login("shiganbu").await;
    assert_eq!(
        staff.get(&format!("/opinions/{id}")).await.status(),
        StatusCode::NOT_FOUND,
        "staff do not see drafts"
    );
    let mut change = fields("草稿改过的标题", SITUATION, SUGGESTION);
    change.push(("do", "edit_draft"));
    let r = step(&member, &id, &change).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mut empty = fields("草稿改过的标题", "", SUGGESTION);
    empty.push(("do", "edit_draft"));
    let r = step(&member, &id, &empty).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("请填写情况"));
    let r = step(&member, &id, &[("do", "submit")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, page) = staff.text(&format!("/opinions/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("草稿改过的标题") && page.contains("已提交"));
}

#[tokio::test]
async fn the_recommended_length_is_the_organisations_setting() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let r = staff
        .post(
            "/settings/opinions",
            &[("org_id", "1"), ("recommended_chars", "五十")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text().await.unwrap().contains("value=\"五十\""),
        "input kept"
    );
    let r = staff
        .post(
            "/settings/opinions",
            &[("org_id", "1"), ("recommended_chars", "800")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.text("/settings/opinions").await;
    assert!(page.contains("本级设置") && page.contains("value=\"800\""));
    assert!(app
        .audit_actions()
        .await
        .iter()
        .any(|a| a == "settings.opinions"));
    let member = app.login("weiyuan").await;
    let (_, page) = member.text("/opinions/new").await;
    assert!(
        page.contains("data-recommended=\"800\""),
        "the setting is used"
    );
    let long = "字".repeat(900);
    let r = member
        .post("/opinions", &fields(TITLE, &long, SUGGESTION))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "longer only warns");
    let (_, page) = member.text(&location(&r)).await;
    assert!(page.contains("超过建议的800字"));
}

#[tokio::test]
async fn co_authors_are_named_and_may_read_the_report() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let name = second_member(&app, "weiyuan2", "").await;
    let mut form = fields(TITLE, SITUATION, SUGGESTION);
    form.push(("coauthors", "查无此人"));
    let r = member.post("/opinions", &form).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("“查无此人”不是本级政协的在册委员") && page.contains(TITLE));
    let mut form = fields(TITLE, SITUATION, SUGGESTION);
    form.push(("coauthors", &name));
    form.push(("then", "submit"));
    let r = member.post("/opinions", &form).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    let coauthor = app.login("weiyuan2").await;
    let (status, page) = coauthor.text(&format!("/opinions/{id}")).await;
    assert_eq!(status, StatusCode::OK, "a co-author reads it");
    assert!(page.contains("联名委员") && page.contains(&name));
    let r = step(&coauthor, &id, &[("do", "withdraw"), ("reason", "不同意")]).await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "only the author withdraws"
    );
}

#[tokio::test]
async fn staff_write_reports_in_their_own_name() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let r = staff
        .post(
            "/opinions",
            &fields("机关干部的草稿", SITUATION, SUGGESTION),
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    assert!(
        staff.text("/opinions").await.1.contains("机关干部的草稿"),
        "own draft listed"
    );
    let other = app.login("quganbu").await;
    assert!(!other.text("/opinions").await.1.contains("机关干部的草稿"));
    let r = step(&staff, &id, &[("do", "submit")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let leader = app.login("lingdao").await;
    let (status, page) = leader.text(&format!("/opinions/{id}")).await;
    assert_eq!(status, StatusCode::OK, "leaders read submitted reports");
    assert!(!page.contains("name=\"do\""), "leaders take no steps here");
}
