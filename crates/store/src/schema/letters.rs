//! 意见建议与委员来信.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Letters {
    Table,
    Id,
    OrgId,
    Year,
    Kind,
    Stage,
    Title,
    Content,
    FromName,
    ProposalId,
    AuthorUserId,
    Reason,
    Version,
    Aggregate,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum LetterMembers {
    Table,
    LetterId,
    MemberId,
}

#[derive(Iden, Clone, Copy)]
pub enum LetterUnits {
    Table,
    LetterId,
    Seq,
    UnitId,
    State,
    DueOn,
}

#[derive(Iden, Clone, Copy)]
pub enum LetterHistory {
    Table,
    Id,
    LetterId,
    At,
    ActorUserId,
    ActorLogin,
    Action,
    FromStage,
    ToStage,
    Comment,
}
