//! What each kind of item looks like to the index: the loaders the feed
//! (by ids) and a rebuild (walking ids in order) read documents with. A new
//! searchable kind adds its arm to both.

use search::Doc;
use store::search_feed::Kind;
use store::{Db, StoreError};

/// The searchable documents among `ids`; an id left out (missing, or not
/// searchable, like a draft) is removed from the index.
pub async fn docs_by_id(db: &Db, kind: Kind, ids: &[i64]) -> Result<Vec<Doc>, StoreError> {
    match kind {
        Kind::Proposal => super::proposals::docs_by_id(db, ids).await,
        Kind::Demand => crate::stations::search::docs_by_id(db, ids).await,
        Kind::Opinion => crate::opinions::search::docs_by_id(db, ids).await,
    }
}

/// The searchable documents among up to `limit` items with ids after
/// `after`, and the last id looked at (`None` when there are no more).
pub async fn docs_after(
    db: &Db,
    kind: Kind,
    after: i64,
    limit: u64,
) -> Result<(Vec<Doc>, Option<i64>), StoreError> {
    match kind {
        Kind::Proposal => super::proposals::docs_after(db, after, limit).await,
        Kind::Demand => crate::stations::search::docs_after(db, after, limit).await,
        Kind::Opinion => crate::opinions::search::docs_after(db, after, limit).await,
    }
}
