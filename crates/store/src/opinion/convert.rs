//! 转社情民意信息: a proposal at review becomes a report. In one
//! transaction the report is created from the proposal's text, the
//! proposal takes its Convert step with the new id, and the link is written
//! both ways.

use domain::opinion::{self, Author, Context, OpinionText};
use domain::proposal::{self, Action, LinkedItem, Proposer};
use domain::{OpinionId, ProposalId};

use super::write::{insert_row, policy_for, save};
use super::{KIND_OPINION, KIND_PROPOSAL};
use crate::audit;
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::proposal::Setting;

/// Converts the proposal; `staff` is the same account as `who` in the
/// report's rules. Returns the new report's id.
pub async fn convert_proposal(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &proposal::Who,
    staff: &opinion::Who,
    id: ProposalId,
    reason: Option<String>,
) -> Result<OpinionId> {
    let stored = crate::proposal::load(db, id).await?;
    let p = &stored.proposal;
    let setting = Setting::for_org(db, p.org).await?;
    let policy = policy_for(db, p.org).await?;
    // Ask the proposal's rules first, so a refused step writes nothing.
    let probe = Action::Convert {
        to: LinkedItem::Opinion(OpinionId(0)),
    };
    proposal::apply(p, &probe, who, &setting.context(now)).map_err(StoreError::Refused)?;
    let (author, author_name) = match &p.proposer {
        Proposer::Member(m) => {
            let root = domain::org::OrgPath::from_stored("/".into());
            let name = crate::member::get_member(db, &root, *m)
                .await
                .map(|m| m.row.name)
                .unwrap_or_default();
            (Author::Member(*m), name)
        }
        Proposer::Body { name, .. } => (Author::Body { name: name.clone() }, name.clone()),
    };
    let t = &stored.text;
    let category = if policy.categories.contains(&t.category) {
        t.category.clone()
    } else {
        "其他".to_string()
    };
    let text = OpinionText {
        title: t.title.clone(),
        situation: t.analysis.clone(),
        analysis: String::new(),
        suggestion: t.suggestions.clone(),
        category,
    };
    let owner = opinion::Who {
        user: Some(p.author_account),
        ..opinion::Who::default()
    };
    let mut tx = db.write().await?;
    let new_id = OpinionId(insert_row(&mut tx, now, p.org, p.year, &owner, &author_name).await?);
    let ctx = Context {
        at: now,
        policy: &policy,
    };
    let applied = opinion::convert_from_proposal(
        new_id,
        p.org,
        p.year,
        author,
        p.author_account,
        text,
        id,
        reason,
        staff,
        &ctx,
    )
    .map_err(StoreError::Refused)?;
    save(&mut tx, now, audit_who, None, &applied).await?;
    let action = Action::Convert {
        to: LinkedItem::Opinion(new_id),
    };
    crate::proposal::transition(&mut tx, now, audit_who, who, p, action, &setting).await?;
    crate::links::both_ways(
        &mut tx,
        now,
        (KIND_PROPOSAL, id.0),
        (KIND_OPINION, new_id.0),
        crate::links::CONVERTED,
    )
    .await?;
    tx.commit().await?;
    Ok(new_id)
}
