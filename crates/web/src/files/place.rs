//! Who may see, and who may attach to, one place where files hang. The
//! record's own rules decide: a file is seen by whoever may see the record,
//! and attached (or removed) only by the unit whose answer it is, while the
//! rules would still let that unit write the answer or evidence.

use domain::permission::Action;
use domain::{OrgId, ProposalId, Role, TopicId, UnitId};
use store::files::{Owner, OwnerKind};

use crate::error::WebError;
use crate::proposals::Participant;
use crate::state::AppState;

/// What one user may do at one place.
#[derive(Clone, Copy, Debug)]
pub struct Access {
    /// The organisation the record belongs to.
    pub org: OrgId,
    pub see: bool,
    pub attach: bool,
}

/// The permission a user (or token) needs to work with this kind of file.
pub fn permission(kind: OwnerKind) -> Action {
    match kind {
        OwnerKind::ProposalAnswer => Action::WorkOnProposals,
        OwnerKind::SupervisionEvidence => Action::WorkOnSupervision,
    }
}

/// The record page a place is on, with an anchor at the place.
pub fn record_path(owner: &Owner) -> String {
    match owner.kind {
        OwnerKind::ProposalAnswer => format!("/proposals/{}", owner.record),
        OwnerKind::SupervisionEvidence => format!("/supervision/{}", owner.record),
    }
}

/// Where a page form uploads to this place.
pub fn upload_path(owner: &Owner) -> String {
    match owner.kind {
        OwnerKind::ProposalAnswer => {
            format!("/proposals/{}/answers/{}/files", owner.record, owner.unit)
        }
        OwnerKind::SupervisionEvidence => format!(
            "/supervision/{}/opinions/{}/units/{}/files",
            owner.record, owner.part, owner.unit
        ),
    }
}

/// The steps that let a unit write at a place, by kind: an answering unit
/// may gather files from its first contact until it hands the answer in.
fn writing_steps(kind: OwnerKind) -> &'static [&'static str] {
    match kind {
        OwnerKind::ProposalAnswer => &["contact", "draft_answer"],
        OwnerKind::SupervisionEvidence => &["draft_plan", "record_results"],
    }
}

/// What `me` may do at `owner`; a record that does not exist is 404.
pub async fn access(state: &AppState, me: &Participant, owner: &Owner) -> Result<Access, WebError> {
    let own_unit = me.role == Role::UnitClerk && me.unit == Some(owner.unit);
    match owner.kind {
        OwnerKind::ProposalAnswer => {
            let s = store::proposal::load(&state.db, ProposalId(owner.record)).await?;
            let see = crate::proposals::visible(me, &s);
            let attach = see && own_unit && owner.part == 0 && {
                let setting = store::proposal::Setting::for_org(&state.db, s.proposal.org).await?;
                let ctx = setting.context(state.now());
                crate::proposals::offers(me, &s.proposal, &[], &ctx)
                    .iter()
                    .any(|o| writing_steps(owner.kind).contains(&o.code))
            };
            Ok(Access {
                org: s.proposal.org,
                see,
                attach,
            })
        }
        OwnerKind::SupervisionEvidence => {
            let s = store::supervision::load(&state.db, TopicId(owner.record)).await?;
            let see = crate::supervision::visible(me, &s);
            let rules = crate::supervision::who(me, Some(&s));
            let attach = see
                && own_unit
                && crate::supervision::steps_of(&s, &rules)
                    .iter()
                    .any(|(seq, unit, code)| {
                        i64::from(*seq) == owner.part
                            && *unit == owner.unit
                            && writing_steps(owner.kind).contains(code)
                    });
            Ok(Access {
                org: s.topic.org,
                see,
                attach,
            })
        }
    }
}

/// The places on one record where `me` may attach now.
pub async fn attachable(
    state: &AppState,
    me: &Participant,
    kind: OwnerKind,
    record: i64,
    places: &[(UnitId, i64)],
) -> Result<Vec<(UnitId, i64)>, WebError> {
    let mut out = Vec::new();
    for &(unit, part) in places {
        let owner = Owner {
            kind,
            record,
            unit,
            part,
        };
        if me.unit == Some(unit) && access(state, me, &owner).await?.attach {
            out.push((unit, part));
        }
    }
    Ok(out)
}
