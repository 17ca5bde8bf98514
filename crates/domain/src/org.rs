//! The organisation tree (全国 → 省 → 市 → 区/县) and who sees what in it.

use serde::{Deserialize, Serialize};

use crate::OrgId;

/// The level of a committee in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgLevel {
    National,
    Province,
    City,
    District,
}

impl OrgLevel {
    pub const ALL: [OrgLevel; 4] = [
        OrgLevel::National,
        OrgLevel::Province,
        OrgLevel::City,
        OrgLevel::District,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgLevel::National => "national",
            OrgLevel::Province => "province",
            OrgLevel::City => "city",
            OrgLevel::District => "district",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgLevel::National => "全国",
            OrgLevel::Province => "省级",
            OrgLevel::City => "市级",
            OrgLevel::District => "区县级",
        }
    }

    pub fn from_code(code: &str) -> Option<OrgLevel> {
        OrgLevel::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// The materialised path of an organisation: `/1/` for the root, `/1/7/` for
/// its child 7. A parent sees every organisation whose path starts with its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrgPath(String);

impl OrgPath {
    pub fn root(id: OrgId) -> OrgPath {
        OrgPath(format!("/{}/", id.0))
    }

    pub fn child(&self, id: OrgId) -> OrgPath {
        OrgPath(format!("{}{}/", self.0, id.0))
    }

    /// Trusts a path read back from the database.
    pub fn from_stored(path: String) -> OrgPath {
        OrgPath(path)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `other` is this organisation or one of its descendants.
    pub fn contains(&self, other: &OrgPath) -> bool {
        other.0.starts_with(&self.0)
    }

    /// How deep in the tree: the root is 1.
    pub fn depth(&self) -> usize {
        self.0.matches('/').count().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parent_contains_its_children_but_not_siblings() {
        let city = OrgPath::root(OrgId(1));
        let yuzhong = city.child(OrgId(7));
        let jiangbei = city.child(OrgId(8));
        assert!(city.contains(&yuzhong));
        assert!(city.contains(&city));
        assert!(!yuzhong.contains(&city));
        assert!(!yuzhong.contains(&jiangbei));
        // "/1/7/" must not contain "/1/71/".
        assert!(!yuzhong.contains(&city.child(OrgId(71))));
        assert_eq!(yuzhong.depth(), 2);
    }
}
