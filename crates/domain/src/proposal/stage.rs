//! The stages of a proposal (DOMAIN §2). Once a proposal is assigned, its
//! stage is worked out from its units' assignments, so the two never
//! disagree.

use serde::{Deserialize, Serialize};

use crate::tracking::{AssignmentState, Tracking};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 草稿
    Draft,
    /// 联名征集: waiting for co-signers to confirm.
    CollectingCosigners,
    /// 已提交: waiting for a reviewer.
    Submitted,
    /// 审查: a reviewer of the 提案委 has taken it. Kept apart from Submitted
    /// so the queue shows what nobody has picked up yet.
    UnderReview,
    /// 退回修改
    ReturnedForChanges,
    /// 撤案
    Withdrawn,
    /// 不予立案
    NotFiled,
    /// 转为意见建议 / 转社情民意信息 / 转委员来信
    Converted,
    /// 立案, not yet assigned (or every unit returned it).
    Filed,
    /// 并案: filed and joined to another filed proposal; handled and
    /// answered like a filed one.
    Merged,
    /// 交办: units hold it, none has started.
    Assigned,
    /// 办理中
    Handling,
    /// 已答复: every answer accepted, no rating of it yet.
    Answered,
    /// 评价: ratings are coming in.
    Rating,
    /// 重新办理 after a dissatisfied rating.
    Rehandling,
    /// 办结
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 16] = [
        Stage::Draft,
        Stage::CollectingCosigners,
        Stage::Submitted,
        Stage::UnderReview,
        Stage::ReturnedForChanges,
        Stage::Withdrawn,
        Stage::NotFiled,
        Stage::Converted,
        Stage::Filed,
        Stage::Merged,
        Stage::Assigned,
        Stage::Handling,
        Stage::Answered,
        Stage::Rating,
        Stage::Rehandling,
        Stage::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::CollectingCosigners => "collecting_cosigners",
            Stage::Submitted => "submitted",
            Stage::UnderReview => "under_review",
            Stage::ReturnedForChanges => "returned_for_changes",
            Stage::Withdrawn => "withdrawn",
            Stage::NotFiled => "not_filed",
            Stage::Converted => "converted",
            Stage::Filed => "filed",
            Stage::Merged => "merged",
            Stage::Assigned => "assigned",
            Stage::Handling => "handling",
            Stage::Answered => "answered",
            Stage::Rating => "rating",
            Stage::Rehandling => "rehandling",
            Stage::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "草稿",
            Stage::CollectingCosigners => "联名征集",
            Stage::Submitted => "已提交",
            Stage::UnderReview => "审查中",
            Stage::ReturnedForChanges => "退回修改",
            Stage::Withdrawn => "已撤案",
            Stage::NotFiled => "不予立案",
            Stage::Converted => "已转办",
            Stage::Filed => "已立案",
            Stage::Merged => "并案",
            Stage::Assigned => "已交办",
            Stage::Handling => "办理中",
            Stage::Answered => "已答复",
            Stage::Rating => "评价中",
            Stage::Rehandling => "重新办理",
            Stage::Closed => "办结",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Filed (or merged) and so numbered: every stage from 立案 on.
    pub fn is_filed(self) -> bool {
        matches!(
            self,
            Stage::Filed
                | Stage::Merged
                | Stage::Assigned
                | Stage::Handling
                | Stage::Answered
                | Stage::Rating
                | Stage::Rehandling
                | Stage::Closed
        )
    }

    /// Units hold it and it is not closed.
    pub fn is_in_handling(self) -> bool {
        matches!(
            self,
            Stage::Assigned | Stage::Handling | Stage::Answered | Stage::Rating | Stage::Rehandling
        )
    }

    /// No action moves it on (excellence and history aside).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Stage::Withdrawn | Stage::NotFiled | Stage::Converted | Stage::Closed
        )
    }
}

/// The stage a filed proposal is in, given its units' assignments.
/// `unassigned` is the stage to fall back to when no unit holds it (Filed,
/// or Merged for a merged one), e.g. after every unit returned it.
pub fn handling_stage(tracking: &Tracking, unassigned: Stage) -> Stage {
    use AssignmentState as S;
    if tracking.is_closed() {
        return Stage::Closed;
    }
    if tracking.live().next().is_none() {
        return unassigned;
    }
    let answering: Vec<_> = tracking.answering().collect();
    if answering.is_empty() {
        // Co-units wait for a new lead unit.
        return Stage::Assigned;
    }
    if answering.iter().all(|a| a.state == S::Accepted) {
        let rated = answering
            .iter()
            .any(|a| a.current_ratings().next().is_some());
        return if rated {
            Stage::Rating
        } else {
            Stage::Answered
        };
    }
    if answering
        .iter()
        .any(|a| a.round > 1 && a.state != S::Accepted)
    {
        return Stage::Rehandling;
    }
    if tracking.live().all(|a| a.state == S::Assigned) {
        Stage::Assigned
    } else {
        Stage::Handling
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_families_are_disjoint() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
            assert!(!(stage.is_in_handling() && stage.is_final()));
            if stage.is_in_handling() {
                assert!(stage.is_filed());
            }
        }
        assert_eq!(Stage::ALL.iter().filter(|s| s.is_filed()).count(), 8);
    }
}
