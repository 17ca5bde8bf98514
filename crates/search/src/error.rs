//! The one error type of the search crate.

use std::path::PathBuf;

/// Everything that can go wrong while indexing or searching.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy refused an operation: a corrupt or locked index, a full disk.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be opened, created or cleared.
    #[error("search index directory {dir}: {source}")]
    Directory {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The single writer's lock was poisoned by a panic in another thread.
    #[error("search index writer is unusable after a panic in another thread")]
    WriterPoisoned,
    /// A stored document lacks a field the index always writes.
    #[error("search index document without its {0} field")]
    MissingField(&'static str),
}

/// Shorthand used throughout the crate.
pub type Result<T, E = SearchError> = std::result::Result<T, E>;

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(err: tantivy::directory::error::OpenDirectoryError) -> Self {
        SearchError::Index(err.into())
    }
}
