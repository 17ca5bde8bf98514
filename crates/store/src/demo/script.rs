//! The life of one demo proposal as data: the actions after its draft, who
//! takes each and how many days after the draft. The city demo applies
//! them through `crate::proposal::act`; the national demo applies them in
//! memory with `domain::proposal::apply` and writes the results in bulk.
//! Either way the rules decide every step.

use domain::proposal::{self, Action, DeclineReason, MergeTarget, ProposalContent};
use domain::refusal::Reason;
use domain::tracking::TrackingAction;
use domain::tracking::{AnswerClass, AnswerInput, AssignmentPlan, FeedbackInput, Rater};
use domain::{MemberId, TermId, UnitId, UserId};

use super::proposal_texts::ProposalText;
use crate::error::{Result, StoreError};

/// One step: the action, who takes it, and on which day after the draft.
pub(super) struct Step {
    pub(super) days: i64,
    pub(super) action: Action,
    pub(super) who: proposal::Who,
}

/// Who and what a proposal's steps involve.
pub(super) struct Cast<'a> {
    /// The office account that enters members' proposals (机关代录) and
    /// reviews them.
    pub(super) staff: UserId,
    pub(super) member: MemberId,
    pub(super) units: &'a [UnitId],
    pub(super) term: TermId,
    /// For the answer's document number.
    pub(super) year: i32,
    pub(super) place: &'a str,
    pub(super) seed: u64,
    /// The day the unit records contacting the proposer.
    pub(super) contact_on: time::Date,
    /// Members invited to co-sign (the "cosigning" end).
    pub(super) cosigners: Vec<MemberId>,
    /// A filed proposal to merge into (the "merged" end).
    pub(super) merge_into: Option<MergeTarget>,
}

fn reason(text: &str) -> Result<Reason> {
    Reason::parse(text, "说明").map_err(StoreError::Other)
}

/// The steps that take a fresh draft to `end`, one of the city's ends
/// (`draft` … `closed`, `rehandling`) or the national demo's extra ones
/// (`returned`, `merged`, `cosigning`). Filing and merging carry number 0:
/// whoever applies them issues the next number, as `act` does.
pub(super) fn steps(
    t: &ProposalText,
    content: ProposalContent,
    end: &str,
    c: &Cast<'_>,
) -> Result<Vec<Step>> {
    let mut out = Vec::new();
    if end == "draft" {
        return Ok(out);
    }
    let mut push = |days: i64, action: Action, who: proposal::Who| {
        out.push(Step { days, action, who });
    };
    // Members' proposals entered by the committee office (机关代录).
    let entering = proposal::Who {
        user: Some(c.staff),
        member: Some(c.member),
        ..proposal::Who::default()
    };
    let staff_who = proposal::Who::proposal_staff(c.staff);
    if end == "cosigning" {
        let members = c.cosigners.clone();
        push(0, Action::InviteCosigners { members }, entering);
        push(0, Action::Submit { content }, entering);
        return Ok(out);
    }
    push(0, Action::Submit { content }, entering);
    if end == "submitted" {
        return Ok(out);
    }
    push(3, Action::StartReview, staff_who);
    match end {
        "under_review" => return Ok(out),
        "not_filed" => {
            let decline = Action::Decline {
                reason: DeclineReason::NoConcreteSuggestion,
                detail: None,
            };
            push(10, decline, staff_who);
            return Ok(out);
        }
        "withdrawn" => {
            let reason = reason("提案人申请撤回，拟修改完善后作为平时提案提交")?;
            push(10, Action::Withdraw { reason }, entering);
            return Ok(out);
        }
        "returned" => {
            let reason = reason("建议部分过于笼统，请补充具体可行的措施后重新提交")?;
            push(10, Action::SendBack { reason }, staff_who);
            return Ok(out);
        }
        "merged" => {
            if let Some(into) = c.merge_into {
                let number = proposal::ProposalNumber {
                    term: c.term,
                    year: c.year,
                    seq: 0,
                };
                push(10, Action::Merge { into, number }, staff_who);
                return Ok(out);
            }
        }
        _ => {}
    }
    let number = proposal::ProposalNumber {
        term: c.term,
        year: c.year,
        seq: 0,
    };
    push(10, Action::File { number }, staff_who);
    if end == "filed" || end == "merged" || c.units.is_empty() {
        return Ok(out);
    }
    let unit = c.units[(c.seed as usize) % c.units.len()];
    let plan = AssignmentPlan::single(unit);
    push(
        20,
        Action::Track(TrackingAction::Assign { plan }),
        staff_who,
    );
    if end == "assigned" {
        return Ok(out);
    }
    let clerk = proposal::Who::unit_clerk(c.staff, unit);
    let note = reason("电话联系提案人，听取意见并商定办理思路")?;
    let contact = TrackingAction::RecordContact {
        unit,
        on: c.contact_on,
        note,
    };
    push(35, Action::Track(contact), clerk);
    if end == "contacted" {
        return Ok(out);
    }
    let class = t.answer_class;
    let answer = AnswerInput {
        class: class.code().into(),
        document_no: format!("{}提复〔{}〕{}号", c.place, c.year, c.seed % 200 + 1),
        signed_by: "分管负责同志".into(),
        contact_person: "办公室".into(),
        contact_phone: "023-63000000".into(),
        text: t.answer.clone(),
    }
    .parse()
    .map_err(|e| StoreError::Other(format!("demo answer {}: {e}", c.seed)))?;
    let draft = TrackingAction::DraftAnswer { unit, answer };
    push(60, Action::Track(draft), clerk);
    if end == "answer_drafted" {
        return Ok(out);
    }
    push(
        62,
        Action::Track(TrackingAction::SubmitAnswer { unit }),
        clerk,
    );
    if end == "answer_submitted" {
        return Ok(out);
    }
    let accept = TrackingAction::Accept {
        unit,
        class: None,
        reason: None,
    };
    push(66, Action::Track(accept), staff_who);
    if end == "accepted" {
        return Ok(out);
    }
    let satisfied = if end == "rehandling" {
        "dissatisfied"
    } else if c.seed.is_multiple_of(5) {
        "basically_satisfied"
    } else {
        "satisfied"
    };
    let dissatisfied = satisfied == "dissatisfied";
    let feedback = FeedbackInput {
        satisfaction: satisfied.into(),
        contacted: "是".into(),
        on_point: if dissatisfied { "否" } else { "是" }.into(),
        comment: if dissatisfied {
            "答复未回应资金来源问题，希望进一步研究".into()
        } else {
            String::new()
        },
    }
    .parse()
    .map_err(|e| StoreError::Other(format!("demo rating {}: {e}", c.seed)))?;
    let rate = TrackingAction::Rate {
        unit,
        rater: Rater::Member(c.member),
        feedback,
    };
    push(80, Action::Track(rate), staff_who);
    if end == "rehandling" {
        let reason = reason("提案人不满意，要求重新办理")?;
        let rehandle = TrackingAction::Rehandle { unit, reason };
        push(82, Action::Track(rehandle), staff_who);
        return Ok(out);
    }
    if end == "closed" {
        if class == AnswerClass::B {
            // A class B answer stays open until the follow-up result is in.
            let result = reason("相关工作已列入年度计划并完成，提案所提问题基本解决")?;
            let follow = TrackingAction::RecordFollowUp { unit, result };
            push(88, Action::Track(follow), clerk);
        }
        push(90, Action::Track(TrackingAction::Close), staff_who);
    }
    Ok(out)
}
