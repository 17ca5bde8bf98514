//! What the index stores for a proposal: [`Doc`], the tantivy schema
//! and the mapping between them.
//!
//! The organisation path is indexed as all its ancestors ("/1/7/" gives the
//! terms "/1/" and "/1/7/"), so "within this subtree" is one term query.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STRING,
};
use tantivy::TantivyDocument;

use crate::error::{Result, SearchError};
use crate::segment::TOKENIZER_NAME;

/// One item as the store feeds it to the index (the comments name a
/// proposal's parts; other kinds fill the nearest equivalent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub id: i64,
    /// Materialised path of the owning organisation, e.g. "/1/7/".
    pub org_path: String,
    pub year: i64,
    /// 案由 / 标题.
    pub title: String,
    /// 情况与分析 / 诉求内容.
    pub body: String,
    /// 建议.
    pub suggestions: String,
    /// The handling units' answers, concatenated.
    pub answers: String,
    /// Whether members in scope may see it. The store decides what that
    /// means (e.g. the proposer chose public and it has been submitted).
    pub public: bool,
    pub state: String,
    pub category: String,
}

/// Handles of every field, looked up once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub org: Field,
    pub year: Field,
    pub public: Field,
    pub state: Field,
    pub category: Field,
    /// Indexed and stored.
    pub title: Field,
    /// Body, suggestions and answers indexed together, not stored: one
    /// posting list per word instead of three halves the work of a query.
    pub content: Field,
    /// Stored only, for snippets.
    pub body: Field,
    pub suggestions: Field,
    pub answers: Field,
}

impl Fields {
    /// The searchable text fields with their weight in a query: a word in
    /// the title says more about what the item is about.
    pub fn weighted_text(&self) -> [(Field, f32); 2] {
        [(self.title, 3.0), (self.content, 1.0)]
    }
}

/// The schema and its field handles. Text is indexed with frequencies but
/// without positions: queries are bags of words, and positions would
/// double the index.
pub(crate) fn build() -> (Schema, Fields) {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqs);
    let text = TextOptions::default()
        .set_stored()
        .set_indexing_options(indexing.clone());
    let content = TextOptions::default().set_indexing_options(indexing);
    let stored = TextOptions::default().set_stored();
    let number = NumericOptions::default().set_indexed();
    let mut builder = Schema::builder();
    let fields = Fields {
        id: builder.add_i64_field("id", number.clone().set_stored()),
        org: builder.add_text_field("org", STRING),
        year: builder.add_i64_field("year", number.clone()),
        public: builder.add_bool_field("public", number),
        state: builder.add_text_field("state", STRING),
        category: builder.add_text_field("category", STRING),
        title: builder.add_text_field("title", text),
        content: builder.add_text_field("content", content),
        body: builder.add_text_field("body", stored.clone()),
        suggestions: builder.add_text_field("suggestions", stored.clone()),
        answers: builder.add_text_field("answers", stored),
    };
    (builder.build(), fields)
}

/// Turns an item into the document tantivy indexes.
pub(crate) fn to_document(fields: &Fields, doc: &Doc) -> TantivyDocument {
    let mut out = TantivyDocument::new();
    out.add_i64(fields.id, doc.id);
    for ancestor in org_ancestors(&doc.org_path) {
        out.add_text(fields.org, ancestor);
    }
    out.add_i64(fields.year, doc.year);
    out.add_bool(fields.public, doc.public);
    out.add_text(fields.state, &doc.state);
    out.add_text(fields.category, &doc.category);
    out.add_text(fields.title, &doc.title);
    // One value per part: the tokenizer starts afresh on each, so words
    // never run across the join.
    for part in [&doc.body, &doc.suggestions, &doc.answers] {
        if !part.is_empty() {
            out.add_text(fields.content, part);
        }
    }
    out.add_text(fields.body, &doc.body);
    out.add_text(fields.suggestions, &doc.suggestions);
    out.add_text(fields.answers, &doc.answers);
    out
}

/// Reads back the proposal id of a stored document.
pub(crate) fn stored_id(fields: &Fields, doc: &TantivyDocument) -> Result<i64> {
    doc.get_first(fields.id)
        .and_then(|v| v.as_i64())
        .ok_or(SearchError::MissingField("id"))
}

/// Reads back a stored text field; absent text reads as empty.
pub(crate) fn stored_text(doc: &TantivyDocument, field: Field) -> &str {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
}

/// Every ancestor path of an organisation path, itself included, in the
/// canonical form "/1/7/". "1/7", "/1/7" and "/1/7/" are the same path.
pub(crate) fn org_ancestors(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prefix = String::from("/");
    for part in path.split('/').filter(|p| !p.is_empty()) {
        prefix.push_str(part);
        prefix.push('/');
        out.push(prefix.clone());
    }
    out
}

/// The canonical form of an organisation path, or `None` for the root
/// ("/" or ""), which contains every organisation.
pub(crate) fn canonical_org(path: &str) -> Option<String> {
    org_ancestors(path).pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_of_a_path() {
        assert_eq!(org_ancestors("/1/7/"), ["/1/", "/1/7/"]);
        assert_eq!(org_ancestors("1/7"), ["/1/", "/1/7/"]);
        assert!(org_ancestors("/").is_empty());
    }

    #[test]
    fn canonical_paths() {
        assert_eq!(canonical_org("/1/7").as_deref(), Some("/1/7/"));
        assert_eq!(canonical_org(""), None);
    }
}
