//! A report's page: title and stage, key facts, where it came from, the
//! text (the original and staff's edit side by side, with a diff), every
//! step taken, and the steps this user may take now.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::opinion::diff::{diff, Change, Part};
use domain::opinion::upward::{InstructionLevel, NationalOutcome};
use domain::opinion::{self, Action, ActionKind, Context, OpinionInput, OpinionText, Stage};
use domain::refusal::Reason;
use domain::OpinionId;
use store::opinion::{HistoryRow, Stored};

use super::act::{visible, who};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::when;

/// One section of the text: its label, the original, the edited text and
/// their diff (when edited).
pub struct Section {
    pub label: &'static str,
    pub original: String,
    pub edited: String,
    pub diff: Vec<Part>,
}

#[derive(Template)]
#[template(path = "opinions/record.html")]
struct RecordPage {
    shell: Shell,
    s: Stored,
    stage: Stage,
    sections: Vec<Section>,
    edited: bool,
    history: Vec<HistoryRow>,
    /// The steps open to this user now, by code.
    offers: Vec<&'static str>,
    /// The form of the staff edit step: the failed input, else the text.
    edit_text: OpinionInput,
    edit_errors: domain::FieldErrors,
    categories: Vec<String>,
    recommended: usize,
    chars: usize,
    from_proposal: Option<(i64, String)>,
    /// The co-authors' names.
    coauthors: Vec<String>,
    failed: Option<Failed>,
    /// 区县 → 市 → 全国, lowest first (one step when never sent up).
    chain: Vec<store::opinion::ChainStep>,
    instructions: Vec<store::opinion::instruct::InstructionRow>,
    /// The bulletin it is in: (id, 《社情民意》…期).
    bulletin: Option<(i64, String)>,
    levels: Vec<(&'static str, &'static str)>,
    outcomes: Vec<(&'static str, &'static str)>,
}

pub use crate::failed_step::Failed;

impl RecordPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    fn offered(&self, code: &str) -> bool {
        self.offers.contains(&code)
    }
    /// What the user typed into the failed form, if it was this one.
    fn val(&self, code: &str, name: &str) -> &str {
        crate::failed_step::typed(&self.failed, code, name)
    }
    fn error(&self, name: &str) -> Option<&str> {
        self.failed.as_ref().and_then(|f| f.errors.get(name))
    }
    fn stage_label(&self, code: &str) -> &'static str {
        Stage::from_code(code).map(Stage::label).unwrap_or("")
    }
    fn action_label(&self, code: &str) -> &'static str {
        ActionKind::from_code(code).map(|k| k.label()).unwrap_or("")
    }
    fn part_class(&self, part: &Part) -> &'static str {
        match part.change {
            Change::Same => "same",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }
}

fn sections(original: &OpinionText, edited: Option<&OpinionText>) -> Vec<Section> {
    let pick = |t: &OpinionText, i: usize| match i {
        0 => t.title.clone(),
        1 => t.situation.clone(),
        2 => t.analysis.clone(),
        _ => t.suggestion.clone(),
    };
    ["标题", "情况", "分析", "建议"]
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let before = pick(original, i);
            let after = edited.map(|e| pick(e, i)).unwrap_or_default();
            Section {
                label,
                diff: edited.map(|_| diff(&before, &after)).unwrap_or_default(),
                original: before,
                edited: after,
            }
        })
        .collect()
}

/// The steps the rules would accept from this user now.
pub fn offers(o: &opinion::Opinion, who: &opinion::Who, ctx: &Context<'_>) -> Vec<&'static str> {
    let sample = Reason::parse("示例", "说明").ok();
    let mut out = Vec::new();
    let mut candidates = vec![
        (
            "edit_draft",
            Some(Action::EditDraft {
                text: o.text.clone(),
            }),
        ),
        ("submit", Some(Action::Submit)),
        (
            "edit",
            Some(Action::Edit {
                text: o.current().clone(),
            }),
        ),
        ("review", Some(Action::Review { comment: None })),
        ("sign_off", Some(Action::SignOff)),
        ("adopt", Some(Action::Adopt { note: None })),
    ];
    candidates.push(("keep", sample.clone().map(|reason| Action::Keep { reason })));
    candidates.push(("withdraw", sample.map(|reason| Action::Withdraw { reason })));
    for (code, action) in candidates {
        if let Some(action) = action {
            if opinion::apply(o, &action, who, ctx).is_ok() {
                out.push(code);
            }
        }
    }
    out
}

pub async fn page(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    show(&state, &user, id, notice, None).await
}

/// Renders the record page, with a failed step's message and input if any.
pub async fn show(
    state: &AppState,
    user: &User,
    id: i64,
    notice: Notice,
    failed: Option<Failed>,
) -> WebResult<Response> {
    let s = store::opinion::load(&state.db, OpinionId(id)).await?;
    let me = Participant::from(user);
    if !visible(&me, &s) {
        return Err(WebError::NotFound);
    }
    let o = &s.opinion;
    let policy = store::opinion::policy_for(&state.db, o.org).await?;
    let ctx = Context {
        at: state.now(),
        policy: &policy,
    };
    let mut offers = offers(o, &who(&me, Some(&s)), &ctx);
    offers.extend(super::after::offers(state, &me, &s).await?);
    let original = o.original.as_ref().unwrap_or(&o.text);
    let from_proposal = match o.from_proposal {
        Some(p) => store::proposal::load(&state.db, p)
            .await
            .ok()
            .map(|x| (p.0, x.text.title)),
        None => None,
    };
    let edit_text = match &failed {
        Some(f) if f.code == "edit" || f.code == "edit_draft" => super::act::input_of(&f.form),
        _ => OpinionInput::from_text(o.current()),
    };
    let root = domain::org::OrgPath::from_stored("/".into());
    let mut coauthors = Vec::new();
    for m in &o.coauthors {
        if let Ok(member) = store::member::get_member(&state.db, &root, *m).await {
            coauthors.push(member.row.name);
        }
    }
    let edit_errors = match &failed {
        Some(f) if f.code == "edit" || f.code == "edit_draft" => f.errors.clone(),
        _ => domain::FieldErrors::new(),
    };
    let page = RecordPage {
        edit_errors,
        shell: Shell::new(user, "社情民意信息", "/opinions").notice(notice),
        stage: o.stage,
        sections: sections(original, o.edited.as_ref()),
        edited: o.edited.is_some(),
        history: store::opinion::history(&state.db, o.id).await?,
        offers,
        edit_text,
        categories: policy.categories.clone(),
        recommended: policy.recommended_chars,
        chars: o.current().chars(),
        from_proposal,
        coauthors,
        failed,
        chain: store::opinion::chain(&state.db, o.id).await?,
        instructions: store::opinion::instruct::instructions(&state.db, o.id).await?,
        bulletin: store::opinion::bulletin::bulletin_of(&state.db, o.id).await?,
        levels: InstructionLevel::ALL
            .iter()
            .map(|l| (l.code(), l.label()))
            .collect(),
        outcomes: NationalOutcome::ALL
            .iter()
            .map(|l| (l.code(), l.label()))
            .collect(),
        s,
    };
    let status = page.failed.as_ref().map(|f| f.status);
    crate::failed_step::render_record(page, status)
}
