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
        "/opinions/{id}/report-upward",
        "/opinions/{id}/national",
        "/opinions/{id}/instructions",
        "/opinions/{id}/chain",
        "/opinions/bulletins",
        "/opinions/bulletins/{id}",
        "/opinions/bulletins/{id}/pieces",
        "/opinions/bulletins/{id}/issue",
        "/opinions/bulletins/{id}/bulletin.docx",
        "/opinions/stats",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["components"]["schemas"]["OpinionOut"].is_object());
}

/// A report adopted through the API; returns its id.
async fn adopted(app: &TestApp, c: &super::proposals::Cast, title: &str) -> i64 {
    let mut body = report();
    body["title"] = json!(title);
    let (status, _, out) = app
        .post(&format!("/opinions?{}", c.as_member), &c.member, body)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let id = out["id"].as_i64().unwrap();
    for step in ["review", "sign_off", "adopt"] {
        let (status, _, out) = app
            .post(
                &format!("/opinions/{id}/actions"),
                &c.staff,
                json!({"do": step}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{step}: {out}");
    }
    id
}

#[tokio::test]
async fn upward_reports_instructions_bulletins_and_statistics_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = adopted(&app, &c, "关于社区老年食堂运营困难的情况反映").await;

    // The city's report goes to the national CPPCC, once.
    let (_, _, out) = app.get(&format!("/opinions/{id}"), &c.staff).await;
    assert!(out["steps"].to_string().contains("report_upward"), "{out}");
    let path = format!("/opinions/{id}/report-upward");
    let as_member = format!("{path}?{}", c.as_member);
    let (status, _, _) = app.post(&as_member, &c.member, json!({})).await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}"
    );
    let (status, _, out) = app.post(&path, &c.staff, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (status, ct, problem) = app.post(&path, &c.staff, json!({})).await;
    assert_problem(status, &ct, &problem, StatusCode::CONFLICT);
    assert!(problem.to_string().contains("已报送全国政协"), "{problem}");
    let national = format!("/opinions/{id}/national");
    let (status, ct, problem) = app
        .post(
            &national,
            &c.staff,
            json!({"outcome": "maybe", "outcome_on": "2026-05-20"}),
        )
        .await;
    assert_problem(status, &ct, &problem, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = app
        .post(
            &national,
            &c.staff,
            json!({"outcome": "adopted", "outcome_on": "2026-05-20"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // An instruction: bad fields name themselves; the good one is listed.
    let ins = format!("/opinions/{id}/instructions");
    let (status, ct, problem) = app
        .post(
            &ins,
            &c.staff,
            json!({"leader": "", "level": "city", "text": "x", "given_on": "2026-05-28"}),
        )
        .await;
    assert_problem(status, &ct, &problem, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("leader"), "{problem}");
    let body = json!({"leader": "李市长", "level": "city", "text": "请市民政局研究。", "given_on": "2026-05-28"});
    let (status, _, _) = app
        .post(&format!("{ins}?{}", c.as_member), &c.member, body.clone())
        .await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}"
    );
    let (status, _, _) = app.post(&ins, &c.staff, body).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, chain) = app.get(&format!("/opinions/{id}/chain"), &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(chain["chain"].as_array().unwrap().len(), 2, "{chain}");
    assert_eq!(chain["chain"][1]["org_name"], "全国政协");
    assert_eq!(chain["chain"][1]["stage_label"], "已采用");
    assert_eq!(chain["chain"][1]["outcome"], "adopted");
    assert_eq!(chain["instructions"][0]["leader"], "李市长");

    // A bulletin: created, a piece, issued, downloaded.
    let second = adopted(&app, &c, "关于城区老旧小区加装电梯后续维保的建议").await;
    let (status, _, b) = app
        .post(
            "/opinions/bulletins",
            &c.staff,
            json!({"title": "养老专辑"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{b}");
    assert_eq!(b["number"], 1);
    let bid = b["id"].as_i64().unwrap();
    let pieces = format!("/opinions/bulletins/{bid}/pieces");
    let (status, ct, problem) = app
        .post(
            &pieces,
            &c.staff,
            json!({"combined": true, "title": "", "opinions": format!("{id},{second}")}),
        )
        .await;
    assert_problem(status, &ct, &problem, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, b) = app
        .post(
            &pieces,
            &c.staff,
            json!({"combined": true, "title": "养老服务综合反映", "opinions": format!("{id},{second}")}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{b}");
    assert_eq!(b["pieces"][0]["sources"], json!([id, second]));
    let (status, _, b) = app
        .post(
            &format!("/opinions/bulletins/{bid}/issue"),
            &c.staff,
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(b["issued"], true);
    let r = app
        .client
        .get(format!(
            "{}/opinions/bulletins/{bid}/bulletin.docx",
            app.base
        ))
        .bearer_auth(&c.staff)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(&r.bytes().await.unwrap()[..2], b"PK");
    let (_, _, list) = app.get("/opinions/bulletins", &c.staff).await;
    assert_eq!(
        list[0]["label"],
        format!("《社情民意》{}年第1期", b["year"])
    );

    // Statistics for staff, not members.
    let (status, _, stats) = app.get("/opinions/stats?by=org", &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["total"]["sent"], 2, "{}", stats["total"]);
    assert_eq!(stats["total"]["adopted_national"], 1);
    assert_eq!(stats["total"]["instructions"], 1);
    let (status, _, _) = app
        .get(&format!("/opinions/stats?{}", c.as_member), &c.member)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
