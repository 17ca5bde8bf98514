//! 提案汇编: one term and year of filed proposals as one document. A cover
//! page, then each category as an outline heading (标题1) on a new page,
//! and under it each proposal as 标题2 with its number and 案由, the
//! proposers, the two sections and the accepted answers.
//!
//! Built one proposal at a time, so the caller can read them from the
//! database in pages and report progress as it goes.

use std::io::{Seek, Write};

use docx_rs::{BreakType, Docx, Paragraph, Run};

use crate::form::{self, centred, labelled, page_setup, plain, SIZE_BODY, SIZE_TITLE};
use crate::{DocumentError, ProposalDocument};

/// What the cover says.
#[derive(Debug, Clone, Default)]
pub struct CompendiumTitle {
    /// The committee's full name.
    pub org_name: String,
    /// e.g. 第六届; empty for every term.
    pub term: String,
    pub year: i32,
    /// How many proposals the compendium holds.
    pub total: u64,
}

/// A compendium being built. Add categories and proposals in the order they
/// are to appear, then [`Compendium::write`].
pub struct Compendium {
    docx: Docx,
    proposals: u64,
}

impl Compendium {
    pub fn new(title: &CompendiumTitle) -> Compendium {
        let docx = page_setup(Docx::new())
            .add_paragraph(centred("", SIZE_TITLE))
            .add_paragraph(centred(&title.org_name, SIZE_TITLE))
            .add_paragraph(centred(
                &format!("{}{}年提案汇编", title.term, title.year),
                SIZE_TITLE,
            ))
            .add_paragraph(centred(
                &format!("（共收录立案提案{}件）", title.total),
                SIZE_BODY,
            ));
        Compendium { docx, proposals: 0 }
    }

    /// Starts a category on a new page.
    pub fn category(self, name: &str, count: u64) -> Compendium {
        let name = if name.trim().is_empty() {
            "未分类"
        } else {
            name
        };
        let docx = self
            .docx
            .add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .page_break_before(true)
                    .keep_next(true)
                    .add_run(Run::new().add_text(name)),
            )
            .add_paragraph(plain(&format!("本类共{count}件")));
        Compendium { docx, ..self }
    }

    /// Adds one proposal under the current category. A proposal whose
    /// proposers did not agree to make it public is listed with its number,
    /// 案由 and proposers only.
    pub fn proposal(self, doc: &ProposalDocument) -> Compendium {
        let heading = if doc.number.is_empty() {
            doc.title.clone()
        } else {
            format!("{}　{}", doc.number, doc.title)
        };
        let mut docx = self.docx;
        if self.proposals > 0 {
            // A thin gap between proposals; categories already start a page.
            docx = docx.add_paragraph(
                Paragraph::new().add_run(Run::new().add_break(BreakType::TextWrapping)),
            );
        }
        docx = docx
            .add_paragraph(
                Paragraph::new()
                    .style("Heading2")
                    .keep_next(true)
                    .add_run(Run::new().add_text(heading)),
            )
            .add_paragraph(labelled("提案人", &form::proposers_line(doc)))
            .add_paragraph(labelled(
                "类别",
                &format!("{}　　提案方式：{}", doc.category, doc.kind),
            ));
        docx = if doc.public {
            form::proposal_body(docx, doc, true)
        } else {
            docx.add_paragraph(plain("（提案人未同意公开，正文与答复从略。）"))
        };
        Compendium {
            docx,
            proposals: self.proposals + 1,
        }
    }

    /// How many proposals were added.
    pub fn len(&self) -> u64 {
        self.proposals
    }

    pub fn is_empty(&self) -> bool {
        self.proposals == 0
    }

    pub fn write<W: Write + Seek>(self, w: W) -> Result<(), DocumentError> {
        crate::pack(self.docx, w)
    }
}
