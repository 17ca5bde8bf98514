//! Migration 5: proposals. The rules' record (`domain::proposal::Proposal`)
//! is kept whole as JSON beside the columns lists and statistics query; the
//! members, units and history tables are projections written with it, and
//! the history is append-only.

use sea_query::{Alias, ColumnDef, Table};

use super::{fk, id, index, int, int_default, int_null, stamps, text, text_default, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Proposals::Table)
        .col(id(Proposals::Id))
        .col(int(Proposals::OrgId))
        .col(int(Proposals::TermId))
        .col(int(Proposals::Year))
        .col(int_null(Proposals::NumberSeq))
        .col(text_default(Proposals::Title))
        .col(text_default(Proposals::Analysis))
        .col(text_default(Proposals::Suggestions))
        .col(text_default(Proposals::Category))
        .col(int_default(Proposals::Public, 1))
        .col(text_default(Proposals::SuggestedUnits))
        .col(text(Proposals::ProposerKind))
        .col(int(Proposals::AuthorUserId))
        .col(int_null(Proposals::InitiatorMemberId))
        .col(text(Proposals::Stage))
        .col(int_default(Proposals::Version, 0))
        .col(text(Proposals::Aggregate))
        .col(int_null(Proposals::SubmittedAt))
        .foreign_key(&mut fk(
            (Proposals::Table, Proposals::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .foreign_key(&mut fk(
            (Proposals::Table, Proposals::AuthorUserId),
            (Users::Table, Users::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "proposals_org_stage",
        Proposals::Table,
        cols![Proposals::OrgId, Proposals::Stage],
    ));
    steps.push(index(
        "proposals_author",
        Proposals::Table,
        cols![Proposals::AuthorUserId],
    ));
    steps.push(super::unique(
        "proposals_number",
        Proposals::Table,
        cols![
            Proposals::OrgId,
            Proposals::TermId,
            Proposals::Year,
            Proposals::NumberSeq
        ],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(ProposalMembers::Table)
            .col(int(ProposalMembers::ProposalId))
            .col(int(ProposalMembers::MemberId))
            .col(text(ProposalMembers::Role))
            .col(text(ProposalMembers::Status))
            .to_owned(),
    ));
    steps.push(index(
        "proposal_members_member",
        ProposalMembers::Table,
        cols![ProposalMembers::MemberId],
    ));
    steps.push(index(
        "proposal_members_proposal",
        ProposalMembers::Table,
        cols![ProposalMembers::ProposalId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(ProposalUnits::Table)
            .col(int(ProposalUnits::ProposalId))
            .col(int(ProposalUnits::Seq))
            .col(int(ProposalUnits::UnitId))
            .col(text(ProposalUnits::Role))
            .col(text(ProposalUnits::State))
            .col(text(ProposalUnits::AssignedOn))
            .col(text(ProposalUnits::DueOn))
            .col(text_default(ProposalUnits::AnswerClass))
            .to_owned(),
    ));
    steps.push(index(
        "proposal_units_unit",
        ProposalUnits::Table,
        cols![ProposalUnits::UnitId],
    ));
    steps.push(index(
        "proposal_units_proposal",
        ProposalUnits::Table,
        cols![ProposalUnits::ProposalId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(ProposalHistory::Table)
            .col(id(ProposalHistory::Id))
            .col(int(ProposalHistory::ProposalId))
            .col(int(ProposalHistory::At))
            .col(int_null(ProposalHistory::ActorUserId))
            .col(text(ProposalHistory::ActorLogin))
            .col(text(ProposalHistory::Action))
            .col(text_default(ProposalHistory::FromStage))
            .col(text(ProposalHistory::ToStage))
            .col(text_default(ProposalHistory::Comment))
            .col(text_default(ProposalHistory::Detail))
            .to_owned(),
    ));
    steps.push(index(
        "proposal_history_proposal",
        ProposalHistory::Table,
        cols![ProposalHistory::ProposalId],
    ));

    // Each app server keeps its own search index and reads this feed from
    // where it left off; the database stays the source of truth.
    steps.push(Step::Table(
        Table::create()
            .table(SearchFeed::Table)
            .col(
                ColumnDef::new(SearchFeed::Seq)
                    .big_integer()
                    .not_null()
                    .auto_increment()
                    .primary_key(),
            )
            .col(int(Alias::new("proposal_id")))
            .col(int(SearchFeed::At))
            .to_owned(),
    ));
    steps
}
