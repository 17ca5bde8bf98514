//! Creating topics and applying actions.

use domain::calendar::WorkCalendar;
use domain::supervision::{self, Action, Applied, Context, ParsedTopic, Source, Topic, Who};
use domain::tracking::{AssignmentState, TrackingAction, TrackingPolicy};
use domain::{CommitteeId, FieldErrors, OrgId, TopicId, UnitId, UserId};
use sea_query::{Expr, IntoIden, Query};

use super::read::load;
use crate::audit::{self, Event};
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{
    Committees, Members, Opinions, Proposals, SupervisionHistory, SupervisionTopics,
    SupervisionUnits, Users,
};

/// The kind a topic has in `item_links`.
pub const KIND_TOPIC: &str = "supervision_topic";

/// The organisation's calendar and supervision deadlines.
#[derive(Debug, Clone)]
pub struct Setting {
    pub calendar: WorkCalendar,
    pub policy: TrackingPolicy,
}

impl Setting {
    pub fn context(&self, now: i64) -> Context<'_> {
        Context {
            at: now,
            today: crate::clock::local_date(now),
            calendar: &self.calendar,
            policy: &self.policy,
        }
    }
}

/// The calendar and supervision deadlines in force for the organisation
/// (its own, else inherited, else the defaults).
pub async fn setting_for(db: &Db, org: OrgId) -> Result<Setting> {
    let in_force = crate::org_settings::in_force(db, org).await?;
    Ok(Setting {
        calendar: in_force.calendar.value,
        policy: in_force.supervision.value.policy(),
    })
}

async fn exists(db: &Db, q: sea_query::SelectStatement) -> Result<bool> {
    Ok(db.optional(&q).await?.is_some())
}

/// Creates a topic at 立项 after checking that its committee, members and
/// source item belong to the organisation; links a source proposal or
/// report both ways.
pub async fn create(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    org: OrgId,
    parsed: ParsedTopic,
) -> Result<TopicId> {
    let mut e = FieldErrors::new();
    let committee = Query::select()
        .column(Committees::Id)
        .from(Committees::Table)
        .and_where(Expr::col(Committees::Id).eq(parsed.committee.0))
        .and_where(Expr::col(Committees::OrgId).eq(org.0))
        .to_owned();
    if !exists(db, committee).await? {
        e.add("committee", "请选择本会的专门委员会");
    }
    let ids: Vec<i64> = parsed.members.iter().map(|m| m.0).collect();
    let found = db
        .all(
            &Query::select()
                .column(Members::Id)
                .from(Members::Table)
                .and_where(Expr::col(Members::Id).is_in(ids.clone()))
                .and_where(Expr::col(Members::OrgId).eq(org.0))
                .to_owned(),
        )
        .await?;
    if found.len() != ids.len() {
        e.add("members", "参加委员须为本会委员");
    }
    let source_ok = match &parsed.source {
        Source::Proposal { id } => {
            let q = Query::select()
                .column(Proposals::Id)
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::Id).eq(id.0))
                .and_where(Expr::col(Proposals::OrgId).eq(org.0))
                .to_owned();
            exists(db, q).await?
        }
        Source::Opinion { id } => {
            let q = Query::select()
                .column(Opinions::Id)
                .from(Opinions::Table)
                .and_where(Expr::col(Opinions::Id).eq(id.0))
                .and_where(Expr::col(Opinions::OrgId).eq(org.0))
                .to_owned();
            exists(db, q).await?
        }
        _ => true,
    };
    if !source_ok {
        e.add(
            "source_id",
            format!(
                "本会没有编号为{}的{}",
                source_id(&parsed.source),
                parsed.source.kind().label()
            ),
        );
    }
    if !e.is_empty() {
        return Err(StoreError::Invalid(e));
    }
    // Ask the rules first, so a refused creation writes nothing.
    supervision::create(
        TopicId(0),
        org,
        parsed.year,
        parsed.text.clone(),
        parsed.source.clone(),
        parsed.form,
        parsed.committee,
        parsed.members.clone(),
        who,
    )
    .map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    let id = insert_row(&mut tx, now, org, parsed.year, parsed.committee).await?;
    let topic = supervision::create(
        TopicId(id),
        org,
        parsed.year,
        parsed.text,
        parsed.source,
        parsed.form,
        parsed.committee,
        parsed.members,
        who,
    )
    .map_err(StoreError::Refused)?;
    write_record(&mut tx, now, &topic, None).await?;
    history_row(
        &mut tx,
        now,
        audit_who,
        id,
        "create",
        "",
        "planned",
        None,
        "",
        &topic.text.title,
    )
    .await?;
    if let Some((kind, item)) = source_item(&topic.source) {
        crate::links::both_ways(
            &mut tx,
            now,
            (kind, item),
            (KIND_TOPIC, id),
            ("supervised_by", "supervises"),
        )
        .await?;
    }
    let summary = format!("民主监督议题立项：{}", topic.text.title);
    audit::append(
        &mut tx,
        now,
        audit_who,
        Event::new("supervision.create", "supervision_topic", id, summary),
    )
    .await?;
    tx.commit().await?;
    Ok(TopicId(id))
}

fn source_id(source: &Source) -> i64 {
    match source {
        Source::Proposal { id } => id.0,
        Source::Opinion { id } => id.0,
        _ => 0,
    }
}

fn source_item(source: &Source) -> Option<(&'static str, i64)> {
    match source {
        Source::Proposal { id } => Some((crate::opinion::KIND_PROPOSAL, id.0)),
        Source::Opinion { id } => Some((crate::opinion::KIND_OPINION, id.0)),
        _ => None,
    }
}

/// Applies one action through the rules and saves everything it causes.
pub async fn act(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    id: TopicId,
    action: Action,
) -> Result<Topic> {
    let stored = load(db, id).await?;
    let setting = setting_for(db, stored.topic.org).await?;
    let applied = supervision::apply(&stored.topic, &action, who, &setting.context(now))
        .map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    save(&mut tx, now, audit_who, &stored.topic, &applied, &setting).await?;
    tx.commit().await?;
    Ok(applied.next)
}

/// Writes the new record (only if nobody changed it since it was read),
/// history, projection, warning jobs, notifications and audit.
pub(crate) async fn save(
    tx: &mut Tx,
    now: i64,
    audit_who: &audit::Who,
    before: &Topic,
    applied: &Applied,
    setting: &Setting,
) -> Result<()> {
    let next = &applied.next;
    write_record(tx, now, next, Some(before.version)).await?;
    let t = &applied.transition;
    let step = t.step.as_ref().map(|s| s.kind().code()).unwrap_or_default();
    history_row(
        tx,
        now,
        audit_who,
        next.id.0,
        t.kind.code(),
        t.from.code(),
        t.to.code(),
        t.opinion,
        step,
        &t.comment.clone().unwrap_or_default(),
    )
    .await?;
    if let Some(seq) = t.opinion {
        super::warnings::schedule(tx, now, next, seq, t.step.as_ref(), setting).await?;
        if let Some(TrackingAction::Assign { plan }) = &t.step {
            for (unit, _) in plan.units() {
                for user in unit_accounts(tx, *unit).await? {
                    crate::mail::notify_with_mail(
                        tx,
                        now,
                        user,
                        &format!("收到监督意见：{}", next.text.title),
                        "请按期报送整改方案，整改后报送整改结果和佐证材料。",
                        &format!("/supervision/{}", next.id),
                    )
                    .await?;
                }
            }
        }
    }
    let summary = format!("民主监督{}：{}", t.kind.label(), next.text.title);
    audit::append(
        tx,
        now,
        audit_who,
        Event::new(
            "supervision.action",
            "supervision_topic",
            next.id.0,
            summary,
        ),
    )
    .await?;
    Ok(())
}

/// The topic's row, as planned with an empty record; `write_record` fills it.
pub(crate) async fn insert_row(
    tx: &mut Tx,
    now: i64,
    org: OrgId,
    year: i32,
    committee: CommitteeId,
) -> Result<i64> {
    tx.insert_id(
        &Query::insert()
            .into_table(SupervisionTopics::Table)
            .columns([
                SupervisionTopics::OrgId,
                SupervisionTopics::Year,
                SupervisionTopics::Stage,
                SupervisionTopics::CommitteeId,
                SupervisionTopics::Aggregate,
                SupervisionTopics::CreatedAt,
                SupervisionTopics::UpdatedAt,
            ])
            .values_panic([
                org.0.into(),
                i64::from(year).into(),
                "planned".into(),
                committee.0.into(),
                "{}".into(),
                now.into(),
                now.into(),
            ])
            .returning_col(SupervisionTopics::Id)
            .to_owned(),
    )
    .await
}

/// The record, its columns and its unit projection.
pub(crate) async fn write_record(
    tx: &mut Tx,
    now: i64,
    next: &Topic,
    expected: Option<u64>,
) -> Result<()> {
    let aggregate = serde_json::to_string(next).map_err(|e| StoreError::Other(e.to_string()))?;
    let mut update = Query::update()
        .table(SupervisionTopics::Table)
        .values([
            (SupervisionTopics::Aggregate, aggregate.into()),
            (SupervisionTopics::Stage, next.stage.code().into()),
            (SupervisionTopics::Version, (next.version as i64).into()),
            (SupervisionTopics::Title, next.text.title.clone().into()),
            (SupervisionTopics::Form, next.form.code().into()),
            (
                SupervisionTopics::SourceKind,
                next.source.kind().code().into(),
            ),
            (SupervisionTopics::CommitteeId, next.committee.0.into()),
            (SupervisionTopics::UpdatedAt, now.into()),
        ])
        .and_where(Expr::col(SupervisionTopics::Id).eq(next.id.0))
        .to_owned();
    if let Some(version) = expected {
        update.and_where(Expr::col(SupervisionTopics::Version).eq(version as i64));
    }
    if tx.execute(&update).await? == 0 {
        return Err(StoreError::Conflict(
            "该议题刚被他人处理过，请刷新页面查看最新状态后再操作".into(),
        ));
    }
    let columns = vec![
        SupervisionUnits::TopicId.into_iden(),
        SupervisionUnits::OpinionSeq.into_iden(),
        SupervisionUnits::Seq.into_iden(),
        SupervisionUnits::UnitId.into_iden(),
        SupervisionUnits::State.into_iden(),
        SupervisionUnits::Awaiting.into_iden(),
        SupervisionUnits::DueOn.into_iden(),
        SupervisionUnits::CreatedAt.into_iden(),
        SupervisionUnits::UpdatedAt.into_iden(),
    ];
    let mut rows = Vec::new();
    for o in &next.opinions {
        for a in &o.tracking.assignments {
            let (awaiting, due) = owed(a);
            rows.push(vec![
                next.id.0.into(),
                i64::from(o.seq).into(),
                i64::from(a.seq).into(),
                a.unit.0.into(),
                a.state.code().into(),
                awaiting.into(),
                due.map(|d| d.to_string()).unwrap_or_default().into(),
                now.into(),
                now.into(),
            ]);
        }
    }
    crate::projection::rewrite(
        tx,
        SupervisionUnits::Table,
        SupervisionUnits::TopicId,
        next.id.0,
        columns,
        rows,
    )
    .await?;
    Ok(())
}

/// What a unit owes on an assignment now, and by when.
pub(crate) fn owed(a: &domain::tracking::Assignment) -> (&'static str, Option<time::Date>) {
    if a.state.awaits_answer() && a.role.answers() {
        ("plan", Some(a.due))
    } else if a.state == AssignmentState::Accepted && a.has_open_follow_up() {
        ("results", a.open_follow_up_due())
    } else {
        ("", None)
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn history_row(
    tx: &mut Tx,
    now: i64,
    audit_who: &audit::Who,
    topic: i64,
    action: &str,
    from: &str,
    to: &str,
    opinion: Option<u32>,
    step: &str,
    comment: &str,
) -> Result<()> {
    tx.execute(
        &Query::insert()
            .into_table(SupervisionHistory::Table)
            .columns([
                SupervisionHistory::TopicId,
                SupervisionHistory::At,
                SupervisionHistory::ActorUserId,
                SupervisionHistory::ActorLogin,
                SupervisionHistory::Action,
                SupervisionHistory::FromStage,
                SupervisionHistory::ToStage,
                SupervisionHistory::OpinionSeq,
                SupervisionHistory::Step,
                SupervisionHistory::Comment,
            ])
            .values_panic([
                topic.into(),
                now.into(),
                audit_who.user_id.into(),
                audit_who.login.clone().into(),
                action.into(),
                from.into(),
                to.into(),
                opinion.map(i64::from).into(),
                step.into(),
                comment.into(),
            ])
            .to_owned(),
    )
    .await?;
    Ok(())
}

/// The active accounts of a unit, read in the transaction.
async fn unit_accounts(tx: &mut Tx, unit: UnitId) -> Result<Vec<UserId>> {
    let rows = tx
        .all(
            &Query::select()
                .column(Users::Id)
                .from(Users::Table)
                .and_where(Expr::col(Users::UnitId).eq(unit.0))
                .and_where(Expr::col(Users::Disabled).eq(0))
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok(UserId(crate::db::get(r, "id")?)))
        .collect()
}
