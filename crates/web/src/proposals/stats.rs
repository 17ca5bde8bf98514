//! 提案统计: the page leaders and staff read for a year (and optionally one
//! term) of their organisation's subtree. The numbers come from
//! `domain::proposal::stats` through `store::proposal::statistics`; this
//! module only lays them out: tiles, bar charts drawn as inline SVG (each
//! bar with a `<title>`), and the table beside each chart.

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
use crate::view::{opt_id, render};

/// The drawing area of every chart, in SVG user units.
const LABEL_WIDTH: u64 = 112;
const BAR_SPACE: u64 = 140;
const CHART_WIDTH: u64 = 320;
const ROW_HEIGHT: u64 = 32;
/// Longer names are cut short in the chart (the table has them whole).
const LABEL_CHARS: usize = 7;
/// How many rows a chart draws; the table beside it holds them all.
const MAX_BARS: usize = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatsQuery {
    year: String,
    term: String,
}

/// One bar: `full` wide in a light tone, `part` of it in a dark tone.
pub struct Bar {
    pub label: String,
    pub y: u64,
    pub full: u64,
    pub part: u64,
    /// What the bar says in words, for the tooltip and screen readers.
    pub title: String,
    pub value: String,
}

impl Bar {
    pub fn text_y(&self) -> u64 {
        self.y + 17
    }
    pub fn value_x(&self) -> u64 {
        LABEL_WIDTH + 8 + self.full + 6
    }
}

pub struct Chart {
    pub height: u64,
    pub bars: Vec<Bar>,
    /// The legend: what the light and the dark tone count.
    pub light: &'static str,
    pub dark: &'static str,
}

impl Chart {
    /// `values` holds (label, full, part, title) per bar; bars scale to the
    /// largest `full`.
    fn new(
        light: &'static str,
        dark: &'static str,
        values: Vec<(String, u64, u64, String)>,
    ) -> Chart {
        let values: Vec<_> = values.into_iter().take(MAX_BARS).collect();
        let max = values.iter().map(|v| v.1).max().unwrap_or(0).max(1);
        let bars = values
            .into_iter()
            .zip(0u64..)
            .map(|((label, full, part, title), i)| Bar {
                value: if light == dark {
                    full.to_string()
                } else {
                    format!("{part}/{full}")
                },
                label: short(&label),
                y: i * ROW_HEIGHT + 6,
                full: full * BAR_SPACE / max,
                part: part.min(full) * BAR_SPACE / max,
                title,
            })
            .collect::<Vec<_>>();
        Chart {
            height: bars.len() as u64 * ROW_HEIGHT + 12,
            bars,
            light,
            dark,
        }
    }

    pub fn width(&self) -> u64 {
        CHART_WIDTH
    }

    pub fn bar_x(&self) -> u64 {
        LABEL_WIDTH + 8
    }

    pub fn label_x(&self) -> u64 {
        LABEL_WIDTH
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
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
        }
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
    today: String,
    totals: Tally,
    stages: Vec<StageCount>,
    stage_chart: Chart,
    classes: Vec<ClassCount>,
    class_chart: Chart,
    sections: Vec<Section>,
    overdue: Vec<Overdue>,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<StatsQuery>,
) -> WebResult<Response> {
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
    render(StatsPage::new(
        Shell::new(&user, "提案统计", "/proposals"),
        a.org_name.clone(),
        (year, years),
        (term, terms),
        today.to_string(),
        stats,
    ))
}

impl StatsPage {
    fn new(
        shell: Shell,
        org_name: String,
        (year, years): (i32, Vec<i32>),
        (term, terms): (Option<i64>, Vec<(i64, String)>),
        today: String,
        stats: ProposalStats,
    ) -> StatsPage {
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
            Section::proposals("by-org", "按地区（政协组织）", "政协组织", stats.by_org),
            Section::proposals("by-category", "按类别", "类别", stats.by_category),
            Section::proposals("by-kind", "按提案人类型", "提案人类型", stats.by_kind),
            Section::units(stats.by_unit),
        ];
        StatsPage {
            shell,
            org_name,
            year,
            years,
            term,
            terms,
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

    fn term_name(&self) -> &str {
        let chosen = self.terms.iter().find(|t| Some(t.0) == self.term);
        chosen.map_or("全部届次", |t| t.1.as_str())
    }
}
