//! Member import from .xlsx. The file is read and every row checked first,
//! giving a report of problems by row; then the valid rows are inserted in
//! one transaction, all or nothing.

mod batch;
mod check;
mod sheet;

use std::collections::{BTreeSet, HashMap};

use domain::member::{IdNumber, MemberDraft};
use domain::org::OrgPath;
use domain::{FieldError, FieldErrors, OrgId};
use serde::Serialize;
use time::Date;

pub use batch::{mark_consumed, park, parked, Parked};
pub use sheet::{normalize_header, read_sheet, COLUMNS, MAX_ROWS, REQUIRED};

use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::org::Org;
use check::{
    check_row, existing_digests, resolve_org, Checked, Lookups, FIELDS, ID_NUMBER, NAME, ORG,
};

/// The problems of one spreadsheet row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The row number as Excel shows it; the header is row 1.
    pub row: usize,
    pub name: String,
    /// `field` is the Chinese column header.
    pub errors: Vec<FieldError>,
}

impl RowProblem {
    /// One line for a report: "第5行（张伟）：手机号应为11位数字…；请填写工作单位".
    pub fn message(&self) -> String {
        let who = if self.name.is_empty() {
            String::new()
        } else {
            format!("（{}）", self.name)
        };
        let all: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        format!("第{}行{who}：{}", self.row, all.join("；"))
    }
}

/// The outcome of checking a file: rows ready to import and rows to fix.
#[derive(Debug, Clone)]
pub struct Validation {
    pub total_rows: usize,
    pub valid: Vec<(usize, MemberDraft)>,
    pub problems: Vec<RowProblem>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file as a whole cannot be read; the message says why, in Chinese.
    #[error("{0}")]
    File(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks every row of an uploaded file against the organisations within
/// `scope` and their structure lists. Rows leaving 所属政协 empty go to
/// `default_org`.
pub async fn validate(
    db: &Db,
    cipher: &FieldCipher,
    scope: &OrgPath,
    default_org: OrgId,
    today: Date,
    bytes: &[u8],
) -> Result<Validation, ImportError> {
    let rows = read_sheet(bytes).map_err(ImportError::File)?;
    let orgs = crate::org::list_orgs(db, scope).await?;
    let org_of: Vec<Result<&Org, String>> = rows
        .iter()
        .map(|(_, cells)| resolve_org(&orgs, default_org, &cells[ORG]))
        .collect();
    let used: BTreeSet<i64> = org_of.iter().flatten().map(|o| o.id.0).collect();
    let lookups = Lookups::load(db, &used).await?;

    let mut checked: Vec<Checked> = rows
        .iter()
        .zip(&org_of)
        .map(|((_, cells), org)| {
            check_row(
                cells,
                org.as_ref().copied().map_err(String::as_str),
                &lookups,
                today,
            )
        })
        .collect();

    // Duplicate ID numbers: one person is one member per organisation.
    let keys: Vec<Option<(i64, String)>> = rows
        .iter()
        .zip(&org_of)
        .map(|((_, cells), org)| {
            let id = IdNumber::parse(&cells[ID_NUMBER]).ok()?;
            Some((org.as_ref().ok()?.id.0, cipher.digest(id.as_str())))
        })
        .collect();
    let existing = existing_digests(db, keys.iter().flatten().map(|(_, d)| d.as_str())).await?;
    let mut first_row: HashMap<&(i64, String), usize> = HashMap::new();
    for (index, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if existing.contains(key) {
            let org = org_of[index]
                .as_ref()
                .map(|o| o.short_name.as_str())
                .unwrap_or("所属政协");
            checked[index]
                .errors
                .push((ID_NUMBER, format!("{org}已有身份证号相同的委员")));
        } else if let Some(first) = first_row.get(key) {
            checked[index]
                .errors
                .push((ID_NUMBER, format!("身份证号与第{first}行重复")));
        } else {
            first_row.insert(key, rows[index].0);
        }
    }

    let mut validation = Validation {
        total_rows: rows.len(),
        valid: Vec::new(),
        problems: Vec::new(),
    };
    for ((row, cells), mut c) in rows.into_iter().zip(checked) {
        match c.draft {
            Some(draft) if c.errors.is_empty() => validation.valid.push((row, draft)),
            _ => {
                c.errors.sort_by_key(|(col, _)| *col);
                let errors = c
                    .errors
                    .into_iter()
                    .map(|(col, message)| FieldError {
                        field: COLUMNS[col].to_string(),
                        message,
                    })
                    .collect();
                validation.problems.push(RowProblem {
                    row,
                    name: cells[NAME].clone(),
                    errors,
                });
            }
        }
    }
    Ok(validation)
}

/// Inserts the drafts in one write transaction, each audited, plus one
/// "member.import" event. All or nothing; returns how many were imported.
pub async fn import(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    file_name: &str,
    drafts: &[(usize, MemberDraft)],
) -> Result<usize> {
    let mut tx = db.write().await?;
    let count = insert_all(&mut tx, cipher, now, who, file_name, drafts).await?;
    tx.commit().await?;
    Ok(count)
}

/// Like `import`, and marks the parked batch consumed in the same
/// transaction, so that confirming twice cannot import twice.
pub async fn import_parked(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    batch: i64,
    file_name: &str,
    drafts: &[(usize, MemberDraft)],
) -> Result<usize> {
    let mut tx = db.write().await?;
    batch::consume(&mut tx, now, batch).await?;
    let count = insert_all(&mut tx, cipher, now, who, file_name, drafts).await?;
    tx.commit().await?;
    Ok(count)
}

async fn insert_all(
    tx: &mut Tx,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    file_name: &str,
    drafts: &[(usize, MemberDraft)],
) -> Result<usize> {
    if drafts.is_empty() {
        return Ok(0);
    }
    for (row, draft) in drafts {
        crate::member::insert(tx, cipher, now, who, draft)
            .await
            .map_err(|e| at_row(e, *row))?;
    }
    let summary = format!("导入委员{}名（文件：{file_name}）", drafts.len());
    audit::append(
        tx,
        now,
        who,
        Event::new("member.import", "member", file_name, summary),
    )
    .await?;
    Ok(drafts.len())
}

/// Names the row and column of a refusal that only the database could see
/// (an ID number stored since the check).
fn at_row(e: StoreError, row: usize) -> StoreError {
    match e {
        StoreError::Invalid(errors) => {
            let mut out = FieldErrors::new();
            for err in errors.0 {
                let field = FIELDS
                    .iter()
                    .position(|f| *f == err.field)
                    .map_or(err.field.as_str(), |i| COLUMNS[i]);
                out.add(field, format!("第{row}行：{}", err.message));
            }
            StoreError::Invalid(out)
        }
        other => other,
    }
}
