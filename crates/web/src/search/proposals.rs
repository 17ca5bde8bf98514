//! Proposals in the search index: which are searchable, what a member or
//! staff user may find, and the similar-proposal list on drafts and at
//! review.

use domain::proposal::{Proposal, Stage};
use domain::{ProposalId, Role};
use search::{Doc, Visibility};
use store::search_feed::Kind;
use store::{Db, StoreError};

use crate::proposals::Participant;
use crate::state::AppState;

/// The searchable view of a stored proposal, or `None` while it is a draft
/// (or collecting co-signers): nobody else may find it, so it is not in the
/// index at all, and every search of the rest runs without a state filter.
/// Only proposals the proposer made public are public.
pub fn doc_of(stored: &store::proposal::Stored) -> Option<Doc> {
    let p: &Proposal = &stored.proposal;
    if matches!(p.stage, Stage::Draft | Stage::CollectingCosigners) {
        return None;
    }
    let answers = p
        .tracking
        .assignments
        .iter()
        .filter_map(|a| a.answer.as_ref())
        .map(|a| a.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    Some(Doc {
        id: p.id.0,
        org_path: stored.org_path.as_str().to_string(),
        year: i64::from(p.year),
        title: stored.text.title.clone(),
        body: stored.text.analysis.clone(),
        suggestions: stored.text.suggestions.clone(),
        answers,
        public: stored.text.public != "0",
        state: p.stage.code().to_string(),
        category: stored.text.category.clone(),
    })
}

pub(super) async fn docs_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Doc>, StoreError> {
    let ids: Vec<ProposalId> = ids.iter().copied().map(ProposalId).collect();
    let stored = store::proposal::load_many(db, &ids).await?;
    Ok(stored.iter().filter_map(doc_of).collect())
}

pub(super) async fn docs_after(
    db: &Db,
    after: i64,
    limit: u64,
) -> Result<(Vec<Doc>, Option<i64>), StoreError> {
    let stored = store::proposal::load_after(db, after, limit).await?;
    let last = stored.last().map(|s| s.proposal.id.0);
    Ok((stored.iter().filter_map(doc_of).collect(), last))
}

/// What a user may find: staff and leaders everything in their subtree;
/// others what was made public in their committee's tree.
pub fn visibility(me: &Participant) -> Visibility {
    let path = me.org_path.as_str().to_string();
    match me.role {
        Role::Staff | Role::Leader => Visibility::staff(path),
        _ => {
            // Members look across the whole committee tree they belong to.
            let root = path
                .split('/')
                .nth(1)
                .map(|r| format!("/{r}/"))
                .unwrap_or(path);
            Visibility::member(root, Vec::new())
        }
    }
}

pub struct SimilarHit {
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

/// The most similar earlier proposals to a draft's text.
pub async fn similar(
    state: &AppState,
    me: &Participant,
    text: &str,
    exclude: Option<i64>,
) -> Vec<SimilarHit> {
    if text.trim().chars().count() < 4 {
        return Vec::new();
    }
    let found = super::find_similar(state, Kind::Proposal, text, exclude, visibility(me), 5).await;
    match found {
        Ok(hits) => hits
            .into_iter()
            .map(|h| SimilarHit {
                id: h.id,
                title: h.title,
                snippet: h.snippet,
            })
            .collect(),
        Err(e) => {
            tracing::warn!(error = ?e, "similar proposals");
            Vec::new()
        }
    }
}

/// Answers a list's keyword from the index when the list is a committee's
/// (staff and leaders): at national scale a text match over the table takes
/// seconds, the index milliseconds, and it matches the whole text, not just
/// the 案由. The list then shows the best [`search::MAX_LIMIT`] matches in
/// its usual order. A member's or unit's own list is short and may hold
/// drafts, which the index leaves out, so it keeps matching the 案由 in the
/// database; so does every list while the index is unavailable.
pub async fn narrow_by_keyword(
    state: &AppState,
    me: &Participant,
    filter: &mut store::proposal::ProposalFilter,
) -> Result<(), crate::error::WebError> {
    let Some(text) = filter.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(());
    };
    let committee_list =
        filter.member.is_none() && filter.author.is_none() && filter.unit.is_none();
    if !committee_list || state.search.is_none() {
        return Ok(());
    }
    let hits = super::find(
        state,
        Kind::Proposal,
        text,
        visibility(me),
        search::MAX_LIMIT,
    )
    .await?;
    filter.ids = Some(hits.into_iter().map(|h| ProposalId(h.id)).collect());
    Ok(())
}
