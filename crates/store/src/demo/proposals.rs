//! A believable season of proposals for the city demo: each committee's
//! members propose on real kinds of topics, and the proposals stand at
//! every stage from draft to 办结. Everything goes through the rules
//! (`crate::proposal::act`), so the demo cannot hold an impossible record.

use domain::catalog::CatalogKind;
use domain::proposal::{self, Action, DeclineReason, ProposalInput, Proposer};
use domain::refusal::Reason;
use domain::tracking::{AnswerInput, AssignmentPlan, FeedbackInput, Rater, TrackingAction};
use domain::{MemberId, OrgId, TermId, UnitId, UserId};
use indicatif::ProgressBar;
use sea_query::{Expr, Order, Query};

use super::proposal_texts::proposal_text;
use super::Scale;
use crate::audit::Who;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::{Members, Users};

/// How far each demo proposal gets, cycling through a season's mix.
const ENDS: [&str; 20] = [
    "draft",
    "submitted",
    "under_review",
    "not_filed",
    "withdrawn",
    "filed",
    "assigned",
    "assigned",
    "contacted",
    "answer_drafted",
    "answer_submitted",
    "accepted",
    "accepted",
    "rated",
    "closed",
    "closed",
    "closed",
    "closed",
    "rehandling",
    "closed",
];

/// Proposals per organisation: the city committee and each district.
fn per_org(scale: Scale, is_city: bool) -> usize {
    match (scale, is_city) {
        (Scale::Small, _) => 0,
        (Scale::City, true) => 220,
        (Scale::City, false) => 26,
        // The national scale keeps a city-like season per committee;
        // a million proposals through the rules would take hours here.
        (Scale::National, true) => 20,
        (Scale::National, false) => 0,
    }
}

fn reason(text: &str) -> Result<Reason> {
    Reason::parse(text, "说明").map_err(StoreError::Other)
}

async fn staff_account(db: &Db) -> Result<UserId> {
    let r = db
        .one(
            &Query::select()
                .column(Users::Id)
                .from(Users::Table)
                .and_where(Expr::col(Users::Role).eq("staff"))
                .order_by(Users::Id, Order::Asc)
                .limit(1)
                .to_owned(),
        )
        .await?;
    Ok(UserId(get(&r, "id")?))
}

async fn members_of(db: &Db, org: OrgId, limit: u64) -> Result<Vec<MemberId>> {
    let rows = db
        .all(
            &Query::select()
                .column(Members::Id)
                .from(Members::Table)
                .and_where(Expr::col(Members::OrgId).eq(org.0))
                .order_by(Members::Id, Order::Asc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(|r| Ok(MemberId(get(r, "id")?))).collect()
}

/// Loads the season for every organisation within the tree.
/// `featured` (the demo member's record) proposes every fifth city proposal,
/// so the demo account has proposals at several stages.
pub async fn load(
    db: &Db,
    now: i64,
    scale: Scale,
    orgs: &[Org],
    featured: Option<MemberId>,
    bar: &ProgressBar,
) -> Result<usize> {
    let staff = staff_account(db).await?;
    let system = Who {
        user_id: Some(staff.0),
        login: "demo".into(),
        ip: "127.0.0.1".into(),
    };
    let mut made = 0;
    for (index, org) in orgs.iter().enumerate() {
        let count = per_org(scale, index == 0);
        if count == 0 {
            continue;
        }
        let members = members_of(db, org.id, 200).await?;
        let units: Vec<UnitId> =
            crate::org::list_catalog(db, CatalogKind::Unit, &org.path, Some(org.id), false)
                .await?
                .into_iter()
                .map(|u| UnitId(u.id))
                .collect();
        let terms =
            crate::org::list_catalog(db, CatalogKind::Term, &org.path, Some(org.id), false).await?;
        let Some(term) = terms
            .iter()
            .find(|t| t.numbers.get("is_current") == Some(&1))
            .map(|t| TermId(t.id))
        else {
            continue;
        };
        let place = org.short_name.trim_end_matches("政协").to_string();
        for n in 0..count {
            let picked = members.get((n * 7 + 3) % members.len().max(1)).copied();
            let Some(member) = (if index == 0 && n.is_multiple_of(5) {
                featured.or(picked)
            } else {
                picked
            }) else {
                break;
            };
            let seed = (org.id.0 as u64) * 10_000 + n as u64;
            one(
                db,
                now,
                &system,
                staff,
                org.id,
                term,
                member,
                &units,
                seed,
                &place,
                ENDS[n % ENDS.len()],
            )
            .await?;
            made += 1;
            bar.inc(1);
        }
    }
    Ok(made)
}

#[allow(clippy::too_many_arguments)]
async fn one(
    db: &Db,
    now: i64,
    system: &Who,
    staff: UserId,
    org: OrgId,
    term: TermId,
    member: MemberId,
    units: &[UnitId],
    seed: u64,
    place: &str,
    end: &str,
) -> Result<()> {
    let t = proposal_text(seed, place);
    let text = ProposalInput {
        title: t.title.clone(),
        analysis: t.analysis.clone(),
        suggestions: t.suggestions.clone(),
        category: t.category.to_string(),
        public: if seed.is_multiple_of(9) {
            "0".into()
        } else {
            "1".into()
        },
        suggested_units: String::new(),
    };
    // Members' proposals entered by the committee office (机关代录).
    let entering = proposal::Who {
        user: Some(staff),
        member: Some(member),
        ..proposal::Who::default()
    };
    let year = crate::clock::local_date(now).year();
    let id = crate::proposal::create_draft(
        db,
        now,
        system,
        &entering,
        org,
        term,
        year,
        Proposer::Member(member),
        &text,
    )
    .await?;
    if end == "draft" {
        return Ok(());
    }
    let setting = crate::proposal::Setting::for_org(db, org).await?;
    let content = text
        .parse(&setting.policy.categories)
        .map_err(|e| StoreError::Other(format!("demo text {seed}: {e}")))?;
    let staff_who = proposal::Who::proposal_staff(staff);
    let act = |action: Action, who: proposal::Who| async move {
        crate::proposal::act(db, now, system, &who, id, action).await
    };
    act(Action::Submit { content }, entering).await?;
    if end == "submitted" {
        return Ok(());
    }
    act(Action::StartReview, staff_who).await?;
    match end {
        "under_review" => return Ok(()),
        "not_filed" => {
            act(
                Action::Decline {
                    reason: DeclineReason::NoConcreteSuggestion,
                    detail: None,
                },
                staff_who,
            )
            .await?;
            return Ok(());
        }
        "withdrawn" => {
            act(
                Action::Withdraw {
                    reason: reason("提案人申请撤回，拟修改完善后作为平时提案提交")?,
                },
                entering,
            )
            .await?;
            return Ok(());
        }
        _ => {}
    }
    let number = domain::proposal::ProposalNumber { term, year, seq: 0 };
    act(Action::File { number }, staff_who).await?;
    if end == "filed" || units.is_empty() {
        return Ok(());
    }
    let unit = units[(seed as usize) % units.len()];
    act(
        Action::Track(TrackingAction::Assign {
            plan: AssignmentPlan::single(unit),
        }),
        staff_who,
    )
    .await?;
    if end == "assigned" {
        return Ok(());
    }
    let clerk = proposal::Who::unit_clerk(staff, unit);
    let today = crate::clock::local_date(now);
    act(
        Action::Track(TrackingAction::RecordContact {
            unit,
            on: today,
            note: reason("电话联系提案人，听取意见并商定办理思路")?,
        }),
        clerk,
    )
    .await?;
    if end == "contacted" {
        return Ok(());
    }
    let class = t.answer_class;
    let answer = AnswerInput {
        class: class.code().into(),
        document_no: format!("{place}提复〔{year}〕{}号", seed % 200 + 1),
        signed_by: "分管负责同志".into(),
        contact_person: "办公室".into(),
        contact_phone: "023-63000000".into(),
        text: t.answer.clone(),
    }
    .parse()
    .map_err(|e| StoreError::Other(format!("demo answer {seed}: {e}")))?;
    act(
        Action::Track(TrackingAction::DraftAnswer { unit, answer }),
        clerk,
    )
    .await?;
    if end == "answer_drafted" {
        return Ok(());
    }
    act(Action::Track(TrackingAction::SubmitAnswer { unit }), clerk).await?;
    if end == "answer_submitted" {
        return Ok(());
    }
    act(
        Action::Track(TrackingAction::Accept {
            unit,
            class: None,
            reason: None,
        }),
        staff_who,
    )
    .await?;
    if end == "accepted" {
        return Ok(());
    }
    let satisfied = if end == "rehandling" {
        "dissatisfied"
    } else if seed.is_multiple_of(5) {
        "basically_satisfied"
    } else {
        "satisfied"
    };
    let feedback = FeedbackInput {
        satisfaction: satisfied.into(),
        contacted: "是".into(),
        on_point: if satisfied == "dissatisfied" {
            "否".into()
        } else {
            "是".into()
        },
        comment: if satisfied == "dissatisfied" {
            "答复未回应资金来源问题，希望进一步研究".into()
        } else {
            String::new()
        },
    }
    .parse()
    .map_err(|e| StoreError::Other(format!("demo rating {seed}: {e}")))?;
    act(
        Action::Track(TrackingAction::Rate {
            unit,
            rater: Rater::Member(member),
            feedback,
        }),
        staff_who,
    )
    .await?;
    if end == "rehandling" {
        act(
            Action::Track(TrackingAction::Rehandle {
                unit,
                reason: reason("提案人不满意，要求重新办理")?,
            }),
            staff_who,
        )
        .await?;
        return Ok(());
    }
    if end == "closed" {
        if class == domain::tracking::AnswerClass::B {
            // A class B answer stays open until the follow-up result is in.
            act(
                Action::Track(TrackingAction::RecordFollowUp {
                    unit,
                    result: reason("相关工作已列入年度计划并完成，提案所提问题基本解决")?,
                }),
                clerk,
            )
            .await?;
        }
        act(Action::Track(TrackingAction::Close), staff_who).await?;
    }
    Ok(())
}
