//! The steps a user may take on a proposal now. Each step has a sample form;
//! the step is offered when the rules would accept it from this user now
//! (a refusal only for the sample's made-up data still offers it), so the
//! page never shows a button the rules would refuse.

use std::collections::BTreeMap;

use domain::proposal;
use domain::tracking::{Assignment, UnitRole};

use super::act::action_from;
use super::{who, Participant};

/// A step the user may take now, with the unit it is about.
pub struct Offer {
    pub code: &'static str,
    pub label: &'static str,
    pub unit: Option<i64>,
    pub unit_name: String,
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
            "merge",
            "并案（并入另一件已立案提案）",
            None,
            form(&[
                ("do", "merge".into()),
                ("into_id", "0".into()),
                ("into_stage", "filed".into()),
            ]),
        ),
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
            "convert",
            "转为社情民意信息",
            None,
            form(&[("do", "convert".into()), ("reason", text.clone())]),
        ),
        (
            "convert_suggestion",
            "转为意见建议",
            None,
            form(&[
                ("do", "convert_suggestion".into()),
                ("reason", text.clone()),
            ]),
        ),
        (
            "convert_letter",
            "转委员来信",
            None,
            form(&[("do", "convert_letter".into()), ("reason", text.clone())]),
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
            "send_views",
            "提交会办意见",
            None,
            form(&[("do", "send_views".into()), ("views", text.clone())]),
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
        // Adding a unit is open while the item is being handled; the unit
        // and role are chosen on the form.
        let role = if assignments
            .iter()
            .any(|a| a.is_live() && a.role == UnitRole::Lead)
        {
            "co"
        } else {
            "lead"
        };
        let spare = units
            .iter()
            .find(|(u, _)| !assignments.iter().any(|a| a.is_live() && a.unit.0 == *u));
        if let Some((spare, _)) = spare {
            out.push((
                "add_unit",
                "增加承办单位",
                None,
                form(&[
                    ("do", "add_unit".into()),
                    ("unit", spare.to_string()),
                    ("role", role.into()),
                ]),
            ));
        }
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
            "extend",
            "延期",
            unit,
            form(&[
                ("do", "extend".into()),
                ("unit", u.clone()),
                ("until", "2999-12-31".into()),
                ("reason", text.clone()),
            ]),
        ));
        out.push((
            "withdraw_unit",
            "撤回交办",
            unit,
            form(&[
                ("do", "withdraw_unit".into()),
                ("unit", u.clone()),
                ("reason", text.clone()),
            ]),
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
