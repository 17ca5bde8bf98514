//! 委员工作站 through the API: a staff token registers a station and a
//! demand, forwards it; the unit token answers; staff accept and record
//! the feedback; the tracking answer needs no token and carries no
//! personal data; coverage, statistics and the OpenAPI paths.

use super::proposals::cast;
use super::*;

#[tokio::test]
async fn a_demand_goes_from_entry_to_feedback_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let station = json!({
        "kind": "station", "name": "解放碑街道委员工作站", "street": "解放碑街道",
        "address": "渝中区民族路188号", "reception_days": "每周三上午", "members": "",
    });
    let (status, _, out) = app.post("/stations", &c.staff, station).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let station = out["id"].as_i64().unwrap();
    let (status, _, _) = app.post("/stations", &c.staff, json!({"name": ""})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let demand = |consent: bool| {
        json!({
            "station": station, "channel": "on_site", "category": "养老服务",
            "content": "<b>社区老年食堂</b>只供应午餐，独居老人希望增加晚餐供应",
            "name": "李大爷", "phone": "13912345678", "consent": consent,
        })
    };
    let (status, _, problem) = app.post("/demands", &c.staff, demand(false)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("consent"), "{problem}");
    let (status, _, out) = app.post("/demands", &c.staff, demand(true)).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    assert_eq!(
        out["content"],
        "<b>社区老年食堂</b>只供应午餐，独居老人希望增加晚餐供应"
    );
    let id = out["id"].as_i64().unwrap();
    let code = out["tracking_code"].as_str().unwrap().to_string();
    assert!(out["steps"].as_array().unwrap().contains(&json!("forward")));

    let act = format!("/demands/{id}/actions");
    let (status, _, out) = app
        .post(&act, &c.staff, json!({"do": "forward", "unit": c.unit_id}))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "forwarded");
    // The unit sees it without the visitor's full phone, and answers.
    let unit_act = format!("/demands/{id}/actions?{}", c.as_unit);
    let (status, _, seen) = app
        .get(&format!("/demands/{id}?{}", c.as_unit), &c.unit)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!seen.to_string().contains("13912345678"));
    let answer = json!({"do": "answer", "class": "A", "text": "已协调社区食堂自下月起供应晚餐。",
        "signed_by": "张局长", "contact_person": "李明", "contact_phone": "023-63891234"});
    let (status, _, out) = app.post(&unit_act, &c.unit, answer).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    // Staff may not answer for the unit; a second forward is refused.
    let (status, _, _) = app
        .post(&act, &c.staff, json!({"do": "forward", "unit": c.unit_id}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _, out) = app
        .post(&act, &c.staff, json!({"do": "accept", "unit": c.unit_id}))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");

    let (status, _, tracked) = app
        .get(&format!("/demands/track?code={code}"), "none")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tracked["found"], true);
    assert_eq!(tracked["status"], "承办单位已答复");
    assert!(!tracked.to_string().contains("李大爷") && !tracked.to_string().contains("1391234"));
    let (_, _, unknown) = app.get("/demands/track?code=SQ23456789ABCD", "none").await;
    assert_eq!(unknown["found"], false);

    let today = app.state.today().to_string();
    let feedback =
        json!({"do": "feedback", "date": today, "how": "phone", "satisfaction": "satisfied"});
    let (status, _, out) = app.post(&act, &c.staff, feedback).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "closed");

    let (status, _, stats) = app.get("/demands/stats?by=category", &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    let total = stats.as_array().unwrap().last().unwrap().clone();
    assert_eq!(total["received"], 1);
    assert_eq!(total["closed"], 1);
    let (status, _, coverage) = app.get("/stations/coverage", &c.staff).await;
    assert_eq!(status, StatusCode::OK);
    assert!(coverage["members"].as_i64().unwrap() > 0);
    let (status, _, _) = app
        .get(&format!("/stations/coverage?{}", c.as_unit), &c.unit)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (_, _, doc) = app.get("/openapi.json", "none").await;
    for path in [
        "/stations",
        "/stations/coverage",
        "/demands/{id}/actions",
        "/demands/track",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} in the OpenAPI document"
        );
    }
}
