//! Migration 12: members' work stations and studios, their members and
//! reception days, and citizens' demands. A demand keeps the rules' record
//! (`domain::station::Demand`, with its tracking) as JSON beside the columns
//! that lists, statistics and the coverage view aggregate; the visitor's
//! name and phone are SM4-encrypted like members' phones; `ip_digest` (a
//! keyed digest, never the address) counts public submissions per address.

use sea_query::Table;

use super::{
    fk, id, index, int, int_default, int_null, stamps, text, text_default, text_null, unique, Step,
};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Stations::Table)
        .col(id(Stations::Id))
        .col(int(Stations::OrgId))
        .col(text(Stations::Kind))
        .col(text(Stations::Name))
        .col(text_default(Stations::Address))
        .col(text_default(Stations::Street))
        .col(text_default(Stations::ReceptionDays))
        .col(int_default(Stations::Active, 1))
        .foreign_key(&mut fk(
            (Stations::Table, Stations::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "stations_org_street",
        Stations::Table,
        cols![Stations::OrgId, Stations::Street],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(StationMembers::Table)
            .col(int(StationMembers::StationId))
            .col(int(StationMembers::MemberId))
            .col(int(StationMembers::CreatedAt))
            .foreign_key(&mut fk(
                (StationMembers::Table, StationMembers::StationId),
                (Stations::Table, Stations::Id),
            ))
            .foreign_key(&mut fk(
                (StationMembers::Table, StationMembers::MemberId),
                (Members::Table, Members::Id),
            ))
            .to_owned(),
    ));
    steps.push(unique(
        "station_members_pair",
        StationMembers::Table,
        cols![StationMembers::StationId, StationMembers::MemberId],
    ));
    steps.push(index(
        "station_members_member",
        StationMembers::Table,
        cols![StationMembers::MemberId, StationMembers::StationId],
    ));

    let mut r = Table::create()
        .table(Receptions::Table)
        .col(id(Receptions::Id))
        .col(int(Receptions::StationId))
        .col(int(Receptions::OrgId))
        .col(text(Receptions::HeldOn))
        .col(int_default(Receptions::Visitors, 0))
        .col(text_default(Receptions::Notes))
        .col(int_null(Receptions::RecordedBy))
        .foreign_key(&mut fk(
            (Receptions::Table, Receptions::StationId),
            (Stations::Table, Stations::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut r).to_owned()));
    steps.push(index(
        "receptions_station_day",
        Receptions::Table,
        cols![Receptions::StationId, Receptions::HeldOn],
    ));
    steps.push(Step::Table(
        Table::create()
            .table(ReceptionMembers::Table)
            .col(int(ReceptionMembers::ReceptionId))
            .col(int(ReceptionMembers::MemberId))
            .to_owned(),
    ));
    steps.push(index(
        "reception_members_reception",
        ReceptionMembers::Table,
        cols![ReceptionMembers::ReceptionId],
    ));
    steps.push(index(
        "reception_members_member",
        ReceptionMembers::Table,
        cols![ReceptionMembers::MemberId],
    ));

    let mut d = Table::create()
        .table(Demands::Table)
        .col(id(Demands::Id))
        .col(int(Demands::OrgId))
        .col(int_null(Demands::StationId))
        .col(text(Demands::Code))
        .col(text(Demands::Channel))
        .col(text(Demands::Category))
        .col(text(Demands::Content))
        .col(text_null(Demands::NameCipher))
        .col(text_null(Demands::PhoneCipher))
        .col(text_default(Demands::PhoneMasked))
        .col(int_null(Demands::TakenByMemberId))
        .col(int_null(Demands::EnteredByUserId))
        .col(text_default(Demands::IpDigest))
        .col(text(Demands::Stage))
        .col(int_default(Demands::Withheld, 0))
        .col(int_null(Demands::OnTime))
        .col(text_default(Demands::Satisfaction))
        .col(text(Demands::ReceivedOn))
        .col(int_null(Demands::ClosedAt))
        .col(int_default(Demands::Version, 0))
        .col(text(Demands::Aggregate))
        .foreign_key(&mut fk(
            (Demands::Table, Demands::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut d).to_owned()));
    steps.push(unique("demands_code", Demands::Table, cols![Demands::Code]));
    steps.push(index(
        "demands_org_stage",
        Demands::Table,
        cols![Demands::OrgId, Demands::Stage],
    ));
    steps.push(index(
        "demands_station",
        Demands::Table,
        cols![Demands::StationId],
    ));
    steps.push(index(
        "demands_ip_time",
        Demands::Table,
        cols![Demands::IpDigest, Demands::CreatedAt],
    ));
    steps.push(index(
        "demands_taken_by",
        Demands::Table,
        cols![Demands::TakenByMemberId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(DemandUnits::Table)
            .col(int(DemandUnits::DemandId))
            .col(int(DemandUnits::Seq))
            .col(int(DemandUnits::UnitId))
            .col(text(DemandUnits::State))
            .col(text(DemandUnits::DueOn))
            .to_owned(),
    ));
    steps.push(index(
        "demand_units_unit",
        DemandUnits::Table,
        cols![DemandUnits::UnitId, DemandUnits::DemandId],
    ));
    steps.push(index(
        "demand_units_demand",
        DemandUnits::Table,
        cols![DemandUnits::DemandId],
    ));

    steps.push(Step::Table(
        Table::create()
            .table(DemandHistory::Table)
            .col(id(DemandHistory::Id))
            .col(int(DemandHistory::DemandId))
            .col(int(DemandHistory::At))
            .col(int_null(DemandHistory::ActorUserId))
            .col(text(DemandHistory::ActorLogin))
            .col(text(DemandHistory::Action))
            .col(text_default(DemandHistory::FromStage))
            .col(text(DemandHistory::ToStage))
            .col(text_default(DemandHistory::Comment))
            .to_owned(),
    ));
    steps.push(index(
        "demand_history_demand",
        DemandHistory::Table,
        cols![DemandHistory::DemandId],
    ));
    steps
}
