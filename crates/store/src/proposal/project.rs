//! The projections of a proposal's record: who proposes it (for "my
//! proposals") and which units hold it (for a unit's list), rewritten with
//! every change.

use domain::proposal::{Proposal, Proposer};
use sea_query::{IntoIden, SimpleExpr};

use super::{ROLE_COSIGNER, ROLE_INITIATOR};
use crate::db::Tx;
use crate::error::Result;
use crate::projection::rewrite;
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
    let mut members: Vec<Vec<SimpleExpr>> = Vec::new();
    if let Proposer::Member(m) = p.proposer {
        members.push(vec![
            id.into(),
            m.0.into(),
            ROLE_INITIATOR.into(),
            "confirmed".into(),
        ]);
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
        members.push(vec![
            id.into(),
            c.member.0.into(),
            ROLE_COSIGNER.into(),
            status.into(),
        ]);
    }
    rewrite(
        tx,
        ProposalMembers::Table,
        ProposalMembers::ProposalId,
        id,
        vec![
            ProposalMembers::ProposalId.into_iden(),
            ProposalMembers::MemberId.into_iden(),
            ProposalMembers::Role.into_iden(),
            ProposalMembers::Status.into_iden(),
        ],
        members,
    )
    .await?;
    let units = p
        .tracking
        .assignments
        .iter()
        .map(|a| {
            vec![
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
            ]
        })
        .collect();
    rewrite(
        tx,
        ProposalUnits::Table,
        ProposalUnits::ProposalId,
        id,
        vec![
            ProposalUnits::ProposalId.into_iden(),
            ProposalUnits::Seq.into_iden(),
            ProposalUnits::UnitId.into_iden(),
            ProposalUnits::Role.into_iden(),
            ProposalUnits::State.into_iden(),
            ProposalUnits::AssignedOn.into_iden(),
            ProposalUnits::DueOn.into_iden(),
            ProposalUnits::AnswerClass.into_iden(),
        ],
        units,
    )
    .await
}
