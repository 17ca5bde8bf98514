//! Reading topics: one record, the board, a unit's queue, names and history.

use std::collections::HashMap;

use domain::org::OrgPath;
use domain::supervision::{Stage, Topic};
use domain::{CommitteeId, MemberId, OrgId, TopicId, UnitId};
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;
use time::Date;

use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Committees, Orgs, SupervisionHistory, SupervisionTopics, SupervisionUnits};

/// A topic with where it belongs.
#[derive(Debug, Clone)]
pub struct Stored {
    pub topic: Topic,
    pub org_path: OrgPath,
    pub org_name: String,
    pub committee_name: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn load(db: &Db, id: TopicId) -> Result<Stored> {
    let t = SupervisionTopics::Table;
    let row = db
        .optional(
            &Query::select()
                .columns([
                    (t, SupervisionTopics::Aggregate),
                    (t, SupervisionTopics::CreatedAt),
                    (t, SupervisionTopics::UpdatedAt),
                ])
                .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
                .expr_as(
                    Expr::col((Orgs::Table, Orgs::ShortName)),
                    Alias::new("org_name"),
                )
                .expr_as(
                    Expr::col((Committees::Table, Committees::Name)),
                    Alias::new("committee_name"),
                )
                .from(t)
                .inner_join(
                    Orgs::Table,
                    Expr::col((Orgs::Table, Orgs::Id)).equals((t, SupervisionTopics::OrgId)),
                )
                .inner_join(
                    Committees::Table,
                    Expr::col((Committees::Table, Committees::Id))
                        .equals((t, SupervisionTopics::CommitteeId)),
                )
                .and_where(Expr::col((t, SupervisionTopics::Id)).eq(id.0))
                .to_owned(),
        )
        .await?;
    let Some(r) = row else {
        return Err(StoreError::NotFound);
    };
    let aggregate: String = get(&r, "aggregate")?;
    let topic: Topic = serde_json::from_str(&aggregate)
        .map_err(|e| StoreError::Other(format!("supervision topic {id} record: {e}")))?;
    Ok(Stored {
        topic,
        org_path: OrgPath::from_stored(get(&r, "org_path")?),
        org_name: get(&r, "org_name")?,
        committee_name: get(&r, "committee_name")?,
        created_at: get(&r, "created_at")?,
        updated_at: get(&r, "updated_at")?,
    })
}

/// Which topics the board shows.
#[derive(Debug, Clone, Default)]
pub struct BoardFilter {
    /// Organisation subtree (staff, leaders; a city user sees districts).
    pub scope: Option<OrgPath>,
    /// Topics with an opinion sent to this unit.
    pub unit: Option<UnitId>,
    /// Topics this member takes part in (read from the records).
    pub member: Option<MemberId>,
    pub year: Option<i32>,
    pub committee: Option<CommitteeId>,
}

/// One topic on the board.
#[derive(Debug, Clone, Serialize)]
pub struct BoardRow {
    pub id: TopicId,
    pub title: String,
    pub org_name: String,
    pub year: i64,
    pub stage: &'static str,
    pub stage_label: &'static str,
    pub form_label: &'static str,
    pub committee_name: String,
    /// Unit assignments past their due date (plan or results), today.
    pub overdue: i64,
    /// The nearest date a unit owes something, if any.
    pub next_due: Option<String>,
}

/// The board: every topic in the filter with its stage and what is overdue
/// on `today`, newest year first. At most 500 rows.
pub async fn board(db: &Db, f: &BoardFilter, today: Date) -> Result<Vec<BoardRow>> {
    let t = SupervisionTopics::Table;
    let mut q = Query::select()
        .columns([
            (t, SupervisionTopics::Id),
            (t, SupervisionTopics::Title),
            (t, SupervisionTopics::Year),
            (t, SupervisionTopics::Stage),
            (t, SupervisionTopics::Form),
            (t, SupervisionTopics::Aggregate),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .expr_as(
            Expr::col((Committees::Table, Committees::Name)),
            Alias::new("committee_name"),
        )
        .from(t)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((t, SupervisionTopics::OrgId)),
        )
        .inner_join(
            Committees::Table,
            Expr::col((Committees::Table, Committees::Id))
                .equals((t, SupervisionTopics::CommitteeId)),
        )
        .order_by((t, SupervisionTopics::Year), Order::Desc)
        .order_by((t, SupervisionTopics::Id), Order::Asc)
        .limit(500)
        .to_owned();
    if let Some(scope) = &f.scope {
        q.and_where(crate::scope::within(scope));
    }
    if let Some(unit) = f.unit {
        q.and_where(
            Expr::col((t, SupervisionTopics::Id)).in_subquery(
                Query::select()
                    .column(SupervisionUnits::TopicId)
                    .from(SupervisionUnits::Table)
                    .and_where(Expr::col(SupervisionUnits::UnitId).eq(unit.0))
                    .to_owned(),
            ),
        );
    }
    if let Some(year) = f.year {
        q.and_where(Expr::col((t, SupervisionTopics::Year)).eq(i64::from(year)));
    }
    if let Some(c) = f.committee {
        q.and_where(Expr::col((t, SupervisionTopics::CommitteeId)).eq(c.0));
    }
    let rows = db.all(&q).await?;
    let ids: Vec<i64> = rows
        .iter()
        .map(|r| get::<i64>(r, "id"))
        .collect::<Result<_>>()?;
    let dues = dues_of(db, &ids).await?;
    let mut out = Vec::new();
    for r in &rows {
        if let Some(member) = f.member {
            let aggregate: String = get(r, "aggregate")?;
            let topic: Topic =
                serde_json::from_str(&aggregate).map_err(|e| StoreError::Other(e.to_string()))?;
            if !topic.members.contains(&member) {
                continue;
            }
        }
        let id: i64 = get(r, "id")?;
        let stage = Stage::parse(&get::<String>(r, "stage")?).unwrap_or(Stage::Planned);
        let form: String = get(r, "form")?;
        let owed = dues.get(&id).map(Vec::as_slice).unwrap_or_default();
        out.push(BoardRow {
            id: TopicId(id),
            title: get(r, "title")?,
            org_name: get(r, "org_name")?,
            year: get(r, "year")?,
            stage: stage.code(),
            stage_label: stage.label(),
            form_label: domain::supervision::Form::parse(&form).map_or("", |f| f.label()),
            committee_name: get(r, "committee_name")?,
            overdue: owed.iter().filter(|d| **d < today).count() as i64,
            next_due: owed.iter().min().map(Date::to_string),
        });
    }
    Ok(out)
}

/// Due dates still owed, per topic.
async fn dues_of(db: &Db, ids: &[i64]) -> Result<HashMap<i64, Vec<Date>>> {
    let mut out: HashMap<i64, Vec<Date>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = db
        .all(
            &Query::select()
                .columns([SupervisionUnits::TopicId, SupervisionUnits::DueOn])
                .from(SupervisionUnits::Table)
                .and_where(Expr::col(SupervisionUnits::TopicId).is_in(ids.iter().copied()))
                .and_where(Expr::col(SupervisionUnits::Awaiting).ne(""))
                .to_owned(),
        )
        .await?;
    for r in &rows {
        let due: String = get(r, "due_on")?;
        if let Ok(d) = domain::member::parse_date(&due) {
            out.entry(get(r, "topic_id")?).or_default().push(d);
        }
    }
    Ok(out)
}

/// One thing a unit owes.
#[derive(Debug, Clone, Serialize)]
pub struct QueueRow {
    pub topic_id: TopicId,
    pub title: String,
    pub opinion: i64,
    /// `plan` or `results`.
    pub awaiting: String,
    pub due: String,
    pub overdue: bool,
}

/// What the unit owes, soonest first.
pub async fn unit_queue(db: &Db, unit: UnitId, today: Date) -> Result<Vec<QueueRow>> {
    let u = SupervisionUnits::Table;
    let t = SupervisionTopics::Table;
    let rows = db
        .all(
            &Query::select()
                .columns([
                    (u, SupervisionUnits::TopicId),
                    (u, SupervisionUnits::OpinionSeq),
                    (u, SupervisionUnits::Awaiting),
                    (u, SupervisionUnits::DueOn),
                ])
                .column((t, SupervisionTopics::Title))
                .from(u)
                .inner_join(
                    t,
                    Expr::col((t, SupervisionTopics::Id)).equals((u, SupervisionUnits::TopicId)),
                )
                .and_where(Expr::col((u, SupervisionUnits::UnitId)).eq(unit.0))
                .and_where(Expr::col((u, SupervisionUnits::Awaiting)).ne(""))
                .order_by((u, SupervisionUnits::DueOn), Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            let due: String = get(r, "due_on")?;
            let overdue = domain::member::parse_date(&due).is_ok_and(|d| d < today);
            Ok(QueueRow {
                topic_id: TopicId(get(r, "topic_id")?),
                title: get(r, "title")?,
                opinion: get(r, "opinion_seq")?,
                awaiting: get(r, "awaiting")?,
                due,
                overdue,
            })
        })
        .collect()
}

/// The organisation's active special committees.
pub async fn committees_of(db: &Db, org: OrgId) -> Result<Vec<(CommitteeId, String)>> {
    let rows = db
        .all(
            &Query::select()
                .columns([Committees::Id, Committees::Name])
                .from(Committees::Table)
                .and_where(Expr::col(Committees::OrgId).eq(org.0))
                .and_where(Expr::col(Committees::Active).eq(1))
                .order_by(Committees::Sort, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok((CommitteeId(get(r, "id")?), get(r, "name")?)))
        .collect()
}

/// One history entry.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub at: i64,
    pub login: String,
    pub action: String,
    pub step: String,
    pub from_stage: String,
    pub to_stage: String,
    pub opinion: Option<i64>,
    pub comment: String,
}

pub async fn history(db: &Db, id: TopicId) -> Result<Vec<HistoryRow>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    SupervisionHistory::At,
                    SupervisionHistory::ActorLogin,
                    SupervisionHistory::Action,
                    SupervisionHistory::Step,
                    SupervisionHistory::FromStage,
                    SupervisionHistory::ToStage,
                    SupervisionHistory::OpinionSeq,
                    SupervisionHistory::Comment,
                ])
                .from(SupervisionHistory::Table)
                .and_where(Expr::col(SupervisionHistory::TopicId).eq(id.0))
                .order_by(SupervisionHistory::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(HistoryRow {
                at: get(r, "at")?,
                login: get(r, "actor_login")?,
                action: get(r, "action")?,
                step: get(r, "step")?,
                from_stage: get(r, "from_stage")?,
                to_stage: get(r, "to_stage")?,
                opinion: get(r, "opinion_seq")?,
                comment: get(r, "comment")?,
            })
        })
        .collect()
}
