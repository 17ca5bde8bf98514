//! 批量交办 through the API: a whole plan in one call, all or nothing, the
//! bad row named in problem+json; only staff tokens may assign.

use super::proposals::{cast, submitted};
use super::*;

/// Submitted and filed by staff; returns the ids in number order.
async fn filed(app: &TestApp, c: &proposals::Cast, n: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for _ in 0..n {
        let id = submitted(app, c).await;
        for step in ["start_review", "file"] {
            app.step(id, "", &c.staff, json!({ "do": step })).await;
        }
        ids.push(id);
    }
    ids
}

async fn stage(app: &TestApp, c: &proposals::Cast, id: i64) -> Value {
    let (status, _, record) = app.get(&format!("/proposals/{id}"), &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    record
}

#[tokio::test]
async fn a_plan_is_applied_whole_or_not_at_all() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let ids = filed(&app, &c, 3).await;
    let (unit, other) = (c.unit_id, c.unit_id + 1);

    let bad = json!({ "rows": [
        { "proposal": ids[0], "mode": "single", "unit": unit },
        { "number": "第0002号", "mode": "lead_with_co", "unit": unit, "co_units": [99_999] },
        { "proposal": ids[0], "mode": "single", "unit": other },
    ]});
    let (status, content_type, problem) = app.post("/proposals/assignments", &c.staff, bad).await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_eq!(
        field_error(&problem, "rows[1]"),
        "第2行（第0002号）：承办单位（编号99999）不存在或已停用"
    );
    assert_eq!(
        field_error(&problem, "rows[2]"),
        "第3行（第0001号）：与第1行是同一件提案"
    );
    assert_eq!(
        field_error(&problem, "rows[0]"),
        "",
        "the good row is not named"
    );
    for id in &ids {
        assert_eq!(
            stage(&app, &c, *id).await["stage"],
            "filed",
            "nothing applied"
        );
    }

    let good = json!({ "rows": [
        { "proposal": ids[0], "mode": "single", "unit": unit },
        { "number": "第0002号", "mode": "lead_with_co", "unit": unit, "co_units": [other] },
        { "number": "3", "mode": "split", "unit": other, "co_units": [unit] },
    ]});
    let (status, _, out) = app.post("/proposals/assignments", &c.staff, good).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["count"], 3);
    let record = stage(&app, &c, ids[1]).await;
    assert_eq!(record["stage"], "assigned");
    let roles: Vec<(i64, &str)> = record["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["unit_id"].as_i64().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(roles, [(unit, "lead"), (other, "co")]);
    assert_eq!(stage(&app, &c, ids[2]).await["stage"], "assigned");

    // Assigned once; a second plan for the same proposal is refused whole.
    let again = json!({ "rows": [{ "proposal": ids[0], "mode": "single", "unit": other }] });
    let (status, _, problem) = app.post("/proposals/assignments", &c.staff, again).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        field_error(&problem, "rows[0]").starts_with("第1行（第0001号）："),
        "{problem}"
    );
}

#[tokio::test]
async fn only_staff_tokens_assign() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let ids = filed(&app, &c, 1).await;
    let plan = json!({ "rows": [{ "proposal": ids[0], "mode": "single", "unit": c.unit_id }] });
    let member = format!("/proposals/assignments?{}", c.as_member);
    let (status, _, _) = app.post(&member, &c.member, plan.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let unit = format!("/proposals/assignments?{}", c.as_unit);
    let (status, _, _) = app.post(&unit, &c.unit, plan.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let leader = app.token(Role::Leader, app.city.id).await;
    let (status, _, _) = app.post("/proposals/assignments", &leader, plan).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(stage(&app, &c, ids[0]).await["stage"], "filed");

    // A district's staff token cannot reach the city's proposals.
    let district = app.token(Role::Staff, app.districts[0].id).await;
    let plan = json!({ "rows": [{ "proposal": ids[0], "mode": "single", "unit": c.unit_id }] });
    let (status, _, problem) = app.post("/proposals/assignments", &district, plan).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&problem, "rows[0]").contains("本组织没有这件提案"));

    let response = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap();
    let (_, _, doc) = answer(response).await;
    assert!(doc["paths"]["/proposals/assignments"]["post"].is_object());
}
