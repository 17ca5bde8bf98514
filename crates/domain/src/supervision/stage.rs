//! The stages of a topic, the vocabularies (source, form, activity kind)
//! and the actions, as data.

use serde::{Deserialize, Serialize};
use time::Date;

use super::Activity;
use crate::calendar::iso_date;
use crate::refusal::Reason;
use crate::tracking::{Answer, AssignmentPlan, TrackingAction};
use crate::{OpinionId, ProposalId, UnitId};

macro_rules! vocabulary {
    ($name:ident { $($variant:ident => ($code:literal, $label:literal)),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            /// Accepts the code or the Chinese label.
            pub fn parse(raw: &str) -> Option<$name> {
                let raw = raw.trim();
                Self::ALL.iter().copied().find(|v| v.code() == raw || v.label() == raw)
            }
        }
    };
}

vocabulary!(Stage {
    Planned => ("planned", "立项"),
    Active => ("active", "开展活动"),
    Drafting => ("drafting", "形成意见"),
    Rectifying => ("rectifying", "整改中"),
    Rechecking => ("rechecking", "回头看"),
    Closed => ("closed", "办结"),
});

vocabulary!(Form {
    Inspection => ("inspection", "视察监督"),
    Research => ("research", "专题调研监督"),
    Appraisal => ("appraisal", "民主评议"),
    ProposalHandling => ("proposal_handling", "提案办理监督"),
    Meeting => ("meeting", "会议监督"),
    Special => ("special", "专项监督"),
    OpinionInfo => ("opinion_info", "社情民意信息监督"),
});

vocabulary!(ActivityKind {
    Inspection => ("inspection", "视察"),
    Research => ("research", "调研"),
    Appraisal => ("appraisal", "评议"),
    Forum => ("forum", "座谈"),
});

vocabulary!(SourceKind {
    AnnualPlan => ("annual_plan", "年度协商监督计划"),
    Invitation => ("invitation", "部门邀请"),
    Proposal => ("proposal", "提案"),
    Opinion => ("opinion", "社情民意"),
});

/// Where the topic came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    AnnualPlan,
    /// A department invited the committee to supervise its work.
    Invitation {
        department: String,
    },
    Proposal {
        id: ProposalId,
    },
    Opinion {
        id: OpinionId,
    },
}

impl Source {
    pub fn kind(&self) -> SourceKind {
        match self {
            Source::AnnualPlan => SourceKind::AnnualPlan,
            Source::Invitation { .. } => SourceKind::Invitation,
            Source::Proposal { .. } => SourceKind::Proposal,
            Source::Opinion { .. } => SourceKind::Opinion,
        }
    }
}

/// Every action on a topic after it is created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Staff or a member taking part record an activity and its findings.
    RecordActivity { activity: Activity },
    /// Staff draft a supervision opinion from the findings.
    DraftOpinion { title: String, text: String },
    /// Staff send a drafted opinion to its units (交办).
    SendOpinion { opinion: u32, plan: AssignmentPlan },
    /// A unit's rectification plan (its answer, class B), drafted or revised.
    DraftPlan {
        opinion: u32,
        unit: UnitId,
        plan: Answer,
    },
    /// Any other tracking step on one opinion: submit the plan (unit),
    /// accept or send it back, extend, withdraw, add a unit (staff), return
    /// (unit, within the window).
    Track { opinion: u32, step: TrackingAction },
    /// A unit reports its rectification results with evidence.
    RecordResults {
        opinion: u32,
        unit: UnitId,
        result: Reason,
        evidence: Reason,
    },
    /// Staff start the re-check (回头看).
    StartRecheck,
    /// The re-check finds one unit's results short: back to rectification.
    Reopen {
        opinion: u32,
        unit: UnitId,
        #[serde(with = "iso_date")]
        until: Date,
        reason: Reason,
    },
    /// The re-check closes the loop.
    Close { conclusion: Reason },
}

vocabulary!(ActionKind {
    RecordActivity => ("record_activity", "记录监督活动"),
    DraftOpinion => ("draft_opinion", "起草监督意见"),
    SendOpinion => ("send_opinion", "交办监督意见"),
    DraftPlan => ("draft_plan", "拟写整改方案"),
    Track => ("track", "办理"),
    RecordResults => ("record_results", "报送整改结果"),
    StartRecheck => ("start_recheck", "开展回头看"),
    Reopen => ("reopen", "回头看：重新整改"),
    Close => ("close", "回头看：办结"),
});

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::RecordActivity { .. } => ActionKind::RecordActivity,
            Action::DraftOpinion { .. } => ActionKind::DraftOpinion,
            Action::SendOpinion { .. } => ActionKind::SendOpinion,
            Action::DraftPlan { .. } => ActionKind::DraftPlan,
            Action::Track { .. } => ActionKind::Track,
            Action::RecordResults { .. } => ActionKind::RecordResults,
            Action::StartRecheck => ActionKind::StartRecheck,
            Action::Reopen { .. } => ActionKind::Reopen,
            Action::Close { .. } => ActionKind::Close,
        }
    }

    /// The opinion the action is about.
    pub fn opinion(&self) -> Option<u32> {
        match self {
            Action::SendOpinion { opinion, .. }
            | Action::DraftPlan { opinion, .. }
            | Action::Track { opinion, .. }
            | Action::RecordResults { opinion, .. }
            | Action::Reopen { opinion, .. } => Some(*opinion),
            _ => None,
        }
    }

    /// The why recorded with the transition.
    pub fn comment(&self) -> Option<String> {
        match self {
            Action::RecordActivity { activity } => Some(activity.title.clone()),
            Action::DraftOpinion { title, .. } => Some(title.clone()),
            Action::Track { step, .. } => step.comment(),
            Action::RecordResults { result, .. } => Some(result.to_string()),
            Action::Reopen { reason, .. } => Some(reason.to_string()),
            Action::Close { conclusion } => Some(conclusion.to_string()),
            _ => None,
        }
    }
}
