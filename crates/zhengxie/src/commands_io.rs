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
    /// Items indexed, all kinds together.
    pub items: u64,
    /// Bytes of title, body, suggestions and answers indexed.
    pub text_bytes: u64,
    pub seconds: f64,
}

/// Rebuilds every kind's search index from the database, then records the
/// feed position so the server continues from there.
pub async fn rebuild_index(db: &Db, dir: &Path) -> Result<Rebuilt> {
    let started = std::time::Instant::now();
    let head = store::search_feed::head(db).await?;
    let indexes = web::search::SearchIndex::open(dir.to_path_buf()).map_err(anyhow::Error::msg)?;
    let bar = indicatif::ProgressBar::new_spinner();
    let (mut items, mut text_bytes) = (0, 0);
    for kind in store::search_feed::Kind::ALL {
        let index = indexes.index(kind).map_err(anyhow::Error::msg)?;
        let (count, bytes) = rebuild_kind(db, kind, index, &bar).await?;
        items += count;
        text_bytes += bytes;
    }
    indexes.set_fed_to(head).map_err(anyhow::Error::msg)?;
    bar.finish_and_clear();
    Ok(Rebuilt {
        items,
        text_bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Streams one kind into its index: a reader task loads batches of
/// documents in id order while this task hands the previous batch to the
/// indexing threads. Searches see the old index until the rebuild commits,
/// and the whole corpus is never held in memory.
async fn rebuild_kind(
    db: &Db,
    kind: store::search_feed::Kind,
    index: &web::search::Index,
    bar: &indicatif::ProgressBar,
) -> Result<(u64, u64)> {
    const BATCH: u64 = 2_000;
    let (send, mut receive) = tokio::sync::mpsc::channel(4);
    let reader_db = db.clone();
    let reader = tokio::spawn(async move {
        let mut after = 0;
        loop {
            let (docs, last) = web::search::docs_after(&reader_db, kind, after, BATCH).await?;
            let Some(last) = last else { break };
            after = last;
            if send.send(docs).await.is_err() {
                break;
            }
        }
        Ok::<_, store::StoreError>(())
    });
    let mut rebuild = index.begin_rebuild().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut text_bytes = 0;
    while let Some(docs) = receive.recv().await {
        // Adding blocks while the indexing threads' queue is full; the
        // reader keeps loading meanwhile.
        let added = tokio::task::block_in_place(|| -> Result<u64> {
            let mut bytes = 0;
            for doc in &docs {
                bytes +=
                    (doc.title.len() + doc.body.len() + doc.suggestions.len() + doc.answers.len())
                        as u64;
                rebuild.add(doc).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
            Ok(bytes)
        })?;
        text_bytes += added;
        bar.inc(docs.len() as u64);
    }
    reader.await??;
    let count = rebuild.finish().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((count, text_bytes))
}
