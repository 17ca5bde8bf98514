//! Keyword search in the proposal lists: a committee's list asks the
//! full-text index (the whole text, drafts never found), a member's own list
//! matches the 案由 in the database and so still finds their drafts.

use crate::common::{location, spawn_app};
use crate::proposals::id_of;

const TITLE: &str = "关于加强古树名木保护的建议";
const ANALYSIS: &str = "城区部分百年银杏因道路施工根系受损，养护经费和专业力量不足。";

#[tokio::test]
async fn a_committee_list_keyword_searches_the_whole_text() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let fields = [
        ("title", TITLE),
        ("analysis", ANALYSIS),
        (
            "suggestions",
            "建立全市古树名木电子档案，落实专项养护资金，施工前须经园林部门评估并制定保护方案。",
        ),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let submitted = id_of(&location(&member.post("/proposals", &fields).await));
    let r = member
        .post(&format!("/proposals/{submitted}/submit"), &fields)
        .await;
    assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER, "submitted");
    let draft_title = "关于银杏行道树落果清扫的建议";
    let draft = [
        ("title", draft_title),
        ("analysis", "秋季银杏落果气味大，清扫不及时。"),
        ("suggestions", ""),
        ("category", ""),
        ("public", "1"),
    ];
    member.post("/proposals", &draft).await;

    let staff = app.login("shiganbu").await;
    // 银杏 is only in the body of the submitted one: the index finds it.
    let (_, page) = staff.text("/proposals?q=银杏").await;
    assert!(page.contains(TITLE), "found by a word of its body");
    assert!(
        !page.contains(draft_title),
        "a draft is never found by staff"
    );
    assert!(
        page.contains("全文检索"),
        "the page says how the keyword was used"
    );
    assert!(
        page.contains("value=\"银杏\""),
        "the keyword stays in the box"
    );
    let (_, page) = staff.text("/proposals?q=量子通信卫星").await;
    assert!(!page.contains(TITLE), "an unrelated keyword finds nothing");

    // The API list answers the keyword the same way.
    let token = crate::settings::staff_token(&app, 1).await;
    let json: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/proposals?q=银杏", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let items = json["items"].as_array().expect("items");
    assert!(items.iter().any(|i| i["title"] == TITLE));
    assert!(items.iter().all(|i| i["title"] != draft_title));

    // The member's own list still finds the draft by its 案由.
    let (_, page) = member.text("/proposals?q=银杏行道树").await;
    assert!(page.contains(draft_title), "own drafts are found by title");
}
