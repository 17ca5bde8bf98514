//! 集体提案: a body — a democratic party, a people's organisation, a sector
//! or a special committee — makes a proposal in its own name. The body's
//! staff account drafts it and rates the answers; there are no co-signers.

use domain::proposal::{BodyKind, Proposer};
use domain::{FieldErrors, Role};
use serde::Deserialize;

use crate::auth::User;
use crate::error::{WebError, WebResult};

/// In whose name a user drafts.
pub enum DraftAs {
    /// A member, in their own name (个人提案, or 联名 after inviting).
    Member(domain::MemberId),
    /// Staff, for a body (集体提案).
    Body,
}

/// Members draft their own proposals; staff draft collective ones.
pub fn draft_as(user: &User) -> WebResult<DraftAs> {
    let a = &user.live.account;
    match (a.role, a.member_id) {
        (Role::Member, Some(member)) => Ok(DraftAs::Member(member)),
        (Role::Staff, _) => Ok(DraftAs::Body),
        _ => Err(WebError::Forbidden),
    }
}

/// The body fields of a new collective draft.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct BodyFields {
    pub body_kind: String,
    pub body_name: String,
}

impl BodyFields {
    pub fn proposer(&self) -> WebResult<Proposer> {
        let mut errors = FieldErrors::new();
        let kind = BodyKind::parse(&self.body_kind);
        if kind.is_none() {
            errors.add("body_kind", "请选择提案单位的类别");
        }
        let name = self.body_name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            errors.add(
                "body_name",
                "请填写提案单位名称（60字以内），如“民革重庆市委员会”",
            );
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(Proposer::Body {
                kind,
                name: name.to_string(),
            }),
            _ => Err(WebError::Invalid(errors)),
        }
    }
}

/// The kinds for the form's select: (code, label).
pub fn kinds() -> Vec<(&'static str, &'static str)> {
    BodyKind::ALL
        .iter()
        .map(|k| (k.code(), k.label()))
        .collect()
}
