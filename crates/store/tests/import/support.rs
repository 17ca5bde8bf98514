//! The fresh database and the spreadsheet builders every test uses.

use std::sync::atomic::{AtomicUsize, Ordering};

use domain::org::OrgPath;
use rust_xlsxwriter::Workbook;
use sqlx::{Connection, Executor};
use store::audit::Who;
use store::import::{self, ImportError, COLUMNS};
use store::member::MemberFilter;
use store::{Db, FieldCipher};
use time::macros::date;

pub const NOW: i64 = 1_795_000_000;
const TODAY: time::Date = date!(2026 - 11 - 27);

pub struct TestDb {
    pub db: Db,
    pub cipher: FieldCipher,
    /// 重庆市政协, the root of the demo tree.
    pub root: store::org::Org,
    /// 渝中区政协, one of its districts.
    pub district: store::org::Org,
    cleanup: Cleanup,
}

enum Cleanup {
    File(String),
    Postgres { server: String, name: String },
}

/// `url` with its database path replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (rest, query) = rest
        .split_once('?')
        .map_or((rest, None), |(r, q)| (r, Some(q)));
    let host = rest.split('/').next().unwrap_or(rest);
    match query {
        Some(q) => format!("{scheme}://{host}/{name}?{q}"),
        None => format!("{scheme}://{host}/{name}"),
    }
}

pub async fn fresh_db() -> TestDb {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let name = format!(
        "zx_import_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    let (db, cleanup) = match std::env::var("ZHENGXIE_TEST_PG") {
        Ok(server) if !server.trim().is_empty() => {
            let mut admin = sqlx::PgConnection::connect(&with_database(&server, "postgres"))
                .await
                .unwrap();
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            admin.close().await.unwrap();
            let db = Db::connect(&with_database(&server, &name)).await.unwrap();
            (db, Cleanup::Postgres { server, name })
        }
        _ => {
            let path = std::env::temp_dir()
                .join(format!("{name}.db"))
                .display()
                .to_string();
            (
                Db::connect(&format!("sqlite://{path}")).await.unwrap(),
                Cleanup::File(path),
            )
        }
    };
    let cipher = FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap();
    store::migrate::run(&db, NOW).await.unwrap();
    store::demo::load(&db, &cipher, NOW, store::demo::Scale::Small, false)
        .await
        .unwrap();
    let orgs = store::org::list_orgs(&db, &OrgPath::from_stored("/".into()))
        .await
        .unwrap();
    let find = |short: &str| {
        orgs.iter()
            .find(|o| o.short_name == short)
            .cloned()
            .unwrap()
    };
    TestDb {
        root: find("重庆市政协"),
        district: find("渝中区政协"),
        db,
        cipher,
        cleanup,
    }
}

impl TestDb {
    pub async fn validate(
        &self,
        scope: &OrgPath,
        bytes: &[u8],
    ) -> Result<import::Validation, ImportError> {
        import::validate(&self.db, &self.cipher, scope, self.root.id, TODAY, bytes).await
    }

    pub async fn count_named(&self, name: &str) -> i64 {
        let filter = MemberFilter {
            q: Some(name.into()),
            ..MemberFilter::default()
        };
        store::member::list(&self.db, &self.root.path, &filter, 1, 50)
            .await
            .unwrap()
            .total
    }

    pub async fn finish(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{path}{suffix}"));
                }
            }
            Cleanup::Postgres { server, name } => {
                let mut admin = sqlx::PgConnection::connect(&with_database(&server, "postgres"))
                    .await
                    .unwrap();
                admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await
                    .unwrap();
            }
        }
    }
}

pub fn who() -> Who {
    Who {
        user_id: None,
        login: "tester".into(),
        ip: "127.0.0.1".into(),
    }
}

/// A valid ID number born 1970-01-01 in 北京市西城区, told apart by `seq`.
pub fn id_number(seq: u32) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let id17 = format!("11010219700101{:03}", seq % 1000);
    let sum: u32 = id17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    format!("{id17}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

/// A valid row for the default organisation, with some columns replaced.
pub fn row(name: &str, seq: u32, changes: &[(&str, &str)]) -> Vec<String> {
    let mut cells: Vec<String> = vec![
        name,
        "男",
        "",
        "1970-01-01",
        "中共党员",
        "",
        "中国共产党",
        "",
        "",
        "委员",
        "重庆大学",
        "",
        "",
        "",
        "",
        "",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    cells[12] = format!("139{:08}", seq);
    cells[13] = id_number(seq);
    for (column, value) in changes {
        let index = COLUMNS.iter().position(|c| c == column).unwrap();
        cells[index] = value.to_string();
    }
    cells
}

/// An .xlsx with one sheet: `headers` in row 1 and `rows` below, as text.
pub fn xlsx(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_row(0, 0, headers.iter().copied()).unwrap();
    for (i, r) in rows.iter().enumerate() {
        sheet
            .write_row(i as u32 + 1, 0, r.iter().map(String::as_str))
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

pub fn file_error(result: Result<import::Validation, ImportError>) -> String {
    match result {
        Err(ImportError::File(message)) => message,
        other => panic!("expected a file error, got {other:?}"),
    }
}
