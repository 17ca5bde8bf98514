//! Demo 民主监督: a dozen topics in the city (two in its first district) at
//! every stage, with activities, opinions, rectification plans and results
//! on realistic subjects. Each topic is built in memory through the rules
//! (`domain::supervision`) on a back-dated clock and written once.

use domain::calendar::WorkCalendar;
use domain::supervision::{self, Action, Activity, Context, Source, Stage, Topic, TopicText, Who};
use domain::tracking::{Answer, AnswerClass, AssignmentPlan, TrackingAction};
use domain::{CommitteeId, MemberId, OrgId, TopicId, UnitId, UserId};
use sea_query::{Expr, Iden, Query};
use time::Duration;

use super::{reason, Scale};
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::Users;

use super::supervision_texts::{Script, SCRIPTS};

/// The first demo account of a role in the organisation: its unit or member.
pub(super) async fn demo_account(
    db: &Db,
    org: OrgId,
    role: &str,
    column: Users,
) -> Result<Option<i64>> {
    let row = db
        .optional(
            &Query::select()
                .column(column)
                .from(Users::Table)
                .and_where(Expr::col(Users::Role).eq(role))
                .and_where(Expr::col(Users::OrgId).eq(org.0))
                .and_where(Expr::col(column).is_not_null())
                .order_by(Users::Id, sea_query::Order::Asc)
                .limit(1)
                .to_owned(),
        )
        .await?;
    row.map(|r| crate::db::get::<i64>(&r, &column.to_string()))
        .transpose()
}

/// Loads the demo topics; returns how many.
pub(super) async fn load(db: &Db, now: i64, scale: Scale, orgs: &[Org]) -> Result<usize> {
    let Some(city) = orgs.first() else {
        return Ok(0);
    };
    let count = if scale == Scale::Small {
        3
    } else {
        SCRIPTS.len()
    };
    let staff = super::proposals::staff_account(db).await?;
    let mut written = 0;
    for (i, script) in SCRIPTS.iter().take(count).enumerate() {
        // The last two go to the first district, so a city user sees districts.
        let org = if i >= 10 {
            orgs.get(1).unwrap_or(city)
        } else {
            city
        };
        let committees = crate::supervision::committees_of(db, org.id).await?;
        let units = crate::proposal::units_of(db, org.id).await?;
        let members = super::proposals::members_of(db, org.id, 6).await?;
        let (Some((committee, _)), false, false) = (
            committees.get(i % committees.len().max(1)),
            units.is_empty(),
            members.len() < 3,
        ) else {
            continue;
        };
        // The city's topics go to the demo clerk's unit and include the demo
        // member, so both see them when they sign in.
        let unit = match demo_account(db, org.id, "unit_clerk", Users::UnitId).await? {
            Some(u) => UnitId(u),
            None => units[i % units.len()].0,
        };
        let mut members = members;
        if let Some(m) = demo_account(db, org.id, "member", Users::MemberId).await? {
            members.retain(|x| x.0 != m);
            members.insert(0, MemberId(m));
        }
        let topic = build(script, org.id, *committee, &members, unit, staff, now, i)?;
        write(db, now, &topic).await?;
        written += 1;
    }
    Ok(written)
}

#[allow(clippy::too_many_arguments)]
fn build(
    s: &Script,
    org: OrgId,
    committee: CommitteeId,
    members: &[MemberId],
    unit: UnitId,
    staff: UserId,
    now: i64,
    index: usize,
) -> Result<(Topic, Vec<supervision::Transition>)> {
    let staff_who = Who {
        user: Some(staff),
        staff: true,
        ..Who::default()
    };
    let unit_who = Who {
        unit: Some(unit),
        ..Who::default()
    };
    let today = crate::clock::local_date(now);
    let calendar = WorkCalendar::default();
    let policy = supervision::default_policy();
    let source = match index {
        10 => Source::Invitation {
            department: "市城市管理局".into(),
        },
        _ => Source::AnnualPlan,
    };
    let mut topic = supervision::create(
        TopicId(0),
        org,
        today.year(),
        TopicText {
            title: s.title.into(),
            background: s.background.into(),
        },
        source,
        s.form,
        committee,
        members[..3].to_vec(),
        &staff_who,
    )
    .map_err(StoreError::Refused)?;
    let mut history = Vec::new();
    // Closed and re-checked topics started long ago; the overdue one so
    // that its results are past due today.
    let start = match (s.stage, s.detail) {
        (Stage::Closed | Stage::Rechecking, _) => 200,
        (Stage::Rectifying, 2) => 150,
        _ => 40,
    };
    let step = |topic: &mut Topic,
                history: &mut Vec<supervision::Transition>,
                action: Action,
                who: &Who,
                days_ago: i64|
     -> Result<()> {
        let ctx = Context {
            at: now - days_ago * 86_400,
            today: today - Duration::days(days_ago),
            calendar: &calendar,
            policy: &policy,
        };
        let applied = supervision::apply(topic, &action, who, &ctx).map_err(StoreError::Refused)?;
        *topic = applied.next;
        history.push(applied.transition);
        Ok(())
    };
    if s.stage == Stage::Planned {
        return Ok((topic, history));
    }
    let (kind, title, place, findings) = s.activity;
    let activity = Activity {
        seq: 0,
        kind,
        title: title.into(),
        start: today - Duration::days(start + 2),
        end: today - Duration::days(start),
        place: place.into(),
        participants: members[..2].to_vec(),
        others: Some("相关部门负责同志、专家代表".into()),
        findings: findings.into(),
        recorded_by: staff,
    };
    step(
        &mut topic,
        &mut history,
        Action::RecordActivity { activity },
        &staff_who,
        start,
    )?;
    if s.stage == Stage::Active {
        return Ok((topic, history));
    }
    let (title, text) = s.opinion;
    let draft = Action::DraftOpinion {
        title: title.into(),
        text: text.into(),
    };
    step(&mut topic, &mut history, draft, &staff_who, start - 5)?;
    if s.stage == Stage::Drafting {
        return Ok((topic, history));
    }
    let send = Action::SendOpinion {
        opinion: 1,
        plan: AssignmentPlan::single(unit),
    };
    step(&mut topic, &mut history, send, &staff_who, start - 10)?;
    if s.stage == Stage::Rectifying && s.detail == 0 {
        return Ok((topic, history));
    }
    let plan = Action::DraftPlan {
        opinion: 1,
        unit,
        plan: Answer {
            class: AnswerClass::B,
            document_no: Some(format!("渝整改〔{}〕{}号", today.year(), 10 + index)),
            signed_by: "王建国".into(),
            contact_person: "李敏".into(),
            contact_phone: "023-63890000".into(),
            text: s.plan.into(),
        },
    };
    step(&mut topic, &mut history, plan, &unit_who, start - 20)?;
    let submit = Action::Track {
        opinion: 1,
        step: TrackingAction::SubmitAnswer { unit },
    };
    step(&mut topic, &mut history, submit, &unit_who, start - 21)?;
    if s.stage == Stage::Rectifying && s.detail == 1 {
        return Ok((topic, history));
    }
    let accept = Action::Track {
        opinion: 1,
        step: TrackingAction::Accept {
            unit,
            class: None,
            reason: None,
        },
    };
    step(&mut topic, &mut history, accept, &staff_who, start - 25)?;
    if s.stage == Stage::Rectifying {
        return Ok((topic, history));
    }
    let results = Action::RecordResults {
        opinion: 1,
        unit,
        result: reason(s.result)?,
        evidence: reason(s.evidence)?,
    };
    step(&mut topic, &mut history, results, &unit_who, start - 100)?;
    step(
        &mut topic,
        &mut history,
        Action::StartRecheck,
        &staff_who,
        start - 110,
    )?;
    if s.stage == Stage::Rechecking {
        return Ok((topic, history));
    }
    if index == 0 {
        // The first closed topic was reopened once at its re-check.
        let reopen = Action::Reopen {
            opinion: 1,
            unit,
            until: today - Duration::days(start - 150),
            reason: reason("回头看发现一处堆场复堆，须重新整改")?,
        };
        step(&mut topic, &mut history, reopen, &staff_who, start - 112)?;
        let again = Action::RecordResults {
            opinion: 1,
            unit,
            result: reason("复堆点位已清理并设置围挡，纳入每周巡查。")?,
            evidence: reason("整改前后照片、巡查记录")?,
        };
        step(&mut topic, &mut history, again, &unit_who, start - 140)?;
        step(
            &mut topic,
            &mut history,
            Action::StartRecheck,
            &staff_who,
            start - 145,
        )?;
    }
    let close = Action::Close {
        conclusion: reason("回头看确认整改到位，同意办结")?,
    };
    step(&mut topic, &mut history, close, &staff_who, start - 160)?;
    Ok((topic, history))
}

/// Writes a built topic: the row, then the record, projection and history.
async fn write(db: &Db, now: i64, built: &(Topic, Vec<supervision::Transition>)) -> Result<()> {
    let (topic, history) = built;
    let system = crate::audit::Who {
        user_id: None,
        login: "demo".into(),
        ip: "local".into(),
    };
    let mut tx = db.write().await?;
    let id = crate::supervision::insert_row(&mut tx, now, topic.org, topic.year, topic.committee)
        .await?;
    let mut topic = topic.clone();
    topic.id = TopicId(id);
    crate::supervision::write_record(&mut tx, now, &topic, None).await?;
    crate::supervision::history_row(
        &mut tx,
        history.first().map_or(now, |t| t.at - 86_400),
        &system,
        id,
        "create",
        "",
        "planned",
        None,
        "",
        &topic.text.title,
    )
    .await?;
    for t in history {
        let step = t.step.as_ref().map(|s| s.kind().code()).unwrap_or_default();
        crate::supervision::history_row(
            &mut tx,
            t.at,
            &system,
            id,
            t.kind.code(),
            t.from.code(),
            t.to.code(),
            t.opinion,
            step,
            &t.comment.clone().unwrap_or_default(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_builds_through_the_rules_to_its_stage() {
        let now = 1_780_000_000;
        let members = [MemberId(1), MemberId(2), MemberId(3)];
        let mut stages = std::collections::HashSet::new();
        for (i, s) in SCRIPTS.iter().enumerate() {
            let (topic, history) = build(
                s,
                OrgId(1),
                CommitteeId(1),
                &members,
                UnitId(2),
                UserId(1),
                now,
                i,
            )
            .unwrap_or_else(|e| panic!("{}: {e}", s.title));
            assert_eq!(topic.stage, s.stage, "{}", s.title);
            assert_eq!(history.len() as u64 + 1, topic.version);
            stages.insert(topic.stage);
        }
        assert_eq!(stages.len(), Stage::ALL.len(), "every stage is shown");
        // One 整改中 topic's results are overdue today.
        let today = crate::clock::local_date(now);
        let policy = supervision::default_policy();
        let (overdue, _) = build(
            &SCRIPTS[3],
            OrgId(1),
            CommitteeId(1),
            &members,
            UnitId(2),
            UserId(1),
            now,
            3,
        )
        .unwrap();
        assert_eq!(
            overdue.warning(today, &policy),
            Some(domain::tracking::Warning::Overdue)
        );
    }
}
