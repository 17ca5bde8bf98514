//! Organisations, members, accounts, sessions, audit, settings, jobs and notifications: the foundation every module stands on.

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
