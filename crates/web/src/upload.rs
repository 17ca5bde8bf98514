//! Reading a multipart form with one file: every upload in the product
//! (members' workbook, the assignment plan, attachments) comes this way.
//! A body over the server's limit is `PayloadTooLarge`; a broken body is a
//! plain Chinese message, never a stack trace.

use std::collections::BTreeMap;

use axum::extract::multipart::MultipartError;
use axum::extract::Multipart;
use axum::http::StatusCode;

use crate::auth::{same_secret, User};
use crate::error::{WebError, WebResult};

/// A multipart form as sent: its text fields and the file in field `file`.
#[derive(Debug, Default)]
pub struct Upload {
    pub fields: BTreeMap<String, String>,
    /// The name the browser gave the file (empty when none was chosen).
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl Upload {
    pub async fn read(mut multipart: Multipart) -> WebResult<Upload> {
        let mut upload = Upload::default();
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => return Err(broken(e, "上传内容不完整，请重新选择文件上传")),
            };
            let name = field.name().unwrap_or("").to_string();
            if name == "file" {
                upload.file_name = field.file_name().unwrap_or("").to_string();
                upload.bytes = match field.bytes().await {
                    Ok(b) => b.to_vec(),
                    Err(e) => return Err(broken(e, "文件上传中断，请重试")),
                };
            } else {
                let text = field.text().await.unwrap_or_default();
                upload.fields.insert(name, text);
            }
        }
        Ok(upload)
    }

    /// A text field, empty when missing.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// The page form's CSRF token must be the session's.
    pub fn check_csrf(&self, user: &User) -> WebResult<()> {
        if same_secret(self.field("csrf"), user.csrf()) {
            Ok(())
        } else {
            Err(WebError::Csrf)
        }
    }
}

fn broken(e: MultipartError, message: &str) -> WebError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::PayloadTooLarge
    } else {
        WebError::BadRequest(message.into())
    }
}
