//! The web layer's one error type, mapped to HTTP in one place: a Chinese
//! error page for the browser, `application/problem+json` for the API.
//! Internals are logged with a correlation id and never shown.

use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::permission::Denied;
use domain::FieldErrors;
use store::StoreError;

#[derive(Debug)]
pub enum WebError {
    /// Not logged in: the browser goes to the login page.
    LoginRequired,
    /// The password must be changed first (first login, expired).
    PasswordChangeRequired,
    Forbidden,
    NotFound,
    /// The form's CSRF token is missing or wrong.
    Csrf,
    /// Field errors (the API answers 422; pages re-render their form instead).
    Invalid(FieldErrors),
    /// A request that cannot be understood, with a Chinese message.
    BadRequest(String),
    PayloadTooLarge,
    /// The business rules refused; the message says why, in Chinese.
    Refused(domain::refusal::Refusal),
    /// Someone changed the record first.
    Conflict(String),
    Internal(String),
}

pub type WebResult<T> = Result<T, WebError>;

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => WebError::NotFound,
            StoreError::Invalid(fields) => WebError::Invalid(fields),
            StoreError::Refused(refusal) => WebError::Refused(refusal),
            StoreError::Conflict(message) => WebError::Conflict(message),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<Denied> for WebError {
    fn from(d: Denied) -> Self {
        match d {
            Denied::Forbidden => WebError::Forbidden,
            Denied::NotFound => WebError::NotFound,
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::LoginRequired => StatusCode::UNAUTHORIZED,
            WebError::PasswordChangeRequired => StatusCode::FORBIDDEN,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Refused(r) => match r.kind {
                domain::refusal::RefusalKind::NotPermitted => StatusCode::FORBIDDEN,
                domain::refusal::RefusalKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::CONFLICT,
            },
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn title(&self) -> String {
        match self {
            WebError::LoginRequired => "请先登录".into(),
            WebError::PasswordChangeRequired => "请先修改密码".into(),
            WebError::Forbidden => "无权访问".into(),
            WebError::NotFound => "页面不存在".into(),
            WebError::Csrf => "页面已过期，请刷新后重试".into(),
            WebError::Invalid(_) => "填写有误".into(),
            WebError::BadRequest(m) => m.clone(),
            WebError::PayloadTooLarge => "上传的文件过大".into(),
            WebError::Refused(r) => r.message.clone(),
            WebError::Conflict(_) => "操作冲突".into(),
            WebError::Internal(_) => "系统繁忙，请稍后再试".into(),
        }
    }

    fn detail(&self) -> String {
        match self {
            WebError::Forbidden => "您的角色不能进行此操作。如需开通，请联系安全管理员。".into(),
            WebError::NotFound => "您要找的内容不存在，或不在您的查看范围内。".into(),
            WebError::Csrf => "为保护您的账号，表单需要从本系统页面提交。".into(),
            WebError::Invalid(f) => f.to_string(),
            WebError::PayloadTooLarge => "请压缩或拆分后再上传。".into(),
            WebError::Conflict(m) => m.clone(),
            _ => String::new(),
        }
    }

    /// Logs internals under a correlation id and returns the id.
    fn log(&self) -> Option<String> {
        if let WebError::Internal(cause) = self {
            let id = store::session::random_token()[..12].to_string();
            tracing::error!(correlation_id = %id, cause = %cause, "request failed");
            Some(id)
        } else {
            None
        }
    }

    /// The API form: RFC 9457 problem details with field errors.
    pub fn into_problem(self) -> Response {
        let correlation = self.log();
        let status = self.status();
        let mut body = serde_json::json!({
            "type": "about:blank",
            "title": self.title(),
            "status": status.as_u16(),
        });
        let detail = self.detail();
        if !detail.is_empty() {
            body["detail"] = detail.into();
        }
        if let WebError::Invalid(fields) = &self {
            body["errors"] = serde_json::to_value(&fields.0).unwrap_or_default();
        }
        if let Some(id) = correlation {
            body["correlation_id"] = id.into();
        }
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response()
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    detail: String,
    correlation: Option<String>,
    status: u16,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::LoginRequired => return Redirect::to("/login").into_response(),
            WebError::PasswordChangeRequired => {
                return Redirect::to("/me/password").into_response()
            }
            _ => {}
        }
        let correlation = self.log();
        let status = self.status();
        let page = ErrorPage {
            title: self.title(),
            detail: self.detail(),
            correlation,
            status: status.as_u16(),
        };
        match page.render() {
            Ok(html) => (status, axum::response::Html(html)).into_response(),
            Err(_) => (status, "error").into_response(),
        }
    }
}

/// Wraps a result so that errors answer as problem+json (for `/api/v1`).
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_problem()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
