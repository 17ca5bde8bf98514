//! The store tests' harness: a fresh SQLite file under the temporary
//! directory, migrated and loaded with the demo data at a given scale.

#![allow(dead_code)]

use store::demo::Scale;
use store::{Db, FieldCipher};

/// 2026-11-18 in Chongqing.
pub const NOW: i64 = 1_795_000_000;

/// The personal-data key of the tests.
pub fn cipher() -> FieldCipher {
    FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap()
}

/// A new database file named after `name`, with the demo at `scale`;
/// returns it and its path.
pub async fn demo_db(name: &str, scale: Scale) -> (Db, String) {
    let path = std::env::temp_dir()
        .join(format!(
            "zx_{name}_{}_{}.db",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        ))
        .display()
        .to_string();
    let db = Db::connect(&format!("sqlite://{path}")).await.unwrap();
    store::migrate::run(&db, NOW).await.unwrap();
    store::demo::load(&db, &cipher(), NOW, scale, false)
        .await
        .unwrap();
    (db, path)
}
