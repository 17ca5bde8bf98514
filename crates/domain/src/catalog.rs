//! The structure lists each organisation keeps: sectors (界别), special
//! committees (专门委员会), terms (届次) and handling units (承办单位).
//! They share one shape (a name plus a few fields, deactivated rather than
//! deleted), so one description drives their forms, storage and API.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::field::{optional_text, required_text, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogKind {
    Sector,
    Committee,
    Term,
    Unit,
    /// 提案类别: the proposal categories an organisation uses.
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text {
        required: bool,
        max: usize,
    },
    /// A whole number in a range.
    Number {
        min: i64,
        max: i64,
    },
    /// 是/否
    Flag,
}

/// One field beyond the name.
#[derive(Debug, Clone, Copy)]
pub struct CatalogField {
    /// The column and form field name.
    pub name: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
}

impl CatalogKind {
    pub const ALL: [CatalogKind; 5] = [
        CatalogKind::Sector,
        CatalogKind::Committee,
        CatalogKind::Term,
        CatalogKind::Unit,
        CatalogKind::Category,
    ];

    /// The path segment and API name.
    pub fn slug(self) -> &'static str {
        match self {
            CatalogKind::Sector => "sectors",
            CatalogKind::Committee => "committees",
            CatalogKind::Term => "terms",
            CatalogKind::Unit => "units",
            CatalogKind::Category => "categories",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CatalogKind> {
        CatalogKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            CatalogKind::Sector => "界别",
            CatalogKind::Committee => "专门委员会",
            CatalogKind::Term => "届次",
            CatalogKind::Unit => "承办单位",
            CatalogKind::Category => "提案类别",
        }
    }

    pub fn fields(self) -> &'static [CatalogField] {
        const TEXT: FieldKind = FieldKind::Text {
            required: false,
            max: 60,
        };
        match self {
            CatalogKind::Sector => &[
                CatalogField {
                    name: "convenor",
                    label: "召集人",
                    kind: TEXT,
                },
                CatalogField {
                    name: "sort",
                    label: "排序",
                    kind: FieldKind::Number { min: 0, max: 9999 },
                },
            ],
            CatalogKind::Committee => &[
                CatalogField {
                    name: "description",
                    label: "职责简介",
                    kind: FieldKind::Text {
                        required: false,
                        max: 200,
                    },
                },
                CatalogField {
                    name: "sort",
                    label: "排序",
                    kind: FieldKind::Number { min: 0, max: 9999 },
                },
            ],
            CatalogKind::Term => &[
                CatalogField {
                    name: "number",
                    label: "届数",
                    kind: FieldKind::Number { min: 1, max: 99 },
                },
                CatalogField {
                    name: "start_year",
                    label: "起始年份",
                    kind: FieldKind::Number {
                        min: 1949,
                        max: 2100,
                    },
                },
                CatalogField {
                    name: "end_year",
                    label: "截止年份",
                    kind: FieldKind::Number {
                        min: 1949,
                        max: 2100,
                    },
                },
                CatalogField {
                    name: "is_current",
                    label: "本届",
                    kind: FieldKind::Flag,
                },
            ],
            CatalogKind::Unit => &[
                CatalogField {
                    name: "kind",
                    label: "单位类别",
                    kind: TEXT,
                },
                CatalogField {
                    name: "contact_person",
                    label: "联系人",
                    kind: FieldKind::Text {
                        required: false,
                        max: 30,
                    },
                },
                CatalogField {
                    name: "contact_phone",
                    label: "联系电话",
                    kind: FieldKind::Text {
                        required: false,
                        max: 30,
                    },
                },
            ],
            CatalogKind::Category => &[CatalogField {
                name: "sort",
                label: "排序",
                kind: FieldKind::Number { min: 0, max: 9999 },
            }],
        }
    }
}

/// The default proposal categories (DOMAIN §2); each organisation edits its own.
pub const DEFAULT_CATEGORIES: [&str; 6] = [
    "经济建设",
    "政治建设",
    "文化建设",
    "社会建设",
    "生态文明建设",
    "其他",
];

/// A valid item: its name and its other fields by column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogDraft {
    pub name: String,
    pub text: BTreeMap<&'static str, String>,
    pub numbers: BTreeMap<&'static str, i64>,
}

/// Parses a form (field name → raw value) for a kind of list.
pub fn parse(
    kind: CatalogKind,
    input: &BTreeMap<String, String>,
) -> Result<CatalogDraft, FieldErrors> {
    let raw = |name: &str| input.get(name).map(String::as_str).unwrap_or("");
    let mut e = FieldErrors::new();
    let name = e.take("name", required_text(raw("name"), "名称", 60));
    let mut text = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    for field in kind.fields() {
        match field.kind {
            FieldKind::Text { required, max } => {
                let parsed = if required {
                    required_text(raw(field.name), field.label, max)
                } else {
                    optional_text(raw(field.name), field.label, max).map(|v| v.unwrap_or_default())
                };
                if let Some(v) = e.take(field.name, parsed) {
                    text.insert(field.name, v);
                }
            }
            FieldKind::Number { min, max } => {
                let value = raw(field.name).trim();
                let parsed = if value.is_empty() && min == 0 {
                    Ok(0)
                } else {
                    value
                        .parse::<i64>()
                        .ok()
                        .filter(|v| (min..=max).contains(v))
                        .ok_or_else(|| format!("{}应为{min}到{max}之间的整数", field.label))
                };
                if let Some(v) = e.take(field.name, parsed) {
                    numbers.insert(field.name, v);
                }
            }
            FieldKind::Flag => {
                let on = matches!(raw(field.name).trim(), "1" | "on" | "true" | "是");
                numbers.insert(field.name, i64::from(on));
            }
        }
    }
    if kind == CatalogKind::Term {
        if let (Some(start), Some(end)) = (numbers.get("start_year"), numbers.get("end_year")) {
            if end < start {
                e.add("end_year", "截止年份不能早于起始年份");
            }
        }
    }
    e.finish(|| {
        Some(CatalogDraft {
            name: name?,
            text,
            numbers,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_term_needs_sane_years() {
        let ok = parse(
            CatalogKind::Term,
            &form(&[
                ("name", "第六届"),
                ("number", "6"),
                ("start_year", "2023"),
                ("end_year", "2027"),
                ("is_current", "on"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.numbers["is_current"], 1);
        let bad = parse(
            CatalogKind::Term,
            &form(&[
                ("name", "第六届"),
                ("number", "x"),
                ("start_year", "2023"),
                ("end_year", "2020"),
            ]),
        )
        .unwrap_err();
        assert!(bad.get("number").is_some());
        assert_eq!(bad.get("end_year"), Some("截止年份不能早于起始年份"));
    }

    #[test]
    fn every_kind_needs_a_name() {
        for kind in CatalogKind::ALL {
            let errors = parse(
                kind,
                &form(&[
                    ("number", "1"),
                    ("start_year", "2023"),
                    ("end_year", "2027"),
                ]),
            )
            .unwrap_err();
            assert_eq!(errors.get("name"), Some("请填写名称"));
            assert_eq!(CatalogKind::from_slug(kind.slug()), Some(kind));
        }
    }
}
