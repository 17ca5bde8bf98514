//! Mail over SMTP with `lettre`: STARTTLS on 587 by default, implicit TLS
//! (`smtp_security = "tls"`, usually port 465) or plain (`"none"`, only for
//! a relay on the same host). TLS is rustls; no OpenSSL.

use lettre::message::{header::ContentType, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::{Message, Sender, Sending};
use crate::config::Config;

pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    pub fn new(config: &Config) -> Result<SmtpSender, String> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| format!("mail_from 无效：{e}"))?;
        let host = config.smtp_host.as_str();
        let builder = match config.smtp_security.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
            "none" => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                host,
            )),
            _ => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
        }
        .map_err(|e| format!("smtp_host 无效：{e}"))?;
        let mut builder = builder.port(config.smtp_port);
        if !config.smtp_user.is_empty() {
            builder = builder.credentials(Credentials::new(
                config.smtp_user.clone(),
                config.smtp_password.clone(),
            ));
        }
        Ok(SmtpSender {
            transport: builder.build(),
            from,
        })
    }
}

impl Sender for SmtpSender {
    fn send<'a>(&'a self, message: &'a Message) -> Sending<'a> {
        Box::pin(async move {
            let to: Mailbox = message
                .to
                .parse()
                .map_err(|e| format!("收件地址无效：{e}"))?;
            let email = lettre::Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(message.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(message.body.clone())
                .map_err(|e| format!("邮件无法生成：{e}"))?;
            self.transport
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| format!("SMTP 发送失败：{e}"))
        })
    }
}
