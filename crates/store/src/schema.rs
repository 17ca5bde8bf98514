//! Table and column names, shared by migrations and queries.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Orgs {
    Table,
    Id,
    ParentId,
    Name,
    ShortName,
    Level,
    Path,
    Sort,
    Active,
    CreatedAt,
    UpdatedAt,
}

/// Sectors, special committees, terms and handling units share one shape:
/// they belong to an organisation, have a name, and are deactivated, not deleted.
#[derive(Iden, Clone, Copy)]
pub enum Sectors {
    Table,
    Id,
    OrgId,
    Name,
    Convenor,
    Sort,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Committees {
    Table,
    Id,
    OrgId,
    Name,
    Description,
    Sort,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Terms {
    Table,
    Id,
    OrgId,
    Number,
    Name,
    StartYear,
    EndYear,
    IsCurrent,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Units {
    Table,
    Id,
    OrgId,
    Name,
    Kind,
    ContactPerson,
    ContactPhone,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Members {
    Table,
    Id,
    OrgId,
    Name,
    Gender,
    Ethnicity,
    BirthDate,
    Party,
    SectorId,
    CommitteeId,
    TermId,
    Post,
    WorkUnit,
    JobTitle,
    PhoneCipher,
    PhoneMasked,
    IdCipher,
    IdMasked,
    IdDigest,
    Email,
    Address,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Users {
    Table,
    Id,
    Login,
    DisplayName,
    Role,
    OrgId,
    MemberId,
    UnitId,
    PasswordHash,
    MustChangePassword,
    PasswordChangedAt,
    FailedLogins,
    LockedUntil,
    Disabled,
    ElderMode,
    LastLoginAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Sessions {
    Table,
    Id,
    TokenDigest,
    UserId,
    CsrfToken,
    Ip,
    UserAgent,
    LastSeenAt,
    EndedAt,
    EndReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum ApiTokens {
    Table,
    Id,
    TokenDigest,
    Name,
    OrgId,
    Role,
    CreatedBy,
    LastUsedAt,
    RevokedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum AuditLog {
    Table,
    Id,
    At,
    ActorUserId,
    ActorLogin,
    Ip,
    Action,
    TargetType,
    TargetId,
    Summary,
    BeforeData,
    AfterData,
    PrevHash,
    Hash,
}

#[derive(Iden, Clone, Copy)]
pub enum AuditHead {
    Table,
    Id,
    LastId,
    LastHash,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Settings {
    Table,
    Key,
    Value,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum ImportBatches {
    Table,
    Id,
    UserId,
    OrgId,
    FileName,
    Data,
    ConsumedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum SchemaMigrations {
    Table,
    Version,
    Why,
    AppliedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum DataVersions {
    Table,
    Name,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    DedupeKey,
    RunAt,
    Attempts,
    LockedUntil,
    DoneAt,
    LastError,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Notifications {
    Table,
    Id,
    UserId,
    Title,
    Body,
    Link,
    ReadAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub enum Categories {
    Table,
    Id,
    OrgId,
    Name,
    Sort,
    Active,
    CreatedAt,
    UpdatedAt,
}

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
