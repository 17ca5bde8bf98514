//! 批量交办 over HTTP: staff assign several filed proposals in one post,
//! a bad row applies nothing and keeps every input, the .xlsx plan goes out
//! and comes back, and members and unit clerks are refused.

use reqwest::StatusCode;

use crate::common::{location, Browser, TestApp};

const ANALYSIS: &str = "我市建成于2000年以前的老旧小区约有1.2万栋多层住宅没有电梯，居住的老年人上下楼困难，加装电梯意愿强烈，但协调难、资金难、审批慢的问题突出。";
const SUGGESTIONS: &str =
    "一是简化加装电梯审批流程；二是加大财政补贴力度；三是建立业主协商调解机制。";

fn title(i: usize) -> String {
    format!("关于推进老旧小区改造的建议之{i}")
}

/// Files one proposal per entry of `suggested` (the units its proposer
/// suggests, as ids) and returns their ids in number order.
async fn filed(app: &TestApp, suggested: &[&str]) -> Vec<String> {
    let member = app.login("weiyuan").await;
    let staff = app.login("shiganbu").await;
    let mut ids = Vec::new();
    for (i, units) in suggested.iter().enumerate() {
        let title = title(i + 1);
        let fields = [
            ("title", title.as_str()),
            ("analysis", ANALYSIS),
            ("suggestions", SUGGESTIONS),
            ("category", "社会建设"),
            ("public", "1"),
            ("suggested_units", units),
        ];
        let r = member.post("/proposals", &fields).await;
        let id = location(&r)
            .trim_start_matches("/proposals/")
            .split(['/', '?'])
            .next()
            .unwrap()
            .to_string();
        let r = member
            .post(&format!("/proposals/{id}/submit"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        for step in ["start_review", "file"] {
            let r = staff
                .post(&format!("/proposals/{id}/act"), &[("do", step)])
                .await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{step}");
        }
        ids.push(id);
    }
    ids
}

/// The names of the city's first handling units: unit 2 is chengban's.
async fn unit_names(app: &TestApp) -> Vec<(i64, String)> {
    let staff = store::user::find_by_login(&app.state.db, "shiganbu")
        .await
        .unwrap()
        .unwrap();
    store::proposal::units_of(&app.state.db, staff.org_id)
        .await
        .unwrap()
        .into_iter()
        .map(|(u, n)| (u.0, n))
        .collect()
}

fn name(units: &[(i64, String)], id: i64) -> String {
    units.iter().find(|(u, _)| *u == id).unwrap().1.clone()
}

async fn stage_of(b: &Browser, id: &str) -> String {
    let (_, page) = b.text(&format!("/proposals/{id}")).await;
    let head = &page[..page.find("</span></h1>").unwrap()];
    head[head.rfind('>').unwrap() + 1..].to_string()
}

#[tokio::test]
async fn staff_assign_several_filed_proposals_in_one_post() {
    let app = crate::common::spawn_app().await;
    let units = unit_names(&app).await;
    let (two, three) = (name(&units, 2), name(&units, 3));
    let ids = filed(&app, &["2", "", ""]).await;
    let staff = app.login("shiganbu").await;

    let (_, list) = staff.text("/proposals").await;
    assert!(
        list.contains("href=\"/proposals/assign\""),
        "staff see 批量交办"
    );
    let (_, list) = app.login("lingdao").await.text("/proposals").await;
    assert!(!list.contains("批量交办"), "leaders do not");

    let (status, page) = staff.text("/proposals/assign").await;
    assert_eq!(status, StatusCode::OK);
    for i in 1..=3 {
        assert!(page.contains(&title(i)), "row {i} listed");
    }
    assert!(page.contains("第0001号") && page.contains("第0003号"));
    assert!(
        page.contains(&format!("name=\"unit_{}\" value=\"{two}\"", ids[0])),
        "the suggested unit is prefilled"
    );
    let (_, filtered) = staff.text("/proposals/assign?category=经济建设").await;
    assert!(!filtered.contains(&title(1)), "the category filter applies");
    let (_, all) = staff.text("/proposals/assign?all=1").await;
    assert!(all.contains(&format!("name=\"pick_{}\" value=\"1\" checked", ids[2])));

    let pick = |i: usize| format!("pick_{}", ids[i]);
    let key = |k: &str, i: usize| format!("{k}_{}", ids[i]);
    let before = app.audit_actions().await.len();
    let fields: Vec<(String, String)> = vec![
        (pick(0), "1".into()),
        (key("mode", 0), "single".into()),
        (key("unit", 0), two.clone()),
        (key("co", 0), "".into()),
        (pick(1), "1".into()),
        (key("mode", 1), "lead_with_co".into()),
        (key("unit", 1), two.clone()),
        (key("co", 1), three.clone()),
        (pick(2), "1".into()),
        (key("mode", 2), "split".into()),
        (key("unit", 2), three.clone()),
        (key("co", 2), two.clone()),
    ];
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = staff.post("/proposals/assign", &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/proposals/assign?n=3"));
    let actions = app.audit_actions().await;
    assert_eq!(actions.len() - before, 3, "one audit entry per proposal");
    assert!(
        actions.iter().take(3).all(|a| a == "proposal.action"),
        "{actions:?}"
    );
    let (_, page) = staff.text(&location(&r)).await;
    assert!(page.contains("本次已交办 3 件提案"));
    assert!(page.contains("没有已立案、尚未交办的提案"));

    for id in &ids {
        assert_eq!(stage_of(&staff, id).await, "已交办");
    }
    let (_, record) = staff.text(&format!("/proposals/{}", ids[1])).await;
    assert!(record.contains(&format!("{two} <small class=\"muted\">主办单位</small>")));
    assert!(record.contains(&format!("{three} <small class=\"muted\">会办单位</small>")));
    let (_, record) = staff.text(&format!("/proposals/{}", ids[2])).await;
    assert!(record.contains(&format!("{three} <small class=\"muted\">分办单位</small>")));
    assert!(record.contains(&format!("{two} <small class=\"muted\">分办单位</small>")));

    let (_, clerk) = app.login("chengban").await.text("/proposals").await;
    for i in 1..=3 {
        assert!(clerk.contains(&title(i)), "unit 2 holds row {i}");
    }
}

#[tokio::test]
async fn one_bad_row_applies_nothing_and_keeps_every_input() {
    let app = crate::common::spawn_app().await;
    let units = unit_names(&app).await;
    let two = name(&units, 2);
    let ids = filed(&app, &["", ""]).await;
    let staff = app.login("shiganbu").await;
    let (a, b) = (&ids[0], &ids[1]);
    let post = |mode_b: &'static str, unit_b: String, co_b: String| {
        let staff = &staff;
        let two = two.clone();
        async move {
            let fields = [
                (format!("pick_{a}"), "1".to_string()),
                (format!("mode_{a}"), "single".into()),
                (format!("unit_{a}"), two),
                (format!("co_{a}"), String::new()),
                (format!("pick_{b}"), "1".into()),
                (format!("mode_{b}"), mode_b.into()),
                (format!("unit_{b}"), unit_b),
                (format!("co_{b}"), co_b),
            ];
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let r = staff.post("/proposals/assign", &fields).await;
            (r.status(), r.text().await.unwrap())
        }
    };

    let (status, page) = post("single", "不存在的委办局".into(), String::new()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("第2行（第0002号）：承办单位“不存在的委办局”不存在或已停用"),
        "the row and the reason are named"
    );
    assert!(page.contains("本次没有交办任何提案"));
    assert!(page.contains(&format!("name=\"pick_{a}\" value=\"1\" checked")));
    assert!(page.contains(&format!("name=\"unit_{a}\" value=\"{two}\"")));
    assert!(page.contains(&format!("name=\"unit_{b}\" value=\"不存在的委办局\"")));
    assert!(page.contains("<tr id=\"row-2\" class=\"invalid\">"));
    assert!(!page.contains("<tr id=\"row-1\" class=\"invalid\">"));

    let (status, page) = post("lead_with_co", two.clone(), two.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("第2行（第0002号）：同一承办单位不能重复选择"));
    let (status, page) = post("lead_with_co", String::new(), two.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("第2行（第0002号）：主办+会办须填写主办单位"));

    for id in &ids {
        assert_eq!(stage_of(&staff, id).await, "已立案", "nothing applied");
    }
    let (_, clerk) = app.login("chengban").await.text("/proposals").await;
    assert!(!clerk.contains(&title(1)));

    // Nothing ticked is a message, not an error page.
    let r = staff.post("/proposals/assign", &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("请至少勾选一件提案"));
}

fn plan(rows: &[[&str; 5]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "提案号",
        "案由",
        "办理方式(单办/主办会办/分办)",
        "主办单位",
        "会办单位",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

async fn upload(b: &Browser, bytes: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", b.csrf.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name("plan.xlsx"),
        );
    b.client
        .post(b.url("/proposals/assign/plan"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_xlsx_plan_goes_out_prefilled_and_comes_back_all_or_nothing() {
    let app = crate::common::spawn_app().await;
    let units = unit_names(&app).await;
    let (two, three) = (name(&units, 2), name(&units, 3));
    let ids = filed(&app, &["2,3", ""]).await;
    let staff = app.login("shiganbu").await;

    let r = staff.get("/proposals/assign/plan.xlsx").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bytes = r.bytes().await.unwrap().to_vec();
    let prefilled = store::proposal::plan_sheet::read_plan(&bytes).unwrap();
    assert_eq!(
        prefilled.len(),
        1,
        "only the proposal with suggestions has units"
    );
    assert_eq!(prefilled[0].row, 2);
    assert_eq!(
        prefilled[0].proposal,
        store::proposal::ProposalRef::Number("第0001号".into())
    );
    assert_eq!(prefilled[0].mode, "主办会办");
    assert_eq!(
        prefilled[0].lead,
        Some(store::proposal::UnitRef::Name(two.clone()))
    );

    let both = format!("{two}、{three}");
    let bad = plan(&[
        ["第0001号", "", "单办", &two, ""],
        ["第0099号", "", "单办", &two, ""],
        ["第0002号", "", "分办", &three, "教育局？"],
    ]);
    let r = upload(&staff, bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("第3行（第0099号）：本组织没有这件提案"),
        "{page}"
    );
    assert!(page.contains("第4行（第0002号）：承办单位“教育局？”不存在或已停用"));
    assert!(page.contains("方案中有 2 行有误"));
    for id in &ids {
        assert_eq!(stage_of(&staff, id).await, "已立案", "nothing applied");
    }

    let good = plan(&[
        ["第0001号", "", "单办", &two, ""],
        ["0002", "", "分办", "", &both],
    ]);
    let r = upload(&staff, good).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with("/proposals/assign?n=2"));
    for id in &ids {
        assert_eq!(stage_of(&staff, id).await, "已交办");
    }
    let (_, clerk) = app.login("chengban").await.text("/proposals").await;
    assert!(clerk.contains(&title(1)) && clerk.contains(&title(2)));

    let r = upload(&staff, b"not a spreadsheet".to_vec()).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("不是有效的 Excel"));
}

#[tokio::test]
async fn members_unit_clerks_and_leaders_are_refused() {
    let app = crate::common::spawn_app().await;
    let units = unit_names(&app).await;
    let ids = filed(&app, &[""]).await;
    let field = format!("pick_{}", ids[0]);
    let unit = format!("unit_{}", ids[0]);
    let mode = format!("mode_{}", ids[0]);
    let two = name(&units, 2);
    for login in ["weiyuan", "chengban", "lingdao"] {
        let b = app.login(login).await;
        assert_eq!(
            b.get("/proposals/assign").await.status(),
            StatusCode::FORBIDDEN,
            "{login}"
        );
        assert_eq!(
            b.get("/proposals/assign/plan.xlsx").await.status(),
            StatusCode::FORBIDDEN,
            "{login}"
        );
        let r = b
            .post(
                "/proposals/assign",
                &[(&field, "1"), (&mode, "single"), (&unit, &two)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{login}");
        assert_eq!(
            upload(&b, plan(&[["第0001号", "", "单办", &two, ""]]))
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{login}"
        );
    }
    let staff = app.login("shiganbu").await;
    assert_eq!(stage_of(&staff, &ids[0]).await, "已立案");
    // District staff work on their own organisation's proposals only.
    let district = app.login("quganbu").await;
    let (status, page) = district.text("/proposals/assign").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains(&title(1)));
}
