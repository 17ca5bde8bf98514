//! The attachments of one record as its page draws them: a block per place
//! (unit, and opinion for supervision) with the files, and the upload form
//! where the user may attach now. `templates/files/block.html` draws one.

use domain::UnitId;
use store::files::{Attachment, Owner, OwnerKind};

use super::place::upload_path;
use crate::error::WebError;
use crate::state::AppState;

/// An upload refused at one place: the page comes back with the message
/// beside that place's form.
#[derive(Debug, Clone)]
pub struct AttachError {
    pub owner: Owner,
    pub message: String,
}

/// One file as listed.
#[derive(Debug, Clone)]
pub struct FileRow {
    pub id: i64,
    pub name: String,
    pub size: String,
    pub by: String,
    pub when: String,
}

impl From<&Attachment> for FileRow {
    fn from(a: &Attachment) -> Self {
        FileRow {
            id: a.id,
            name: a.name.clone(),
            size: a.size_label(),
            by: a.uploaded_login.clone(),
            when: crate::view::when(Some(a.uploaded_at)),
        }
    }
}

/// The files at one place and, where the user may attach, the form.
#[derive(Debug, Clone)]
pub struct FileBlock {
    pub label: &'static str,
    /// `unit-part`, for element ids and the anchor after an upload.
    pub anchor: String,
    pub rows: Vec<FileRow>,
    /// Where the upload form posts; `None` when the user may not attach.
    pub upload_to: Option<String>,
    pub error: Option<String>,
    pub accept: String,
    pub limit: String,
    pub max_files: usize,
}

/// Every place's block on one record page.
#[derive(Debug, Clone)]
pub struct FileBlocks {
    kind: OwnerKind,
    record: i64,
    files: Vec<Attachment>,
    attachable: Vec<(UnitId, i64)>,
    error: Option<AttachError>,
    accept: String,
    limit: String,
    max_files: usize,
}

impl FileBlocks {
    /// Reads the record's files; `open` are the places where the user may
    /// attach (`place::open_places`, from the steps the page already has).
    pub async fn load(
        state: &AppState,
        kind: OwnerKind,
        record: i64,
        open: Vec<(UnitId, i64)>,
        error: Option<AttachError>,
    ) -> Result<FileBlocks, WebError> {
        let limits = state.config.attachment_limits();
        Ok(FileBlocks {
            kind,
            record,
            files: store::files::of_record(&state.db, kind, record).await?,
            attachable: open,
            error,
            accept: domain::files::accepted_endings(),
            limit: domain::files::size_label(limits.max_bytes),
            max_files: limits.max_files,
        })
    }

    /// The block at one place (a proposal's part is 0).
    pub fn at(&self, unit: &UnitId, part: i64) -> FileBlock {
        let owner = Owner {
            kind: self.kind,
            record: self.record,
            unit: *unit,
            part,
        };
        FileBlock {
            label: self.kind.label(),
            anchor: format!("{}-{}", unit.0, part),
            rows: self
                .files
                .iter()
                .filter(|a| a.owner == owner)
                .map(FileRow::from)
                .collect(),
            upload_to: self
                .attachable
                .contains(&(*unit, part))
                .then(|| upload_path(&owner)),
            error: self
                .error
                .as_ref()
                .filter(|e| e.owner == owner)
                .map(|e| e.message.clone()),
            accept: self.accept.clone(),
            limit: self.limit.clone(),
            max_files: self.max_files,
        }
    }
}
