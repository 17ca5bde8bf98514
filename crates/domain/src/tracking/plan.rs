//! How an item is assigned: the mode (单办, 主办+会办, 分办) and each unit's
//! role. An [`AssignmentPlan`] that exists has a consistent shape.

use serde::{Deserialize, Serialize};

use crate::UnitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentMode {
    /// 单办: one unit.
    Single,
    /// 主办+会办: a lead unit answers; co-units send their views to it.
    LeadWithCo,
    /// 分办: several units, each answers its own part.
    Split,
}

impl AssignmentMode {
    pub const ALL: [AssignmentMode; 3] = [
        AssignmentMode::Single,
        AssignmentMode::LeadWithCo,
        AssignmentMode::Split,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AssignmentMode::Single => "single",
            AssignmentMode::LeadWithCo => "lead_with_co",
            AssignmentMode::Split => "split",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AssignmentMode::Single => "单办",
            AssignmentMode::LeadWithCo => "主办+会办",
            AssignmentMode::Split => "分办",
        }
    }

    /// Accepts the code or the Chinese label.
    pub fn parse(raw: &str) -> Option<AssignmentMode> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|m| m.code() == raw || m.label() == raw)
    }
}

/// A unit's part in an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitRole {
    /// The only unit (单办).
    Sole,
    /// 主办单位
    Lead,
    /// 会办单位: sends views to the lead, never answers itself.
    Co,
    /// 分办单位: answers its own part.
    Each,
}

impl UnitRole {
    pub fn code(self) -> &'static str {
        match self {
            UnitRole::Sole => "sole",
            UnitRole::Lead => "lead",
            UnitRole::Co => "co",
            UnitRole::Each => "each",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            UnitRole::Sole => "单办单位",
            UnitRole::Lead => "主办单位",
            UnitRole::Co => "会办单位",
            UnitRole::Each => "分办单位",
        }
    }

    /// Whether a unit in this role writes an answer (and is rated).
    pub fn answers(self) -> bool {
        !matches!(self, UnitRole::Co)
    }

    /// Whether the role belongs to the mode.
    pub fn fits(self, mode: AssignmentMode) -> bool {
        matches!(
            (mode, self),
            (AssignmentMode::Single, UnitRole::Sole)
                | (AssignmentMode::LeadWithCo, UnitRole::Lead | UnitRole::Co)
                | (AssignmentMode::Split, UnitRole::Each)
        )
    }
}

/// Which units get the item and in which roles. Valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawPlan")]
pub struct AssignmentPlan {
    mode: AssignmentMode,
    units: Vec<(UnitId, UnitRole)>,
}

#[derive(Deserialize)]
struct RawPlan {
    mode: AssignmentMode,
    units: Vec<(UnitId, UnitRole)>,
}

impl TryFrom<RawPlan> for AssignmentPlan {
    type Error = String;
    fn try_from(raw: RawPlan) -> Result<Self, String> {
        AssignmentPlan::new(raw.mode, raw.units)
    }
}

impl AssignmentPlan {
    pub fn single(unit: UnitId) -> AssignmentPlan {
        AssignmentPlan {
            mode: AssignmentMode::Single,
            units: vec![(unit, UnitRole::Sole)],
        }
    }

    pub fn lead_with_co(lead: UnitId, co: &[UnitId]) -> Result<AssignmentPlan, String> {
        let mut units = vec![(lead, UnitRole::Lead)];
        units.extend(co.iter().map(|u| (*u, UnitRole::Co)));
        AssignmentPlan::new(AssignmentMode::LeadWithCo, units)
    }

    pub fn split(units: &[UnitId]) -> Result<AssignmentPlan, String> {
        let units = units.iter().map(|u| (*u, UnitRole::Each)).collect();
        AssignmentPlan::new(AssignmentMode::Split, units)
    }

    /// Checks the shape: roles fit the mode, one lead, no unit twice.
    pub fn new(
        mode: AssignmentMode,
        units: Vec<(UnitId, UnitRole)>,
    ) -> Result<AssignmentPlan, String> {
        if units.is_empty() {
            return Err("请选择承办单位".into());
        }
        if let Some((_, role)) = units.iter().find(|(_, role)| !role.fits(mode)) {
            return Err(format!("{}不适用于{}", role.label(), mode.label()));
        }
        let mut seen: Vec<UnitId> = units.iter().map(|(u, _)| *u).collect();
        seen.sort();
        seen.dedup();
        if seen.len() != units.len() {
            return Err("同一承办单位不能重复选择".into());
        }
        let count = |role| units.iter().filter(|(_, r)| *r == role).count();
        match mode {
            AssignmentMode::Single if units.len() != 1 => Err("单办只能选择一个承办单位".into()),
            AssignmentMode::LeadWithCo if count(UnitRole::Lead) != 1 => {
                Err("主办+会办须有且只有一个主办单位".into())
            }
            AssignmentMode::LeadWithCo if count(UnitRole::Co) == 0 => {
                Err("主办+会办须至少有一个会办单位".into())
            }
            AssignmentMode::Split if units.len() < 2 => Err("分办须至少选择两个承办单位".into()),
            _ => Ok(AssignmentPlan { mode, units }),
        }
    }

    pub fn mode(&self) -> AssignmentMode {
        self.mode
    }

    pub fn units(&self) -> &[(UnitId, UnitRole)] {
        &self.units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: UnitId = UnitId(1);
    const B: UnitId = UnitId(2);

    #[test]
    fn shapes_are_checked_with_chinese_messages() {
        assert_eq!(AssignmentPlan::single(A).units(), &[(A, UnitRole::Sole)]);
        assert!(AssignmentPlan::lead_with_co(A, &[B]).is_ok());
        assert_eq!(
            AssignmentPlan::lead_with_co(A, &[]).unwrap_err(),
            "主办+会办须至少有一个会办单位"
        );
        assert_eq!(
            AssignmentPlan::lead_with_co(A, &[A]).unwrap_err(),
            "同一承办单位不能重复选择"
        );
        assert_eq!(
            AssignmentPlan::split(&[A]).unwrap_err(),
            "分办须至少选择两个承办单位"
        );
        assert_eq!(
            AssignmentPlan::new(AssignmentMode::Single, vec![(A, UnitRole::Lead)]).unwrap_err(),
            "主办单位不适用于单办"
        );
        assert_eq!(
            AssignmentPlan::new(
                AssignmentMode::LeadWithCo,
                vec![(A, UnitRole::Lead), (B, UnitRole::Lead)]
            )
            .unwrap_err(),
            "主办+会办须有且只有一个主办单位"
        );
        assert_eq!(
            AssignmentPlan::new(AssignmentMode::Split, vec![]).unwrap_err(),
            "请选择承办单位"
        );
    }

    #[test]
    fn modes_parse_from_labels() {
        assert_eq!(
            AssignmentMode::parse("主办+会办"),
            Some(AssignmentMode::LeadWithCo)
        );
        assert_eq!(AssignmentMode::parse("split"), Some(AssignmentMode::Split));
        assert!(!UnitRole::Co.answers());
        assert!(UnitRole::Each.answers());
    }
}
