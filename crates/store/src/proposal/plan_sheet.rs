//! The assignment plan as a spreadsheet: a template prefilled with the
//! filed proposals and the units their proposers suggested, and reading a
//! filled-in plan back into [`PlanRow`]s for `bulk_assign`.

use std::io::Cursor;

use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use domain::tracking::AssignmentMode;
use domain::UnitId;
use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, XlsxError};

use super::bulk::{Assignable, PlanRow, ProposalRef, UnitRef};
use crate::error::{Result, StoreError};

/// The plan's columns, in order.
pub const PLAN_COLUMNS: [&str; 5] = [
    "提案号",
    "案由",
    "办理方式(单办/主办会办/分办)",
    "主办单位",
    "会办单位",
];

/// The most rows one plan may hold.
pub const MAX_PLAN_ROWS: usize = 5_000;

/// The separator between unit names in one cell.
pub const UNIT_SEPARATOR: &str = "、";

const NOT_XLSX: &str = "文件不是有效的 Excel（.xlsx）文件，请使用下载的交办方案模板填写后上传";

/// What the page and the template suggest for one proposal: the units the
/// proposer suggested that are active units of the organisation. One unit
/// is 单办; several are 主办+会办 with the first as lead.
pub fn suggested_plan(
    a: &Assignable,
    units: &[(UnitId, String)],
) -> (Option<AssignmentMode>, Option<UnitId>, Vec<UnitId>) {
    let mut known = a
        .suggested
        .iter()
        .filter(|s| units.iter().any(|(u, _)| u == *s))
        .copied();
    let lead = known.next();
    let co: Vec<UnitId> = known.collect();
    let mode = match (lead, co.is_empty()) {
        (None, _) => None,
        (Some(_), true) => Some(AssignmentMode::Single),
        (Some(_), false) => Some(AssignmentMode::LeadWithCo),
    };
    (mode, lead, co)
}

/// The name of a unit, for a cell or an input.
pub fn unit_name(units: &[(UnitId, String)], id: UnitId) -> String {
    units
        .iter()
        .find(|(u, _)| *u == id)
        .map(|(_, n)| n.clone())
        .unwrap_or_default()
}

/// 主办会办 as a sheet writes it (no "+", which Excel may read as a formula).
fn mode_text(mode: Option<AssignmentMode>) -> String {
    mode.map(|m| m.label().replace('+', "")).unwrap_or_default()
}

/// The plan template: one row per proposal, prefilled from the suggested
/// units, with a drop-down for the mode and a sheet of the unit names.
pub fn plan_template(rows: &[Assignable], units: &[(UnitId, String)]) -> Result<Vec<u8>> {
    build(rows, units).map_err(|e| StoreError::Other(format!("生成 Excel 文件失败：{e}")))
}

fn build(rows: &[Assignable], units: &[(UnitId, String)]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("交办方案")?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let text = Format::new().set_num_format("@");
    for (col, (title, width)) in PLAN_COLUMNS
        .iter()
        .zip([12.0, 50.0, 26.0, 30.0, 50.0])
        .enumerate()
    {
        let col = col as u16;
        sheet.set_column_width(col, width)?;
        sheet.set_column_format(col, &text)?;
        sheet.write_string_with_format(0, col, *title, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (i, a) in rows.iter().enumerate() {
        let (mode, lead, co) = suggested_plan(a, units);
        let co: Vec<String> = co.into_iter().map(|u| unit_name(units, u)).collect();
        let row = i as u32 + 1;
        sheet.write_string(row, 0, &a.number)?;
        sheet.write_string(row, 1, &a.title)?;
        sheet.write_string(row, 2, mode_text(mode))?;
        sheet.write_string(
            row,
            3,
            lead.map(|u| unit_name(units, u)).unwrap_or_default(),
        )?;
        sheet.write_string(row, 4, co.join(UNIT_SEPARATOR))?;
    }
    let modes: Vec<String> = AssignmentMode::ALL
        .iter()
        .map(|m| mode_text(Some(*m)))
        .collect();
    let rule = DataValidation::new()
        .allow_list_strings(&modes)?
        .set_error_title("填写有误")?
        .set_error_message("办理方式请从下拉列表中选择")?;
    sheet.add_data_validation(1, 2, MAX_PLAN_ROWS as u32, 2, &rule)?;

    let notes = book.add_worksheet();
    notes.set_name("填写说明")?;
    notes.set_column_width(0, 90)?;
    let lines = [
        "1. 每行一件提案。提案号、案由已按本组织已立案、尚未交办的提案填好；案由仅供对照，不会被读取。",
        "2. 办理方式填“单办”“主办会办”或“分办”。单办只填主办单位；主办会办填一个主办单位和至少一个会办单位；分办的各承办单位可填在主办单位和会办单位两列。",
        "3. 单位名称须与本组织承办单位名单（见“承办单位”工作表）一致，多个单位之间用“、”分隔。",
        "4. 主办单位和会办单位都不填的行，本次不交办。",
        "5. 上传后整份方案逐行检查：任何一行有误，全部不交办，并列出有误的行；全部无误则一次交办。",
    ];
    notes.write_string_with_format(0, 0, "填写说明", &Format::new().set_bold())?;
    for (i, line) in lines.iter().enumerate() {
        notes.write_string(i as u32 + 1, 0, *line)?;
    }
    let list = book.add_worksheet();
    list.set_name("承办单位")?;
    list.set_column_width(0, 40)?;
    list.write_string_with_format(0, 0, "承办单位名称", &bold)?;
    for (i, (_, name)) in units.iter().enumerate() {
        list.write_string(i as u32 + 1, 0, name)?;
    }
    book.save_to_buffer()
}

/// Reads a filled-in plan: every row with a proposal number and at least
/// one unit, numbered as Excel shows the row. Problems of the file itself
/// (not a spreadsheet, no header) are a message; problems of rows are left
/// to `bulk_assign`, which names every bad row.
pub fn read_plan(bytes: &[u8]) -> Result<Vec<PlanRow>, String> {
    if bytes.is_empty() {
        return Err("请选择填好的交办方案（.xlsx）文件".into());
    }
    // calamine parses untrusted input: a panic in it refuses the file.
    std::panic::catch_unwind(|| parse(bytes)).unwrap_or_else(|_| Err(NOT_XLSX.into()))
}

fn parse(bytes: &[u8]) -> Result<Vec<PlanRow>, String> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| NOT_XLSX.to_string())?;
    let name = book
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .ok_or_else(|| "文件中没有可以读取的工作表".to_string())?;
    let range = book
        .worksheet_range(&name)
        .map_err(|_| format!("无法读取工作表“{name}”，文件可能已损坏"))?;
    let start = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut header: Option<[Option<usize>; 5]> = None;
    let mut out = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let text: Vec<String> = cells.iter().map(cell_text).collect();
        let Some(cols) = &header else {
            if i >= 10 {
                break;
            }
            let find = |title: &str| {
                let key = title.split('(').next().unwrap_or(title);
                text.iter().position(|t| t.starts_with(key))
            };
            if find(PLAN_COLUMNS[0]).is_some() {
                header = Some(PLAN_COLUMNS.map(find));
            }
            continue;
        };
        let at = |c: usize| {
            cols[c]
                .and_then(|c| text.get(c))
                .cloned()
                .unwrap_or_default()
        };
        let (number, mode, lead, co) = (at(0), at(2), at(3), at(4));
        if lead.is_empty() && co.is_empty() {
            continue;
        }
        if out.len() == MAX_PLAN_ROWS {
            return Err(format!("交办方案超过{MAX_PLAN_ROWS}行，请分成多个文件上传"));
        }
        out.push(PlanRow {
            row: start + i + 1,
            proposal: ProposalRef::Number(number),
            mode,
            lead: Some(lead)
                .filter(|l| !l.is_empty())
                .map(|l| UnitRef::Name(l.trim().to_string())),
            co: split_names(&co).into_iter().map(UnitRef::Name).collect(),
            version: None,
        });
    }
    match header {
        None => Err(format!(
            "工作表“{name}”中找不到表头，第一行应为“提案号”“案由”等列名，请使用交办方案模板"
        )),
        Some(cols) if cols[3].is_none() || cols[4].is_none() => Err(format!(
            "工作表“{name}”缺少“主办单位”或“会办单位”列，请使用交办方案模板"
        )),
        Some(_) if out.is_empty() => Err("方案中没有填写承办单位的提案".into()),
        Some(_) => Ok(out),
    }
}

/// Unit names as typed: separated by 、 (or a comma, semicolon or newline).
pub fn split_names(raw: &str) -> Vec<String> {
    raw.split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn cell_text(value: &Data) -> String {
    match value {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_on_the_usual_separators() {
        assert_eq!(
            split_names("市教委、 市卫健委,市民政局"),
            ["市教委", "市卫健委", "市民政局"]
        );
        assert!(split_names(" 、 ").is_empty());
    }

    #[test]
    fn garbage_is_refused_without_panicking() {
        assert_eq!(read_plan(b"not a zip").unwrap_err(), NOT_XLSX);
        assert!(read_plan(b"").is_err());
    }

    #[test]
    fn the_template_reads_back() {
        let units = vec![
            (UnitId(1), "市教委".to_string()),
            (UnitId(2), "市卫健委".to_string()),
        ];
        let a = Assignable {
            id: domain::ProposalId(9),
            number: "第0003号".into(),
            title: "关于……的建议".into(),
            category: "社会建设".into(),
            suggested: vec![UnitId(2), UnitId(7), UnitId(1)],
            version: 4,
        };
        let bytes = plan_template(&[a], &units).unwrap();
        let rows = read_plan(&bytes).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 2);
        assert_eq!(rows[0].proposal, ProposalRef::Number("第0003号".into()));
        assert_eq!(rows[0].mode, "主办会办");
        assert_eq!(rows[0].lead, Some(UnitRef::Name("市卫健委".into())));
        assert_eq!(rows[0].co, vec![UnitRef::Name("市教委".into())]);
    }
}
