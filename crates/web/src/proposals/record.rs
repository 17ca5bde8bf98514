//! A proposal's page: title and stage, key facts, the text, the units and
//! their answers, every step taken, and the steps this user may take now.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
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
}

impl RecordPage {
    fn when(&self, ts: &i64) -> String {
        when(Some(*ts))
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

fn samples(units: &[(i64, String)], assignments: &[Assignment]) -> Vec<Sample> {
    let form = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    let text = "示例说明文字".to_string();
    let mut out = vec![
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
    for (code, label, unit, form) in samples(units, &p.tracking.assignments) {
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
    let s = store::proposal::load(&state.db, ProposalId(id)).await?;
    let me = Participant::from(&user);
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
    render(RecordPage {
        shell: Shell::new(&user, "提案详情", "/proposals").notice(notice),
        history: store::proposal::history(&state.db, p.id).await?,
        number,
        offers,
        units,
        decline_reasons: domain::proposal::DeclineReason::ALL
            .iter()
            .map(|r| (r.code(), r.label()))
            .collect(),
        s,
    })
}
