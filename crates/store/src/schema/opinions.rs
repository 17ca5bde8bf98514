//! 社情民意 and the links between items of any kind.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Opinions {
    Table,
    Id,
    OrgId,
    Year,
    Stage,
    Title,
    Category,
    AuthorUserId,
    AuthorMemberId,
    AuthorName,
    FromProposalId,
    Version,
    Aggregate,
    SubmittedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum OpinionHistory {
    Table,
    Id,
    OpinionId,
    At,
    ActorUserId,
    ActorLogin,
    Action,
    FromStage,
    ToStage,
    Comment,
}

#[derive(Iden, Clone, Copy)]
pub enum ItemLinks {
    Table,
    Id,
    FromKind,
    FromId,
    ToKind,
    ToId,
    Relation,
    At,
    CreatedAt,
    UpdatedAt,
}
