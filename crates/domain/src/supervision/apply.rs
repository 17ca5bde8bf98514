//! The one transition function ([`apply`]), the start of a topic
//! ([`create`]), who may do what, and the steps offered to a viewer.

use super::{
    Action, ActionKind as K, Applied, Context, Evidence, Form, Relation, Source, Stage,
    SupervisionOpinion, Topic, TopicText, Transition, Who,
};
use crate::refusal::Refusal;
use crate::tracking::{
    self, AnswerClass, AssignmentState, Tracking, TrackingAction, TrackingActionKind as T,
};
use crate::{CommitteeId, MemberId, OrgId, TopicId};

/// Starts a topic at 立项. Only staff of the organisation create topics.
#[allow(clippy::too_many_arguments)]
pub fn create(
    id: TopicId,
    org: OrgId,
    year: i32,
    text: TopicText,
    source: Source,
    form: Form,
    committee: CommitteeId,
    members: Vec<MemberId>,
    who: &Who,
) -> Result<Topic, Refusal> {
    let Some(user) = who.user.filter(|_| who.staff) else {
        return Err(Refusal::not_permitted(
            "只有政协机关工作人员可以确定监督议题",
        ));
    };
    if members.is_empty() {
        return Err(Refusal::invalid("请选择参加监督的委员"));
    }
    Ok(Topic {
        id,
        org,
        year,
        text,
        source,
        form,
        committee,
        members,
        stage: Stage::Planned,
        activities: Vec::new(),
        opinions: Vec::new(),
        conclusion: None,
        created_by: user,
        version: 1,
    })
}

/// Applies `action` by `who`. On success the caller stores `next` (checking
/// `version`) and appends `transition`. Nothing else changes a stage.
pub fn apply(
    topic: &Topic,
    action: &Action,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let kind = action.kind();
    let relation = authorise(topic, kind, who)?;
    let from = topic.stage;
    let wrong = || {
        Refusal::wrong_state(format!(
            "该议题当前为“{}”阶段，不能{}",
            from.label(),
            kind.label()
        ))
    };
    let mut next = topic.clone();
    let mut step = None;
    match (action, from) {
        (Action::RecordActivity { activity }, Stage::Planned | Stage::Active) => {
            if let Some(m) = activity
                .participants
                .iter()
                .find(|m| !topic.members.contains(m))
            {
                return Err(Refusal::invalid(format!(
                    "参加人员（委员编号{m}）不是本议题的参加委员"
                )));
            }
            if activity.end > ctx.today {
                return Err(Refusal::invalid("活动尚未结束，结束后再记录发现的问题"));
            }
            let mut activity = activity.clone();
            activity.seq = next.activities.len() as u32 + 1;
            next.activities.push(activity);
            next.stage = Stage::Active;
        }
        (Action::DraftOpinion { title, text }, Stage::Active | Stage::Drafting) => {
            next.opinions.push(SupervisionOpinion {
                seq: next.opinions.len() as u32 + 1,
                title: title.clone(),
                text: text.clone(),
                drafted_on: ctx.today,
                sent_on: None,
                tracking: Tracking::new(Vec::new()),
                evidence: Vec::new(),
            });
            next.stage = Stage::Drafting;
        }
        (Action::SendOpinion { opinion, plan }, Stage::Drafting | Stage::Rectifying) => {
            let o = opinion_mut(&mut next, *opinion)?;
            if o.is_sent() {
                return Err(Refusal::wrong_state("该监督意见已交办"));
            }
            let s = TrackingAction::Assign { plan: plan.clone() };
            track(o, &s, relation, ctx)?;
            o.sent_on = Some(ctx.today);
            step = Some(s);
            next.stage = Stage::Rectifying;
        }
        (
            Action::DraftPlan {
                opinion,
                unit,
                plan,
            },
            Stage::Rectifying,
        ) => {
            let mut plan = plan.clone();
            plan.class = AnswerClass::B;
            let s = TrackingAction::DraftAnswer {
                unit: *unit,
                answer: plan,
            };
            track(sent_mut(&mut next, *opinion)?, &s, relation, ctx)?;
            step = Some(s);
        }
        (Action::Track { opinion, step: s }, Stage::Rectifying) => {
            check_step(s)?;
            track(sent_mut(&mut next, *opinion)?, s, relation, ctx)?;
            step = Some(s.clone());
        }
        (
            Action::RecordResults {
                opinion,
                unit,
                result,
                evidence,
            },
            Stage::Rectifying,
        ) => {
            let o = sent_mut(&mut next, *opinion)?;
            let s = TrackingAction::RecordFollowUp {
                unit: *unit,
                result: result.clone(),
            };
            track(o, &s, relation, ctx).map_err(|r| match r.message.as_str() {
                "该答复没有待跟踪办理的事项" => {
                    Refusal::wrong_state("整改方案审核通过后才能报送整改结果，且结果只需报送一次")
                }
                _ => r,
            })?;
            o.evidence.push(Evidence {
                unit: *unit,
                on: ctx.today,
                text: evidence.to_string(),
            });
            step = Some(s);
        }
        (Action::StartRecheck, Stage::Rectifying) => {
            if let Some(o) = topic.opinions.iter().find(|o| !o.is_rectified()) {
                return Err(Refusal::wrong_state(format!(
                    "监督意见“{}”尚未交办或整改结果未全部报送，暂不能开展回头看",
                    o.title
                )));
            }
            next.stage = Stage::Rechecking;
        }
        (
            Action::Reopen {
                opinion,
                unit,
                until,
                reason,
            },
            Stage::Rechecking,
        ) => {
            let s = TrackingAction::ReopenFollowUp {
                unit: *unit,
                until: *until,
                reason: reason.clone(),
            };
            track(sent_mut(&mut next, *opinion)?, &s, relation, ctx)?;
            step = Some(s);
            next.stage = Stage::Rectifying;
        }
        (Action::Close { conclusion }, Stage::Rechecking) => {
            for o in &mut next.opinions {
                track(o, &TrackingAction::Close, relation, ctx)?;
            }
            next.conclusion = Some(conclusion.to_string());
            next.stage = Stage::Closed;
        }
        _ => return Err(wrong()),
    }
    next.version += 1;
    Ok(Applied {
        transition: Transition {
            from,
            to: next.stage,
            kind,
            opinion: action.opinion(),
            step,
            user: who.user,
            relation,
            at: ctx.at,
            comment: action.comment(),
        },
        next,
    })
}

/// Who may take this kind of action on this topic, or why not.
fn authorise(topic: &Topic, kind: K, who: &Who) -> Result<Relation, Refusal> {
    let member = who.member.is_some_and(|m| topic.members.contains(&m));
    match kind {
        K::RecordActivity if who.staff => Ok(Relation::Staff),
        K::RecordActivity if member => Ok(Relation::Member),
        K::RecordActivity => Err(Refusal::not_permitted(
            "只有本议题的参加委员或机关工作人员可以记录监督活动",
        )),
        K::DraftPlan | K::RecordResults => match who.unit {
            Some(unit) => Ok(Relation::Unit(unit)),
            None => Err(Refusal::not_permitted(format!(
                "只有收到监督意见的承办单位可以{}",
                kind.label()
            ))),
        },
        K::Track if who.staff => Ok(Relation::Staff),
        K::Track => match who.unit {
            Some(unit) => Ok(Relation::Unit(unit)),
            None => Err(Refusal::not_permitted(
                "只有机关工作人员或承办单位可以办理监督意见",
            )),
        },
        _ if who.staff => Ok(Relation::Staff),
        _ => Err(Refusal::not_permitted(format!(
            "只有政协机关工作人员可以{}",
            kind.label()
        ))),
    }
}

/// The tracking steps that go through [`Action::Track`]; the others have
/// their own action (with supervision's meaning) or are not used here.
fn check_step(step: &TrackingAction) -> Result<(), Refusal> {
    match step {
        TrackingAction::Accept {
            class: Some(class), ..
        } if *class != AnswerClass::B => Err(Refusal::invalid("整改方案不分答复类别")),
        _ => match step.kind() {
            T::SubmitAnswer
            | T::SendBack
            | T::Accept
            | T::Extend
            | T::Withdraw
            | T::AddUnit
            | T::Return => Ok(()),
            other => Err(Refusal::invalid(format!(
                "监督意见不适用“{}”这一步骤",
                other.label()
            ))),
        },
    }
}

fn opinion_mut(topic: &mut Topic, seq: u32) -> Result<&mut SupervisionOpinion, Refusal> {
    topic
        .opinions
        .iter_mut()
        .find(|o| o.seq == seq)
        .ok_or_else(|| Refusal::invalid("没有这条监督意见"))
}

fn sent_mut(topic: &mut Topic, seq: u32) -> Result<&mut SupervisionOpinion, Refusal> {
    let o = opinion_mut(topic, seq)?;
    if !o.is_sent() {
        return Err(Refusal::wrong_state("该监督意见尚未交办"));
    }
    Ok(o)
}

/// Runs one tracking step on an opinion, as the actor's tracking relation.
fn track(
    o: &mut SupervisionOpinion,
    step: &TrackingAction,
    relation: Relation,
    ctx: &Context<'_>,
) -> Result<(), Refusal> {
    let actor = match relation {
        Relation::Staff => tracking::Relation::Staff,
        Relation::Unit(unit) => tracking::Relation::Unit(unit),
        Relation::System => tracking::Relation::System,
        Relation::Member => {
            return Err(Refusal::not_permitted("委员不办理监督意见"));
        }
    };
    let applied = tracking::apply(&o.tracking, step, &actor, &ctx.for_tracking())?;
    o.tracking = applied.next;
    Ok(())
}

/// The topic-level steps `who` may start now (forms to show).
pub fn offers(topic: &Topic, who: &Who) -> Vec<K> {
    let stage = topic.stage;
    let all_sent = topic.opinions.iter().all(SupervisionOpinion::is_sent);
    [
        K::RecordActivity,
        K::DraftOpinion,
        K::SendOpinion,
        K::StartRecheck,
        K::Reopen,
        K::Close,
    ]
    .into_iter()
    .filter(|k| authorise(topic, *k, who).is_ok())
    .filter(|k| match k {
        K::RecordActivity => matches!(stage, Stage::Planned | Stage::Active),
        K::DraftOpinion => matches!(stage, Stage::Active | Stage::Drafting),
        K::SendOpinion => matches!(stage, Stage::Drafting | Stage::Rectifying) && !all_sent,
        K::StartRecheck => {
            stage == Stage::Rectifying && topic.opinions.iter().all(|o| o.is_rectified())
        }
        K::Reopen | K::Close => stage == Stage::Rechecking,
        _ => false,
    })
    .collect()
}

impl SupervisionOpinion {
    /// The steps a unit (or staff) may take on one unit's assignment now,
    /// as codes the pages and the API share.
    pub fn steps_for(&self, stage: Stage, who: &Who, unit: crate::UnitId) -> Vec<&'static str> {
        let Some(a) = self.tracking.latest_of(unit) else {
            return Vec::new();
        };
        let own = who.unit == Some(unit);
        let mut steps = Vec::new();
        if stage == Stage::Rectifying && a.is_answering() {
            let s = a.state;
            if own {
                if matches!(
                    s,
                    AssignmentState::Assigned
                        | AssignmentState::Contacted
                        | AssignmentState::Drafting
                        | AssignmentState::SentBack
                ) {
                    steps.push("draft_plan");
                }
                if s == AssignmentState::Drafting {
                    steps.push("submit_plan");
                }
                if s == AssignmentState::Accepted && a.has_open_follow_up() {
                    steps.push("record_results");
                }
            }
            if who.staff && s == AssignmentState::Submitted {
                steps.extend(["accept_plan", "send_back_plan"]);
            }
            if who.staff && s.awaits_answer() && s != AssignmentState::Rehandling {
                steps.push("extend");
            }
        }
        if stage == Stage::Rechecking && who.staff && a.is_answering() {
            steps.push("reopen");
        }
        steps
    }
}
