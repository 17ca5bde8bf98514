//! A proposal's page: title and stage, key facts, the text, the units and
//! their answers, every step taken, and the steps this user may take now.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::catalog::CatalogKind;
use domain::proposal::{self, ProposalNumber};
use domain::tracking::Assignment;
use domain::ProposalId;
use store::proposal::{HistoryRow, Setting, Stored};

use super::offers::{offers, Offer};
use super::{visible, Participant};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::files::{open_places, proposal_steps, AttachError, FileBlocks};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::when;
use store::files::OwnerKind;

#[derive(Template)]
#[template(path = "proposals/record.html")]
struct RecordPage {
    shell: Shell,
    s: Stored,
    number: String,
    history: Vec<HistoryRow>,
    offers: Vec<Offer>,
    units: Vec<(i64, String)>,
    decline_reasons: Vec<(&'static str, &'static str)>,
    proposer: String,
    /// Leaders who may supervise a key proposal, and the proposers staff
    /// may rate for.
    leaders: Vec<(i64, String)>,
    proposer_options: Vec<(i64, String)>,
    supervision_kinds: Vec<&'static str>,
    /// The proposal this one was merged into, and those merged into this
    /// one: (id, number, title).
    merged_into: Option<(i64, String, String)>,
    merged: Vec<(i64, String, String)>,
    /// The 社情民意信息 this proposal was converted to: (id, title).
    converted_opinion: Option<(i64, String)>,
    /// The 意见建议 or 委员来信 it was converted to: (id, kind, title).
    converted_letter: Option<(i64, domain::letter::LetterKind, String)>,
    /// For staff at review: the most similar other proposals, which is
    /// how duplicates and merges are found.
    similar: Vec<(crate::search::SimilarHit, String)>,
    /// For the units' deadline warnings.
    policy: domain::tracking::TrackingPolicy,
    today: time::Date,
    /// A step that was refused or had bad fields: its code, the message
    /// and what was typed, so the form comes back filled in.
    failed: Option<Failed>,
    /// The units' answer attachments, and where this user may attach.
    files: FileBlocks,
}

pub use crate::failed_step::Failed;

/// The Chinese names of a step form's fields, for error messages.
fn field_label(name: &str) -> &str {
    match name {
        "reason" => "理由",
        "detail" => "说明",
        "note" => "沟通情况",
        "class" => "答复类别",
        "document_no" => "文号",
        "signed_by" => "签发人",
        "contact_person" => "联系人",
        "contact_phone" => "联系电话",
        "text" => "答复正文",
        "satisfaction" => "满意程度",
        "contacted" => "是否沟通",
        "on_point" => "是否切中要点",
        "comment" => "评价意见",
        "unit" => "承办单位",
        "result" => "落实结果",
        "co_units" => "会办或分办单位",
        "into" => "并入的提案",
        "until" => "延期至",
        "role" => "办理角色",
        "views" => "会办意见",
        other => other,
    }
}

impl RecordPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    /// What the user typed into the failed form, if it was this one.
    fn val(&self, code: &str, name: &str) -> &str {
        crate::failed_step::typed(&self.failed, code, name)
    }
    fn badge(&self) -> &'static str {
        match self.s.proposal.stage.code() {
            "closed" => "green",
            "draft" | "withdrawn" | "not_filed" | "converted" => "grey",
            _ => "blue",
        }
    }
    fn leader_name(&self, id: &domain::UserId) -> String {
        self.leaders
            .iter()
            .find(|(l, _)| *l == id.0)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "领导".into())
    }
    fn label_of<'a>(&self, name: &'a str) -> &'a str {
        field_label(name)
    }
    fn unit_name(&self, a: &Assignment) -> String {
        self.units
            .iter()
            .find(|(id, _)| *id == a.unit.0)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| format!("单位{}", a.unit))
    }
    /// The deadline warning of an answer still awaited: colour and words.
    fn warning(&self, a: &Assignment) -> Option<(&'static str, &'static str)> {
        a.warning(self.today, &self.policy)
            .map(|w| (super::list::warning_colour(w), w.label()))
    }
    fn stage_label(&self, code: &str) -> &'static str {
        proposal::Stage::from_code(code)
            .map(proposal::Stage::label)
            .unwrap_or("")
    }
    fn action_label(&self, code: &str) -> &'static str {
        proposal::ActionKind::all()
            .into_iter()
            .find(|k| k.code() == code)
            .map(|k| k.label())
            .unwrap_or("")
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    show(&state, &user, id, notice, None, None).await
}

/// The page again after a refused upload, with the message at its form.
pub async fn record_with_attach_error(
    state: &AppState,
    user: &User,
    error: AttachError,
) -> WebResult<Response> {
    let id = error.owner.record;
    show(state, user, id, Notice::default(), None, Some(error)).await
}

/// Renders the record page, with a failed step's message and input if any.
pub async fn show(
    state: &AppState,
    user: &User,
    id: i64,
    notice: Notice,
    failed: Option<Failed>,
    attach_error: Option<AttachError>,
) -> WebResult<Response> {
    let s = store::proposal::load(&state.db, ProposalId(id)).await?;
    let me = Participant::from(user);
    if !visible(&me, &s) {
        return Err(WebError::NotFound);
    }
    let p = &s.proposal;
    let units: Vec<(i64, String)> = store::org::list_catalog(
        &state.db,
        CatalogKind::Unit,
        &s.org_path,
        Some(p.org),
        false,
    )
    .await?
    .into_iter()
    .map(|u| (u.id, u.name))
    .collect();
    let setting = Setting::for_org(&state.db, p.org).await?;
    let ctx = setting.context(state.now());
    let offers = offers(&me, p, &units, &ctx);
    let number = p
        .number
        .map(|n: ProposalNumber| n.to_string())
        .unwrap_or_default();
    let proposer = match &p.proposer {
        domain::proposal::Proposer::Member(m) => {
            let root = domain::org::OrgPath::from_stored("/".into());
            store::member::get_member(&state.db, &root, *m)
                .await
                .map(|m| m.row.name)
                .unwrap_or_default()
        }
        domain::proposal::Proposer::Body { kind, name } => format!("{name}（{}）", kind.label()),
    };
    let root = domain::org::OrgPath::from_stored("/".into());
    let mut proposer_options = Vec::new();
    for m in p.proposers() {
        let name = store::member::get_member(&state.db, &root, m)
            .await
            .map(|x| x.row.name)
            .unwrap_or_default();
        proposer_options.push((m.0, name));
    }
    let leader_filter = store::user::AccountFilter {
        q: None,
        role: Some(domain::Role::Leader),
    };
    let leaders = store::user::list(
        &state.db,
        &user.live.account.org_path,
        &leader_filter,
        1,
        100,
    )
    .await?
    .rows
    .into_iter()
    .map(|a| (a.id.0, a.display_name))
    .collect();
    let merged_into = match p.merged_into {
        Some(into) => store::proposal::load(&state.db, into).await.ok().map(|t| {
            let no = t.proposal.number.map(|n| n.to_string()).unwrap_or_default();
            (into.0, no, t.text.title)
        }),
        None => None,
    };
    let merged = store::proposal::merged_into(&state.db, p)
        .await?
        .into_iter()
        .map(|(id, seq, title)| (id.0, format!("第{seq:04}号"), title))
        .collect();
    let at_review = matches!(
        p.stage,
        proposal::Stage::Submitted | proposal::Stage::UnderReview
    );
    let similar = if at_review && me.role == domain::Role::Staff {
        let text = format!("{} {}", s.text.title, s.text.analysis);
        let mut hits = Vec::new();
        for hit in crate::search::similar(state, &me, &text, Some(p.id.0)).await {
            let number = store::proposal::load(&state.db, ProposalId(hit.id))
                .await
                .ok()
                .and_then(|t| t.proposal.number)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "未立案".into());
            hits.push((hit, number));
        }
        hits
    } else {
        Vec::new()
    };
    let converted_opinion = match p.converted_to {
        Some(proposal::LinkedItem::Opinion(o)) => store::opinion::load(&state.db, o)
            .await
            .ok()
            .map(|x| (o.0, x.opinion.current().title.clone())),
        _ => None,
    };
    let converted_letter = match p.converted_to {
        Some(proposal::LinkedItem::Letter(_) | proposal::LinkedItem::Suggestion(_)) => {
            store::letter::for_proposal(&state.db, p.id).await?
        }
        _ => None,
    };
    let attach_failed = attach_error.is_some();
    let kind = OwnerKind::ProposalAnswer;
    let open = open_places(kind, &me, proposal_steps(&me, &offers));
    let files = FileBlocks::load(state, kind, p.id.0, open, attach_error).await?;
    let page = RecordPage {
        files,
        converted_letter,
        converted_opinion,
        policy: setting.tracking.clone(),
        today: state.today(),
        similar,
        merged_into,
        merged,
        leaders,
        proposer_options,
        supervision_kinds: domain::proposal::SupervisionKind::ALL
            .iter()
            .map(|k| k.label())
            .collect(),
        shell: Shell::new(user, "提案详情", "/proposals").notice(notice),
        history: store::proposal::history(&state.db, p.id).await?,
        number,
        offers,
        units,
        decline_reasons: domain::proposal::DeclineReason::ALL
            .iter()
            .map(|r| (r.code(), r.label()))
            .collect(),
        proposer,
        failed,
        s,
    };
    let status = page
        .failed
        .as_ref()
        .map(|f| f.status)
        .or(attach_failed.then_some(axum::http::StatusCode::UNPROCESSABLE_ENTITY));
    crate::failed_step::render_record(page, status)
}
