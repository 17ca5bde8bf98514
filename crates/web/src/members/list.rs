//! The member list and its Excel export.

use askama::Template;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::member::{Party, Post};
use domain::permission::{Action, Target};
use std::sync::Arc;
use store::audit::{self, Event};
use store::member::MemberRow;

use crate::directory::FilterOptions;

use super::FilterQuery;
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{attachment, render, Pager};

pub const PER_PAGE: i64 = 20;

/// The list body: filters, table and pager. It depends only on directory
/// data, the filters and what the role may do, so it is rendered once per
/// data version and reused.
#[derive(Template)]
#[template(path = "members/list_body.html")]
struct ListBody {
    f: FilterQuery,
    page: Arc<store::Page<MemberRow>>,
    pager: Pager,
    options: Arc<FilterOptions>,
    parties: &'static [Party],
    posts: &'static [Post],
    can_edit: bool,
    can_export: bool,
    export_href: String,
}

impl ListBody {
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

#[derive(Template)]
#[template(path = "members/list.html")]
struct ListPage {
    shell: Shell,
    body: Arc<String>,
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(f): Query<FilterQuery>,
) -> WebResult<Response> {
    user.may(Action::ViewMembers, Target::None)?;
    let (can_edit, can_export) = (
        user.can(Action::EditMembers),
        user.can(Action::ExportMembers),
    );
    let filter = f.filter();
    let key = format!(
        "members|{}|{filter:?}|{}|{can_edit}|{can_export}",
        user.live.account.org_path.as_str(),
        f.page()
    );
    let body = state
        .fragment(&user, key, async {
            let page = state
                .member_page(&user, &filter, f.page(), PER_PAGE)
                .await?;
            let pager = Pager::new(&page, &f.pairs());
            let export_href = format!("/members/export.xlsx?{}", pager.base);
            let options = state.filter_options(&user).await?;
            let body = ListBody {
                f: f.clone(),
                page,
                pager,
                options,
                parties: Party::ALL,
                posts: Post::ALL,
                can_edit,
                can_export,
                export_href,
            };
            Ok::<_, WebError>(body.render()?)
        })
        .await?;
    render(ListPage {
        shell: Shell::new(&user, "委员管理", "/members").notice(notice),
        body,
    })
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
