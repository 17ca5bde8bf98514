//! The public form's human check: a small sum asked in words (read aloud by
//! a screen reader like any text, no image), whose answer travels with the
//! form only as an HMAC over it, an expiry and a nonce. Nothing is stored.

use rand::Rng;

use crate::state::AppState;

/// How long a question may be answered.
const VALID_SECONDS: i64 = 1800;

/// The question and the signed token to put in the hidden field.
pub struct Challenge {
    pub question: String,
    pub token: String,
}

fn mac(state: &AppState, expires: i64, nonce: &str, answer: u32) -> String {
    state
        .cipher
        .digest(&format!("human-check:{expires}:{nonce}:{answer}"))
}

pub fn challenge(state: &AppState) -> Challenge {
    let mut rng = rand::thread_rng();
    let (a, b) = (rng.gen_range(1..=9u32), rng.gen_range(1..=9u32));
    let nonce = format!("{:016x}", rng.gen::<u64>());
    let expires = state.now() + VALID_SECONDS;
    Challenge {
        question: domain::station::question(a, b),
        token: format!("{expires}.{nonce}.{}", mac(state, expires, &nonce, a + b)),
    }
}

/// Whether `answer` is right for `token` and the token has not expired.
pub fn verify(state: &AppState, token: &str, answer: &str) -> bool {
    let mut parts = token.splitn(3, '.');
    let (Some(expires), Some(nonce), Some(sig)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let Ok(expires) = expires.parse::<i64>() else {
        return false;
    };
    if expires < state.now() || nonce.len() != 16 {
        return false;
    }
    match domain::station::parse_answer(answer) {
        Some(n) => crate::auth::same_secret(&mac(state, expires, nonce, n), sig),
        None => false,
    }
}
