//! The index itself: opening it, and keeping it in step with the database
//! through one writer while readers search the last commit.
//!
//! Changes ([`Index::upsert`], [`Index::delete`]) become visible at the
//! next [`Index::commit`], so a job runner can apply a batch and commit
//! once. The database stays the source of truth: a lost or outdated index
//! is rebuilt from it with [`Index::rebuild`].

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use tantivy::directory::MmapDirectory;
use tantivy::{IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Searcher, Term};

use crate::error::{Result, SearchError};
use crate::schema::{self, Doc, Fields};
use crate::segment::{JiebaTokenizer, TOKENIZER_NAME};

/// How much the writer may use. The defaults suit an app server that
/// indexes a trickle of changes and, now and then, a full rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexConfig {
    /// Indexing threads; each segments text with jieba.
    pub writer_threads: usize,
    /// Memory for buffered documents, shared by the threads; tantivy needs
    /// at least 15 MB per thread.
    pub writer_memory_bytes: usize,
}

impl Default for IndexConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        IndexConfig {
            writer_threads: cores.clamp(1, 2),
            writer_memory_bytes: 96 << 20,
        }
    }
}

/// The proposal index: one writer, and readers reloaded on every commit.
/// Share it between threads behind an `Arc`.
pub struct Index {
    pub(crate) fields: Fields,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    created: bool,
}

impl Index {
    /// Opens the index in `dir`, creating it (and the directory) if
    /// needed. An index written with another schema by an older version is
    /// replaced by an empty one; [`Index::needs_rebuild`] then says so.
    /// Another process holding the same directory's writer is an error.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(dir, IndexConfig::default())
    }

    /// [`Index::open`] with explicit writer limits.
    pub fn open_with(dir: impl AsRef<Path>, config: IndexConfig) -> Result<Self> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|source| SearchError::Directory {
            dir: dir.to_owned(),
            source,
        })?;
        let (schema, fields) = schema::build();
        let directory = MmapDirectory::open(dir)?;
        let existing = if tantivy::Index::exists(&directory).map_err(tantivy::TantivyError::from)? {
            Some(tantivy::Index::open(directory.clone())?).filter(|i| i.schema() == schema)
        } else {
            None
        };
        let created = existing.is_none();
        let index = match existing {
            Some(index) => index,
            // `create` replaces whatever index was there.
            None => tantivy::Index::create(directory, schema, IndexSettings::default())?,
        };
        Self::start(index, fields, config, created)
    }

    /// A fresh index held in memory, for tests and tools.
    pub fn in_memory() -> Result<Self> {
        Self::in_memory_with(IndexConfig::default())
    }

    /// [`Index::in_memory`] with explicit writer limits.
    pub fn in_memory_with(config: IndexConfig) -> Result<Self> {
        let (schema, fields) = schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        Self::start(index, fields, config, true)
    }

    fn start(
        index: tantivy::Index,
        fields: Fields,
        config: IndexConfig,
        created: bool,
    ) -> Result<Self> {
        index.tokenizers().register(TOKENIZER_NAME, JiebaTokenizer);
        let threads = config.writer_threads.max(1);
        let writer = index.writer_with_num_threads(threads, config.writer_memory_bytes)?;
        // This process commits through `commit`, which reloads right away;
        // there is no other writer whose commits need watching.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            fields,
            reader,
            writer: Mutex::new(writer),
            created,
        })
    }

    /// Whether the index was created empty by this open (new directory or
    /// changed schema), so it should be rebuilt from the database.
    pub fn needs_rebuild(&self) -> bool {
        self.created
    }

    /// Adds a proposal, replacing any earlier version with the same id.
    pub fn upsert(&self, doc: &Doc) -> Result<()> {
        let writer = self.writer()?;
        writer.delete_term(self.id_term(doc.id));
        writer.add_document(schema::to_document(&self.fields, doc))?;
        Ok(())
    }

    /// Removes a proposal; unknown ids are ignored.
    pub fn delete(&self, id: i64) -> Result<()> {
        self.writer()?.delete_term(self.id_term(id));
        Ok(())
    }

    /// Makes every change so far durable and visible to searches.
    pub fn commit(&self) -> Result<()> {
        let mut writer = self.writer()?;
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    /// Replaces the whole index with `docs` and commits. Searches see the
    /// old index until the new one is complete. Returns how many were
    /// indexed.
    pub fn rebuild<I>(&self, docs: I) -> Result<u64>
    where
        I: IntoIterator<Item = Doc>,
    {
        let mut rebuild = self.begin_rebuild()?;
        for doc in docs {
            rebuild.add(&doc)?;
        }
        rebuild.finish()
    }

    /// Starts a rebuild fed one document at a time, for callers that stream
    /// from the database. Holds the writer until finished; dropping it
    /// unfinished leaves the index as it was.
    pub fn begin_rebuild(&self) -> Result<Rebuild<'_>> {
        let mut writer = self.writer()?;
        // Pending changes are committed first, so abandoning the rebuild
        // rolls back only the rebuild.
        writer.commit()?;
        writer.delete_all_documents()?;
        Ok(Rebuild {
            index: self,
            writer,
            count: 0,
            finished: false,
        })
    }

    /// Number of proposals visible to searches.
    pub fn num_docs(&self) -> u64 {
        self.searcher().num_docs()
    }

    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter>> {
        self.writer.lock().map_err(|_| SearchError::WriterPoisoned)
    }

    fn id_term(&self, id: i64) -> Term {
        Term::from_field_i64(self.fields.id, id)
    }
}

/// A rebuild in progress; see [`Index::begin_rebuild`].
pub struct Rebuild<'a> {
    index: &'a Index,
    writer: MutexGuard<'a, IndexWriter>,
    count: u64,
    finished: bool,
}

impl Rebuild<'_> {
    /// Adds one proposal to the new index.
    pub fn add(&mut self, doc: &Doc) -> Result<()> {
        self.writer
            .add_document(schema::to_document(&self.index.fields, doc))?;
        self.count += 1;
        Ok(())
    }

    /// Commits the new index and makes it visible; returns its size.
    pub fn finish(mut self) -> Result<u64> {
        self.writer.commit()?;
        self.finished = true;
        self.index.reader.reload()?;
        Ok(self.count)
    }
}

impl Drop for Rebuild<'_> {
    fn drop(&mut self) {
        if !self.finished {
            // A drop cannot report an error, and the caller already holds
            // the one that made it give up.
            let _ = self.writer.rollback();
        }
    }
}
