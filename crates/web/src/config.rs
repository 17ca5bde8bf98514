//! Configuration in layers: defaults, then a TOML file, then `ZHENGXIE_*`
//! environment variables. A bad value names itself.

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on, e.g. `127.0.0.1:8080` (port 0 picks a free port).
    pub listen: String,
    /// `sqlite://data/zhengxie.db` or `postgres://user@host/db`.
    pub database_url: String,
    /// The SM4 key for personal data, 32 hex digits. Never stored in the database.
    pub field_key: String,
    /// Where the embedded database and generated files live.
    pub data_dir: PathBuf,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// `text` or `json`.
    pub log_format: String,
    /// Largest accepted upload, in MiB.
    pub max_upload_mb: u64,
    /// The most files on one answer or piece of rectification evidence.
    pub max_attachments: usize,
    /// Read the client address from `X-Forwarded-For` (behind a trusted proxy).
    pub trust_proxy: bool,
    /// Mark cookies Secure even without TLS here (TLS ends at the proxy).
    pub secure_cookies: bool,
    /// How notification mail goes out: `log` (written to the log only) or `smtp`.
    pub mail_sender: String,
    /// How SMS goes out: `log` only, until a province's gateway is plugged in.
    pub sms_sender: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `starttls` (default), `tls` (implicit, usually port 465) or `none`.
    pub smtp_security: String,
    pub smtp_user: String,
    pub smtp_password: String,
    /// The sender, e.g. `数字政协 <noreply@example.gov.cn>`.
    pub mail_from: String,
    /// Days a finished background export (提案汇编) is kept for download
    /// before its file is removed.
    pub export_keep_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            database_url: "sqlite://data/zhengxie.db".into(),
            field_key: String::new(),
            data_dir: PathBuf::from("data"),
            tls_cert: None,
            tls_key: None,
            log_format: "text".into(),
            max_upload_mb: 10,
            max_attachments: 20,
            trust_proxy: false,
            secure_cookies: false,
            mail_sender: "log".into(),
            sms_sender: "log".into(),
            smtp_host: String::new(),
            smtp_port: 587,
            smtp_security: "starttls".into(),
            smtp_user: String::new(),
            smtp_password: String::new(),
            mail_from: String::new(),
            export_keep_days: 7,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("database_url", &redact_url(&self.database_url))
            .field("field_key", &"<redacted>")
            .field("data_dir", &self.data_dir)
            .field("tls_cert", &self.tls_cert)
            .field("tls_key", &self.tls_key)
            .field("log_format", &self.log_format)
            .field("max_upload_mb", &self.max_upload_mb)
            .field("max_attachments", &self.max_attachments)
            .field("trust_proxy", &self.trust_proxy)
            .field("secure_cookies", &self.secure_cookies)
            .field("mail_sender", &self.mail_sender)
            .field("sms_sender", &self.sms_sender)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_security", &self.smtp_security)
            .field("smtp_user", &self.smtp_user)
            .field("smtp_password", &"<redacted>")
            .field("mail_from", &self.mail_from)
            .field("export_keep_days", &self.export_keep_days)
            .finish()
    }
}

/// Hides a password in a database URL.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_part = &url[scheme + 3..at];
            let user = user_part.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// What went wrong while reading configuration, naming the setting.
#[derive(Debug, thiserror::Error)]
#[error("配置项 {name} 有误：{message}")]
pub struct ConfigError {
    pub name: String,
    pub message: String,
}

fn bad(name: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        name: name.into(),
        message: message.into(),
    }
}

impl Config {
    /// Reads the TOML file (if given) over the defaults, then the environment.
    pub fn load(
        file: Option<&std::path::Path>,
        env: impl Iterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut config = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| bad(&path.display().to_string(), format!("无法读取：{e}")))?;
                toml::from_str::<Config>(&text)
                    .map_err(|e| bad(&path.display().to_string(), e.message().to_string()))?
            }
            None => Config::default(),
        };
        for (key, value) in env {
            let Some(name) = key.strip_prefix("ZHENGXIE_") else {
                continue;
            };
            config.set(&key, name, value)?;
        }
        config.check()?;
        Ok(config)
    }

    fn set(&mut self, key: &str, name: &str, value: String) -> Result<(), ConfigError> {
        let flag = |v: &str| match v {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            _ => Err(bad(key, format!("应为 true 或 false，得到“{v}”"))),
        };
        match name {
            "LISTEN" => self.listen = value,
            "DATABASE_URL" | "DB" => self.database_url = value,
            "FIELD_KEY" => self.field_key = value,
            "DATA_DIR" => self.data_dir = value.into(),
            "TLS_CERT" => self.tls_cert = Some(value.into()),
            "TLS_KEY" => self.tls_key = Some(value.into()),
            "LOG_FORMAT" => self.log_format = value,
            // Read elsewhere: the config path, the log filter, the CLI password, tests.
            "CONFIG" | "LOG" | "NEW_PASSWORD" | "TEST_PG" => {}
            "MAX_UPLOAD_MB" => {
                self.max_upload_mb = value
                    .parse()
                    .map_err(|_| bad(key, format!("应为整数，得到“{value}”")))?
            }
            "MAX_ATTACHMENTS" => {
                self.max_attachments = value
                    .parse()
                    .map_err(|_| bad(key, format!("应为整数，得到“{value}”")))?
            }
            "EXPORT_KEEP_DAYS" => {
                self.export_keep_days = value
                    .parse()
                    .ok()
                    .filter(|d| *d >= 1)
                    .ok_or_else(|| bad(key, format!("应为不小于1的整数天数，得到“{value}”")))?
            }
            "TRUST_PROXY" => self.trust_proxy = flag(&value)?,
            "SECURE_COOKIES" => self.secure_cookies = flag(&value)?,
            "MAIL_SENDER" => self.mail_sender = value,
            "SMS_SENDER" => self.sms_sender = value,
            "SMTP_HOST" => self.smtp_host = value,
            "SMTP_PORT" => {
                self.smtp_port = value
                    .parse()
                    .map_err(|_| bad(key, format!("应为端口号，得到“{value}”")))?
            }
            "SMTP_SECURITY" => self.smtp_security = value,
            "SMTP_USER" => self.smtp_user = value,
            "SMTP_PASSWORD" => self.smtp_password = value,
            "MAIL_FROM" => self.mail_from = value,
            _ => return Err(bad(key, "未知的配置项")),
        }
        Ok(())
    }

    /// Checks values that parse but make no sense.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            return Err(bad(
                "listen",
                format!("应为“地址:端口”，如 127.0.0.1:8080，得到“{}”", self.listen),
            ));
        }
        if !(self.database_url.starts_with("sqlite:")
            || self.database_url.starts_with("postgres://")
            || self.database_url.starts_with("postgresql://"))
        {
            return Err(bad("database_url", "应以 sqlite:// 或 postgres:// 开头"));
        }
        if !self.field_key.is_empty() {
            store::FieldCipher::from_hex(&self.field_key).map_err(|m| bad("field_key", m))?;
        }
        if !matches!(self.log_format.as_str(), "text" | "json") {
            return Err(bad(
                "log_format",
                format!("应为 text 或 json，得到“{}”", self.log_format),
            ));
        }
        if !(1..=200).contains(&self.max_upload_mb) {
            return Err(bad("max_upload_mb", "应在1到200之间"));
        }
        if !(1..=200).contains(&self.max_attachments) {
            return Err(bad("max_attachments", "应在1到200之间"));
        }
        if self.tls_cert.is_some() != self.tls_key.is_some() {
            return Err(bad("tls_cert", "启用 TLS 需同时配置 tls_cert 和 tls_key"));
        }
        self.check_mail()
    }

    /// How large and how many attachments may be.
    pub fn attachment_limits(&self) -> domain::files::AttachmentLimits {
        domain::files::AttachmentLimits {
            max_bytes: self.max_upload_mb << 20,
            max_files: self.max_attachments,
        }
    }

    fn check_mail(&self) -> Result<(), ConfigError> {
        if self.sms_sender != "log" {
            return Err(bad(
                "sms_sender",
                "目前只支持 log（短信网关需按本地平台接入）",
            ));
        }
        match self.mail_sender.as_str() {
            "log" => return Ok(()),
            "smtp" => {}
            other => {
                return Err(bad(
                    "mail_sender",
                    format!("应为 log 或 smtp，得到“{other}”"),
                ))
            }
        }
        if self.smtp_host.trim().is_empty() {
            return Err(bad("smtp_host", "mail_sender 为 smtp 时必须填写"));
        }
        if !matches!(self.smtp_security.as_str(), "starttls" | "tls" | "none") {
            return Err(bad("smtp_security", "应为 starttls、tls 或 none"));
        }
        self.mail_from
            .parse::<lettre::message::Mailbox>()
            .map_err(|_| {
                bad(
                    "mail_from",
                    "应为发件地址，如 数字政协 <noreply@example.gov.cn>",
                )
            })?;
        Ok(())
    }

    pub fn tls_enabled(&self) -> bool {
        self.tls_cert.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Iterator<Item = (String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn environment_overrides_and_bad_values_name_themselves() {
        let c = Config::load(
            None,
            env(&[("ZHENGXIE_LISTEN", "0.0.0.0:9000"), ("PATH", "/bin")]),
        )
        .unwrap();
        assert_eq!(c.listen, "0.0.0.0:9000");
        let e = Config::load(None, env(&[("ZHENGXIE_MAX_UPLOAD_MB", "lots")])).unwrap_err();
        assert_eq!(e.name, "ZHENGXIE_MAX_UPLOAD_MB");
        let e = Config::load(None, env(&[("ZHENGXIE_LISTEN", "nowhere")])).unwrap_err();
        assert_eq!(e.name, "listen");
        let e = Config::load(None, env(&[("ZHENGXIE_FIELD_KEY", "xyz")])).unwrap_err();
        assert_eq!(e.name, "field_key");
        let e = Config::load(None, env(&[("ZHENGXIE_COLOUR", "red")])).unwrap_err();
        assert_eq!(e.name, "ZHENGXIE_COLOUR");
        let e = Config::load(None, env(&[("ZHENGXIE_MAIL_SENDER", "smtp")])).unwrap_err();
        assert_eq!(e.name, "smtp_host");
        let smtp = Config::load(
            None,
            env(&[
                ("ZHENGXIE_MAIL_SENDER", "smtp"),
                ("ZHENGXIE_SMTP_HOST", "smtp.example.gov.cn"),
                ("ZHENGXIE_SMTP_PORT", "465"),
                ("ZHENGXIE_SMTP_SECURITY", "tls"),
                ("ZHENGXIE_MAIL_FROM", "数字政协 <noreply@example.gov.cn>"),
            ]),
        )
        .unwrap();
        assert_eq!(smtp.smtp_port, 465);
        assert!(crate::outbox::SmtpSender::new(&smtp).is_ok());
    }

    #[test]
    fn debug_hides_secrets() {
        let c = Config {
            field_key: "0123456789abcdeffedcba9876543210".into(),
            database_url: "postgres://app:secret@db/zx".into(),
            smtp_password: "mailsecret".into(),
            ..Config::default()
        };
        let shown = format!("{c:?}");
        assert!(!shown.contains("secret"));
        assert!(!shown.contains("mailsecret"));
        assert!(!shown.contains("0123456789abcdef"));
    }
}
