//! Migration 16: attachments. A row per uploaded file says what it belongs
//! to (owner kind, record, unit, part), what it is, and who put it there or
//! took it away; removal only hides the file, so the record of what a unit
//! once handed in stays. The sealed bytes sit in a table of their own, in
//! the database, so every app server reads the same files and a database
//! backup holds them.

use sea_query::{ColumnDef, Table};

use super::{fk, id, index, int, int_null, text, text_null, Step};
use crate::schema::*;

pub(super) fn steps() -> Vec<Step> {
    vec![
        Step::Table(
            Table::create()
                .table(Attachments::Table)
                .col(id(Attachments::Id))
                .col(int(Attachments::OrgId))
                .col(text(Attachments::OwnerKind))
                .col(int(Attachments::RecordId))
                .col(int(Attachments::UnitId))
                .col(int(Attachments::Part))
                .col(text(Attachments::Name))
                .col(text(Attachments::Kind))
                .col(int(Attachments::Size))
                .col(text(Attachments::Digest))
                .col(int_null(Attachments::UploadedBy))
                .col(text(Attachments::UploadedLogin))
                .col(int(Attachments::UploadedAt))
                .col(int_null(Attachments::RemovedAt))
                .col(text_null(Attachments::RemovedLogin))
                .foreign_key(&mut fk(
                    (Attachments::Table, Attachments::OrgId),
                    (Orgs::Table, Orgs::Id),
                ))
                .to_owned(),
        ),
        Step::Table(
            Table::create()
                .table(AttachmentContents::Table)
                .col(
                    ColumnDef::new(AttachmentContents::AttachmentId)
                        .big_integer()
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(AttachmentContents::Content)
                        .blob()
                        .not_null(),
                )
                .foreign_key(&mut fk(
                    (AttachmentContents::Table, AttachmentContents::AttachmentId),
                    (Attachments::Table, Attachments::Id),
                ))
                .to_owned(),
        ),
        index(
            "attachments_owner",
            Attachments::Table,
            cols![
                Attachments::OwnerKind,
                Attachments::RecordId,
                Attachments::UnitId,
                Attachments::Part
            ],
        ),
    ]
}
