//! 社情民意 in the search index (the same machinery as proposals and
//! demands): the text as it now reads; not public, so staff and leaders of
//! the report's committee or above find it (members see their own list).

use search::Doc;
use store::opinion::search::Indexable;
use store::{Db, StoreError};

fn doc_of(d: Indexable) -> Doc {
    Doc {
        id: d.id,
        org_path: d.org_path,
        year: d.year,
        title: d.text.title,
        body: format!("{}\n{}", d.text.situation, d.text.analysis),
        suggestions: d.text.suggestion,
        answers: String::new(),
        public: false,
        state: d.stage,
        category: d.text.category,
    }
}

pub async fn docs_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Doc>, StoreError> {
    Ok(store::opinion::search::indexable_by_id(db, ids)
        .await?
        .into_iter()
        .map(doc_of)
        .collect())
}

pub async fn docs_after(
    db: &Db,
    after: i64,
    limit: u64,
) -> Result<(Vec<Doc>, Option<i64>), StoreError> {
    let (rows, last) = store::opinion::search::indexable_after(db, after, limit).await?;
    Ok((rows.into_iter().map(doc_of).collect(), last))
}
