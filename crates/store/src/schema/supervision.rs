//! 民主监督 topics, the units they were sent to, and their history.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum SupervisionTopics {
    Table,
    Id,
    OrgId,
    Year,
    Stage,
    Title,
    Form,
    SourceKind,
    CommitteeId,
    Version,
    Aggregate,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum SupervisionUnits {
    Table,
    Id,
    TopicId,
    OpinionSeq,
    Seq,
    UnitId,
    State,
    Awaiting,
    DueOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum SupervisionHistory {
    Table,
    Id,
    TopicId,
    At,
    ActorUserId,
    ActorLogin,
    Action,
    FromStage,
    ToStage,
    OpinionSeq,
    Step,
    Comment,
}
