//! Migration 3: the job table behind reminders, deadline warnings, search
//! indexing and mail, and the in-app notifications each user reads.

use sea_query::Table;

use super::{
    fk, id, index, int, int_default, int_null, stamps, text, text_default, text_null, unique, Step,
};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Jobs::Table)
        .col(id(Jobs::Id))
        .col(text(Jobs::Kind))
        .col(text(Jobs::Payload))
        // Set for jobs that must exist at most once, such as one warning
        // level for one assignment; NULLs never collide.
        .col(text_null(Jobs::DedupeKey))
        .col(int(Jobs::RunAt))
        .col(int_default(Jobs::Attempts, 0))
        .col(int_null(Jobs::LockedUntil))
        .col(int_null(Jobs::DoneAt))
        .col(text_default(Jobs::LastError))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "jobs_due",
        Jobs::Table,
        cols![Jobs::DoneAt, Jobs::RunAt],
    ));
    steps.push(unique("jobs_dedupe", Jobs::Table, cols![Jobs::DedupeKey]));

    let mut t = Table::create()
        .table(Notifications::Table)
        .col(id(Notifications::Id))
        .col(int(Notifications::UserId))
        .col(text(Notifications::Title))
        .col(text_default(Notifications::Body))
        .col(text_default(Notifications::Link))
        .col(int_null(Notifications::ReadAt))
        .foreign_key(&mut fk(
            (Notifications::Table, Notifications::UserId),
            (Users::Table, Users::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "notifications_user",
        Notifications::Table,
        cols![Notifications::UserId, Notifications::ReadAt],
    ));
    steps
}
