//! The test harness: the real server on port 0 with a fresh database (a
//! temporary SQLite file, or a new PostgreSQL database when
//! `ZHENGXIE_TEST_PG` holds a server URL), the small demo data, and a test
//! clock. Tests drive it over HTTP like a browser.

use std::sync::Arc;

use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use store::clock::TestClock;
use web::{App, AppState, Config};

pub const PASSWORD: &str = store::demo::DEMO_PASSWORD;
/// 2026-11-27 09:00 in Chongqing.
pub const START: i64 = 1_795_741_200;

pub struct TestApp {
    pub base: String,
    pub clock: TestClock,
    pub state: AppState,
    dir: std::path::PathBuf,
    _server: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn random_name() -> String {
    store::session::random_token()[..16].to_string()
}

/// A fresh database URL: SQLite under `dir`, or a new PostgreSQL database.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match std::env::var("ZHENGXIE_TEST_PG") {
        Ok(server) if !server.is_empty() => {
            let server = server.trim_end_matches('/').to_string();
            let name = format!("zhengxie_test_{}", random_name());
            let admin = sqlx::PgPool::connect(&format!("{server}/postgres"))
                .await
                .expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .expect("create test database");
            admin.close().await;
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}/zhengxie.db", dir.display()),
    }
}

pub async fn spawn_app() -> TestApp {
    let dir = std::env::temp_dir().join(format!("zhengxie-test-{}", random_name()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = Config {
        listen: "127.0.0.1:0".into(),
        database_url: fresh_database(&dir).await,
        field_key: "0123456789abcdeffedcba9876543210".into(),
        data_dir: dir.clone(),
        max_upload_mb: 1,
        ..Config::default()
    };
    let clock = TestClock::at(START);
    let app = App::build(config, Arc::new(clock.clone()))
        .await
        .expect("build app");
    store::demo::load(
        &app.state.db,
        &app.state.cipher,
        START,
        store::demo::Scale::Small,
        false,
    )
    .await
    .expect("demo data");
    let base = format!("http://{}", app.addr);
    let state = app.state.clone();
    let server = app.spawn();
    TestApp {
        base,
        clock,
        state,
        dir,
        _server: server,
    }
}

/// The hidden CSRF token in a page.
pub fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    html.find(marker)
        .map(|i| {
            html[i + marker.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect()
        })
        .unwrap_or_default()
}

/// A browser: keeps cookies, does not follow redirects.
pub struct Browser {
    pub client: Client,
    pub base: String,
    pub csrf: String,
}

impl TestApp {
    pub fn browser(&self) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("client");
        Browser {
            client,
            base: self.base.clone(),
            csrf: String::new(),
        }
    }

    /// Logs in and returns the browser, which now holds the session cookie and CSRF token.
    pub async fn login(&self, login: &str) -> Browser {
        let mut b = self.browser();
        let r = b.try_login(login, PASSWORD).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "login as {login} should succeed"
        );
        b.refresh_csrf().await;
        b
    }

    /// A second app server on the same database, as behind a load balancer.
    pub async fn another_server(&self) -> (String, tokio::task::JoinHandle<()>) {
        let config = Config {
            listen: "127.0.0.1:0".into(),
            ..self.state.config.clone()
        };
        let app = App::build(config, Arc::new(self.clock.clone()))
            .await
            .expect("second server");
        (format!("http://{}", app.addr), app.spawn())
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        let page = store::audit::list(&self.state.db, &store::audit::Filter::default(), 1, 10_000)
            .await
            .expect("audit");
        page.rows.into_iter().map(|e| e.action).collect()
    }
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn text(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        let status = r.status();
        (status, r.text().await.unwrap_or_default())
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut form: Vec<(&str, &str)> = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        self.client
            .post(self.url(path))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }

    /// Posts a form exactly as given (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    pub async fn try_login(&mut self, login: &str, password: &str) -> Response {
        let (_, page) = self.text("/login").await;
        let token = csrf_in(&page);
        self.post_raw(
            "/login",
            &[("csrf", &token), ("login", login), ("password", password)],
        )
        .await
    }

    pub async fn refresh_csrf(&mut self) {
        let (_, page) = self.text("/me").await;
        self.csrf = csrf_in(&page);
    }
}

pub fn location(r: &Response) -> String {
    r.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}
