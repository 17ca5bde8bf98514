//! The drill-down from 提案统计 to the proposal list: the query parameters
//! a statistics row links with (`year`, `term`, `category`, `org`,
//! `sector`, `unit`), read by the list page and its Excel export alike.
//! They only ever narrow the list a participant already sees.

use domain::{OrgId, TermId, UnitId};
use serde::Deserialize;
use store::proposal::{ProposalFilter, SectorFilter};

use super::Participant;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::view::{encode, opt_id};

/// The drill-down parameters, as typed in the address.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Drill {
    pub year: String,
    pub term: String,
    /// A category name (`未分类` for proposals without one).
    pub category: String,
    /// An organisation of a statistics row: the viewer's own organisation
    /// means its proposals only (…本级), any other its whole subtree.
    pub org: String,
    /// A sector id, `collective` or `none` (see `SectorFilter::from_key`).
    pub sector: String,
    /// A unit holding a live assignment.
    pub unit: String,
}

impl Drill {
    /// Narrows `filter` for `me`. An organisation outside `me`'s subtree
    /// is refused rather than ignored, so a list never silently widens.
    pub async fn apply(
        &self,
        state: &AppState,
        me: &Participant,
        filter: &mut ProposalFilter,
    ) -> WebResult<()> {
        if let Some(year) = self
            .year
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
        {
            filter.year = Some(year);
        }
        filter.term = opt_id(&self.term).map(TermId);
        let category = self.category.trim();
        filter.category = (!category.is_empty()).then(|| category.to_string());
        filter.sector = SectorFilter::from_key(&self.sector).filter(|_| !self.sector.is_empty());
        filter.held_by = opt_id(&self.unit).map(UnitId);
        if let Some(id) = opt_id(&self.org) {
            let org = store::org::get_org(&state.db, OrgId(id)).await?;
            if !me.org_path.contains(&org.path) {
                return Err(WebError::Forbidden);
            }
            if org.path == me.org_path {
                filter.org = Some(org.id);
            } else {
                filter.scope = Some(org.path);
            }
        }
        Ok(())
    }

    /// The parameters in use, for the pager and the export link.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("year", &self.year),
            ("term", &self.term),
            ("category", &self.category),
            ("org", &self.org),
            ("sector", &self.sector),
            ("unit", &self.unit),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.trim().to_string()))
        .collect()
    }
}

/// The list address of one statistics row: `base` pairs (year, term) plus
/// `param=key`.
pub fn list_href(base: &[(&str, String)], param: &str, key: &str) -> String {
    let query: Vec<String> = base
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .chain([(param, key)])
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("/proposals?{}", query.join("&"))
}
