//! Turning the command line and configuration into a connected database.

use std::path::Path;

use anyhow::{Context, Result};
use web::Config;

use crate::cli::Global;

/// Reads configuration: defaults, the TOML file, the environment, then the
/// command-line overrides.
pub fn config(global: &Global) -> Result<Config> {
    let mut config = Config::load(global.config.as_deref(), std::env::vars())?;
    if let Some(db) = &global.db {
        config.database_url = db.clone();
    }
    ensure_field_key(&mut config)?;
    config.check()?;
    Ok(config)
}

/// The SM4 key comes from configuration. For a local SQLite deployment
/// without one, a key file is made once under the data directory (mode
/// 0600) so that the demo runs out of the box; PostgreSQL deployments must
/// configure the key explicitly so every app server shares it.
fn ensure_field_key(config: &mut Config) -> Result<()> {
    if !config.field_key.is_empty() {
        return Ok(());
    }
    if !config.database_url.starts_with("sqlite:") {
        anyhow::bail!("配置项 field_key 未设置：使用 PostgreSQL 时必须在配置文件或 ZHENGXIE_FIELD_KEY 中提供32位十六进制密钥");
    }
    let path = config.data_dir.join("field.key");
    if path.exists() {
        config.field_key = std::fs::read_to_string(&path)
            .with_context(|| format!("无法读取 {}", path.display()))?
            .trim()
            .to_string();
        return Ok(());
    }
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("无法创建数据目录 {}", config.data_dir.display()))?;
    let key = store::session::random_token()[..32].to_string();
    write_private(&path, &key)?;
    eprintln!(
        "提示：已生成个人信息加密密钥 {}，请妥善备份；丢失后手机号与身份证号将无法解密。",
        path.display()
    );
    config.field_key = key;
    Ok(())
}

fn write_private(path: &Path, content: &str) -> Result<()> {
    std::fs::write(path, content).with_context(|| format!("无法写入 {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// Makes sure the directory of a SQLite file exists.
pub fn prepare_sqlite_dir(url: &str) -> Result<()> {
    if let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let file = rest.split('?').next().unwrap_or(rest);
        if let Some(dir) = Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("无法创建目录 {}", dir.display()))?;
        }
    }
    Ok(())
}

pub fn init_tracing(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ZHENGXIE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}
