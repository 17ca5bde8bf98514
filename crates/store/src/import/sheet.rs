//! Reading the member sheet of an uploaded .xlsx: finds the header row, maps
//! columns by their Chinese names and turns every cell into text. Cells are
//! streamed, so a file that claims a million rows is refused early.

use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

/// Column headers of the template, in order.
pub const COLUMNS: &[&str] = &[
    "姓名",
    "性别",
    "民族",
    "出生日期",
    "政治面貌",
    "所属政协",
    "界别",
    "专委会",
    "届次",
    "职务",
    "工作单位",
    "职务职称",
    "手机号",
    "身份证号",
    "电子邮箱",
    "通讯地址",
];

/// Columns a file must have; the others may be left out and read as empty.
pub const REQUIRED: &[&str] = &["姓名", "性别", "政治面貌", "界别", "职务", "工作单位"];

/// The most data rows one file may hold.
pub const MAX_ROWS: usize = 20_000;

/// How many non-empty rows may sit above the header (a title, a note).
const HEADER_SEARCH: usize = 10;

const NOT_XLSX: &str = "文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传";

/// A header cell as written, without surrounding spaces or a trailing
/// required-marker "*".
pub fn normalize_header(raw: &str) -> &str {
    raw.trim().trim_end_matches(['*', '＊']).trim()
}

/// Reads the first visible worksheet: (row number as Excel shows it, cells in
/// `COLUMNS` order). Entirely empty rows are skipped.
pub fn read_sheet(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
    if bytes.is_empty() {
        return Err("上传的文件是空的".into());
    }
    // calamine parses untrusted input: a panic inside it must become a
    // refusal of the file, not a crashed request.
    std::panic::catch_unwind(|| parse(bytes)).unwrap_or_else(|_| Err(NOT_XLSX.into()))
}

fn open_error(e: XlsxError, bytes: &[u8]) -> String {
    match e {
        XlsxError::Password => "文件设置了打开密码，请取消密码后再上传".into(),
        // The OLE header of the old binary format (.xls).
        _ if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => {
            "文件是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 后再上传".into()
        }
        _ => NOT_XLSX.into(),
    }
}

fn parse(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| open_error(e, bytes))?;
    let sheet = book
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .ok_or_else(|| "文件中没有可以读取的工作表".to_string())?;
    let broken = |_| format!("无法读取工作表“{sheet}”，文件可能已损坏");
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(broken)?;
    let mut sink = Sink::new(sheet.clone());
    let mut current: Option<(u32, Vec<(u32, String)>)> = None;
    while let Some(cell) = cells.next_cell().map_err(broken)? {
        let (row, col) = cell.get_position();
        let text = cell_text(cell.get_value());
        if current.as_ref().is_some_and(|(r, _)| *r != row) {
            if let Some((r, values)) = current.take() {
                sink.row(r, values)?;
            }
        }
        if !text.is_empty() {
            current
                .get_or_insert_with(|| (row, Vec::new()))
                .1
                .push((col, text));
        }
    }
    if let Some((r, values)) = current.take() {
        sink.row(r, values)?;
    }
    sink.finish()
}

/// Collects rows once the header is known.
struct Sink {
    sheet: String,
    /// File column → index in `COLUMNS`.
    header: Option<Vec<(u32, usize)>>,
    rows_before_header: usize,
    rows: Vec<(usize, Vec<String>)>,
}

impl Sink {
    fn new(sheet: String) -> Sink {
        Sink {
            sheet,
            header: None,
            rows_before_header: 0,
            rows: Vec::new(),
        }
    }

    fn row(&mut self, row: u32, values: Vec<(u32, String)>) -> Result<(), String> {
        let Some(header) = &self.header else {
            return self.maybe_header(values);
        };
        let mut cells = vec![String::new(); COLUMNS.len()];
        for (col, text) in values {
            if let Some((_, index)) = header.iter().find(|(c, _)| *c == col) {
                cells[*index] = text;
            }
        }
        // A row with text only in columns we do not read is not a member.
        if cells.iter().all(String::is_empty) {
            return Ok(());
        }
        if self.rows.len() == MAX_ROWS {
            return Err(format!("文件超过{MAX_ROWS}行数据，请分成多个文件导入"));
        }
        self.rows.push((row as usize + 1, cells));
        Ok(())
    }

    fn maybe_header(&mut self, values: Vec<(u32, String)>) -> Result<(), String> {
        let map: Vec<(u32, usize)> = values
            .iter()
            .filter_map(|(col, text)| {
                let name = normalize_header(text);
                COLUMNS.iter().position(|c| *c == name).map(|i| (*col, i))
            })
            .collect();
        if map.is_empty() {
            self.rows_before_header += 1;
            if self.rows_before_header >= HEADER_SEARCH {
                return Err(self.no_header());
            }
            return Ok(());
        }
        let missing: Vec<String> = REQUIRED
            .iter()
            .filter(|name| !map.iter().any(|(_, i)| COLUMNS[*i] == **name))
            .map(|name| format!("“{name}”"))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "第一个工作表“{}”缺少{}列，请使用导入模板",
                self.sheet,
                missing.join("")
            ));
        }
        self.header = Some(map);
        Ok(())
    }

    fn no_header(&self) -> String {
        format!(
            "第一个工作表“{}”中找不到表头，第一行应为“姓名”“性别”等列名，请使用导入模板",
            self.sheet
        )
    }

    fn finish(self) -> Result<Vec<(usize, Vec<String>)>, String> {
        match self.header {
            None if self.rows_before_header == 0 => {
                Err(format!("第一个工作表“{}”是空的", self.sheet))
            }
            None => Err(self.no_header()),
            Some(_) if self.rows.is_empty() => Err(format!(
                "第一个工作表“{}”只有表头，没有委员数据",
                self.sheet
            )),
            Some(_) => Ok(self.rows),
        }
    }
}

/// The text of a cell as a person would read it in Excel.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            s.trim().to_string()
        }
        DataRef::SharedString(s) => s.trim().to_string(),
        DataRef::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// Phone numbers typed as numbers come back as floats: `13812345678.0`
/// must read `13812345678`.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e17 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_tolerate_spaces_and_required_markers() {
        assert_eq!(normalize_header(" 姓名* "), "姓名");
        assert_eq!(normalize_header("手机号＊"), "手机号");
        assert_eq!(normalize_header("工作单位"), "工作单位");
    }

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(13812345678.0), "13812345678");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(f64::NAN), "NaN");
    }

    #[test]
    fn garbage_is_refused_without_panicking() {
        assert_eq!(read_sheet(b"not a zip at all"), Err(NOT_XLSX.to_string()));
        assert!(read_sheet(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]).is_err());
        assert!(read_sheet(b"PK\x03\x04garbage").is_err());
        assert!(read_sheet(b"").is_err());
    }
}
