//! 提案: proposals with their projections and history, the search feed, exports and per-organisation settings.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Proposals {
    Table,
    Id,
    OrgId,
    TermId,
    Year,
    NumberSeq,
    Title,
    Analysis,
    Suggestions,
    Category,
    Public,
    SuggestedUnits,
    ProposerKind,
    AuthorUserId,
    InitiatorMemberId,
    Stage,
    Version,
    Aggregate,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum ProposalMembers {
    Table,
    ProposalId,
    MemberId,
    Role,
    Status,
}

#[derive(Iden, Clone, Copy)]
pub enum ProposalUnits {
    Table,
    ProposalId,
    Seq,
    UnitId,
    Role,
    State,
    AssignedOn,
    DueOn,
    AnswerClass,
}

#[derive(Iden, Clone, Copy)]
pub enum ProposalHistory {
    Table,
    Id,
    ProposalId,
    At,
    ActorUserId,
    ActorLogin,
    Action,
    FromStage,
    ToStage,
    Comment,
    Detail,
}

#[derive(Iden, Clone, Copy)]
pub enum SearchFeed {
    Table,
    Seq,
    /// The item's id within its kind (named proposal_id before migration 10).
    ItemId,
    /// [`crate::search_feed::Kind`] code.
    Kind,
    At,
}

#[derive(Iden, Clone, Copy)]
pub enum Exports {
    Table,
    Id,
    Kind,
    OrgId,
    UserId,
    Title,
    Params,
    State,
    Done,
    Total,
    File,
    Error,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum OrgSettings {
    Table,
    OrgId,
    Kind,
    Value,
    CreatedAt,
    UpdatedAt,
}
