//! Who may see, and who may attach to, one place where files hang. The
//! record's own rules decide: a file is seen by whoever may see the record,
//! and attached (or removed) only by the unit whose answer it is, while the
//! rules would still let that unit write the answer or evidence.

use domain::permission::Action;
use domain::station::DemandActor;
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
        OwnerKind::DemandAnswer => Action::WorkOnStations,
    }
}

/// The record page a place is on, with an anchor at the place.
pub fn record_path(owner: &Owner) -> String {
    match owner.kind {
        OwnerKind::ProposalAnswer => format!("/proposals/{}", owner.record),
        OwnerKind::SupervisionEvidence => format!("/supervision/{}", owner.record),
        OwnerKind::DemandAnswer => format!("/demands/{}", owner.record),
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
        OwnerKind::DemandAnswer => {
            format!("/demands/{}/answers/{}/files", owner.record, owner.unit)
        }
    }
}

/// The steps that let a unit write at a place, by kind: an answering unit
/// may gather files from its first contact until it hands the answer in.
fn writing_steps(kind: OwnerKind) -> &'static [&'static str] {
    match kind {
        OwnerKind::ProposalAnswer => &["contact", "draft_answer"],
        OwnerKind::SupervisionEvidence => &["draft_plan", "record_results"],
        OwnerKind::DemandAnswer => &["contact", "answer"],
    }
}

/// The places where `me` may attach now, from the steps the record's rules
/// offer them: (unit, part, step code). Only a unit clerk attaches, and
/// only at its own unit's places.
pub fn open_places<'a>(
    kind: OwnerKind,
    me: &Participant,
    steps: impl IntoIterator<Item = (UnitId, i64, &'a str)>,
) -> Vec<(UnitId, i64)> {
    let Some(clerk) = me.unit.filter(|_| me.role == Role::UnitClerk) else {
        return Vec::new();
    };
    let mut open: Vec<(UnitId, i64)> = steps
        .into_iter()
        .filter(|(unit, _, code)| *unit == clerk && writing_steps(kind).contains(code))
        .map(|(unit, part, _)| (unit, part))
        .collect();
    open.sort();
    open.dedup();
    open
}

/// A proposal's offers as places: a unit clerk's steps are its own unit's.
pub fn proposal_steps<'a>(
    me: &Participant,
    offers: &'a [crate::proposals::Offer],
) -> impl Iterator<Item = (UnitId, i64, &'a str)> + 'a {
    let unit = me.unit;
    offers
        .iter()
        .filter_map(move |o| unit.map(|u| (u, 0, o.code)))
}

/// A supervision topic's steps as places (the part is the opinion).
pub fn topic_steps<'a>(
    steps: &'a [(u32, UnitId, &'static str)],
) -> impl Iterator<Item = (UnitId, i64, &'static str)> + 'a {
    steps
        .iter()
        .map(|(seq, unit, code)| (*unit, i64::from(*seq), *code))
}

/// A demand's offers as places, for the unit acting on it.
pub fn demand_steps(
    actor: DemandActor,
    offers: &[&'static str],
) -> Vec<(UnitId, i64, &'static str)> {
    match actor {
        DemandActor::Unit(unit) => offers.iter().map(|code| (unit, 0, *code)).collect(),
        _ => Vec::new(),
    }
}

/// What `me` may do on one record: see it, and write files at which places.
struct RecordAccess {
    org: OrgId,
    see: bool,
    /// The places (unit, part) where `me` may attach now.
    open: Vec<(UnitId, i64)>,
}

/// Loads the record once and asks its rules; a missing record is 404, and
/// so is a demand the user may not see (its loader says so).
async fn record_access(
    state: &AppState,
    me: &Participant,
    kind: OwnerKind,
    record: i64,
) -> Result<RecordAccess, WebError> {
    match kind {
        OwnerKind::ProposalAnswer => {
            let s = store::proposal::load(&state.db, ProposalId(record)).await?;
            let see = crate::proposals::visible(me, &s);
            let mut open = Vec::new();
            if see && me.role == Role::UnitClerk {
                let setting = store::proposal::Setting::for_org(&state.db, s.proposal.org).await?;
                let ctx = setting.context(state.now());
                let offers = crate::proposals::offers(me, &s.proposal, &[], &ctx);
                open = open_places(kind, me, proposal_steps(me, &offers));
            }
            Ok(RecordAccess {
                org: s.proposal.org,
                see,
                open,
            })
        }
        OwnerKind::SupervisionEvidence => {
            let s = store::supervision::load(&state.db, TopicId(record)).await?;
            let see = crate::supervision::visible(me, &s);
            let rules = crate::supervision::who(me, Some(&s));
            let steps = crate::supervision::steps_of(&s, &rules);
            let open = if see {
                open_places(kind, me, topic_steps(&steps))
            } else {
                Vec::new()
            };
            Ok(RecordAccess {
                org: s.topic.org,
                see,
                open,
            })
        }
        OwnerKind::DemandAnswer => {
            let (s, actor) = crate::stations::load_demand(state, me, record).await?;
            let offers = crate::stations::offers(&s, actor);
            let open = open_places(kind, me, demand_steps(actor, &offers));
            Ok(RecordAccess {
                org: s.org_id,
                see: true,
                open,
            })
        }
    }
}

/// What `me` may do at `owner`; a record that does not exist is 404.
pub async fn access(state: &AppState, me: &Participant, owner: &Owner) -> Result<Access, WebError> {
    let r = record_access(state, me, owner.kind, owner.record).await?;
    Ok(Access {
        org: r.org,
        see: r.see,
        attach: r.see && r.open.contains(&(owner.unit, owner.part)),
    })
}

/// Whether `me` may see the record (and so its files).
pub async fn may_see(
    state: &AppState,
    me: &Participant,
    kind: OwnerKind,
    record: i64,
) -> Result<bool, WebError> {
    Ok(record_access(state, me, kind, record).await?.see)
}
