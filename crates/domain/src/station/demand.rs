//! A citizen's demand as the rules see it: its stage, its disposition, its
//! tracking (when forwarded) and the feedback to the visitor, plus the one
//! transition function.

use serde::{Deserialize, Serialize};
use time::Date;

use super::FeedbackHow;
use crate::calendar::{iso_date, WorkCalendar};
use crate::refusal::{Reason, Refusal};
use crate::tracking::{
    self, AssignmentState, Context, Feedback, Rater, Relation, Satisfaction, Tracking,
    TrackingAction, TrackingActionKind, TrackingPolicy,
};
use crate::{OpinionId, ProposalId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DemandStage {
    /// 已受理, waiting to be disposed of.
    Received,
    /// 当场答复
    AnsweredOnSpot,
    /// 已转办: with handling units through the tracking machine.
    Forwarded,
    /// 已转提案 / 已转社情民意 / 已转协商
    Converted,
    /// 已办结: the visitor got feedback.
    Closed,
}

impl DemandStage {
    pub const ALL: [DemandStage; 5] = [
        DemandStage::Received,
        DemandStage::AnsweredOnSpot,
        DemandStage::Forwarded,
        DemandStage::Converted,
        DemandStage::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DemandStage::Received => "received",
            DemandStage::AnsweredOnSpot => "answered",
            DemandStage::Forwarded => "forwarded",
            DemandStage::Converted => "converted",
            DemandStage::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DemandStage::Received => "已受理",
            DemandStage::AnsweredOnSpot => "已当场答复",
            DemandStage::Forwarded => "已转办",
            DemandStage::Converted => "已转化办理",
            DemandStage::Closed => "已办结",
        }
    }

    pub fn from_code(code: &str) -> Option<DemandStage> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The badge colour the list uses.
    pub fn colour(self) -> &'static str {
        match self {
            DemandStage::Received => "blue",
            DemandStage::AnsweredOnSpot | DemandStage::Converted => "yellow",
            DemandStage::Forwarded => "orange",
            DemandStage::Closed => "green",
        }
    }
}

/// How the demand was disposed of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disposition {
    /// 当场答复, with the answer given.
    OnSpot { answer: String },
    /// 转承办单位办理 (the units are in the tracking record).
    Forwarded,
    /// 转为提案草稿
    Proposal { id: ProposalId },
    /// 转为社情民意信息草稿
    Opinion { id: OpinionId },
    /// 提交“渝事好商量”协商, with a note of where and when.
    Consultation { note: String },
}

impl Disposition {
    pub fn label(&self) -> &'static str {
        match self {
            Disposition::OnSpot { .. } => "当场答复",
            Disposition::Forwarded => "转承办单位办理",
            Disposition::Proposal { .. } => "转为提案",
            Disposition::Opinion { .. } => "转为社情民意信息",
            Disposition::Consultation { .. } => "提交“渝事好商量”协商",
        }
    }
}

/// The feedback to the visitor: when, how, and how satisfied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitorFeedback {
    #[serde(with = "iso_date")]
    pub date: Date,
    pub how: FeedbackHow,
    pub satisfaction: Satisfaction,
    pub note: String,
}

/// The rules' record of one demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    pub stage: DemandStage,
    #[serde(with = "iso_date")]
    pub received_on: Date,
    pub disposition: Option<Disposition>,
    pub tracking: Tracking,
    /// Every feedback given, in order; the last one counts.
    pub feedback: Vec<VisitorFeedback>,
    /// Set when it closes: whether within the deadline.
    pub closed_on_time: Option<bool>,
}

impl Demand {
    pub fn new(received_on: Date) -> Demand {
        Demand {
            stage: DemandStage::Received,
            received_on,
            disposition: None,
            tracking: Tracking::new(vec![Rater::Citizen]),
            feedback: Vec::new(),
            closed_on_time: None,
        }
    }

    /// The answer the visitor may read: on the spot, or the units' accepted
    /// answers.
    pub fn public_answers(&self) -> Vec<String> {
        match &self.disposition {
            Some(Disposition::OnSpot { answer }) => vec![answer.clone()],
            Some(Disposition::Forwarded) => self
                .tracking
                .answering()
                .filter(|a| matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed))
                .filter_map(|a| a.answer.as_ref().map(|x| x.text.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The status a visitor sees with the tracking code.
    pub fn public_status(&self) -> &'static str {
        match (self.stage, &self.disposition) {
            (DemandStage::Forwarded, _) if !self.public_answers().is_empty() => "承办单位已答复",
            (DemandStage::Forwarded, _) => "已转有关部门办理",
            (DemandStage::Converted, Some(Disposition::Proposal { .. })) => "已转为政协提案办理",
            (DemandStage::Converted, Some(Disposition::Opinion { .. })) => "已转为社情民意信息报送",
            (DemandStage::Converted, _) => "已提交协商议事",
            (stage, _) => stage.label(),
        }
    }
}

/// What can be done to a demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum DemandAction {
    AnswerOnSpot {
        answer: Reason,
    },
    /// Forward to handling units: the tracking machine's Assign.
    Forward {
        plan: tracking::AssignmentPlan,
    },
    /// Any other step of the tracking machine (unit answers, checking …).
    Track {
        action: TrackingAction,
    },
    ToProposal {
        id: ProposalId,
    },
    ToOpinion {
        id: OpinionId,
    },
    ToConsultation {
        note: Reason,
    },
    Feedback {
        feedback: VisitorFeedback,
    },
}

impl DemandAction {
    pub fn code(&self) -> &'static str {
        match self {
            DemandAction::AnswerOnSpot { .. } => "answer_on_spot",
            DemandAction::Forward { .. } => "forward",
            DemandAction::Track { action } => action.kind().code(),
            DemandAction::ToProposal { .. } => "to_proposal",
            DemandAction::ToOpinion { .. } => "to_opinion",
            DemandAction::ToConsultation { .. } => "to_consultation",
            DemandAction::Feedback { .. } => "feedback",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            DemandAction::AnswerOnSpot { .. } => "当场答复",
            DemandAction::Forward { .. } => "转承办单位",
            DemandAction::Track { action } => action.kind().label(),
            DemandAction::ToProposal { .. } => "转为提案草稿",
            DemandAction::ToOpinion { .. } => "转为社情民意草稿",
            DemandAction::ToConsultation { .. } => "提交协商",
            DemandAction::Feedback { .. } => "反馈群众",
        }
    }
}

/// Who acts, as worked out by [`super::rules::demand_relation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandActor {
    /// Staff of the demand's organisation or above.
    Staff,
    /// A member attached to the demand's station, or who took it in.
    StationMember,
    /// A unit the demand was forwarded to.
    Unit(crate::UnitId),
    /// A leader, or anyone else who may read it.
    Reader,
}

/// An accepted action: the next record and the tracking history entry, if
/// the tracking machine moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub next: Demand,
    pub tracking: Option<tracking::Transition>,
}

/// The one transition function. `calendar` and `policy` are the demand's
/// organisation's; `close_within` comes from its settings.
pub fn apply(
    d: &Demand,
    action: &DemandAction,
    actor: DemandActor,
    ctx: &Context<'_>,
    close_within: tracking::Period,
) -> Result<Applied, Refusal> {
    let by_station = matches!(actor, DemandActor::Staff | DemandActor::StationMember);
    let mut next = d.clone();
    let mut moved = None;
    match action {
        DemandAction::AnswerOnSpot { .. }
        | DemandAction::ToProposal { .. }
        | DemandAction::ToOpinion { .. }
        | DemandAction::ToConsultation { .. } => {
            if !by_station {
                return Err(Refusal::not_permitted(format!(
                    "只有本站委员或机关工作人员可以{}",
                    action.label()
                )));
            }
            if matches!(action, DemandAction::ToProposal { .. })
                && actor != DemandActor::StationMember
            {
                return Err(Refusal::not_permitted("提案须由委员本人起草"));
            }
            received(d, action)?;
            let (stage, disposition) = match action {
                DemandAction::AnswerOnSpot { answer } => (
                    DemandStage::AnsweredOnSpot,
                    Disposition::OnSpot {
                        answer: answer.as_str().to_string(),
                    },
                ),
                DemandAction::ToProposal { id } => {
                    (DemandStage::Converted, Disposition::Proposal { id: *id })
                }
                DemandAction::ToOpinion { id } => {
                    (DemandStage::Converted, Disposition::Opinion { id: *id })
                }
                DemandAction::ToConsultation { note } => (
                    DemandStage::Converted,
                    Disposition::Consultation {
                        note: note.as_str().to_string(),
                    },
                ),
                _ => return Err(Refusal::invalid("未知的处置方式")),
            };
            next.stage = stage;
            next.disposition = Some(disposition);
        }
        DemandAction::Forward { plan } => {
            if actor != DemandActor::Staff {
                return Err(Refusal::not_permitted(
                    "只有机关工作人员可以把诉求转交承办单位",
                ));
            }
            received(d, action)?;
            let applied = tracking::apply(
                &d.tracking,
                &TrackingAction::Assign { plan: plan.clone() },
                &Relation::Staff,
                ctx,
            )?;
            next.tracking = applied.next;
            next.stage = DemandStage::Forwarded;
            next.disposition = Some(Disposition::Forwarded);
            moved = Some(applied.transition);
        }
        DemandAction::Track { action: t } => {
            if d.stage != DemandStage::Forwarded {
                return Err(Refusal::wrong_state("该诉求没有转交承办单位"));
            }
            if matches!(
                t.kind(),
                TrackingActionKind::Rate | TrackingActionKind::Close
            ) {
                return Err(Refusal::invalid("评价与办结请通过“反馈群众”记录"));
            }
            let relation = match actor {
                DemandActor::Staff => Relation::Staff,
                DemandActor::Unit(u) => Relation::Unit(u),
                _ => {
                    return Err(Refusal::not_permitted(format!(
                        "只有承办单位或机关工作人员可以{}",
                        t.kind().label()
                    )))
                }
            };
            let applied = tracking::apply(&d.tracking, t, &relation, ctx)?;
            next.tracking = applied.next;
            moved = Some(applied.transition);
        }
        DemandAction::Feedback { feedback } => {
            if !by_station {
                return Err(Refusal::not_permitted(
                    "只有本站委员或机关工作人员可以记录反馈",
                ));
            }
            moved = feedback_step(&mut next, feedback, ctx, close_within)?;
        }
    }
    Ok(Applied {
        next,
        tracking: moved,
    })
}

fn received(d: &Demand, action: &DemandAction) -> Result<(), Refusal> {
    if d.stage == DemandStage::Received {
        Ok(())
    } else {
        Err(Refusal::wrong_state(format!(
            "该诉求已{}，不能再{}",
            d.stage.label().trim_start_matches('已'),
            action.label()
        )))
    }
}

/// Records the feedback. A forwarded demand is rated for the visitor
/// (Rater::Citizen, entered by staff) and closes when the tracking machine
/// allows; a dissatisfied visitor leaves it open for re-handling.
fn feedback_step(
    next: &mut Demand,
    feedback: &VisitorFeedback,
    ctx: &Context<'_>,
    close_within: tracking::Period,
) -> Result<Option<tracking::Transition>, Refusal> {
    let mut moved = None;
    match next.stage {
        DemandStage::Received => return Err(Refusal::wrong_state("诉求尚未处置，还不能反馈结果")),
        DemandStage::Closed => return Err(Refusal::wrong_state("该诉求已办结")),
        DemandStage::Forwarded => {
            let units: Vec<_> = next
                .tracking
                .answering()
                .filter(|a| a.state == AssignmentState::Accepted)
                .map(|a| a.unit)
                .collect();
            if units.is_empty()
                || next
                    .tracking
                    .answering()
                    .any(|a| a.state != AssignmentState::Accepted)
            {
                return Err(Refusal::wrong_state(
                    "承办单位的答复尚未审核通过，还不能反馈群众",
                ));
            }
            let rated = Feedback {
                satisfaction: feedback.satisfaction,
                contacted: true,
                on_point: feedback.satisfaction.counts_as_satisfied(),
                comment: (!feedback.note.is_empty()).then(|| feedback.note.clone()),
            };
            for unit in units {
                let rate = TrackingAction::Rate {
                    unit,
                    rater: Rater::Citizen,
                    feedback: rated.clone(),
                };
                let applied = tracking::apply(&next.tracking, &rate, &Relation::Staff, ctx)?;
                next.tracking = applied.next;
                moved = Some(applied.transition);
            }
            next.feedback.push(feedback.clone());
            if let Ok(applied) = tracking::apply(
                &next.tracking,
                &TrackingAction::Close,
                &Relation::System,
                ctx,
            ) {
                next.tracking = applied.next;
                moved = Some(applied.transition);
                next.stage = DemandStage::Closed;
                next.closed_on_time = Some(
                    next.tracking
                        .answering()
                        .all(|a| a.answered_on_time == Some(true)),
                );
            }
            return Ok(moved);
        }
        DemandStage::AnsweredOnSpot | DemandStage::Converted => {}
    }
    next.feedback.push(feedback.clone());
    next.stage = DemandStage::Closed;
    let due = close_within.after(ctx.calendar, next.received_on);
    next.closed_on_time = Some(ctx.today <= due);
    Ok(moved)
}

/// The context for the tracking machine from a demand's settings.
pub fn context<'a>(
    at: i64,
    today: Date,
    calendar: &'a WorkCalendar,
    policy: &'a TrackingPolicy,
) -> Context<'a> {
    Context {
        at,
        today,
        calendar,
        policy,
    }
}
