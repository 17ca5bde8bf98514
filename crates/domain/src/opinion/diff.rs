//! A small diff of two texts for the staff edit view: by character when
//! the texts are short enough, else by line (longest common subsequence).

use serde::Serialize;

/// One run of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub change: Change,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    /// Only in the edited text.
    Added,
    /// Only in the original.
    Removed,
}

/// The character table stays under this many cells (about 8 MB).
const MAX_CELLS: usize = 4_000_000;

/// The runs that turn `before` into `after`.
pub fn diff(before: &str, after: &str) -> Vec<Part> {
    let a: Vec<char> = before.chars().collect();
    let b: Vec<char> = after.chars().collect();
    if a.len().saturating_mul(b.len()) <= MAX_CELLS {
        let units = |v: &[char]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        runs(&units(&a), &units(&b))
    } else {
        let lines = |s: &str| {
            s.split_inclusive('\n')
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        runs(&lines(before), &lines(after))
    }
}

fn runs(a: &[String], b: &[String]) -> Vec<Part> {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the common length of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut out: Vec<Part> = Vec::new();
    let mut push = |change: Change, unit: &str| match out.last_mut() {
        Some(last) if last.change == change => last.text.push_str(unit),
        _ => out.push(Part {
            change,
            text: unit.to_string(),
        }),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            push(Change::Same, &a[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            push(Change::Added, &b[j]);
            j += 1;
        } else {
            push(Change::Removed, &a[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(parts: &[Part], keep: Change) -> String {
        parts
            .iter()
            .filter(|p| p.change == Change::Same || p.change == keep)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn a_changed_word_shows_as_removed_and_added() {
        let parts = diff("建议加快推进", "建议尽快推进");
        assert_eq!(
            parts,
            vec![
                Part {
                    change: Change::Same,
                    text: "建议".into()
                },
                Part {
                    change: Change::Added,
                    text: "尽".into()
                },
                Part {
                    change: Change::Removed,
                    text: "加".into()
                },
                Part {
                    change: Change::Same,
                    text: "快推进".into()
                },
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn both_texts_are_rebuilt(a in "[甲乙丙\n]{0,40}", b in "[甲乙丁\n]{0,40}") {
            let parts = diff(&a, &b);
            proptest::prop_assert_eq!(rebuild(&parts, Change::Removed), a);
            proptest::prop_assert_eq!(rebuild(&parts, Change::Added), b);
        }
    }
}
