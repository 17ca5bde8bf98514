//! Migration 14: 意见建议 and 委员来信 (letters), what a proposal becomes at
//! review when it is better answered as a suggestion or a member's letter.
//! The rules' record (`domain::letter::Letter`, with its tracking) is JSON
//! beside the columns lists filter on; the members it comes from and the
//! units holding it are projections for "my items" and a unit's queue; the
//! history is append-only like every item's.

use sea_query::Table;

use super::{fk, id, index, int, int_default, int_null, stamps, text, text_default, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Letters::Table)
        .col(id(Letters::Id))
        .col(int(Letters::OrgId))
        .col(int(Letters::Year))
        .col(text(Letters::Kind))
        .col(text(Letters::Stage))
        .col(text(Letters::Title))
        .col(text(Letters::Content))
        .col(text_default(Letters::FromName))
        .col(int_null(Letters::ProposalId))
        .col(int_null(Letters::AuthorUserId))
        .col(text_default(Letters::Reason))
        .col(int_default(Letters::Version, 0))
        .col(text(Letters::Aggregate))
        .foreign_key(&mut fk(
            (Letters::Table, Letters::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "letters_org_kind_stage",
        Letters::Table,
        cols![Letters::OrgId, Letters::Kind, Letters::Stage],
    ));
    steps.push(index(
        "letters_proposal",
        Letters::Table,
        cols![Letters::ProposalId],
    ));
    steps.push(Step::Table(
        Table::create()
            .table(LetterMembers::Table)
            .col(int(LetterMembers::LetterId))
            .col(int(LetterMembers::MemberId))
            .to_owned(),
    ));
    steps.push(index(
        "letter_members_member",
        LetterMembers::Table,
        cols![LetterMembers::MemberId, LetterMembers::LetterId],
    ));
    steps.push(Step::Table(
        Table::create()
            .table(LetterUnits::Table)
            .col(int(LetterUnits::LetterId))
            .col(int(LetterUnits::Seq))
            .col(int(LetterUnits::UnitId))
            .col(text(LetterUnits::State))
            .col(text(LetterUnits::DueOn))
            .to_owned(),
    ));
    steps.push(index(
        "letter_units_unit",
        LetterUnits::Table,
        cols![LetterUnits::UnitId, LetterUnits::LetterId],
    ));
    steps.push(index(
        "letter_units_letter",
        LetterUnits::Table,
        cols![LetterUnits::LetterId],
    ));
    steps.push(Step::Table(
        Table::create()
            .table(LetterHistory::Table)
            .col(id(LetterHistory::Id))
            .col(int(LetterHistory::LetterId))
            .col(int(LetterHistory::At))
            .col(int_null(LetterHistory::ActorUserId))
            .col(text(LetterHistory::ActorLogin))
            .col(text(LetterHistory::Action))
            .col(text_default(LetterHistory::FromStage))
            .col(text(LetterHistory::ToStage))
            .col(text_default(LetterHistory::Comment))
            .to_owned(),
    ));
    steps.push(index(
        "letter_history_letter",
        LetterHistory::Table,
        cols![LetterHistory::LetterId],
    ));
    steps
}
