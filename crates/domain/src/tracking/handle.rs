//! A unit's own steps on its assignment: return it, record the first
//! contact, send views (co-unit), draft and submit the answer, and record a
//! class B follow-up result.

use super::action::{Context, TrackingAction};
use super::{Assignment, AssignmentState as S, FollowUp, Tracking, UnitRole};
use crate::refusal::Refusal;

/// Applies a unit step to assignment `i` of `next` (already authorised and
/// known to be live).
pub(super) fn unit_step(
    next: &mut Tracking,
    i: usize,
    action: &TrackingAction,
    ctx: &Context<'_>,
) -> Result<(), Refusal> {
    // The lead's submission depends on its co-units, so look before borrowing.
    let co_units_pending = next
        .live()
        .any(|a| a.role == UnitRole::Co && a.state != S::ViewsSent);
    let a = &mut next.assignments[i];
    match action {
        TrackingAction::Return { .. } => return_assignment(a, ctx),
        TrackingAction::RecordContact { on, .. } => {
            if a.state != S::Assigned {
                return Err(Refusal::wrong_state("已记录办前沟通，无需重复记录"));
            }
            if *on < a.assigned_on {
                return Err(Refusal::invalid("沟通日期不能早于交办日期"));
            }
            if *on > ctx.today {
                return Err(Refusal::invalid("沟通日期不能晚于今天"));
            }
            a.contacted_on = Some(*on);
            a.state = S::Contacted;
            Ok(())
        }
        TrackingAction::SendViews { views, .. } => {
            if a.role != UnitRole::Co {
                return Err(Refusal::not_permitted("只有会办单位需要提交会办意见"));
            }
            if !matches!(a.state, S::Assigned | S::Contacted) {
                return Err(Refusal::wrong_state("会办意见已提交"));
            }
            a.views = Some(views.to_string());
            a.state = S::ViewsSent;
            Ok(())
        }
        TrackingAction::DraftAnswer { answer, .. } => {
            may_answer(a, ctx)?;
            a.answer = Some(answer.clone());
            a.state = S::Drafting;
            Ok(())
        }
        TrackingAction::SubmitAnswer { .. } => {
            if !a.role.answers() {
                return Err(Refusal::not_permitted("只有主办单位可以答复"));
            }
            if a.state != S::Drafting {
                return Err(Refusal::wrong_state(match a.state {
                    S::Submitted => "答复已提交，正在审核",
                    S::Accepted => "答复已审核通过",
                    _ => "请先拟写答复再提交",
                }));
            }
            if a.role == UnitRole::Lead && co_units_pending {
                return Err(Refusal::wrong_state(
                    "会办单位意见尚未全部送达，暂不能提交答复",
                ));
            }
            a.state = S::Submitted;
            Ok(())
        }
        TrackingAction::RecordFollowUp { result, .. } => {
            match a.follow_up.as_mut() {
                Some(follow_up) if follow_up.is_open() => {
                    follow_up.result = Some(result.to_string());
                    follow_up.recorded_on = Some(ctx.today);
                }
                _ => return Err(Refusal::wrong_state("该答复没有待跟踪办理的事项")),
            }
            Ok(())
        }
        _ => Err(Refusal::invalid("不是承办单位的办理步骤")),
    }
}

fn return_assignment(a: &mut Assignment, ctx: &Context<'_>) -> Result<(), Refusal> {
    if !matches!(a.state, S::Assigned | S::Contacted) {
        return Err(Refusal::wrong_state("已开始办理，不能退回"));
    }
    if ctx.today > a.return_by {
        return Err(Refusal::too_late(format!(
            "退回期限已过（交办后{}内可退回）",
            ctx.policy.return_window.label()
        )));
    }
    a.state = S::Returned;
    Ok(())
}

/// Whether the unit may write (or rewrite) its answer now.
fn may_answer(a: &Assignment, ctx: &Context<'_>) -> Result<(), Refusal> {
    if !a.role.answers() {
        return Err(Refusal::not_permitted("只有主办单位可以答复"));
    }
    match a.state {
        S::Contacted | S::Drafting | S::SentBack | S::Rehandling => Ok(()),
        S::Assigned if !ctx.policy.contact_before_answer => Ok(()),
        S::Assigned => Err(Refusal::wrong_state(
            "请先与提出人沟通（办前沟通）并记录后再答复",
        )),
        S::Submitted => Err(Refusal::wrong_state("答复已提交审核，审核退回后才能修改")),
        S::Accepted => Err(Refusal::wrong_state("答复已审核通过，不能再修改")),
        _ => Err(Refusal::wrong_state("当前状态不能答复")),
    }
}

/// Opens a follow-up when a class B answer is accepted and none is open.
pub(super) fn open_follow_up_if_b(a: &mut Assignment, ctx: &Context<'_>) {
    let class_b = a
        .answer
        .as_ref()
        .is_some_and(|answer| answer.class == super::AnswerClass::B);
    if class_b && !a.has_open_follow_up() {
        a.follow_up = Some(FollowUp {
            opened_on: ctx.today,
            result: None,
            recorded_on: None,
            due: ctx
                .policy
                .follow_up_due
                .map(|period| period.after(ctx.calendar, ctx.today)),
            earlier: Vec::new(),
        });
    }
}
