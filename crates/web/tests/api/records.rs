//! Listing, reading, creating, updating and deactivating each kind of record.

use super::*;

#[tokio::test]
async fn members_are_listed_read_created_updated_and_deactivated() {
    let app = spawn_app().await;
    let city = app.token(Role::Staff, app.city.id).await;

    let (status, _, page) = app.get("/members?per_page=5&page=2", &city).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (page["page"].as_i64(), page["per_page"].as_i64()),
        (Some(2), Some(5))
    );
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    assert_eq!(page["total"].as_i64(), Some(app.member_count().await));
    let (_, _, past_end) = app.get("/members?per_page=100&page=99", &city).await;
    assert_eq!(past_end["items"].as_array().unwrap().len(), 0);
    let (_, _, cpc) = app.get("/members?party=cpc&per_page=100", &city).await;
    assert!(cpc["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["party"] == "cpc" && m["party_label"] == "中共党员"));

    let district = &app.districts[0];
    let body = app.valid_member(district, &city).await;
    let response = app
        .client
        .post(format!("{}/members", app.base))
        .bearer_auth(&city)
        .json(&body)
        .send()
        .await
        .unwrap();
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let (status, _, created) = answer(response).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/members/{id}"));
    assert_eq!(created["phone_masked"], "139****5678");
    assert_eq!(created["id_masked"], "110105********002X");
    assert_eq!(created["org_id"], district.id.0);
    let text = created.to_string();
    assert!(
        !text.contains("13912345678") && !text.contains("19491231"),
        "no personal data: {text}"
    );

    let (status, _, read) = app.get(&format!("/members/{id}"), &city).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["name"], "测试委员");
    assert_eq!(read["ethnicity"], "汉族");

    // PUT takes the full set; an empty phone keeps the stored one.
    let mut full = body.clone();
    full["name"] = json!("测试委员甲");
    full["phone"] = json!("");
    let (status, _, put) = app
        .call(Method::PUT, &format!("/members/{id}"), &city, Some(full))
        .await;
    assert_eq!(status, StatusCode::OK, "{put}");
    assert_eq!(
        (put["name"].as_str(), put["phone_masked"].as_str()),
        (Some("测试委员甲"), Some("139****5678"))
    );
    let (status, _, patched) = app
        .call(
            Method::PATCH,
            &format!("/members/{id}"),
            &city,
            Some(json!({"work_unit": "西南大学"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(
        (patched["name"].as_str(), patched["work_unit"].as_str()),
        (Some("测试委员甲"), Some("西南大学"))
    );

    let (status, _, gone) = app
        .call(
            Method::POST,
            &format!("/members/{id}/deactivate"),
            &city,
            None,
        )
        .await;
    assert_eq!(
        (status, gone["active"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let (_, _, active) = app
        .get(
            &format!("/members?q=测试委员甲&org_id={}", district.id),
            &city,
        )
        .await;
    assert_eq!(active["total"], 0);
    let (_, _, inactive) = app
        .get(
            &format!(
                "/members?q=测试委员甲&status=inactive&org_id={}",
                district.id
            ),
            &city,
        )
        .await;
    assert_eq!(inactive["items"][0]["id"], id);
    let (status, _, still) = app.get(&format!("/members/{id}"), &city).await;
    assert_eq!(
        (status, still["active"].as_bool()),
        (StatusCode::OK, Some(false)),
        "never deleted"
    );
    let (status, content_type, refused) = app
        .call(Method::DELETE, &format!("/members/{id}"), &city, None)
        .await;
    assert_problem(
        status,
        &content_type,
        &refused,
        StatusCode::METHOD_NOT_ALLOWED,
    );
    let (status, _, back) = app
        .call(
            Method::POST,
            &format!("/members/{id}/activate"),
            &city,
            None,
        )
        .await;
    assert_eq!(
        (status, back["active"].as_bool()),
        (StatusCode::OK, Some(true))
    );
}

#[tokio::test]
async fn a_sector_is_listed_read_created_updated_and_deactivated() {
    let app = spawn_app().await;
    let district = &app.districts[1];
    let staff = app.token(Role::Staff, district.id).await;

    let (status, _, page) = app.get("/sectors?per_page=100", &staff).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page["total"].as_i64().unwrap() > 0);
    assert!(page["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["org_id"] == district.id.0));

    let (status, _, created) = app
        .call(
            Method::POST,
            "/sectors",
            &staff,
            Some(json!({"name": "新兴领域界", "convenor": "王五", "sort": 40})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        (created["org_id"].as_i64(), created["sort"].as_i64()),
        (Some(district.id.0), Some(40))
    );
    let id = created["id"].as_i64().unwrap();

    let (status, _, duplicate) = app
        .call(
            Method::POST,
            "/sectors",
            &staff,
            Some(json!({"name": "新兴领域界"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_error(&duplicate, "name"), "本组织已有同名项");

    let (status, _, put) = app
        .call(
            Method::PUT,
            &format!("/sectors/{id}"),
            &staff,
            Some(json!({"name": "新兴领域界别", "sort": "7"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{put}");
    assert_eq!(
        (
            put["name"].as_str(),
            put["convenor"].as_str(),
            put["sort"].as_i64()
        ),
        (Some("新兴领域界别"), Some(""), Some(7))
    );
    let (_, _, patched) = app
        .call(
            Method::PATCH,
            &format!("/sectors/{id}"),
            &staff,
            Some(json!({"convenor": "赵六"})),
        )
        .await;
    assert_eq!(
        (patched["name"].as_str(), patched["convenor"].as_str()),
        (Some("新兴领域界别"), Some("赵六"))
    );

    let (status, _, gone) = app
        .call(
            Method::POST,
            &format!("/sectors/{id}/deactivate"),
            &staff,
            None,
        )
        .await;
    assert_eq!(
        (status, gone["active"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let (_, _, listed) = app.get("/sectors?q=新兴领域&status=all", &staff).await;
    assert_eq!(listed["total"], 1);
    let (_, _, active) = app.get("/sectors?q=新兴领域", &staff).await;
    assert_eq!(active["total"], 0);

    let (status, _, term) = app.call(Method::POST, "/terms", &staff, Some(json!({"name": "第二十届", "number": 20, "start_year": 2028, "end_year": 2027, "is_current": false}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_error(&term, "end_year"), "截止年份不能早于起始年份");
}

#[tokio::test]
async fn organisations_and_accounts_are_managed_by_the_system_administrator() {
    let app = spawn_app().await;
    let admin = app.token(Role::SysAdmin, app.city.id).await;
    let parent = &app.districts[2];

    let (status, _, orgs) = app.get("/orgs?level=district&per_page=100", &admin).await;
    assert_eq!(
        (status, orgs["total"].as_i64()),
        (StatusCode::OK, Some(app.districts.len() as i64))
    );
    let (status, _, created) = app.call(Method::POST, "/orgs", &admin, Some(json!({"name": "测试街道政协联络组", "short_name": "测试联络组", "level": "district", "parent_id": parent.id.0}))).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["path"], format!("{}{id}/", parent.path.as_str()));
    let (status, _, renamed) = app
        .call(
            Method::PATCH,
            &format!("/orgs/{id}"),
            &admin,
            Some(json!({"short_name": "联络组"})),
        )
        .await;
    assert_eq!(
        (
            status,
            renamed["short_name"].as_str(),
            renamed["name"].as_str()
        ),
        (StatusCode::OK, Some("联络组"), Some("测试街道政协联络组"))
    );
    let (status, _, moved) = app
        .call(
            Method::PATCH,
            &format!("/orgs/{id}"),
            &admin,
            Some(json!({"parent_id": app.city.id.0})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!field_error(&moved, "parent_id").is_empty());
    let (status, _, gone) = app
        .call(
            Method::POST,
            &format!("/orgs/{id}/deactivate"),
            &admin,
            None,
        )
        .await;
    assert_eq!(
        (status, gone["active"].as_bool()),
        (StatusCode::OK, Some(false))
    );

    let (status, _, users) = app.get("/users?role=staff", &admin).await;
    assert_eq!((status, users["total"].as_i64()), (StatusCode::OK, Some(2)));
    assert!(!users.to_string().contains("password_hash") && !users.to_string().contains("argon2"));
    let new_user = json!({"login": "ceshi01", "display_name": "测试干部", "role": "staff", "org_id": parent.id.0, "password": "abc"});
    let (status, _, weak) = app
        .call(Method::POST, "/users", &admin, Some(new_user.clone()))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&weak, "password").starts_with("密码"));
    let mut strong = new_user.clone();
    strong["password"] = json!("Strong#Pass2026");
    let (status, _, user) = app
        .call(Method::POST, "/users", &admin, Some(strong.clone()))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    assert_eq!(
        (
            user["must_change_password"].as_bool(),
            user["role"].as_str()
        ),
        (Some(true), Some("staff"))
    );
    let uid = user["id"].as_i64().unwrap();
    let (status, _, again) = app.call(Method::POST, "/users", &admin, Some(strong)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_error(&again, "login"), "登录名已被使用");
    let mut admin_role = new_user;
    admin_role["role"] = json!("sec_admin");
    let (_, _, refused) = app
        .call(Method::POST, "/users", &admin, Some(admin_role))
        .await;
    assert!(field_error(&refused, "role").contains("管理员"));

    let (status, _, renamed) = app
        .call(
            Method::PUT,
            &format!("/users/{uid}"),
            &admin,
            Some(json!({"display_name": "测试干部乙"})),
        )
        .await;
    assert_eq!(
        (status, renamed["display_name"].as_str()),
        (StatusCode::OK, Some("测试干部乙"))
    );
    let (status, _, disabled) = app
        .call(
            Method::POST,
            &format!("/users/{uid}/deactivate"),
            &admin,
            None,
        )
        .await;
    assert_eq!(
        (status, disabled["disabled"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    let account = store::user::get_account(&app.state.db, UserId(uid))
        .await
        .unwrap();
    assert!(account.disabled);

    let district_admin = app.token(Role::SysAdmin, app.districts[0].id).await;
    let (status, _, _) = app.get(&format!("/users/{uid}"), &district_admin).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
