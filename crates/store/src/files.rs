//! Attachments: files a unit hands in with an answer or as evidence.
//!
//! The bytes are sealed with SM4-GCM (the same key as personal data, from
//! configuration) and kept in the database beside the row, written in the
//! same transaction, so every app server reads the same files and a backup
//! of the database holds them. The row keeps the SM3 digest of the plain
//! bytes, which is checked on every read. Removing an attachment hides it
//! and records who did it; the bytes stay, as the record of what was once
//! handed in.

use domain::files::{Accepted, FileKind};
use domain::{OrgId, UnitId};
use sea_query::{Expr, Order, Query, SelectStatement};
use sm3::{Digest, Sm3};

use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{AttachmentContents, Attachments};

/// What an attachment belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerKind {
    /// A handling unit's answer to a proposal.
    ProposalAnswer,
    /// A department's rectification evidence for a supervision opinion.
    SupervisionEvidence,
    /// A handling unit's answer to a citizen's demand forwarded to it.
    DemandAnswer,
}

impl OwnerKind {
    pub fn code(self) -> &'static str {
        match self {
            OwnerKind::ProposalAnswer => "proposal_answer",
            OwnerKind::SupervisionEvidence => "supervision_evidence",
            OwnerKind::DemandAnswer => "demand_answer",
        }
    }

    pub fn from_code(code: &str) -> Option<OwnerKind> {
        [
            OwnerKind::ProposalAnswer,
            OwnerKind::SupervisionEvidence,
            OwnerKind::DemandAnswer,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            OwnerKind::ProposalAnswer => "答复附件",
            OwnerKind::SupervisionEvidence => "整改佐证材料",
            OwnerKind::DemandAnswer => "答复附件",
        }
    }
}

/// The one place a file hangs: a unit's answer (or evidence) on a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub kind: OwnerKind,
    pub record: i64,
    pub unit: UnitId,
    /// A part of the record (a supervision opinion's number); 0 if none.
    pub part: i64,
}

impl Owner {
    /// A unit's answer on a record (a proposal or a demand).
    pub fn answer(kind: OwnerKind, record: i64, unit: UnitId) -> Owner {
        Owner {
            kind,
            record,
            unit,
            part: 0,
        }
    }

    /// A department's evidence for opinion `seq` of a supervision topic.
    pub fn evidence(topic: i64, seq: i64, unit: UnitId) -> Owner {
        Owner {
            kind: OwnerKind::SupervisionEvidence,
            record: topic,
            unit,
            part: seq,
        }
    }
}

/// One attachment as listed.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub id: i64,
    pub org: OrgId,
    pub owner: Owner,
    pub name: String,
    pub kind: FileKind,
    pub size: i64,
    pub digest: String,
    pub uploaded_login: String,
    pub uploaded_at: i64,
}

impl Attachment {
    pub fn size_label(&self) -> String {
        domain::files::size_label(u64::try_from(self.size).unwrap_or(0))
    }
}

/// Seals and opens attachments' bytes.
#[derive(Clone, Debug)]
pub struct FileStore {
    cipher: FieldCipher,
}

impl FileStore {
    pub fn new(cipher: FieldCipher) -> FileStore {
        FileStore { cipher }
    }

    /// The plain bytes of an attachment, checked against its digest.
    pub async fn read(&self, db: &Db, a: &Attachment) -> Result<Vec<u8>> {
        let sealed = sealed_bytes(db, a.id).await?;
        let plain = self.cipher.open(&sealed)?;
        if sm3_hex(&plain) != a.digest {
            return Err(StoreError::Crypto("附件校验不符：文件已被改动".into()));
        }
        Ok(plain)
    }
}

/// An attachment's bytes as stored (sealed), whether or not it was removed.
pub async fn sealed_bytes(db: &Db, id: i64) -> Result<Vec<u8>> {
    let q = Query::select()
        .column(AttachmentContents::Content)
        .from(AttachmentContents::Table)
        .and_where(Expr::col(AttachmentContents::AttachmentId).eq(id))
        .to_owned();
    match db.optional(&q).await? {
        Some(r) => get(&r, "content"),
        None => Err(StoreError::NotFound),
    }
}

fn sm3_hex(bytes: &[u8]) -> String {
    hex::encode(Sm3::digest(bytes))
}

fn select() -> SelectStatement {
    Query::select()
        .columns([
            Attachments::Id,
            Attachments::OrgId,
            Attachments::OwnerKind,
            Attachments::RecordId,
            Attachments::UnitId,
            Attachments::Part,
            Attachments::Name,
            Attachments::Kind,
            Attachments::Size,
            Attachments::Digest,
            Attachments::UploadedLogin,
            Attachments::UploadedAt,
        ])
        .from(Attachments::Table)
        .and_where(Expr::col(Attachments::RemovedAt).is_null())
        .order_by(Attachments::Id, Order::Asc)
        .to_owned()
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<Attachment> {
    let kind_code: String = get(r, "owner_kind")?;
    let file_code: String = get(r, "kind")?;
    Ok(Attachment {
        id: get(r, "id")?,
        org: OrgId(get(r, "org_id")?),
        owner: Owner {
            kind: OwnerKind::from_code(&kind_code)
                .ok_or_else(|| StoreError::Other(format!("unknown owner kind {kind_code}")))?,
            record: get(r, "record_id")?,
            unit: UnitId(get(r, "unit_id")?),
            part: get(r, "part")?,
        },
        name: get(r, "name")?,
        kind: FileKind::from_code(&file_code)
            .ok_or_else(|| StoreError::Other(format!("unknown file kind {file_code}")))?,
        size: get(r, "size")?,
        digest: get(r, "digest")?,
        uploaded_login: get(r, "uploaded_login")?,
        uploaded_at: get(r, "uploaded_at")?,
    })
}

/// Every attachment of a record (all units and parts), oldest first.
pub async fn of_record(db: &Db, kind: OwnerKind, record: i64) -> Result<Vec<Attachment>> {
    let q = select()
        .and_where(Expr::col(Attachments::OwnerKind).eq(kind.code()))
        .and_where(Expr::col(Attachments::RecordId).eq(record))
        .to_owned();
    db.all(&q).await?.iter().map(from_row).collect()
}

/// The attachments in one place.
pub async fn of_owner(db: &Db, owner: Owner) -> Result<Vec<Attachment>> {
    Ok(of_record(db, owner.kind, owner.record)
        .await?
        .into_iter()
        .filter(|a| a.owner == owner)
        .collect())
}

/// One attachment that has not been removed.
pub async fn get_one(db: &Db, id: i64) -> Result<Attachment> {
    let q = select()
        .and_where(Expr::col(Attachments::Id).eq(id))
        .to_owned();
    match db.optional(&q).await? {
        Some(r) => from_row(&r),
        None => Err(StoreError::NotFound),
    }
}

/// A checked upload, and where it goes.
#[derive(Clone, Copy)]
pub struct NewFile<'a> {
    pub org: OrgId,
    pub owner: Owner,
    pub accepted: &'a Accepted,
    pub bytes: &'a [u8],
}

/// Stores a checked upload, its sealed bytes and the audit entry, in one
/// transaction.
pub async fn add(
    db: &Db,
    files: &FileStore,
    now: i64,
    who: &Who,
    file: NewFile<'_>,
) -> Result<Attachment> {
    let NewFile {
        org,
        owner,
        accepted,
        bytes,
    } = file;
    let sealed = files.cipher.seal(bytes)?;
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Attachments::Table)
                .columns([
                    Attachments::OrgId,
                    Attachments::OwnerKind,
                    Attachments::RecordId,
                    Attachments::UnitId,
                    Attachments::Part,
                    Attachments::Name,
                    Attachments::Kind,
                    Attachments::Size,
                    Attachments::Digest,
                    Attachments::UploadedBy,
                    Attachments::UploadedLogin,
                    Attachments::UploadedAt,
                ])
                .values_panic([
                    org.0.into(),
                    owner.kind.code().into(),
                    owner.record.into(),
                    owner.unit.0.into(),
                    owner.part.into(),
                    accepted.name.clone().into(),
                    accepted.kind.code().into(),
                    size.into(),
                    sm3_hex(bytes).into(),
                    who.user_id.into(),
                    who.login.clone().into(),
                    now.into(),
                ])
                .returning_col(Attachments::Id)
                .to_owned(),
        )
        .await?;
    tx.execute(
        &Query::insert()
            .into_table(AttachmentContents::Table)
            .columns([
                AttachmentContents::AttachmentId,
                AttachmentContents::Content,
            ])
            .values_panic([id.into(), sealed.into()])
            .to_owned(),
    )
    .await?;
    let summary = format!("上传{}“{}”", owner.kind.label(), accepted.name);
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("file.upload", owner.kind.code(), owner.record, summary),
    )
    .await?;
    tx.commit().await?;
    get_one(db, id).await
}

/// Hides an attachment (the bytes stay), with the audit entry.
pub async fn remove(db: &Db, now: i64, who: &Who, a: &Attachment) -> Result<()> {
    let mut tx = db.write().await?;
    let changed = tx
        .execute(
            &Query::update()
                .table(Attachments::Table)
                .values([
                    (Attachments::RemovedAt, now.into()),
                    (Attachments::RemovedLogin, who.login.clone().into()),
                ])
                .and_where(Expr::col(Attachments::Id).eq(a.id))
                .and_where(Expr::col(Attachments::RemovedAt).is_null())
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    let summary = format!("删除{}“{}”", a.owner.kind.label(), a.name);
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("file.remove", a.owner.kind.code(), a.owner.record, summary),
    )
    .await?;
    tx.commit().await
}
