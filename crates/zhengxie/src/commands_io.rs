//! Import and export from the command line: the same checks as the web
//! pages, with the report printed row by row.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use store::audit::{self, Event};
use store::import::ImportError;
use store::member::MemberFilter;
use store::{Db, FieldCipher};

use crate::commands::{cli_who, find_org};

pub async fn import_members(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    file: &Path,
    org: Option<&str>,
    valid_only: bool,
) -> Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("无法读取文件 {}", file.display()))?;
    let default_org = find_org(db, org).await?;
    let root = find_org(db, None).await?;
    let today = store::clock::local_date(now);
    let v = match store::import::validate(db, cipher, &root.path, default_org.id, today, &bytes)
        .await
    {
        Ok(v) => v,
        Err(ImportError::File(message)) => anyhow::bail!("{message}"),
        Err(ImportError::Store(e)) => return Err(e.into()),
    };
    println!(
        "共 {} 行：有效 {} 行，有误 {} 行。",
        v.total_rows,
        v.valid.len(),
        v.problems.len()
    );
    for p in &v.problems {
        println!("  {}", p.message());
    }
    if !v.problems.is_empty() && !valid_only {
        println!("未导入任何数据。请修改后重新导入，或加 --valid-only 只导入有效的行。");
        return Ok(ExitCode::from(2));
    }
    if v.valid.is_empty() {
        println!("没有可导入的记录。");
        return Ok(ExitCode::from(2));
    }
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let count = store::import::import(db, cipher, now, &cli_who(), &name, &v.valid).await?;
    println!("已导入 {count} 名委员。");
    Ok(ExitCode::SUCCESS)
}

pub async fn export_members(db: &Db, now: i64, file: &Path, org: Option<&str>) -> Result<()> {
    let org = find_org(db, org).await?;
    let count = store::xlsx::export_members(db, &org.path, &MemberFilter::default(), file).await?;
    let summary = format!("命令行导出委员名单 {count} 条（{}）", org.short_name);
    audit::record(
        db,
        now,
        &cli_who(),
        Event::new("export", "member", "", summary),
    )
    .await?;
    println!("已导出 {count} 名委员到 {}", file.display());
    Ok(())
}

/// What a rebuild did.
pub struct Rebuilt {
    pub proposals: u64,
    /// Bytes of title, body, suggestions and answers indexed.
    pub text_bytes: u64,
    pub seconds: f64,
}

/// Rebuilds the search index from every proposal in the database, then
/// records the feed position so the server continues from there.
pub async fn rebuild_index(db: &Db, dir: &Path) -> Result<Rebuilt> {
    let started = std::time::Instant::now();
    let head = store::proposal::feed_head(db).await?;
    let index = web::search::SearchIndex::open(dir.to_path_buf()).map_err(anyhow::Error::msg)?;
    let bar = indicatif::ProgressBar::new_spinner();
    // Streams: searches keep the old index until `finish`, and the whole
    // corpus is never held in memory.
    let mut rebuild = index
        .index
        .begin_rebuild()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut after = 0;
    let mut text_bytes = 0;
    loop {
        let ids = store::proposal::ids_after(db, after, 1000).await?;
        let Some(last) = ids.last() else { break };
        after = last.0;
        // Four readers at once: one at a time, the database round-trips
        // leave the indexing threads waiting for documents.
        let mut readers = Vec::new();
        for part in ids.chunks(ids.len().div_ceil(4)) {
            let (db, part) = (db.clone(), part.to_vec());
            readers.push(tokio::spawn(async move {
                let mut docs = Vec::with_capacity(part.len());
                for id in part {
                    docs.push(web::search::doc_of(&store::proposal::load(&db, id).await?));
                }
                Ok::<_, store::StoreError>(docs)
            }));
        }
        for reader in readers {
            for doc in reader.await?? {
                text_bytes +=
                    (doc.title.len() + doc.body.len() + doc.suggestions.len() + doc.answers.len())
                        as u64;
                rebuild.add(&doc).map_err(|e| anyhow::anyhow!("{e}"))?;
                bar.inc(1);
            }
        }
    }
    let count = rebuild.finish().map_err(|e| anyhow::anyhow!("{e}"))?;
    index.set_fed_to(head).map_err(anyhow::Error::msg)?;
    bar.finish_and_clear();
    Ok(Rebuilt {
        proposals: count,
        text_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}
