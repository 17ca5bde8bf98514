//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "zhengxie",
    version,
    about = "数字政协：市、区县政协一体化履职平台"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct Global {
    /// Configuration file (TOML). ZHENGXIE_* environment variables override it.
    #[arg(long, global = true, env = "ZHENGXIE_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://data/zhengxie.db or postgres://user@host/db
    #[arg(long, global = true)]
    pub db: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web application.
    Serve {
        /// Load demo data (city scale) if the database is empty.
        #[arg(long)]
        demo: bool,
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long)]
        listen: Option<String>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Load deterministic demo data into an empty database.
    Demo {
        #[arg(long, default_value = "small")]
        scale: String,
        /// Proposals of the national scale (default 1,000,000, or
        /// ZHENGXIE_DEMO_PROPOSALS); a smaller number makes a quick check.
        #[arg(long)]
        proposals: Option<usize>,
    },
    /// Import data from a file.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Export data to a file.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Manage accounts from the command line.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Write a consistent online copy of the SQLite database and check it.
    Backup { path: PathBuf },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// This server's full-text index.
    Index {
        #[command(subcommand)]
        action: IndexAction,
    },
}

#[derive(Subcommand)]
pub enum IndexAction {
    /// Rebuild the search index from the database (the source of truth).
    Rebuild,
}

#[derive(Subcommand)]
pub enum ImportWhat {
    /// Members from an .xlsx file in the template's layout.
    Members {
        file: PathBuf,
        /// The organisation (short name, e.g. 渝中区政协) for rows that leave 所属政协 empty.
        #[arg(long)]
        org: Option<String>,
        /// Import the valid rows even if some rows are wrong.
        #[arg(long)]
        valid_only: bool,
    },
}

#[derive(Subcommand)]
pub enum ExportWhat {
    /// All active members to an .xlsx file.
    Members {
        file: PathBuf,
        /// Only this organisation and its children (short name).
        #[arg(long)]
        org: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Create an account. The password is asked for, or read from ZHENGXIE_NEW_PASSWORD.
    Create {
        login: String,
        /// member, staff, leader, unit_clerk, sys_admin, sec_admin, audit_admin
        #[arg(long)]
        role: String,
        /// Organisation short name; defaults to the root.
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        name: Option<String>,
    },
    /// Set a new one-time password; the user must change it at next login.
    Reset { login: String },
    /// Clear a lockout.
    Unlock { login: String },
}

#[derive(Subcommand)]
pub enum AuditAction {
    /// Check the hash chain and name every edited or removed row.
    Verify,
}
