//! The JSON API over HTTP: a real server on port 0, a fresh database with
//! the small demo data, tokens issued for several roles and organisations.
//! Set `ZHENGXIE_TEST_PG=postgres://postgres@127.0.0.1:5432` to run on a
//! fresh PostgreSQL database instead of a temporary SQLite file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use domain::{OrgId, Role, UserId};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use store::audit::Who;
use store::org::Org;

struct TestApp {
    base: String,
    client: reqwest::Client,
    state: web::AppState,
    city: Org,
    /// The districts, in tree order.
    districts: Vec<Org>,
    dir: std::path::PathBuf,
    /// The PostgreSQL server and database to drop afterwards.
    pg: Option<(String, String)>,
    _server: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((server, name)) = self.pg.take() {
            // Drop runs inside the test's runtime, so the cleanup gets its own.
            let cleanup = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    let admin = store::Db::connect(&format!("{server}/postgres"))
                        .await
                        .unwrap();
                    let _ = admin
                        .raw(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    admin.close().await;
                });
            });
            let _ = cleanup.join();
        }
    }
}

fn random_hex() -> String {
    hex::encode(rand::random::<[u8; 8]>())
}

/// Starts the app on port 0 with a fresh database and the small demo data.
async fn spawn_app() -> TestApp {
    let dir = std::env::temp_dir().join(format!("zhengxie-api-{}", random_hex()));
    std::fs::create_dir_all(&dir).unwrap();
    let pg = std::env::var("ZHENGXIE_TEST_PG").ok().map(|server| {
        (
            server.trim_end_matches('/').to_string(),
            format!("zhengxie_test_{}", random_hex()),
        )
    });
    let database_url = match &pg {
        Some((server, name)) => {
            let admin = store::Db::connect(&format!("{server}/postgres"))
                .await
                .unwrap();
            admin.raw(&format!("CREATE DATABASE {name}")).await.unwrap();
            admin.close().await;
            format!("{server}/{name}")
        }
        None => format!("sqlite://{}", dir.join("test.db").display()),
    };
    let config = web::Config {
        listen: "127.0.0.1:0".into(),
        database_url,
        field_key: "0123456789abcdeffedcba9876543210".into(),
        data_dir: dir.clone(),
        ..Default::default()
    };
    let clock = Arc::new(store::clock::TestClock::at(1_795_000_000));
    let app = web::App::build(config, clock).await.unwrap();
    let state = app.state.clone();
    store::demo::load(
        &state.db,
        &state.cipher,
        state.now(),
        store::demo::Scale::Small,
        false,
    )
    .await
    .unwrap();
    let orgs = store::org::list_orgs(&state.db, &domain::org::OrgPath::from_stored("/".into()))
        .await
        .unwrap();
    let city = orgs
        .iter()
        .find(|o| o.parent_id.is_none())
        .cloned()
        .unwrap();
    assert_eq!(city.short_name, "重庆市政协");
    let districts = orgs
        .into_iter()
        .filter(|o| o.parent_id == Some(city.id))
        .collect();
    let base = format!("http://{}/api/v1", app.addr);
    TestApp {
        base,
        client: reqwest::Client::new(),
        state,
        city,
        districts,
        dir,
        pg,
        _server: app.spawn(),
    }
}

impl TestApp {
    /// Issues a token for `role` in `org` and returns its secret.
    async fn token(&self, role: Role, org: OrgId) -> String {
        let who = Who {
            user_id: None,
            login: "test".into(),
            ip: "127.0.0.1".into(),
        };
        let by = store::user::find_by_login(&self.state.db, "anquan")
            .await
            .unwrap()
            .unwrap()
            .id;
        let name = format!("{}-{}", role.code(), org);
        store::token::issue(&self.state.db, self.state.now(), &who, &name, org, role, by)
            .await
            .unwrap()
            .1
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, String, Value) {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request.send().await.unwrap()).await
    }

    async fn get(&self, path: &str, token: &str) -> (StatusCode, String, Value) {
        self.call(Method::GET, path, token, None).await
    }

    async fn member_count(&self) -> i64 {
        let all = domain::org::OrgPath::from_stored("/".into());
        let filter = store::member::MemberFilter::default();
        store::member::list(&self.state.db, &all, &filter, 1, 1)
            .await
            .unwrap()
            .total
    }

    /// The first member of an organisation, through the API with a city token.
    async fn first_member_of(&self, org: &Org, city_token: &str) -> Value {
        let (status, _, page) = self
            .get(
                &format!("/members?org_id={}&per_page=1", org.id),
                city_token,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        page["items"][0].clone()
    }

    /// A member body that is valid for `org`, using its first sector.
    async fn valid_member(&self, org: &Org, token: &str) -> Value {
        let (_, _, sectors) = self
            .get(&format!("/sectors?org_id={}&per_page=1", org.id), token)
            .await;
        json!({
            "name": "测试委员",
            "gender": "female",
            "birth_date": "1975-06-01",
            "party": "jiusan",
            "org_id": org.id.0,
            "sector_id": sectors["items"][0]["id"],
            "post": "member",
            "work_unit": "重庆大学",
            "phone": "13912345678",
            "id_number": "11010519491231002X",
        })
    }
}

/// Status, content type and JSON body of a response.
async fn answer(response: reqwest::Response) -> (StatusCode, String, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    let body =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    (status, content_type, body)
}

fn assert_problem(status: StatusCode, content_type: &str, body: &Value, expected: StatusCode) {
    assert_eq!(status, expected, "{body}");
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["status"], expected.as_u16());
    assert!(
        body["title"].as_str().is_some_and(|t| !t.is_ascii()),
        "Chinese title: {body}"
    );
}

/// The message of one field error in a 422 body.
fn field_error<'a>(body: &'a Value, field: &str) -> &'a str {
    body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == field)
        .and_then(|e| e["message"].as_str())
        .unwrap_or("")
}

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
