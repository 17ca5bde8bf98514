//! The lists: a member's own reports, and staff's (and leaders') queue of
//! their organisation's subtree, filtered by stage.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::opinion::Stage;
use domain::permission::{Action, Target};
use domain::{OpinionId, Role};
use serde::Deserialize;
use store::opinion::{OpinionFilter, OpinionRow};

use crate::auth::User;
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{render, when, Pager};

#[derive(Template)]
#[template(path = "opinions/list.html")]
struct ListPage {
    shell: Shell,
    heading: &'static str,
    rows: Vec<OpinionRow>,
    pager: Pager,
    stages: Vec<Stage>,
    stage: String,
    can_write: bool,
    keyword: String,
    /// Staff and leaders: links to the bulletins and the statistics.
    staff_view: bool,
}

impl ListPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    stage: String,
    /// A keyword, answered by the search index (staff and leaders).
    q: String,
    page: Option<i64>,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Action::WorkOnOpinions, Target::None)?;
    let account = &user.live.account;
    let staff_view = matches!(account.role, Role::Staff | Role::Leader);
    let mut filter = OpinionFilter::default();
    if staff_view {
        filter.scope = Some(account.org_path.clone());
        filter.own_drafts = Some(account.id);
    } else {
        filter.mine = Some((account.id, account.member_id));
    }
    filter.stages = Stage::from_code(&q.stage).into_iter().collect();
    let keyword = q.q.trim().to_string();
    if staff_view && !keyword.is_empty() {
        let visibility = search::Visibility::staff(account.org_path.as_str().to_string());
        let hits = crate::search::find(
            &state,
            store::search_feed::Kind::Opinion,
            &keyword,
            visibility,
            search::MAX_LIMIT,
        )
        .await?;
        filter.ids = Some(hits.into_iter().map(|h| OpinionId(h.id)).collect());
    }
    let page = store::opinion::list(&state.db, &filter, q.page.unwrap_or(1), 20).await?;
    let pager = Pager::new(&page, &[("stage", q.stage.clone()), ("q", keyword.clone())]);
    let heading = if staff_view {
        "社情民意信息"
    } else {
        "我的社情民意"
    };
    render(ListPage {
        shell: Shell::new(&user, heading, "/opinions").notice(notice),
        heading,
        rows: page.rows,
        pager,
        stages: Stage::ALL
            .into_iter()
            .filter(|s| !staff_view || *s != Stage::Draft)
            .collect(),
        stage: q.stage,
        can_write: matches!(account.role, Role::Member | Role::Staff),
        staff_view,
        keyword,
    })
}
