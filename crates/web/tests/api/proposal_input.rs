//! Proposals through the API, the checks before the rules: for whom a
//! token acts, unknown fields and steps, bad values in bodies and queries.

use super::proposals::{cast, full_text, submitted};
use super::*;

#[tokio::test]
async fn identities_and_bodies_are_checked() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let expect_field =
        |(status, content_type, problem): (StatusCode, String, Value), field: &str, part: &str| {
            assert_problem(
                status,
                &content_type,
                &problem,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
            assert!(field_error(&problem, field).contains(part), "{problem}");
        };
    // Member and unit tokens say for whom they act; others may not.
    expect_field(
        app.get("/proposals", &c.member).await,
        "as_member",
        "as_member",
    );
    expect_field(app.get("/proposals", &c.unit).await, "as_unit", "as_unit");
    expect_field(
        app.get("/proposals?as_member=99999999", &c.member).await,
        "as_member",
        "不在令牌的管理范围内",
    );
    expect_field(
        app.get(&format!("/proposals?{}", c.as_member), &c.staff)
            .await,
        "as_member",
        "只有委员令牌",
    );
    let (status, _, _) = app.get(&format!("/proposals?{}", c.as_unit), &c.unit).await;
    assert_eq!(status, StatusCode::OK);
    // A member without an account cannot have a draft written for them.
    let members = format!("/members?org_id={}&per_page=5", app.city.id);
    let (_, _, page) = app.get(&members, &c.staff).await;
    let other = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["id"].as_i64())
        .find(|id| *id != c.member_id)
        .unwrap();
    expect_field(
        app.post(
            &format!("/proposals?as_member={other}"),
            &c.member,
            full_text(),
        )
        .await,
        "as_member",
        "尚未开通账号",
    );
    let (status, _, _) = app
        .get(&format!("/proposals?as_member={other}"), &c.member)
        .await;
    assert_eq!(status, StatusCode::OK, "reading needs no account");
    // Roles outside the business, and staff drafting, are 403.
    let admin = app.token(Role::SysAdmin, app.city.id).await;
    let (status, content_type, problem) = app.get("/proposals", &admin).await;
    assert_problem(status, &content_type, &problem, StatusCode::FORBIDDEN);
    let (status, content_type, problem) = app.post("/proposals", &c.staff, full_text()).await;
    assert_problem(status, &content_type, &problem, StatusCode::FORBIDDEN);

    // Bodies and queries name their bad fields.
    let mut body = full_text();
    body["subject"] = json!("x");
    expect_field(
        app.post(&format!("/proposals?{}", c.as_member), &c.member, body)
            .await,
        "subject",
        "不支持的字段",
    );
    let id = submitted(&app, &c).await;
    let path = format!("/proposals/{id}/actions");
    expect_field(
        app.post(&path, &c.staff, json!({"do": "approve"})).await,
        "do",
        "未知的操作",
    );
    expect_field(
        app.post(&path, &c.staff, json!({"reason": "x"})).await,
        "do",
        "do",
    );
    app.step(id, "", &c.staff, json!({"do": "start_review"}))
        .await;
    expect_field(
        app.post(&path, &c.staff, json!({"do": "send_back", "reason": " "}))
            .await,
        "reason",
        "退回理由",
    );
    app.step(id, "", &c.staff, json!({"do": "file"})).await;
    expect_field(
        app.post(&path, &c.staff, json!({"do": "assign", "unit": "教委"}))
            .await,
        "unit",
        "承办单位",
    );
    expect_field(
        app.get("/proposals?stage=nowhere&year=20", &c.staff).await,
        "stage",
        "无效",
    );
    expect_field(
        app.get("/proposals?year=20", &c.staff).await,
        "year",
        "年度",
    );
    expect_field(app.get("/proposals/search", &c.staff).await, "q", "检索");
    expect_field(
        app.get("/proposals/similar", &c.staff).await,
        "text",
        "草稿",
    );
    let (status, content_type, problem) = app.get("/proposals/999999", &c.staff).await;
    assert_problem(status, &content_type, &problem, StatusCode::NOT_FOUND);
}
