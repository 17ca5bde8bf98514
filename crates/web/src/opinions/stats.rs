//! Targets and statistics for staff and leaders: who has met the yearly
//! target and who has not, and the year's reports by organisation, sector
//! and member (sent, adopted at each level, instructions), each row
//! drilling down to the members behind it.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action, Target};
use serde::Deserialize;
use store::opinion::stats::{GroupTally, MemberQuery, MemberTally, Statistics};

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
    /// 只看这个界别的委员（“未填界别”为没有界别的委员）
    pub sector: String,
    /// 委员名单的页码（接口用，从 1 开始）
    pub page: Option<i64>,
    /// 委员名单每页人数（接口用，默认 100，最多 1000；网页显示前 300 位）
    pub per_page: Option<i64>,
}

impl StatsQuery {
    /// The member list asked for: `limit` rows from `offset`.
    pub fn members(&self, offset: usize, limit: usize) -> MemberQuery {
        MemberQuery {
            met: match self.met.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            org: self.org,
            sector: (!self.sector.is_empty()).then(|| self.sector.clone()),
            offset,
            limit,
        }
    }
}

/// The statistics narrowed as the query says: the member rows filtered
/// (`members`), the roll-ups whole.
pub async fn compute(
    state: &AppState,
    me: &Participant,
    q: &StatsQuery,
    members: MemberQuery,
) -> WebResult<(i32, Statistics)> {
    super::bulletins::may_read(me)?;
    let year = q.year.unwrap_or_else(|| state.today().year());
    let groups = state.member_groups(&me.org_path).await?;
    let s =
        store::opinion::stats::statistics(&state.db, &me.org_path, year, &groups, &members).await?;
    Ok((year, s))
}

/// The most members the page lists.
const PAGE_ROWS: usize = 300;

#[derive(Template)]
#[template(path = "opinions/stats.html")]
struct StatsPage {
    shell: Shell,
    year: i32,
    by: String,
    met: String,
    narrowed: bool,
    members: Vec<MemberTally>,
    shown: i64,
    met_count: i64,
    /// More members match than are listed.
    more: bool,
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
    let (year, s) = compute(&state, &me, &q, q.members(0, PAGE_ROWS)).await?;
    let groups = match q.by.as_str() {
        "org" => s.by_org,
        "sector" => s.by_sector,
        _ => Vec::new(),
    };
    let met_count = s.members_met;
    let shown = s.members_total;
    let members = s.members;
    let more = usize::try_from(shown).unwrap_or(0) > members.len();
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
        more,
        groups,
        total: s.total,
    })
}
