//! Changing reports: create a draft and apply any action through the rules,
//! each saved with a version check, history and audit entry in one
//! transaction.

use domain::opinion::{
    self, Action, Applied, Author, Context, Opinion, OpinionPolicy, OpinionText, Who,
};
use domain::{MemberId, OpinionId, OrgId};
use sea_query::{Expr, Query};

use super::load;
use crate::audit::{self, Event};
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{OpinionHistory, Opinions};

/// The organisation's settings for reports: its category list and the
/// recommended length (its own, else inherited, else 1,500).
pub async fn policy_for(db: &Db, org: OrgId) -> Result<OpinionPolicy> {
    let mut policy = OpinionPolicy::default();
    let categories = crate::category::active_names(db, org).await?;
    if !categories.is_empty() {
        policy.categories = categories;
    }
    let in_force = crate::org_settings::in_force(db, org).await?;
    policy.recommended_chars = in_force.opinions.value.recommended_chars;
    Ok(policy)
}

/// Starts a draft; returns its id and any length warning.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    org: OrgId,
    year: i32,
    author: Author,
    author_name: &str,
    coauthors: Vec<MemberId>,
    text: OpinionText,
) -> Result<(OpinionId, Vec<String>)> {
    let policy = policy_for(db, org).await?;
    let ctx = Context {
        at: now,
        policy: &policy,
    };
    // Ask the rules before writing anything.
    opinion::create(
        OpinionId(0),
        org,
        year,
        author.clone(),
        coauthors.clone(),
        text.clone(),
        who,
        &ctx,
    )
    .map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    let out = create_in(
        &mut tx,
        now,
        audit_who,
        who,
        &policy,
        org,
        year,
        author,
        author_name,
        coauthors,
        text,
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

/// [`create`] inside the caller's transaction; `policy` is the
/// organisation's ([`policy_for`]), read before the transaction.
#[allow(clippy::too_many_arguments)]
pub async fn create_in(
    tx: &mut Tx,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    policy: &OpinionPolicy,
    org: OrgId,
    year: i32,
    author: Author,
    author_name: &str,
    coauthors: Vec<MemberId>,
    text: OpinionText,
) -> Result<(OpinionId, Vec<String>)> {
    let ctx = Context { at: now, policy };
    let id = OpinionId(insert_row(tx, now, org, year, who, author_name).await?);
    let applied = opinion::create(id, org, year, author, coauthors, text, who, &ctx)
        .map_err(StoreError::Refused)?;
    save(tx, now, audit_who, None, &applied).await?;
    Ok((id, applied.warnings))
}

/// A placeholder row whose id the rules' record then takes.
pub(super) async fn insert_row(
    tx: &mut Tx,
    now: i64,
    org: OrgId,
    year: i32,
    who: &Who,
    author_name: &str,
) -> Result<i64> {
    let account = who
        .user
        .ok_or_else(|| StoreError::Other("a report needs an account".into()))?;
    tx.insert_id(
        &Query::insert()
            .into_table(Opinions::Table)
            .columns([
                Opinions::OrgId,
                Opinions::Year,
                Opinions::Stage,
                Opinions::AuthorUserId,
                Opinions::AuthorName,
                Opinions::Aggregate,
                Opinions::CreatedAt,
                Opinions::UpdatedAt,
            ])
            .values_panic([
                org.0.into(),
                i64::from(year).into(),
                "draft".into(),
                account.0.into(),
                author_name.into(),
                "{}".into(),
                now.into(),
                now.into(),
            ])
            .returning_col(Opinions::Id)
            .to_owned(),
    )
    .await
}

/// Applies one action; returns the new record and any warnings.
pub async fn act(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    id: OpinionId,
    action: Action,
) -> Result<(Opinion, Vec<String>)> {
    let stored = load(db, id).await?;
    let policy = policy_for(db, stored.opinion.org).await?;
    let ctx = Context {
        at: now,
        policy: &policy,
    };
    let applied =
        opinion::apply(&stored.opinion, &action, who, &ctx).map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    save(
        &mut tx,
        now,
        audit_who,
        Some(stored.opinion.version),
        &applied,
    )
    .await?;
    tx.commit().await?;
    Ok((applied.next, applied.warnings))
}

/// Writes the new record (only if nobody changed it since `expected`), its
/// history row and audit entry.
pub(super) async fn save(
    tx: &mut Tx,
    now: i64,
    audit_who: &audit::Who,
    expected: Option<u64>,
    applied: &Applied,
) -> Result<()> {
    let next = &applied.next;
    let aggregate = serde_json::to_string(next).map_err(|e| StoreError::Other(e.to_string()))?;
    let current = next.current();
    let member = match next.author {
        Author::Member(m) => Some(m.0),
        _ => None,
    };
    let mut values = vec![
        (Opinions::Aggregate, aggregate.into()),
        (Opinions::Stage, next.stage.code().into()),
        (Opinions::Version, (next.version as i64).into()),
        (Opinions::Title, current.title.clone().into()),
        (Opinions::Category, current.category.clone().into()),
        (Opinions::AuthorMemberId, member.into()),
        (
            Opinions::FromProposalId,
            next.from_proposal.map(|p| p.0).into(),
        ),
        (Opinions::UpdatedAt, now.into()),
    ];
    let t = &applied.transition;
    if t.to == opinion::Stage::Submitted && t.from != Some(opinion::Stage::Submitted) {
        values.push((Opinions::SubmittedAt, now.into()));
    }
    let mut update = Query::update()
        .table(Opinions::Table)
        .values(values)
        .and_where(Expr::col(Opinions::Id).eq(next.id.0))
        .to_owned();
    if let Some(version) = expected {
        update.and_where(Expr::col(Opinions::Version).eq(version as i64));
    }
    if tx.execute(&update).await? == 0 {
        return Err(StoreError::Conflict(
            "该信息刚被他人处理过，请刷新页面查看最新状态后再操作".into(),
        ));
    }
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
                next.id.0.into(),
                now.into(),
                audit_who.user_id.into(),
                audit_who.login.clone().into(),
                t.kind.code().into(),
                t.from.map(|s| s.code()).unwrap_or("").into(),
                t.to.code().into(),
                t.comment.clone().unwrap_or_default().into(),
            ])
            .to_owned(),
    )
    .await?;
    crate::search_feed::record(tx, crate::search_feed::Kind::Opinion, next.id.0, now).await?;
    let summary = format!("社情民意信息{}：{}", t.kind.label(), next.id);
    audit::append(
        tx,
        now,
        audit_who,
        Event::new("opinion.action", "opinion", next.id.0, summary),
    )
    .await?;
    Ok(())
}
