//! Migration 7: exports that run as background jobs (the 提案汇编 first).
//! A row per export holds who asked for it, how far the job has got and
//! where the finished file is, so any app server can show progress and
//! hand out the file.

use sea_query::Table;

use super::{fk, id, index, int, int_default, stamps, text, text_default, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut t = Table::create()
        .table(Exports::Table)
        .col(id(Exports::Id))
        .col(text(Exports::Kind))
        .col(int(Exports::OrgId))
        .col(int(Exports::UserId))
        .col(text_default(Exports::Title))
        .col(text_default(Exports::Params))
        // queued → running → done | failed
        .col(text(Exports::State))
        .col(int_default(Exports::Done, 0))
        .col(int_default(Exports::Total, 0))
        // The file's name under data_dir/exports once done.
        .col(text_default(Exports::File))
        .col(text_default(Exports::Error))
        .foreign_key(&mut fk(
            (Exports::Table, Exports::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .foreign_key(&mut fk(
            (Exports::Table, Exports::UserId),
            (Users::Table, Users::Id),
        ))
        .to_owned();
    vec![
        Step::Table(stamps(&mut t).to_owned()),
        index(
            "exports_org",
            Exports::Table,
            cols![Exports::OrgId, Exports::CreatedAt],
        ),
    ]
}
