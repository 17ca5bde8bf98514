//! The stages of a report and the actions on it, with their codes (stored)
//! and labels (shown).

use serde::{Deserialize, Serialize};

use super::OpinionText;
use crate::refusal::Reason;

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 草稿
    Draft,
    /// 已提交
    Submitted,
    /// 编辑加工
    Editing,
    /// 已审核
    Reviewed,
    /// 已签发
    SignedOff,
    /// 已采用
    Adopted,
    /// 留存 (not adopted)
    Kept,
    /// 已撤回
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Draft,
        Stage::Submitted,
        Stage::Editing,
        Stage::Reviewed,
        Stage::SignedOff,
        Stage::Adopted,
        Stage::Kept,
        Stage::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Submitted => "submitted",
            Stage::Editing => "editing",
            Stage::Reviewed => "reviewed",
            Stage::SignedOff => "signed_off",
            Stage::Adopted => "adopted",
            Stage::Kept => "kept",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "草稿",
            Stage::Submitted => "已提交",
            Stage::Editing => "编辑加工",
            Stage::Reviewed => "已审核",
            Stage::SignedOff => "已签发",
            Stage::Adopted => "已采用",
            Stage::Kept => "留存",
            Stage::Withdrawn => "已撤回",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Grey for draft and closed, green for adopted, blue in progress.
    pub fn colour(self) -> &'static str {
        match self {
            Stage::Adopted => "green",
            Stage::Draft | Stage::Kept | Stage::Withdrawn => "grey",
            _ => "blue",
        }
    }

    /// Whether the text as submitted must exist (everything after the draft).
    pub fn submitted(self) -> bool {
        !matches!(self, Stage::Draft | Stage::Withdrawn)
    }
}

/// Every action on a report after it was created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// The author saves the draft.
    EditDraft { text: OpinionText },
    /// The author submits; the text becomes the original, kept for good.
    Submit,
    /// The author takes back a draft or a report not yet worked on.
    Withdraw { reason: Reason },
    /// Staff edit (编辑加工); the original stays beside the edited text.
    Edit { text: OpinionText },
    /// Staff review (审核) the report as it now reads.
    Review { comment: Option<Reason> },
    /// 签发
    SignOff,
    /// 采用
    Adopt { note: Option<Reason> },
    /// 留存: kept on file, not adopted, with the reason.
    Keep { reason: Reason },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Create,
    ConvertFromProposal,
    EditDraft,
    Submit,
    Withdraw,
    Edit,
    Review,
    SignOff,
    Adopt,
    Keep,
    /// The receiving level's record of a report sent up (下级报送).
    ReceivedFromBelow,
    /// Sent on to the parent committee or the national CPPCC (向上级报送).
    ReportUpward,
    /// The national CPPCC's outcome, recorded by hand.
    RecordNational,
    /// A leader's instruction recorded (录入批示).
    Instruct,
    /// Put into a bulletin (编入简报).
    Publish,
}

impl ActionKind {
    pub const ALL: [ActionKind; 15] = [
        ActionKind::Create,
        ActionKind::ConvertFromProposal,
        ActionKind::EditDraft,
        ActionKind::Submit,
        ActionKind::Withdraw,
        ActionKind::Edit,
        ActionKind::Review,
        ActionKind::SignOff,
        ActionKind::Adopt,
        ActionKind::Keep,
        ActionKind::ReceivedFromBelow,
        ActionKind::ReportUpward,
        ActionKind::RecordNational,
        ActionKind::Instruct,
        ActionKind::Publish,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActionKind::Create => "create",
            ActionKind::ConvertFromProposal => "convert_from_proposal",
            ActionKind::EditDraft => "edit_draft",
            ActionKind::Submit => "submit",
            ActionKind::Withdraw => "withdraw",
            ActionKind::Edit => "edit",
            ActionKind::Review => "review",
            ActionKind::SignOff => "sign_off",
            ActionKind::Adopt => "adopt",
            ActionKind::Keep => "keep",
            ActionKind::ReceivedFromBelow => "received_from_below",
            ActionKind::ReportUpward => "report_upward",
            ActionKind::RecordNational => "record_national",
            ActionKind::Instruct => "instruct",
            ActionKind::Publish => "publish",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionKind::Create => "新建",
            ActionKind::ConvertFromProposal => "由提案转来",
            ActionKind::EditDraft => "修改草稿",
            ActionKind::Submit => "提交",
            ActionKind::Withdraw => "撤回",
            ActionKind::Edit => "编辑加工",
            ActionKind::Review => "审核",
            ActionKind::SignOff => "签发",
            ActionKind::Adopt => "采用",
            ActionKind::Keep => "留存",
            ActionKind::ReceivedFromBelow => "下级报送",
            ActionKind::ReportUpward => "向上级报送",
            ActionKind::RecordNational => "录入全国政协采用情况",
            ActionKind::Instruct => "录入领导批示",
            ActionKind::Publish => "编入简报",
        }
    }

    pub fn from_code(code: &str) -> Option<ActionKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::EditDraft { .. } => ActionKind::EditDraft,
            Action::Submit => ActionKind::Submit,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::Edit { .. } => ActionKind::Edit,
            Action::Review { .. } => ActionKind::Review,
            Action::SignOff => ActionKind::SignOff,
            Action::Adopt { .. } => ActionKind::Adopt,
            Action::Keep { .. } => ActionKind::Keep,
        }
    }

    /// The why recorded with the transition.
    pub fn comment(&self) -> Option<String> {
        match self {
            Action::Withdraw { reason } | Action::Keep { reason } => Some(reason.to_string()),
            Action::Review { comment: c } | Action::Adopt { note: c } => {
                c.as_ref().map(Reason::to_string)
            }
            _ => None,
        }
    }
}
