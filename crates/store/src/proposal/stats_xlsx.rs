//! 提案统计 as Excel: one sheet per table of the statistics page (总体,
//! 类别, 地区, 界别, 提案人类型, 承办单位, 逾期未答复). The tables hold one
//! row per group, so the workbook is built in memory. Counts are numbers,
//! rates are fractions formatted as percentages (`—` when nothing to
//! divide by).

use domain::proposal::stats::{Overdue, Rate, Row, Tally};
use domain::proposal::ProposalStats;
use domain::tracking::AnswerClass;
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Result, StoreError};

/// The columns of a breakdown of proposals (units count assignments, so
/// their sheet starts with 交办 instead of 收到/立案).
const PROPOSAL_COLUMNS: [&str; 14] = [
    "收到",
    "立案",
    "立案率",
    "交办（件次）",
    "已答复",
    "按时答复",
    "按时答复率",
    "A类",
    "B类",
    "C类",
    "评价",
    "满意及基本满意",
    "满意率",
    "逾期",
];

/// The workbook of `s`, as bytes.
pub fn stats_workbook(s: &ProposalStats) -> Result<Vec<u8>> {
    workbook(s).map_err(|e| StoreError::Other(format!("生成 Excel 文件失败：{e}")))
}

fn workbook(s: &ProposalStats) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let f = Formats::new();
    let totals = Row {
        key: String::new(),
        label: "合计".into(),
        tally: s.totals.clone(),
    };
    breakdown(
        &mut book,
        &f,
        "总体",
        "范围",
        std::slice::from_ref(&totals),
        false,
    )?;
    breakdown(&mut book, &f, "按类别", "类别", &s.by_category, false)?;
    breakdown(&mut book, &f, "按地区", "政协组织", &s.by_org, false)?;
    breakdown(&mut book, &f, "按界别", "界别", &s.by_sector, false)?;
    breakdown(
        &mut book,
        &f,
        "按提案人类型",
        "提案人类型",
        &s.by_kind,
        false,
    )?;
    breakdown(&mut book, &f, "按承办单位", "承办单位", &s.by_unit, true)?;
    overdue(&mut book, &f, &s.overdue)?;
    book.save_to_buffer()
}

struct Formats {
    header: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7)),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

fn headed<'b>(
    book: &'b mut Workbook,
    f: &Formats,
    name: &str,
    headers: &[&str],
) -> Result<&'b mut Worksheet, XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (col, title) in headers.iter().enumerate() {
        let col = col as u16;
        let width = (title.chars().count() as f64 * 2.5).clamp(8.0, 30.0);
        sheet.set_column_width(col, if col == 0 { 24.0 } else { width })?;
        sheet.write_string_with_format(0, col, *title, &f.header)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(sheet)
}

fn breakdown(
    book: &mut Workbook,
    f: &Formats,
    name: &str,
    first: &str,
    rows: &[Row],
    units: bool,
) -> Result<(), XlsxError> {
    let mut headers = vec![first];
    headers.extend(PROPOSAL_COLUMNS.iter().skip(if units { 3 } else { 0 }));
    let sheet = headed(book, f, name, &headers)?;
    for (r, i) in rows.iter().zip(1u32..) {
        sheet.write_string(i, 0, &r.label)?;
        for (cell, col) in cells(&r.tally, units).into_iter().zip(1u16..) {
            match cell {
                Cell::Count(n) => {
                    sheet.write_number(i, col, n as f64)?;
                }
                Cell::Rate(rate) => match rate.denominator {
                    0 => {
                        sheet.write_string(i, col, "—")?;
                    }
                    d => {
                        let share = rate.numerator as f64 / d as f64;
                        sheet.write_number_with_format(i, col, share, &f.percent)?;
                    }
                },
            }
        }
    }
    Ok(())
}

enum Cell {
    Count(u64),
    Rate(Rate),
}

/// One row's cells in [`PROPOSAL_COLUMNS`] order (without the first three
/// for units).
fn cells(t: &Tally, units: bool) -> Vec<Cell> {
    let mut cells = Vec::new();
    if !units {
        cells.extend([
            Cell::Count(t.submitted),
            Cell::Count(t.filed),
            Cell::Rate(t.filing_rate()),
        ]);
    }
    cells.extend([
        Cell::Count(t.assignments),
        Cell::Count(t.answered),
        Cell::Count(t.on_time),
        Cell::Rate(t.on_time_rate()),
        Cell::Count(t.class_count(AnswerClass::A)),
        Cell::Count(t.class_count(AnswerClass::B)),
        Cell::Count(t.class_count(AnswerClass::C)),
        Cell::Count(t.ratings),
        Cell::Count(t.satisfied),
        Cell::Rate(t.satisfaction_rate()),
        Cell::Count(t.overdue),
    ]);
    cells
}

fn overdue(book: &mut Workbook, f: &Formats, rows: &[Overdue]) -> Result<(), XlsxError> {
    let headers = [
        "案由",
        "编号",
        "政协组织",
        "承办单位",
        "答复期限",
        "逾期天数",
    ];
    let sheet = headed(book, f, "逾期未答复", &headers)?;
    for (o, i) in rows.iter().zip(1u32..) {
        sheet.write_string(i, 0, &o.title)?;
        let number = o.number.map(|n| n.to_string()).unwrap_or_default();
        sheet.write_string(i, 1, number)?;
        sheet.write_string(i, 2, &o.org_name)?;
        sheet.write_string(i, 3, &o.unit_name)?;
        sheet.write_string(i, 4, o.due.to_string())?;
        sheet.write_number(i, 5, o.days_late as f64)?;
    }
    Ok(())
}
