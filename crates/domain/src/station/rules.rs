//! Who relates to a station or a demand how. The role check comes first
//! (`permission::check` with `WorkOnStations`); these decide per record.

use super::DemandActor;
use crate::org::OrgPath;
use crate::{MemberId, Role, UnitId};

/// The facts about the person asking.
#[derive(Debug, Clone)]
pub struct Viewer<'a> {
    pub role: Role,
    pub org_path: &'a OrgPath,
    pub member: Option<MemberId>,
    pub unit: Option<UnitId>,
}

/// How a viewer relates to a station.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StationRelation {
    /// Staff of the station's organisation or above: maintain it.
    Maintainer,
    /// A member attached to it, or a leader in scope: read it, record receptions (members).
    Member,
    Reader,
    /// Nothing: the station is hidden (404).
    None,
}

/// `members` are the members attached to the station.
pub fn station_relation(
    v: &Viewer<'_>,
    station_org: &OrgPath,
    members: &[MemberId],
) -> StationRelation {
    let in_scope = v.org_path.contains(station_org);
    match v.role {
        Role::Staff if in_scope => StationRelation::Maintainer,
        Role::Leader if in_scope => StationRelation::Reader,
        Role::Member if v.member.is_some_and(|m| members.contains(&m)) => StationRelation::Member,
        _ => StationRelation::None,
    }
}

/// How a viewer relates to a demand. `station_members` are the members of
/// its station; `taken_by` the member who entered it; `units` every unit it
/// was ever forwarded to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandRelation {
    Acts(DemandActor),
    Hidden,
}

pub fn demand_relation(
    v: &Viewer<'_>,
    demand_org: &OrgPath,
    station_members: &[MemberId],
    taken_by: Option<MemberId>,
    units: &[UnitId],
) -> DemandRelation {
    let in_scope = v.org_path.contains(demand_org);
    match v.role {
        Role::Staff if in_scope => DemandRelation::Acts(DemandActor::Staff),
        Role::Leader if in_scope => DemandRelation::Acts(DemandActor::Reader),
        Role::Member => match v.member {
            Some(m) if station_members.contains(&m) || taken_by == Some(m) => {
                DemandRelation::Acts(DemandActor::StationMember)
            }
            _ => DemandRelation::Hidden,
        },
        Role::UnitClerk => match v.unit {
            Some(u) if units.contains(&u) => DemandRelation::Acts(DemandActor::Unit(u)),
            _ => DemandRelation::Hidden,
        },
        _ => DemandRelation::Hidden,
    }
}
