//! Proposals leaving the system in bulk: whole records read in pages with
//! the names they mention (proposers, units, the day of filing), and the
//! Excel list written from them row by row. The compendium job reads its
//! pages through [`records`] too.

use std::collections::HashMap;
use std::path::Path;

use domain::org::OrgPath;
use domain::proposal::{Proposal, ProposalInput, Proposer, Stage};
use domain::tracking::{Assignment, AssignmentState, Satisfaction};
use domain::{MemberId, ProposalId, UnitId};
use sea_query::{Alias, Expr, Order, Query, SelectStatement};

use super::read::filtered;
use super::{ProposalFilter, Stored};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs, ProposalHistory, Proposals};

/// Proposals read per query.
pub const BATCH: u64 = 500;

/// One proposal with the facts a printed or exported record needs.
#[derive(Debug, Clone)]
pub struct Record {
    pub stored: Stored,
    pub submitted_at: Option<i64>,
}

/// Reads the proposals `q` selects (it already has its FROM, joins, WHERE,
/// ORDER and LIMIT), whole.
pub async fn records(db: &Db, mut q: SelectStatement) -> Result<Vec<Record>> {
    let p = Proposals::Table;
    q.columns([
        (p, Proposals::Aggregate),
        (p, Proposals::Title),
        (p, Proposals::Analysis),
        (p, Proposals::Suggestions),
        (p, Proposals::Category),
        (p, Proposals::Public),
        (p, Proposals::SuggestedUnits),
        (p, Proposals::SubmittedAt),
        (p, Proposals::CreatedAt),
        (p, Proposals::UpdatedAt),
    ])
    .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
    .expr_as(
        Expr::col((Orgs::Table, Orgs::ShortName)),
        Alias::new("org_name"),
    );
    let rows = db.all(&q).await?;
    rows.iter()
        .map(|r| {
            let aggregate: String = get(r, "aggregate")?;
            let proposal: Proposal = serde_json::from_str(&aggregate)
                .map_err(|e| StoreError::Other(format!("proposal record: {e}")))?;
            let public = if get::<i64>(r, "public")? == 1 {
                "1"
            } else {
                "0"
            };
            Ok(Record {
                stored: Stored {
                    proposal,
                    text: ProposalInput {
                        title: get(r, "title")?,
                        analysis: get(r, "analysis")?,
                        suggestions: get(r, "suggestions")?,
                        category: get(r, "category")?,
                        public: public.into(),
                        suggested_units: get(r, "suggested_units")?,
                    },
                    org_path: OrgPath::from_stored(get(r, "org_path")?),
                    org_name: get(r, "org_name")?,
                    created_at: get(r, "created_at")?,
                    updated_at: get(r, "updated_at")?,
                },
                submitted_at: get(r, "submitted_at")?,
            })
        })
        .collect()
}

/// One proposal, whole (NotFound when there is none).
pub async fn record(db: &Db, id: ProposalId) -> Result<Record> {
    let p = Proposals::Table;
    let q = Query::select()
        .from(p)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((p, Proposals::OrgId)),
        )
        .and_where(Expr::col((p, Proposals::Id)).eq(id.0))
        .to_owned();
    records(db, q).await?.pop().ok_or(StoreError::NotFound)
}

/// The names a page of records mentions, read in three queries.
#[derive(Debug, Default)]
pub struct Names {
    pub members: HashMap<MemberId, String>,
    pub units: HashMap<UnitId, String>,
    /// When each proposal was filed (立案) or merged (并案).
    pub filed_at: HashMap<ProposalId, i64>,
}

impl Names {
    pub async fn of(db: &Db, records: &[Record]) -> Result<Names> {
        let mut members: Vec<i64> = Vec::new();
        let mut units: Vec<i64> = Vec::new();
        for r in records {
            let p = &r.stored.proposal;
            members.extend(p.proposers().iter().map(|m| m.0));
            units.extend(p.tracking.assignments.iter().map(|a| a.unit.0));
        }
        members.sort_unstable();
        members.dedup();
        units.sort_unstable();
        units.dedup();
        let ids: Vec<i64> = records.iter().map(|r| r.stored.proposal.id.0).collect();
        let mut names = Names::default();
        if !members.is_empty() {
            let q = Query::select()
                .columns([Members::Id, Members::Name])
                .from(Members::Table)
                .and_where(Expr::col(Members::Id).is_in(members))
                .to_owned();
            for r in db.all(&q).await? {
                names
                    .members
                    .insert(MemberId(get(&r, "id")?), get(&r, "name")?);
            }
        }
        if !units.is_empty() {
            let t = Alias::new(domain::catalog::CatalogKind::Unit.slug());
            let q = Query::select()
                .column(Alias::new("id"))
                .column(Alias::new("name"))
                .from(t)
                .and_where(Expr::col(Alias::new("id")).is_in(units))
                .to_owned();
            for r in db.all(&q).await? {
                names.units.insert(UnitId(get(&r, "id")?), get(&r, "name")?);
            }
        }
        if !ids.is_empty() {
            let q = Query::select()
                .column(ProposalHistory::ProposalId)
                .expr_as(Expr::col(ProposalHistory::At).max(), Alias::new("at"))
                .from(ProposalHistory::Table)
                .and_where(Expr::col(ProposalHistory::ProposalId).is_in(ids))
                .and_where(Expr::col(ProposalHistory::Action).is_in(["file", "merge"]))
                .group_by_col(ProposalHistory::ProposalId)
                .to_owned();
            for r in db.all(&q).await? {
                names
                    .filed_at
                    .insert(ProposalId(get(&r, "proposal_id")?), get(&r, "at")?);
            }
        }
        Ok(names)
    }

    pub fn member(&self, id: MemberId) -> String {
        self.members.get(&id).cloned().unwrap_or_default()
    }

    pub fn unit(&self, id: UnitId) -> String {
        self.units
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("单位{}", id.0))
    }

    /// The proposers in order (initiator, then confirmed co-signers), or
    /// the body of a collective proposal.
    pub fn proposers(&self, p: &Proposal) -> Vec<String> {
        match &p.proposer {
            Proposer::Body { kind, name } => vec![format!("{name}（{}）", kind.label())],
            Proposer::Member(_) => p.proposers().into_iter().map(|m| self.member(m)).collect(),
        }
    }
}

/// An answer that stands: accepted by staff (已答复) or closed after that,
/// on a unit that answers (not a co-unit).
pub fn accepted_answer(a: &Assignment) -> Option<&domain::tracking::Answer> {
    let stands = matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed);
    if stands && a.role.answers() {
        a.answer.as_ref()
    } else {
        None
    }
}

/// Columns of the proposal list export.
const COLUMNS: [&str; 12] = [
    "提案号",
    "案由",
    "提案人",
    "提案方式",
    "类别",
    "所属政协",
    "状态",
    "提交日期",
    "立案日期",
    "承办单位",
    "答复类别",
    "满意度",
];

fn day(ts: Option<i64>) -> String {
    ts.map(|t| crate::clock::local_date(t).to_string())
        .unwrap_or_default()
}

fn cells(r: &Record, names: &Names) -> Vec<String> {
    let p = &r.stored.proposal;
    let live: Vec<&Assignment> = p
        .tracking
        .assignments
        .iter()
        .filter(|a| a.is_live())
        .collect();
    let units = live
        .iter()
        .map(|a| format!("{}（{}）", names.unit(a.unit), a.role.label()))
        .collect::<Vec<_>>()
        .join("、");
    let classes = live
        .iter()
        .filter_map(|a| accepted_answer(a).map(|ans| (a, ans)))
        .map(|(a, ans)| {
            format!(
                "{}：{}类",
                names.unit(a.unit),
                ans.class.code().to_uppercase()
            )
        })
        .collect::<Vec<_>>()
        .join("、");
    let mut counts = [0u32; 3];
    for a in &live {
        for rating in a.current_ratings() {
            let i = Satisfaction::ALL
                .iter()
                .position(|s| *s == rating.feedback.satisfaction)
                .unwrap_or(0);
            counts[i] += 1;
        }
    }
    let satisfaction = Satisfaction::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{}{n}", s.label()))
        .collect::<Vec<_>>()
        .join("、");
    vec![
        p.number.map(|n| n.to_string()).unwrap_or_default(),
        r.stored.text.title.clone(),
        names.proposers(p).join("、"),
        p.kind().label().to_string(),
        r.stored.text.category.clone(),
        r.stored.org_name.clone(),
        p.stage.label().to_string(),
        day(r.submitted_at),
        day(names.filed_at.get(&p.id).copied()),
        units,
        classes,
        satisfaction,
    ]
}

/// Streams the proposals matching `f` into an .xlsx file at `path`,
/// [`BATCH`] at a time in id order (newest last). Returns how many were
/// written.
pub async fn export_proposals(db: &Db, f: &ProposalFilter, path: &Path) -> Result<usize> {
    let p = Proposals::Table;
    let mut after = 0i64;
    // The sheet writer is synchronous; rows are collected per page and
    // handed to it as text, never the whole list at once.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Vec<String>>>(2);
    let path = path.to_path_buf();
    let writer = tokio::task::spawn_blocking(move || {
        crate::xlsx::write_table(&path, "提案", &COLUMNS, rx.into_iter().flatten())
    });
    loop {
        let q = filtered(f)
            .column((p, Proposals::Id))
            .and_where(Expr::col((p, Proposals::Id)).gt(after))
            .order_by((p, Proposals::Id), Order::Asc)
            .limit(BATCH)
            .to_owned();
        let page = records(db, q).await?;
        let Some(last) = page.last() else { break };
        after = last.stored.proposal.id.0;
        let names = Names::of(db, &page).await?;
        let rows: Vec<Vec<String>> = page.iter().map(|r| cells(r, &names)).collect();
        if tx.send(rows).is_err() {
            break;
        }
    }
    drop(tx);
    writer
        .await
        .map_err(|e| StoreError::Other(format!("生成 Excel 文件失败：{e}")))?
}

/// Which stages a compendium holds: every filed proposal.
pub fn filed_stages() -> Vec<&'static str> {
    Stage::ALL
        .iter()
        .filter(|s| s.is_filed())
        .map(|s| s.code())
        .collect()
}
