//! Changing proposals: create a draft, autosave its text, and apply any
//! action through the rules. Every change saves the record with a version
//! check, appends history, refreshes the projections, feeds the search
//! index and writes the audit log, all in one transaction.

use domain::calendar::WorkCalendar;
use domain::proposal::{
    self, Action, Applied, Context, Proposal, ProposalInput, ProposalNumber, ProposalPolicy,
    Proposer,
};
use domain::tracking::TrackingPolicy;
use domain::{OrgId, ProposalId, TermId};
use sea_query::{Expr, Query};

use super::load;
use super::project::{kind_code, project};
use crate::audit::{self, Event, Who};
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{ProposalHistory, Proposals};
use crate::search_feed;

/// The rules' settings for one organisation.
#[derive(Debug, Clone, Default)]
pub struct Setting {
    pub calendar: WorkCalendar,
    pub tracking: TrackingPolicy,
    pub policy: ProposalPolicy,
}

impl Setting {
    /// The organisation's settings: its category list, and its deadlines
    /// and calendar (its own, else inherited, else the defaults).
    pub async fn for_org(db: &Db, org: OrgId) -> Result<Setting> {
        let mut setting = Setting::default();
        let categories = crate::category::active_names(db, org).await?;
        if !categories.is_empty() {
            setting.policy.categories = categories;
        }
        let in_force = crate::org_settings::in_force(db, org).await?;
        in_force
            .proposals
            .value
            .apply(&mut setting.tracking, &mut setting.policy);
        setting.calendar = in_force.calendar.value;
        Ok(setting)
    }

    pub fn context(&self, now: i64) -> Context<'_> {
        Context {
            at: now,
            today: crate::clock::local_date(now),
            calendar: &self.calendar,
            tracking: &self.tracking,
            policy: &self.policy,
        }
    }
}

/// Starts a draft for `proposer`, written by the acting account.
#[allow(clippy::too_many_arguments)]
pub async fn create_draft(
    db: &Db,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    org: OrgId,
    term: TermId,
    year: i32,
    proposer: Proposer,
    text: &ProposalInput,
) -> Result<ProposalId> {
    let setting = Setting::for_org(db, org).await?;
    let mut tx = db.write().await?;
    let id = create_draft_in(
        &mut tx, now, audit_who, who, &setting, org, term, year, proposer, text,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// [`create_draft`] inside the caller's transaction (e.g. a citizen's
/// demand turned into a draft and linked in one transaction); `setting` is
/// the organisation's, read before the transaction.
#[allow(clippy::too_many_arguments)]
pub async fn create_draft_in(
    tx: &mut Tx,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    setting: &Setting,
    org: OrgId,
    term: TermId,
    year: i32,
    proposer: Proposer,
    text: &ProposalInput,
) -> Result<ProposalId> {
    let author = who
        .user
        .ok_or_else(|| StoreError::Other("a draft needs an account".into()))?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Proposals::Table)
                .columns([
                    Proposals::OrgId,
                    Proposals::TermId,
                    Proposals::Year,
                    Proposals::ProposerKind,
                    Proposals::AuthorUserId,
                    Proposals::Stage,
                    Proposals::Aggregate,
                    Proposals::CreatedAt,
                    Proposals::UpdatedAt,
                ])
                .values_panic([
                    org.0.into(),
                    term.0.into(),
                    i64::from(year).into(),
                    "individual".into(),
                    author.0.into(),
                    "draft".into(),
                    "{}".into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Proposals::Id)
                .to_owned(),
        )
        .await?;
    let applied = proposal::create(
        ProposalId(id),
        org,
        term,
        year,
        proposer,
        who,
        &setting.context(now),
    )
    .map_err(StoreError::Refused)?;
    save(tx, now, audit_who, None, &applied, Some(text), setting).await?;
    Ok(ProposalId(id))
}

/// Saves the draft text as typed, complete or not ("已自动保存").
pub async fn autosave(
    db: &Db,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    id: ProposalId,
    text: &ProposalInput,
) -> Result<()> {
    let stored = load(db, id).await?;
    let setting = Setting::for_org(db, stored.proposal.org).await?;
    let applied = proposal::apply(
        &stored.proposal,
        &Action::EditDraft,
        who,
        &setting.context(now),
    )
    .map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    save(
        &mut tx,
        now,
        audit_who,
        Some(stored.proposal.version),
        &applied,
        Some(text),
        &setting,
    )
    .await?;
    tx.commit().await
}

/// Applies one action. Filing and merging take the next number of the
/// proposal's term and year here, inside the transaction; the number in the
/// given action is ignored.
pub async fn act(
    db: &Db,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    id: ProposalId,
    action: Action,
) -> Result<Proposal> {
    let stored = load(db, id).await?;
    let setting = Setting::for_org(db, stored.proposal.org).await?;
    let mut tx = db.write().await?;
    let next = transition(
        &mut tx,
        now,
        audit_who,
        who,
        &stored.proposal,
        action,
        &setting,
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// One change of one proposal inside the caller's transaction: asks the
/// rules and saves the result with its version check, history, audit entry,
/// projections and jobs. `act` runs it for one proposal, `bulk_assign` for
/// many in one transaction; `setting` belongs to `p`'s organisation.
pub(crate) async fn transition(
    tx: &mut Tx,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    p: &Proposal,
    action: Action,
    setting: &Setting,
) -> Result<Proposal> {
    let action = match action {
        Action::File { .. } => Action::File {
            number: next_number(tx, p).await?,
        },
        Action::Merge { into, .. } => Action::Merge {
            into,
            number: next_number(tx, p).await?,
        },
        other => other,
    };
    let text = match &action {
        Action::Submit { content } => Some(ProposalInput {
            title: content.title.as_str().to_string(),
            analysis: content.analysis.as_str().to_string(),
            suggestions: content.suggestions.as_str().to_string(),
            category: content.category.as_str().to_string(),
            public: if content.public {
                "1".into()
            } else {
                "0".into()
            },
            suggested_units: content
                .suggested_units
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(","),
        }),
        _ => None,
    };
    let applied =
        proposal::apply(p, &action, who, &setting.context(now)).map_err(StoreError::Refused)?;
    save(
        tx,
        now,
        audit_who,
        Some(p.version),
        &applied,
        text.as_ref(),
        setting,
    )
    .await?;
    Ok(applied.next)
}

async fn next_number(tx: &mut Tx, p: &Proposal) -> Result<ProposalNumber> {
    let row = tx
        .one(
            &Query::select()
                .expr(Expr::col(Proposals::NumberSeq).max())
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::OrgId).eq(p.org.0))
                .and_where(Expr::col(Proposals::TermId).eq(p.term.0))
                .and_where(Expr::col(Proposals::Year).eq(i64::from(p.year)))
                .to_owned(),
        )
        .await?;
    let last: Option<i64> = sqlx::Row::try_get(&row, 0)?;
    let last = last.map(|seq| ProposalNumber {
        term: p.term,
        year: p.year,
        seq: seq as u32,
    });
    Ok(ProposalNumber::next_after(last, p.term, p.year))
}

/// Writes the new record (only if nobody changed it since `expected`), its
/// history row, projections, search feed and audit entry.
async fn save(
    tx: &mut Tx,
    now: i64,
    audit_who: &Who,
    expected: Option<u64>,
    applied: &Applied,
    text: Option<&ProposalInput>,
    setting: &Setting,
) -> Result<()> {
    let next = &applied.next;
    let id = next.id.0;
    let aggregate = serde_json::to_string(next).map_err(|e| StoreError::Other(e.to_string()))?;
    let mut values = vec![
        (Proposals::Aggregate, aggregate.into()),
        (Proposals::Stage, next.stage.code().into()),
        (Proposals::Version, (next.version as i64).into()),
        (
            Proposals::NumberSeq,
            next.number.map(|n| i64::from(n.seq)).into(),
        ),
        (Proposals::ProposerKind, kind_code(next).into()),
        (
            Proposals::InitiatorMemberId,
            match next.proposer {
                Proposer::Member(m) => Some(m.0),
                Proposer::Body { .. } => None,
            }
            .into(),
        ),
        (Proposals::UpdatedAt, now.into()),
    ];
    if let Some(t) = text {
        values.extend([
            (Proposals::Title, t.title.clone().into()),
            (Proposals::Analysis, t.analysis.clone().into()),
            (Proposals::Suggestions, t.suggestions.clone().into()),
            (Proposals::Category, t.category.clone().into()),
            (
                Proposals::Public,
                i64::from(!matches!(t.public.trim(), "0" | "否" | "")).into(),
            ),
            (Proposals::SuggestedUnits, t.suggested_units.clone().into()),
        ]);
    }
    if applied.transition.to == domain::proposal::Stage::Submitted
        && applied.transition.from != Some(domain::proposal::Stage::Submitted)
    {
        values.push((Proposals::SubmittedAt, now.into()));
    }
    let mut update = Query::update()
        .table(Proposals::Table)
        .values(values)
        .and_where(Expr::col(Proposals::Id).eq(id))
        .to_owned();
    if let Some(version) = expected {
        update.and_where(Expr::col(Proposals::Version).eq(version as i64));
    }
    let changed = tx
        .execute(&update)
        .await
        .map_err(|e| e.unique_as_field("number_seq", "number", "编号冲突，请重试"))?;
    if changed == 0 {
        return Err(StoreError::Conflict(
            "该提案刚被他人处理过，请刷新页面查看最新状态后再操作".into(),
        ));
    }
    let t = &applied.transition;
    let code = t.action.kind().code();
    if !(t.action.kind() == domain::proposal::ActionKind::EditDraft) {
        tx.execute(
            &Query::insert()
                .into_table(ProposalHistory::Table)
                .columns([
                    ProposalHistory::ProposalId,
                    ProposalHistory::At,
                    ProposalHistory::ActorUserId,
                    ProposalHistory::ActorLogin,
                    ProposalHistory::Action,
                    ProposalHistory::FromStage,
                    ProposalHistory::ToStage,
                    ProposalHistory::Comment,
                    ProposalHistory::Detail,
                ])
                .values_panic([
                    id.into(),
                    now.into(),
                    audit_who.user_id.into(),
                    audit_who.login.clone().into(),
                    code.into(),
                    t.from.map(|s| s.code()).unwrap_or("").into(),
                    t.to.code().into(),
                    t.comment.clone().unwrap_or_default().into(),
                    serde_json::to_string(&t.action).unwrap_or_default().into(),
                ])
                .to_owned(),
        )
        .await?;
        let summary = format!("提案{}：{}", t.action.kind().label(), next.id);
        audit::append(
            tx,
            now,
            audit_who,
            Event::new("proposal.action", "proposal", id, summary),
        )
        .await?;
    }
    project(tx, next).await?;
    super::warnings::schedule(tx, now, next, &applied.transition, &setting.tracking).await?;
    let title = text.map(|t| t.title.as_str()).unwrap_or("");
    super::warnings::schedule_cosigning(tx, now, next, &applied.transition, title).await?;
    search_feed::record(tx, search_feed::Kind::Proposal, id, now).await?;
    Ok(())
}
