//! Migration 11: 社情民意 after adoption — reports sent upward (one row per
//! report, unique, so a second report is refused by the database too),
//! leaders' instructions, and bulletins with their pieces and sources.

use sea_query::Table;

use super::{fk, id, index, int, int_default, int_null, stamps, text, text_default, unique, Step};
use crate::opinion::tables::*;
use crate::schema::{Opinions, Orgs};

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut up = Table::create()
        .table(OpinionUpward::Table)
        .col(id(OpinionUpward::Id))
        .col(int(OpinionUpward::OpinionId))
        .col(int_null(OpinionUpward::ToOrgId))
        .col(int_null(OpinionUpward::ToOpinionId))
        .col(text(OpinionUpward::ToName))
        .col(text(OpinionUpward::ReportedOn))
        .col(int(OpinionUpward::ReportedAt))
        .col(text(OpinionUpward::ActorLogin))
        .col(text_default(OpinionUpward::Outcome))
        .col(text_default(OpinionUpward::OutcomeOn))
        .col(text_default(OpinionUpward::OutcomeNote))
        .foreign_key(&mut fk(
            (OpinionUpward::Table, OpinionUpward::OpinionId),
            (Opinions::Table, Opinions::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut up).to_owned()));
    steps.push(unique(
        "opinion_upward_once",
        OpinionUpward::Table,
        cols![OpinionUpward::OpinionId],
    ));
    steps.push(index(
        "opinion_upward_to",
        OpinionUpward::Table,
        cols![OpinionUpward::ToOpinionId],
    ));

    let mut ins = Table::create()
        .table(OpinionInstructions::Table)
        .col(id(OpinionInstructions::Id))
        .col(int(OpinionInstructions::OpinionId))
        .col(int(OpinionInstructions::OrgId))
        .col(text(OpinionInstructions::Leader))
        .col(text(OpinionInstructions::Level))
        .col(text(OpinionInstructions::Text))
        .col(text(OpinionInstructions::GivenOn))
        .col(int(OpinionInstructions::Year))
        .col(text(OpinionInstructions::ActorLogin))
        .foreign_key(&mut fk(
            (OpinionInstructions::Table, OpinionInstructions::OpinionId),
            (Opinions::Table, Opinions::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut ins).to_owned()));
    steps.push(index(
        "opinion_instructions_opinion",
        OpinionInstructions::Table,
        cols![OpinionInstructions::OpinionId],
    ));

    let mut b = Table::create()
        .table(OpinionBulletins::Table)
        .col(id(OpinionBulletins::Id))
        .col(int(OpinionBulletins::OrgId))
        .col(int(OpinionBulletins::Year))
        .col(int(OpinionBulletins::Number))
        .col(text(OpinionBulletins::Title))
        .col(text(OpinionBulletins::Stage))
        .col(int_null(OpinionBulletins::IssuedAt))
        .col(text(OpinionBulletins::ActorLogin))
        .foreign_key(&mut fk(
            (OpinionBulletins::Table, OpinionBulletins::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut b).to_owned()));
    steps.push(unique(
        "opinion_bulletins_number",
        OpinionBulletins::Table,
        cols![
            OpinionBulletins::OrgId,
            OpinionBulletins::Year,
            OpinionBulletins::Number
        ],
    ));

    let mut p = Table::create()
        .table(OpinionBulletinPieces::Table)
        .col(id(OpinionBulletinPieces::Id))
        .col(int(OpinionBulletinPieces::BulletinId))
        .col(int(OpinionBulletinPieces::Seq))
        .col(int_default(OpinionBulletinPieces::Combined, 0))
        .col(text_default(OpinionBulletinPieces::Title))
        .to_owned();
    steps.push(Step::Table(stamps(&mut p).to_owned()));
    steps.push(index(
        "opinion_bulletin_pieces_bulletin",
        OpinionBulletinPieces::Table,
        cols![OpinionBulletinPieces::BulletinId],
    ));

    let mut s = Table::create()
        .table(OpinionBulletinSources::Table)
        .col(id(OpinionBulletinSources::Id))
        .col(int(OpinionBulletinSources::PieceId))
        .col(int(OpinionBulletinSources::BulletinId))
        .col(int(OpinionBulletinSources::OpinionId))
        .to_owned();
    steps.push(Step::Table(stamps(&mut s).to_owned()));
    steps.push(unique(
        "opinion_bulletin_sources_once",
        OpinionBulletinSources::Table,
        cols![OpinionBulletinSources::OpinionId],
    ));
    steps.push(index(
        "opinion_bulletin_sources_piece",
        OpinionBulletinSources::Table,
        cols![OpinionBulletinSources::PieceId],
    ));
    steps
}
