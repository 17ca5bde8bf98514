//! A proposal's page: title and stage, key facts, the text, the units and
//! their answers, every step taken, and the steps this user may take now.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use domain::catalog::CatalogKind;
use domain::proposal::{self, ProposalNumber};
use domain::tracking::Assignment;
use domain::ProposalId;
use store::proposal::{HistoryRow, Setting, Stored};

use super::act::action_from;
use super::{visible, who, Participant};
use crate::auth::User;
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{render, when};

/// A step the user may take now, with the unit it is about.
pub struct Offer {
    pub code: &'static str,
    pub label: &'static str,
    pub unit: Option<i64>,
    pub unit_name: String,
}

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
    /// A step that was refused or had bad fields: its code, the message
    /// and what was typed, so the form comes back filled in.
    failed: Option<Failed>,
}

pub struct Failed {
    /// 422 for bad fields, 409 for a step the record's state no longer allows.
    pub status: axum::http::StatusCode,
    pub code: String,
    pub message: String,
    pub errors: domain::FieldErrors,
    pub form: BTreeMap<String, String>,
}

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
        other => other,
    }
}

impl RecordPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
    }
    /// What the user typed into the failed form, if it was this one.
    fn val(&self, code: &str, name: &str) -> &str {
        match &self.failed {
            Some(f) if f.code == code => f.form.get(name).map(String::as_str).unwrap_or(""),
            _ => "",
        }
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

/// Sample forms for each step; a step is offered when the rules would
/// accept it from this user now (refusals for bad data still offer it).
/// A step with sample form data, to ask the rules whether it is open now.
type Sample = (
    &'static str,
    &'static str,
    Option<i64>,
    BTreeMap<String, String>,
);

fn samples(
    units: &[(i64, String)],
    assignments: &[Assignment],
    first_proposer: i64,
) -> Vec<Sample> {
    let form = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let text = "示例说明文字".to_string();
    let mut out = vec![
        (
            "mark_key",
            "确定为重点提案",
            None,
            form(&[("do", "mark_key".into()), ("leader", "1".into())]),
        ),
        (
            "record_supervision",
            "记录督办",
            None,
            form(&[
                ("do", "record_supervision".into()),
                ("kind", "视察".into()),
                ("note", text.clone()),
            ]),
        ),
        (
            "set_excellent",
            "评选为优秀提案",
            None,
            form(&[("do", "set_excellent".into()), ("excellent", "1".into())]),
        ),
        (
            "confirm_cosign",
            "确认联名",
            None,
            form(&[("do", "confirm_cosign".into())]),
        ),
        (
            "decline_cosign",
            "谢绝联名",
            None,
            form(&[("do", "decline_cosign".into())]),
        ),
        (
            "start_review",
            "开始审查",
            None,
            form(&[("do", "start_review".into())]),
        ),
        ("file", "立案", None, form(&[("do", "file".into())])),
        (
            "decline",
            "不予立案",
            None,
            form(&[
                ("do", "decline".into()),
                ("reason", "no_concrete_suggestion".into()),
            ]),
        ),
        (
            "send_back",
            "退回修改",
            None,
            form(&[("do", "send_back".into()), ("reason", text.clone())]),
        ),
        (
            "withdraw",
            "撤案",
            None,
            form(&[("do", "withdraw".into()), ("reason", text.clone())]),
        ),
        (
            "return",
            "退回交办（不属本单位职责）",
            None,
            form(&[("do", "return".into()), ("reason", text.clone())]),
        ),
        (
            "contact",
            "记录办前沟通",
            None,
            form(&[("do", "contact".into()), ("note", text.clone())]),
        ),
        (
            "draft_answer",
            "起草答复",
            None,
            form(&[
                ("do", "draft_answer".into()),
                ("class", "A".into()),
                ("signed_by", "张三".into()),
                ("contact_person", "李四".into()),
                ("contact_phone", "023-63000000".into()),
                ("text", "示例答复内容，".repeat(10)),
            ]),
        ),
        (
            "submit_answer",
            "提交答复待审核",
            None,
            form(&[("do", "submit_answer".into())]),
        ),
        ("close", "办结", None, form(&[("do", "close".into())])),
    ];
    if let Some((first, _)) = units.first() {
        out.push((
            "assign",
            "交办",
            None,
            form(&[("do", "assign".into()), ("unit", first.to_string())]),
        ));
    }
    for a in assignments {
        let unit = Some(a.unit.0);
        let u = a.unit.0.to_string();
        out.push((
            "accept",
            "审核通过答复",
            unit,
            form(&[("do", "accept".into()), ("unit", u.clone())]),
        ));
        out.push((
            "send_back_answer",
            "退回答复",
            unit,
            form(&[
                ("do", "send_back_answer".into()),
                ("unit", u.clone()),
                ("reason", text.clone()),
            ]),
        ));
        out.push((
            "rate",
            "评价",
            unit,
            form(&[
                ("do", "rate".into()),
                ("unit", u.clone()),
                ("satisfaction", "satisfied".into()),
                ("contacted", "是".into()),
                ("on_point", "是".into()),
            ]),
        ));
        out.push((
            "rate_on_behalf",
            "代提案人录入评价",
            unit,
            form(&[
                ("do", "rate_on_behalf".into()),
                ("unit", u.clone()),
                ("rater_member", first_proposer.to_string()),
                ("satisfaction", "satisfied".into()),
                ("contacted", "是".into()),
                ("on_point", "是".into()),
            ]),
        ));
        out.push((
            "record_followup",
            "记录B类答复落实结果",
            unit,
            form(&[
                ("do", "record_followup".into()),
                ("unit", u.clone()),
                ("result", text.clone()),
            ]),
        ));
        out.push((
            "rehandle",
            "重新办理",
            unit,
            form(&[
                ("do", "rehandle".into()),
                ("unit", u),
                ("reason", text.clone()),
            ]),
        ));
    }
    out
}

/// The steps `me` may take on `p` now, each with the unit it is about.
pub fn offers(
    me: &Participant,
    p: &proposal::Proposal,
    units: &[(i64, String)],
    ctx: &proposal::Context<'_>,
) -> Vec<Offer> {
    let who = who(me);
    let rater = p.rater_for(&who);
    let mut offers = Vec::new();
    let first_proposer = p.proposers().first().map(|m| m.0).unwrap_or(0);
    for (code, label, unit, form) in samples(units, &p.tracking.assignments, first_proposer) {
        // Staff enter ratings for offline proposers; proposers rate themselves.
        if code == "rate_on_behalf" && me.role != domain::Role::Staff {
            continue;
        }
        let Ok(action) = action_from(me, rater, ctx.today, &form) else {
            continue;
        };
        let allowed = match proposal::apply(p, &action, &who, ctx) {
            Ok(_) => true,
            Err(r) => r.kind == domain::refusal::RefusalKind::Invalid,
        };
        if allowed {
            let unit_name = unit
                .and_then(|u| units.iter().find(|(id, _)| *id == u))
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            offers.push(Offer {
                code,
                label,
                unit,
                unit_name,
            });
        }
    }
    offers
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
    let page = RecordPage {
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
    match page.failed.as_ref().map(|f| f.status) {
        Some(status) => Ok((status, axum::response::Html(page.render()?)).into_response()),
        None => render(page),
    }
}
