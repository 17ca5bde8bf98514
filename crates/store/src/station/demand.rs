//! Changing demands: take one in (on site or from the public form, with
//! the per-address limit checked in the same transaction), and apply any
//! action through the rules, saving the record, its history, the unit
//! projection, warning jobs, notifications and the audit entry together.

use domain::station::{self, Demand, DemandAction, DemandActor};
use sea_query::{Expr, Query};

use super::read::{load, Stored};
use super::settings::settings_for;
use super::KIND_DEMAND;
use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{DemandHistory, DemandUnits, Demands};

/// One line of a demand's append-only history.
pub(super) struct HistoryLine<'a> {
    pub demand: i64,
    pub who: &'a Who,
    pub action: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub comment: &'a str,
}

/// Appends history lines, all at `now`, in one statement.
pub(super) async fn history(tx: &mut Tx, now: i64, lines: &[HistoryLine<'_>]) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert()
        .into_table(DemandHistory::Table)
        .columns([
            DemandHistory::DemandId,
            DemandHistory::At,
            DemandHistory::ActorUserId,
            DemandHistory::ActorLogin,
            DemandHistory::Action,
            DemandHistory::FromStage,
            DemandHistory::ToStage,
            DemandHistory::Comment,
        ])
        .to_owned();
    for l in lines {
        insert.values_panic([
            l.demand.into(),
            now.into(),
            l.who.user_id.into(),
            l.who.login.clone().into(),
            l.action.into(),
            l.from.into(),
            l.to.into(),
            l.comment.into(),
        ]);
    }
    tx.execute(&insert).await?;
    Ok(())
}

/// Applies one action by `actor`; returns the new record.
pub async fn act(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    actor: DemandActor,
    id: i64,
    action: DemandAction,
) -> Result<Demand> {
    let stored = load(db, cipher, id).await?;
    let mut tx = db.write().await?;
    let next = transition(&mut tx, db, now, who, actor, &stored, &action).await?;
    tx.commit().await?;
    Ok(next)
}

/// Asks the rules whether `action` would be accepted now, writing nothing
/// (before a draft is created elsewhere for a conversion).
pub async fn check(
    db: &Db,
    now: i64,
    actor: DemandActor,
    stored: &Stored,
    action: &DemandAction,
) -> Result<()> {
    let (settings, calendar) = settings_for(db, stored.org_id).await?;
    let ctx = station::demand::context(
        now,
        crate::clock::local_date(now),
        &calendar,
        &settings.tracking,
    );
    station::apply(&stored.demand, action, actor, &ctx, settings.close_within)
        .map(|_| ())
        .map_err(StoreError::Refused)
}

async fn transition(
    tx: &mut Tx,
    db: &Db,
    now: i64,
    who: &Who,
    actor: DemandActor,
    stored: &Stored,
    action: &DemandAction,
) -> Result<Demand> {
    let (settings, calendar) = settings_for(db, stored.org_id).await?;
    let ctx = station::demand::context(
        now,
        crate::clock::local_date(now),
        &calendar,
        &settings.tracking,
    );
    let applied = station::apply(&stored.demand, action, actor, &ctx, settings.close_within)
        .map_err(StoreError::Refused)?;
    let next = &applied.next;
    let aggregate = serde_json::to_string(next).map_err(|e| StoreError::Other(e.to_string()))?;
    let satisfaction = next
        .feedback
        .last()
        .map(|f| f.satisfaction.code())
        .unwrap_or("");
    let closed = next.stage == station::DemandStage::Closed;
    let changed = tx
        .execute(
            &Query::update()
                .table(Demands::Table)
                .values([
                    (Demands::Stage, next.stage.code().into()),
                    (Demands::Aggregate, aggregate.into()),
                    (Demands::Version, (stored.version + 1).into()),
                    (Demands::OnTime, next.closed_on_time.map(i64::from).into()),
                    (Demands::Satisfaction, satisfaction.into()),
                    (Demands::ClosedAt, closed.then_some(now).into()),
                    (Demands::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Demands::Id).eq(stored.id))
                .and_where(Expr::col(Demands::Version).eq(stored.version))
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::Conflict(
            "该诉求刚被他人处理过，请刷新页面查看最新状态后再操作".into(),
        ));
    }
    let comment = comment_of(action);
    let line = HistoryLine {
        demand: stored.id,
        who,
        action: action.code(),
        from: stored.demand.stage.code(),
        to: next.stage.code(),
        comment: &comment,
    };
    history(tx, now, &[line]).await?;
    audit::append(
        tx,
        now,
        who,
        Event::new(
            "demand.action",
            "demand",
            stored.id,
            format!("群众诉求{}：{}", action.label(), stored.id),
        ),
    )
    .await?;
    if applied.tracking.is_some() {
        crate::projection::rewrite_units(
            tx,
            DemandUnits::Table,
            DemandUnits::DemandId,
            stored.id,
            &next.tracking,
        )
        .await?;
        super::warnings::schedule(tx, now, stored.id, next, action, &settings.tracking).await?;
    }
    if let DemandAction::Forward { plan } = action {
        for (unit, _) in plan.units() {
            for user in crate::user::ids_of_unit(db, *unit).await? {
                crate::mail::notify_with_mail(
                    tx,
                    now,
                    user,
                    &format!("转办群众诉求：{}", stored.category),
                    "有一件群众诉求转交贵单位办理，请按期答复。",
                    &format!("/demands/{}", stored.id),
                )
                .await?;
            }
        }
    }
    crate::search_feed::record(tx, crate::search_feed::Kind::Demand, stored.id, now).await?;
    Ok(applied.next)
}

fn comment_of(action: &DemandAction) -> String {
    use domain::tracking::TrackingAction as T;
    match action {
        DemandAction::AnswerOnSpot { answer } => answer.as_str().to_string(),
        DemandAction::ToConsultation { note } => note.as_str().to_string(),
        DemandAction::Feedback { feedback } => format!(
            "{}反馈，{}{}",
            feedback.how.label(),
            feedback.satisfaction.label(),
            if feedback.note.is_empty() {
                String::new()
            } else {
                format!("：{}", feedback.note)
            }
        ),
        DemandAction::Track {
            action: T::DraftAnswer { answer, .. },
        } => answer.text.clone(),
        DemandAction::Track { action } => action.comment().unwrap_or_default(),
        _ => String::new(),
    }
}

/// Turns the demand into a proposal or 社情民意 draft in one transaction:
/// `draft` writes the draft inside it and returns the step
/// (`DemandAction::ToProposal` or `ToOpinion` with the new id); the demand
/// takes that step through the rules and the link is written both ways.
/// Refused or failing, nothing of it is written.
pub async fn convert(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    actor: DemandActor,
    id: i64,
    draft: impl AsyncFnOnce(&mut Tx) -> Result<DemandAction>,
) -> Result<Demand> {
    let stored = load(db, cipher, id).await?;
    let mut tx = db.write().await?;
    let action = draft(&mut tx).await?;
    let (kind, draft_id) = match &action {
        DemandAction::ToProposal { id } => ("proposal", id.0),
        DemandAction::ToOpinion { id } => ("opinion", id.0),
        _ => return Err(StoreError::Other("not a conversion".into())),
    };
    let next = transition(&mut tx, db, now, who, actor, &stored, &action).await?;
    crate::links::both_ways(
        &mut tx,
        now,
        (KIND_DEMAND, id),
        (kind, draft_id),
        crate::links::CONVERTED,
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// Withholds the demand from the public tracking page, or shows it again
/// (e.g. when it touches a third party's privacy). Staff only; audited.
pub async fn set_withheld(db: &Db, now: i64, who: &Who, id: i64, withheld: bool) -> Result<()> {
    let mut tx = db.write().await?;
    let changed = tx
        .execute(
            &Query::update()
                .table(Demands::Table)
                .values([
                    (Demands::Withheld, i64::from(withheld).into()),
                    (Demands::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Demands::Id).eq(id))
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    let label = if withheld {
        "不公开查询"
    } else {
        "恢复公开查询"
    };
    let line = HistoryLine {
        demand: id,
        who,
        action: if withheld { "withhold" } else { "publish" },
        from: "",
        to: "",
        comment: label,
    };
    history(&mut tx, now, &[line]).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "demand.withhold",
            "demand",
            id,
            format!("群众诉求{label}：{id}"),
        ),
    )
    .await?;
    tx.commit().await
}
