//! Short extracts of a hit's text around the words that matched, with the
//! matched words marked, for result lists.
//!
//! The words come from the query, already segmented, so finding them is a
//! plain substring search: re-segmenting each hit's text with jieba would
//! cost more than the search itself.

use std::ops::Range;

/// Longest extract, in characters.
const MAX_CHARS: usize = 80;
/// How far back an extract may start to begin at its sentence.
const MAX_LEAD_CHARS: usize = 30;
/// Written where an extract cuts the text.
const ELLIPSIS: &str = "…";

/// A query word and how much finding it is worth.
pub(crate) type WeightedWord = (String, f32);

/// Text to show for a hit, and the byte ranges in it to mark.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Extract {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// The best extract among `texts` (in order of preference on a tie): the
/// window holding the most valuable distinct query words. Without any
/// match, the start of the first non-empty text.
pub(crate) fn extract(texts: &[&str], words: &[WeightedWord]) -> Extract {
    let mut best: Option<(f32, &str, usize)> = None;
    for text in texts {
        let found = matches(text, words);
        for (i, first) in found.iter().enumerate() {
            let end = byte_after_chars(text, first.0.start, MAX_CHARS);
            let mut seen = Vec::new();
            let mut score = 0.0;
            for (range, word) in &found[i..] {
                if range.end > end {
                    break;
                }
                if !seen.contains(word) {
                    seen.push(*word);
                    score += words[*word].1;
                }
            }
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, text, first.0.start));
            }
        }
    }
    match best {
        Some((_, text, at)) => around(text, sentence_start(text, at), words),
        None => match texts.iter().find(|t| !t.trim().is_empty()) {
            Some(text) => around(text, 0, words),
            None => Extract::default(),
        },
    }
}

/// The extract of `text` starting at byte `start`, with its matches marked.
fn around(text: &str, start: usize, words: &[WeightedWord]) -> Extract {
    let end = byte_after_chars(text, start, MAX_CHARS);
    let lead = if start > 0 { ELLIPSIS } else { "" };
    let tail = if end < text.len() { ELLIPSIS } else { "" };
    let mut highlights: Vec<Range<usize>> = Vec::new();
    for (range, _) in matches(&text[start..end], words) {
        let range = range.start + lead.len()..range.end + lead.len();
        match highlights.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => highlights.push(range),
        }
    }
    Extract {
        text: format!("{lead}{}{tail}", &text[start..end]),
        highlights,
    }
}

/// Every occurrence of every word, by position, longest first on a tie.
fn matches(text: &str, words: &[WeightedWord]) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    for (index, (word, _)) in words.iter().enumerate() {
        if word.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(word.as_str()) {
            found.push((at..at + word.len(), index));
        }
    }
    found.sort_by(|a, b| (a.0.start, b.0.end).cmp(&(b.0.start, a.0.end)));
    found
}

/// Where the sentence holding byte `at` begins, if that is near enough.
fn sentence_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    for (taken, (index, c)) in before.char_indices().rev().enumerate() {
        if taken >= MAX_LEAD_CHARS {
            return at;
        }
        if matches!(c, '。' | '；' | '！' | '？' | '\n' | '.' | ';' | '!' | '?') {
            return index + c.len_utf8();
        }
    }
    0
}

/// Byte offset `chars` characters after byte `start`, or the end of text.
fn byte_after_chars(text: &str, start: usize, chars: usize) -> usize {
    text[start..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(offset, _)| start + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<WeightedWord> {
        list.iter().map(|w| ((*w).to_owned(), 1.0)).collect()
    }

    #[test]
    fn marks_the_matched_words() {
        let e = extract(&["缓解老城区停车难问题。"], &words(&["停车", "老城区"]));
        assert_eq!(e.text, "缓解老城区停车难问题。");
        let marked: Vec<&str> = e.highlights.iter().map(|r| &e.text[r.clone()]).collect();
        assert_eq!(marked, ["老城区停车"]);
    }

    #[test]
    fn prefers_the_text_with_more_distinct_words() {
        let texts = ["道路养护资金不足。", "农村公路养护管理需要加强。"];
        let e = extract(&texts, &words(&["农村", "公路", "养护"]));
        assert!(e.text.starts_with("农村公路"), "{}", e.text);
    }

    #[test]
    fn long_text_is_cut_at_a_sentence_with_ellipses() {
        let filler = "这是一段与主题无关的背景介绍文字。".repeat(10);
        let text = format!("{filler}垃圾分类投放准确率不高。{filler}");
        let e = extract(&[&text], &words(&["垃圾分类"]));
        assert!(e.text.starts_with("…垃圾分类"), "{}", e.text);
        assert!(e.text.ends_with(ELLIPSIS));
        assert!(e.text.chars().count() <= MAX_CHARS + 2);
    }

    #[test]
    fn no_match_shows_the_start() {
        let e = extract(&["", "第二段文字"], &words(&["无关"]));
        assert_eq!(e.text, "第二段文字");
        assert!(e.highlights.is_empty());
    }
}
