//! Several app servers starting at once on an empty database: exactly one
//! migrates, the others find the schema ready.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use store::Db;

async fn fresh_url() -> String {
    let name = format!("zhengxie_test_{}", &store::session::random_token()[..16]);
    match std::env::var("ZHENGXIE_TEST_PG") {
        Ok(server) if !server.is_empty() => {
            let server = server.trim_end_matches('/');
            let admin = sqlx::PgPool::connect(&format!("{server}/postgres"))
                .await
                .unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .unwrap();
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}/{name}.db", std::env::temp_dir().display()),
    }
}

#[tokio::test]
async fn concurrent_starts_migrate_once() {
    let url = fresh_url().await;
    let mut servers = Vec::new();
    for _ in 0..4 {
        servers.push(Db::connect(&url).await.unwrap());
    }
    let runs =
        futures_util::future::join_all(servers.iter().map(|db| store::migrate::run(db, 1))).await;
    let applied: Vec<Vec<i64>> = runs
        .into_iter()
        .map(|r| r.expect("every server starts"))
        .collect();
    let migrating: Vec<_> = applied.iter().filter(|a| !a.is_empty()).collect();
    assert_eq!(
        migrating.len(),
        1,
        "exactly one server applies the migrations: {applied:?}"
    );
    assert_eq!(migrating[0].len(), store::migrate::MIGRATIONS.len());
    // And a restart applies nothing.
    assert!(store::migrate::run(&servers[0], 2)
        .await
        .unwrap()
        .is_empty());
}
