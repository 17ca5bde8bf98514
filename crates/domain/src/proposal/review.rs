//! The data of review outcomes (不予立案 reasons, 并案 targets, conversions)
//! and of key proposals and their supervision (重点提案, 督办).

use serde::{Deserialize, Serialize};

use super::Stage;
use crate::{LetterId, OpinionId, ProposalId, SuggestionId, UserId};

/// The standard reasons not to file a proposal (不予立案).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    StateSecrets,
    InLitigation,
    PersonalAffairs,
    Promotion,
    NoConcreteSuggestion,
    InternalAffairs,
    OutsideScope,
    /// 其他: the free text must say why.
    Other,
}

impl DeclineReason {
    pub const ALL: [DeclineReason; 8] = [
        DeclineReason::StateSecrets,
        DeclineReason::InLitigation,
        DeclineReason::PersonalAffairs,
        DeclineReason::Promotion,
        DeclineReason::NoConcreteSuggestion,
        DeclineReason::InternalAffairs,
        DeclineReason::OutsideScope,
        DeclineReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeclineReason::StateSecrets => "state_secrets",
            DeclineReason::InLitigation => "in_litigation",
            DeclineReason::PersonalAffairs => "personal_affairs",
            DeclineReason::Promotion => "promotion",
            DeclineReason::NoConcreteSuggestion => "no_concrete_suggestion",
            DeclineReason::InternalAffairs => "internal_affairs",
            DeclineReason::OutsideScope => "outside_scope",
            DeclineReason::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeclineReason::StateSecrets => "涉及国家秘密",
            DeclineReason::InLitigation => "涉及正在审理的司法案件",
            DeclineReason::PersonalAffairs => "属于个人或亲属私事",
            DeclineReason::Promotion => "为企业或产品做宣传",
            DeclineReason::NoConcreteSuggestion => "内容空泛，没有具体建议",
            DeclineReason::InternalAffairs => "属于党派团体内部事务",
            DeclineReason::OutsideScope => "不属于提案受理范围",
            DeclineReason::Other => "其他",
        }
    }

    pub fn parse(raw: &str) -> Option<DeclineReason> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|r| r.code() == raw || r.label() == raw)
    }
}

/// What a proposal may be turned into instead of being filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversionKind {
    /// 转为意见建议
    Suggestion,
    /// 转社情民意信息
    Opinion,
    /// 转委员来信
    Letter,
}

impl ConversionKind {
    pub fn label(self) -> &'static str {
        match self {
            ConversionKind::Suggestion => "转为意见建议",
            ConversionKind::Opinion => "转社情民意信息",
            ConversionKind::Letter => "转委员来信",
        }
    }
}

/// The item a proposal was turned into. The caller creates it in the same
/// transaction and stores the link both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkedItem {
    Suggestion(SuggestionId),
    Opinion(OpinionId),
    Letter(LetterId),
}

impl LinkedItem {
    pub fn kind(self) -> ConversionKind {
        match self {
            LinkedItem::Suggestion(_) => ConversionKind::Suggestion,
            LinkedItem::Opinion(_) => ConversionKind::Opinion,
            LinkedItem::Letter(_) => ConversionKind::Letter,
        }
    }
}

/// The proposal another is merged into, as the caller loaded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeTarget {
    pub id: ProposalId,
    pub stage: Stage,
}

/// A key proposal's supervising leader (督办领导).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyProposal {
    pub leader: UserId,
}

/// A kind of supervision activity (督办) on a key proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionKind {
    /// 视察
    Visit,
    /// 调研
    Research,
    /// 督办会、协商座谈会
    Meeting,
    /// 听取汇报
    Report,
    Other,
}

impl SupervisionKind {
    pub const ALL: [SupervisionKind; 5] = [
        SupervisionKind::Visit,
        SupervisionKind::Research,
        SupervisionKind::Meeting,
        SupervisionKind::Report,
        SupervisionKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SupervisionKind::Visit => "视察",
            SupervisionKind::Research => "调研",
            SupervisionKind::Meeting => "督办会议",
            SupervisionKind::Report => "听取汇报",
            SupervisionKind::Other => "其他",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decline_reasons_parse_from_labels_and_codes() {
        for reason in DeclineReason::ALL {
            assert_eq!(DeclineReason::parse(reason.label()), Some(reason));
            assert_eq!(DeclineReason::parse(reason.code()), Some(reason));
        }
        assert_eq!(
            LinkedItem::Opinion(OpinionId(4)).kind().label(),
            "转社情民意信息"
        );
    }
}
