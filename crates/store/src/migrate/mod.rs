//! Migrations: forward only, each with a note on why. The schema is written
//! once with sea-query and rendered for SQLite or PostgreSQL. The runner and
//! the column helpers live here; each migration's steps have their own module.

use sea_query::{
    ColumnDef, ForeignKey, Iden, Index, IndexCreateStatement, PostgresQueryBuilder, Query,
    SqliteQueryBuilder, Table, TableAlterStatement, TableCreateStatement,
};

use crate::db::{Backend, Db};
use crate::error::Result;
use crate::schema::*;

pub enum Step {
    Table(TableCreateStatement),
    /// One change to an existing table (SQLite takes one per statement).
    Alter(TableAlterStatement),
    Index(IndexCreateStatement),
    /// Seed rows a table needs from the start.
    Insert(sea_query::InsertStatement),
    /// Plain SQL that reads the same on both databases (an INSERT … SELECT).
    Portable(String),
}

impl Step {
    fn render(&self, backend: Backend) -> String {
        match (self, backend) {
            (Step::Table(t), Backend::Sqlite) => t.to_string(SqliteQueryBuilder),
            (Step::Table(t), Backend::Postgres) => t.to_string(PostgresQueryBuilder),
            (Step::Alter(a), Backend::Sqlite) => a.to_string(SqliteQueryBuilder),
            (Step::Alter(a), Backend::Postgres) => a.to_string(PostgresQueryBuilder),
            (Step::Index(i), Backend::Sqlite) => i.to_string(SqliteQueryBuilder),
            (Step::Index(i), Backend::Postgres) => i.to_string(PostgresQueryBuilder),
            (Step::Insert(i), Backend::Sqlite) => i.to_string(SqliteQueryBuilder),
            (Step::Insert(i), Backend::Postgres) => i.to_string(PostgresQueryBuilder),
            (Step::Portable(sql), _) => sql.clone(),
        }
    }
}

pub struct Migration {
    pub version: i64,
    pub why: &'static str,
    pub steps: fn() -> Vec<Step>,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        why: "Foundation: organisations and their structure, members, accounts, sessions, \
              API tokens, the hash-chained audit log, settings and import batches.",
        steps: foundation::foundation,
    },
    Migration {
        version: 2,
        why: "Data versions: a counter per kind of data, bumped with every write, so app \
              servers can cache lists and know at once when another server changed them.",
        steps: data_versions,
    },
    Migration {
        version: 3,
        why: "Background jobs (reminders, deadline warnings, indexing, mail) as rows \
              enqueued in the same transaction as their cause, and in-app notifications.",
        steps: jobs_and_notifications::steps,
    },
    Migration {
        version: 4,
        why: "Proposal categories (提案类别): a per-organisation list like sectors, seeded \
              with the national defaults for every existing organisation.",
        steps: categories::steps,
    },
    Migration {
        version: 5,
        why: "Proposals: the rules' record as JSON with queryable columns, projections of \
              proposers and assigned units, the append-only history and the search feed.",
        steps: proposals::steps,
    },
    Migration {
        version: 6,
        why: "Per-organisation settings: proposal deadlines, warning thresholds and the \
              working-day calendar, stored as JSON; an organisation without its own row \
              inherits its parent's.",
        steps: org_settings::steps,
    },
    Migration {
        version: 7,
        why: "Exports run as background jobs (the yearly 提案汇编): who asked, the progress \
              and the finished file, readable by every app server.",
        steps: exports::steps,
    },
    Migration {
        version: 8,
        why: "社情民意信息: the report with its original and edited text, its append-only \
              history, and item_links for links both ways between items (a proposal \
              converted to a report first).",
        steps: opinions::steps,
    },
    Migration {
        version: 9,
        why: "Proposal lists at national scale (a million proposals): one stage's list \
              and a wide scope's list read their page from an index in order instead \
              of sorting the table.",
        steps: list_indexes::steps,
    },
    Migration {
        version: 10,
        why: "One search feed for every kind of item (proposals, 社情民意, citizens' \
              demands): each row names its kind and item, and each kind has its own \
              index fed from it.",
        steps: search_feed::steps,
    },
    Migration {
        version: 11,
        why: "社情民意 after adoption: reports sent upward (区县 → 市 → 全国, each level \
              its own record, once), leaders' instructions (批示), and numbered bulletins \
              (《社情民意》第N期) with single and combined pieces and their sources.",
        steps: opinion_loop::steps,
    },
    Migration {
        version: 12,
        why: "委员工作站: stations and studios with their members and reception days, \
              receptions, citizens' demands (visitor data encrypted, a tracking code, \
              the rules' record with its tracking), their unit projection and history.",
        steps: stations::steps,
    },
    Migration {
        version: 13,
        why: "民主监督: supervision topics with their activities and opinions (the rules' \
              record as JSON, each opinion with its tracking), a projection row per unit \
              assignment for units' queues and the overdue board, and the history.",
        steps: supervision::steps,
    },
    Migration {
        version: 14,
        why: "意见建议 and 委员来信 (letters): what a proposal becomes at review when it is \
              better answered that way; the rules' record with its tracking, the members it \
              comes from, a projection per unit assignment, and the history.",
        steps: letters::steps,
    },
    Migration {
        version: 15,
        why: "A data version for 委员工作站 (stations and their settings), so the public \
              demand form's lists are cached per server and read again only after a change.",
        steps: stations_version,
    },
    Migration {
        version: 16,
        why: "Attachments: a row per uploaded file (what it is attached to, its name, kind, \
              size and SM3 digest, who uploaded or removed it), and its bytes sealed with \
              SM4-GCM in a table of their own.",
        steps: attachments::steps,
    },
];

fn stations_version() -> Vec<Step> {
    vec![Step::Insert(
        Query::insert()
            .into_table(DataVersions::Table)
            .columns([DataVersions::Name])
            .values_panic([crate::version::STATIONS.into()])
            .to_owned(),
    )]
}

fn data_versions() -> Vec<Step> {
    vec![
        Step::Table(
            Table::create()
                .table(DataVersions::Table)
                .col(
                    ColumnDef::new(DataVersions::Name)
                        .text()
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(DataVersions::Version)
                        .big_integer()
                        .not_null()
                        .default(0),
                )
                .col(
                    ColumnDef::new(DataVersions::CreatedAt)
                        .big_integer()
                        .not_null()
                        .default(0),
                )
                .col(
                    ColumnDef::new(DataVersions::UpdatedAt)
                        .big_integer()
                        .not_null()
                        .default(0),
                )
                .to_owned(),
        ),
        Step::Insert(
            Query::insert()
                .into_table(DataVersions::Table)
                .columns([DataVersions::Name])
                .values_panic([crate::version::DIRECTORY.into()])
                .to_owned(),
        ),
    ]
}

/// Applies every migration not yet applied, in one transaction, and returns
/// the versions applied. App servers starting together on one PostgreSQL
/// database queue on an advisory lock, so exactly one of them migrates;
/// on SQLite the IMMEDIATE transaction already excludes other writers.
pub async fn run(db: &Db, now: i64) -> Result<Vec<i64>> {
    let ledger = Table::create()
        .table(SchemaMigrations::Table)
        .if_not_exists()
        .col(
            ColumnDef::new(SchemaMigrations::Version)
                .big_integer()
                .not_null()
                .primary_key(),
        )
        .col(ColumnDef::new(SchemaMigrations::Why).text().not_null())
        .col(
            ColumnDef::new(SchemaMigrations::AppliedAt)
                .big_integer()
                .not_null(),
        )
        .to_owned();
    let mut tx = db.write().await?;
    if db.backend() == crate::db::Backend::Postgres {
        // Not a data query: the one statement that exists only on PostgreSQL.
        tx.raw("SELECT pg_advisory_xact_lock(7355608)").await?;
    }
    tx.raw(&Step::Table(ledger).render(db.backend())).await?;
    let applied: Vec<i64> = tx
        .all(
            &Query::select()
                .column(SchemaMigrations::Version)
                .from(SchemaMigrations::Table)
                .to_owned(),
        )
        .await?
        .iter()
        .map(|row| crate::db::get::<i64>(row, "version"))
        .collect::<Result<_>>()?;
    let mut done = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        for step in (m.steps)() {
            tx.raw(&step.render(db.backend())).await?;
        }
        tx.execute(
            &Query::insert()
                .into_table(SchemaMigrations::Table)
                .columns([
                    SchemaMigrations::Version,
                    SchemaMigrations::Why,
                    SchemaMigrations::AppliedAt,
                ])
                .values_panic([m.version.into(), m.why.into(), now.into()])
                .to_owned(),
        )
        .await?;
        tracing::info!(version = m.version, "migration applied");
        done.push(m.version);
    }
    tx.commit().await?;
    Ok(done)
}

fn id(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}
fn int(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().to_owned()
}
fn int_default(col: impl Iden + 'static, value: i64) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .default(value)
        .to_owned()
}
fn int_null(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col).big_integer().null().to_owned()
}
fn text(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col).text().not_null().to_owned()
}
fn text_default(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col).text().not_null().default("").to_owned()
}
fn text_null(col: impl Iden + 'static) -> ColumnDef {
    ColumnDef::new(col).text().null().to_owned()
}
fn fk(
    from: (impl Iden + 'static, impl Iden + 'static),
    to: (impl Iden + 'static, impl Iden + 'static),
) -> sea_query::ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}
fn index(name: &str, table: impl Iden + 'static, cols: Vec<sea_query::DynIden>) -> Step {
    let mut i = Index::create()
        .name(name)
        .table(table)
        .if_not_exists()
        .to_owned();
    for c in cols {
        i.col(c);
    }
    Step::Index(i)
}
fn unique(name: &str, table: impl Iden + 'static, cols: Vec<sea_query::DynIden>) -> Step {
    match index(name, table, cols) {
        Step::Index(mut i) => Step::Index(i.unique().to_owned()),
        other => other,
    }
}
macro_rules! cols {
    ($($c:expr),*) => { vec![$(sea_query::IntoIden::into_iden($c)),*] };
}

mod attachments;
mod categories;
mod exports;
mod foundation;
mod jobs_and_notifications;
mod letters;
mod list_indexes;
mod opinion_loop;
mod opinions;
mod org_settings;
mod proposals;
mod search_feed;
mod stations;
mod supervision;

/// Columns every table carries.
fn stamps(t: &mut TableCreateStatement) -> &mut TableCreateStatement {
    t.col(int(Alias("created_at")))
        .col(int(Alias("updated_at")))
}

#[derive(Clone, Copy)]
struct Alias(&'static str);
impl Iden for Alias {
    fn unquoted(&self, s: &mut dyn std::fmt::Write) {
        let _ = s.write_str(self.0);
    }
}
