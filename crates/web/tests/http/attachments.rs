//! Attachments over HTTP with real roles: a unit attaches files to its
//! answer to a proposal (refused uploads explained and nothing stored), the
//! proposer downloads them, the unit removes one while it still drafts, and
//! after the answer is handed in the files are frozen; a department attaches
//! rectification evidence to a supervision opinion. Files rest encrypted.

use reqwest::multipart::{Form, Part};
use reqwest::{Response, StatusCode};
use store::files::OwnerKind;

use crate::common::{location, spawn_app, Browser, TestApp};
use crate::proposals::{act, assigned, stage};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";

pub async fn upload(b: &Browser, path: &str, name: &str, bytes: &[u8]) -> Response {
    let form = Form::new().text("csrf", b.csrf.clone()).part(
        "file",
        Part::bytes(bytes.to_vec()).file_name(name.to_string()),
    );
    b.client
        .post(b.url(path))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn refused(b: &Browser, path: &str, name: &str, bytes: &[u8]) -> String {
    let r = upload(b, path, name, bytes).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
    r.text().await.unwrap()
}

/// The ids of the files a page links to, in page order.
fn file_ids(page: &str) -> Vec<i64> {
    page.match_indices("href=\"/files/")
        .filter_map(|(i, m)| {
            page[i + m.len()..]
                .split('"')
                .next()
                .and_then(|s| s.parse().ok())
        })
        .collect()
}

async fn stored(app: &TestApp, kind: OwnerKind, record: &str) -> usize {
    store::files::of_record(&app.state.db, kind, record.parse().unwrap())
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn a_unit_attaches_files_to_its_answer_and_the_proposer_downloads_them() {
    let app = spawn_app().await;
    let id = assigned(&app).await;
    let to = format!("/proposals/{id}/answers/2/files");
    let unit = app.login("chengban").await;
    let page = stage(&unit, &id).await;
    assert!(page.contains(&format!("action=\"{to}\"")), "upload form");

    // Refused uploads say why, in Chinese, beside the form; nothing is kept.
    let page = refused(&unit, &to, "答复.pdf", b"MZ\x90\x00program").await;
    assert!(page.contains("内容与扩展名不符"), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
    let page = refused(&unit, &to, "说明.html", b"<script>alert(1)</script>").await;
    assert!(page.contains("不支持文件“说明.html”的类型"));
    assert!(!page.contains("<script>alert"));
    let page = refused(&unit, &to, "", b"").await;
    assert!(page.contains("请选择要上传的文件"));
    // The test server takes at most 1 MB.
    let big = [PDF, &vec![b' '; 1_200_000]].concat();
    let page = refused(&unit, &to, "扫描件.pdf", &big).await;
    assert!(page.contains("超过"), "{page}");
    assert_eq!(stored(&app, OwnerKind::ProposalAnswer, &id).await, 0);

    // Two good files.
    let r = upload(&unit, &to, "C:\\扫描\\办理情况说明.pdf", PDF).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).ends_with("?done=attached#files-2-0"));
    let r = upload(&unit, &to, "现场照片.png", PNG).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = unit.text(&location(&r)).await;
    assert!(page.contains("附件已上传") && page.contains("办理情况说明.pdf"));
    assert!(!page.contains("C:\\"), "folders are dropped from names");
    let ids = file_ids(&page);
    assert_eq!(ids.len(), 2, "{page}");

    // At rest the file is sealed: its stored bytes show no PDF header.
    let sealed = store::files::sealed_bytes(&app.state.db, ids[0])
        .await
        .unwrap();
    assert!(sealed.len() > PDF.len());
    assert!(!sealed.windows(5).any(|w| w == b"%PDF-"));

    // The proposer downloads the file as it was, under its own name.
    let member = app.login("weiyuan").await;
    let r = member.get(&format!("/files/{}", ids[0])).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''%E5%8A%9E%E7%90%86"),
        "{disposition}"
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);
    // The proposer sees the files but no upload form or delete button.
    let page = stage(&member, &id).await;
    assert!(page.contains("办理情况说明.pdf") && !page.contains(&to));
    assert!(!page.contains(&format!("/files/{}/remove", ids[0])));
    assert_eq!(
        upload(&member, &to, "a.pdf", PDF).await.status(),
        StatusCode::FORBIDDEN
    );
    // Another committee's staff cannot even see that the file exists.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&format!("/files/{}", ids[0])).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        member.get("/files/999999").await.status(),
        StatusCode::NOT_FOUND
    );

    // The unit takes the photo off again while it still drafts.
    let r = unit.post(&format!("/files/{}/remove", ids[1]), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(!stage(&unit, &id).await.contains("现场照片.png"));
    assert_eq!(
        member.get(&format!("/files/{}", ids[1])).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"file.remove".to_string()));

    // Answer and hand it in: the files are frozen, still downloadable.
    for step in [
        vec![
            ("do", "contact"),
            ("note", "电话联系提案人，介绍办理思路。"),
        ],
        vec![
            ("do", "draft_answer"),
            ("class", "A"),
            ("document_no", "渝民提复〔2026〕3号"),
            ("signed_by", "陈局长"),
            ("contact_person", "刘科长"),
            ("contact_phone", "023-89183000"),
            (
                "text",
                "已按建议增设社区养老服务站点，详见附件办理情况说明。",
            ),
        ],
        vec![("do", "submit_answer")],
    ] {
        let r = act(&unit, &id, &step).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{step:?}");
    }
    let page = stage(&unit, &id).await;
    assert!(page.contains("办理情况说明.pdf") && !page.contains(&to));
    assert_eq!(
        unit.post(&format!("/files/{}/remove", ids[0]), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&unit, &to, "补充.pdf", PDF).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        member.get(&format!("/files/{}", ids[0])).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_department_attaches_rectification_evidence_to_an_opinion() {
    let app = spawn_app().await;
    let id = crate::supervision::opinion_sent_to_chengban(&app).await;
    let to = format!("/supervision/{id}/opinions/1/units/2/files");
    let unit = app.login("chengban").await;
    let (_, page) = unit.text(&format!("/supervision/{id}")).await;
    assert!(page.contains(&format!("action=\"{to}\"")), "{page}");
    let r = upload(&unit, &to, "整改方案.pdf", PDF).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).ends_with("#files-2-1"));
    let page = refused(&unit, &to, "照片.jpg", PNG).await;
    assert!(page.contains("内容与扩展名不符"));

    // Staff of the committee see and download it; a member taking part too.
    let staff = app.login("shiganbu").await;
    let (_, page) = staff.text(&format!("/supervision/{id}")).await;
    assert!(page.contains("整改佐证材料") && page.contains("整改方案.pdf"));
    assert!(!page.contains(&to), "staff do not attach for a department");
    let file = file_ids(&page)[0];
    let r = staff.get(&format!("/files/{file}")).await;
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);
    assert_eq!(
        upload(&staff, &to, "a.pdf", PDF).await.status(),
        StatusCode::FORBIDDEN
    );
    // Another committee does not see it.
    let district = app.login("quganbu").await;
    assert_eq!(
        district.get(&format!("/files/{file}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(stored(&app, OwnerKind::SupervisionEvidence, &id).await, 1);
}

/// What each demo role gets at one place: downloading a file, uploading,
/// and removing one. `seeing` may download; `attaching` may also upload and
/// remove; `hidden` get 404 for all three; anyone else 403. No refusal
/// carries the file's name.
async fn matrix(app: &TestApp, to: &str, seeing: &[&str], attaching: &str, hidden: &[&str]) {
    let unit = app.login(attaching).await;
    let name = "机密材料清单.pdf";
    let mut failures = Vec::new();
    for login in crate::permissions::ROLES {
        let b = app.login(login).await;
        let r = upload(&unit, to, name, PDF).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = unit.text(&location(&r)).await;
        let file = *file_ids(&page).last().unwrap();
        let (get_ok, write_ok) = if login == attaching {
            (StatusCode::OK, StatusCode::SEE_OTHER)
        } else if seeing.contains(&login) {
            (StatusCode::OK, StatusCode::FORBIDDEN)
        } else if hidden.contains(&login) {
            (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
        } else {
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN)
        };
        let responses = [
            ("GET file", get_ok, b.get(&format!("/files/{file}")).await),
            ("upload", write_ok, upload(&b, to, "a.pdf", PDF).await),
            (
                "remove",
                write_ok,
                b.post(&format!("/files/{file}/remove"), &[]).await,
            ),
        ];
        for (what, expected, r) in responses {
            let status = r.status();
            let body = r.text().await.unwrap_or_default();
            if status != expected || (!status.is_success() && body.contains(name)) {
                failures.push(format!("{login} {what} -> {status}, expected {expected}"));
            }
        }
    }
    assert!(failures.is_empty(), "{to}:\n{}", failures.join("\n"));
}

#[tokio::test]
async fn attachments_under_every_role() {
    let app = spawn_app().await;
    let id = assigned(&app).await;
    let to = format!("/proposals/{id}/answers/2/files");
    let seeing = ["weiyuan", "shiganbu", "lingdao"];
    matrix(&app, &to, &seeing, "chengban", &["quganbu"]).await;
    let id = crate::supervision::opinion_sent_to_chengban(&app).await;
    let to = format!("/supervision/{id}/opinions/1/units/2/files");
    matrix(&app, &to, &seeing, "chengban", &["quganbu"]).await;
}

#[tokio::test]
async fn a_unit_attaches_files_to_its_answer_to_a_citizens_demand() {
    let app = spawn_app().await;
    let (_, demand) = crate::record_permissions::station_with_forwarded_demand(&app).await;
    let to = format!("/demands/{demand}/answers/2/files");
    let page_of = format!("/demands/{demand}");
    let unit = app.login("chengban").await;
    let (_, page) = unit.text(&page_of).await;
    assert!(page.contains(&format!("action=\"{to}\"")), "{page}");
    let page = refused(&unit, &to, "路灯维修记录.xlsx", b"not a workbook").await;
    assert!(page.contains("内容与扩展名不符"), "{page}");
    let r = upload(&unit, &to, "路灯维修照片.png", PNG).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(location(&r).starts_with(&format!("{page_of}?done=attached")));

    // The unit answers: the file goes with it, and can no longer change.
    let r = unit
        .post(
            &format!("/demands/{demand}/act"),
            &[
                ("do", "answer"),
                ("class", "A"),
                ("text", "已安排检修，三处路灯已于本周修复，照片见附件。"),
                ("signed_by", "王建国"),
                ("contact_person", "李明"),
                ("contact_phone", "023-63891234"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let (_, page) = unit.text(&page_of).await;
    assert!(page.contains("路灯维修照片.png") && !page.contains(&to));
    let file = file_ids(&page)[0];
    let staff = app.login("shiganbu").await;
    let r = staff.get(&format!("/files/{file}")).await;
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.bytes().await.unwrap().as_ref(), PNG);
    assert_eq!(
        upload(&unit, &to, "补充.pdf", PDF).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn demand_attachments_under_every_role() {
    let app = spawn_app().await;
    let (_, demand) = crate::record_permissions::station_with_forwarded_demand(&app).await;
    let to = format!("/demands/{demand}/answers/2/files");
    let seeing = ["weiyuan", "shiganbu", "lingdao"];
    matrix(&app, &to, &seeing, "chengban", &["quganbu"]).await;
}
