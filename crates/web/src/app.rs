//! Building and running the application: the router, the request span, the
//! session loader, graceful shutdown. The app binds before it runs, so tests
//! can ask for port 0 and read the port back.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use store::{Clock, Db, FieldCipher};
use tokio::net::TcpListener;
use tracing::Instrument;

use crate::config::Config;
use crate::state::AppState;
use crate::{
    accounts, api, audit_log, auth, home, me, members, messages, proposals, security, structure,
};

pub struct App {
    listener: TcpListener,
    router: Router,
    pub state: AppState,
    pub addr: SocketAddr,
}

impl App {
    /// Connects, migrates and binds. `clock` is the system clock in production
    /// and a test clock in tests.
    pub async fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow_like::Result<App> {
        let cipher = FieldCipher::from_hex(&config.field_key)
            .map_err(|m| format!("配置项 field_key 有误：{m}"))?;
        let db = Db::connect(&config.database_url).await?;
        store::migrate::run(&db, clock.now()).await?;
        let listener = TcpListener::bind(&config.listen)
            .await
            .map_err(|e| format!("无法监听 {}：{e}", config.listen))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let state = AppState::new(db, config, clock, cipher);
        Ok(App {
            listener,
            router: router(state.clone()),
            state,
            addr,
        })
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
    /// With `tls_cert` and `tls_key` configured it serves HTTPS (rustls).
    pub async fn run(self) -> anyhow_like::Result<()> {
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let runner = crate::jobs::spawn_runner(self.state.clone());
        match (&self.state.config.tls_cert, &self.state.config.tls_key) {
            (Some(cert), Some(key)) => {
                // Only one provider is compiled in; installing it twice is harmless.
                let _ = rustls::crypto::ring::default_provider().install_default();
                let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
                    .await
                    .map_err(|e| format!("无法读取 TLS 证书或私钥（tls_cert / tls_key）：{e}"))?;
                let listener = self.listener.into_std().map_err(|e| e.to_string())?;
                let handle = axum_server::Handle::new();
                let stopper = handle.clone();
                tokio::spawn(async move {
                    shutdown_signal().await;
                    stopper.graceful_shutdown(Some(std::time::Duration::from_secs(20)));
                });
                tracing::info!(addr = %self.addr, "serving https");
                axum_server::from_tcp_rustls(listener, tls)
                    .handle(handle)
                    .serve(service)
                    .await
                    .map_err(|e| e.to_string())?;
            }
            _ => {
                tracing::info!(addr = %self.addr, "serving");
                axum::serve(self.listener, service)
                    .with_graceful_shutdown(shutdown_signal())
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        runner.abort();
        self.state.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }

    /// Serves in the background until the returned handle is dropped (tests).
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(self.listener, service).await;
        })
    }
}

/// A tiny error alias so that the binary can print a Chinese message.
pub mod anyhow_like {
    #[derive(Debug)]
    pub struct Error(pub String);
    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for Error {}
    impl From<String> for Error {
        fn from(s: String) -> Self {
            Error(s)
        }
    }
    impl From<store::StoreError> for Error {
        fn from(e: store::StoreError) -> Self {
            Error(e.to_string())
        }
    }
    pub type Result<T> = std::result::Result<T, Error>;
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}

pub fn router(state: AppState) -> Router {
    let upload_limit = (state.config.max_upload_mb as usize) * 1024 * 1024;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/assets/app.css", get(css))
        .route("/assets/app.js", get(js))
        .route("/login", get(auth::login::page).post(auth::login::submit))
        .route("/logout", post(auth::login::logout))
        .route("/elder", post(auth::login::anonymous_elder))
        .merge(home::routes())
        .merge(messages::routes())
        .merge(proposals::routes())
        .merge(crate::opinions::routes())
        .merge(crate::supervision::routes())
        .merge(crate::files::routes())
        .merge(crate::stations::routes())
        .merge(crate::letters::routes())
        .merge(me::routes())
        .merge(members::routes())
        .merge(structure::routes())
        .merge(accounts::routes())
        .merge(security::routes())
        .merge(crate::settings::routes())
        .merge(audit_log::routes())
        .nest("/api/v1", api::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(upload_limit))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(on_panic))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::load_session,
        ))
        .layer(middleware::from_fn(request_span))
        .with_state(state)
}

/// A bug must not show a stack trace: log it and answer with the Chinese error page.
fn on_panic(cause: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let text = cause
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    crate::error::WebError::Internal(format!("panic: {text}")).into_response()
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError::NotFound
}

/// One span per request, named by the matched route, not the raw URL.
async fn request_span(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let method = req.method().clone();
    let span =
        tracing::info_span!("request", %method, route = %route, status = tracing::field::Empty);
    let started = std::time::Instant::now();
    async move {
        let mut response = next.run(req).await;
        let status = response.status().as_u16();
        tracing::Span::current().record("status", status);
        tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "done");
        let headers = response.headers_mut();
        headers.insert("x-content-type-options", header::HeaderValue::from_static("nosniff"));
        headers.insert("x-frame-options", header::HeaderValue::from_static("DENY"));
        headers.insert("referrer-policy", header::HeaderValue::from_static("same-origin"));
        headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(header::HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ));
        response
    }
    .instrument(span)
    .await
}

async fn healthz() -> &'static str {
    "ok"
}

/// Ready when the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.raw("SELECT 1").await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        CSS,
    )
        .into_response()
}

async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        JS,
    )
        .into_response()
}
