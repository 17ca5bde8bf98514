//! One demo demand at a time: its text, its record after the rules applied
//! each step up to where it stops, and its rows.

use domain::calendar::WorkCalendar;
use domain::station::{
    self, Demand, DemandAction, DemandActor, FeedbackHow, StationSettings, VisitorFeedback,
};
use domain::tracking::{Answer, AnswerClass, AssignmentPlan, Satisfaction, TrackingAction};
use domain::{MemberId, UnitId};

use super::bulk::Lit;
use super::reason;
use super::station_rows::Writer;
use super::station_texts::*;
use super::Rng;
use crate::crypto::FieldCipher;
use crate::error::{Result, StoreError};

/// One demo demand: its text and its record after the steps to `end`.
pub(super) struct Made {
    category: &'static str,
    content: String,
    channel: station::Channel,
    demand: Demand,
    /// (action code, stage after, comment, day) for the history.
    steps: Vec<(&'static str, &'static str, String, time::Date)>,
    name: Option<String>,
    phone: Option<String>,
    code: String,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn demand(
    rng: &mut Rng,
    _cipher: &FieldCipher,
    settings: &StationSettings,
    calendar: &WorkCalendar,
    today: time::Date,
    end: &str,
    units: &[UnitId],
    n: usize,
    place: &str,
) -> Result<Option<Made>> {
    let (category, template) = DEMANDS[rng.below(DEMANDS.len())];
    let content = template
        .replace("{c}", rng.pick::<&str>(COMMUNITIES))
        .replace("{s}", &format!("{place}{}", rng.pick(STREETS)));
    let closed = end.ends_with("closed");
    let days_ago = if closed {
        20 + rng.below(300)
    } else {
        rng.below(30)
    } as i64;
    let received = today - time::Duration::days(days_ago);
    let mut d = Demand::new(received);
    let mut steps = Vec::new();
    let mut day = received;
    let mut step =
        |d: &mut Demand, action: DemandAction, actor: DemandActor, on: time::Date| -> Result<()> {
            let ctx = station::demand::context(0, on, calendar, &settings.tracking);
            let applied = station::apply(d, &action, actor, &ctx, settings.close_within)
                .map_err(|r| StoreError::Other(format!("demo demand: {}", r.message)))?;
            *d = applied.next;
            steps.push((action.code(), d.stage.code(), String::new(), on));
            Ok(())
        };
    let unit = units.get(n % units.len().max(1)).copied();
    let answer = |rng: &mut Rng| Answer {
        class: AnswerClass::A,
        document_no: None,
        signed_by: rng.pick(SIGNERS).to_string(),
        contact_person: rng.pick(SIGNERS).to_string(),
        contact_phone: format!("023-6{:07}", 1_000_000 + rng.below(8_999_999)),
        text: rng.pick(UNIT_ANSWERS).to_string(),
    };
    let feedback = |rng: &mut Rng, on: time::Date, satisfaction: Satisfaction| VisitorFeedback {
        date: on,
        how: FeedbackHow::ALL[rng.below(4)],
        satisfaction,
        note: if satisfaction == Satisfaction::Dissatisfied {
            "群众认为问题没有根本解决，希望再次处理。".into()
        } else {
            String::new()
        },
    };
    match end {
        "received" => {}
        "on_spot" | "on_spot_closed" => {
            let answer = reason(rng.pick::<&str>(ON_SPOT))?;
            step(
                &mut d,
                DemandAction::AnswerOnSpot { answer },
                DemandActor::StationMember,
                day,
            )?;
            if closed {
                day = (day + time::Duration::days(3 + rng.below(10) as i64)).min(today);
                let s = if rng.below(10) < 9 {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::BasicallySatisfied
                };
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, s),
                    },
                    DemandActor::StationMember,
                    day,
                )?;
            }
        }
        "consultation" | "consultation_closed" => {
            let note = reason(rng.pick::<&str>(CONSULTATIONS))?;
            step(
                &mut d,
                DemandAction::ToConsultation { note },
                DemandActor::Staff,
                day,
            )?;
            if closed {
                day = (day + time::Duration::days(15)).min(today);
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, Satisfaction::Satisfied),
                    },
                    DemandActor::Staff,
                    day,
                )?;
            }
        }
        _ => {
            let Some(unit) = unit else { return Ok(None) };
            day = (day + time::Duration::days(1)).min(today);
            step(
                &mut d,
                DemandAction::Forward {
                    plan: AssignmentPlan::single(unit),
                },
                DemandActor::Staff,
                day,
            )?;
            if end == "forwarded" {
                return Ok(Some(made(rng, category, content, d, steps, n)));
            }
            day = (day + time::Duration::days(5 + rng.below(12) as i64)).min(today);
            let draft = TrackingAction::DraftAnswer {
                unit,
                answer: answer(rng),
            };
            step(
                &mut d,
                DemandAction::Track { action: draft },
                DemandActor::Unit(unit),
                day,
            )?;
            step(
                &mut d,
                DemandAction::Track {
                    action: TrackingAction::SubmitAnswer { unit },
                },
                DemandActor::Unit(unit),
                day,
            )?;
            let accept = TrackingAction::Accept {
                unit,
                class: None,
                reason: None,
            };
            step(
                &mut d,
                DemandAction::Track { action: accept },
                DemandActor::Staff,
                day,
            )?;
            if end == "forwarded_closed" || end == "rehandling" {
                day = (day + time::Duration::days(2)).min(today);
                let s = if end == "rehandling" {
                    Satisfaction::Dissatisfied
                } else {
                    Satisfaction::Satisfied
                };
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, s),
                    },
                    DemandActor::Staff,
                    day,
                )?;
            }
            if end == "rehandling" {
                let rehandle = TrackingAction::Rehandle {
                    unit,
                    reason: reason("群众不满意，请重新办理并当面答复")?,
                };
                step(
                    &mut d,
                    DemandAction::Track { action: rehandle },
                    DemandActor::Staff,
                    day,
                )?;
            }
        }
    }
    Ok(Some(made(rng, category, content, d, steps, n)))
}

fn made(
    rng: &mut Rng,
    category: &'static str,
    content: String,
    demand: Demand,
    steps: Vec<(&'static str, &'static str, String, time::Date)>,
    n: usize,
) -> Made {
    let channel = match n % 10 {
        0..=5 => station::Channel::OnSite,
        6..=8 => station::Channel::Online,
        _ => station::Channel::Phone,
    };
    let anonymous = rng.below(10) < 3;
    let name = (!anonymous).then(|| {
        let title = if rng.below(2) == 0 {
            "先生"
        } else {
            "女士"
        };
        format!("{}{title}", rng.pick(super::names::SURNAMES))
    });
    let phone =
        (!anonymous).then(|| format!("13{}{:08}", 5 + rng.below(5), rng.below(100_000_000)));
    let mut bytes = [0u8; station::CODE_LEN];
    for b in bytes.iter_mut() {
        *b = rng.below(256) as u8;
    }
    Made {
        code: station::tracking_code(&bytes),
        category,
        content,
        channel,
        demand,
        steps,
        name,
        phone,
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn push_demand(
    w: &mut Writer,
    id: i64,
    org: i64,
    station: i64,
    member: Option<MemberId>,
    staff: i64,
    now: i64,
    m: Made,
    cipher: &FieldCipher,
) -> Result<()> {
    let d = &m.demand;
    let aggregate = serde_json::to_string(d).map_err(|e| StoreError::Other(e.to_string()))?;
    let name = m.name.as_deref().map(|n| cipher.encrypt(n)).transpose()?;
    let phone = m.phone.as_deref().map(|p| cipher.encrypt(p)).transpose()?;
    let masked = m
        .phone
        .as_deref()
        .map(|p| domain::member::mask_middle(p, 3, 4))
        .unwrap_or_default();
    let code = m.code.clone();
    let received_at = d.received_on.midnight().assume_utc().unix_timestamp() + 2 * 3600;
    let closed_at = (d.stage == station::DemandStage::Closed).then(|| {
        d.feedback
            .last()
            .map(|f| f.date.midnight().assume_utc().unix_timestamp() + 8 * 3600)
            .unwrap_or(now)
    });
    let satisfaction = d
        .feedback
        .last()
        .map(|f| f.satisfaction.code())
        .unwrap_or("");
    let taken_by = (m.channel == station::Channel::OnSite)
        .then_some(member)
        .flatten()
        .map(|x| x.0);
    let entered_by = (m.channel != station::Channel::Online).then_some(staff);
    let name_lit = name.as_deref().map(Lit::Text).unwrap_or(Lit::Null);
    let phone_lit = phone.as_deref().map(Lit::Text).unwrap_or(Lit::Null);
    w.demands.push(&[
        id.into(),
        org.into(),
        station.into(),
        code.as_str().into(),
        m.channel.code().into(),
        m.category.into(),
        m.content.as_str().into(),
        name_lit,
        phone_lit,
        masked.as_str().into(),
        taken_by.into(),
        entered_by.into(),
        "".into(),
        d.stage.code().into(),
        0i64.into(),
        d.closed_on_time.map(i64::from).into(),
        satisfaction.into(),
        d.received_on.to_string().as_str().into(),
        closed_at.into(),
        (m.steps.len() as i64).into(),
        aggregate.as_str().into(),
        received_at.into(),
        closed_at.unwrap_or(received_at).into(),
    ]);
    for a in &d.tracking.assignments {
        w.demand_units.push(&[
            id.into(),
            i64::from(a.seq).into(),
            a.unit.0.into(),
            a.state.code().into(),
            a.due.to_string().as_str().into(),
        ]);
    }
    w.history.push(&[
        id.into(),
        received_at.into(),
        Lit::Null,
        "demo".into(),
        "receive".into(),
        "".into(),
        "received".into(),
        m.channel.label().into(),
    ]);
    let mut from = "received";
    for (action, to, comment, on) in &m.steps {
        let at = on.midnight().assume_utc().unix_timestamp() + 3 * 3600;
        w.history.push(&[
            id.into(),
            at.into(),
            staff.into(),
            "demo".into(),
            (*action).into(),
            from.into(),
            (*to).into(),
            comment.as_str().into(),
        ]);
        from = to;
    }
    Ok(())
}
