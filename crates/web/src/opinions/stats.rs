//! Targets and statistics for staff and leaders: who has met the yearly
//! target and who has not, and the year's reports by organisation, sector
//! and member (sent, adopted at each level, instructions), each row
//! drilling down to the members behind it.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action, Target};
use serde::Deserialize;
use store::opinion::stats::{GroupTally, MemberTally, Statistics};

use crate::auth::User;
use crate::error::WebResult;
use crate::proposals::Participant;
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::render;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct StatsQuery {
    /// 年度，默认本年
    pub year: Option<i32>,
    /// member（默认）、org 或 sector
    pub by: String,
    /// yes：已完成目标；no：未完成
    pub met: String,
    /// 只看这个政协的委员（政协 id）
    pub org: Option<i64>,
    /// 只看这个界别的委员
    pub sector: String,
}

/// The statistics narrowed as the query says: the member rows filtered,
/// the roll-ups whole.
pub async fn compute(
    state: &AppState,
    me: &Participant,
    q: &StatsQuery,
) -> WebResult<(i32, Statistics)> {
    super::bulletins::may_read(me)?;
    let year = q.year.unwrap_or_else(|| state.today().year());
    let mut s = store::opinion::stats::statistics(&state.db, &me.org_path, year).await?;
    s.members.retain(|m| {
        (q.met.is_empty() || (q.met == "yes") == m.met)
            && q.org.is_none_or(|o| o == m.org_id)
            && (q.sector.is_empty()
                || q.sector == m.sector
                || (q.sector == "未填界别" && m.sector.is_empty()))
    });
    Ok((year, s))
}

#[derive(Template)]
#[template(path = "opinions/stats.html")]
struct StatsPage {
    shell: Shell,
    year: i32,
    by: String,
    met: String,
    narrowed: bool,
    members: Vec<MemberTally>,
    shown: usize,
    met_count: usize,
    groups: Vec<GroupTally>,
    total: store::opinion::stats::Tally,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<StatsQuery>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    let me = Participant::from(&user);
    let (year, s) = compute(&state, &me, &q).await?;
    let groups = match q.by.as_str() {
        "org" => s.by_org,
        "sector" => s.by_sector,
        _ => Vec::new(),
    };
    let met_count = s.members.iter().filter(|m| m.met).count();
    let shown = s.members.len();
    let mut members = s.members;
    members.truncate(300);
    render(StatsPage {
        shell: Shell::new(&user, "社情民意目标与统计", "/opinions"),
        year,
        by: if q.by.is_empty() {
            "member".into()
        } else {
            q.by.clone()
        },
        narrowed: q.org.is_some() || !q.sector.is_empty(),
        met: q.met.clone(),
        members,
        shown,
        met_count,
        groups,
        total: s.total,
    })
}
