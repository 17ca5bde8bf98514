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

#[path = "api/access.rs"]
mod access;
#[path = "api/bulk_assign.rs"]
mod bulk_assign;
#[path = "api/contract.rs"]
mod contract;
#[path = "api/files.rs"]
mod files;
#[path = "api/handling.rs"]
mod handling;
#[path = "api/opinions.rs"]
mod opinions;
#[path = "api/proposal_input.rs"]
mod proposal_input;
#[path = "api/proposals.rs"]
mod proposals;
#[path = "api/records.rs"]
mod records;
#[path = "api/stations.rs"]
mod stations;
#[path = "api/statistics.rs"]
mod statistics;
#[path = "api/supervision.rs"]
mod supervision;

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
