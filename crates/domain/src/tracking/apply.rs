//! The one transition function of the tracking machine: who may act, then
//! the item-level actions (assign, add a unit, close). Actions on one unit's
//! assignment are in `handle` (the unit's steps) and `review` (staff checks
//! and ratings).

use super::action::{Applied, AssignmentChange, Context, Relation, TrackingAction, Transition};
use super::{
    handle, review, Assignment, AssignmentPlan, AssignmentState, Tracking,
    TrackingActionKind as Kind, TrackingPolicy, UnitRole,
};
use crate::refusal::Refusal;
use crate::UnitId;

/// Applies `action` by `actor` to `tracking`. On success the caller stores
/// `next` and appends `transition` to the item's history; nothing else may
/// change an assignment's state.
pub fn apply(
    tracking: &Tracking,
    action: &TrackingAction,
    actor: &Relation,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    authorise(tracking, action, actor)?;
    let mut next = tracking.clone();
    let changes = match action {
        TrackingAction::Assign { plan } => assign(&mut next, plan, ctx)?,
        TrackingAction::AddUnit { unit, role } => add_unit(&mut next, *unit, *role, ctx)?,
        TrackingAction::Close => close(&mut next, ctx)?,
        _ => {
            let i = current(tracking, action, actor)?;
            let before = tracking.assignments[i].state;
            match action {
                TrackingAction::Return { .. }
                | TrackingAction::RecordContact { .. }
                | TrackingAction::SendViews { .. }
                | TrackingAction::DraftAnswer { .. }
                | TrackingAction::SubmitAnswer { .. }
                | TrackingAction::RecordFollowUp { .. } => {
                    handle::unit_step(&mut next, i, action, ctx)?
                }
                _ => review::staff_step(&mut next, i, action, actor, ctx)?,
            }
            let after = &next.assignments[i];
            vec![AssignmentChange {
                seq: after.seq,
                unit: after.unit,
                from: Some(before),
                to: after.state,
            }]
        }
    };
    Ok(Applied {
        next,
        transition: Transition {
            changes,
            action: action.clone(),
            actor: *actor,
            at: ctx.at,
            comment: action.comment(),
        },
    })
}

/// Whether this kind of actor may ever take this action on this item.
fn authorise(
    tracking: &Tracking,
    action: &TrackingAction,
    actor: &Relation,
) -> Result<(), Refusal> {
    let kind = action.kind();
    let own_unit = |u: &UnitId| action.unit() == Some(*u);
    let allowed = match (kind, actor) {
        (Kind::Close, Relation::Staff | Relation::System) => true,
        (
            Kind::Assign
            | Kind::AddUnit
            | Kind::Withdraw
            | Kind::Extend
            | Kind::SendBack
            | Kind::Accept
            | Kind::Rehandle
            | Kind::RecordFollowUp
            | Kind::ReopenFollowUp
            | Kind::Rate,
            Relation::Staff,
        ) => true,
        (
            Kind::Return
            | Kind::RecordContact
            | Kind::SendViews
            | Kind::DraftAnswer
            | Kind::SubmitAnswer
            | Kind::RecordFollowUp,
            Relation::Unit(unit),
        ) => own_unit(unit),
        (Kind::Rate, Relation::Rater(rater)) => {
            matches!(action, TrackingAction::Rate { rater: r, .. } if r == rater)
        }
        _ => false,
    };
    if !allowed {
        return Err(Refusal::not_permitted(match kind {
            Kind::Return
            | Kind::RecordContact
            | Kind::SendViews
            | Kind::DraftAnswer
            | Kind::SubmitAnswer => format!("只有被交办的承办单位可以{}", kind.label()),
            Kind::Rate => "只能由提出人本人评价，或由工作人员代为录入".into(),
            _ => format!("只有机关工作人员可以{}", kind.label()),
        }));
    }
    if let TrackingAction::Rate { rater, .. } = action {
        if !tracking.raters.contains(rater) {
            return Err(match actor {
                Relation::Staff => Refusal::invalid("评价人不是本件的提出人"),
                _ => Refusal::not_permitted("只有本件的提出人可以评价"),
            });
        }
    }
    Ok(())
}

/// The index of the unit's current assignment, refusing a returned,
/// withdrawn or closed one with the reason.
fn current(
    tracking: &Tracking,
    action: &TrackingAction,
    actor: &Relation,
) -> Result<usize, Refusal> {
    let kind = action.kind();
    let unit = action.unit();
    let found = tracking
        .assignments
        .iter()
        .rposition(|a| Some(a.unit) == unit);
    let Some(i) = found else {
        return Err(match actor {
            Relation::Unit(_) => Refusal::not_permitted("本单位未被交办此件"),
            _ => Refusal::invalid("该单位未被交办此件"),
        });
    };
    match tracking.assignments[i].state {
        AssignmentState::Withdrawn => Err(Refusal::wrong_state(format!(
            "该交办已被撤回，不能再{}",
            kind.label()
        ))),
        AssignmentState::Returned => Err(Refusal::wrong_state(format!(
            "该交办已退回，不能再{}",
            kind.label()
        ))),
        AssignmentState::Closed => Err(Refusal::wrong_state("该件已办结")),
        _ => Ok(i),
    }
}

fn assign(
    next: &mut Tracking,
    plan: &AssignmentPlan,
    ctx: &Context<'_>,
) -> Result<Vec<AssignmentChange>, Refusal> {
    if next.is_closed() {
        return Err(Refusal::wrong_state("该件已办结"));
    }
    if next.live().next().is_some() {
        return Err(Refusal::wrong_state(
            "已有承办单位在办，如需调整请撤回交办或增加承办单位",
        ));
    }
    next.mode = Some(plan.mode());
    Ok(plan
        .units()
        .iter()
        .map(|(unit, role)| push_assignment(next, *unit, *role, ctx))
        .collect())
}

fn add_unit(
    next: &mut Tracking,
    unit: UnitId,
    role: UnitRole,
    ctx: &Context<'_>,
) -> Result<Vec<AssignmentChange>, Refusal> {
    if next.is_closed() {
        return Err(Refusal::wrong_state("该件已办结"));
    }
    let Some(mode) = next.mode else {
        return Err(Refusal::wrong_state("尚未交办，请先交办"));
    };
    if !role.fits(mode) {
        return Err(Refusal::invalid(format!(
            "{}不适用于{}",
            role.label(),
            mode.label()
        )));
    }
    if next.live().any(|a| a.unit == unit) {
        return Err(Refusal::invalid("该单位已在办理此件"));
    }
    let single_role = matches!(role, UnitRole::Sole | UnitRole::Lead);
    if single_role && next.live().any(|a| a.role == role) {
        return Err(Refusal::invalid(format!("已有{}在办", role.label())));
    }
    Ok(vec![push_assignment(next, unit, role, ctx)])
}

/// Makes a new assignment dated today, with its deadlines fixed now.
fn push_assignment(
    next: &mut Tracking,
    unit: UnitId,
    role: UnitRole,
    ctx: &Context<'_>,
) -> AssignmentChange {
    let seq = next.assignments.iter().map(|a| a.seq).max().unwrap_or(0) + 1;
    let (today, calendar, policy) = (ctx.today, ctx.calendar, ctx.policy);
    next.assignments.push(Assignment {
        seq,
        unit,
        role,
        state: AssignmentState::Assigned,
        assigned_on: today,
        return_by: policy.return_window.after(calendar, today),
        contact_by: policy.first_contact.after(calendar, today),
        due: policy.answer_due.after(calendar, today),
        latest_due: policy.max_extension.after(calendar, today),
        contacted_on: None,
        views: None,
        answer: None,
        first_answered_on: None,
        answered_on_time: None,
        round: 1,
        ratings: Vec::new(),
        follow_up: None,
    });
    AssignmentChange {
        seq,
        unit,
        from: None,
        to: AssignmentState::Assigned,
    }
}

fn close(next: &mut Tracking, ctx: &Context<'_>) -> Result<Vec<AssignmentChange>, Refusal> {
    next.can_close(ctx.policy)?;
    Ok(next
        .assignments
        .iter_mut()
        .filter(|a| a.is_live())
        .map(|a| {
            let from = a.state;
            a.state = AssignmentState::Closed;
            AssignmentChange {
                seq: a.seq,
                unit: a.unit,
                from: Some(from),
                to: a.state,
            }
        })
        .collect())
}

impl Tracking {
    /// Why the item cannot close yet, if it cannot: every answer accepted and
    /// rated by every rater, no dissatisfied rating left to re-handle, and no
    /// class B follow-up open.
    pub fn can_close(&self, policy: &TrackingPolicy) -> Result<(), Refusal> {
        ready_to_close(self, policy.max_rehandles)
    }
}

fn ready_to_close(tracking: &Tracking, max_rehandles: u32) -> Result<(), Refusal> {
    if tracking.is_closed() {
        return Err(Refusal::wrong_state("该件已办结"));
    }
    if tracking.answering().next().is_none() {
        return Err(Refusal::wrong_state("没有在办的承办单位，不能办结"));
    }
    if tracking
        .answering()
        .any(|a| a.state != AssignmentState::Accepted)
    {
        return Err(Refusal::wrong_state(
            "还有承办单位的答复未审核通过，不能办结",
        ));
    }
    let missing = tracking.missing_ratings().len();
    if missing > 0 {
        return Err(Refusal::wrong_state(format!(
            "还有{missing}项评价未完成，不能办结"
        )));
    }
    let rehandle_due = tracking.answering().any(|a| {
        a.round <= max_rehandles
            && a.current_ratings()
                .any(|r| !r.feedback.satisfaction.counts_as_satisfied())
    });
    if rehandle_due {
        return Err(Refusal::wrong_state("有不满意的评价，应先重新办理"));
    }
    if tracking.live().any(Assignment::has_open_follow_up) {
        return Err(Refusal::wrong_state(
            "B类答复尚在跟踪办理，记录落实结果后才能办结",
        ));
    }
    Ok(())
}
