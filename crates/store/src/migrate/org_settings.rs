//! Migration 6: per-organisation settings (proposal deadlines and warnings,
//! the working-day calendar) as JSON, one row per organisation and kind.

use sea_query::Table;

use super::{fk, int, stamps, text, unique, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut t = Table::create()
        .table(OrgSettings::Table)
        .col(int(OrgSettings::OrgId))
        .col(text(OrgSettings::Kind))
        .col(text(OrgSettings::Value))
        .foreign_key(&mut fk(
            (OrgSettings::Table, OrgSettings::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    vec![
        Step::Table(stamps(&mut t).to_owned()),
        unique(
            "org_settings_org_kind",
            OrgSettings::Table,
            cols![OrgSettings::OrgId, OrgSettings::Kind],
        ),
    ]
}
