//! Sending notifications outside the app: e-mail and SMS. A [`Sender`]
//! sends one [`Message`]; the job runner calls [`deliver`] for each mail
//! job (`store::mail::KIND`) and retries a failure with back-off. Which
//! sender is used comes from configuration (`mail_sender = "log" | "smtp"`);
//! tests swap in a [`RecordingSender`] through `AppState::outbox`.

mod smtp;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use store::job::Job;
use store::mail::MailJob;

pub use smtp::SmtpSender;

use crate::config::Config;
use crate::state::AppState;

/// One message to one address (an e-mail or a mobile number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// What [`Sender::send`] returns.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Sends messages over one channel. The error is a short text for the job
/// log; it must not contain secrets.
pub trait Sender: Send + Sync {
    fn send<'a>(&'a self, message: &'a Message) -> Sending<'a>;
}

/// Writes each message to the log instead of sending it: the default for
/// mail until SMTP is configured, and the only SMS sender. Real SMS
/// gateways differ per province (each 政务短信平台 has its own interface and
/// signature rules), so an SMS sender for a deployment is written against
/// its gateway and plugged in here.
pub struct LogSender {
    channel: &'static str,
}

impl LogSender {
    pub fn mail() -> Self {
        LogSender { channel: "mail" }
    }
    pub fn sms() -> Self {
        LogSender { channel: "sms" }
    }
}

impl Sender for LogSender {
    fn send<'a>(&'a self, message: &'a Message) -> Sending<'a> {
        Box::pin(async move {
            tracing::info!(
                channel = self.channel,
                to = %message.to,
                subject = %message.subject,
                "message logged, not sent"
            );
            Ok(())
        })
    }
}

/// Keeps every message in memory (for tests); can be told to fail.
#[derive(Default)]
pub struct RecordingSender {
    sent: Mutex<Vec<Message>>,
    failures_left: AtomicUsize,
}

impl RecordingSender {
    /// The messages sent so far.
    pub fn sent(&self) -> Vec<Message> {
        self.sent.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The next `n` sends fail, as an unreachable server would.
    pub fn fail_next(&self, n: usize) {
        self.failures_left.store(n, Ordering::SeqCst);
    }
}

impl Sender for RecordingSender {
    fn send<'a>(&'a self, message: &'a Message) -> Sending<'a> {
        Box::pin(async move {
            let failing = self
                .failures_left
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok();
            if failing {
                return Err("邮件服务器暂时无法连接".to_string());
            }
            self.sent
                .lock()
                .map_err(|_| "recording sender poisoned".to_string())?
                .push(message.clone());
            Ok(())
        })
    }
}

/// The senders in use, replaceable at run time (tests).
pub struct Outbox {
    mail: RwLock<Arc<dyn Sender>>,
    sms: RwLock<Arc<dyn Sender>>,
}

impl Outbox {
    /// The senders the configuration names. An SMTP sender that cannot be
    /// built (the configuration check should have caught it) falls back to
    /// logging, loudly.
    pub fn from_config(config: &Config) -> Outbox {
        let mail: Arc<dyn Sender> = match config.mail_sender.as_str() {
            "smtp" => match SmtpSender::new(config) {
                Ok(sender) => Arc::new(sender),
                Err(e) => {
                    tracing::error!(error = %e, "SMTP sender unavailable; mail is only logged");
                    Arc::new(LogSender::mail())
                }
            },
            _ => Arc::new(LogSender::mail()),
        };
        Outbox {
            mail: RwLock::new(mail),
            sms: RwLock::new(Arc::new(LogSender::sms())),
        }
    }

    pub fn mail(&self) -> Arc<dyn Sender> {
        match self.mail.read() {
            Ok(sender) => sender.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn sms(&self) -> Arc<dyn Sender> {
        match self.sms.read() {
            Ok(sender) => sender.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Replaces the mail sender (tests inject a [`RecordingSender`]).
    pub fn use_mail(&self, sender: Arc<dyn Sender>) {
        match self.mail.write() {
            Ok(mut slot) => *slot = sender,
            Err(poisoned) => *poisoned.into_inner() = sender,
        }
    }

    /// Replaces the SMS sender.
    pub fn use_sms(&self, sender: Arc<dyn Sender>) {
        match self.sms.write() {
            Ok(mut slot) => *slot = sender,
            Err(poisoned) => *poisoned.into_inner() = sender,
        }
    }
}

/// Runs one mail job: sends it through the configured mail sender. An
/// error fails the job, which the runner retries later.
pub async fn deliver(state: &AppState, job: &Job) -> Result<(), String> {
    let mail: MailJob =
        serde_json::from_value(job.payload.clone()).map_err(|e| format!("bad payload: {e}"))?;
    let message = Message {
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
    };
    state.outbox.mail().send(&message).await
}
