//! Attachments at rest: a stored file reads back byte for byte, its sealed
//! bytes in the database show nothing of it, and a changed byte (or another
//! key) is an error on reading, never wrong content. A fresh SQLite file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use domain::files::check_upload;
use domain::{OrgId, UnitId};
use sea_query::{Expr, Query};
use store::audit::Who;
use store::demo::Scale;
use store::files::{FileStore, NewFile, Owner, OwnerKind};
use store::schema::AttachmentContents;
use store::{Db, FieldCipher};

mod common;
use common::NOW;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj <</Title (\xe7\xad\x94\xe5\xa4\x8d)>> endobj\n%%EOF\n";

async fn fresh_db() -> Db {
    common::demo_db("files", Scale::Small).await.0
}

#[tokio::test]
async fn files_are_sealed_checked_and_tamper_evident() {
    let db = fresh_db().await;
    let key = FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap();
    let files = FileStore::new(key);
    let who = Who {
        user_id: None,
        login: "chengban".into(),
        ip: "127.0.0.1".into(),
    };
    let accepted = check_upload("答复.pdf", PDF.len() as u64, PDF, 0, &Default::default()).unwrap();
    let owner = Owner {
        kind: OwnerKind::ProposalAnswer,
        record: 7,
        unit: UnitId(2),
        part: 0,
    };
    let file = NewFile {
        org: OrgId(1),
        owner,
        accepted: &accepted,
        bytes: PDF,
    };
    let a = store::files::add(&db, &files, NOW, &who, file)
        .await
        .unwrap();
    assert_eq!(a.size, PDF.len() as i64);
    assert_eq!(files.read(&db, &a).await.unwrap(), PDF);
    let sealed = store::files::sealed_bytes(&db, a.id).await.unwrap();
    assert!(!sealed.windows(5).any(|w| w == b"%PDF-"));
    assert_eq!(store::files::of_owner(&db, owner).await.unwrap().len(), 1);

    // Another key cannot open it.
    let other = FileStore::new(FieldCipher::from_hex("00000000000000000000000000000000").unwrap());
    assert!(other.read(&db, &a).await.is_err());

    // One changed byte in the database: an error, not altered content.
    let mut changed = sealed.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    let mut tx = db.write().await.unwrap();
    tx.execute(
        &Query::update()
            .table(AttachmentContents::Table)
            .value(AttachmentContents::Content, changed)
            .and_where(Expr::col(AttachmentContents::AttachmentId).eq(a.id))
            .to_owned(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert!(files.read(&db, &a).await.is_err());

    // Removed: no longer listed, the bytes kept.
    store::files::remove(&db, NOW + 60, &who, &a).await.unwrap();
    assert!(store::files::of_owner(&db, owner).await.unwrap().is_empty());
    assert!(store::files::get_one(&db, a.id).await.is_err());
    assert!(store::files::sealed_bytes(&db, a.id).await.is_ok());
}
