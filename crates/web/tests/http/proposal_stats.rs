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

/// The link of the table row labelled `label` in the section `section`,
/// as the browser would follow it.
fn row_link(page: &str, section: &str, label: &str) -> String {
    let start = page
        .find(&format!("id=\"{section}\""))
        .unwrap_or_else(|| panic!("section {section}"));
    let section = &page[start..];
    let section = &section[..section.find("</section>").unwrap()];
    let end = section
        .find(&format!("\">{label}</a>"))
        .unwrap_or_else(|| panic!("a link on {label}"));
    let href = &section[..end];
    let href = &href[href.rfind("href=\"").unwrap() + 6..];
    href.replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&#x2f;", "/")
}

/// The table row (up to `</tr>`) labelled `label` in `section`.
fn table_row<'a>(page: &'a str, section: &str, label: &str) -> &'a str {
    let start = page.find(&format!("id=\"{section}\"")).unwrap();
    let at = start + page[start..].find(&format!(">{label}</a></td>")).unwrap();
    &page[at..at + page[at..].find("</tr>").unwrap()]
}

fn sheet(bytes: Vec<u8>, name: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an .xlsx");
    let range = book.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

async fn download(b: &crate::common::Browser, path: &str) -> Vec<u8> {
    let r = b.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn sectors_drill_down_to_the_list_and_export_to_excel() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let staff = app.login("shiganbu").await;
    let unit = app.login("chengban").await;
    let elders = submit(&member, "关于完善社区居家养老服务的建议", "社会建设").await;
    let loans = submit(&member, "关于缓解小微企业融资难的建议", "经济建设").await;
    season(&staff, &unit, &member, &elders, "A", "satisfied").await;
    season(&staff, &unit, &member, &loans, "C", "dissatisfied").await;
    // A collective proposal, submitted and not yet reviewed.
    let body = "关于支持民营企业参与城市更新的建议";
    let text = [
        ("title", body),
        ("analysis", "城市更新项目投资大、周期长，民营企业在融资、用地和审批环节面临较多困难，参与意愿不高。"),
        ("suggestions", "一是设立城市更新引导基金；二是优化项目审批流程。"),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let mut draft = text.to_vec();
    draft.extend([
        ("body_kind", "democratic_party"),
        ("body_name", "民革重庆市委员会"),
    ]);
    let r = staff.post("/proposals", &draft).await;
    let id = location(&r).trim_start_matches("/proposals/").to_string();
    let id = id.split(['/', '?']).next().unwrap();
    let r = staff.post(&format!("/proposals/{id}/submit"), &text).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The member's sector, as the member record holds it.
    let account = store::user::find_by_login(&app.state.db, "weiyuan")
        .await
        .unwrap()
        .unwrap();
    let record =
        store::member::get_member(&app.state.db, &account.org_path, account.member_id.unwrap())
            .await
            .unwrap();
    let sector = record.row.sector_name.clone();
    assert!(!sector.is_empty(), "demo members sit in a sector");

    // Hand-computed: the member's sector holds both member proposals (2
    // received, 2 filed, both answered on time, A and C, 1 满意 of 2
    // ratings); 集体提案 holds the body's (1 received, none filed yet).
    let (_, page) = staff.text("/proposals/stats").await;
    assert!(page.contains("按界别（第一提案人）"));
    assert!(page.contains(&format!(
        "<title>{sector}：收到2件，立案2件，立案率100.0%</title>"
    )));
    assert!(page.contains("<title>集体提案：收到1件，立案0件，立案率0.0%</title>"));
    let row = table_row(&page, "by-sector", &sector);
    for cell in [
        "<td data-label=\"收到\">2</td><td data-label=\"立案\">2</td><td data-label=\"立案率\">100.0%</td>",
        "<td data-label=\"按时答复率\">100.0%</td>",
        "<td data-label=\"满意率\">50.0%</td>",
    ] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    let row = table_row(&page, "by-sector", "集体提案");
    assert!(row.contains("<td data-label=\"立案率\">0.0%</td>"), "{row}");
    assert!(
        row.contains("<td data-label=\"按时答复率\">—</td>"),
        "{row}"
    );

    // Each row opens the list narrowed to it.
    let link = row_link(&page, "by-sector", &sector);
    assert!(link.starts_with("/proposals?year="), "{link}");
    let (status, list) = staff.text(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("共 2 件"), "{link}");
    assert!(list.contains("关于完善社区居家养老服务的建议") && !list.contains(body));
    assert!(list.contains("已按统计口径筛选"));
    let (_, list) = staff.text(&row_link(&page, "by-sector", "集体提案")).await;
    assert!(list.contains("共 1 件") && list.contains(body));
    let (_, list) = staff
        .text(&row_link(&page, "by-category", "社会建设"))
        .await;
    assert!(list.contains("共 2 件") && list.contains(body));
    let (_, list) = staff
        .text(&row_link(&page, "by-org", "重庆市政协本级"))
        .await;
    assert!(list.contains("共 3 件"));
    // The list's export keeps the drill-down.
    let export = link.replace("/proposals?", "/proposals/export.xlsx?");
    assert!(list.contains("/proposals/export.xlsx?"));
    let rows = {
        use calamine::{Reader, Xlsx};
        let bytes = download(&staff, &export).await;
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        book.worksheet_range_at(0).unwrap().unwrap().rows().count()
    };
    assert_eq!(rows, 3, "a header and the sector's two proposals");

    // The whole page as Excel, one sheet per table.
    assert!(page.contains("href=\"/proposals/stats.xlsx?year="));
    let bytes = download(&staff, "/proposals/stats.xlsx").await;
    let rows = sheet(bytes.clone(), "按界别");
    assert_eq!(rows[0][..4], ["界别", "收到", "立案", "立案率"]);
    assert_eq!(
        rows[1],
        [&sector, "2", "2", "1", "2", "2", "2", "1", "1", "0", "1", "2", "1", "0.5", "0"]
    );
    assert_eq!(
        rows[2],
        [
            "集体提案",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "—",
            "0",
            "0",
            "0",
            "0",
            "0",
            "—",
            "0"
        ]
    );
    let units = sheet(bytes.clone(), "按承办单位");
    assert_eq!(units[0][..3], ["承办单位", "交办（件次）", "已答复"]);
    assert_eq!(units[1][1..3], ["2", "2"]);
    for name in ["总体", "按类别", "按地区", "按提案人类型", "逾期未答复"] {
        assert!(!sheet(bytes.clone(), name).is_empty(), "{name}");
    }
    // Members cannot export the statistics either.
    assert_eq!(
        member.get("/proposals/stats.xlsx").await.status(),
        StatusCode::FORBIDDEN
    );
}
