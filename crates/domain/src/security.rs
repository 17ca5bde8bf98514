//! The security policy: passwords, lockout and sessions. Every number is a
//! setting the security administrator edits; these are only the defaults.

use serde::{Deserialize, Serialize};

use crate::field::FieldErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SecurityPolicy {
    /// Minimum password length in characters.
    pub password_min_length: u32,
    /// How many of the four classes (lower, upper, digit, symbol) are required.
    pub password_min_classes: u32,
    /// Days before a password must be changed; 0 turns rotation off.
    pub password_rotation_days: u32,
    /// Failed logins before the account locks.
    pub lockout_threshold: u32,
    pub lockout_minutes: u32,
    /// Minutes of inactivity that end a session.
    pub session_idle_minutes: u32,
}

impl Default for SecurityPolicy {
    fn default() -> Self {
        SecurityPolicy {
            password_min_length: 8,
            password_min_classes: 3,
            password_rotation_days: 90,
            lockout_threshold: 5,
            lockout_minutes: 30,
            session_idle_minutes: 30,
        }
    }
}

/// The raw policy form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SecurityPolicyInput {
    pub password_min_length: String,
    pub password_min_classes: String,
    pub password_rotation_days: String,
    pub lockout_threshold: String,
    pub lockout_minutes: String,
    pub session_idle_minutes: String,
}

fn bounded(raw: &str, label: &str, min: u32, max: u32) -> Result<u32, String> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| format!("{label}应为{min}到{max}之间的整数"))
}

impl SecurityPolicyInput {
    pub fn from_policy(p: &SecurityPolicy) -> Self {
        SecurityPolicyInput {
            password_min_length: p.password_min_length.to_string(),
            password_min_classes: p.password_min_classes.to_string(),
            password_rotation_days: p.password_rotation_days.to_string(),
            lockout_threshold: p.lockout_threshold.to_string(),
            lockout_minutes: p.lockout_minutes.to_string(),
            session_idle_minutes: p.session_idle_minutes.to_string(),
        }
    }

    pub fn parse(&self) -> Result<SecurityPolicy, FieldErrors> {
        let mut e = FieldErrors::new();
        let len = e.take(
            "password_min_length",
            bounded(&self.password_min_length, "密码最短长度", 8, 64),
        );
        let classes = e.take(
            "password_min_classes",
            bounded(&self.password_min_classes, "字符类别数", 1, 4),
        );
        let rotation = e.take(
            "password_rotation_days",
            bounded(&self.password_rotation_days, "密码有效天数", 0, 365),
        );
        let threshold = e.take(
            "lockout_threshold",
            bounded(&self.lockout_threshold, "失败次数", 3, 20),
        );
        let minutes = e.take(
            "lockout_minutes",
            bounded(&self.lockout_minutes, "锁定时长", 1, 1440),
        );
        let idle = e.take(
            "session_idle_minutes",
            bounded(&self.session_idle_minutes, "空闲超时", 5, 480),
        );
        e.finish(|| {
            Some(SecurityPolicy {
                password_min_length: len?,
                password_min_classes: classes?,
                password_rotation_days: rotation?,
                lockout_threshold: threshold?,
                lockout_minutes: minutes?,
                session_idle_minutes: idle?,
            })
        })
    }
}

impl SecurityPolicy {
    /// Checks a new password against the policy; the message says what is missing.
    pub fn check_password(&self, password: &str, login: &str) -> Result<(), String> {
        let length = password.chars().count() as u32;
        if length < self.password_min_length {
            return Err(format!("密码至少{}位", self.password_min_length));
        }
        if length > 128 {
            return Err("密码不能超过128位".into());
        }
        let classes = [
            password.chars().any(|c| c.is_ascii_lowercase()),
            password.chars().any(|c| c.is_ascii_uppercase()),
            password.chars().any(|c| c.is_ascii_digit()),
            password.chars().any(|c| !c.is_ascii_alphanumeric()),
        ]
        .iter()
        .filter(|present| **present)
        .count() as u32;
        if classes < self.password_min_classes {
            return Err(format!(
                "密码须包含小写字母、大写字母、数字、符号中的至少{}类",
                self.password_min_classes
            ));
        }
        if !login.is_empty() && password.to_lowercase().contains(&login.to_lowercase()) {
            return Err("密码不能包含登录名".into());
        }
        Ok(())
    }

    /// When an account locks after this failure, if it does.
    pub fn lock_after_failure(&self, failures_so_far: u32, now: i64) -> Option<i64> {
        (failures_so_far >= self.lockout_threshold)
            .then(|| now + i64::from(self.lockout_minutes) * 60)
    }

    /// Whether a password set at `changed_at` must be changed now.
    pub fn password_expired(&self, changed_at: i64, now: i64) -> bool {
        self.password_rotation_days > 0
            && now - changed_at > i64::from(self.password_rotation_days) * 86_400
    }

    /// Whether a session last seen at `last_seen` has gone idle.
    pub fn session_idle(&self, last_seen: i64, now: i64) -> bool {
        now - last_seen > i64::from(self.session_idle_minutes) * 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_wants_three_classes() {
        let p = SecurityPolicy::default();
        assert!(p.check_password("abcdefgh", "zhang").is_err());
        assert!(p.check_password("Abcdefg1", "zhang").is_ok());
        assert!(p
            .check_password("Ab1", "zhang")
            .unwrap_err()
            .contains("至少8位"));
        assert!(p
            .check_password("Zhang2026!", "zhang")
            .unwrap_err()
            .contains("登录名"));
    }

    #[test]
    fn locks_on_the_fifth_failure_for_thirty_minutes() {
        let p = SecurityPolicy::default();
        assert_eq!(p.lock_after_failure(4, 1000), None);
        assert_eq!(p.lock_after_failure(5, 1000), Some(1000 + 1800));
    }

    #[test]
    fn idle_and_rotation() {
        let p = SecurityPolicy::default();
        assert!(!p.session_idle(0, 30 * 60));
        assert!(p.session_idle(0, 30 * 60 + 1));
        assert!(p.password_expired(0, 91 * 86_400));
        let no_rotation = SecurityPolicy {
            password_rotation_days: 0,
            ..p
        };
        assert!(!no_rotation.password_expired(0, 1000 * 86_400));
    }

    #[test]
    fn policy_form_names_bad_fields() {
        let mut input = SecurityPolicyInput::from_policy(&SecurityPolicy::default());
        input.lockout_threshold = "0".into();
        input.session_idle_minutes = "abc".into();
        let errors = input.parse().unwrap_err();
        assert!(errors.get("lockout_threshold").is_some());
        assert!(errors.get("session_idle_minutes").is_some());
        assert_eq!(errors.0.len(), 2);
    }
}
