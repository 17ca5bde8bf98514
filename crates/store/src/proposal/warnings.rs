//! Deadline warnings (blue, yellow, red) for assigned units, as jobs
//! enqueued in the transaction that assigns or moves a due date.

use domain::proposal::{Proposal, Transition};
use domain::tracking::TrackingPolicy;

use crate::db::Tx;
use crate::error::Result;
use crate::job::{self, NewJob};

/// The job kind the web layer handles.
pub const KIND: &str = "tracking.warning";

/// Local midnight (UTC+8) at the start of `date`, as a timestamp.
pub(crate) fn morning_of(date: time::Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp() - 8 * 3600 + 8 * 3600 / 4
}

/// Enqueues one job per warning level for every answering assignment this
/// transition created or re-dated. A job whose due date has since moved
/// finds that out when it runs and does nothing.
pub async fn schedule(
    tx: &mut Tx,
    now: i64,
    p: &Proposal,
    t: &Transition,
    policy: &TrackingPolicy,
) -> Result<()> {
    let touched: Vec<u32> = t.assignments.iter().map(|c| c.seq).collect();
    if touched.is_empty()
        && !matches!(
            t.action,
            domain::proposal::Action::Track(domain::tracking::TrackingAction::Extend { .. })
        )
    {
        return Ok(());
    }
    let w = &policy.warnings;
    for a in p.tracking.assignments.iter().filter(|a| a.is_answering()) {
        for (level, days) in [("blue", w.blue), ("yellow", w.yellow), ("red", w.red)] {
            let on = a.due - time::Duration::days(days);
            let run_at = morning_of(on).max(now);
            let key = format!("warn:proposal:{}:{}:{}:{level}", p.id, a.seq, a.due);
            let payload = serde_json::json!({ "proposal_id": p.id.0, "seq": a.seq, "unit_id": a.unit.0, "level": level, "due": a.due.to_string() });
            job::enqueue(
                tx,
                now,
                NewJob {
                    kind: KIND,
                    payload,
                    run_at,
                    dedupe_key: Some(key),
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// The job kind that closes co-signing when its window ends.
pub const CLOSE_COSIGNING: &str = "proposal.close_cosigning";

/// When a proposal starts collecting co-signers, closes the window the
/// morning after its last day unless everyone answered before.
/// The invited members are told in the same transaction.
pub async fn schedule_cosigning(
    tx: &mut Tx,
    now: i64,
    p: &Proposal,
    t: &Transition,
    title: &str,
) -> Result<()> {
    if t.to != domain::proposal::Stage::CollectingCosigners || t.from == Some(t.to) {
        return Ok(());
    }
    let Some(deadline) = p.cosign_deadline else {
        return Ok(());
    };
    for c in &p.cosigners {
        let accounts = tx
            .all(
                &sea_query::Query::select()
                    .column(crate::schema::Users::Id)
                    .from(crate::schema::Users::Table)
                    .and_where(sea_query::Expr::col(crate::schema::Users::MemberId).eq(c.member.0))
                    .to_owned(),
            )
            .await?;
        for r in &accounts {
            let user = domain::UserId(crate::db::get(r, "id")?);
            let body = format!("请在 {deadline} 前确认是否联名；逾期未确认视为不联名。");
            crate::mail::notify_with_mail(
                tx,
                now,
                user,
                &format!("联名邀请：{title}"),
                &body,
                &format!("/proposals/{}", p.id),
            )
            .await?;
        }
    }
    let run_at = morning_of(deadline + time::Duration::days(1)).max(now);
    let payload = serde_json::json!({ "proposal_id": p.id.0 });
    let key = format!("cosign:proposal:{}:{deadline}", p.id);
    job::enqueue(
        tx,
        now,
        NewJob {
            kind: CLOSE_COSIGNING,
            payload,
            run_at,
            dedupe_key: Some(key),
        },
    )
    .await?;
    Ok(())
}
