//! Member list and table exports, read back with calamine.

use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::{Data, Reader, Xlsx};
use store::member::MemberFilter;

use super::support::fresh_db;

fn read_back(path: &std::path::Path) -> (Vec<String>, Vec<Vec<Data>>) {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    (
        book.sheet_names(),
        range.rows().map(<[Data]>::to_vec).collect(),
    )
}

#[tokio::test]
async fn exports_stream_to_a_file_calamine_reads_back() {
    let t = fresh_db().await;
    let dir = std::env::temp_dir();
    let path = dir.join(format!(
        "zx_export_{}_{}.xlsx",
        std::process::id(),
        NEXT_FILE.fetch_add(1, Ordering::SeqCst)
    ));
    let expected = store::member::list(&t.db, &t.root.path, &MemberFilter::default(), 1, 1)
        .await
        .unwrap()
        .total;
    // Spawned, to prove the export future may run on any worker.
    let (db, scope, p) = (t.db.clone(), t.root.path.clone(), path.clone());
    let written = tokio::spawn(async move {
        store::xlsx::export_members(&db, &scope, &MemberFilter::default(), &p).await
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(written as i64, expected);
    let (sheets, rows) = read_back(&path);
    assert_eq!(sheets, ["委员名单"]);
    assert_eq!(rows.len(), written + 1);
    assert_eq!(rows[0][0], Data::String("姓名".into()));
    assert_eq!(rows[0][9], Data::String("手机号".into()));
    let phone = rows[1][9].to_string();
    assert!(phone.len() == 11 && &phone[3..7] == "****", "{phone}");

    let district = MemberFilter {
        org_id: Some(t.district.id.0),
        ..MemberFilter::default()
    };
    let written = store::xlsx::export_members(&t.db, &t.root.path, &district, &path)
        .await
        .unwrap();
    assert_eq!(read_back(&path).1.len(), written + 1);
    assert!(rows.len() > written + 1);

    let table = (0..3).map(|i| {
        vec![
            format!("账号{i}"),
            "x".repeat(if i == 2 { 40_000 } else { 3 }),
        ]
    });
    let n = store::xlsx::write_table(&path, "账号", &["登录名", "备注"], table).unwrap();
    let (sheets, rows) = read_back(&path);
    assert_eq!((n, sheets, rows.len()), (3, vec!["账号".to_string()], 4));
    assert_eq!(rows[3][1].to_string().chars().count(), 32_767);
    assert!(store::xlsx::write_table(&path, "bad/name", &["a"], std::iter::empty()).is_err());
    let _ = std::fs::remove_file(&path);
    t.finish().await;
}

static NEXT_FILE: AtomicUsize = AtomicUsize::new(0);
