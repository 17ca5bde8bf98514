//! The statistics' drill-down on the proposal lists: the filters a row of
//! 提案统计 narrows a list with (term, category, exact organisation, 界别,
//! unit holding a live assignment), so the list shows what the row counted.

use domain::proposal::stats::UNCATEGORISED;
use domain::tracking::AssignmentState;
use domain::SectorId;
use sea_query::{Expr, Query, SelectStatement};

use super::ProposalFilter;
use crate::schema::{Members, ProposalUnits, Proposals};

/// A 界别 row of the statistics, as a list filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectorFilter {
    /// Proposals whose initiating member sits in this sector.
    Sector(SectorId),
    /// 集体提案.
    Collective,
    /// Member proposals whose initiator has no sector filled in.
    NoSector,
}

impl SectorFilter {
    /// The row key of `domain::proposal::stats` (a sector id, or
    /// `collective` / `none`).
    pub fn from_key(key: &str) -> Option<SectorFilter> {
        use domain::proposal::stats::{SECTOR_COLLECTIVE, SECTOR_NONE};
        match key.trim() {
            SECTOR_COLLECTIVE => Some(SectorFilter::Collective),
            SECTOR_NONE => Some(SectorFilter::NoSector),
            id => id.parse().ok().map(|id| SectorFilter::Sector(SectorId(id))),
        }
    }

    pub fn key(self) -> String {
        use domain::proposal::stats::{SECTOR_COLLECTIVE, SECTOR_NONE};
        match self {
            SectorFilter::Sector(id) => id.0.to_string(),
            SectorFilter::Collective => SECTOR_COLLECTIVE.into(),
            SectorFilter::NoSector => SECTOR_NONE.into(),
        }
    }
}

/// The statistics' drill-down filters.
pub(super) fn narrowed(q: &mut SelectStatement, f: &ProposalFilter) {
    let p = Proposals::Table;
    if let Some(term) = f.term {
        q.and_where(Expr::col((p, Proposals::TermId)).eq(term.0));
    }
    if let Some(category) = f.category.as_deref().map(str::trim) {
        let same = Expr::col((p, Proposals::Category)).eq(category);
        q.and_where(if category == UNCATEGORISED {
            same.or(Expr::col((p, Proposals::Category)).eq(""))
        } else {
            same
        });
    }
    if let Some(org) = f.org {
        q.and_where(Expr::col((p, Proposals::OrgId)).eq(org.0));
    }
    if let Some(sector) = f.sector {
        let collective = Expr::col((p, Proposals::ProposerKind)).eq("collective");
        let members = |sector: Option<SectorId>| {
            let mut sub = Query::select();
            sub.column(Members::Id).from(Members::Table);
            match sector {
                Some(id) => sub.and_where(Expr::col(Members::SectorId).eq(id.0)),
                None => sub.and_where(Expr::col(Members::SectorId).is_null()),
            };
            Expr::col((p, Proposals::InitiatorMemberId)).in_subquery(sub)
        };
        q.and_where(match sector {
            SectorFilter::Collective => collective,
            SectorFilter::Sector(id) => collective.not().and(members(Some(id))),
            SectorFilter::NoSector => collective.not().and(
                Expr::col((p, Proposals::InitiatorMemberId))
                    .is_null()
                    .or(members(None)),
            ),
        });
    }
    if let Some(unit) = f.held_by {
        let gone = [AssignmentState::Returned, AssignmentState::Withdrawn].map(|s| s.code());
        q.and_where(
            Expr::col((p, Proposals::Id)).in_subquery(
                Query::select()
                    .column(ProposalUnits::ProposalId)
                    .from(ProposalUnits::Table)
                    .and_where(Expr::col(ProposalUnits::UnitId).eq(unit.0))
                    .and_where(Expr::col(ProposalUnits::State).is_not_in(gone))
                    .to_owned(),
            ),
        );
    }
}
