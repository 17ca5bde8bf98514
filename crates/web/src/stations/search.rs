//! Demands in the search index (the same machinery as proposals): the text
//! and the accepted answers, never the visitor's data; not public, so only
//! staff and leaders of the demand's organisation or above find them.

use search::Doc;
use store::{Db, StoreError};

fn doc_of(d: store::station::Indexable) -> Doc {
    let title: String = d.content.chars().take(30).collect();
    Doc {
        id: d.id,
        org_path: d.org_path,
        year: d.year,
        title: format!("{}：{title}", d.category),
        body: d.content,
        suggestions: String::new(),
        answers: d.answers.join("\n"),
        public: false,
        state: d.stage,
        category: d.category,
    }
}

pub async fn docs_by_id(db: &Db, ids: &[i64]) -> Result<Vec<Doc>, StoreError> {
    Ok(store::station::indexable_by_id(db, ids)
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
    let rows = store::station::indexable_after(db, after, limit).await?;
    let last = rows.last().map(|d| d.id);
    Ok((rows.into_iter().map(doc_of).collect(), last))
}
