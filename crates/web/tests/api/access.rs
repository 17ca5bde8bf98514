//! Who may reach what: tokens, roles and the organisation subtree.

use super::*;

#[tokio::test]
async fn a_token_sees_only_its_organisation_subtree() {
    let app = spawn_app().await;
    let (mine, sibling) = (&app.districts[0], &app.districts[1]);
    let city = app.token(Role::Staff, app.city.id).await;
    let district = app.token(Role::Staff, mine.id).await;
    let theirs = app.first_member_of(sibling, &city).await;
    let theirs_id = theirs["id"].as_i64().unwrap();

    let (status, content_type, body) = app.get(&format!("/members/{theirs_id}"), &district).await;
    assert_problem(status, &content_type, &body, StatusCode::NOT_FOUND);
    assert!(
        !body.to_string().contains(theirs["name"].as_str().unwrap()),
        "no data leaks: {body}"
    );
    let (status, _, _) = app
        .call(
            Method::POST,
            &format!("/members/{theirs_id}/deactivate"),
            &district,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = app
        .call(
            Method::PATCH,
            &format!("/members/{theirs_id}"),
            &district,
            Some(json!({"name": "改名"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, filtered) = app
        .get(&format!("/members?org_id={}", sibling.id), &district)
        .await;
    assert_eq!(filtered["total"], 0);
    let (_, _, own) = app.get("/members?per_page=100", &district).await;
    assert!(own["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["org_name"] == mine.short_name.as_str()));
    let (status, _, _) = app.get(&format!("/orgs/{}", sibling.id), &district).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, sectors) = app
        .get(&format!("/sectors?org_id={}&per_page=1", sibling.id), &city)
        .await;
    let (status, _, _) = app
        .get(
            &format!("/sectors/{}", sectors["items"][0]["id"]),
            &district,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let mut body = app.valid_member(sibling, &city).await;
    let (status, _, refused) = app
        .call(Method::POST, "/members", &district, Some(body.clone()))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&refused, "org_id").contains("不在令牌的管理范围内"));

    let (status, _, read) = app.get(&format!("/members/{theirs_id}"), &city).await;
    assert_eq!((status, &read["name"]), (StatusCode::OK, &theirs["name"]));
    body["id_number"] = json!("");
    let (status, _, _) = app.call(Method::POST, "/members", &city, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn roles_that_may_not_act_are_refused() {
    let app = spawn_app().await;
    let leader = app.token(Role::Leader, app.city.id).await;
    let member = app.token(Role::Member, app.city.id).await;
    let sys_admin = app.token(Role::SysAdmin, app.city.id).await;
    let staff = app.token(Role::Staff, app.city.id).await;
    let before = app.member_count().await;

    let (status, _, _) = app.get("/members", &leader).await;
    assert_eq!(status, StatusCode::OK, "leaders read members");
    let body = app.valid_member(&app.districts[0], &staff).await;
    let (status, content_type, refused) = app
        .call(Method::POST, "/members", &leader, Some(body))
        .await;
    assert_problem(status, &content_type, &refused, StatusCode::FORBIDDEN);
    assert_eq!(app.member_count().await, before);
    let (status, content_type, refused) = app.get("/members", &member).await;
    assert_problem(status, &content_type, &refused, StatusCode::FORBIDDEN);
    let any_member = app.first_member_of(&app.city, &staff).await;
    let (status, _, _) = app
        .get(&format!("/members/{}", any_member["id"]), &member)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "forbidden before not-found");
    let (status, _, _) = app.get("/members", &sys_admin).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "三员分立");
    let (status, _, _) = app.get("/users", &staff).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app
        .call(Method::POST, "/orgs", &staff, Some(json!({"name": "x"})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app
        .call(
            Method::POST,
            "/sectors",
            &leader,
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_missing_unknown_or_revoked_token_is_401() {
    let app = spawn_app().await;
    let token = app.token(Role::Staff, app.city.id).await;
    let (status, _, _) = app.get("/members", &token).await;
    assert_eq!(status, StatusCode::OK);
    let tokens = store::token::list(&app.state.db, &app.city.path)
        .await
        .unwrap();
    let who = Who {
        user_id: None,
        login: "test".into(),
        ip: "127.0.0.1".into(),
    };
    store::token::revoke(&app.state.db, app.state.now(), &who, tokens[0].id)
        .await
        .unwrap();

    let anonymous = app
        .client
        .get(format!("{}/members", app.base))
        .send()
        .await
        .unwrap();
    let basic = app
        .client
        .get(format!("{}/members", app.base))
        .basic_auth("shiganbu", Some("x"))
        .send()
        .await
        .unwrap();
    let unknown = app
        .client
        .get(format!("{}/members", app.base))
        .bearer_auth("zx_not-a-token")
        .send()
        .await
        .unwrap();
    let revoked = app
        .client
        .get(format!("{}/members", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    for response in [anonymous, basic, unknown, revoked] {
        let challenge = response
            .headers()
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap().to_string());
        assert!(challenge.is_some_and(|c| c.starts_with("Bearer")));
        let (status, content_type, problem) = answer(response).await;
        assert_problem(status, &content_type, &problem, StatusCode::UNAUTHORIZED);
    }
}

/// Every read route of the API under every role's token (city scope):
/// allowed roles get 200, the others 403 problem+json.
#[tokio::test]
async fn the_api_permission_matrix() {
    use Role::*;
    let app = spawn_app().await;
    let staff = app.token(Staff, app.city.id).await;
    let member_id = app.first_member_of(&app.city, &staff).await["id"].clone();
    let (_, _, sectors) = app.get("/sectors", &staff).await;
    let sector_id = sectors["items"][0]["id"].clone();
    let structure_readers: &[Role] = &[Staff, Leader, SysAdmin];
    let routes: Vec<(String, &[Role])> = vec![
        ("/members".into(), &[Staff, Leader]),
        (format!("/members/{member_id}"), &[Staff, Leader]),
        ("/orgs".into(), structure_readers),
        (format!("/orgs/{}", app.city.id), structure_readers),
        ("/sectors".into(), structure_readers),
        (format!("/sectors/{sector_id}"), structure_readers),
        ("/committees".into(), structure_readers),
        ("/terms".into(), structure_readers),
        ("/units".into(), structure_readers),
        ("/users".into(), &[SysAdmin]),
        ("/users/1".into(), &[SysAdmin]),
    ];
    let mut failures = Vec::new();
    for role in Role::ALL {
        let token = app.token(role, app.city.id).await;
        for (path, allowed) in &routes {
            let (status, content_type, _) = app.get(path, &token).await;
            let expected = if allowed.contains(&role) {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            let problem_ok =
                status == StatusCode::OK || content_type.starts_with("application/problem+json");
            if status != expected || !problem_ok {
                failures.push(format!(
                    "{role:?} GET {path} -> {status} (expected {expected})"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "API permission matrix failures:\n{}",
        failures.join("\n")
    );
}
