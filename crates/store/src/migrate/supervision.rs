//! Migration 13: 民主监督. A topic's rules record (`domain::supervision::Topic`,
//! with its activities and its opinions, each with its tracking) is kept
//! whole as JSON beside the columns the board filters on; one projection
//! row per unit assignment gives a unit its queue and the board its overdue
//! list without loading records; the history is append-only.

use sea_query::Table;

use super::{fk, id, index, int, int_default, int_null, stamps, text, text_default, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(SupervisionTopics::Table)
        .col(id(SupervisionTopics::Id))
        .col(int(SupervisionTopics::OrgId))
        .col(int(SupervisionTopics::Year))
        .col(text(SupervisionTopics::Stage))
        .col(text_default(SupervisionTopics::Title))
        .col(text_default(SupervisionTopics::Form))
        .col(text_default(SupervisionTopics::SourceKind))
        .col(int(SupervisionTopics::CommitteeId))
        .col(int_default(SupervisionTopics::Version, 0))
        .col(text(SupervisionTopics::Aggregate))
        .foreign_key(&mut fk(
            (SupervisionTopics::Table, SupervisionTopics::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "supervision_topics_org_year",
        SupervisionTopics::Table,
        cols![SupervisionTopics::OrgId, SupervisionTopics::Year],
    ));

    let mut u = Table::create()
        .table(SupervisionUnits::Table)
        .col(id(SupervisionUnits::Id))
        .col(int(SupervisionUnits::TopicId))
        .col(int(SupervisionUnits::OpinionSeq))
        .col(int(SupervisionUnits::Seq))
        .col(int(SupervisionUnits::UnitId))
        .col(text(SupervisionUnits::State))
        // What the unit owes now: `plan`, `results` or '' (nothing).
        .col(text_default(SupervisionUnits::Awaiting))
        .col(text_default(SupervisionUnits::DueOn))
        .to_owned();
    steps.push(Step::Table(stamps(&mut u).to_owned()));
    steps.push(index(
        "supervision_units_unit",
        SupervisionUnits::Table,
        cols![SupervisionUnits::UnitId],
    ));
    steps.push(index(
        "supervision_units_topic",
        SupervisionUnits::Table,
        cols![SupervisionUnits::TopicId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(SupervisionHistory::Table)
            .col(id(SupervisionHistory::Id))
            .col(int(SupervisionHistory::TopicId))
            .col(int(SupervisionHistory::At))
            .col(int_null(SupervisionHistory::ActorUserId))
            .col(text(SupervisionHistory::ActorLogin))
            .col(text(SupervisionHistory::Action))
            .col(text_default(SupervisionHistory::FromStage))
            .col(text(SupervisionHistory::ToStage))
            .col(int_null(SupervisionHistory::OpinionSeq))
            .col(text_default(SupervisionHistory::Step))
            .col(text_default(SupervisionHistory::Comment))
            .to_owned(),
    ));
    steps.push(index(
        "supervision_history_topic",
        SupervisionHistory::Table,
        cols![SupervisionHistory::TopicId],
    ));
    steps
}
