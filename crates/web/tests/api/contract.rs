//! The shape of the API itself: problem+json errors and the OpenAPI document.

use super::*;

#[tokio::test]
async fn bad_input_is_a_chinese_problem_and_writes_nothing() {
    let app = spawn_app().await;
    let staff = app.token(Role::Staff, app.city.id).await;
    let before = app.member_count().await;
    let mut body = app.valid_member(&app.districts[0], &staff).await;
    body["name"] = json!(" ");
    body["phone"] = json!("12345");
    body["id_number"] = json!("110105194912310021");
    let (status, content_type, problem) = app
        .call(Method::POST, "/members", &staff, Some(body.clone()))
        .await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert_eq!(field_error(&problem, "name"), "请填写姓名");
    assert!(field_error(&problem, "phone").contains("11位"));
    assert!(field_error(&problem, "id_number").contains("校验位"));
    assert_eq!(app.member_count().await, before);

    body["name"] = json!("张三");
    body["nickname"] = json!("小张");
    let (status, content_type, problem) =
        app.call(Method::POST, "/members", &staff, Some(body)).await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(
        field_error(&problem, "nickname").starts_with("不支持的字段“nickname”"),
        "{problem}"
    );
    let (status, content_type, problem) = app
        .call(
            Method::POST,
            "/members",
            &staff,
            Some(json!({"name": {"first": "张"}})),
        )
        .await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(!field_error(&problem, "name").is_empty());
    let (status, content_type, problem) = app.get("/members?per_page=500", &staff).await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(field_error(&problem, "per_page").contains("1到100"));

    for (raw, content) in [
        ("{\"name\": ", "application/json"),
        ("[1, 2]", "application/json"),
        ("{\"name\": \"张三\"}", "text/plain"),
    ] {
        let response = app
            .client
            .post(format!("{}/members", app.base))
            .bearer_auth(&staff)
            .header("content-type", content)
            .body(raw)
            .send()
            .await
            .unwrap();
        let (status, content_type, problem) = answer(response).await;
        assert_problem(status, &content_type, &problem, StatusCode::BAD_REQUEST);
    }
    assert_eq!(app.member_count().await, before);
    let (status, content_type, problem) = app.get("/members/abc", &staff).await;
    assert_problem(status, &content_type, &problem, StatusCode::NOT_FOUND);
    let (status, content_type, problem) = app.get("/nothing-here", &staff).await;
    assert_problem(status, &content_type, &problem, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_every_resource() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap();
    let (status, content_type, doc) = answer(response).await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "application/json")
    );
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/orgs",
        "/orgs/{id}",
        "/sectors",
        "/committees/{id}",
        "/terms",
        "/units/{id}/deactivate",
        "/members",
        "/members/{id}",
        "/members/{id}/deactivate",
        "/users",
        "/users/{id}/deactivate",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    assert!(
        paths["/members/{id}"]["patch"].is_object() && paths["/members/{id}"]["put"].is_object()
    );
    assert_eq!(
        paths["/members"]["post"]["responses"]["422"]["content"]["application/problem+json"]
            ["schema"]["$ref"],
        "#/components/schemas/Problem"
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let ids: Vec<&str> = paths
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "operation ids are unique");
    assert!(unique.contains("members_patch"));
    assert!(doc["components"]["schemas"]["MemberBody"]["properties"]["phone"].is_object());
}
