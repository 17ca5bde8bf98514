//! Member import and export, black-box against a fresh database with the
//! small demo data: a temp SQLite file, or a new PostgreSQL database when
//! ZHENGXIE_TEST_PG names a server (postgres://postgres@127.0.0.1:5432).

// A test binary: its helpers fail loudly like its tests do.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "import/export.rs"]
mod export;
#[path = "import/files.rs"]
mod files;
#[path = "import/support.rs"]
mod support;

use calamine::{Reader, Xlsx};
use domain::{OrgId, UserId};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use store::import::{self, COLUMNS};
use store::member::MemberFilter;
use store::StoreError;
use time::macros::date;

use support::{fresh_db, id_number, row, who, xlsx, NOW};

#[tokio::test]
async fn the_template_round_trips_and_its_example_is_valid() {
    let template = store::xlsx::member_template().unwrap();
    let rows = import::read_sheet(&template).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, 2);
    assert_eq!(rows[0].1[0], "张伟");
    assert_eq!(rows[0].1[13], "11010519491231002X");
    let book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(&template)).unwrap();
    assert_eq!(book.sheet_names(), ["委员信息", "填写说明"]);

    let t = fresh_db().await;
    let report = t.validate(&t.root.path, &template).await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.valid[0].1.org_id, t.root.id);
    t.finish().await;
}

#[tokio::test]
async fn a_clean_file_imports_every_row() {
    let t = fresh_db().await;
    // Headers with spaces and required markers, a date cell and a number
    // cell, as people make them in Excel.
    let headers: Vec<String> = COLUMNS.iter().map(|c| format!(" {c}* ")).collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_row(0, 0, headers.iter().map(String::as_str))
        .unwrap();
    let rows = [
        row("导入甲", 1, &[("届次", "第六届"), ("专委会", "提案委员会")]),
        row(
            "导入乙",
            2,
            &[
                ("所属政协", "渝中区政协"),
                ("性别", "女"),
                ("政治面貌", "九三学社社员"),
                ("界别", "九三学社"),
            ],
        ),
        row(
            "导入丙",
            3,
            &[
                ("所属政协", &t.district.name),
                ("专委会", "经济委员会"),
                ("届次", "17"),
            ],
        ),
    ];
    for (i, r) in rows.iter().enumerate() {
        sheet
            .write_row(i as u32 + 1, 0, r.iter().map(String::as_str))
            .unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(1968, 5, 12).unwrap(), &date)
        .unwrap();
    sheet.write_number(1, 12, 13812345678.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let report = t.validate(&t.root.path, &bytes).await.unwrap();
    assert_eq!(report.total_rows, 3);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let first = &report.valid[0].1;
    assert_eq!(first.birth_date, Some(date!(1968 - 05 - 12)));
    assert_eq!(first.phone.as_ref().unwrap().as_str(), "13812345678");
    assert!(first.term_id.is_some() && first.committee_id.is_some());
    assert_eq!(report.valid[1].1.org_id, t.district.id);
    assert_eq!(report.valid[2].1.org_id, t.district.id);
    assert!(
        report.valid[2].1.term_id.is_some(),
        "a term is found by its number too"
    );

    let imported = import::import(&t.db, &t.cipher, NOW, &who(), "委员.xlsx", &report.valid)
        .await
        .unwrap();
    assert_eq!(imported, 3);
    let filter = MemberFilter {
        q: Some("导入".into()),
        ..MemberFilter::default()
    };
    let page = store::member::list(&t.db, &t.root.path, &filter, 1, 50)
        .await
        .unwrap();
    let names: Vec<&str> = page.rows.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["导入甲", "导入乙", "导入丙"]);
    assert_eq!(page.rows[0].committee_name, "提案委员会");
    assert_eq!(page.rows[1].org_name, "渝中区政协");
    assert_eq!(page.rows[1].party, "九三学社社员");
    let audit = store::audit::Filter {
        action: Some("member.import".into()),
        ..Default::default()
    };
    let entries = store::audit::list(&t.db, &audit, 1, 10).await.unwrap();
    assert_eq!(entries.total, 1);
    assert!(
        entries.rows[0].summary.contains("3名") && entries.rows[0].summary.contains("委员.xlsx")
    );
    assert!(store::audit::verify(&t.db).await.unwrap().breaks.is_empty());
    t.finish().await;
}

#[tokio::test]
async fn bad_rows_are_reported_by_row_and_only_valid_rows_import() {
    let t = fresh_db().await;
    let rows = vec![
        row("好甲", 11, &[]),
        row("坏乙", 12, &[("手机号", "12345")]),
        row("好丙", 13, &[]),
        row("好丁", 14, &[]),
        row(
            "坏戊",
            15,
            &[
                ("性别", "未知"),
                ("工作单位", ""),
                ("出生日期", "1965-02-30"),
                ("界别", "不存在的界别"),
            ],
        ),
    ];
    let report = t
        .validate(&t.root.path, &xlsx(COLUMNS, &rows))
        .await
        .unwrap();
    assert_eq!(report.total_rows, 5);
    assert_eq!(
        report.valid.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        [2, 4, 5]
    );
    assert_eq!(report.problems.len(), 2);
    let phone = &report.problems[0];
    assert_eq!((phone.row, phone.name.as_str()), (3, "坏乙"));
    assert_eq!(phone.errors.len(), 1);
    assert_eq!(phone.errors[0].field, "手机号");
    assert_eq!(
        phone.message(),
        "第3行（坏乙）：手机号应为11位数字，以13至19开头"
    );
    let many = &report.problems[1];
    assert_eq!(many.row, 6);
    let fields: Vec<&str> = many.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["性别", "出生日期", "界别", "工作单位"]);
    assert_eq!(many.errors[0].message, "“未知”不是可选的性别，可填：男、女");
    assert_eq!(many.errors[2].message, "“不存在的界别”不是重庆市政协的界别");
    assert_eq!(many.errors[3].message, "请填写工作单位");

    // Checking writes nothing.
    assert_eq!(t.count_named("好").await, 0);
    let imported = import::import(&t.db, &t.cipher, NOW, &who(), "a.xlsx", &report.valid)
        .await
        .unwrap();
    assert_eq!(imported, 3);
    assert_eq!(t.count_named("好").await, 3);
    assert_eq!(t.count_named("坏").await, 0);
    t.finish().await;
}

#[tokio::test]
async fn duplicate_id_numbers_are_found_in_the_file_and_in_the_database() {
    let t = fresh_db().await;
    let stored = store::member::list(
        &t.db,
        &t.root.path,
        &MemberFilter {
            org_id: Some(t.root.id.0),
            ..Default::default()
        },
        1,
        1,
    )
    .await
    .unwrap()
    .rows[0]
        .id;
    let (_, stored_id) = store::member::personal_data(&t.db, &t.cipher, stored)
        .await
        .unwrap();
    let twin = id_number(21);
    let rows = vec![
        row("重甲", 21, &[]),
        row("重乙", 22, &[("身份证号", &twin)]),
        // The same person may sit in another committee.
        row(
            "重丙",
            23,
            &[("身份证号", &twin), ("所属政协", "渝中区政协")],
        ),
        row("重丁", 24, &[("身份证号", &stored_id.to_lowercase())]),
    ];
    let bytes = xlsx(COLUMNS, &rows);
    let report = t.validate(&t.root.path, &bytes).await.unwrap();
    let problems: Vec<(usize, &str, &str)> = report
        .problems
        .iter()
        .map(|p| {
            (
                p.row,
                p.errors[0].field.as_str(),
                p.errors[0].message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (3, "身份证号", "身份证号与第2行重复"),
            (5, "身份证号", "重庆市政协已有身份证号相同的委员")
        ]
    );
    assert_eq!(report.valid.len(), 2);

    // Importing a duplicate anyway fails as a whole and names the row.
    let mut twice = report.valid.clone();
    twice.push((9, report.valid[0].1.clone()));
    match import::import(&t.db, &t.cipher, NOW, &who(), "dup.xlsx", &twice).await {
        Err(StoreError::Invalid(errors)) => {
            assert_eq!(errors.0[0].field, "身份证号");
            assert!(errors.0[0].message.starts_with("第9行："), "{errors}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(t.count_named("重").await, 0);

    import::import(&t.db, &t.cipher, NOW, &who(), "dup.xlsx", &report.valid)
        .await
        .unwrap();
    let again = t.validate(&t.root.path, &bytes).await.unwrap();
    assert!(again.valid.is_empty());
    assert_eq!(again.problems.len(), 4);
    t.finish().await;
}

#[tokio::test]
async fn organisations_outside_the_scope_are_refused() {
    let t = fresh_db().await;
    let rows = vec![
        row("域甲", 31, &[("所属政协", "重庆市政协")]),
        row("域乙", 32, &[("所属政协", "江北区政协")]),
        row("域丙", 33, &[]),
        row("域丁", 34, &[("所属政协", "渝中区政协")]),
    ];
    // A district clerk whose default would be the city: out of reach too.
    let report = t
        .validate(&t.district.path, &xlsx(COLUMNS, &rows))
        .await
        .unwrap();
    let problems: Vec<(usize, &str)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.errors[0].message.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (2, "所属政协“重庆市政协”不存在或不在您的管理范围内"),
            (3, "所属政协“江北区政协”不存在或不在您的管理范围内"),
            (4, "请填写所属政协"),
        ]
    );
    assert_eq!(report.valid.len(), 1);
    assert_eq!(report.valid[0].1.org_id, t.district.id);
    t.finish().await;
}

#[tokio::test]
async fn parked_files_belong_to_their_uploader_and_are_consumed_once() {
    let t = fresh_db().await;
    let bytes = xlsx(COLUMNS, &[row("暂存甲", 41, &[])]);
    let batch = import::park(&t.db, NOW, UserId(1), t.root.id, "名单.xlsx", &bytes)
        .await
        .unwrap();
    let parked = import::parked(&t.db, batch, UserId(1)).await.unwrap();
    let name = parked.file_name.clone();
    assert_eq!(
        (name.as_str(), parked.bytes.as_slice(), parked.default_org),
        ("名单.xlsx", bytes.as_slice(), t.root.id)
    );
    assert!(matches!(
        import::parked(&t.db, batch, UserId(2)).await,
        Err(StoreError::NotFound)
    ));

    let report = t.validate(&t.root.path, &parked.bytes).await.unwrap();
    let n = import::import_parked(&t.db, &t.cipher, NOW, &who(), batch, &name, &report.valid)
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert!(matches!(
        import::parked(&t.db, batch, UserId(1)).await,
        Err(StoreError::NotFound)
    ));
    // A second confirmation imports nothing.
    let twice =
        import::import_parked(&t.db, &t.cipher, NOW, &who(), batch, &name, &report.valid).await;
    assert!(matches!(twice, Err(StoreError::NotFound)));
    assert!(matches!(
        import::mark_consumed(&t.db, NOW, batch).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(t.count_named("暂存甲").await, 1);

    let other = import::park(&t.db, NOW, UserId(1), OrgId(t.root.id.0), "b.xlsx", &bytes)
        .await
        .unwrap();
    import::mark_consumed(&t.db, NOW, other).await.unwrap();
    assert!(import::parked(&t.db, other, UserId(1)).await.is_err());
    t.finish().await;
}
