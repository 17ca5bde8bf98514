//! Reading API requests: JSON bodies, query strings, ids and paging. Every
//! failure answers as problem+json with a Chinese message, never as axum's
//! plain-text rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::FieldErrors;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, WebError};

/// A JSON body in, or a JSON body out.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|mime| {
                let mime = mime.trim().to_ascii_lowercase();
                mime == "application/json" || mime.ends_with("+json")
            })
            .unwrap_or(false);
        if !json {
            return Err(bad_request("请求头 Content-Type 应为 application/json"));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| match e.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiError(WebError::PayloadTooLarge),
                _ => bad_request("无法读取请求体"),
            })?;
        parse_body(&bytes).map(Json).map_err(ApiError)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

fn bad_request(message: &str) -> ApiError {
    ApiError(WebError::BadRequest(message.into()))
}

/// Parses a body in two steps so that every error can name its field: first
/// as any JSON (syntax), then each member must be a scalar, then the typed
/// struct (unknown fields).
pub fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WebError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        WebError::BadRequest(format!(
            "请求体不是有效的 JSON（第{}行第{}列附近）",
            e.line(),
            e.column()
        ))
    })?;
    let Some(object) = value.as_object() else {
        return Err(WebError::BadRequest(
            "请求体应为 JSON 对象，如 {\"name\": \"张伟\"}".into(),
        ));
    };
    let mut errors = FieldErrors::new();
    for (field, v) in object {
        if v.is_object() || v.is_array() {
            errors.add(field, "应为文字、数字、true/false 或 null");
        }
    }
    if !errors.is_empty() {
        return Err(WebError::Invalid(errors));
    }
    serde_json::from_value(value).map_err(|e| WebError::Invalid(data_error(&e.to_string())))
}

/// Turns serde's English message about a body's shape into a Chinese field error.
fn data_error(message: &str) -> FieldErrors {
    // serde quotes names in backticks: "unknown field `x`, expected one of `a`, `b`".
    let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    match names.split_first() {
        Some((unknown, allowed)) if message.starts_with("unknown field") => {
            let hint = if allowed.is_empty() {
                "此接口不接受任何字段".to_string()
            } else {
                format!("可用的字段：{}", allowed.join("、"))
            };
            FieldErrors::single(unknown, format!("不支持的字段“{unknown}”，{hint}"))
        }
        Some((missing, _)) if message.starts_with("missing field") => {
            FieldErrors::single(missing, "缺少此字段")
        }
        _ => FieldErrors::single("body", "请求内容的结构不正确"),
    }
}

/// A scalar JSON value read as the text the domain parsers take, so that `3`
/// and `"3"` both work and a wrong value gets the domain's Chinese message.
/// `true`/`false` become `"true"`/`"false"`; null is treated as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Raw(pub String);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        struct ScalarVisitor;

        impl Visitor<'_> for ScalarVisitor {
            type Value = Raw;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string, a number or a boolean")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Raw, E> {
                Ok(Raw::default())
            }
        }

        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// Puts each given field of a request body over a domain input: a field that
/// is absent (or null) keeps the input's value.
macro_rules! overlay {
    ($body:expr => $input:expr; $($field:ident),* $(,)?) => {
        $(if let Some($crate::api::input::Raw(value)) = $body.$field {
            $input.$field = value;
        })*
    };
}
pub(crate) use overlay;

/// A query string; a malformed one is a Chinese 400.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|_| bad_request("查询参数无法识别"))
    }
}

/// The `{id}` of a path. One that is not a number names no record: 404.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<i64>::from_request_parts(parts, state)
            .await
            .map(|p| Id(p.0))
            .map_err(|_| ApiError(WebError::NotFound))
    }
}

pub const DEFAULT_PER_PAGE: i64 = 20;
pub const MAX_PER_PAGE: i64 = 100;

/// A JSON value given for a form field, as the text a page's form would
/// carry: strings as they are, null as empty, numbers and others written out.
pub fn field_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// JSON fields as a page's form (each value through [`field_text`]).
pub fn form_of<F: FromIterator<(String, String)>>(
    fields: impl IntoIterator<Item = (String, serde_json::Value)>,
) -> F {
    fields
        .into_iter()
        .map(|(k, v)| {
            let text = field_text(&v);
            (k, text)
        })
        .collect()
}

/// `?page=&per_page=` as typed: page from 1, per_page from 1 to 100.
pub fn paging(page: Option<&str>, per_page: Option<&str>, errors: &mut FieldErrors) -> (i64, i64) {
    let number = |raw: Option<&str>, default: i64, max: i64| match raw
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        None => Ok(default),
        Some(r) => r
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or(()),
    };
    let page = number(page, 1, i64::MAX).map_err(|_| "页码应为从1开始的整数".to_string());
    let per_page = number(per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)
        .map_err(|_| format!("每页条数应为1到{MAX_PER_PAGE}之间的整数"));
    (
        errors.take("page", page).unwrap_or(1),
        errors
            .take("per_page", per_page)
            .unwrap_or(DEFAULT_PER_PAGE),
    )
}

/// An optional id filter: empty is none, anything else must be a positive number.
pub fn id_filter(
    raw: Option<&str>,
    field: &str,
    label: &str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    let parsed = raw
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("{label}应为正整数"));
    errors.take(field, parsed)
}

/// `status=active|inactive|all` as `Some(true)`, `Some(false)`, `None`;
/// active by default.
pub fn status_filter(raw: Option<&str>, errors: &mut FieldErrors) -> Option<bool> {
    let parsed = match raw.map(str::trim).unwrap_or("") {
        "" | "active" => Ok(Some(true)),
        "inactive" => Ok(Some(false)),
        "all" => Ok(None),
        other => Err(format!("状态“{other}”无效，可选 active、inactive、all")),
    };
    errors.take("status", parsed).unwrap_or(Some(true))
}

/// Finishes a set of query checks: 422 with every error, or the value.
pub fn checked<T>(errors: FieldErrors, value: T) -> Result<T, WebError> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(WebError::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Body {
        name: Option<Raw>,
        sort: Option<Raw>,
    }

    #[test]
    fn scalars_become_text_and_shapes_name_their_field() {
        let body: Body = parse_body(r#"{"name": "教育界", "sort": 3}"#.as_bytes()).unwrap();
        assert_eq!(body.name, Some(Raw("教育界".into())));
        assert_eq!(body.sort, Some(Raw("3".into())));
        let Err(WebError::Invalid(e)) = parse_body::<Body>(br#"{"nmae": "x"}"#) else {
            panic!()
        };
        assert_eq!(
            e.get("nmae"),
            Some("不支持的字段“nmae”，可用的字段：name、sort")
        );
        let Err(WebError::Invalid(e)) = parse_body::<Body>(br#"{"sort": [1]}"#) else {
            panic!()
        };
        assert!(e.get("sort").is_some());
        assert!(matches!(
            parse_body::<Body>(b"{\"name\": "),
            Err(WebError::BadRequest(_))
        ));
        assert!(matches!(
            parse_body::<Body>(b"[]"),
            Err(WebError::BadRequest(_))
        ));
    }

    #[test]
    fn paging_is_bounded() {
        let mut e = FieldErrors::new();
        assert_eq!(paging(None, None, &mut e), (1, DEFAULT_PER_PAGE));
        assert_eq!(paging(Some("3"), Some("100"), &mut e), (3, 100));
        assert!(e.is_empty());
        paging(Some("0"), Some("101"), &mut e);
        assert!(e.get("page").is_some() && e.get("per_page").is_some());
    }
}
