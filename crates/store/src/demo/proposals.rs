//! A believable season of proposals for the city demo: each committee's
//! members propose on real kinds of topics, and the proposals stand at
//! every stage from draft to 办结. Everything goes through the rules
//! (`crate::proposal::act`), so the demo cannot hold an impossible record.

use domain::catalog::CatalogKind;
use domain::proposal::{self, ProposalInput, Proposer};
use domain::{MemberId, OrgId, TermId, UnitId, UserId};
use indicatif::ProgressBar;
use sea_query::{Expr, Order, Query};

use super::proposal_texts::{proposal_text, ProposalText};
use super::script::{steps, Cast};
use super::Scale;
use crate::audit::Who;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::{Members, Users};

/// How far each demo proposal gets, cycling through a season's mix.
pub(super) const ENDS: [&str; 20] = [
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
        // The national season is written in bulk (`super::national`).
        (Scale::National, _) => 0,
    }
}

pub(super) async fn staff_account(db: &Db) -> Result<UserId> {
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

pub(super) async fn members_of(db: &Db, org: OrgId, limit: u64) -> Result<Vec<MemberId>> {
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
    let text = input_of(&t, seed);
    // Members' proposals entered by the committee office (机关代录).
    let entering = proposal::Who {
        user: Some(staff),
        member: Some(member),
        ..proposal::Who::default()
    };
    let today = crate::clock::local_date(now);
    let year = today.year();
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
    let cast = Cast {
        staff,
        member,
        units,
        term,
        year,
        place,
        seed,
        contact_on: today,
        cosigners: Vec::new(),
        merge_into: None,
    };
    for step in steps(&t, content, end, &cast)? {
        crate::proposal::act(db, now, system, &step.who, id, step.action).await?;
    }
    Ok(())
}

/// The text as the proposer typed it; one in nine is not for publication.
pub(super) fn input_of(t: &ProposalText, seed: u64) -> ProposalInput {
    ProposalInput {
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
    }
}
