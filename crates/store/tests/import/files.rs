//! Files that cannot be read: refused with a reason, never a panic.

use calamine::{Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Workbook};
use store::import::{self, COLUMNS, MAX_ROWS};

use super::support::{file_error, fresh_db, row, xlsx};

#[tokio::test]
async fn unreadable_files_are_refused_with_a_reason() {
    let t = fresh_db().await;
    let scope = t.root.path.clone();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(
        file_error(t.validate(&scope, &garbage).await).contains("不是有效的 Excel（.xlsx）文件")
    );
    assert!(file_error(t.validate(&scope, b"").await).contains("空的"));
    let mut truncated = xlsx(COLUMNS, &[row("截断", 1, &[])]);
    truncated.truncate(truncated.len() / 2);
    assert!(file_error(t.validate(&scope, &truncated).await).contains("Excel"));

    let wrong = xlsx(&["名字", "电话"], &[vec!["张三".into(), "139".into()]]);
    assert!(file_error(t.validate(&scope, &wrong).await).contains("找不到表头"));
    let without_gender: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| *c != "性别" && *c != "界别")
        .collect();
    let message = file_error(
        t.validate(&scope, &xlsx(&without_gender, &[vec!["张三".into()]]))
            .await,
    );
    assert_eq!(
        message,
        "第一个工作表“Sheet1”缺少“性别”“界别”列，请使用导入模板"
    );
    assert!(file_error(t.validate(&scope, &xlsx(&[], &[])).await).contains("是空的"));
    assert!(file_error(t.validate(&scope, &xlsx(COLUMNS, &[])).await).contains("没有委员数据"));

    let too_many: Vec<Vec<String>> = (0..=MAX_ROWS).map(|i| vec![format!("人{i}")]).collect();
    let message = file_error(t.validate(&scope, &xlsx(COLUMNS, &too_many)).await);
    assert!(message.contains("超过20000行"), "{message}");
    t.finish().await;
}

/// Walks every cell as calamine would, outside our guard.
fn calamine_reads(bytes: &[u8]) -> Result<(), calamine::XlsxError> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Ok(());
    };
    let mut cells = book.worksheet_cells_reader(&name)?;
    while cells.next_cell()?.is_some() {}
    Ok(())
}

#[test]
fn a_file_that_makes_the_parser_panic_is_refused() {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 1, 1).unwrap();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&fixed));
    let sheet = book.add_worksheet();
    sheet.write_row(0, 0, COLUMNS.iter().copied()).unwrap();
    sheet
        .write_row(1, 0, row("损坏", 1, &[]).iter().map(String::as_str))
        .unwrap();
    let clean = book.save_to_buffer().unwrap();
    // calamine 0.31 panics on some corrupt files (a shared-string index out
    // of range); find them by flipping single bytes.
    let mut panicking = 0;
    for pos in 0..clean.len() {
        let mut bytes = clean.clone();
        bytes[pos] ^= 0x5a;
        if std::panic::catch_unwind(|| calamine_reads(&bytes)).is_err() {
            panicking += 1;
            assert!(import::read_sheet(&bytes).is_err());
        }
    }
    assert!(
        panicking > 0,
        "calamine no longer panics on corrupt files; this guard test can go"
    );
}
