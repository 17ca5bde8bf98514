//! `/letters` (the list, filterable by kind and stage), `/letters/{id}`
//! (the record with its source proposal, units, replies, history and the
//! steps open to the viewer) and `/letters/{id}/act` (one step).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use domain::letter::{LetterActor, LetterKind, LetterStage};
use domain::permission::{Action as Permission, Target};
use domain::tracking::{Answer, AnswerClass, AssignmentState};
use domain::Role;
use serde::Deserialize;
use store::history::HistoryRow;
use store::letter::{LetterFilter, LetterRow, Stored};

use super::{action_from, load_letter, unit_name, unit_options};
use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::failed_step::{render_record, Failed};
use crate::proposals::form::Form;
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, render};

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub stage: String,
    #[serde(default)]
    pub page: Option<i64>,
}

/// What a viewer's list holds: staff and leaders their subtree, a member
/// the letters they wrote, a unit what was forwarded to it.
pub fn filter_for(me: &Participant, kind: &str, stage: &str) -> LetterFilter {
    let mut f = LetterFilter {
        kind: LetterKind::from_code(kind),
        stage: LetterStage::from_code(stage),
        ..LetterFilter::default()
    };
    match me.role {
        Role::Member => f.member = Some(me.member.unwrap_or(domain::MemberId(0))),
        Role::UnitClerk => f.unit = Some(me.unit.unwrap_or(domain::UnitId(0))),
        _ => f.orgs = Some(me.org_path.clone()),
    }
    f
}

#[derive(Template)]
#[template(path = "letters/list.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<LetterRow>,
    total: i64,
    kind: String,
    stage: String,
}

impl ListPage {
    fn kinds(&self) -> [LetterKind; 2] {
        LetterKind::ALL
    }
    fn stages(&self) -> [LetterStage; 4] {
        LetterStage::ALL
    }
    fn kind_label(&self, code: &str) -> &'static str {
        LetterKind::from_code(code).map_or("", LetterKind::label)
    }
    fn stage_label(&self, code: &str) -> &'static str {
        LetterStage::from_code(code).map_or("", LetterStage::label)
    }
}

pub async fn list(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnProposals, Target::None)?;
    let me = Participant::from(&user);
    let filter = filter_for(&me, &q.kind, &q.stage);
    let page = store::letter::list(&state.db, &filter, q.page.unwrap_or(1), 50).await?;
    render(ListPage {
        shell: Shell::new(&user, "意见建议与委员来信", "/proposals"),
        total: page.total,
        rows: page.rows,
        kind: q.kind,
        stage: q.stage,
    })
}

/// A step the viewer may take now.
pub struct Offer {
    pub code: &'static str,
    pub label: String,
    pub unit: Option<i64>,
}

#[derive(Template)]
#[template(path = "letters/record.html")]
struct RecordPage {
    shell: Shell,
    s: Stored,
    proposal_title: Option<String>,
    units: Vec<(i64, String)>,
    assignments: Vec<(String, &'static str, String, Option<Answer>)>,
    history: Vec<HistoryRow>,
    offers: Vec<Offer>,
    failed: Option<Failed>,
}

impl RecordPage {
    fn val(&self, code: &str, name: &str) -> &str {
        crate::failed_step::typed(&self.failed, code, name)
    }
    fn classes(&self) -> [AnswerClass; 3] {
        AnswerClass::ALL
    }
    fn when(&self, at: &i64) -> String {
        crate::view::when(Some(*at))
    }
    fn action_label(&self, code: &str) -> &'static str {
        match code {
            "convert" => "由提案转来",
            "forward" => "转交承办单位",
            "reply" => "承办单位回复",
            "accept" => "确认回复",
            "send_back" => "退回回复",
            "return" => "承办单位退回",
            "close" => "办结",
            _ => "办理",
        }
    }
}

/// The steps the rules would accept from this viewer now, found by asking
/// them with sample data (refusals for the sample's made-up text still
/// offer the step).
fn offers(
    state: &AppState,
    s: &Stored,
    actor: LetterActor,
    units: &[(i64, String)],
    (policy, calendar): &(
        domain::tracking::TrackingPolicy,
        domain::calendar::WorkCalendar,
    ),
) -> Vec<Offer> {
    let mut samples: Vec<(&'static str, String, Option<i64>, Form)> = Vec::new();
    let form = |pairs: &[(&str, String)]| -> Form {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    };
    let any_unit = units.first().map_or(0, |u| u.0);
    samples.push((
        "forward",
        "转交承办单位".into(),
        None,
        form(&[("do", "forward".into()), ("unit", any_unit.to_string())]),
    ));
    samples.push((
        "reply",
        "回复".into(),
        None,
        form(&[
            ("do", "reply".into()),
            ("class", "A".into()),
            ("signed_by", "张三".into()),
            ("contact_person", "李四".into()),
            ("contact_phone", "023-63000000".into()),
            ("text", "示例回复内容，".repeat(10)),
        ]),
    ));
    samples.push((
        "return",
        "退回（不属本单位职责）".into(),
        None,
        form(&[("do", "return".into()), ("reason", "示例".into())]),
    ));
    for a in s.letter.tracking.live() {
        let name = unit_name(units, a.unit);
        let u = a.unit.0.to_string();
        samples.push((
            "accept",
            format!("确认{name}的回复"),
            Some(a.unit.0),
            form(&[("do", "accept".into()), ("unit", u.clone())]),
        ));
        samples.push((
            "send_back_answer",
            format!("退回{name}的回复"),
            Some(a.unit.0),
            form(&[
                ("do", "send_back_answer".into()),
                ("unit", u),
                ("reason", "示例".into()),
            ]),
        ));
    }
    samples.push((
        "close",
        "办结".into(),
        None,
        form(&[("do", "close".into()), ("note", "示例".into())]),
    ));
    let now = state.now();
    let today = state.today();
    let ctx = domain::tracking::Context {
        at: now,
        today,
        calendar,
        policy,
    };
    samples
        .into_iter()
        .filter(|(_, _, _, f)| match action_from(actor, f) {
            Ok(action) => domain::letter::apply(&s.letter, &action, actor, &ctx).is_ok(),
            Err(_) => false,
        })
        .map(|(code, label, unit, _)| Offer { code, label, unit })
        .collect()
}

async fn show(
    state: &AppState,
    user: &User,
    s: Stored,
    actor: LetterActor,
    notice: Notice,
    failed: Option<Failed>,
) -> WebResult<RecordPage> {
    let units = unit_options(state, &s).await?;
    let proposal_title = match s.proposal {
        Some(p) => store::proposal::load(&state.db, p)
            .await
            .ok()
            .map(|x| x.text.title),
        None => None,
    };
    let assignments = s
        .letter
        .tracking
        .assignments
        .iter()
        .map(|a| {
            let shown = matches!(a.state, AssignmentState::Accepted | AssignmentState::Closed)
                || actor != LetterActor::Reader;
            (
                unit_name(&units, a.unit),
                a.state.label(),
                a.due.to_string(),
                a.answer.clone().filter(|_| shown),
            )
        })
        .collect();
    let history = store::letter::history(&state.db, s.id).await?;
    let setting = store::letter::policy_for(&state.db, s.org_id).await?;
    let offers = offers(state, &s, actor, &units, &setting);
    Ok(RecordPage {
        shell: Shell::new(user, s.title.clone(), "/proposals").notice(notice),
        proposal_title,
        units,
        assignments,
        history,
        offers,
        failed,
        s,
    })
}

pub async fn record(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    notice: Notice,
    user: User,
) -> WebResult<Response> {
    user.may(Permission::WorkOnProposals, Target::None)?;
    let me = Participant::from(&user);
    let (stored, actor) = load_letter(&state, &me, id).await?;
    render(show(&state, &user, stored, actor, notice, None).await?)
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnProposals, Target::None)?;
    let me = Participant::from(&user);
    let (stored, actor) = load_letter(&state, &me, id).await?;
    if actor == LetterActor::Reader {
        // Members and leaders read it; no step is theirs.
        return Err(crate::error::WebError::Forbidden);
    }
    let code = form.get("do").cloned().unwrap_or_default();
    let result = super::step(&state, &user.who(), actor, id, &form).await;
    let failed = match result {
        Ok(_) => return Ok(done(&format!("/letters/{id}"), "done_step")),
        Err(e) => Failed::of(e, code, form)?,
    };
    let status = failed.status;
    let page = show(
        &state,
        &user,
        stored,
        actor,
        Notice::default(),
        Some(failed),
    )
    .await?;
    render_record(page, Some(status))
}
