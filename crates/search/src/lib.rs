//! Full-text and similar-proposal search over proposals, with tantivy and
//! jieba Chinese segmentation.
//!
//! The database is the source of truth: the store feeds [`Doc`]s in
//! through [`Index::upsert`] / [`Index::delete`] / [`Index::commit`] (from
//! the job table), and `zhengxie index rebuild` replaces everything with
//! [`Index::rebuild`]. Each app server keeps its own index directory.
//!
//! ```no_run
//! # fn main() -> Result<(), search::SearchError> {
//! use search::{Index, Doc, Visibility};
//! let index = Index::open("data/search")?;
//! # let doc: Doc = todo!();
//! index.upsert(&doc)?;
//! index.commit()?;
//! let member = Visibility::member("/1/7/", vec![42]);
//! let hits = index.search("老旧小区加装电梯", &member, 10)?;
//! let like_draft = index.similar("关于缓解老城区停车难的提案 ……", &member, 5)?;
//! # Ok(()) }
//! ```
//!
//! Permission is part of the query ([`Visibility`]), so a search never
//! returns a proposal its user may not see, and never returns fewer hits
//! than exist because some were filtered out afterwards.
//!
//! Every call blocks (segmentation, reading the index): from async code,
//! run it on a blocking thread. [`Index`] is `Send + Sync`; share one per
//! process behind an `Arc`.
//!
//! # Benchmark
//!
//! `cargo run --release -p search --example bench -- 20000` indexes 20,000
//! synthetic proposals (mixed from the relevance test set) and prints raw
//! segmentation MB/s, indexing MB/s, and search and similar p50/p99. The
//! same measurement is [`bench::run`] for the benchmark harness.

pub mod bench;
mod error;
mod index;
mod query;
mod schema;
mod segment;
mod snippet;
mod visibility;

pub use error::{Result, SearchError};
pub use index::{Index, IndexConfig, Rebuild};
pub use query::{Hit, MAX_LIMIT};
pub use schema::Doc;
pub use segment::{segment, warm_up};
pub use visibility::Visibility;
