//! Migration 4: proposal categories, seeded with the national defaults for
//! every organisation that already exists.

use sea_query::Table;

use super::{fk, id, int, int_default, stamps, text, unique, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut t = Table::create()
        .table(Categories::Table)
        .col(id(Categories::Id))
        .col(int(Categories::OrgId))
        .col(text(Categories::Name))
        .col(int_default(Categories::Sort, 0))
        .col(int_default(Categories::Active, 1))
        .foreign_key(&mut fk(
            (Categories::Table, Categories::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    let mut steps = vec![
        Step::Table(stamps(&mut t).to_owned()),
        unique(
            "categories_org_name",
            Categories::Table,
            cols![Categories::OrgId, Categories::Name],
        ),
    ];
    for (sort, name) in domain::catalog::DEFAULT_CATEGORIES.iter().enumerate() {
        steps.push(Step::Portable(format!(
            "INSERT INTO categories (org_id, name, sort, active, created_at, updated_at) \
             SELECT id, '{name}', {sort}, 1, 0, 0 FROM orgs"
        )));
    }
    steps
}
