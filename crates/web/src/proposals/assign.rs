//! 批量交办: staff see every filed proposal of their organisation that no
//! unit holds yet, each with a plan prefilled from the units its proposer
//! suggested, tick the ones to assign and apply them in one go. A bad row
//! brings the page back with every input kept and the row marked; nothing
//! is applied. The same plan travels as a spreadsheet (`assign_plan`).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action, Target};
use domain::tracking::AssignmentMode;
use domain::{OrgId, ProposalId, UnitId};
use serde::Deserialize;
use store::proposal::plan_sheet::{split_names, suggested_plan, unit_name, UNIT_SEPARATOR};
use store::proposal::{Assignable, BulkError, PlanRow, ProposalRef, RowProblem, UnitRef};

use super::{who, Participant};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, render_invalid};

/// One proposal on the page, with its plan as shown (prefilled or typed).
pub struct Line {
    pub row: usize,
    pub id: i64,
    pub number: String,
    pub title: String,
    pub category: String,
    /// The suggested units' names, joined with 、.
    pub suggested: String,
    pub picked: bool,
    pub mode: String,
    pub lead: String,
    pub co: String,
    pub version: u64,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "proposals/assign.html")]
pub struct AssignPage {
    pub shell: Shell,
    pub lines: Vec<Line>,
    pub modes: Vec<(&'static str, &'static str)>,
    pub units: Vec<String>,
    pub categories: Vec<String>,
    pub category: String,
    /// Every bad row, for the summary at the top.
    pub problems: Vec<String>,
    /// How many were just assigned.
    pub assigned: Option<usize>,
    pub file_error: Option<String>,
    pub max_mb: u64,
}

impl AssignPage {
    fn picked_count(&self) -> usize {
        self.lines.iter().filter(|l| l.picked).count()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignQuery {
    pub category: String,
    /// `1`: every row ticked (全选), `0`: none.
    pub all: String,
    /// How many the last submission assigned.
    pub n: String,
}

/// The organisation whose proposals this user assigns: staff of the
/// committee, in their own organisation. Anyone else is refused.
pub fn staff_org(user: &User) -> WebResult<OrgId> {
    let a = &user.live.account;
    user.may(Action::WorkOnProposals, Target::InOrg(&a.org_path))?;
    if !who(&Participant::from(user)).proposal_staff {
        return Err(WebError::Forbidden);
    }
    Ok(a.org_id)
}

/// The page's lines, prefilled from the suggested units.
pub async fn page_for(
    state: &AppState,
    user: &User,
    org: OrgId,
    category: &str,
    all: bool,
) -> WebResult<AssignPage> {
    let rows = store::proposal::assignable(&state.db, org, Some(category)).await?;
    let units = store::proposal::units_of(&state.db, org).await?;
    let setting = store::proposal::Setting::for_org(&state.db, org).await?;
    let lines = rows
        .into_iter()
        .enumerate()
        .map(|(i, a)| prefilled(i + 1, a, &units, all))
        .collect();
    Ok(AssignPage {
        shell: Shell::new(user, "批量交办", "/proposals"),
        lines,
        modes: AssignmentMode::ALL
            .iter()
            .map(|m| (m.code(), m.label()))
            .collect(),
        units: units.into_iter().map(|(_, n)| n).collect(),
        categories: setting.policy.categories,
        category: category.to_string(),
        problems: Vec::new(),
        assigned: None,
        file_error: None,
        max_mb: state.config.max_upload_mb,
    })
}

fn prefilled(row: usize, a: Assignable, units: &[(UnitId, String)], all: bool) -> Line {
    let (mode, lead, co) = suggested_plan(&a, units);
    let names = |ids: &[UnitId]| {
        ids.iter()
            .map(|u| unit_name(units, *u))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(UNIT_SEPARATOR)
    };
    Line {
        row,
        id: a.id.0,
        number: a.number,
        title: a.title,
        category: a.category,
        suggested: names(&a.suggested),
        picked: all,
        mode: mode.unwrap_or(AssignmentMode::Single).code().to_string(),
        lead: lead.map(|u| unit_name(units, u)).unwrap_or_default(),
        co: names(&co),
        version: a.version,
        error: None,
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<AssignQuery>,
) -> WebResult<Response> {
    let org = staff_org(&user)?;
    let mut page = page_for(&state, &user, org, &q.category, q.all == "1").await?;
    page.shell = page.shell.notice(notice);
    page.assigned = q.n.parse().ok();
    render(page)
}

type Form = BTreeMap<String, String>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map(String::as_str).unwrap_or("")
}

/// Applies the ticked rows, all or none.
pub async fn apply(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let org = staff_org(&user)?;
    let category = field(&form, "category").to_string();
    let mut page = page_for(&state, &user, org, &category, false).await?;
    // What was typed replaces the prefill, so nothing is lost on a retry.
    for line in &mut page.lines {
        let key = |name: &str| format!("{name}_{}", line.id);
        line.picked = form.contains_key(&key("pick"));
        if let Some(mode) = form.get(&key("mode")) {
            line.mode = mode.clone();
            line.lead = field(&form, &key("unit")).to_string();
            line.co = field(&form, &key("co")).to_string();
        }
    }
    let rows: Vec<PlanRow> = page
        .lines
        .iter()
        .filter(|l| l.picked)
        .map(|l| PlanRow {
            row: l.row,
            proposal: ProposalRef::Id(ProposalId(l.id)),
            mode: l.mode.clone(),
            lead: Some(l.lead.trim())
                .filter(|s| !s.is_empty())
                .map(|s| UnitRef::Name(s.to_string())),
            co: split_names(&l.co).into_iter().map(UnitRef::Name).collect(),
            version: field(&form, &format!("v_{}", l.id)).parse().ok(),
        })
        .collect();
    // Ticked on the page but no longer waiting (someone assigned it since).
    let gone: Vec<String> = form
        .keys()
        .filter_map(|k| k.strip_prefix("pick_"))
        .filter(|id| !page.lines.iter().any(|l| l.id.to_string() == *id))
        .map(|id| format!("提案编号{id}：已不在待交办列表中，可能刚被他人交办，请核对"))
        .collect();
    if !gone.is_empty() {
        page.problems = gone;
        return render_invalid(page);
    }
    if rows.is_empty() {
        page.problems = vec!["请至少勾选一件提案".into()];
        return render_invalid(page);
    }
    match bulk(&state, &user, org, &rows).await? {
        Ok(n) => Ok(done(&format!("/proposals/assign?n={n}"), "assigned")),
        Err(problems) => {
            for p in &problems {
                if let Some(line) = page.lines.iter_mut().find(|l| l.row == p.row) {
                    line.error = Some(p.message.clone());
                }
            }
            page.problems = problems.iter().map(RowProblem::describe).collect();
            render_invalid(page)
        }
    }
}

/// Runs the plan: the count assigned, or the bad rows (nothing applied).
pub async fn bulk(
    state: &AppState,
    user: &User,
    org: OrgId,
    rows: &[PlanRow],
) -> WebResult<Result<usize, Vec<RowProblem>>> {
    let me = Participant::from(user);
    match store::proposal::bulk_assign(&state.db, state.now(), &user.who(), &who(&me), org, rows)
        .await
    {
        Ok(n) => Ok(Ok(n)),
        Err(BulkError::Rows(problems)) => Ok(Err(problems)),
        Err(BulkError::Store(e)) => Err(e.into()),
    }
}
