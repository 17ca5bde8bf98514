//! 提案统计: the page leaders and staff read for a year (and optionally one
//! term) of their organisation's subtree. The numbers come from
//! `domain::proposal::stats` through `store::proposal::statistics`; this
//! module only lays them out: tiles, bar charts drawn as inline SVG (each
//! bar with a `<title>`), and the table beside each chart, whose rows link
//! to the proposal list narrowed to them (see `super::drill`). [`export`]
//! writes the same tables to Excel.

mod chart;
mod export;

pub use chart::Chart;
pub use export::xlsx;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::catalog::CatalogKind;
use domain::proposal::stats::{may_view, Overdue, Row, Tally};
use domain::proposal::{ProposalStats, Stage};
use domain::tracking::AnswerClass;
use domain::TermId;
use serde::Deserialize;
use store::proposal::StatsFilter;

use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{encode, opt_id, render};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatsQuery {
    year: String,
    term: String,
}

/// One breakdown: a chart and its table.
pub struct Section {
    pub id: &'static str,
    pub heading: &'static str,
    pub name_header: &'static str,
    /// Unit rows count assignments, not submissions, so they show other columns.
    pub units: bool,
    pub rows: Vec<Row>,
    pub chart: Chart,
    /// The list parameter a row links with (its key as value); `None`
    /// when the list has no such filter.
    param: Option<&'static str>,
    /// The year and term, carried into every link.
    base: Vec<(&'static str, String)>,
}

impl Section {
    fn proposals(
        id: &'static str,
        heading: &'static str,
        name_header: &'static str,
        rows: Vec<Row>,
    ) -> Section {
        let values = rows
            .iter()
            .map(|r| {
                let t = &r.tally;
                let title = format!(
                    "{}：收到{}件，立案{}件，立案率{}",
                    r.label,
                    t.submitted,
                    t.filed,
                    t.filing_rate()
                );
                (r.label.clone(), t.submitted, t.filed, title)
            })
            .collect();
        Section {
            id,
            heading,
            name_header,
            units: false,
            chart: Chart::new("收到", "立案", values),
            rows,
            param: None,
            base: Vec::new(),
        }
    }

    /// Rows link to the list narrowed by `param`, within `base`.
    fn linked(mut self, param: &'static str, base: &[(&'static str, String)]) -> Section {
        self.param = Some(param);
        self.base = base.to_vec();
        self
    }

    /// The proposal list of one row.
    pub fn href(&self, r: &Row) -> Option<String> {
        let param = self.param?;
        Some(super::drill::list_href(&self.base, param, &r.key))
    }

    fn units(rows: Vec<Row>) -> Section {
        let values = rows
            .iter()
            .map(|r| {
                let t = &r.tally;
                let title = format!(
                    "{}：交办{}件，已答复{}件，按时答复率{}，满意率{}，逾期{}件",
                    r.label,
                    t.assignments,
                    t.answered,
                    t.on_time_rate(),
                    t.satisfaction_rate(),
                    t.overdue
                );
                (r.label.clone(), t.assignments, t.answered, title)
            })
            .collect();
        Section {
            id: "by-unit",
            heading: "按承办单位",
            name_header: "承办单位",
            units: true,
            chart: Chart::new("交办", "已答复", values),
            rows,
            param: None,
            base: Vec::new(),
        }
    }
}

pub struct StageCount {
    pub code: &'static str,
    pub label: &'static str,
    pub count: u64,
}

pub struct ClassCount {
    pub label: &'static str,
    pub count: u64,
    pub share: String,
}

#[derive(Template)]
#[template(path = "proposals/stats.html")]
struct StatsPage {
    shell: Shell,
    org_name: String,
    year: i32,
    years: Vec<i32>,
    term: Option<i64>,
    terms: Vec<(i64, String)>,
    term_name: String,
    /// The same tables as Excel.
    export_href: String,
    today: String,
    totals: Tally,
    stages: Vec<StageCount>,
    stage_chart: Chart,
    classes: Vec<ClassCount>,
    class_chart: Chart,
    sections: Vec<Section>,
    overdue: Vec<Overdue>,
}

/// The statistics asked for, with the choices the form offers.
pub struct Chosen {
    pub year: i32,
    pub years: Vec<i32>,
    pub term: Option<i64>,
    pub terms: Vec<(i64, String)>,
    pub stats: ProposalStats,
}

impl Chosen {
    /// `year` and `term` as list parameters, for the drill-down links.
    fn base(&self) -> Vec<(&'static str, String)> {
        let term = self.term.map(|t| t.to_string()).unwrap_or_default();
        vec![("year", self.year.to_string()), ("term", term)]
    }

    fn term_name(&self) -> &str {
        let chosen = self.terms.iter().find(|t| Some(t.0) == self.term);
        chosen.map_or("全部届次", |t| t.1.as_str())
    }
}

/// The statistics `user` may read for the year and term asked: a year out
/// of range means this year, a term not of the organisation every term.
async fn chosen(state: &AppState, user: &User, q: &StatsQuery) -> WebResult<Chosen> {
    let a = &user.live.account;
    if !may_view(a.role) {
        return Err(WebError::Forbidden);
    }
    let today = state.today();
    let year = q
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or(today.year());
    let terms: Vec<(i64, String)> = store::org::list_catalog(
        &state.db,
        CatalogKind::Term,
        &a.org_path,
        Some(a.org_id),
        false,
    )
    .await?
    .into_iter()
    .map(|t| (t.id, t.name))
    .collect();
    let term = opt_id(&q.term).filter(|id| terms.iter().any(|t| t.0 == *id));
    let filter = StatsFilter {
        scope: a.org_path.clone(),
        term: term.map(TermId),
        year,
    };
    let stats = store::proposal::statistics(&state.db, &filter, today).await?;
    let mut years: Vec<i32> = (0..5).map(|back| today.year() - back).collect();
    if !years.contains(&year) {
        years.push(year);
    }
    Ok(Chosen {
        year,
        years,
        term,
        terms,
        stats,
    })
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<StatsQuery>,
) -> WebResult<Response> {
    let chosen = chosen(&state, &user, &q).await?;
    render(StatsPage::new(
        Shell::new(&user, "提案统计", "/proposals"),
        user.live.account.org_name.clone(),
        state.today().to_string(),
        chosen,
    ))
}

impl StatsPage {
    fn new(shell: Shell, org_name: String, today: String, chosen: Chosen) -> StatsPage {
        let base = chosen.base();
        let export_href = format!(
            "/proposals/stats.xlsx?{}",
            base.iter()
                .map(|(k, v)| format!("{k}={}", encode(v)))
                .collect::<Vec<_>>()
                .join("&")
        );
        let term_name = chosen.term_name().to_string();
        let Chosen {
            year,
            years,
            term,
            terms,
            stats,
        } = chosen;
        let t = &stats.totals;
        let stages: Vec<StageCount> = Stage::ALL
            .into_iter()
            .filter(|s| t.stage(*s) > 0)
            .map(|s| StageCount {
                code: s.code(),
                label: s.label(),
                count: t.stage(s),
            })
            .collect();
        let stage_chart = Chart::new(
            "件数",
            "件数",
            stages
                .iter()
                .map(|s| {
                    (
                        s.label.to_string(),
                        s.count,
                        s.count,
                        format!("{}：{}件", s.label, s.count),
                    )
                })
                .collect(),
        );
        let classes: Vec<ClassCount> = AnswerClass::ALL
            .into_iter()
            .map(|c| ClassCount {
                label: c.label(),
                count: t.class_count(c),
                share: t.class_share(c).to_string(),
            })
            .collect();
        let class_chart = Chart::new(
            "件数",
            "件数",
            classes
                .iter()
                .map(|c| {
                    let title = format!("{}：{}件，占{}", c.label, c.count, c.share);
                    (c.label.chars().take(2).collect(), c.count, c.count, title)
                })
                .collect(),
        );
        let sections = vec![
            Section::proposals("by-org", "按地区（政协组织）", "政协组织", stats.by_org)
                .linked("org", &base),
            Section::proposals("by-category", "按类别", "类别", stats.by_category)
                .linked("category", &base),
            Section::proposals("by-sector", "按界别（第一提案人）", "界别", stats.by_sector)
                .linked("sector", &base),
            Section::proposals("by-kind", "按提案人类型", "提案人类型", stats.by_kind),
            Section::units(stats.by_unit).linked("unit", &base),
        ];
        StatsPage {
            shell,
            org_name,
            year,
            years,
            term,
            terms,
            term_name,
            export_href,
            today,
            totals: stats.totals,
            stages,
            stage_chart,
            classes,
            class_chart,
            sections,
            overdue: stats.overdue,
        }
    }

    fn is_term(&self, id: &i64) -> bool {
        self.term == Some(*id)
    }
}
