//! `/supervision`: the board — every topic's stage and what is overdue,
//! filterable by year and lead committee; a unit sees its queue first.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::permission::{Action as Permission, Target};
use domain::{CommitteeId, Role};
use serde::Deserialize;
use store::supervision::{BoardFilter, BoardRow, QueueRow};

use crate::auth::User;
use crate::error::WebResult;
use crate::proposals::Participant;
use crate::shell::Shell;
use crate::state::AppState;
use crate::view::{opt_id, render};

#[derive(Debug, Default, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub committee: String,
}

#[derive(Template)]
#[template(path = "supervision/board.html")]
struct BoardPage {
    shell: Shell,
    rows: Vec<BoardRow>,
    queue: Vec<QueueRow>,
    committees: Vec<(CommitteeId, String)>,
    year: String,
    committee: String,
    can_create: bool,
    overdue_total: i64,
}

/// The filter a viewer's board uses: staff and leaders their subtree (a
/// city sees its districts), a unit what was sent to it, a member the
/// topics they take part in.
pub fn filter_for(me: &Participant, year: Option<i32>, committee: Option<i64>) -> BoardFilter {
    let mut f = BoardFilter {
        year,
        committee: committee.map(CommitteeId),
        ..BoardFilter::default()
    };
    match me.role {
        Role::UnitClerk => f.unit = Some(me.unit.unwrap_or(domain::UnitId(0))),
        Role::Member => {
            f.scope = Some(me.org_path.clone());
            f.member = Some(me.member.unwrap_or(domain::MemberId(0)));
        }
        _ => f.scope = Some(me.org_path.clone()),
    }
    f
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<BoardQuery>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnSupervision, Target::None)?;
    let me = Participant::from(&user);
    let year = q.year.trim().parse::<i32>().ok();
    let filter = filter_for(&me, year, opt_id(&q.committee));
    let today = state.today();
    let rows = store::supervision::board(&state.db, &filter, today).await?;
    let queue = match (me.role, me.unit) {
        (Role::UnitClerk, Some(unit)) => {
            store::supervision::unit_queue(&state.db, unit, today).await?
        }
        _ => Vec::new(),
    };
    let committees = store::supervision::committees_of(&state.db, user.live.account.org_id).await?;
    render(BoardPage {
        shell: Shell::new(&user, "民主监督", "/supervision"),
        overdue_total: rows.iter().map(|r| r.overdue).sum(),
        rows,
        queue,
        committees,
        year: q.year,
        committee: q.committee,
        can_create: me.role == Role::Staff,
    })
}
