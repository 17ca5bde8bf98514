//! 提案统计 through the API: the numbers of a small season worked out by
//! hand, the token's subtree as the scope, staff and leader tokens only,
//! a bad year or term named in problem+json, and the path in the document.

use super::proposals::{cast, submitted};
use super::*;

#[tokio::test]
async fn statistics_are_read_by_staff_and_leader_tokens_of_their_subtree() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let filed = submitted(&app, &c).await;
    submitted(&app, &c).await;
    for step in ["start_review", "file"] {
        app.step(filed, "", &c.staff, json!({ "do": step })).await;
    }
    let account = store::user::find_by_login(&app.state.db, "weiyuan")
        .await
        .unwrap()
        .unwrap();
    let member =
        store::member::get_member(&app.state.db, &account.org_path, account.member_id.unwrap())
            .await
            .unwrap();

    // Hand-computed: 2 received, 1 filed (立案率 1/2), nothing assigned,
    // both from the demo member's sector; every kind row present.
    let leader = app.token(Role::Leader, app.city.id).await;
    for token in [&c.staff, &leader] {
        let (status, _, s) = app.get("/proposals/statistics", token).await;
        assert_eq!(status, StatusCode::OK, "{s}");
        assert_eq!(s["org_id"], app.city.id.0);
        assert_eq!(s["term"], Value::Null);
        let t = &s["totals"];
        assert_eq!(
            (t["proposals"].as_u64(), t["submitted"].as_u64()),
            (Some(2), Some(2))
        );
        assert_eq!(t["filed"], 1);
        assert_eq!(
            t["filing_rate"],
            json!({ "numerator": 1, "denominator": 2, "per_mille": 500, "text": "50.0%" })
        );
        assert_eq!(t["on_time_rate"]["per_mille"], Value::Null);
        assert_eq!(t["on_time_rate"]["text"], "—");
        assert_eq!(t["assignments"], 0);
        let stages: Vec<(&str, u64)> = t["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["stage"].as_str().unwrap(), s["count"].as_u64().unwrap()))
            .collect();
        assert_eq!(stages, [("submitted", 1), ("filed", 1)]);
        let sectors = s["by_sector"].as_array().unwrap();
        assert_eq!(sectors.len(), 1, "{sectors:?}");
        assert_eq!(sectors[0]["key"], member.sector_id.to_string());
        assert_eq!(sectors[0]["label"], member.row.sector_name);
        assert_eq!(sectors[0]["tally"]["filing_rate"]["text"], "50.0%");
        let kinds: Vec<&str> = s["by_kind"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["key"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["individual", "joint", "collective"]);
        assert_eq!(s["by_category"][0]["label"], "社会建设");
        assert_eq!(s["by_org"][0]["label"], "重庆市政协本级");
        assert!(s["by_unit"].as_array().unwrap().is_empty());
        assert!(s["overdue"].as_array().unwrap().is_empty());
    }
    // A district's token sees its own subtree: none of the city's proposals.
    let district = app.token(Role::Staff, app.districts[0].id).await;
    let (status, _, s) = app.get("/proposals/statistics", &district).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s["totals"]["submitted"], 0);
    assert_eq!(s["totals"]["filing_rate"]["text"], "—");
    // Another year has nothing.
    let (_, _, s) = app.get("/proposals/statistics?year=2020", &c.staff).await;
    assert_eq!(
        (s["year"].as_i64(), s["totals"]["proposals"].as_u64()),
        (Some(2020), Some(0))
    );

    // Members, units and administrators do not read statistics.
    let admin = app.token(Role::SysAdmin, app.city.id).await;
    for token in [&c.member, &c.unit, &admin] {
        let (status, content_type, problem) = app.get("/proposals/statistics", token).await;
        assert_problem(status, &content_type, &problem, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn a_bad_year_or_term_is_named() {
    let app = spawn_app().await;
    let staff = app.token(Role::Staff, app.city.id).await;
    let (status, content_type, problem) = app
        .get("/proposals/statistics?year=26&term=999999", &staff)
        .await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_eq!(field_error(&problem, "year"), "年度应为四位数字，如 2026");
    assert_eq!(
        field_error(&problem, "term"),
        "届次不存在或不属于令牌所属组织"
    );

    let doc: Value = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let path = &doc["paths"]["/proposals/statistics"]["get"];
    assert!(
        path["summary"].as_str().unwrap().starts_with("提案统计"),
        "{path}"
    );
    for schema in [
        "StatisticsOut",
        "TallyOut",
        "RateOut",
        "StatsRowOut",
        "OverdueOut",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}
