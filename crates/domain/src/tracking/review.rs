//! Staff steps on one unit's assignment (withdraw, extend, check the answer,
//! start re-handling) and the raters' ratings.

use super::action::{Context, Relation, TrackingAction};
use super::handle::open_follow_up_if_b;
use super::{AssignmentState as S, Rating, ReopenedResult, Tracking};
use crate::refusal::Refusal;

pub(super) fn staff_step(
    next: &mut Tracking,
    i: usize,
    action: &TrackingAction,
    actor: &Relation,
    ctx: &Context<'_>,
) -> Result<(), Refusal> {
    let a = &mut next.assignments[i];
    match action {
        TrackingAction::Withdraw { .. } => {
            if a.state == S::Accepted {
                return Err(Refusal::wrong_state("已答复的交办不能撤回"));
            }
            a.state = S::Withdrawn;
            Ok(())
        }
        TrackingAction::Extend { until, .. } => {
            let extendable = matches!(
                a.state,
                S::Assigned
                    | S::Contacted
                    | S::ViewsSent
                    | S::Drafting
                    | S::Submitted
                    | S::SentBack
            );
            if !extendable {
                return Err(Refusal::wrong_state("当前状态不能延期"));
            }
            if *until <= a.due {
                return Err(Refusal::invalid(format!(
                    "延期后的期限应晚于原期限（{}）",
                    a.due
                )));
            }
            if *until > a.latest_due {
                return Err(Refusal::invalid(format!(
                    "延期不能超过交办后{}（{}）",
                    ctx.policy.max_extension.label(),
                    a.latest_due
                )));
            }
            a.due = *until;
            Ok(())
        }
        TrackingAction::SendBack { .. } => {
            if a.state != S::Submitted {
                return Err(Refusal::wrong_state("答复尚未提交审核"));
            }
            a.state = S::SentBack;
            Ok(())
        }
        TrackingAction::Accept { class, reason, .. } => {
            if a.state != S::Submitted {
                return Err(Refusal::wrong_state("答复尚未提交审核"));
            }
            let Some(answer) = a.answer.as_mut() else {
                return Err(Refusal::wrong_state("答复尚未提交审核"));
            };
            if let Some(class) = class {
                if *class != answer.class && reason.is_none() {
                    return Err(Refusal::invalid("更改答复类别须说明理由"));
                }
                answer.class = *class;
            }
            a.state = S::Accepted;
            if a.first_answered_on.is_none() {
                a.first_answered_on = Some(ctx.today);
                a.answered_on_time = Some(ctx.today <= a.due);
            }
            open_follow_up_if_b(a, ctx);
            Ok(())
        }
        TrackingAction::Rehandle { .. } => {
            if a.state != S::Accepted {
                return Err(Refusal::wrong_state("答复尚未审核通过，不能重新办理"));
            }
            let dissatisfied = a
                .current_ratings()
                .any(|r| !r.feedback.satisfaction.counts_as_satisfied());
            if !dissatisfied {
                return Err(Refusal::wrong_state("没有不满意的评价，无需重新办理"));
            }
            let max = ctx.policy.max_rehandles;
            if a.round > max {
                return Err(Refusal::wrong_state(format!(
                    "已重新办理{max}次，不能再次重新办理"
                )));
            }
            a.round += 1;
            a.due = ctx.policy.rehandle_due.after(ctx.calendar, ctx.today);
            a.state = S::Rehandling;
            Ok(())
        }
        TrackingAction::ReopenFollowUp { until, reason, .. } => {
            let Some(follow_up) = a.follow_up.as_mut() else {
                return Err(Refusal::wrong_state("该答复没有跟踪办理事项"));
            };
            let (Some(result), Some(recorded_on)) =
                (follow_up.result.take(), follow_up.recorded_on.take())
            else {
                return Err(Refusal::wrong_state("落实结果尚未报送，无需重新跟踪"));
            };
            if *until <= ctx.today {
                follow_up.result = Some(result);
                follow_up.recorded_on = Some(recorded_on);
                return Err(Refusal::invalid("新的期限应晚于今天"));
            }
            follow_up.earlier.push(ReopenedResult {
                result,
                recorded_on,
                reopened_on: ctx.today,
                reason: reason.to_string(),
            });
            follow_up.due = Some(*until);
            Ok(())
        }
        TrackingAction::Rate {
            rater, feedback, ..
        } => {
            if !a.role.answers() {
                return Err(Refusal::invalid("会办单位不参加评价"));
            }
            if a.state != S::Accepted {
                return Err(Refusal::wrong_state("该单位尚未答复，暂不能评价"));
            }
            if a.current_ratings().any(|r| r.rater == *rater) {
                return Err(Refusal::wrong_state("已评价，不能重复评价"));
            }
            let rating = Rating {
                rater: *rater,
                round: a.round,
                feedback: feedback.clone(),
                entered_on_behalf: *actor == Relation::Staff,
            };
            a.ratings.push(rating);
            Ok(())
        }
        _ => Err(Refusal::invalid("不是审核或评价步骤")),
    }
}
