//! The proposal lists: a member's own, the review and handling lists of
//! staff, a unit's assignments.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::proposal::Stage;
use domain::Role;
use serde::Deserialize;
use store::proposal::{ProposalFilter, ProposalRow};

use super::drill::Drill;
use super::Participant;
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{render, when, Pager};

#[derive(Template)]
#[template(path = "proposals/list.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<ProposalRow>,
    pager: Pager,
    stages: Vec<Stage>,
    stage: String,
    /// The keyword, kept in the box.
    q: String,
    /// The keyword was answered by the full-text index (best matches only).
    by_index: bool,
    can_draft: bool,
    /// Staff of the committee get the 批量交办 link.
    can_assign: bool,
    heading: &'static str,
    /// The statistics' drill-down in use, kept through searches.
    drill: Vec<(&'static str, String)>,
    /// For a unit clerk: the unit's due date on each row, with its warning.
    dues: Option<std::collections::HashMap<i64, UnitDueView>>,
}

/// A unit's due date as its list shows it.
pub struct UnitDueView {
    pub due: String,
    /// The badge colour and words of a deadline warning, if any.
    pub warning: Option<(&'static str, &'static str)>,
}

impl ListPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    fn due_of(&self, id: &domain::ProposalId) -> Option<&UnitDueView> {
        self.dues.as_ref().and_then(|d| d.get(&id.0))
    }
}

/// The clerk's unit's due dates and warnings for the rows shown.
async fn unit_dues(
    state: &AppState,
    user: &User,
    rows: &[ProposalRow],
) -> WebResult<Option<std::collections::HashMap<i64, UnitDueView>>> {
    let Some(unit) = user.live.account.unit_id else {
        return Ok(None);
    };
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let dues = store::proposal::unit_dues(&state.db, unit, &ids).await?;
    let setting = store::proposal::Setting::for_org(&state.db, user.live.account.org_id).await?;
    let today = state.today();
    let view = dues
        .into_iter()
        .map(|(id, d)| {
            let awaited = d.state.awaits_answer();
            let warning = awaited
                .then(|| setting.tracking.warning_level(d.due, today))
                .flatten()
                .map(|w| (warning_colour(w), w.label()));
            (
                id.0,
                UnitDueView {
                    due: d.due.to_string(),
                    warning,
                },
            )
        })
        .collect();
    Ok(Some(view))
}

pub fn warning_colour(w: domain::tracking::Warning) -> &'static str {
    use domain::tracking::Warning;
    match w {
        Warning::Blue => "blue",
        Warning::Yellow => "yellow",
        Warning::Red | Warning::Overdue => "red",
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    stage: String,
    q: String,
    page: String,
    #[serde(flatten)]
    drill: Drill,
}

/// What a participant's list shows, and its heading: a member their own,
/// staff and leaders what was submitted in their subtree, a unit its
/// assignments.
pub fn filter_for(me: &Participant) -> WebResult<(ProposalFilter, &'static str)> {
    let mut filter = ProposalFilter::default();
    let heading = match me.role {
        Role::Member => {
            filter.member = me.member;
            filter.author = Some(me.user);
            "我的提案"
        }
        Role::Staff | Role::Leader => {
            filter.scope = Some(me.org_path.clone());
            // Staff and leaders see what was submitted; drafts stay private.
            filter.stages = Stage::ALL
                .iter()
                .copied()
                .filter(|s| !matches!(s, Stage::Draft | Stage::CollectingCosigners))
                .collect();
            "提案办理"
        }
        Role::UnitClerk => {
            filter.unit = Some(me.unit.ok_or(WebError::Forbidden)?);
            "交办本单位的提案"
        }
        _ => return Err(WebError::Forbidden),
    };
    Ok((filter, heading))
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    let a = &user.live.account;
    let me = Participant::from(&user);
    let (mut filter, heading) = filter_for(&me)?;
    filter.q = Some(q.q.clone());
    if let Some(stage) = Stage::from_code(&q.stage) {
        filter.stages = vec![stage];
    }
    q.drill.apply(&state, &me, &mut filter).await?;
    crate::search::narrow_by_keyword(&state, &me, &mut filter).await?;
    let page = store::proposal::list(&state.db, &filter, q.page.parse().unwrap_or(1), 20).await?;
    let drill = q.drill.pairs();
    let mut pairs = vec![("stage", q.stage.clone()), ("q", q.q.clone())];
    pairs.extend(drill.iter().cloned());
    let pager = Pager::new(&page, &pairs);
    let dues = unit_dues(&state, &user, &page.rows).await?;
    render(ListPage {
        dues,
        shell: Shell::new(&user, heading, "/proposals").notice(notice),
        rows: page.rows,
        pager,
        stages: Stage::ALL.to_vec(),
        stage: q.stage,
        q: q.q,
        by_index: filter.ids.is_some(),
        can_draft: (a.role == Role::Member && a.member_id.is_some()) || a.role == Role::Staff,
        can_assign: super::who(&Participant::from(&user)).proposal_staff,
        heading,
        drill,
    })
}
