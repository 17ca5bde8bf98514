//! The audit log: append-only and hash-chained. This module has no update and
//! no delete of `audit_log`; the head row records the newest entry so that
//! removing the newest rows is detected too.

use domain::audit::{chain_hash, AuditContent, ChainVerifier, StoredEntry, GENESIS_HASH};
use sea_query::{Expr, LockType, Order, Query, SelectStatement};
use serde::Serialize;
use sqlx::any::AnyRow;

use crate::db::{get, Db, Tx};
use crate::error::Result;
use crate::schema::{AuditHead, AuditLog, Orgs, Users};
use crate::Page;

/// Who did it and from where.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub user_id: Option<i64>,
    pub login: String,
    pub ip: String,
}

/// One event to record.
#[derive(Debug, Clone, Default)]
pub struct Event {
    pub action: &'static str,
    pub target_type: &'static str,
    pub target_id: String,
    pub summary: String,
    pub before: String,
    pub after: String,
}

impl Event {
    pub fn new(
        action: &'static str,
        target_type: &'static str,
        target_id: impl ToString,
        summary: impl Into<String>,
    ) -> Event {
        Event {
            action,
            target_type,
            target_id: target_id.to_string(),
            summary: summary.into(),
            ..Event::default()
        }
    }

    /// Adds before/after snapshots as JSON.
    pub fn change(mut self, before: &impl Serialize, after: &impl Serialize) -> Event {
        self.before = serde_json::to_string(before).unwrap_or_default();
        self.after = serde_json::to_string(after).unwrap_or_default();
        self
    }
}

/// Appends one entry inside the caller's transaction, so the entry and the
/// change it records commit together or not at all.
pub async fn append(tx: &mut Tx, at: i64, who: &Who, event: Event) -> Result<i64> {
    append_many(tx, at, vec![(who.clone(), event)]).await
}

/// Appends several entries in order, chained one to the next, with one read
/// and one write of the head and one insert (a batch of public submissions
/// written together). Returns the last entry's id.
pub async fn append_many(tx: &mut Tx, at: i64, entries: Vec<(Who, Event)>) -> Result<i64> {
    // Locking the head row serialises appends on PostgreSQL; SQLite's
    // IMMEDIATE transaction already holds the write lock.
    let head = tx
        .optional(
            &Query::select()
                .columns([AuditHead::LastId, AuditHead::LastHash])
                .from(AuditHead::Table)
                .and_where(Expr::col(AuditHead::Id).eq(1))
                .lock(LockType::Update)
                .to_owned(),
        )
        .await?;
    let (mut last_id, mut prev_hash) = match &head {
        Some(row) => (
            get::<i64>(row, "last_id")?,
            get::<String>(row, "last_hash")?,
        ),
        None => (0, GENESIS_HASH.to_string()),
    };
    if entries.is_empty() {
        return Ok(last_id);
    }
    let mut insert = Query::insert()
        .into_table(AuditLog::Table)
        // One call: an insert's `columns` replaces, it does not append.
        .columns(ENTRY_COLUMNS.into_iter().chain([
            AuditLog::ActorUserId,
            AuditLog::PrevHash,
            AuditLog::Hash,
        ]))
        .to_owned();
    for (who, event) in entries {
        let content = AuditContent {
            id: last_id + 1,
            at,
            actor_user_id: who.user_id,
            actor_login: who.login,
            ip: who.ip,
            action: event.action.to_string(),
            target_type: event.target_type.to_string(),
            target_id: event.target_id,
            summary: event.summary,
            before: event.before,
            after: event.after,
        };
        let hash = chain_hash(&prev_hash, &content);
        // In the order of the columns above.
        insert.values_panic([
            content.id.into(),
            at.into(),
            content.actor_login.into(),
            content.ip.into(),
            content.action.into(),
            content.target_type.into(),
            content.target_id.into(),
            content.summary.into(),
            content.before.into(),
            content.after.into(),
            content.actor_user_id.into(),
            prev_hash.into(),
            hash.clone().into(),
        ]);
        last_id = content.id;
        prev_hash = hash;
    }
    tx.execute(&insert).await?;
    if head.is_some() {
        tx.execute(
            &Query::update()
                .table(AuditHead::Table)
                .values([
                    (AuditHead::LastId, last_id.into()),
                    (AuditHead::LastHash, prev_hash.into()),
                    (AuditHead::UpdatedAt, at.into()),
                ])
                .and_where(Expr::col(AuditHead::Id).eq(1))
                .to_owned(),
        )
        .await?;
    } else {
        tx.execute(
            &Query::insert()
                .into_table(AuditHead::Table)
                .columns([
                    AuditHead::Id,
                    AuditHead::LastId,
                    AuditHead::LastHash,
                    AuditHead::UpdatedAt,
                ])
                .values_panic([1.into(), last_id.into(), prev_hash.into(), at.into()])
                .to_owned(),
        )
        .await?;
    }
    Ok(last_id)
}

/// Records one event in a transaction of its own (a login, a failed login,
/// a view of personal data).
pub async fn record(db: &Db, at: i64, who: &Who, event: Event) -> Result<i64> {
    let mut tx = db.write().await?;
    let id = append(&mut tx, at, who, event).await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: i64,
    pub at: i64,
    pub actor_login: String,
    pub ip: String,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub summary: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The auditor's organisation. Below the top of the tree an auditor sees
    /// what the accounts of their subtree did; at the top, everything,
    /// including entries by the system, the command line and API tokens.
    pub scope: Option<domain::org::OrgPath>,
    pub actor: Option<String>,
    pub action: Option<String>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

fn filtered(filter: &Filter) -> SelectStatement {
    let mut q = Query::select().from(AuditLog::Table).to_owned();
    if let Some(scope) = filter.scope.as_ref().filter(|s| s.depth() > 1) {
        q.and_where(
            Expr::col(AuditLog::ActorUserId).in_subquery(
                Query::select()
                    .column((Users::Table, Users::Id))
                    .from(Users::Table)
                    .inner_join(
                        Orgs::Table,
                        Expr::col((Orgs::Table, Orgs::Id)).equals((Users::Table, Users::OrgId)),
                    )
                    .and_where(crate::scope::within(scope))
                    .to_owned(),
            ),
        );
    }
    if let Some(actor) = &filter.actor {
        q.and_where(Expr::col(AuditLog::ActorLogin).eq(actor.as_str()));
    }
    if let Some(action) = &filter.action {
        q.and_where(Expr::col(AuditLog::Action).eq(action.as_str()));
    }
    if let Some(from) = filter.from {
        q.and_where(Expr::col(AuditLog::At).gte(from));
    }
    if let Some(until) = filter.until {
        q.and_where(Expr::col(AuditLog::At).lt(until));
    }
    q
}

pub async fn list(db: &Db, filter: &Filter, page: i64, per_page: i64) -> Result<Page<Entry>> {
    let total = db
        .scalar(
            &filtered(filter)
                .expr(Expr::col(AuditLog::Id).count())
                .to_owned(),
        )
        .await?;
    let rows = db
        .all(
            &filtered(filter)
                .columns(ENTRY_COLUMNS)
                .order_by(AuditLog::Id, Order::Desc)
                .limit(per_page as u64)
                .offset(((page - 1).max(0) * per_page) as u64)
                .to_owned(),
        )
        .await?;
    let rows = rows.iter().map(entry_from).collect::<Result<Vec<_>>>()?;
    Ok(Page {
        rows,
        total,
        page,
        per_page,
    })
}

/// The columns an entry shows; the chain check adds the hashes and the actor id.
const ENTRY_COLUMNS: [AuditLog; 10] = [
    AuditLog::Id,
    AuditLog::At,
    AuditLog::ActorLogin,
    AuditLog::Ip,
    AuditLog::Action,
    AuditLog::TargetType,
    AuditLog::TargetId,
    AuditLog::Summary,
    AuditLog::BeforeData,
    AuditLog::AfterData,
];

fn entry_from(r: &AnyRow) -> Result<Entry> {
    Ok(Entry {
        id: get(r, "id")?,
        at: get(r, "at")?,
        actor_login: get(r, "actor_login")?,
        ip: get(r, "ip")?,
        action: get(r, "action")?,
        target_type: get(r, "target_type")?,
        target_id: get(r, "target_id")?,
        summary: get(r, "summary")?,
        before: get(r, "before_data")?,
        after: get(r, "after_data")?,
    })
}

fn stored(r: &AnyRow) -> Result<StoredEntry> {
    Ok(StoredEntry {
        content: AuditContent {
            id: get(r, "id")?,
            at: get(r, "at")?,
            actor_user_id: get(r, "actor_user_id")?,
            actor_login: get(r, "actor_login")?,
            ip: get(r, "ip")?,
            action: get(r, "action")?,
            target_type: get(r, "target_type")?,
            target_id: get(r, "target_id")?,
            summary: get(r, "summary")?,
            before: get(r, "before_data")?,
            after: get(r, "after_data")?,
        },
        prev_hash: get(r, "prev_hash")?,
        hash: get(r, "hash")?,
    })
}

/// Walks the whole chain in pages of 1,000 and reports every break.
pub async fn verify(db: &Db) -> Result<ChainVerifier> {
    let mut verifier = ChainVerifier::default();
    let mut after = 0i64;
    loop {
        let rows = db
            .all(
                &Query::select()
                    .from(AuditLog::Table)
                    .columns(ENTRY_COLUMNS)
                    .columns([AuditLog::ActorUserId, AuditLog::PrevHash, AuditLog::Hash])
                    .and_where(Expr::col(AuditLog::Id).gt(after))
                    .order_by(AuditLog::Id, Order::Asc)
                    .limit(1000)
                    .to_owned(),
            )
            .await?;
        if rows.is_empty() {
            break;
        }
        for r in &rows {
            let entry = stored(r)?;
            after = entry.content.id;
            verifier.feed(&entry);
        }
    }
    let head = db
        .optional(
            &Query::select()
                .columns([AuditHead::LastId, AuditHead::LastHash])
                .from(AuditHead::Table)
                .to_owned(),
        )
        .await?;
    let head = match head {
        Some(r) => Some((get::<i64>(&r, "last_id")?, get::<String>(&r, "last_hash")?)),
        None => None,
    };
    Ok(verifier.finish(head.as_ref().map(|(id, h)| (*id, h.as_str()))))
}

/// Distinct action codes, for the filter menu.
pub async fn actions(db: &Db) -> Result<Vec<String>> {
    let rows = db
        .all(
            &Query::select()
                .distinct()
                .column(AuditLog::Action)
                .from(AuditLog::Table)
                .order_by(AuditLog::Action, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| get(r, "action")).collect()
}

/// The newest entries about one record, for its history on the record page.
pub async fn for_target(
    db: &Db,
    target_type: &str,
    target_id: &str,
    limit: u64,
) -> Result<Vec<Entry>> {
    let rows = db
        .all(
            &Query::select()
                .columns(ENTRY_COLUMNS)
                .from(AuditLog::Table)
                .and_where(Expr::col(AuditLog::TargetType).eq(target_type))
                .and_where(Expr::col(AuditLog::TargetId).eq(target_id))
                .order_by(AuditLog::Id, Order::Desc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(entry_from).collect()
}
