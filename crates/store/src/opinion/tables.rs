//! The tables of migration 11 (after adoption: upward reports, leaders'
//! instructions, bulletins), named here beside the code that uses them.

use sea_query::Iden;

/// One row per report sent on: to the parent committee (its own record is
/// `to_opinion_id`) or to the national CPPCC outside the system, whose
/// outcome staff record by hand. `opinion_id` is unique: a report goes up once.
#[derive(Iden, Clone, Copy)]
pub enum OpinionUpward {
    Table,
    Id,
    OpinionId,
    ToOrgId,
    ToOpinionId,
    ToName,
    ReportedOn,
    ReportedAt,
    ActorLogin,
    Outcome,
    OutcomeOn,
    OutcomeNote,
    CreatedAt,
    UpdatedAt,
}

/// 批示: leader, level, text and date, on one report.
#[derive(Iden, Clone, Copy)]
pub enum OpinionInstructions {
    Table,
    Id,
    OpinionId,
    OrgId,
    Leader,
    Level,
    Text,
    GivenOn,
    Year,
    ActorLogin,
    CreatedAt,
    UpdatedAt,
}

/// 《社情民意》第N期: numbered per organisation and year.
#[derive(Iden, Clone, Copy)]
pub enum OpinionBulletins {
    Table,
    Id,
    OrgId,
    Year,
    Number,
    Title,
    Stage,
    IssuedAt,
    ActorLogin,
    CreatedAt,
    UpdatedAt,
}

/// A piece of a bulletin: one report (单篇) or a combined piece (综合).
#[derive(Iden, Clone, Copy)]
pub enum OpinionBulletinPieces {
    Table,
    Id,
    BulletinId,
    Seq,
    Combined,
    Title,
    CreatedAt,
    UpdatedAt,
}

/// The reports a piece is made of; a report is in one piece at most.
#[derive(Iden, Clone, Copy)]
pub enum OpinionBulletinSources {
    Table,
    Id,
    PieceId,
    BulletinId,
    OpinionId,
    CreatedAt,
    UpdatedAt,
}
