//! Migration 10: the search feed names the kind of each item, so 社情民意,
//! citizens' demands and later kinds are indexed by the same machinery as
//! proposals. Existing rows are proposals.

use sea_query::{Alias, ColumnDef, Table};

use super::Step;
use crate::schema::SearchFeed;

pub(super) fn steps() -> Vec<Step> {
    vec![
        Step::Alter(
            Table::alter()
                .table(SearchFeed::Table)
                .rename_column(Alias::new("proposal_id"), SearchFeed::ItemId)
                .to_owned(),
        ),
        Step::Alter(
            Table::alter()
                .table(SearchFeed::Table)
                .add_column(
                    ColumnDef::new(SearchFeed::Kind)
                        .text()
                        .not_null()
                        .default("proposal"),
                )
                .to_owned(),
        ),
    ]
}
