//! Attachments.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub enum Attachments {
    Table,
    Id,
    OrgId,
    /// What the file is attached to: `proposal_answer`, `supervision_evidence`,
    /// `demand_answer`.
    OwnerKind,
    /// The record (proposal, supervision topic or demand).
    RecordId,
    /// The unit whose answer or evidence it is.
    UnitId,
    /// Within the record: the supervision opinion's number; 0 for proposals.
    Part,
    Name,
    Kind,
    Size,
    /// SM3 of the plain file, hex.
    Digest,
    UploadedBy,
    UploadedLogin,
    UploadedAt,
    RemovedAt,
    RemovedLogin,
}

/// The sealed bytes of each attachment, apart from the rows lists read.
#[derive(Iden, Clone, Copy)]
pub enum AttachmentContents {
    Table,
    AttachmentId,
    /// SM4-GCM: nonce ‖ ciphertext ‖ tag.
    Content,
}
