//! The member list and its Excel export.

use askama::Template;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::member::{Party, Post};
use domain::permission::{Action, Target};
use store::audit::{self, Event};
use store::member::MemberRow;
use store::org::Org;

use super::FilterQuery;
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{attachment, render, Pager};

pub const PER_PAGE: i64 = 20;

#[derive(Template)]
#[template(path = "members/list.html")]
struct ListPage {
    shell: Shell,
    f: FilterQuery,
    page: std::sync::Arc<store::Page<MemberRow>>,
    pager: Pager,
    orgs: Vec<Org>,
    sectors: Vec<String>,
    committees: Vec<String>,
    parties: &'static [Party],
    posts: &'static [Post],
    can_edit: bool,
    can_export: bool,
    export_href: String,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(f): Query<FilterQuery>,
) -> WebResult<Response> {
    user.may(Action::ViewMembers, Target::None)?;
    let page = state
        .member_page(&user, &f.filter(), f.page(), PER_PAGE)
        .await?;
    let options = state.filter_options(&user).await?;
    let pager = Pager::new(&page, &f.pairs());
    let export_href = format!("/members/export.xlsx?{}", pager.base);
    render(ListPage {
        shell: Shell::new(&user, "委员管理", "/members").notice(notice),
        pager,
        page,
        orgs: options.orgs.clone(),
        sectors: options.sectors.clone(),
        committees: options.committees.clone(),
        parties: Party::ALL,
        posts: Post::ALL,
        can_edit: user.can(Action::EditMembers),
        can_export: user.can(Action::ExportMembers),
        export_href,
        f,
    })
}

impl ListPage {
    /// Whether any filter beyond the name is set (the filter box then opens).
    fn filtered(&self) -> bool {
        let f = &self.f;
        [
            &f.org_id,
            &f.sector,
            &f.committee,
            &f.party,
            &f.post,
            &f.status,
        ]
        .iter()
        .any(|v| !v.is_empty())
    }
}

/// Writes the filtered list to a temporary file in batches, then streams it:
/// the whole list is never held in memory.
pub async fn export(
    State(state): State<AppState>,
    user: User,
    Query(f): Query<FilterQuery>,
) -> WebResult<Response> {
    user.may(Action::ExportMembers, Target::None)?;
    let scope = user.live.account.org_path.clone();
    let dir = state.config.data_dir.join("exports");
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let path = dir.join(format!("members-{}.xlsx", store::session::random_token()));
    let count = store::xlsx::export_members(&state.db, &scope, &f.filter(), &path).await?;
    let summary = format!("导出委员名单 {count} 条");
    let mut event = Event::new("export", "member", "", summary);
    event.after = format!(
        "{:?}",
        f.pairs()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect::<Vec<_>>()
    );
    audit::record(&state.db, state.now(), &user.who(), event).await?;
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    // Unlinked now; the open handle keeps the data until the stream ends.
    let _ = tokio::fs::remove_file(&path).await;
    let stream = tokio_util::io::ReaderStream::new(file);
    Ok(attachment("委员名单.xlsx", Body::from_stream(stream)))
}
