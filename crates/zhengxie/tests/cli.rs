//! The binary's subcommands, run as a user would run them.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

struct Workdir(PathBuf);

impl Drop for Workdir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn workdir() -> Workdir {
    let dir = std::env::temp_dir().join(format!(
        "zhengxie-cli-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    Workdir(dir)
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn zhengxie(dir: &Workdir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengxie"))
        .args(args)
        .arg("--db")
        .arg(format!("sqlite://{}/zx.db", dir.0.display()))
        .env("ZHENGXIE_DATA_DIR", &dir.0)
        .env("ZHENGXIE_NEW_PASSWORD", "Chongqing#2027")
        .env_remove("ZHENGXIE_FIELD_KEY")
        .current_dir(&dir.0)
        .output()
        .expect("run zhengxie")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn demo_users_backup_and_audit_verify() {
    let dir = workdir();
    let o = zhengxie(&dir, &["demo", "--scale", "small"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        dir.0.join("field.key").exists(),
        "a field key is generated for local SQLite"
    );
    let again = zhengxie(&dir, &["demo", "--scale", "small"]);
    assert!(!again.status.success() && text(&again).contains("只能载入空库"));

    let o = zhengxie(
        &dir,
        &[
            "user",
            "create",
            "newclerk",
            "--role",
            "staff",
            "--org",
            "渝中区政协",
            "--name",
            "新干部",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("渝中区政协"));
    let dup = zhengxie(&dir, &["user", "create", "newclerk", "--role", "staff"]);
    assert!(
        !dup.status.success() && text(&dup).contains("登录名已被使用"),
        "{}",
        text(&dup)
    );
    let bad_role = zhengxie(&dir, &["user", "create", "x1", "--role", "root"]);
    assert!(text(&bad_role).contains("未知角色"));
    assert!(zhengxie(&dir, &["user", "reset", "weiyuan"])
        .status
        .success());
    assert!(zhengxie(&dir, &["user", "unlock", "weiyuan"])
        .status
        .success());
    assert!(text(&zhengxie(&dir, &["user", "unlock", "nobody"])).contains("找不到账号"));

    let backup = dir.0.join("copy.db");
    let o = zhengxie(&dir, &["backup", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("完整性检查通过"));
    assert!(std::fs::metadata(&backup).unwrap().len() > 10_000);
    let o = zhengxie(&dir, &["backup", backup.to_str().unwrap()]);
    assert!(!o.status.success() && text(&o).contains("已存在"));

    let o = zhengxie(&dir, &["audit", "verify"]);
    assert!(
        o.status.success() && text(&o).contains("哈希链无断裂"),
        "{}",
        text(&o)
    );
    // Tamper with the database directly, as an intruder would.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}/zx.db", dir.0.display()))
            .await
            .unwrap();
        sqlx::query("UPDATE audit_log SET summary = 'x' WHERE id = 2")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let o = zhengxie(&dir, &["audit", "verify"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("第 2 条记录的内容被修改"), "{}", text(&o));
}

#[test]
fn import_and_export_members() {
    let dir = workdir();
    assert!(zhengxie(&dir, &["demo", "--scale", "small"])
        .status
        .success());
    let template = dir.0.join("template.xlsx");
    std::fs::write(&template, store::xlsx::member_template().unwrap()).unwrap();
    let o = zhengxie(
        &dir,
        &[
            "import",
            "members",
            template.to_str().unwrap(),
            "--org",
            "渝中区政协",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("已导入 1 名委员"));
    // The same file again: the ID number is now a duplicate, nothing is imported.
    let o = zhengxie(
        &dir,
        &[
            "import",
            "members",
            template.to_str().unwrap(),
            "--org",
            "渝中区政协",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("未导入任何数据"));
    let garbage = dir.0.join("garbage.xlsx");
    std::fs::write(&garbage, b"not a workbook").unwrap();
    let o = zhengxie(&dir, &["import", "members", garbage.to_str().unwrap()]);
    assert!(
        !o.status.success() && text(&o).contains("Excel"),
        "{}",
        text(&o)
    );

    let out = dir.0.join("members.xlsx");
    let o = zhengxie(&dir, &["export", "members", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("已导出 345 名委员"), "{}", text(&o));
    assert_eq!(&std::fs::read(&out).unwrap()[..2], b"PK");
}

#[test]
fn bad_configuration_names_the_setting() {
    let dir = workdir();
    let o = Command::new(env!("CARGO_BIN_EXE_zhengxie"))
        .args(["migrate"])
        .env("ZHENGXIE_MAX_UPLOAD_MB", "lots")
        .current_dir(&dir.0)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(text(&o).contains("ZHENGXIE_MAX_UPLOAD_MB"), "{}", text(&o));
    std::fs::write(dir.0.join("zx.toml"), "listen = \"nowhere\"\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_zhengxie"))
        .args(["--config", "zx.toml", "migrate"])
        .current_dir(&dir.0)
        .output()
        .unwrap();
    assert!(text(&o).contains("listen"), "{}", text(&o));
    let o = Command::new(env!("CARGO_BIN_EXE_zhengxie"))
        .args(["migrate", "--db", "postgres://nobody@127.0.0.1:1/x"])
        .current_dir(&dir.0)
        .output()
        .unwrap();
    assert!(
        text(&o).contains("field_key"),
        "PostgreSQL needs an explicit key: {}",
        text(&o)
    );
}

/// Serves HTTPS with the configured certificate, marks cookies Secure, and
/// stops cleanly on SIGTERM.
#[test]
fn serves_tls_and_shuts_down_gracefully() {
    let dir = workdir();
    let ok = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
        ])
        .current_dir(&dir.0)
        .output()
        .expect("openssl is needed for this test");
    assert!(ok.status.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_zhengxie"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--db",
            &format!("sqlite://{}/zx.db", dir.0.display()),
        ])
        .env("ZHENGXIE_DATA_DIR", &dir.0)
        .env("ZHENGXIE_TLS_CERT", dir.0.join("cert.pem"))
        .env("ZHENGXIE_TLS_KEY", dir.0.join("key.pem"))
        .current_dir(&dir.0)
        .spawn()
        .unwrap();
    let url = format!("https://127.0.0.1:{port}");
    let mut up = false;
    for _ in 0..100 {
        let o = Command::new("curl")
            .args(["-sk", &format!("{url}/healthz")])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&o.stdout) == "ok" {
            up = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(up, "the server answers over HTTPS");
    let headers = Command::new("curl")
        .args(["-skI", &format!("{url}/login")])
        .output()
        .unwrap();
    let headers = String::from_utf8_lossy(&headers.stdout).to_string();
    assert!(
        headers.contains("Secure"),
        "cookies are Secure under TLS: {headers}"
    );
    let plain = Command::new("curl")
        .args(["-s", &format!("http://127.0.0.1:{port}/healthz")])
        .output()
        .unwrap();
    assert_ne!(
        String::from_utf8_lossy(&plain.stdout),
        "ok",
        "plain HTTP is not served"
    );
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    let status = server.wait().unwrap();
    assert!(
        status.success(),
        "graceful shutdown exits cleanly: {status:?}"
    );
}
