//! This server's search indexes, fed from the database's search feed
//! (`store::search_feed`). Each kind of item (proposals, 社情民意, citizens'
//! demands) has its own index under the data directory, all driven by the
//! one machinery of the `search` crate. Each app server keeps its own
//! indexes and remembers how far into the feed it has read; the database
//! stays the source of truth and the indexes can always be rebuilt from it.
//!
//! A kind plugs in through [`docs`]: a loader by ids (for the feed) and one
//! walking ids in order (for `zhengxie index rebuild`). An item a loader
//! leaves out (a draft, a deleted record) is removed from the index.

mod docs;
mod proposals;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use search::{Hit, Visibility};
use store::search_feed::Kind;

use crate::error::WebError;
use crate::state::AppState;

pub use docs::{docs_after, docs_by_id};
pub use proposals::{doc_of, narrow_by_keyword, similar, visibility, SimilarHit};
pub use search::{Doc, Index};

/// Every kind's index and the last feed position they all contain.
pub struct SearchIndex {
    indexes: BTreeMap<Kind, Index>,
    fed_to: AtomicI64,
    marker: PathBuf,
    created: bool,
}

impl SearchIndex {
    /// Opens (or creates) one index per kind under `dir`.
    pub fn open(dir: PathBuf) -> Result<Arc<SearchIndex>, String> {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let mut indexes = BTreeMap::new();
        let mut created = false;
        for kind in Kind::ALL {
            let index = Index::open(dir.join(kind.code())).map_err(|e| e.to_string())?;
            created |= index.needs_rebuild();
            indexes.insert(kind, index);
        }
        let marker = dir.join("feed-position");
        // A new or replaced index starts from the beginning of the feed.
        let fed_to = if created {
            0
        } else {
            std::fs::read_to_string(&marker)
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0)
        };
        Ok(Arc::new(SearchIndex {
            indexes,
            fed_to: AtomicI64::new(fed_to),
            marker,
            created,
        }))
    }

    /// The index of one kind.
    pub fn index(&self, kind: Kind) -> Result<&Index, String> {
        self.indexes
            .get(&kind)
            .ok_or_else(|| format!("no index for {}", kind.code()))
    }

    /// Whether some index was created empty by this open.
    pub fn needs_rebuild(&self) -> bool {
        self.created
    }

    /// Records that the indexes contain the feed up to `seq` (after a rebuild).
    pub fn set_fed_to(&self, seq: i64) -> Result<(), String> {
        self.fed_to.store(seq, Ordering::SeqCst);
        std::fs::write(&self.marker, seq.to_string()).map_err(|e| e.to_string())
    }
}

/// Reads the feed from where this server left off and updates the indexes.
pub async fn sync(state: &AppState) -> Result<usize, String> {
    let Some(si) = state.search.clone() else {
        return Ok(0);
    };
    let mut done = 0;
    loop {
        let after = si.fed_to.load(Ordering::SeqCst);
        let changes = store::search_feed::after(&state.db, after, 500)
            .await
            .map_err(|e| e.to_string())?;
        let Some(last_seq) = changes.last().map(|c| c.seq) else {
            return Ok(done);
        };
        let mut by_kind: BTreeMap<Kind, Vec<i64>> = BTreeMap::new();
        for change in &changes {
            by_kind.entry(change.kind).or_default().push(change.id);
        }
        let mut batches = Vec::new();
        for (kind, mut ids) in by_kind {
            ids.sort_unstable();
            ids.dedup();
            let docs = docs_by_id(&state.db, kind, &ids)
                .await
                .map_err(|e| e.to_string())?;
            done += ids.len();
            batches.push((kind, ids, docs));
        }
        let si = si.clone();
        tokio::task::spawn_blocking(move || -> Result<(), String> {
            for (kind, ids, docs) in batches {
                let index = si.index(kind)?;
                for id in ids {
                    match docs.iter().find(|d| d.id == id) {
                        Some(doc) => index.upsert(doc),
                        None => index.delete(id),
                    }
                    .map_err(|e| e.to_string())?;
                }
                index.commit().map_err(|e| e.to_string())?;
            }
            si.set_fed_to(last_seq)
        })
        .await
        .map_err(|e| e.to_string())??;
    }
}

/// A user's search over one kind: brings the index up to date with the
/// feed, then searches within `visibility`.
pub async fn find(
    state: &AppState,
    kind: Kind,
    text: &str,
    visibility: Visibility,
    limit: usize,
) -> Result<Vec<Hit>, WebError> {
    if let Err(e) = sync(state).await {
        tracing::warn!(error = %e, "search feed");
    }
    let Some(si) = state.search.clone() else {
        return Ok(Vec::new());
    };
    let text = text.to_string();
    tokio::task::spawn_blocking(move || {
        si.index(kind)
            .map_err(WebError::Internal)?
            .search(&text, &visibility, limit)
            .map_err(|e| WebError::Internal(format!("search: {e}")))
    })
    .await
    .map_err(|e| WebError::Internal(format!("search task: {e}")))?
}

/// The items of one kind most like a text (a draft), leaving out `exclude`.
pub async fn find_similar(
    state: &AppState,
    kind: Kind,
    text: &str,
    exclude: Option<i64>,
    visibility: Visibility,
    limit: usize,
) -> Result<Vec<Hit>, WebError> {
    if let Err(e) = sync(state).await {
        tracing::warn!(error = %e, "search feed");
    }
    let Some(si) = state.search.clone() else {
        return Ok(Vec::new());
    };
    let text = text.to_string();
    tokio::task::spawn_blocking(move || {
        si.index(kind)
            .map_err(WebError::Internal)?
            .similar_excluding(&text, exclude, &visibility, limit)
            .map_err(|e| WebError::Internal(format!("similar: {e}")))
    })
    .await
    .map_err(|e| WebError::Internal(format!("search task: {e}")))?
}
