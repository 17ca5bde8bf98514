//! The projections of a proposal's record: who proposes it (for "my
//! proposals") and which units hold it (for a unit's list), rewritten with
//! every change.

use domain::proposal::{Proposal, Proposer};
use sea_query::{Expr, Query};

use super::{ROLE_COSIGNER, ROLE_INITIATOR};
use crate::db::Tx;
use crate::error::Result;
use crate::schema::{ProposalMembers, ProposalUnits};

pub(super) fn kind_code(p: &Proposal) -> &'static str {
    match p.kind() {
        domain::proposal::ProposerKind::Individual => "individual",
        domain::proposal::ProposerKind::Joint => "joint",
        domain::proposal::ProposerKind::Collective => "collective",
    }
}

/// Rewrites the member and unit projections of one proposal.
pub(super) async fn project(tx: &mut Tx, p: &Proposal) -> Result<()> {
    let id = p.id.0;
    tx.execute(
        &Query::delete()
            .from_table(ProposalMembers::Table)
            .and_where(Expr::col(ProposalMembers::ProposalId).eq(id))
            .to_owned(),
    )
    .await?;
    tx.execute(
        &Query::delete()
            .from_table(ProposalUnits::Table)
            .and_where(Expr::col(ProposalUnits::ProposalId).eq(id))
            .to_owned(),
    )
    .await?;
    let mut members: Vec<(i64, &str, &str)> = Vec::new();
    if let Proposer::Member(m) = p.proposer {
        members.push((m.0, ROLE_INITIATOR, "confirmed"));
    }
    for c in &p.cosigners {
        let status = serde_json::to_value(c.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let status: &str = match status.as_str() {
            "invited" => "invited",
            "confirmed" => "confirmed",
            "declined" => "declined",
            _ => "lapsed",
        };
        members.push((c.member.0, ROLE_COSIGNER, status));
    }
    for (member, role, status) in members {
        tx.execute(
            &Query::insert()
                .into_table(ProposalMembers::Table)
                .columns([
                    ProposalMembers::ProposalId,
                    ProposalMembers::MemberId,
                    ProposalMembers::Role,
                    ProposalMembers::Status,
                ])
                .values_panic([id.into(), member.into(), role.into(), status.into()])
                .to_owned(),
        )
        .await?;
    }
    for a in &p.tracking.assignments {
        tx.execute(
            &Query::insert()
                .into_table(ProposalUnits::Table)
                .columns([
                    ProposalUnits::ProposalId,
                    ProposalUnits::Seq,
                    ProposalUnits::UnitId,
                    ProposalUnits::Role,
                    ProposalUnits::State,
                    ProposalUnits::AssignedOn,
                    ProposalUnits::DueOn,
                    ProposalUnits::AnswerClass,
                ])
                .values_panic([
                    id.into(),
                    i64::from(a.seq).into(),
                    a.unit.0.into(),
                    a.role.code().into(),
                    a.state.code().into(),
                    a.assigned_on.to_string().into(),
                    a.due.to_string().into(),
                    a.answer
                        .as_ref()
                        .map(|x| x.class.code())
                        .unwrap_or("")
                        .into(),
                ])
                .to_owned(),
        )
        .await?;
    }
    Ok(())
}
