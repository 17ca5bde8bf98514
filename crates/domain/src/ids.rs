//! Typed ids: a member id can never be passed where an organisation id is meant.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id!(
    /// One CPPCC committee (政协组织).
    OrgId,
    /// A member (委员).
    MemberId,
    /// A login account.
    UserId,
    /// A sector (界别).
    SectorId,
    /// A special committee (专门委员会).
    CommitteeId,
    /// A term (届).
    TermId,
    /// A handling unit (承办单位).
    UnitId,
    /// An audit-log entry.
    AuditId,
    /// An API bearer token.
    ApiTokenId,
    /// A proposal (提案).
    ProposalId,
    /// One unit's assignment of a tracked item (交办记录), as stored.
    AssignmentId,
    /// A social-conditions report (社情民意信息).
    OpinionId,
    /// An opinion or suggestion (意见建议), e.g. a proposal turned into one.
    SuggestionId,
    /// A member's letter (委员来信).
    LetterId,
    /// A democratic-supervision topic (监督议题).
    TopicId,
);
