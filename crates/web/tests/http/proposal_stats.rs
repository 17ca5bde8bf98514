//! 提案统计 over HTTP: two proposals driven through filing, answering and
//! rating by real roles, then the statistics page checked against numbers
//! worked out by hand; and who may see it.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser};

async fn act(b: &Browser, id: &str, fields: &[(&str, &str)]) {
    let r = b.post(&format!("/proposals/{id}/act"), fields).await;
    let status = r.status();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "{fields:?}: {}",
        r.text().await.unwrap_or_default()
    );
}

/// Drafts and submits a proposal as the member; returns its id.
async fn submit(member: &Browser, title: &str, category: &str) -> String {
    let text = [
        ("title", title),
        ("analysis", "近年来群众反映强烈，现有措施覆盖面不足，基层落实中存在资金和人手短缺等困难，亟需统筹解决。"),
        ("suggestions", "一是加大财政投入；二是完善考核机制；三是加强部门协同。"),
        ("category", category),
        ("public", "1"),
    ];
    let r = member.post("/proposals", &text).await;
    let id = location(&r)
        .trim_start_matches("/proposals/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .to_string();
    let r = member.post(&format!("/proposals/{id}/submit"), &text).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "submitted");
    id
}

/// Files, assigns to unit 2, answers with `class` and accepts it, then the
/// member rates it.
async fn season(
    staff: &Browser,
    unit: &Browser,
    member: &Browser,
    id: &str,
    class: &str,
    rating: &str,
) {
    act(staff, id, &[("do", "start_review")]).await;
    act(staff, id, &[("do", "file")]).await;
    act(
        staff,
        id,
        &[("do", "assign"), ("mode", "single"), ("unit", "2")],
    )
    .await;
    act(
        unit,
        id,
        &[("do", "contact"), ("note", "电话联系提案人，了解具体诉求")],
    )
    .await;
    act(
        unit,
        id,
        &[
            ("do", "draft_answer"),
            ("class", class),
            ("signed_by", "王主任"),
            ("contact_person", "李科长"),
            ("contact_phone", "023-63000000"),
            (
                "text",
                "感谢您的建议。我委高度重视，已会同相关部门认真研究，现将办理情况答复如下。",
            ),
        ],
    )
    .await;
    act(unit, id, &[("do", "submit_answer")]).await;
    act(staff, id, &[("do", "accept"), ("unit", "2")]).await;
    act(
        member,
        id,
        &[
            ("do", "rate"),
            ("unit", "2"),
            ("satisfaction", rating),
            ("contacted", "是"),
            ("on_point", "否"),
            ("comment", "答复未提出具体措施"),
        ],
    )
    .await;
}

#[tokio::test]
async fn statistics_match_the_hand_computed_numbers() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let staff = app.login("shiganbu").await;
    let unit = app.login("chengban").await;
    let elders = submit(&member, "关于完善社区居家养老服务的建议", "社会建设").await;
    let loans = submit(&member, "关于缓解小微企业融资难的建议", "经济建设").await;
    season(&staff, &unit, &member, &elders, "A", "satisfied").await;
    season(&staff, &unit, &member, &loans, "C", "dissatisfied").await;

    // Hand-computed: 2 received, 2 filed; both first answers accepted on the
    // day they were assigned (on time); one A, one C; one 满意 of two ratings.
    let leader = app.login("lingdao").await;
    for viewer in [&staff, &leader] {
        let (status, page) = viewer.text("/proposals/stats").await;
        assert_eq!(status, StatusCode::OK);
        for expected in [
            "<strong>2</strong>收到提案",
            "<strong>2</strong>立案",
            "<strong>100.0%</strong>立案率",
            "<strong>100.0%</strong>按时答复率",
            "<strong>50.0%</strong>满意率",
            "满意及基本满意1 ÷ 评价2",
            "<strong>0</strong>逾期未答复",
            "没有逾期未答复的交办",
            "<a href=\"/proposals?stage=rating\">2</a>",
        ] {
            assert!(page.contains(expected), "missing {expected}");
        }
        // A chart per breakdown, each bar with a tooltip, and its table.
        assert!(page.contains("<title>社会建设：收到1件，立案1件，立案率100.0%</title>"));
        assert!(page.contains("<title>个人提案：收到2件，立案2件，立案率100.0%</title>"));
        assert!(page.contains("交办2件，已答复2件，按时答复率100.0%，满意率50.0%，逾期0件"));
        assert!(page.contains("<title>A类（已解决或采纳）：1件，占50.0%</title>"));
        assert!(page.contains("<td data-label=\"立案率\">100.0%</td>"));
        assert!(
            page.contains("重庆市政协本级"),
            "the city's own proposals as one row"
        );
    }
    // Another year has nothing: dashes, not errors.
    let (_, page) = staff.text("/proposals/stats?year=2025").await;
    assert!(
        page.contains("<strong>—</strong>立案率") && page.contains("<strong>0</strong>收到提案")
    );
    // The list links to the page for staff, not for members.
    assert!(staff
        .text("/proposals")
        .await
        .1
        .contains("href=\"/proposals/stats\""));
    assert!(!member
        .text("/proposals")
        .await
        .1
        .contains("href=\"/proposals/stats\""));
}

#[tokio::test]
async fn only_staff_and_leaders_see_statistics() {
    let app = spawn_app().await;
    for (login, status) in [
        ("weiyuan", StatusCode::FORBIDDEN),
        ("chengban", StatusCode::FORBIDDEN),
        ("shiganbu", StatusCode::OK),
        ("lingdao", StatusCode::OK),
    ] {
        let b = app.login(login).await;
        assert_eq!(b.get("/proposals/stats").await.status(), status, "{login}");
    }
    let anonymous = app.browser();
    assert_ne!(
        anonymous.get("/proposals/stats").await.status(),
        StatusCode::OK
    );
}
