//! Migration 8: 社情民意信息. The rules' record (`domain::opinion::Opinion`,
//! with the original and the edited text) is kept whole as JSON beside the
//! columns lists query; the history is append-only. `item_links` links any
//! two items both ways (a proposal converted to a report now; citizens'
//! demands turned into proposals and the like later).

use sea_query::Table;

use super::{fk, id, index, int, int_default, int_null, stamps, text, text_default, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Opinions::Table)
        .col(id(Opinions::Id))
        .col(int(Opinions::OrgId))
        .col(int(Opinions::Year))
        .col(text(Opinions::Stage))
        .col(text_default(Opinions::Title))
        .col(text_default(Opinions::Category))
        .col(int(Opinions::AuthorUserId))
        .col(int_null(Opinions::AuthorMemberId))
        .col(text_default(Opinions::AuthorName))
        .col(int_null(Opinions::FromProposalId))
        .col(int_default(Opinions::Version, 0))
        .col(text(Opinions::Aggregate))
        .col(int_null(Opinions::SubmittedAt))
        .foreign_key(&mut fk(
            (Opinions::Table, Opinions::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .foreign_key(&mut fk(
            (Opinions::Table, Opinions::AuthorUserId),
            (Users::Table, Users::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "opinions_org_stage",
        Opinions::Table,
        cols![Opinions::OrgId, Opinions::Stage],
    ));
    steps.push(index(
        "opinions_author",
        Opinions::Table,
        cols![Opinions::AuthorUserId],
    ));
    steps.push(index(
        "opinions_author_member",
        Opinions::Table,
        cols![Opinions::AuthorMemberId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(OpinionHistory::Table)
            .col(id(OpinionHistory::Id))
            .col(int(OpinionHistory::OpinionId))
            .col(int(OpinionHistory::At))
            .col(int_null(OpinionHistory::ActorUserId))
            .col(text(OpinionHistory::ActorLogin))
            .col(text(OpinionHistory::Action))
            .col(text_default(OpinionHistory::FromStage))
            .col(text(OpinionHistory::ToStage))
            .col(text_default(OpinionHistory::Comment))
            .to_owned(),
    ));
    steps.push(index(
        "opinion_history_opinion",
        OpinionHistory::Table,
        cols![OpinionHistory::OpinionId],
    ));

    let mut links = Table::create()
        .table(ItemLinks::Table)
        .col(id(ItemLinks::Id))
        // `proposal`, `opinion`, … and the item's id in its own table.
        .col(text(ItemLinks::FromKind))
        .col(int(ItemLinks::FromId))
        .col(text(ItemLinks::ToKind))
        .col(int(ItemLinks::ToId))
        // e.g. `converted_to` (from → to) and `converted_from` (to → from).
        .col(text(ItemLinks::Relation))
        .col(int(ItemLinks::At))
        .to_owned();
    steps.push(Step::Table(stamps(&mut links).to_owned()));
    steps.push(index(
        "item_links_from",
        ItemLinks::Table,
        cols![ItemLinks::FromKind, ItemLinks::FromId],
    ));
    steps
}
