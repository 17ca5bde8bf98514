//! One function per subcommand.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use domain::Role;
use store::audit::Who;
use store::clock::SystemClock;
use store::{Clock, Db, FieldCipher};

use crate::cli::{AuditAction, Cli, Command, ExportWhat, ImportWhat, IndexAction, UserAction};
use crate::setup;

pub async fn run(cli: Cli) -> Result<ExitCode> {
    let mut config = setup::config(&cli.global)?;
    setup::init_tracing(&config);
    setup::prepare_sqlite_dir(&config.database_url)?;
    let clock = SystemClock;
    match cli.command {
        Command::Serve { demo, listen } => {
            if let Some(listen) = listen {
                config.listen = listen;
                config.check()?;
            }
            let app = web::App::build(config.clone(), Arc::new(SystemClock)).await?;
            if demo && store::demo::is_empty(&app.state.db).await? {
                eprintln!("数据库为空，正在载入演示数据（重庆市政协及38个区县政协）……");
                store::demo::load(
                    &app.state.db,
                    &app.state.cipher,
                    clock.now(),
                    store::demo::Scale::City,
                    true,
                )
                .await?;
            }
            eprintln!("数字政协已启动：http://{}", app.addr);
            app.run().await?;
        }
        Command::Migrate => {
            let db = connect(&config.database_url).await?;
            let applied = store::migrate::run(&db, clock.now()).await?;
            println!("数据库已是最新（本次应用 {} 个迁移）", applied.len());
        }
        Command::Demo { scale, proposals } => {
            let scale: store::demo::Scale = scale.parse().map_err(anyhow::Error::msg)?;
            let db = connect(&config.database_url).await?;
            store::migrate::run(&db, clock.now()).await?;
            let started = std::time::Instant::now();
            let options = store::demo::Options {
                national_proposals: proposals,
            };
            let cipher = cipher(&config)?;
            store::demo::load_with(&db, &cipher, clock.now(), scale, true, &options).await?;
            println!(
                "演示数据已载入，用时 {:.1} 秒。演示账号密码：{}",
                started.elapsed().as_secs_f64(),
                store::demo::DEMO_PASSWORD
            );
        }
        Command::Import {
            what:
                ImportWhat::Members {
                    file,
                    org,
                    valid_only,
                },
        } => {
            let db = connect(&config.database_url).await?;
            return crate::commands_io::import_members(
                &db,
                &cipher(&config)?,
                clock.now(),
                &file,
                org.as_deref(),
                valid_only,
            )
            .await;
        }
        Command::Export {
            what: ExportWhat::Members { file, org },
        } => {
            let db = connect(&config.database_url).await?;
            crate::commands_io::export_members(&db, clock.now(), &file, org.as_deref()).await?;
        }
        Command::User { action } => {
            let db = connect(&config.database_url).await?;
            user(&db, clock.now(), action).await?;
        }
        Command::Backup { path } => backup(&config.database_url, &path).await?,
        Command::Index {
            action: IndexAction::Rebuild,
        } => {
            let db = connect(&config.database_url).await?;
            let r = crate::commands_io::rebuild_index(&db, &config.data_dir.join("search-index"))
                .await?;
            let mb = r.text_bytes as f64 / 1e6;
            println!(
                "全文索引已重建：{} 条（提案、社情民意、群众诉求），文字 {mb:.1} MB，用时 {:.1} 秒（{:.2} MB/s）。",
                r.items,
                r.seconds,
                mb / r.seconds.max(1e-9)
            );
        }
        Command::Audit {
            action: AuditAction::Verify,
        } => {
            let db = connect(&config.database_url).await?;
            let result = store::audit::verify(&db).await?;
            if result.breaks.is_empty() {
                println!(
                    "审计日志完整：共校验 {} 条记录，哈希链无断裂。",
                    result.checked
                );
            } else {
                println!(
                    "审计日志被篡改：共校验 {} 条记录，发现 {} 处问题：",
                    result.checked,
                    result.breaks.len()
                );
                for b in &result.breaks {
                    println!("  - {b}");
                }
                return Ok(ExitCode::from(2));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn connect(url: &str) -> Result<Db> {
    let db = Db::connect(url).await.with_context(|| "无法连接数据库")?;
    store::migrate::run(&db, SystemClock.now()).await?;
    Ok(db)
}

fn cipher(config: &web::Config) -> Result<FieldCipher> {
    FieldCipher::from_hex(&config.field_key)
        .map_err(|m| anyhow::anyhow!("配置项 field_key 有误：{m}"))
}

/// The command line acts as the system itself, recorded as such in the audit log.
pub fn cli_who() -> Who {
    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    Who {
        user_id: None,
        login: format!("cli:{user}"),
        ip: "local".into(),
    }
}

pub async fn find_org(db: &Db, name: Option<&str>) -> Result<store::org::Org> {
    let root_scope = domain::org::OrgPath::from_stored("/".into());
    let orgs = store::org::list_orgs(db, &root_scope).await?;
    match name {
        None => orgs
            .into_iter()
            .next()
            .context("数据库中还没有任何政协组织，请先载入数据"),
        Some(n) => orgs
            .into_iter()
            .find(|o| o.short_name == n || o.name == n)
            .with_context(|| format!("找不到组织“{n}”")),
    }
}

async fn user(db: &Db, now: i64, action: UserAction) -> Result<()> {
    let who = cli_who();
    let policy = store::settings::security_policy(db).await?;
    match action {
        UserAction::Create {
            login,
            role,
            org,
            name,
        } => {
            let role = Role::from_code(&role).with_context(|| format!("未知角色“{role}”"))?;
            let org = find_org(db, org.as_deref()).await?;
            let password = new_password(&policy, &login)?;
            let id = store::user::create(
                db,
                now,
                &who,
                &store::user::NewAccount {
                    display_name: name.unwrap_or_else(|| login.clone()),
                    login: login.clone(),
                    role,
                    org_id: org.id,
                    member_id: None,
                    unit_id: None,
                    password,
                    must_change_password: true,
                },
            )
            .await
            .map_err(describe)?;
            println!(
                "已创建账号 {login}（{}，{}），编号 {id}。首次登录须修改密码。",
                role.label(),
                org.short_name
            );
        }
        UserAction::Reset { login } => {
            let account = store::user::find_by_login(db, &login)
                .await?
                .with_context(|| format!("找不到账号“{login}”"))?;
            let password = new_password(&policy, &login)?;
            store::user::set_password(db, now, &who, account.id, &password, true).await?;
            store::session::end_all(db, now, account.id, "密码被重置").await?;
            println!("已重置 {login} 的密码，下次登录须修改。");
        }
        UserAction::Unlock { login } => {
            let account = store::user::find_by_login(db, &login)
                .await?
                .with_context(|| format!("找不到账号“{login}”"))?;
            store::user::unlock(db, now, &who, account.id).await?;
            println!("已解锁 {login}。");
        }
    }
    Ok(())
}

fn describe(e: store::StoreError) -> anyhow::Error {
    match e {
        store::StoreError::Invalid(fields) => anyhow::anyhow!("{fields}"),
        other => anyhow::anyhow!(other),
    }
}

/// Reads the new password from ZHENGXIE_NEW_PASSWORD or stdin and checks it.
fn new_password(policy: &domain::security::SecurityPolicy, login: &str) -> Result<String> {
    let password = match std::env::var("ZHENGXIE_NEW_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("请输入新密码（输入内容可见，请注意周围环境）：");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\n', '\r']).to_string()
        }
    };
    policy
        .check_password(&password, login)
        .map_err(anyhow::Error::msg)?;
    Ok(password)
}

/// `VACUUM INTO` writes a consistent copy while the server keeps running;
/// the copy is then opened and checked with `PRAGMA integrity_check`.
async fn backup(url: &str, path: &std::path::Path) -> Result<()> {
    if !url.starts_with("sqlite:") {
        bail!("在线备份命令用于内置 SQLite；PostgreSQL 请使用 pg_dump（见 README）");
    }
    if path.exists() {
        bail!("目标文件 {} 已存在，请换一个路径", path.display());
    }
    let target = path
        .to_str()
        .context("备份路径须为 UTF-8")?
        .replace('\'', "''");
    let db = Db::connect(url).await?;
    db.raw(&format!("VACUUM INTO '{target}'"))
        .await
        .context("备份失败")?;
    db.close().await;
    // Opened read-only and outside `Db`, whose connections would switch the copy to WAL.
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .read_only(true);
    let copy = sqlx::SqlitePool::connect_with(options)
        .await
        .context("无法打开备份文件")?;
    let rows = sqlx::query_scalar::<_, String>("PRAGMA integrity_check")
        .fetch_all(&copy)
        .await?;
    copy.close().await;
    if rows != ["ok"] {
        bail!("备份文件完整性检查未通过：{}", rows.join("; "));
    }
    let size = std::fs::metadata(path)?.len();
    println!(
        "备份完成：{}（{:.1} MB），完整性检查通过。",
        path.display(),
        size as f64 / 1_048_576.0
    );
    Ok(())
}
