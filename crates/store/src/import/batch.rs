//! Uploaded files parked between the validation report and the user's
//! "import the valid rows". A parked file holds personal data in clear, so
//! it is wiped once consumed and dropped after a day.

use domain::{OrgId, UserId};
use sea_query::{Expr, Query};

use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::ImportBatches;

/// How long an unconfirmed upload is kept.
const KEEP_SECONDS: i64 = 24 * 60 * 60;

/// Stores an uploaded file and returns its batch id. Batches older than a
/// day are deleted on the way.
pub async fn park(
    db: &Db,
    now: i64,
    user: UserId,
    org: OrgId,
    file_name: &str,
    bytes: &[u8],
) -> Result<i64> {
    let mut tx = db.write().await?;
    tx.execute(
        &Query::delete()
            .from_table(ImportBatches::Table)
            .and_where(Expr::col(ImportBatches::CreatedAt).lt(now - KEEP_SECONDS))
            .to_owned(),
    )
    .await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(ImportBatches::Table)
                .columns([
                    ImportBatches::UserId,
                    ImportBatches::OrgId,
                    ImportBatches::FileName,
                    ImportBatches::Data,
                    ImportBatches::CreatedAt,
                    ImportBatches::UpdatedAt,
                ])
                .values_panic([
                    user.0.into(),
                    org.0.into(),
                    file_name.into(),
                    bytes.to_vec().into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(ImportBatches::Id)
                .to_owned(),
        )
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// A parked upload: its file name, bytes and the organisation chosen for
/// rows that leave 所属政协 empty.
pub struct Parked {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub default_org: OrgId,
}

/// A parked upload. NotFound when the batch is another user's, already
/// consumed or dropped after a day.
pub async fn parked(db: &Db, batch: i64, user: UserId) -> Result<Parked> {
    let row = db
        .one(
            &Query::select()
                .columns([
                    ImportBatches::FileName,
                    ImportBatches::Data,
                    ImportBatches::OrgId,
                ])
                .from(ImportBatches::Table)
                .and_where(Expr::col(ImportBatches::Id).eq(batch))
                .and_where(Expr::col(ImportBatches::UserId).eq(user.0))
                .and_where(Expr::col(ImportBatches::ConsumedAt).is_null())
                .to_owned(),
        )
        .await?;
    Ok(Parked {
        file_name: get(&row, "file_name")?,
        bytes: get(&row, "data")?,
        default_org: OrgId(get(&row, "org_id")?),
    })
}

/// Marks a batch as imported and wipes its bytes. NotFound when it was
/// already consumed, so a second confirmation cannot import twice.
pub async fn mark_consumed(db: &Db, now: i64, batch: i64) -> Result<()> {
    let mut tx = db.write().await?;
    consume(&mut tx, now, batch).await?;
    tx.commit().await
}

/// Marks a batch consumed inside the caller's transaction.
pub(crate) async fn consume(tx: &mut Tx, now: i64, batch: i64) -> Result<()> {
    let touched = tx
        .execute(
            &Query::update()
                .table(ImportBatches::Table)
                .values([
                    (ImportBatches::ConsumedAt, now.into()),
                    (ImportBatches::Data, Vec::<u8>::new().into()),
                    (ImportBatches::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(ImportBatches::Id).eq(batch))
                .and_where(Expr::col(ImportBatches::ConsumedAt).is_null())
                .to_owned(),
        )
        .await?;
    if touched == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
