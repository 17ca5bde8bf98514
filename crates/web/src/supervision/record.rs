//! One topic: its facts, activities, opinions with each unit's plan and
//! results, the steps open to the viewer, and the history. The one step
//! endpoint re-renders the page with the message and the input kept when a
//! step is refused or its input is bad.

use crate::files::{open_places, topic_steps, AttachError, FileBlocks};
use std::collections::HashMap;
use store::files::OwnerKind;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::permission::{Action as Permission, Target};
use domain::supervision::{offers, ActionKind, ActivityKind, SupervisionOpinion, Who};
use domain::{FieldErrors, MemberId, TopicId, UnitId};
use store::supervision::{HistoryRow, Stored};

use super::{action_from, field, visible, who, Form};
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, when};

/// The steps open to `who` on every unit assignment of every opinion, as
/// (opinion, unit, step code).
pub fn steps_of(stored: &Stored, who: &Who) -> Vec<(u32, UnitId, &'static str)> {
    let t = &stored.topic;
    t.opinions
        .iter()
        .flat_map(|o| {
            o.tracking
                .answering()
                .flat_map(move |a| {
                    o.steps_for(t.stage, who, a.unit)
                        .into_iter()
                        .map(move |s| (o.seq, a.unit, s))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A refused or invalid step: what to say and what was typed.
pub struct Failed {
    pub code: String,
    pub message: String,
    pub errors: FieldErrors,
    pub kept: Form,
}

#[derive(Template)]
#[template(path = "supervision/record.html")]
struct RecordPage {
    shell: Shell,
    s: Stored,
    members: HashMap<MemberId, String>,
    units: HashMap<UnitId, String>,
    offers: Vec<ActionKind>,
    steps: Vec<(u32, UnitId, &'static str)>,
    history: Vec<HistoryRow>,
    failed: Option<Failed>,
    activity_kinds: &'static [ActivityKind],
    today: time::Date,
    policy: domain::tracking::TrackingPolicy,
    unit_choices: Vec<(UnitId, String)>,
    /// Each department's rectification files per opinion, and where this
    /// user may attach.
    files: FileBlocks,
}

impl RecordPage {
    fn offered(&self, kind: &ActionKind) -> bool {
        self.offers.contains(kind)
    }
    fn step(&self, opinion: &u32, unit: &UnitId, code: &str) -> bool {
        self.steps.contains(&(*opinion, *unit, code))
    }
    fn member(&self, m: &MemberId) -> String {
        self.members
            .get(m)
            .cloned()
            .unwrap_or_else(|| format!("委员{m}"))
    }
    fn members_of(&self, ids: &[MemberId]) -> String {
        ids.iter()
            .map(|m| self.member(m))
            .collect::<Vec<_>>()
            .join("、")
    }
    fn unit(&self, u: &UnitId) -> String {
        self.units
            .get(u)
            .cloned()
            .unwrap_or_else(|| format!("单位{u}"))
    }
    /// The kept value of a field of the failed form `code`.
    fn kept(&self, code: &str, name: &str) -> String {
        match &self.failed {
            Some(f) if f.code == code => field(&f.kept, name).to_string(),
            _ => String::new(),
        }
    }
    fn evidence_of(&self, o: &SupervisionOpinion, unit: &UnitId) -> Vec<String> {
        o.evidence
            .iter()
            .filter(|e| e.unit == *unit)
            .map(|e| format!("{}：{}", e.on, e.text))
            .collect()
    }
    fn stages(&self) -> &'static [domain::supervision::Stage] {
        domain::supervision::Stage::ALL
    }
    fn today_date(&self) -> time::Date {
        self.today
    }
    fn policy(&self) -> &domain::tracking::TrackingPolicy {
        &self.policy
    }
    fn warning_code(&self, w: &domain::tracking::Warning) -> &'static str {
        match w {
            domain::tracking::Warning::Blue => "blue",
            domain::tracking::Warning::Yellow => "yellow",
            domain::tracking::Warning::Red => "red",
            domain::tracking::Warning::Overdue => "overdue",
        }
    }
    fn state_label(&self, a: &domain::tracking::Assignment) -> &'static str {
        super::state_label(a)
    }
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    fn history_label(&self, h: &HistoryRow) -> String {
        let base = ActionKind::parse(&h.action).map_or("立项", |k| k.label());
        let step = domain::tracking::TrackingActionKind::ALL
            .into_iter()
            .find(|k| k.code() == h.step);
        match (h.action.as_str(), step) {
            ("track", Some(k)) => format!("{}（整改方案）", k.label()),
            _ => base.to_string(),
        }
    }
}

async fn load_visible(state: &AppState, user: &User, id: i64) -> WebResult<Stored> {
    user.may(Permission::WorkOnSupervision, Target::None)?;
    let stored = store::supervision::load(&state.db, TopicId(id)).await?;
    if !visible(&Participant::from(user), &stored) {
        return Err(WebError::NotFound);
    }
    Ok(stored)
}

async fn show(
    state: &AppState,
    user: &User,
    stored: Stored,
    notice: Notice,
    failed: Option<Failed>,
    attach_error: Option<AttachError>,
) -> WebResult<RecordPage> {
    let me = Participant::from(user);
    let rules = who(&me, Some(&stored));
    let t = &stored.topic;
    let mut member_ids = t.members.clone();
    member_ids.extend(t.activities.iter().flat_map(|a| a.participants.clone()));
    let unit_ids: Vec<UnitId> = t
        .opinions
        .iter()
        .flat_map(|o| o.tracking.assignments.iter().map(|a| a.unit))
        .collect();
    let steps = steps_of(&stored, &rules);
    let kind = OwnerKind::SupervisionEvidence;
    let open = open_places(kind, &me, topic_steps(&steps));
    let files = FileBlocks::load(state, kind, t.id.0, open, attach_error).await?;
    Ok(RecordPage {
        files,
        shell: Shell::new(user, t.text.title.clone(), "/supervision").notice(notice),
        members: store::names::members(&state.db, &member_ids).await?,
        units: store::names::units(&state.db, &unit_ids).await?,
        offers: offers(t, &rules),
        steps,
        history: store::supervision::history(&state.db, t.id).await?,
        failed,
        activity_kinds: ActivityKind::ALL,
        today: state.today(),
        policy: store::supervision::setting_for(&state.db, t.org)
            .await?
            .policy,
        unit_choices: store::proposal::units_of(&state.db, t.org).await?,
        s: stored,
    })
}

pub async fn page(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    notice: Notice,
    user: User,
) -> WebResult<Response> {
    let stored = load_visible(&state, &user, id).await?;
    crate::view::render(show(&state, &user, stored, notice, None, None).await?)
}

/// The page again after a refused upload, with the message at its form.
pub async fn record_with_attach_error(
    state: &AppState,
    user: &User,
    error: AttachError,
) -> WebResult<Response> {
    let stored = load_visible(state, user, error.owner.record).await?;
    let page = show(state, user, stored, Notice::default(), None, Some(error)).await?;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::response::Html(page.render()?),
    )
        .into_response())
}

/// One step from a form (page or API) by `me` on a topic they can see: the
/// form read into an action with the rules' view of `me`, then the store.
pub async fn step(
    state: &AppState,
    me: &Participant,
    audit: &store::audit::Who,
    stored: &Stored,
    form: &Form,
) -> WebResult<()> {
    let rules = who(me, Some(stored));
    let action = action_from(state, form, stored, &rules, me.user).await?;
    let id = stored.topic.id;
    store::supervision::act(&state.db, state.now(), audit, &rules, id, action).await?;
    Ok(())
}

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<Form>,
) -> WebResult<Response> {
    let stored = load_visible(&state, &user, id).await?;
    let me = Participant::from(&user);
    let code = field(&form, "do").to_string();
    let result = step(&state, &me, &user.who(), &stored, &form).await;
    let (status, message, errors) = match result {
        Ok(_) => return Ok(done(&format!("/supervision/{id}"), "done_step")),
        Err(WebError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "请修改以下内容".to_string(),
            errors,
        ),
        // Never offered to this user: the plain 403 page, no record data.
        Err(WebError::Refused(r)) if r.kind == domain::refusal::RefusalKind::NotPermitted => {
            return Err(WebError::Refused(r));
        }
        Err(WebError::Refused(r)) => {
            let status = match r.kind {
                domain::refusal::RefusalKind::NotPermitted => StatusCode::FORBIDDEN,
                domain::refusal::RefusalKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::CONFLICT,
            };
            (status, r.message, FieldErrors::new())
        }
        Err(WebError::Conflict(m)) => (StatusCode::CONFLICT, m, FieldErrors::new()),
        Err(e) => return Err(e),
    };
    let failed = Failed {
        code,
        message,
        errors,
        kept: form,
    };
    let page = show(&state, &user, stored, Notice::default(), Some(failed), None).await?;
    Ok((status, axum::response::Html(page.render()?)).into_response())
}
