//! Reporting upward (上报): a district's adopted report becomes the city's
//! own record (its own steps and adoption), linked both ways; the city's
//! goes to the national CPPCC outside the system, whose outcome staff
//! record by hand. One transaction each; a report goes up once.

use domain::opinion::upward::{self as rules, NationalOutcome};
use domain::opinion::{ActionKind, Context, Stage, Who};
use domain::{OpinionId, OrgId};
use sea_query::{Expr, Order, Query};
use serde::Serialize;

use super::tables::OpinionUpward;
use super::write::{insert_row, policy_for, save};
use super::{load, KIND_OPINION};
use crate::audit::{self, Event};
use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::OpinionHistory;

pub const REPORTED_TO: &str = "reported_to";
pub const REPORTED_FROM: &str = "reported_from";

/// Where one report was sent on, and (for the national level) what came of it.
#[derive(Debug, Clone, Serialize)]
pub struct UpwardRow {
    pub opinion_id: i64,
    pub to_org_id: Option<i64>,
    pub to_opinion_id: Option<i64>,
    pub to_name: String,
    pub reported_on: String,
    pub actor_login: String,
    pub outcome: String,
    pub outcome_on: String,
    pub outcome_note: String,
}

pub async fn upward_of(db: &Db, id: OpinionId) -> Result<Option<UpwardRow>> {
    let u = OpinionUpward::Table;
    let row = db
        .optional(
            &Query::select()
                .columns([
                    OpinionUpward::OpinionId,
                    OpinionUpward::ToOrgId,
                    OpinionUpward::ToOpinionId,
                    OpinionUpward::ToName,
                    OpinionUpward::ReportedOn,
                    OpinionUpward::ActorLogin,
                    OpinionUpward::Outcome,
                    OpinionUpward::OutcomeOn,
                    OpinionUpward::OutcomeNote,
                ])
                .from(u)
                .and_where(Expr::col(OpinionUpward::OpinionId).eq(id.0))
                .to_owned(),
        )
        .await?;
    row.map(|r| {
        Ok(UpwardRow {
            opinion_id: get(&r, "opinion_id")?,
            to_org_id: get(&r, "to_org_id")?,
            to_opinion_id: get(&r, "to_opinion_id")?,
            to_name: get(&r, "to_name")?,
            reported_on: get(&r, "reported_on")?,
            actor_login: get(&r, "actor_login")?,
            outcome: get(&r, "outcome")?,
            outcome_on: get(&r, "outcome_on")?,
            outcome_note: get(&r, "outcome_note")?,
        })
    })
    .transpose()
}

/// A step on a report that changes no stage (sent up, instructed, put in a
/// bulletin): its history row and audit entry.
pub(super) async fn note(
    tx: &mut Tx,
    now: i64,
    audit_who: &audit::Who,
    id: OpinionId,
    stage: Stage,
    kind: ActionKind,
    comment: &str,
) -> Result<()> {
    tx.execute(
        &Query::insert()
            .into_table(OpinionHistory::Table)
            .columns([
                OpinionHistory::OpinionId,
                OpinionHistory::At,
                OpinionHistory::ActorUserId,
                OpinionHistory::ActorLogin,
                OpinionHistory::Action,
                OpinionHistory::FromStage,
                OpinionHistory::ToStage,
                OpinionHistory::Comment,
            ])
            .values_panic([
                id.0.into(),
                now.into(),
                audit_who.user_id.into(),
                audit_who.login.clone().into(),
                kind.code().into(),
                stage.code().into(),
                "".into(),
                comment.into(),
            ])
            .to_owned(),
    )
    .await?;
    let summary = format!("社情民意信息{}：{id}（{comment}）", kind.label());
    audit::append(
        tx,
        now,
        audit_who,
        Event::new("opinion.action", "opinion", id.0, summary),
    )
    .await?;
    Ok(())
}

/// Sends the report on: to the parent committee (which gets its own record,
/// returned) or, from the top of the tree, to the national CPPCC.
pub async fn report_upward(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    id: OpinionId,
) -> Result<Option<OpinionId>> {
    let stored = load(db, id).await?;
    let o = &stored.opinion;
    let already = upward_of(db, id).await?;
    rules::may_report_upward(
        o,
        who,
        already
            .as_ref()
            .map(|u| (u.to_name.as_str(), u.reported_on.as_str())),
    )
    .map_err(StoreError::Refused)?;
    let org = crate::org::get_org(db, o.org).await?;
    let parent = match org.parent_id {
        Some(p) => Some(crate::org::get_org(db, p).await?),
        None => None,
    };
    if parent.is_none() && org.level == "national" {
        return Err(StoreError::Refused(domain::refusal::Refusal::wrong_state(
            "全国政协的信息无需再向上报送",
        )));
    }
    let today = crate::clock::local_date(now).to_string();
    let mut tx = db.write().await?;
    let (to_org, to_opinion, to_name) = match &parent {
        Some(p) => {
            let policy = policy_for(db, p.id).await?;
            let ctx = Context {
                at: now,
                policy: &policy,
            };
            let owner = Who {
                user: Some(o.author_account),
                member: None,
                staff: true,
            };
            let new_id = OpinionId(
                insert_row(&mut tx, now, p.id, o.year, &owner, &stored.author_name).await?,
            );
            let applied = rules::received_from_below(new_id, p.id, o, who, &ctx)
                .map_err(StoreError::Refused)?;
            save(&mut tx, now, audit_who, None, &applied).await?;
            crate::links::both_ways(
                &mut tx,
                now,
                (KIND_OPINION, id.0),
                (KIND_OPINION, new_id.0),
                (REPORTED_TO, REPORTED_FROM),
            )
            .await?;
            (Some(p.id), Some(new_id), p.name.clone())
        }
        None => (None, None, rules::Upward::National.name().to_string()),
    };
    tx.execute(
        &Query::insert()
            .into_table(OpinionUpward::Table)
            .columns([
                OpinionUpward::OpinionId,
                OpinionUpward::ToOrgId,
                OpinionUpward::ToOpinionId,
                OpinionUpward::ToName,
                OpinionUpward::ReportedOn,
                OpinionUpward::ReportedAt,
                OpinionUpward::ActorLogin,
                OpinionUpward::CreatedAt,
                OpinionUpward::UpdatedAt,
            ])
            .values_panic([
                id.0.into(),
                to_org.map(|o: OrgId| o.0).into(),
                to_opinion.map(|o: OpinionId| o.0).into(),
                to_name.clone().into(),
                today.into(),
                now.into(),
                audit_who.login.clone().into(),
                now.into(),
                now.into(),
            ])
            .to_owned(),
    )
    .await?;
    note(
        &mut tx,
        now,
        audit_who,
        id,
        o.stage,
        ActionKind::ReportUpward,
        &format!("报送{to_name}"),
    )
    .await?;
    tx.commit().await?;
    Ok(to_opinion)
}

/// The national CPPCC's outcome of a report the city sent there, typed in
/// by the city's staff.
#[allow(clippy::too_many_arguments)]
pub async fn record_national(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    id: OpinionId,
    outcome: NationalOutcome,
    on: &str,
    note_text: &str,
) -> Result<()> {
    let stored = load(db, id).await?;
    if !who.staff {
        return Err(StoreError::Refused(
            domain::refusal::Refusal::not_permitted("只有机关工作人员可以录入全国政协采用情况"),
        ));
    }
    let sent = upward_of(db, id).await?;
    if sent.as_ref().is_none_or(|u| u.to_org_id.is_some()) {
        return Err(StoreError::Refused(domain::refusal::Refusal::wrong_state(
            "该信息尚未报送全国政协",
        )));
    }
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(OpinionUpward::Table)
            .values([
                (OpinionUpward::Outcome, outcome.code().into()),
                (OpinionUpward::OutcomeOn, on.into()),
                (OpinionUpward::OutcomeNote, note_text.into()),
                (OpinionUpward::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(OpinionUpward::OpinionId).eq(id.0))
            .to_owned(),
    )
    .await?;
    note(
        &mut tx,
        now,
        audit_who,
        id,
        stored.opinion.stage,
        ActionKind::RecordNational,
        &format!("{}（{on}）", outcome.label()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One level of a report's chain, lowest first.
#[derive(Debug, Clone, Serialize)]
pub struct ChainStep {
    /// The level's own record (none for the national CPPCC).
    pub opinion_id: Option<i64>,
    pub org_name: String,
    pub stage_label: String,
    /// When it reached this level (empty for the first).
    pub received_on: String,
    /// For the national level: its outcome as recorded, else empty.
    pub outcome: String,
    pub note: String,
    /// Instructions recorded on this level's record.
    pub instructions: i64,
}

/// The whole chain a report belongs to (区县 → 市 → 全国), from the lowest
/// level up, whichever level's record `id` is.
pub async fn chain(db: &Db, id: OpinionId) -> Result<Vec<ChainStep>> {
    let mut lowest = id;
    for _ in 0..5 {
        match load(db, lowest).await?.opinion.reported_from {
            Some(below) => lowest = below,
            None => break,
        }
    }
    let mut steps = Vec::new();
    let mut at = Some(lowest);
    let mut received_on = String::new();
    while let Some(current) = at.take() {
        let s = load(db, current).await?;
        steps.push(ChainStep {
            opinion_id: Some(current.0),
            org_name: s.org_name.clone(),
            stage_label: s.opinion.stage.label().to_string(),
            received_on: std::mem::take(&mut received_on),
            outcome: String::new(),
            note: String::new(),
            instructions: super::instruct::count(db, current).await?,
        });
        if let Some(up) = upward_of(db, current).await? {
            received_on = up.reported_on.clone();
            match up.to_opinion_id {
                Some(next) if steps.len() < 5 => at = Some(OpinionId(next)),
                Some(_) => {}
                None => steps.push(ChainStep {
                    opinion_id: None,
                    org_name: up.to_name,
                    stage_label: if up.outcome.is_empty() {
                        "已报送，待反馈".into()
                    } else {
                        match NationalOutcome::from_code(&up.outcome) {
                            Some(NationalOutcome::Adopted) => "已采用".into(),
                            Some(NationalOutcome::NotAdopted) => "未采用".into(),
                            None => String::new(),
                        }
                    },
                    received_on: up.reported_on,
                    outcome: up.outcome,
                    note: if up.outcome_on.is_empty() {
                        up.outcome_note
                    } else {
                        format!("{} {}", up.outcome_on, up.outcome_note)
                    },
                    instructions: 0,
                }),
            }
        }
    }
    Ok(steps)
}

/// Reports of these ids that are another level's copy (sent up from below).
pub(super) async fn copies(db: &Db) -> Result<Vec<i64>> {
    let rows = db
        .all(
            &Query::select()
                .column(OpinionUpward::ToOpinionId)
                .from(OpinionUpward::Table)
                .and_where(Expr::col(OpinionUpward::ToOpinionId).is_not_null())
                .order_by(OpinionUpward::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| get(r, "to_opinion_id")).collect()
}
