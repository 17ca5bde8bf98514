//! This server's search index, fed from the database's search feed. Each app
//! server keeps its own index and remembers how far into the feed it has
//! read; the database stays the source of truth and the index can always be
//! rebuilt from it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use domain::proposal::{Proposal, Stage};
use domain::{ProposalId, Role};
use search::{Index, ProposalDoc, Visibility};

use crate::proposals::Participant;
use crate::state::AppState;

/// The index and the last feed position it contains.
pub struct SearchIndex {
    pub index: Index,
    fed_to: AtomicI64,
    marker: PathBuf,
}

impl SearchIndex {
    /// Opens (or creates) the index under `dir`.
    pub fn open(dir: PathBuf) -> Result<Arc<SearchIndex>, String> {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let index = Index::open(&dir).map_err(|e| e.to_string())?;
        let marker = dir.join("feed-position");
        let fed_to = if index.needs_rebuild() {
            0
        } else {
            std::fs::read_to_string(&marker)
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0)
        };
        Ok(Arc::new(SearchIndex {
            index,
            fed_to: AtomicI64::new(fed_to),
            marker,
        }))
    }
}

/// The searchable view of a stored proposal. Only submitted proposals that
/// the proposer made public count as public.
pub fn doc_of(stored: &store::proposal::Stored) -> ProposalDoc {
    let p: &Proposal = &stored.proposal;
    let answers = p
        .tracking
        .assignments
        .iter()
        .filter_map(|a| a.answer.as_ref())
        .map(|a| a.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    ProposalDoc {
        id: p.id.0,
        org_path: stored.org_path.as_str().to_string(),
        year: i64::from(p.year),
        title: stored.text.title.clone(),
        body: stored.text.analysis.clone(),
        suggestions: stored.text.suggestions.clone(),
        answers,
        public: stored.text.public != "0"
            && !matches!(p.stage, Stage::Draft | Stage::CollectingCosigners),
        state: p.stage.code().to_string(),
        category: stored.text.category.clone(),
    }
}

/// Reads the feed from where this server left off and updates the index.
pub async fn sync(state: &AppState) -> Result<usize, String> {
    let Some(si) = state.search.clone() else {
        return Ok(0);
    };
    let mut done = 0;
    loop {
        let after = si.fed_to.load(Ordering::SeqCst);
        let rows = store::proposal::feed_after(&state.db, after, 500)
            .await
            .map_err(|e| e.to_string())?;
        let Some(&(last_seq, _)) = rows.last() else {
            return Ok(done);
        };
        let mut ids: Vec<i64> = rows.iter().map(|(_, id)| id.0).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut docs = Vec::new();
        for id in ids {
            let stored = store::proposal::load(&state.db, ProposalId(id))
                .await
                .map_err(|e| e.to_string())?;
            docs.push(doc_of(&stored));
        }
        let index = si.clone();
        let count = docs.len();
        tokio::task::spawn_blocking(move || -> Result<(), String> {
            for doc in &docs {
                index.index.upsert(doc).map_err(|e| e.to_string())?;
            }
            index.index.commit().map_err(|e| e.to_string())?;
            index.fed_to.store(last_seq, Ordering::SeqCst);
            std::fs::write(&index.marker, last_seq.to_string()).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
        done += count;
    }
}

/// What a user may find: staff and leaders everything in their subtree
/// except drafts; others what was made public in their organisation's tree.
pub fn visibility(me: &Participant) -> Visibility {
    let path = me.org_path.as_str().to_string();
    match me.role {
        Role::Staff | Role::Leader => {
            Visibility::staff(path).hiding_states(["draft", "collecting_cosigners"])
        }
        _ => {
            // Members look across the whole committee tree they belong to.
            let root = path
                .split('/')
                .nth(1)
                .map(|r| format!("/{r}/"))
                .unwrap_or(path);
            Visibility::member(root, Vec::new()).hiding_states(["draft", "collecting_cosigners"])
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
    if let Err(e) = sync(state).await {
        tracing::warn!(error = %e, "search feed");
    }
    let Some(si) = state.search.clone() else {
        return Vec::new();
    };
    let (text, visibility) = (text.to_string(), visibility(me));
    let hits = tokio::task::spawn_blocking(move || {
        si.index.similar_excluding(&text, exclude, &visibility, 5)
    })
    .await;
    match hits {
        Ok(Ok(hits)) => hits
            .into_iter()
            .map(|h| SimilarHit {
                id: h.id,
                title: h.title,
                snippet: h.snippet,
            })
            .collect(),
        _ => Vec::new(),
    }
}

impl SearchIndex {
    /// Records that the index contains the feed up to `seq` (after a rebuild).
    pub fn set_fed_to(&self, seq: i64) -> Result<(), String> {
        self.fed_to.store(seq, Ordering::SeqCst);
        std::fs::write(&self.marker, seq.to_string()).map_err(|e| e.to_string())
    }
}
