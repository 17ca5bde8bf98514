//! What each action does to a proposal once its actor is allowed: the
//! stage it needs, the checks on its data, and the new record.

use super::action::{Action, ActionKind, Context, Relation, Who};
use super::{handling_stage, CosignStatus, Cosigner, Proposal, Proposer, Stage};
use crate::refusal::Refusal;
use crate::tracking::{self, AssignmentChange, Tracking, TrackingAction, TrackingActionKind};

/// Why an action does not fit the proposal's stage.
fn wrong_stage(stage: Stage, kind: ActionKind) -> Refusal {
    Refusal::wrong_state(match stage {
        Stage::Withdrawn => "该提案已撤案".to_string(),
        Stage::NotFiled => "该提案未予立案".to_string(),
        Stage::Converted => "该提案已转办".to_string(),
        Stage::Closed => "该提案已办结".to_string(),
        _ => format!("提案当前为“{}”，不能{}", stage.label(), kind.label()),
    })
}

fn require(p: &Proposal, kind: ActionKind, allowed: &[Stage]) -> Result<(), Refusal> {
    if allowed.contains(&p.stage) {
        Ok(())
    } else {
        Err(wrong_stage(p.stage, kind))
    }
}

/// Stages from filing to the last step before closing.
const FILED_OPEN: [Stage; 7] = [
    Stage::Filed,
    Stage::Merged,
    Stage::Assigned,
    Stage::Handling,
    Stage::Answered,
    Stage::Rating,
    Stage::Rehandling,
];

/// Applies every action except [`Action::Track`] to `p`.
pub(super) fn apply_step(
    p: &mut Proposal,
    action: &Action,
    relation: Relation,
    ctx: &Context<'_>,
) -> Result<(), Refusal> {
    let kind = action.kind();
    match action {
        Action::Create { .. } | Action::Track(_) => Err(Refusal::invalid("不是提案本身的办理步骤")),
        Action::EditDraft => require(p, kind, &[Stage::Draft, Stage::ReturnedForChanges]),
        Action::InviteCosigners { members } => {
            require(p, kind, &[Stage::Draft])?;
            let Proposer::Member(initiator) = p.proposer else {
                return Err(Refusal::invalid("集体提案不征集联名"));
            };
            if members.contains(&initiator) {
                return Err(Refusal::invalid("不能邀请自己联名"));
            }
            let mut distinct = members.clone();
            distinct.sort();
            distinct.dedup();
            if distinct.len() != members.len() {
                return Err(Refusal::invalid("联名人有重复，请检查"));
            }
            if members.len() > ctx.policy.max_cosigners {
                let max = ctx.policy.max_cosigners;
                return Err(Refusal::invalid(format!("联名人最多{max}位")));
            }
            p.cosigners = members
                .iter()
                .map(|m| Cosigner {
                    member: *m,
                    status: CosignStatus::Invited,
                })
                .collect();
            Ok(())
        }
        Action::Submit { .. } => {
            require(p, kind, &[Stage::Draft, Stage::ReturnedForChanges])?;
            let waiting = p
                .cosigners
                .iter()
                .any(|c| c.status == CosignStatus::Invited);
            if p.stage == Stage::Draft && waiting {
                let deadline = ctx.policy.cosign_window.after(ctx.calendar, ctx.today);
                p.cosign_deadline = Some(deadline);
                p.stage = Stage::CollectingCosigners;
            } else {
                p.stage = Stage::Submitted;
            }
            Ok(())
        }
        Action::ConfirmCosign | Action::DeclineCosign { .. } => {
            require(p, kind, &[Stage::CollectingCosigners])?;
            if p.cosign_deadline.is_some_and(|d| ctx.today > d) {
                return Err(Refusal::too_late("联名确认期限已过"));
            }
            let Relation::Cosigner(member) = relation else {
                return Err(Refusal::not_permitted("您不在本提案的联名邀请名单中"));
            };
            answer_invitation(p, member, kind == ActionKind::ConfirmCosign)
        }
        Action::CloseCosigning => {
            require(p, kind, &[Stage::CollectingCosigners])?;
            if let Some(deadline) = p.cosign_deadline.filter(|d| ctx.today <= *d) {
                return Err(Refusal::wrong_state(format!(
                    "联名征集于{deadline}截止，尚未到期"
                )));
            }
            for c in p
                .cosigners
                .iter_mut()
                .filter(|c| c.status == CosignStatus::Invited)
            {
                c.status = CosignStatus::Lapsed;
            }
            p.stage = Stage::Submitted;
            Ok(())
        }
        Action::Withdraw { .. } => {
            if p.stage.is_filed() && p.stage != Stage::Closed {
                return Err(Refusal::wrong_state("已立案的提案不能撤案"));
            }
            require(
                p,
                kind,
                &[
                    Stage::Draft,
                    Stage::CollectingCosigners,
                    Stage::Submitted,
                    Stage::UnderReview,
                    Stage::ReturnedForChanges,
                ],
            )?;
            p.stage = Stage::Withdrawn;
            Ok(())
        }
        Action::StartReview => {
            require(p, kind, &[Stage::Submitted])?;
            p.stage = Stage::UnderReview;
            Ok(())
        }
        Action::File { number } => {
            require(p, kind, &[Stage::UnderReview])?;
            file(p, *number)?;
            p.stage = Stage::Filed;
            Ok(())
        }
        Action::Decline { reason, detail } => {
            require(p, kind, &[Stage::UnderReview])?;
            if *reason == super::DeclineReason::Other && detail.is_none() {
                return Err(Refusal::invalid("选择“其他”时须写明不予立案的理由"));
            }
            p.not_filed_reason = Some(*reason);
            p.stage = Stage::NotFiled;
            Ok(())
        }
        Action::Merge { into, number } => {
            require(p, kind, &[Stage::UnderReview])?;
            if into.id == p.id {
                return Err(Refusal::invalid("不能并入本提案自身"));
            }
            if !into.stage.is_filed() || matches!(into.stage, Stage::Merged | Stage::Closed) {
                return Err(Refusal::invalid("只能并入已立案、尚未办结的主提案"));
            }
            file(p, *number)?;
            p.merged_into = Some(into.id);
            p.stage = Stage::Merged;
            Ok(())
        }
        Action::Convert { to } => {
            require(p, kind, &[Stage::UnderReview])?;
            p.converted_to = Some(*to);
            p.stage = Stage::Converted;
            Ok(())
        }
        Action::SendBack { .. } => {
            require(p, kind, &[Stage::UnderReview])?;
            p.stage = Stage::ReturnedForChanges;
            Ok(())
        }
        Action::MarkKey { leader } => {
            require(p, kind, &FILED_OPEN)?;
            if p.key.is_some_and(|k| k.leader == *leader) {
                return Err(Refusal::invalid("已是重点提案，督办领导未变"));
            }
            p.key = Some(super::KeyProposal { leader: *leader });
            Ok(())
        }
        Action::UnmarkKey { .. } => {
            require(p, kind, &FILED_OPEN)?;
            if p.key.take().is_none() {
                return Err(Refusal::wrong_state("该提案不是重点提案"));
            }
            Ok(())
        }
        Action::RecordSupervision { on, .. } => {
            if !p.stage.is_in_handling() {
                return Err(wrong_stage(p.stage, kind));
            }
            if p.key.is_none() {
                return Err(Refusal::wrong_state("只有重点提案可以记录督办"));
            }
            if *on > ctx.today {
                return Err(Refusal::invalid("督办日期不能晚于今天"));
            }
            Ok(())
        }
        Action::SetExcellent { excellent } => {
            if !p.stage.is_filed() {
                return Err(wrong_stage(p.stage, kind));
            }
            if p.excellent == *excellent {
                return Err(Refusal::invalid(if *excellent {
                    "已是优秀提案"
                } else {
                    "该提案不是优秀提案"
                }));
            }
            p.excellent = *excellent;
            Ok(())
        }
    }
}

/// Gives the proposal its number and opens its tracking with its raters.
fn file(p: &mut Proposal, number: super::ProposalNumber) -> Result<(), Refusal> {
    if number.term != p.term || number.year != p.year {
        return Err(Refusal::invalid("编号的届次或年度与本提案不符"));
    }
    p.number = Some(number);
    p.tracking = Tracking::new(p.raters());
    Ok(())
}

/// A co-signer answers the invitation; the last answer submits the proposal.
fn answer_invitation(
    p: &mut Proposal,
    member: crate::MemberId,
    confirm: bool,
) -> Result<(), Refusal> {
    let Some(cosigner) = p.cosigners.iter_mut().find(|c| c.member == member) else {
        return Err(Refusal::not_permitted("您不在本提案的联名邀请名单中"));
    };
    if cosigner.status != CosignStatus::Invited {
        return Err(Refusal::wrong_state("您已答复过联名邀请"));
    }
    cosigner.status = if confirm {
        CosignStatus::Confirmed
    } else {
        CosignStatus::Declined
    };
    if !p
        .cosigners
        .iter()
        .any(|c| c.status == CosignStatus::Invited)
    {
        p.stage = Stage::Submitted;
    }
    Ok(())
}

/// Delegates a step of the units' work to the tracking machine and works
/// out the proposal's stage from the result.
pub(super) fn track(
    p: &mut Proposal,
    step: &TrackingAction,
    relation: Relation,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Vec<AssignmentChange>, Refusal> {
    let kind = ActionKind::Track(step.kind());
    if p.stage == Stage::Closed {
        return Err(wrong_stage(p.stage, kind));
    }
    if step.kind() == TrackingActionKind::Assign {
        if !p.stage.is_filed() {
            return Err(wrong_stage(p.stage, kind));
        }
    } else if matches!(p.stage, Stage::Filed | Stage::Merged) {
        // Every unit returned it or had it withdrawn: the tracking machine
        // says why a step on one of those assignments is refused.
        if p.tracking.assignments.is_empty() {
            return Err(Refusal::wrong_state("提案尚未交办"));
        }
    } else if !p.stage.is_in_handling() {
        return Err(wrong_stage(p.stage, kind));
    }
    let actor = match relation {
        Relation::ProposalStaff => tracking::Relation::Staff,
        Relation::Unit(unit) => tracking::Relation::Unit(unit),
        Relation::Author | Relation::Cosigner(_) => match p.rater_for(who) {
            Some(rater) => tracking::Relation::Rater(rater),
            None => return Err(Refusal::not_permitted("只有提案人可以评价")),
        },
        Relation::System => tracking::Relation::System,
        // `authorise` never lets a leader take a unit or staff step.
        Relation::Leader => return Err(Refusal::not_permitted("领导不直接办理交办事项")),
    };
    let applied = tracking::apply(&p.tracking, step, &actor, &ctx.for_tracking())?;
    p.tracking = applied.next;
    let unassigned = if p.merged_into.is_some() {
        Stage::Merged
    } else {
        Stage::Filed
    };
    p.stage = handling_stage(&p.tracking, unassigned);
    Ok(applied.transition.changes)
}
