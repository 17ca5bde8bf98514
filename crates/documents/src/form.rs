//! The pieces of the proposal form: the page (A4 with the margins of
//! official documents), the form's head and fact table, and the body (the
//! two sections and the answers), shared by the single form and the
//! compendium.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Style, StyleType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use crate::{AnswerDocument, ProposalDocument};

/// Sizes are in half-points: 二号 22 pt, 三号 16 pt, 小三 15 pt, 四号 14 pt.
pub(crate) const SIZE_TITLE: usize = 44;
pub(crate) const SIZE_HEADING: usize = 32;
const SIZE_SUBHEADING: usize = 30;
pub(crate) const SIZE_BODY: usize = 28;
/// The table's column widths in twips, summing to the A4 text width.
const GRID: [usize; 4] = [1500, 2900, 1500, 2900];

fn body_font() -> RunFonts {
    RunFonts::new()
        .east_asia("仿宋_GB2312")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

pub(crate) fn title_font() -> RunFonts {
    RunFonts::new()
        .east_asia("方正小标宋简体")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn heading_font() -> RunFonts {
    RunFonts::new()
        .east_asia("黑体")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

/// A4 (210 × 297 mm) with the margins of GB/T 9704 (37, 26, 35, 28 mm),
/// body text in 仿宋 四号, and two heading styles for the compendium's
/// outline (category, then proposal).
pub(crate) fn page_setup(docx: Docx) -> Docx {
    docx.page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .right(1474)
                .bottom(1984)
                .left(1588)
                .header(851)
                .footer(992),
        )
        .default_fonts(body_font())
        .default_size(SIZE_BODY)
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .fonts(heading_font())
                .size(SIZE_HEADING)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .fonts(heading_font())
                .size(SIZE_SUBHEADING)
                .bold()
                .outline_lvl(1),
        )
}

/// A centred line in the title face.
pub(crate) fn centred(text: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().after(120))
        .add_run(Run::new().add_text(text).fonts(title_font()).size(size))
}

/// Body text: one paragraph per line typed, each indented two characters.
pub(crate) fn prose(mut docx: Docx, text: &str) -> Docx {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return docx.add_paragraph(plain("（无）"));
    }
    for line in lines {
        docx = docx.add_paragraph(
            Paragraph::new()
                .indent(None, Some(SpecialIndentType::FirstLine(560)), None, None)
                .line_spacing(LineSpacing::new().line(360))
                .add_run(Run::new().add_text(line)),
        );
    }
    docx
}

pub(crate) fn plain(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// "label：value" with the label in bold.
pub(crate) fn labelled(label: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{label}：")).bold())
        .add_run(Run::new().add_text(value))
}

/// A section label such as 情况与分析, in the heading face but not an
/// outline heading, so the compendium's outline stays category → proposal.
fn section_label(text: &str) -> Paragraph {
    Paragraph::new()
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(240).after(120))
        .add_run(
            Run::new()
                .add_text(text)
                .fonts(heading_font())
                .size(SIZE_HEADING)
                .bold(),
        )
}

fn cell(text: &str, span: usize, bold: bool) -> TableCell {
    let width: usize = GRID.iter().take(span).sum();
    let run = if bold {
        Run::new().add_text(text).bold()
    } else {
        Run::new().add_text(text)
    };
    let mut c = TableCell::new()
        .vertical_align(VAlignType::Center)
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(run));
    if span > 1 {
        c = c.grid_span(span);
    }
    c
}

/// The proposers in words: the names joined, the initiator marked when
/// there are co-signers.
pub(crate) fn proposers_line(doc: &ProposalDocument) -> String {
    match doc.proposers.as_slice() {
        [] => "—".into(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first}（第一提案人）、{}", rest.join("、")),
    }
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() {
        "—"
    } else {
        text
    }
}

/// The form's head: the committee, 提案, term and year with the number,
/// and the fact table.
pub(crate) fn form_header(docx: Docx, doc: &ProposalDocument) -> Docx {
    let session = format!("{}{}年", doc.term, doc.year);
    let number = if doc.number.is_empty() {
        "（立案后编号）".to_string()
    } else {
        doc.number.clone()
    };
    let public = if doc.public {
        "同意公开"
    } else {
        "不公开"
    };
    let rows = vec![
        TableRow::new(vec![
            cell("案由", 1, true),
            cell(or_dash(&doc.title), 3, false),
        ]),
        TableRow::new(vec![
            cell("提案人", 1, true),
            cell(&proposers_line(doc), 3, false),
        ]),
        TableRow::new(vec![
            cell("类别", 1, true),
            cell(or_dash(&doc.category), 1, false),
            cell("提案方式", 1, true),
            cell(or_dash(&doc.kind), 1, false),
        ]),
        TableRow::new(vec![
            cell("提交日期", 1, true),
            cell(or_dash(&doc.submitted_on), 1, false),
            cell("是否公开", 1, true),
            cell(public, 1, false),
        ]),
    ];
    docx.add_paragraph(centred(&doc.org_name, SIZE_TITLE))
        .add_paragraph(centred("提　案", SIZE_TITLE + 8))
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(240))
                .add_run(Run::new().add_text(format!("{session}　　{number}"))),
        )
        .add_table(
            Table::new(rows)
                .set_grid(GRID.to_vec())
                .width(GRID.iter().sum(), WidthType::Dxa),
        )
}

/// 情况与分析, 建议 and, when asked, the accepted answers.
pub(crate) fn proposal_body(docx: Docx, doc: &ProposalDocument, with_answers: bool) -> Docx {
    let docx = prose(
        docx.add_paragraph(section_label("情况与分析")),
        &doc.analysis,
    );
    let mut docx = prose(docx.add_paragraph(section_label("建议")), &doc.suggestions);
    if with_answers && !doc.answers.is_empty() {
        docx = docx.add_paragraph(section_label("承办单位答复"));
        for a in &doc.answers {
            docx = answer(docx, a);
        }
    }
    docx
}

fn answer(docx: Docx, a: &AnswerDocument) -> Docx {
    let mut facts = vec![format!("签发人：{}", a.signed_by)];
    if let Some(no) = a.document_no.as_deref().filter(|n| !n.trim().is_empty()) {
        facts.insert(0, format!("文号：{no}"));
    }
    let docx = docx
        .add_paragraph(
            Paragraph::new()
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(120))
                .add_run(
                    Run::new()
                        .add_text(format!("{}（{}）", a.unit, a.role))
                        .bold(),
                ),
        )
        .add_paragraph(labelled("答复类别", a.class.label()))
        .add_paragraph(plain(&facts.join("　　")))
        .add_paragraph(plain(&format!(
            "联系人：{}　　联系电话：{}",
            a.contact_person, a.contact_phone
        )));
    prose(docx, &a.text)
}
