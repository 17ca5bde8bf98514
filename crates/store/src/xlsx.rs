//! Writing .xlsx files: the member import template, the member list export
//! and a plain table writer for other lists. Lists are written in
//! rust_xlsxwriter's constant-memory mode, row by row, never whole in memory.

use std::path::Path;

use domain::member::{Gender, Party, Post};
use domain::org::OrgPath;
use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Result, StoreError};
use crate::import::{COLUMNS, MAX_ROWS, REQUIRED};
use crate::member::{MemberFilter, MemberRow};

/// Excel refuses longer cell text.
const MAX_CELL_CHARS: usize = 32_767;

fn failed(e: XlsxError) -> StoreError {
    match e {
        XlsxError::RowColumnLimitError => StoreError::Other(
            "数据超过 Excel 单个工作表的行数上限（1048576行），请缩小范围后再导出".into(),
        ),
        other => StoreError::Other(format!("生成 Excel 文件失败：{other}")),
    }
}

/// Column width in Excel's units for a header: Chinese characters are
/// about two units wide; contents are usually wider than the header.
fn width_for(header: &str) -> f64 {
    match header {
        "性别" | "民族" | "届次" | "职务" => 8.0,
        "姓名" => 10.0,
        "出生日期" | "政治面貌" | "手机号" => 14.0,
        "身份证号" | "电子邮箱" | "界别" | "专委会" | "所属政协" | "职务职称" => {
            22.0
        }
        "工作单位" | "通讯地址" => 30.0,
        other => (other.chars().count() as f64 * 2.5).clamp(10.0, 40.0),
    }
}

/// Writes a bold, frozen header row with column widths.
fn header(sheet: &mut Worksheet, headers: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    for (col, title) in headers.iter().enumerate() {
        let col = col as u16;
        let plain = title.trim_end_matches('*');
        sheet.set_column_width(col, width_for(plain))?;
        sheet.write_string_with_format(0, col, *title, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The example row of the template; it parses as it stands.
const EXAMPLE: [&str; 16] = [
    "张伟",
    "男",
    "汉族",
    "1968-05-12",
    "中共党员",
    "",
    "中国共产党",
    "",
    "",
    "委员",
    "重庆大学",
    "教授",
    "13812345678",
    "11010519491231002X",
    "zhangwei@example.com",
    "重庆市沙坪坝区沙正街174号",
];

/// The import template: the member sheet (required columns marked "*",
/// every cell text-formatted so ID numbers keep their digits, drop-down lists
/// for the fixed choices) and a "填写说明" sheet.
pub fn member_template() -> Result<Vec<u8>, StoreError> {
    build_template().map_err(failed)
}

fn build_template() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("委员信息")?;
    let headers: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            if REQUIRED.contains(c) {
                format!("{c}*")
            } else {
                c.to_string()
            }
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let text = Format::new().set_num_format("@");
    for col in 0..COLUMNS.len() {
        sheet.set_column_format(col as u16, &text)?;
    }
    header(sheet, &headers)?;
    let example = Format::new()
        .set_num_format("@")
        .set_italic()
        .set_font_color(Color::RGB(0x808080));
    for (col, value) in EXAMPLE.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *value, &example)?;
    }
    let choices: [(&str, Vec<&str>); 3] = [
        ("性别", Gender::ALL.iter().map(|g| g.label()).collect()),
        ("政治面貌", Party::ALL.iter().map(|p| p.label()).collect()),
        ("职务", Post::ALL.iter().map(|p| p.label()).collect()),
    ];
    for (name, labels) in &choices {
        if let Some(col) = COLUMNS.iter().position(|c| c == name) {
            let rule = DataValidation::new()
                .allow_list_strings(labels)?
                .set_error_title("填写有误")?
                .set_error_message(format!("{name}请从下拉列表中选择"))?;
            sheet.add_data_validation(1, col as u16, MAX_ROWS as u32, col as u16, &rule)?;
        }
    }

    let notes = book.add_worksheet();
    notes.set_name("填写说明")?;
    let bold = Format::new().set_bold();
    notes.set_column_width(0, 100)?;
    let required: Vec<&str> = REQUIRED.to_vec();
    let lines = [
        format!("1. 带“*”的列必须填写：{}。其余列可以留空。", required.join("、")),
        "2. 第2行是示例，导入前请删除或改为真实数据。".to_string(),
        "3. 所属政协填组织简称或全称（如“渝中区政协”）；留空则导入到当前所在的政协。".to_string(),
        "4. 界别、专委会、届次须与所属政协已设置的名称一致；届次也可填届数，如“6”。".to_string(),
        "5. 出生日期格式：1965-03-09，也可写 1965/3/9 或 19650309；民族写全称，如“土家族”，留空为汉族。".to_string(),
        "6. 手机号为11位数字；身份证号为18位，最后一位可为X。请保持单元格为文本格式，以免 Excel 改写长数字。".to_string(),
        "7. 同一政协内身份证号不能重复。".to_string(),
        format!("8. 一个文件最多{MAX_ROWS}行数据。"),
    ];
    notes.write_string_with_format(0, 0, "填写说明", &bold)?;
    for (i, line) in lines.iter().enumerate() {
        notes.write_string(i as u32 + 1, 0, line)?;
    }
    let top = lines.len() as u32 + 2;
    notes.write_string_with_format(top, 0, "可填的值", &bold)?;
    for (col, (name, labels)) in choices.iter().enumerate() {
        let col = col as u16 + 1;
        notes.set_column_width(col, 16)?;
        notes.write_string_with_format(top, col, *name, &bold)?;
        for (i, label) in labels.iter().enumerate() {
            notes.write_string(top + 1 + i as u32, col, *label)?;
        }
    }
    book.save_to_buffer()
}

/// Columns of the member list export.
const EXPORT_COLUMNS: [&str; 10] = [
    "姓名",
    "性别",
    "政治面貌",
    "职务",
    "所属政协",
    "界别",
    "专委会",
    "工作单位",
    "职务职称",
    "手机号",
];

fn export_cells(m: MemberRow) -> [String; 10] {
    [
        m.name,
        m.gender,
        m.party,
        m.post,
        m.org_name,
        m.sector_name,
        m.committee_name,
        m.work_unit,
        m.job_title,
        m.phone_masked,
    ]
}

/// Streams the members matching `filter` within `scope` into an .xlsx file
/// at `path`, 1,000 rows at a time. Phone numbers are masked. Returns the
/// number of members written.
pub async fn export_members(
    db: &crate::Db,
    scope: &OrgPath,
    filter: &MemberFilter,
    path: &Path,
) -> Result<usize, StoreError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name("委员名单").map_err(failed)?;
    header(sheet, &EXPORT_COLUMNS).map_err(failed)?;
    let mut written: u32 = 0;
    crate::member::for_each_batch(db, scope, filter, 1000, |rows| {
        for m in rows {
            written += 1;
            sheet
                .write_row(written, 0, export_cells(m))
                .map_err(failed)?;
        }
        Ok(())
    })
    .await?;
    save(book, path.to_path_buf()).await?;
    Ok(written as usize)
}

/// Zipping a large sheet takes a while: off the async workers.
async fn save(mut book: Workbook, path: std::path::PathBuf) -> Result<()> {
    tokio::task::spawn_blocking(move || book.save(path).map_err(failed))
        .await
        .map_err(|e| StoreError::Other(format!("生成 Excel 文件失败：{e}")))?
}

/// Writes a one-sheet table: a header row and text rows. Returns the number
/// of rows written, header not counted.
pub fn write_table(
    path: &Path,
    sheet: &str,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<usize, StoreError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet_with_constant_memory();
    ws.set_name(sheet)
        .map_err(|_| StoreError::Other(format!("工作表名称“{sheet}”无效")))?;
    header(ws, headers).map_err(failed)?;
    let mut written: u32 = 0;
    for row in rows {
        written += 1;
        let cells = row.into_iter().map(|cell| {
            if cell.chars().count() > MAX_CELL_CHARS {
                cell.chars().take(MAX_CELL_CHARS - 1).chain(['…']).collect()
            } else {
                cell
            }
        });
        ws.write_row(written, 0, cells).map_err(failed)?;
    }
    book.save(path).map_err(failed)?;
    Ok(written as usize)
}
