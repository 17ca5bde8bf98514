//! Documents over HTTP: the proposal form as Word for whoever may see the
//! record (and 404 for anyone else, on the pages and the API), the 提案汇编
//! as a background job with progress and a download, and every proposal
//! list as Excel with the list's filters.

use std::io::{Cursor, Read};

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};
use crate::proposals::{act, assigned, id_of, second_member};

mod compendium_api;
mod excel;

pub(super) const TITLE: &str = "关于加快推进老旧小区加装电梯的建议";
const ANSWER: &str = "感谢您的建议。我委已会同相关部门出台加装电梯工作指引，简化审批流程。";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The main part of a .docx file, as text.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

pub(super) async fn bytes(b: &Browser, path: &str) -> (StatusCode, String, Vec<u8>) {
    let r = b.get(path).await;
    let status = r.status();
    let kind = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (status, kind, r.bytes().await.unwrap().to_vec())
}

/// The unit answers the assigned proposal and staff accept the answer.
pub(super) async fn answered(app: &TestApp) -> String {
    let id = assigned(app).await;
    let unit = app.login("chengban").await;
    let staff = app.login("shiganbu").await;
    for (b, fields) in [
        (&unit, vec![("do", "contact"), ("note", "电话联系提案人")]),
        (
            &unit,
            vec![
                ("do", "draft_answer"),
                ("class", "A"),
                ("document_no", "渝住建提复〔2026〕8号"),
                ("signed_by", "王主任"),
                ("contact_person", "李科长"),
                ("contact_phone", "023-63000000"),
                ("text", ANSWER),
            ],
        ),
        (&unit, vec![("do", "submit_answer")]),
        (&staff, vec![("do", "accept"), ("unit", "2")]),
    ] {
        let r = act(b, &id, &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{fields:?}");
    }
    id
}

pub(super) async fn stored(app: &TestApp, id: &str) -> store::proposal::Stored {
    store::proposal::load(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap()
}

async fn initiator_name(app: &TestApp, s: &store::proposal::Stored) -> String {
    let domain::proposal::Proposer::Member(m) = s.proposal.proposer else {
        panic!("a member's proposal");
    };
    let root = domain::org::OrgPath::from_stored("/".into());
    store::member::get_member(&app.state.db, &root, m)
        .await
        .unwrap()
        .row
        .name
}

/// An API token of the city's staff.
pub(super) async fn staff_token(app: &TestApp) -> String {
    let db = &app.state.db;
    let by = store::user::find_by_login(db, "anquan")
        .await
        .unwrap()
        .unwrap()
        .id;
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "127.0.0.1".into(),
    };
    let (org, role) = (domain::OrgId(1), domain::Role::Staff);
    let issued = store::token::issue(db, app.state.now(), &who, "staff-docs", org, role, by);
    issued.await.unwrap().1
}

#[tokio::test]
async fn the_form_prints_the_proposal_with_its_accepted_answer() {
    let app = spawn_app().await;
    let id = answered(&app).await;
    let s = stored(&app, &id).await;
    let number = s.proposal.number.unwrap().to_string();
    let proposer = initiator_name(&app, &s).await;

    let member = app.login("weiyuan").await;
    let (_, record) = member.text(&format!("/proposals/{id}")).await;
    assert!(
        record.contains(&format!("/proposals/{id}/form.docx")),
        "a link on the record page"
    );
    let (status, kind, body) = bytes(&member, &format!("/proposals/{id}/form.docx")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, DOCX);
    let xml = document_xml(&body);
    for expected in [
        "中国人民政治协商会议重庆市委员会",
        TITLE,
        number.as_str(),
        proposer.as_str(),
        "社会建设",
        "情况与分析",
        "A类（已解决或采纳）",
        "渝住建提复〔2026〕8号",
        "王主任",
        ANSWER,
    ] {
        assert!(xml.contains(expected), "the form holds {expected}");
    }

    // Staff and the unit see it too; a member who is no proposer does not.
    for login in ["shiganbu", "chengban"] {
        let b = app.login(login).await;
        assert_eq!(
            bytes(&b, &format!("/proposals/{id}/form.docx")).await.0,
            StatusCode::OK
        );
    }
    second_member(&app, "qitaweiyuan", &proposer).await;
    let other = app.login("qitaweiyuan").await;
    assert_eq!(
        other
            .get(&format!("/proposals/{id}/form.docx"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get("/proposals/999999/form.docx").await.status(),
        StatusCode::NOT_FOUND
    );

    // Through the API, with the same check.
    let token = staff_token(&app).await;
    let client = reqwest::Client::new();
    let r = client
        .get(format!("{}/api/v1/proposals/{id}/form.docx", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(document_xml(&r.bytes().await.unwrap()).contains(ANSWER));
    let r = client
        .get(format!("{}/api/v1/proposals/999999/form.docx", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

/// A filed proposal of the member's in `category`.
pub(super) async fn filed(app: &TestApp, title: &str, category: &str) -> String {
    let member = app.login("weiyuan").await;
    let fields = [
        ("title", title),
        (
            "analysis",
            "情况与分析的内容，说明问题的由来和现状，足够长以通过检查。",
        ),
        ("suggestions", "一是加强统筹；二是加大投入；三是完善机制。"),
        ("category", category),
        ("public", "1"),
    ];
    let id = id_of(&location(&member.post("/proposals", &fields).await));
    let r = member
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let staff = app.login("shiganbu").await;
    for step in ["start_review", "file"] {
        assert_eq!(
            act(&staff, &id, &[("do", step)]).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    id
}

/// The text of each `Heading1` paragraph of a document, in order.
fn headings(xml: &str, style: &str) -> Vec<(usize, String)> {
    let marker = format!("<w:pStyle w:val=\"{style}\" />");
    let alt = format!("<w:pStyle w:val=\"{style}\"/>");
    let mut out = Vec::new();
    for m in [marker, alt] {
        for (at, _) in xml.match_indices(&m) {
            let rest = &xml[at..];
            let end = rest.find("</w:p>").unwrap_or(rest.len());
            let text: String = rest[..end]
                .split("<w:t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, v)| v))
                .filter_map(|v| v.split("</w:t>").next())
                .collect();
            out.push((at, text));
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn the_compendium_is_built_in_the_background_by_category() {
    let app = spawn_app().await;
    let economy = "关于优化营商环境促进民营经济发展的提案";
    let society = "关于完善社区养老服务体系的提案";
    let society_too = "关于加强农村义务教育学校建设的提案";
    filed(&app, society, "社会建设").await;
    filed(&app, economy, "经济建设").await;
    filed(&app, society_too, "社会建设").await;

    // Members may not; staff get a form with the current term chosen.
    let member = app.login("weiyuan").await;
    assert_eq!(
        member.get("/proposals/compendium").await.status(),
        StatusCode::FORBIDDEN
    );
    let staff = app.login("shiganbu").await;
    let (status, form) = staff.text("/proposals/compendium").await;
    assert_eq!(status, StatusCode::OK);
    let term = form
        .split("<option value=\"")
        .skip(1)
        .find(|o| o.contains("selected"))
        .and_then(|o| o.split('"').next())
        .expect("a term is chosen")
        .to_string();
    let r = staff
        .post(
            "/proposals/compendium",
            &[("term", "abc"), ("year", "2026")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = staff
        .post(
            "/proposals/compendium",
            &[("term", &term), ("year", "2026")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let status_page = location(&r);
    assert!(
        status_page.starts_with("/proposals/compendium/"),
        "{status_page}"
    );
    let (_, waiting) = staff.text(&status_page).await;
    assert!(waiting.contains("排队中") && waiting.contains("http-equiv=\"refresh\""));
    assert!(!waiting.contains("/download"));

    // Staff of another organisation never see it.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&status_page).await.status(),
        StatusCode::NOT_FOUND
    );

    // The job runs; progress reaches the total.
    assert!(web::jobs::run_due(&app.state).await.unwrap() >= 1);
    let (_, done) = staff.text(&status_page).await;
    assert!(done.contains("已完成"), "{done}");
    let count = done
        .split("class=\"progress-count\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap()
        .to_string();
    let (finished, total) = count.split_once('/').unwrap();
    assert_eq!(finished, total, "progress reaches the total");
    assert!(total.parse::<u32>().unwrap() >= 3);
    assert!(
        !done.contains("http-equiv=\"refresh\""),
        "no more refreshing"
    );

    let (status, kind, body) = bytes(&staff, &format!("{status_page}/download")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, DOCX);
    assert_eq!(
        district
            .get(&format!("{status_page}/download"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let xml = document_xml(&body);
    let categories = headings(&xml, "Heading1");
    let names: Vec<&str> = categories.iter().map(|(_, t)| t.as_str()).collect();
    let economy_at = names
        .iter()
        .position(|n| *n == "经济建设")
        .expect("经济建设 heading");
    let society_at = names
        .iter()
        .position(|n| *n == "社会建设")
        .expect("社会建设 heading");
    assert!(economy_at < society_at, "the dictionary's order: {names:?}");
    // Each proposal sits under its own category's heading.
    let under = |title: &str| {
        let at = xml
            .find(title)
            .unwrap_or_else(|| panic!("{title} is in it"));
        categories
            .iter()
            .rfind(|(h, _)| *h < at)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    assert_eq!(under(economy), "经济建设");
    assert_eq!(under(society), "社会建设");
    assert_eq!(under(society_too), "社会建设");
    let proposals = headings(&xml, "Heading2");
    assert_eq!(
        proposals.len().to_string(),
        total,
        "one heading per proposal"
    );
}
