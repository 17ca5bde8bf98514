//! 《社情民意》 bulletin as .docx: the masthead (title, 年第N期, the
//! committee and date), then each piece with its title, its text by
//! section and, for a combined piece, the sources it merges.

use std::io::{Cursor, Seek, Write};

use docx_rs::{BreakType, Docx, Paragraph, Run};

use crate::form::{centred, labelled, page_setup, prose, SIZE_BODY, SIZE_HEADING, SIZE_TITLE};
use crate::DocumentError;

/// One bulletin, every field already in words.
#[derive(Debug, Clone, Default)]
pub struct BulletinDocument {
    /// e.g. 重庆市政协办公厅
    pub org_name: String,
    pub year: i32,
    pub number: i64,
    /// e.g. 2026-04-02; empty while a draft.
    pub issued_on: String,
    pub pieces: Vec<BulletinPiece>,
}

/// A piece: one report (单篇采用) or several merged (综合采用).
#[derive(Debug, Clone, Default)]
pub struct BulletinPiece {
    pub title: String,
    pub combined: bool,
    /// Who sent it, one line a source, e.g. 渝中区政协 王某某.
    pub sources: Vec<String>,
    /// The text by section: (情况, …), (分析, …), (建议, …); a combined
    /// piece lists each source's sections in turn.
    pub sections: Vec<(String, String)>,
}

/// The bulletin as .docx bytes.
pub fn bulletin(doc: &BulletinDocument) -> Result<Vec<u8>, DocumentError> {
    let mut out = Cursor::new(Vec::new());
    write_bulletin(doc, &mut out)?;
    Ok(out.into_inner())
}

pub fn write_bulletin<W: Write + Seek>(doc: &BulletinDocument, w: W) -> Result<(), DocumentError> {
    let mut docx = page_setup(Docx::new());
    docx = docx
        .add_paragraph(centred("社情民意", SIZE_TITLE * 3 / 2))
        .add_paragraph(centred(
            &format!("{}年第{}期", doc.year, doc.number),
            SIZE_HEADING,
        ))
        .add_paragraph(centred(
            &format!(
                "{}　　{}",
                doc.org_name,
                if doc.issued_on.is_empty() {
                    "（未印发）"
                } else {
                    &doc.issued_on
                }
            ),
            SIZE_BODY,
        ));
    for (i, piece) in doc.pieces.iter().enumerate() {
        if i > 0 {
            docx =
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        docx = docx.add_paragraph(centred(&piece.title, SIZE_HEADING));
        let how = if piece.combined {
            "综合采用"
        } else {
            "单篇采用"
        };
        docx = docx.add_paragraph(labelled(how, &piece.sources.join("；")));
        for (label, text) in &piece.sections {
            docx = docx.add_paragraph(labelled(label, ""));
            docx = prose(docx, text);
        }
    }
    docx.build()
        .pack(w)
        .map_err(|e| DocumentError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulletin_packs_with_its_pieces_and_sources() {
        let doc = BulletinDocument {
            org_name: "重庆市政协".into(),
            year: 2026,
            number: 3,
            issued_on: "2026-04-02".into(),
            pieces: vec![BulletinPiece {
                title: "关于农村养老服务的综合反映".into(),
                combined: true,
                sources: vec!["渝中区政协 王某".into(), "江北区政协 李某".into()],
                sections: vec![("情况".into(), "农村老人多。".into())],
            }],
        };
        let bytes = bulletin(&doc).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let xml = String::from_utf8_lossy(&bytes);
        assert!(!xml.is_empty());
    }
}
