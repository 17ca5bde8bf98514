//! 消息: a user's in-app notifications, newest first, and marking them read.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use store::notify::Notification;

use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render, when, Pager};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/messages", get(list))
        .route("/messages/read", post(read_all))
        .route("/messages/{id}/open", post(open))
}

#[derive(Template)]
#[template(path = "messages.html")]
struct MessagesPage {
    shell: Shell,
    rows: Vec<Notification>,
    pager: Pager,
}

impl MessagesPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    page: String,
}

async fn list(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<PageQuery>,
) -> WebResult<Response> {
    let page = store::notify::list(
        &state.db,
        user.live.account.id,
        q.page.parse().unwrap_or(1),
        20,
    )
    .await?;
    let pager = Pager::new(&page, &[]);
    render(MessagesPage {
        shell: Shell::new(&user, "消息", "/messages").notice(notice),
        rows: page.rows,
        pager,
    })
}

#[derive(Deserialize)]
struct Nothing {}

async fn read_all(
    State(state): State<AppState>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    store::notify::mark_read(&state.db, state.now(), user.live.account.id, None).await?;
    Ok(done("/messages", "read"))
}

/// Marks one notification read and goes where it points.
async fn open(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    store::notify::mark_read(&state.db, state.now(), user.live.account.id, Some(id)).await?;
    let page = store::notify::list(&state.db, user.live.account.id, 1, 1000).await?;
    let link = page
        .rows
        .into_iter()
        .find(|n| n.id == id)
        .map(|n| n.link)
        .filter(|l| l.starts_with('/') && !l.starts_with("//"));
    Ok(Redirect::to(link.as_deref().unwrap_or("/messages")).into_response())
}
