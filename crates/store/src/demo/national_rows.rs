//! One national demo proposal, applied in memory and turned into rows.
//!
//! The steps come from [`super::script`], and each goes through
//! `domain::proposal::create` / `apply` exactly as `crate::proposal::act`
//! would send it, numbers included; only the writes differ. The rows are
//! those `act` leaves: the record with its JSON aggregate and text columns,
//! one history row per step, the member and unit projections, a search
//! feed entry and the deadline warnings still pending. Per-step audit
//! entries are left out: the load writes one audit entry for the whole demo.

use domain::proposal::{
    self, Action, CosignStatus, Proposal, ProposalInput, ProposalNumber, ProposerKind, Stage,
    Transition,
};
use domain::{MemberId, OrgId, ProposalId, TermId, UnitId, UserId};

use super::bulk::Batch;
use super::proposal_texts::ProposalText;
use super::script::{steps, Cast};
use crate::error::{Result, StoreError};
use crate::proposal::warnings::{morning_of, CLOSE_COSIGNING, KIND as WARNING};
use crate::proposal::Setting;

const DAY: i64 = 86_400;

/// The rows of many proposals, rendered as multi-row statements.
pub(super) struct Rows {
    proposals: Batch,
    members: Batch,
    units: Batch,
    history: Batch,
    feed: Batch,
    jobs: Batch,
}

impl Rows {
    pub(super) fn new() -> Rows {
        Rows {
            proposals: Batch::new(
                "proposals",
                &[
                    "id",
                    "org_id",
                    "term_id",
                    "year",
                    "number_seq",
                    "title",
                    "analysis",
                    "suggestions",
                    "category",
                    "public",
                    "suggested_units",
                    "proposer_kind",
                    "author_user_id",
                    "initiator_member_id",
                    "stage",
                    "version",
                    "aggregate",
                    "submitted_at",
                    "created_at",
                    "updated_at",
                ],
                200,
            ),
            members: Batch::new(
                "proposal_members",
                &["proposal_id", "member_id", "role", "status"],
                1000,
            ),
            units: Batch::new(
                "proposal_units",
                &[
                    "proposal_id",
                    "seq",
                    "unit_id",
                    "role",
                    "state",
                    "assigned_on",
                    "due_on",
                    "answer_class",
                ],
                1000,
            ),
            history: Batch::new(
                "proposal_history",
                &[
                    "proposal_id",
                    "at",
                    "actor_user_id",
                    "actor_login",
                    "action",
                    "from_stage",
                    "to_stage",
                    "comment",
                    "detail",
                ],
                500,
            ),
            feed: Batch::new("search_feed", &["item_id", "kind", "at"], 2000),
            jobs: Batch::new(
                "jobs",
                &[
                    "kind",
                    "payload",
                    "dedupe_key",
                    "run_at",
                    "created_at",
                    "updated_at",
                ],
                1000,
            ),
        }
    }

    /// Every statement so far, parents before children.
    pub(super) fn take(&mut self) -> Vec<String> {
        let mut all = self.proposals.take();
        for batch in [
            &mut self.members,
            &mut self.units,
            &mut self.history,
            &mut self.feed,
            &mut self.jobs,
        ] {
            all.extend(batch.take());
        }
        all
    }
}

/// One proposal to generate.
pub(super) struct Spec<'a> {
    pub(super) id: i64,
    pub(super) org: OrgId,
    pub(super) term: TermId,
    pub(super) year: i32,
    pub(super) member: MemberId,
    pub(super) staff: UserId,
    pub(super) units: &'a [UnitId],
    pub(super) seed: u64,
    pub(super) place: &'a str,
    pub(super) end: &'a str,
    /// When the draft was started; step `n` days later happens `n` days on.
    pub(super) start: i64,
    pub(super) cosigners: Vec<MemberId>,
    pub(super) merge_into: Option<proposal::MergeTarget>,
}

/// Applies the proposal's steps and adds its rows. `last_number` is the
/// last number issued in its organisation, term and year. Returns the
/// final record.
pub(super) fn generate(
    rows: &mut Rows,
    setting: &Setting,
    spec: &Spec<'_>,
    text: &ProposalText,
    input: ProposalInput,
    last_number: &mut Option<ProposalNumber>,
) -> Result<Proposal> {
    let entering = proposal::Who {
        user: Some(spec.staff),
        member: Some(spec.member),
        ..proposal::Who::default()
    };
    let refused = |e| StoreError::Other(format!("demo proposal {}: {e}", spec.seed));
    let content = input
        .parse(&setting.policy.categories)
        .map_err(|e| StoreError::Other(format!("demo text {}: {e}", spec.seed)))?;
    let created = proposal::create(
        ProposalId(spec.id),
        spec.org,
        spec.term,
        spec.year,
        proposal::Proposer::Member(spec.member),
        &entering,
        &setting.context(spec.start),
    )
    .map_err(refused)?;
    history(rows, spec, &created.transition);
    let mut p = created.next;
    let mut text_now = input;
    let mut submitted_at = None;
    let mut at = spec.start;
    let cast = Cast {
        staff: spec.staff,
        member: spec.member,
        units: spec.units,
        term: spec.term,
        year: spec.year,
        place: spec.place,
        seed: spec.seed,
        contact_on: crate::clock::local_date(spec.start + 35 * DAY),
        cosigners: spec.cosigners.clone(),
        merge_into: spec.merge_into,
    };
    let mut assigned_at = at;
    for step in steps(text, content, spec.end, &cast)? {
        at = spec.start + step.days * DAY;
        let mut issue = || {
            let n = ProposalNumber::next_after(*last_number, spec.term, spec.year);
            *last_number = Some(n);
            n
        };
        let action = match step.action {
            Action::File { .. } => Action::File { number: issue() },
            Action::Merge { into, .. } => Action::Merge {
                into,
                number: issue(),
            },
            other => other,
        };
        if let Action::Submit { content } = &action {
            text_now = submitted_text(content);
        }
        let applied =
            proposal::apply(&p, &action, &step.who, &setting.context(at)).map_err(refused)?;
        let t = &applied.transition;
        if t.to == Stage::Submitted && t.from != Some(Stage::Submitted) {
            submitted_at = Some(at);
        }
        if !t.assignments.is_empty() {
            assigned_at = at;
        }
        history(rows, spec, t);
        p = applied.next;
    }
    let aggregate = serde_json::to_string(&p).map_err(|e| StoreError::Other(e.to_string()))?;
    let public = i64::from(!matches!(text_now.public.trim(), "0" | "否" | ""));
    let initiator = match p.proposer {
        proposal::Proposer::Member(m) => Some(m.0),
        proposal::Proposer::Body { .. } => None,
    };
    rows.proposals.push(&[
        p.id.0.into(),
        p.org.0.into(),
        p.term.0.into(),
        i64::from(p.year).into(),
        p.number.map(|n| i64::from(n.seq)).into(),
        text_now.title.as_str().into(),
        text_now.analysis.as_str().into(),
        text_now.suggestions.as_str().into(),
        text_now.category.as_str().into(),
        public.into(),
        text_now.suggested_units.as_str().into(),
        kind_code(&p).into(),
        spec.staff.0.into(),
        initiator.into(),
        p.stage.code().into(),
        (p.version as i64).into(),
        aggregate.as_str().into(),
        submitted_at.into(),
        spec.start.into(),
        at.into(),
    ]);
    project(rows, &p);
    rows.feed
        .push(&[p.id.0.into(), "proposal".into(), at.into()]);
    if matches!(p.stage, Stage::Assigned | Stage::Handling) {
        warnings(rows, setting, &p, assigned_at);
    }
    if let (Stage::CollectingCosigners, Some(deadline)) = (p.stage, p.cosign_deadline) {
        // As `warnings::schedule_cosigning`: close the window the morning
        // after its last day. The invited members have no accounts to notify.
        let run_at = morning_of(deadline + time::Duration::days(1)).max(at);
        let payload = serde_json::json!({ "proposal_id": p.id.0 }).to_string();
        let key = format!("cosign:proposal:{}:{deadline}", p.id);
        rows.jobs.push(&[
            CLOSE_COSIGNING.into(),
            payload.as_str().into(),
            key.as_str().into(),
            run_at.into(),
            at.into(),
            at.into(),
        ]);
    }
    Ok(p)
}

/// The text columns `act` writes on submission: the parsed content.
fn submitted_text(content: &proposal::ProposalContent) -> ProposalInput {
    ProposalInput {
        title: content.title.as_str().to_string(),
        analysis: content.analysis.as_str().to_string(),
        suggestions: content.suggestions.as_str().to_string(),
        category: content.category.as_str().to_string(),
        public: if content.public { "1" } else { "0" }.into(),
        suggested_units: content
            .suggested_units
            .iter()
            .map(|u| u.to_string())
            .collect::<Vec<_>>()
            .join(","),
    }
}

fn kind_code(p: &Proposal) -> &'static str {
    match p.kind() {
        ProposerKind::Individual => "individual",
        ProposerKind::Joint => "joint",
        ProposerKind::Collective => "collective",
    }
}

fn history(rows: &mut Rows, spec: &Spec<'_>, t: &Transition) {
    let detail = serde_json::to_string(&t.action).unwrap_or_default();
    rows.history.push(&[
        spec.id.into(),
        t.at.into(),
        spec.staff.0.into(),
        "demo".into(),
        t.action.kind().code().into(),
        t.from.map(|s| s.code()).unwrap_or("").into(),
        t.to.code().into(),
        t.comment.as_deref().unwrap_or("").into(),
        detail.as_str().into(),
    ]);
}

/// The member and unit projections, as `crate::proposal` writes them.
fn project(rows: &mut Rows, p: &Proposal) {
    let id = p.id.0;
    if let proposal::Proposer::Member(m) = p.proposer {
        rows.members.push(&[
            id.into(),
            m.0.into(),
            "initiator".into(),
            "confirmed".into(),
        ]);
    }
    for c in &p.cosigners {
        let status = match c.status {
            CosignStatus::Invited => "invited",
            CosignStatus::Confirmed => "confirmed",
            CosignStatus::Declined => "declined",
            CosignStatus::Lapsed => "lapsed",
        };
        rows.members.push(&[
            id.into(),
            c.member.0.into(),
            "cosigner".into(),
            status.into(),
        ]);
    }
    for a in &p.tracking.assignments {
        let class = a.answer.as_ref().map(|x| x.class.code()).unwrap_or("");
        rows.units.push(&[
            id.into(),
            i64::from(a.seq).into(),
            a.unit.0.into(),
            a.role.code().into(),
            a.state.code().into(),
            a.assigned_on.to_string().as_str().into(),
            a.due.to_string().as_str().into(),
            class.into(),
        ]);
    }
}

/// The blue, yellow and red warnings `crate::proposal::warnings::schedule`
/// enqueued at assignment, for units that still owe their answer.
fn warnings(rows: &mut Rows, setting: &Setting, p: &Proposal, assigned_at: i64) {
    let w = &setting.tracking.warnings;
    for a in p.tracking.assignments.iter().filter(|a| a.is_answering()) {
        for (level, days) in [("blue", w.blue), ("yellow", w.yellow), ("red", w.red)] {
            let run_at = morning_of(a.due - time::Duration::days(days)).max(assigned_at);
            let key = format!("warn:proposal:{}:{}:{}:{level}", p.id, a.seq, a.due);
            let payload = serde_json::json!({ "proposal_id": p.id.0, "seq": a.seq, "unit_id": a.unit.0, "level": level, "due": a.due.to_string() });
            rows.jobs.push(&[
                WARNING.into(),
                payload.to_string().as_str().into(),
                key.as_str().into(),
                run_at.into(),
                assigned_at.into(),
                assigned_at.into(),
            ]);
        }
    }
}
