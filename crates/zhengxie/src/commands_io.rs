//! Import and export from the command line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use store::{Db, FieldCipher};

pub async fn import_members(
    _db: &Db,
    _cipher: &FieldCipher,
    _now: i64,
    _file: &Path,
    _org: Option<&str>,
    _valid_only: bool,
) -> Result<ExitCode> {
    anyhow::bail!("not yet wired")
}

pub async fn export_members(_db: &Db, _now: i64, _file: &Path, _org: Option<&str>) -> Result<()> {
    anyhow::bail!("not yet wired")
}
