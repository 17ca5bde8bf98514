//! Official documents as Word (.docx) files, in the layouts people know from
//! paper (UI.md, "Printing and documents"): the proposal form (提案) and the
//! yearly compendium (提案汇编). Pure building: the caller gathers the facts
//! into plain structs ([`ProposalDocument`]) and gets bytes or writes to any
//! `Write + Seek`; nothing here reads a database or a file.
//!
//! docx-rs writes the OOXML; this crate only decides what goes where.

mod bulletin;
mod compendium;
mod form;

use std::io::{Cursor, Seek, Write};

pub use bulletin::{bulletin, write_bulletin, BulletinDocument, BulletinPiece};
pub use compendium::{Compendium, CompendiumTitle};
pub use domain::tracking::AnswerClass;

/// Why a document could not be written. Only the zip packing can fail.
#[derive(Debug, thiserror::Error)]
#[error("生成 Word 文件失败：{0}")]
pub struct DocumentError(String);

/// One proposal, as printed: every field is already in words.
#[derive(Debug, Clone, Default)]
pub struct ProposalDocument {
    /// The committee's full name, e.g. 中国人民政治协商会议重庆市委员会.
    pub org_name: String,
    /// The term, e.g. 第六届; empty when unknown.
    pub term: String,
    pub year: i32,
    /// 第0012号, or empty before filing.
    pub number: String,
    /// 个人提案, 联名提案 or 集体提案.
    pub kind: String,
    /// The proposers in order: the initiator first, then the co-signers
    /// who confirmed; for a collective proposal, the body.
    pub proposers: Vec<String>,
    pub category: String,
    /// 案由
    pub title: String,
    /// 情况与分析
    pub analysis: String,
    /// 建议
    pub suggestions: String,
    /// The proposer agreed to make it public (同意公开).
    pub public: bool,
    /// The day it was handed in, e.g. 2026-11-27; empty if not yet.
    pub submitted_on: String,
    /// The accepted answers, one per answering unit.
    pub answers: Vec<AnswerDocument>,
}

/// One unit's accepted answer (答复).
#[derive(Debug, Clone)]
pub struct AnswerDocument {
    pub unit: String,
    /// 单办, 主办, 分办 …
    pub role: String,
    pub class: AnswerClass,
    /// 文号, when the unit issued one.
    pub document_no: Option<String>,
    pub signed_by: String,
    pub contact_person: String,
    pub contact_phone: String,
    pub text: String,
}

/// The proposal form of one proposal as .docx bytes.
pub fn proposal_form(doc: &ProposalDocument) -> Result<Vec<u8>, DocumentError> {
    let mut out = Cursor::new(Vec::new());
    write_proposal_form(doc, &mut out)?;
    Ok(out.into_inner())
}

/// Writes the proposal form of one proposal to `w`.
pub fn write_proposal_form<W: Write + Seek>(
    doc: &ProposalDocument,
    w: W,
) -> Result<(), DocumentError> {
    let docx = form::page_setup(docx_rs::Docx::new());
    let docx = form::form_header(docx, doc);
    let docx = form::proposal_body(docx, doc, true);
    pack(docx, w)
}

fn pack<W: Write + Seek>(docx: docx_rs::Docx, w: W) -> Result<(), DocumentError> {
    docx.build()
        .pack(w)
        .map_err(|e| DocumentError(e.to_string()))
}

#[cfg(test)]
mod tests;
