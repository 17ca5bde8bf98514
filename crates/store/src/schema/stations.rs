//! 委员工作站: stations, receptions and citizens' demands.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Stations {
    Table,
    Id,
    OrgId,
    Kind,
    Name,
    Address,
    Street,
    ReceptionDays,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum StationMembers {
    Table,
    StationId,
    MemberId,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Receptions {
    Table,
    Id,
    StationId,
    OrgId,
    HeldOn,
    Visitors,
    Notes,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum ReceptionMembers {
    Table,
    ReceptionId,
    MemberId,
}

#[derive(Iden, Clone, Copy)]
pub enum Demands {
    Table,
    Id,
    OrgId,
    StationId,
    Code,
    Channel,
    Category,
    Content,
    NameCipher,
    PhoneCipher,
    PhoneMasked,
    TakenByMemberId,
    EnteredByUserId,
    IpDigest,
    Stage,
    Withheld,
    OnTime,
    Satisfaction,
    ReceivedOn,
    ClosedAt,
    Version,
    Aggregate,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum DemandUnits {
    Table,
    DemandId,
    Seq,
    UnitId,
    State,
    DueOn,
}

#[derive(Iden, Clone, Copy)]
pub enum DemandHistory {
    Table,
    Id,
    DemandId,
    At,
    ActorUserId,
    ActorLogin,
    Action,
    FromStage,
    ToStage,
    Comment,
}
