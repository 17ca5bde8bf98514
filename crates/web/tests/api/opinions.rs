//! 社情民意信息 through the API: a member token's report through staff
//! editing, review, sign-off and adoption; refusals and bad input as
//! problem+json; a proposal converted by a staff token; the OpenAPI paths.

use super::proposals::{cast, submitted};
use super::*;

fn report() -> Value {
    json!({
        "title": "关于社区老年食堂运营困难的情况反映",
        "situation": "约四成社区老年食堂就餐人数不足，运营依赖补贴。",
        "analysis": "补贴按床位而非就餐人次发放。",
        "suggestion": "建议按就餐人次补贴。",
        "category": "社会建设",
        "submit": true,
    })
}

#[tokio::test]
async fn a_report_is_edited_and_adopted_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let m = c.as_member.as_str();
    let (status, _, out) = app
        .post(&format!("/opinions?{m}"), &c.member, report())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    assert_eq!(out["stage"], "submitted");
    assert_eq!(out["steps"], json!(["withdraw"]));
    let id = out["id"].as_i64().unwrap();

    // Bad input names its field; a member may not take staff steps.
    let mut bad = report();
    bad["title"] = json!("");
    let (status, _, problem) = app.post(&format!("/opinions?{m}"), &c.member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("请填写标题"), "{problem}");
    let path = format!("/opinions/{id}/actions?{m}");
    let (status, _, _) = app.post(&path, &c.member, json!({"do": "review"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let staff = |body: Value| {
        let app = &app;
        let token = c.staff.clone();
        async move {
            let (status, _, out) = app
                .post(&format!("/opinions/{id}/actions"), &token, body.clone())
                .await;
            assert_eq!(status, StatusCode::OK, "{body} -> {out}");
            out
        }
    };
    let edited = staff(json!({
        "do": "edit",
        "title": "关于改进社区老年食堂补贴方式的建议",
        "situation": "约四成社区老年食堂就餐人数不足。",
        "suggestion": "建议按就餐人次补贴。",
        "category": "社会建设",
    }))
    .await;
    assert_eq!(edited["stage"], "editing");
    assert_eq!(
        edited["original"]["title"],
        "关于社区老年食堂运营困难的情况反映"
    );
    assert_eq!(
        edited["text"]["title"],
        "关于改进社区老年食堂补贴方式的建议"
    );
    staff(json!({"do": "review", "comment": "同意"})).await;
    staff(json!({"do": "sign_off"})).await;
    let adopted = staff(json!({"do": "adopt"})).await;
    assert_eq!(adopted["stage"], "adopted");
    let (status, _, _) = app
        .post(
            &format!("/opinions/{id}/actions"),
            &c.staff,
            json!({"do": "keep", "reason": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "adopted is final");

    let (_, _, list) = app.get("/opinions?stage=adopted", &c.staff).await;
    assert_eq!(list["total"], 1);
    let (_, _, mine) = app.get(&format!("/opinions?{m}"), &c.member).await;
    assert_eq!(mine["items"][0]["id"], id);
    let (status, _, _) = app.get("/opinions?stage=nonsense", &c.staff).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = app
        .get(&format!("/opinions/{id}?{}", c.as_unit), &c.unit)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "units do not see reports");
}

#[tokio::test]
async fn a_staff_token_converts_a_proposal_under_review() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let pid = submitted(&app, &c).await;
    app.step(pid, "", &c.staff, json!({"do": "start_review"}))
        .await;
    let out = app
        .step(
            pid,
            "",
            &c.staff,
            json!({"do": "convert", "reason": "宜作为社情民意信息报送"}),
        )
        .await;
    assert_eq!(out["stage"], "converted", "{out}");
    let (_, _, list) = app.get("/opinions?stage=submitted", &c.staff).await;
    let oid = list["items"][0]["id"].as_i64().unwrap();
    let (status, _, report) = app.get(&format!("/opinions/{oid}"), &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["from_proposal"], pid);
    assert_eq!(report["text"]["title"], out["text"]["title"]);
}

#[tokio::test]
async fn the_openapi_document_lists_the_opinion_paths() {
    let app = spawn_app().await;
    let (status, _, doc) = app.get("/openapi.json", "").await;
    assert_eq!(status, StatusCode::OK);
    for path in [
        "/opinions",
        "/opinions/{id}",
        "/opinions/{id}/submit",
        "/opinions/{id}/actions",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["components"]["schemas"]["OpinionOut"].is_object());
}
