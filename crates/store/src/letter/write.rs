//! Changing letters: every step goes through `domain::letter::apply` and is
//! saved with its version check, history row, unit projection, notices to
//! the units and the members, and the audit entry in one transaction.

use domain::calendar::WorkCalendar;
use domain::letter::{self, Letter, LetterAction, LetterActor, LetterStage};
use domain::tracking::{Context, TrackingPolicy};
use domain::{OrgId, UserId};
use sea_query::{Expr, Query};

use super::read::{load, Stored};
use crate::audit::{self, Event, Who};
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{LetterHistory, LetterUnits, Letters};

/// The tracking policy and calendar letters of `org` run on: the
/// organisation's proposal deadlines and warnings (its own, else inherited),
/// adapted by [`letter::policy_from`].
pub async fn policy_for(db: &Db, org: OrgId) -> Result<(TrackingPolicy, WorkCalendar)> {
    let setting = crate::proposal::Setting::for_org(db, org).await?;
    Ok((letter::policy_from(&setting.tracking), setting.calendar))
}

/// Applies one action by `actor`; returns the new record.
pub async fn act(
    db: &Db,
    now: i64,
    who: &Who,
    actor: LetterActor,
    id: i64,
    action: LetterAction,
) -> Result<Letter> {
    let stored = load(db, id).await?;
    let (policy, calendar) = policy_for(db, stored.org_id).await?;
    let ctx = Context {
        at: now,
        today: crate::clock::local_date(now),
        calendar: &calendar,
        policy: &policy,
    };
    let applied =
        letter::apply(&stored.letter, &action, actor, &ctx).map_err(StoreError::Refused)?;
    // Accounts to tell, read before the write transaction.
    let mut unit_users = Vec::new();
    if let LetterAction::Forward { plan } = &action {
        for (unit, _) in plan.units() {
            unit_users.extend(crate::user::ids_of_unit(db, *unit).await?);
        }
    }
    let replied =
        applied.next.stage == LetterStage::Answered && stored.letter.stage != LetterStage::Answered;
    let member_users = if replied {
        member_accounts(db, &stored.members, stored.author).await?
    } else {
        Vec::new()
    };
    let next = applied.next;
    let mut tx = db.write().await?;
    save(&mut tx, now, &stored, &next).await?;
    history(
        &mut tx,
        now,
        who,
        id,
        action.code(),
        stored.letter.stage.code(),
        next.stage.code(),
        &action.comment(),
    )
    .await?;
    if !applied.tracking.is_empty() {
        crate::projection::rewrite_units(
            &mut tx,
            LetterUnits::Table,
            LetterUnits::LetterId,
            id,
            &next.tracking,
        )
        .await?;
    }
    let dates_moved = match &action {
        LetterAction::Forward { .. } => true,
        LetterAction::Track { action } => crate::deadline_warnings::moves_dates(action),
        _ => false,
    };
    if dates_moved {
        crate::deadline_warnings::schedule(
            &mut tx,
            now,
            super::WARNING_KIND,
            "letter",
            id,
            &next.tracking,
            &policy,
        )
        .await?;
    }
    let kind = stored.letter.kind.label();
    for user in unit_users {
        crate::mail::notify_with_mail(
            &mut tx,
            now,
            user,
            &format!("转交{kind}：{}", stored.title),
            &format!("有一件{kind}转交贵单位办理，请按期回复。"),
            &format!("/letters/{id}"),
        )
        .await?;
    }
    for user in member_users {
        crate::mail::notify_with_mail(
            &mut tx,
            now,
            user,
            &format!("您的{kind}已有回复：{}", stored.title),
            "承办单位的回复已经审核，请查看。",
            &format!("/letters/{id}"),
        )
        .await?;
    }
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            "letter.action",
            "letter",
            id,
            format!("{kind}{}：{}", action.label(), stored.title),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// The active accounts of the members the letter comes from, or the
/// author's account when it came from a body.
pub(super) async fn member_accounts(
    db: &Db,
    members: &[domain::MemberId],
    author: Option<UserId>,
) -> Result<Vec<UserId>> {
    let mut users = Vec::new();
    for m in members {
        users.extend(crate::user::ids_of_member(db, *m).await?);
    }
    if users.is_empty() {
        users.extend(author);
    }
    users.sort_by_key(|u| u.0);
    users.dedup();
    Ok(users)
}

async fn save(tx: &mut Tx, now: i64, stored: &Stored, next: &Letter) -> Result<()> {
    let aggregate = serde_json::to_string(next).map_err(|e| StoreError::Other(e.to_string()))?;
    let changed = tx
        .execute(
            &Query::update()
                .table(Letters::Table)
                .values([
                    (Letters::Stage, next.stage.code().into()),
                    (Letters::Aggregate, aggregate.into()),
                    (Letters::Version, (stored.version + 1).into()),
                    (Letters::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(Letters::Id).eq(stored.id))
                .and_where(Expr::col(Letters::Version).eq(stored.version))
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::Conflict(format!(
            "该{}刚被他人处理过，请刷新页面查看最新状态后再操作",
            next.kind.label()
        )));
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn history(
    tx: &mut Tx,
    now: i64,
    who: &Who,
    id: i64,
    action: &str,
    from: &str,
    to: &str,
    comment: &str,
) -> Result<()> {
    tx.execute(
        &Query::insert()
            .into_table(LetterHistory::Table)
            .columns([
                LetterHistory::LetterId,
                LetterHistory::At,
                LetterHistory::ActorUserId,
                LetterHistory::ActorLogin,
                LetterHistory::Action,
                LetterHistory::FromStage,
                LetterHistory::ToStage,
                LetterHistory::Comment,
            ])
            .values_panic([
                id.into(),
                now.into(),
                who.user_id.into(),
                who.login.clone().into(),
                action.into(),
                from.into(),
                to.into(),
                comment.into(),
            ])
            .to_owned(),
    )
    .await?;
    Ok(())
}
