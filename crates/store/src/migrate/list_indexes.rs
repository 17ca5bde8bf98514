//! Indexes for the proposal lists at national scale: a list of one stage
//! walks (stage, updated_at) in order; a list over a wide scope walks
//! (updated_at, id) (see `proposal::wide`).

use super::{index, Step};
use crate::schema::Proposals;

pub fn steps() -> Vec<Step> {
    vec![
        index(
            "proposals_stage_updated",
            Proposals::Table,
            cols![Proposals::Stage, Proposals::UpdatedAt],
        ),
        index(
            "proposals_updated",
            Proposals::Table,
            cols![Proposals::UpdatedAt, Proposals::Id],
        ),
    ]
}
