//! 交办 in bulk: after the plenary, staff assign hundreds of filed
//! proposals at once. Every row goes through the same rules and the same
//! writes as a single `act` (`write::transition`), all in one transaction:
//! one bad row and nothing is applied, and every bad row is named.

use std::collections::HashMap;

use domain::proposal::{self, Action, Proposal, ProposalNumber};
use domain::tracking::{AssignmentMode, AssignmentPlan, TrackingAction, UnitRole};
use domain::{OrgId, ProposalId, UnitId};
use sea_query::{Expr, Order, Query};

use super::write::{transition, Setting};
use crate::audit::Who;
use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{Proposals, Units};

/// Which proposal a row means: its id, or its number as people write it
/// (`第0123号`, `0123`). A number means the latest term and year that has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalRef {
    Id(ProposalId),
    Number(String),
}

/// A handling unit by id (forms, API) or by name (a filled-in sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitRef {
    Id(UnitId),
    Name(String),
}

/// One row of an assignment plan, as given: the store resolves and checks
/// all of it, so that every problem of every row is reported at once.
#[derive(Debug, Clone)]
pub struct PlanRow {
    /// The row as the caller counts it (a line on the page, an Excel row).
    pub row: usize,
    pub proposal: ProposalRef,
    /// 单办 / 主办+会办 / 分办, by code or label; empty means 单办.
    pub mode: String,
    /// The lead (or the sole) unit; for 分办 simply the first unit.
    pub lead: Option<UnitRef>,
    /// 会办 units, or for 分办 the other units.
    pub co: Vec<UnitRef>,
    /// The version the caller saw; a proposal changed since is a conflict.
    pub version: Option<u64>,
}

/// Why one row cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    /// The proposal number, or the reference as given when unknown.
    pub number: String,
    pub proposal: Option<ProposalId>,
    pub message: String,
}

impl RowProblem {
    /// `第3行（第0005号）：……`
    pub fn describe(&self) -> String {
        format!("第{}行（{}）：{}", self.row, self.number, self.message)
    }
}

#[derive(Debug)]
pub enum BulkError {
    /// Bad rows; nothing was applied.
    Rows(Vec<RowProblem>),
    Store(StoreError),
}

impl From<StoreError> for BulkError {
    fn from(e: StoreError) -> Self {
        BulkError::Store(e)
    }
}

/// A filed proposal that no unit holds yet, for the plan page and sheet.
#[derive(Debug, Clone)]
pub struct Assignable {
    pub id: ProposalId,
    pub number: String,
    pub title: String,
    pub category: String,
    /// The units the proposer suggested.
    pub suggested: Vec<UnitId>,
    pub version: u64,
}

/// The organisation's filed, not yet assigned proposals in number order,
/// optionally of one category.
pub async fn assignable(db: &Db, org: OrgId, category: Option<&str>) -> Result<Vec<Assignable>> {
    let mut q = Query::select()
        .columns([
            Proposals::Id,
            Proposals::NumberSeq,
            Proposals::Title,
            Proposals::Category,
            Proposals::SuggestedUnits,
            Proposals::Version,
        ])
        .from(Proposals::Table)
        .and_where(Expr::col(Proposals::OrgId).eq(org.0))
        .and_where(Expr::col(Proposals::Stage).is_in(["filed", "merged"]))
        .order_by(Proposals::Year, Order::Asc)
        .order_by(Proposals::TermId, Order::Asc)
        .order_by(Proposals::NumberSeq, Order::Asc)
        .to_owned();
    if let Some(c) = category.filter(|c| !c.is_empty()) {
        q.and_where(Expr::col(Proposals::Category).eq(c));
    }
    db.all(&q)
        .await?
        .iter()
        .map(|r| {
            Ok(Assignable {
                id: ProposalId(get(r, "id")?),
                number: number_text(get(r, "number_seq")?),
                title: get(r, "title")?,
                category: get(r, "category")?,
                suggested: get::<String>(r, "suggested_units")?
                    .split([',', '，', ' '])
                    .filter_map(|s| s.trim().parse().ok().map(UnitId))
                    .collect(),
                version: get::<i64>(r, "version")? as u64,
            })
        })
        .collect()
}

fn number_text(seq: Option<i64>) -> String {
    seq.map(|s| format!("第{s:04}号")).unwrap_or_default()
}

/// The organisation's active handling units, in their list order.
pub async fn units_of(db: &Db, org: OrgId) -> Result<Vec<(UnitId, String)>> {
    let rows = db
        .all(
            &Query::select()
                .columns([Units::Id, Units::Name])
                .from(Units::Table)
                .and_where(Expr::col(Units::OrgId).eq(org.0))
                .and_where(Expr::col(Units::Active).eq(1))
                .order_by(Units::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok((UnitId(get(r, "id")?), get(r, "name")?)))
        .collect()
}

/// Assigns every row's proposal to its units in one transaction. Returns
/// how many were assigned, or every bad row with nothing applied.
pub async fn bulk_assign(
    db: &Db,
    now: i64,
    audit_who: &Who,
    who: &proposal::Who,
    org: OrgId,
    rows: &[PlanRow],
) -> Result<usize, BulkError> {
    if rows.is_empty() {
        return Err(
            StoreError::Invalid(domain::FieldErrors::single("rows", "请至少选择一件提案")).into(),
        );
    }
    let setting = Setting::for_org(db, org).await?;
    let units = units_of(db, org).await?;
    let mut tx = db.write().await?;
    let found = Found::load(&mut tx, org, rows).await?;
    let ctx = setting.context(now);
    let mut problems = Vec::new();
    let mut ready: Vec<(&PlanRow, &Proposal, Action)> = Vec::with_capacity(rows.len());
    let mut seen: HashMap<ProposalId, usize> = HashMap::new();
    for row in rows {
        let (p, number) = match found.get(org, &row.proposal) {
            Ok(p) => (p, p.number.map(|n| n.to_string()).unwrap_or_default()),
            Err(message) => {
                problems.push(problem(row, None, found.label(&row.proposal), message));
                continue;
            }
        };
        let checked = (|| {
            if let Some(first) = seen.insert(p.id, row.row) {
                return Err(format!("与第{first}行是同一件提案"));
            }
            let plan = plan_for(row, &units)?;
            if row.version.is_some_and(|v| v != p.version) {
                return Err(CHANGED.to_string());
            }
            let action = Action::Track(TrackingAction::Assign { plan });
            proposal::apply(p, &action, who, &ctx).map_err(|r| r.message)?;
            Ok(action)
        })();
        match checked {
            Ok(action) => ready.push((row, p, action)),
            Err(message) => problems.push(problem(row, Some(p.id), number, message)),
        }
    }
    if !problems.is_empty() {
        return Err(BulkError::Rows(problems));
    }
    for (row, p, action) in ready {
        let number = p.number.map(|n| n.to_string()).unwrap_or_default();
        match transition(&mut tx, now, audit_who, who, p, action, &setting).await {
            Ok(_) => {}
            Err(StoreError::Refused(r)) => {
                problems.push(problem(row, Some(p.id), number, r.message))
            }
            Err(StoreError::Conflict(_)) => {
                problems.push(problem(row, Some(p.id), number, CHANGED.into()))
            }
            Err(StoreError::Invalid(f)) => {
                let message = f.0.iter().map(|e| e.message.as_str()).collect::<Vec<_>>();
                problems.push(problem(row, Some(p.id), number, message.join("；")))
            }
            Err(other) => return Err(other.into()),
        }
        if !problems.is_empty() {
            // Dropping the transaction rolls back the rows before this one.
            return Err(BulkError::Rows(problems));
        }
    }
    tx.commit().await?;
    Ok(rows.len())
}

const CHANGED: &str = "该提案刚被他人处理过，请刷新页面查看最新状态后再操作";

fn problem(row: &PlanRow, id: Option<ProposalId>, number: String, message: String) -> RowProblem {
    RowProblem {
        row: row.row,
        number,
        proposal: id,
        message,
    }
}

/// The row's plan, with its units resolved among the organisation's
/// active handling units; the shape is checked by the domain.
fn plan_for(row: &PlanRow, units: &[(UnitId, String)]) -> Result<AssignmentPlan, String> {
    let mode = parse_mode(&row.mode)?;
    let resolve = |r: &UnitRef| -> Result<UnitId, String> {
        match r {
            UnitRef::Id(id) => units
                .iter()
                .find(|(u, _)| u == id)
                .map(|(u, _)| *u)
                .ok_or_else(|| format!("承办单位（编号{id}）不存在或已停用")),
            UnitRef::Name(name) => {
                let name = name.trim();
                units
                    .iter()
                    .find(|(_, n)| n.trim() == name)
                    .map(|(u, _)| *u)
                    .ok_or_else(|| format!("承办单位“{name}”不存在或已停用"))
            }
        }
    };
    let lead = row.lead.as_ref().map(resolve).transpose()?;
    let co = row.co.iter().map(resolve).collect::<Result<Vec<_>, _>>()?;
    match (mode, lead) {
        (AssignmentMode::Single, None) => Err("请填写承办单位".into()),
        (AssignmentMode::LeadWithCo, None) => Err("主办+会办须填写主办单位".into()),
        (AssignmentMode::Single, Some(lead)) => AssignmentPlan::new(
            AssignmentMode::Single,
            [lead]
                .into_iter()
                .chain(co)
                .map(|u| (u, UnitRole::Sole))
                .collect(),
        ),
        (AssignmentMode::LeadWithCo, Some(lead)) => AssignmentPlan::lead_with_co(lead, &co),
        (AssignmentMode::Split, lead) => {
            AssignmentPlan::split(&lead.into_iter().chain(co).collect::<Vec<_>>())
        }
    }
}

/// 单办, 主办+会办 (also written 主办会办) or 分办, or their codes.
pub fn parse_mode(raw: &str) -> Result<AssignmentMode, String> {
    let plain: String = raw
        .chars()
        .filter(|c| !matches!(c, '+' | '＋' | ' '))
        .collect();
    if plain.is_empty() {
        return Ok(AssignmentMode::Single);
    }
    AssignmentMode::ALL
        .into_iter()
        .find(|m| m.code() == plain || m.label().replace('+', "") == plain)
        .ok_or_else(|| format!("办理方式“{}”无法识别，应为单办、主办会办或分办", raw.trim()))
}

/// The proposals the rows name, read inside the transaction.
struct Found {
    by_id: HashMap<ProposalId, Proposal>,
    /// Sequence number → the proposal of the organisation with the latest
    /// (year, term) holding it.
    by_seq: HashMap<u32, ProposalId>,
}

/// Statements stay well under every backend's bind-parameter limit.
const CHUNK: usize = 500;

impl Found {
    async fn load(tx: &mut Tx, org: OrgId, rows: &[PlanRow]) -> Result<Found> {
        let mut ids = Vec::new();
        let mut seqs = Vec::new();
        for row in rows {
            match &row.proposal {
                ProposalRef::Id(id) => ids.push(id.0),
                ProposalRef::Number(n) => seqs.extend(ProposalNumber::parse_seq(n)),
            }
        }
        let mut found = Found {
            by_id: HashMap::new(),
            by_seq: HashMap::new(),
        };
        let select = || {
            Query::select()
                .columns([Proposals::Aggregate])
                .from(Proposals::Table)
                .to_owned()
        };
        let mut numbered = Vec::new();
        for chunk in ids.chunks(CHUNK) {
            let q = select()
                .and_where(Expr::col(Proposals::Id).is_in(chunk.iter().copied()))
                .to_owned();
            numbered.extend(tx.all(&q).await?);
        }
        for chunk in seqs.chunks(CHUNK) {
            let q = select()
                .and_where(Expr::col(Proposals::OrgId).eq(org.0))
                .and_where(Expr::col(Proposals::NumberSeq).is_in(chunk.iter().map(|s| *s as i64)))
                .to_owned();
            numbered.extend(tx.all(&q).await?);
        }
        for r in &numbered {
            let aggregate: String = get(r, "aggregate")?;
            let p: Proposal = serde_json::from_str(&aggregate)
                .map_err(|e| StoreError::Other(format!("proposal record: {e}")))?;
            if let Some(n) = p.number.filter(|_| p.org == org) {
                let newer = match found.by_seq.get(&n.seq).and_then(|id| found.by_id.get(id)) {
                    Some(held) => (n.year, n.term) > (held.year, held.term),
                    None => true,
                };
                if newer {
                    found.by_seq.insert(n.seq, p.id);
                }
            }
            found.by_id.insert(p.id, p);
        }
        Ok(found)
    }

    fn get(&self, org: OrgId, r: &ProposalRef) -> Result<&Proposal, String> {
        let p = match r {
            ProposalRef::Id(id) => self.by_id.get(id),
            ProposalRef::Number(n) => {
                let seq = ProposalNumber::parse_seq(n)
                    .ok_or_else(|| format!("提案号“{}”格式不正确，应如“第0012号”", n.trim()))?;
                self.by_seq.get(&seq).and_then(|id| self.by_id.get(id))
            }
        };
        p.filter(|p| p.org == org)
            .ok_or_else(|| "本组织没有这件提案".to_string())
    }

    fn label(&self, r: &ProposalRef) -> String {
        match r {
            ProposalRef::Id(id) => format!("提案编号{id}"),
            ProposalRef::Number(n) if n.trim().is_empty() => "未填提案号".into(),
            ProposalRef::Number(n) => n.trim().to_string(),
        }
    }
}
