//! Chinese word segmentation: one jieba dictionary for the whole process,
//! used both by the index (as a tantivy tokenizer) and by [`segment`].
//!
//! Text is cut in jieba's search mode, which emits a long word and the
//! dictionary words inside it ("老旧小区" gives "老旧", "小区" and "老旧小区"),
//! so a query for the short word finds the long one. Punctuation, spaces and
//! a few particles that carry no meaning are dropped; Latin letters are
//! lower-cased.

use std::sync::OnceLock;

use jieba_rs::Jieba;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the tokenizer is registered with tantivy.
pub(crate) const TOKENIZER_NAME: &str = "jieba";

/// Single characters too common to tell proposals apart.
const STOP_CHARS: &[&str] = &[
    "的", "了", "和", "与", "及", "等", "在", "是", "对", "为", "将", "把", "被", "也", "都", "而",
    "并", "或", "其", "之", "于", "以", "中", "个", "有", "就", "上", "下",
];

/// Policy words jieba's general dictionary cuts wrongly ("非遗传承人" came
/// out as "非 / 遗传 / 承人"), one a line.
const DOMAIN_WORDS: &str = include_str!("words.txt");

/// The process-wide dictionary. Loading it takes a noticeable moment, so it
/// happens once, on first use.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = Jieba::new();
        for word in DOMAIN_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            // No frequency: jieba picks one just high enough to keep the
            // word whole.
            jieba.add_word(word, None, None);
        }
        jieba
    })
}

/// Loads the dictionary now rather than on the first query, e.g. at startup.
pub fn warm_up() {
    jieba();
}

/// Segments `text` into the words the index stores for it.
pub fn segment(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |word, _, _| words.push(word.to_owned()));
    words
}

/// Calls `f(word, byte_start, byte_end)` for every indexed word of `text`,
/// in order. The word is lower-cased; offsets point into `text`.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut lowered = String::new();
    for token in jieba().cut_for_search(text, true) {
        if !keep(token.word) {
            continue;
        }
        let word = if token.word.bytes().any(|b| b.is_ascii_uppercase()) {
            lowered.clear();
            lowered.push_str(token.word);
            lowered.make_ascii_lowercase();
            lowered.as_str()
        } else {
            token.word
        };
        f(word, token.byte_start, token.byte_end);
    }
}

/// Whether a jieba token is a word worth indexing.
fn keep(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric) && !STOP_CHARS.contains(&word)
}

/// Number of characters, not bytes: single-character words are weak
/// evidence of similarity.
pub(crate) fn char_len(word: &str) -> usize {
    word.chars().count()
}

/// The tantivy side of [`segment`]: the same words with their offsets, so
/// snippets can highlight them.
#[derive(Clone, Default)]
pub(crate) struct JiebaTokenizer;

/// Tokens of one text: jieba cuts it up front, and each word is copied into
/// the one reused tantivy token as the indexer asks for it.
pub(crate) struct JiebaTokenStream<'a> {
    words: std::vec::IntoIter<jieba_rs::Token<'a>>,
    current: Token,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream<'a> {
        JiebaTokenStream {
            words: jieba().cut_for_search(text, true).into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for JiebaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for word in self.words.by_ref() {
            if !keep(word.word) {
                continue;
            }
            let token = &mut self.current;
            token.text.clear();
            token.text.push_str(word.word);
            token.text.make_ascii_lowercase();
            token.offset_from = word.byte_start;
            token.offset_to = word.byte_end;
            // Search mode emits overlapping words; the index keeps no
            // positions, so an ordinal is enough.
            token.position = token.position.wrapping_add(1);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_mode_keeps_the_long_word_and_its_parts() {
        let words = segment("关于老旧小区加装电梯的提案");
        for expected in ["老旧", "小区", "加装", "电梯", "提案"] {
            assert!(
                words.iter().any(|w| w == expected),
                "{expected} in {words:?}"
            );
        }
        assert!(
            !words.iter().any(|w| w == "的"),
            "stop character kept: {words:?}"
        );
    }

    #[test]
    fn punctuation_dropped_and_latin_lower_cased() {
        let words = segment("推广“ETC”，方便！");
        assert!(words.iter().any(|w| w == "etc"), "{words:?}");
        assert!(words.iter().all(|w| w.chars().any(char::is_alphanumeric)));
    }

    #[test]
    fn tokenizer_offsets_point_into_the_text() {
        let text = "缓解停车难问题";
        let mut tokenizer = JiebaTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut seen = 0;
        while stream.advance() {
            let token = stream.token();
            assert_eq!(&text[token.offset_from..token.offset_to], token.text);
            seen += 1;
        }
        assert!(seen >= 3);
    }
}
