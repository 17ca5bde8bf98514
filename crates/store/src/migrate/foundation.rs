//! Migration 1, the foundation: organisations and their structure lists,
//! members, accounts, sessions, API tokens, the audit log, settings and
//! import batches.

use sea_query::{ColumnDef, Table};

use super::{
    fk, id, index, int, int_default, int_null, stamps, text, text_default, text_null, unique, Step,
};
use crate::schema::*;

pub(super) fn foundation() -> Vec<Step> {
    let mut steps = Vec::new();
    let mut t = Table::create()
        .table(Orgs::Table)
        .col(id(Orgs::Id))
        .col(int_null(Orgs::ParentId))
        .col(text(Orgs::Name))
        .col(text(Orgs::ShortName))
        .col(text(Orgs::Level))
        .col(text(Orgs::Path))
        .col(int_default(Orgs::Sort, 0))
        .col(int_default(Orgs::Active, 1))
        .foreign_key(&mut fk(
            (Orgs::Table, Orgs::ParentId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique("orgs_name", Orgs::Table, cols![Orgs::Name]));
    steps.push(index("orgs_path", Orgs::Table, cols![Orgs::Path]));

    let mut t = Table::create()
        .table(Sectors::Table)
        .col(id(Sectors::Id))
        .col(int(Sectors::OrgId))
        .col(text(Sectors::Name))
        .col(text_default(Sectors::Convenor))
        .col(int_default(Sectors::Sort, 0))
        .col(int_default(Sectors::Active, 1))
        .foreign_key(&mut fk(
            (Sectors::Table, Sectors::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "sectors_org_name",
        Sectors::Table,
        cols![Sectors::OrgId, Sectors::Name],
    ));

    let mut t = Table::create()
        .table(Committees::Table)
        .col(id(Committees::Id))
        .col(int(Committees::OrgId))
        .col(text(Committees::Name))
        .col(text_default(Committees::Description))
        .col(int_default(Committees::Sort, 0))
        .col(int_default(Committees::Active, 1))
        .foreign_key(&mut fk(
            (Committees::Table, Committees::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "committees_org_name",
        Committees::Table,
        cols![Committees::OrgId, Committees::Name],
    ));

    let mut t = Table::create()
        .table(Terms::Table)
        .col(id(Terms::Id))
        .col(int(Terms::OrgId))
        .col(int(Terms::Number))
        .col(text(Terms::Name))
        .col(int(Terms::StartYear))
        .col(int(Terms::EndYear))
        .col(int_default(Terms::IsCurrent, 0))
        .col(int_default(Terms::Active, 1))
        .foreign_key(&mut fk(
            (Terms::Table, Terms::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "terms_org_number",
        Terms::Table,
        cols![Terms::OrgId, Terms::Number],
    ));

    let mut t = Table::create()
        .table(Units::Table)
        .col(id(Units::Id))
        .col(int(Units::OrgId))
        .col(text(Units::Name))
        .col(text_default(Units::Kind))
        .col(text_default(Units::ContactPerson))
        .col(text_default(Units::ContactPhone))
        .col(int_default(Units::Active, 1))
        .foreign_key(&mut fk(
            (Units::Table, Units::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "units_org_name",
        Units::Table,
        cols![Units::OrgId, Units::Name],
    ));

    let mut t = Table::create()
        .table(Members::Table)
        .col(id(Members::Id))
        .col(int(Members::OrgId))
        .col(text(Members::Name))
        .col(text(Members::Gender))
        .col(text(Members::Ethnicity))
        .col(text_null(Members::BirthDate))
        .col(text(Members::Party))
        .col(int(Members::SectorId))
        .col(int_null(Members::CommitteeId))
        .col(int_null(Members::TermId))
        .col(text(Members::Post))
        .col(text(Members::WorkUnit))
        .col(text_default(Members::JobTitle))
        .col(text_null(Members::PhoneCipher))
        .col(text_default(Members::PhoneMasked))
        .col(text_null(Members::IdCipher))
        .col(text_default(Members::IdMasked))
        .col(text_null(Members::IdDigest))
        .col(text_default(Members::Email))
        .col(text_default(Members::Address))
        .col(int_default(Members::Active, 1))
        .foreign_key(&mut fk(
            (Members::Table, Members::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .foreign_key(&mut fk(
            (Members::Table, Members::SectorId),
            (Sectors::Table, Sectors::Id),
        ))
        .foreign_key(&mut fk(
            (Members::Table, Members::CommitteeId),
            (Committees::Table, Committees::Id),
        ))
        .foreign_key(&mut fk(
            (Members::Table, Members::TermId),
            (Terms::Table, Terms::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(index(
        "members_org_active",
        Members::Table,
        cols![Members::OrgId, Members::Active, Members::Id],
    ));
    steps.push(index(
        "members_sector",
        Members::Table,
        cols![Members::SectorId],
    ));
    steps.push(index(
        "members_committee",
        Members::Table,
        cols![Members::CommitteeId],
    ));
    steps.push(index("members_name", Members::Table, cols![Members::Name]));
    // One person is one member per organisation: the ID digest is unique there.
    steps.push(unique(
        "members_org_id_digest",
        Members::Table,
        cols![Members::OrgId, Members::IdDigest],
    ));

    let mut t = Table::create()
        .table(Users::Table)
        .col(id(Users::Id))
        .col(text(Users::Login))
        .col(text(Users::DisplayName))
        .col(text(Users::Role))
        .col(int(Users::OrgId))
        .col(int_null(Users::MemberId))
        .col(int_null(Users::UnitId))
        .col(text(Users::PasswordHash))
        .col(int_default(Users::MustChangePassword, 1))
        .col(int(Users::PasswordChangedAt))
        .col(int_default(Users::FailedLogins, 0))
        .col(int_null(Users::LockedUntil))
        .col(int_default(Users::Disabled, 0))
        .col(int_default(Users::ElderMode, 0))
        .col(int_null(Users::LastLoginAt))
        .foreign_key(&mut fk(
            (Users::Table, Users::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .foreign_key(&mut fk(
            (Users::Table, Users::MemberId),
            (Members::Table, Members::Id),
        ))
        .foreign_key(&mut fk(
            (Users::Table, Users::UnitId),
            (Units::Table, Units::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique("users_login", Users::Table, cols![Users::Login]));

    let mut t = Table::create()
        .table(Sessions::Table)
        .col(id(Sessions::Id))
        .col(text(Sessions::TokenDigest))
        .col(int(Sessions::UserId))
        .col(text(Sessions::CsrfToken))
        .col(text_default(Sessions::Ip))
        .col(text_default(Sessions::UserAgent))
        .col(int(Sessions::LastSeenAt))
        .col(int_null(Sessions::EndedAt))
        .col(text_null(Sessions::EndReason))
        .foreign_key(&mut fk(
            (Sessions::Table, Sessions::UserId),
            (Users::Table, Users::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "sessions_token",
        Sessions::Table,
        cols![Sessions::TokenDigest],
    ));
    steps.push(index(
        "sessions_user",
        Sessions::Table,
        cols![Sessions::UserId],
    ));

    let mut t = Table::create()
        .table(ApiTokens::Table)
        .col(id(ApiTokens::Id))
        .col(text(ApiTokens::TokenDigest))
        .col(text(ApiTokens::Name))
        .col(int(ApiTokens::OrgId))
        .col(text(ApiTokens::Role))
        .col(int(ApiTokens::CreatedBy))
        .col(int_null(ApiTokens::LastUsedAt))
        .col(int_null(ApiTokens::RevokedAt))
        .foreign_key(&mut fk(
            (ApiTokens::Table, ApiTokens::OrgId),
            (Orgs::Table, Orgs::Id),
        ))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps.push(unique(
        "api_tokens_digest",
        ApiTokens::Table,
        cols![ApiTokens::TokenDigest],
    ));

    // Append-only: `at` is the creation time and rows are never updated, so
    // the table carries no updated_at.
    steps.push(Step::Table(
        Table::create()
            .table(AuditLog::Table)
            .col(
                ColumnDef::new(AuditLog::Id)
                    .big_integer()
                    .not_null()
                    .primary_key(),
            )
            .col(int(AuditLog::At))
            .col(int_null(AuditLog::ActorUserId))
            .col(text(AuditLog::ActorLogin))
            .col(text(AuditLog::Ip))
            .col(text(AuditLog::Action))
            .col(text(AuditLog::TargetType))
            .col(text(AuditLog::TargetId))
            .col(text(AuditLog::Summary))
            .col(text(AuditLog::BeforeData))
            .col(text(AuditLog::AfterData))
            .col(text(AuditLog::PrevHash))
            .col(text(AuditLog::Hash))
            .to_owned(),
    ));
    steps.push(index("audit_at", AuditLog::Table, cols![AuditLog::At]));
    steps.push(index(
        "audit_actor",
        AuditLog::Table,
        cols![AuditLog::ActorLogin],
    ));
    steps.push(Step::Table(
        Table::create()
            .table(AuditHead::Table)
            .col(
                ColumnDef::new(AuditHead::Id)
                    .big_integer()
                    .not_null()
                    .primary_key(),
            )
            .col(int(AuditHead::LastId))
            .col(text(AuditHead::LastHash))
            .col(int(AuditHead::UpdatedAt))
            .to_owned(),
    ));

    let mut t = Table::create()
        .table(Settings::Table)
        .col(
            ColumnDef::new(Settings::Key)
                .text()
                .not_null()
                .primary_key(),
        )
        .col(text(Settings::Value))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));

    let mut t = Table::create()
        .table(ImportBatches::Table)
        .col(id(ImportBatches::Id))
        .col(int(ImportBatches::UserId))
        .col(int(ImportBatches::OrgId))
        .col(text(ImportBatches::FileName))
        .col(ColumnDef::new(ImportBatches::Data).blob().not_null())
        .col(int_null(ImportBatches::ConsumedAt))
        .to_owned();
    steps.push(Step::Table(stamps(&mut t).to_owned()));
    steps
}
