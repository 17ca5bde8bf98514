//! Attachments through the API: a unit token uploads to its answer
//! (multipart), bad files and wrong callers are problem+json, the proposer
//! lists and downloads, another committee gets 404, the unit removes.

use reqwest::multipart::{Form, Part};

use super::proposals::{cast, submitted};
use super::*;

const PDF: &[u8] = b"%PDF-1.7\n%binary\n1 0 obj <<>> endobj\n%%EOF\n";

impl TestApp {
    async fn upload(
        &self,
        path: &str,
        token: &str,
        name: &str,
        bytes: &[u8],
    ) -> (StatusCode, String, Value) {
        let form = Form::new().part(
            "file",
            Part::bytes(bytes.to_vec()).file_name(name.to_string()),
        );
        let r = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        answer(r).await
    }
}

#[tokio::test]
async fn a_unit_token_uploads_answer_files_that_the_proposer_downloads() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = submitted(&app, &c).await;
    for step in [json!({"do": "start_review"}), json!({"do": "file"})] {
        app.step(id, "", &c.staff, step).await;
    }
    let unit = c.unit_id;
    app.step(
        id,
        "",
        &c.staff,
        json!({"do": "assign", "mode": "single", "unit": unit}),
    )
    .await;
    app.step(
        id,
        &c.as_unit,
        &c.unit,
        json!({"do": "contact", "note": "电话沟通"}),
    )
    .await;
    let to = format!("/proposals/{id}/answers/{unit}/files?{}", c.as_unit);

    // A file that is not what its name says: 422 naming `file`.
    let (status, content_type, problem) = app.upload(&to, &c.unit, "答复.docx", b"%PDF-1.7").await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(
        field_error(&problem, "file").contains("内容与扩展名不符"),
        "{problem}"
    );
    // A member token may not attach to a unit's answer.
    let as_member = format!("/proposals/{id}/answers/{unit}/files?{}", c.as_member);
    let (status, _, _) = app.upload(&as_member, &c.member, "a.pdf", PDF).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Path segments that are not numbers name nothing.
    let (status, _, _) = app
        .upload(
            &format!("/proposals/x/answers/{unit}/files?{}", c.as_unit),
            &c.unit,
            "a.pdf",
            PDF,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, file) = app.upload(&to, &c.unit, "办理情况说明.pdf", PDF).await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    assert_eq!(file["name"], "办理情况说明.pdf");
    assert_eq!(file["size"], PDF.len());
    assert_eq!(file["sm3"].as_str().unwrap().len(), 64);
    let fid = file["id"].as_i64().unwrap();

    // The proposer lists and downloads it, byte for byte.
    let (status, _, list) = app
        .get(&format!("/proposals/{id}/files?{}", c.as_member), &c.member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["unit_id"], unit);
    let r = app
        .client
        .get(format!("{}/files/{fid}?{}", app.base, c.as_member))
        .bearer_auth(&c.member)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(r.bytes().await.unwrap().as_ref(), PDF);

    // A district's staff token cannot see it.
    let district = app.token(Role::Staff, app.districts[0].id).await;
    let (status, _, _) = app.get(&format!("/files/{fid}"), &district).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app.get(&format!("/proposals/{id}/files"), &district).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The member may not remove it; the unit may, while it drafts.
    let path = format!("/files/{fid}?{}", c.as_member);
    let (status, _, _) = app.call(Method::DELETE, &path, &c.member, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let r = app
        .client
        .delete(format!("{}/files/{fid}?{}", app.base, c.as_unit))
        .bearer_auth(&c.unit)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let (_, _, list) = app
        .get(&format!("/proposals/{id}/files?{}", c.as_member), &c.member)
        .await;
    assert!(list.as_array().unwrap().is_empty());

    // The document describes the routes.
    let (_, _, doc) = app.get("/openapi.json", &c.staff).await;
    for path in [
        "/proposals/{id}/answers/{unit}/files",
        "/supervision/{id}/opinions/{seq}/units/{unit}/files",
        "/demands/{id}/answers/{unit}/files",
        "/demands/{id}/files",
        "/files/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
}
