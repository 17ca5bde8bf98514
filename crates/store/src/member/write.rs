//! Changing members: create (alone or inside an import), update,
//! deactivate or reactivate, and a member's own contact details; all audited.

use domain::member::MemberDraft;
use domain::{FieldErrors, MemberId};
use sea_query::{Alias, Expr, Query};

use super::Member;
use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::Members;

/// Checks that the sector, committee and term belong to the member's organisation.
async fn check_references(tx: &mut Tx, d: &MemberDraft) -> Result<()> {
    let mut errors = FieldErrors::new();
    let refs: [(&str, &str, Option<i64>, &str); 3] = [
        (
            "sectors",
            "sector_id",
            Some(d.sector_id.0),
            "界别不属于所选政协",
        ),
        (
            "committees",
            "committee_id",
            d.committee_id.map(|c| c.0),
            "专委会不属于所选政协",
        ),
        (
            "terms",
            "term_id",
            d.term_id.map(|t| t.0),
            "届次不属于所选政协",
        ),
    ];
    for (table, field, id, message) in refs {
        let Some(id) = id else { continue };
        let found = tx
            .optional(
                &Query::select()
                    .column(Alias::new("id"))
                    .from(Alias::new(table))
                    .and_where(Expr::col(Alias::new("id")).eq(id))
                    .and_where(Expr::col(Alias::new("org_id")).eq(d.org_id.0))
                    .to_owned(),
            )
            .await?;
        if found.is_none() {
            errors.add(field, message);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(errors))
    }
}

pub(crate) fn draft_values(
    cipher: &FieldCipher,
    d: &MemberDraft,
    now: i64,
) -> Result<Vec<(Members, sea_query::SimpleExpr)>> {
    let phone_cipher = d
        .phone
        .as_ref()
        .map(|p| cipher.encrypt(p.as_str()))
        .transpose()?;
    let id_cipher = d
        .id_number
        .as_ref()
        .map(|i| cipher.encrypt(i.as_str()))
        .transpose()?;
    Ok(vec![
        (Members::OrgId, d.org_id.0.into()),
        (Members::Name, d.name.clone().into()),
        (Members::Gender, d.gender.code().into()),
        (Members::Ethnicity, d.ethnicity.clone().into()),
        (
            Members::BirthDate,
            d.birth_date.map(|b| b.to_string()).into(),
        ),
        (Members::Party, d.party.code().into()),
        (Members::SectorId, d.sector_id.0.into()),
        (Members::CommitteeId, d.committee_id.map(|c| c.0).into()),
        (Members::TermId, d.term_id.map(|t| t.0).into()),
        (Members::Post, d.post.code().into()),
        (Members::WorkUnit, d.work_unit.clone().into()),
        (
            Members::JobTitle,
            d.job_title.clone().unwrap_or_default().into(),
        ),
        (Members::PhoneCipher, phone_cipher.into()),
        (
            Members::PhoneMasked,
            d.phone
                .as_ref()
                .map(|p| p.masked())
                .unwrap_or_default()
                .into(),
        ),
        (Members::IdCipher, id_cipher.into()),
        (
            Members::IdMasked,
            d.id_number
                .as_ref()
                .map(|i| i.masked())
                .unwrap_or_default()
                .into(),
        ),
        (
            Members::IdDigest,
            d.id_number
                .as_ref()
                .map(|i| cipher.digest(i.as_str()))
                .into(),
        ),
        (Members::Email, d.email.clone().unwrap_or_default().into()),
        (
            Members::Address,
            d.address.clone().unwrap_or_default().into(),
        ),
        (Members::UpdatedAt, now.into()),
    ])
}

const DUPLICATE_ID: &str = "本政协已有相同身份证号的委员";

/// Inserts a member inside the caller's transaction (used by the form and the import).
pub async fn insert(
    tx: &mut Tx,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    d: &MemberDraft,
) -> Result<MemberId> {
    check_references(tx, d).await?;
    let mut values = draft_values(cipher, d, now)?;
    values.push((Members::CreatedAt, now.into()));
    let (columns, exprs): (Vec<_>, Vec<_>) = values.into_iter().unzip();
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(Members::Table)
                .columns(columns)
                .values_panic(exprs)
                .returning_col(Members::Id)
                .to_owned(),
        )
        .await
        .map_err(|e| e.unique_as_field("id_digest", "id_number", DUPLICATE_ID))?;
    let summary = format!("新增委员：{}", d.name);
    crate::version::bump(tx, crate::version::DIRECTORY, now).await?;
    audit::append(
        tx,
        now,
        who,
        Event::new("member.create", "member", id, summary),
    )
    .await?;
    Ok(MemberId(id))
}

pub async fn create(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    d: &MemberDraft,
) -> Result<MemberId> {
    let mut tx = db.write().await?;
    let id = insert(&mut tx, cipher, now, who, d).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a member's fields. Empty phone or ID inputs keep the stored value,
/// since the form never shows them in full.
pub async fn update(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    before: &Member,
    d: &MemberDraft,
) -> Result<()> {
    let mut tx = db.write().await?;
    check_references(&mut tx, d).await?;
    let keep = |col: &Members| {
        (d.phone.is_none() && matches!(col, Members::PhoneCipher | Members::PhoneMasked))
            || (d.id_number.is_none()
                && matches!(
                    col,
                    Members::IdCipher | Members::IdMasked | Members::IdDigest
                ))
    };
    let values: Vec<_> = draft_values(cipher, d, now)?
        .into_iter()
        .filter(|(c, _)| !keep(c))
        .collect();
    tx.execute(
        &Query::update()
            .table(Members::Table)
            .values(values)
            .and_where(Expr::col(Members::Id).eq(before.row.id.0))
            .to_owned(),
    )
    .await
    .map_err(|e| e.unique_as_field("id_digest", "id_number", DUPLICATE_ID))?;
    let after = serde_json::json!({
        "name": d.name, "party": d.party.code(), "post": d.post.code(), "sector_id": d.sector_id,
        "committee_id": d.committee_id, "work_unit": d.work_unit, "org_id": d.org_id,
        "phone_masked": d.phone.as_ref().map(|p| p.masked()).unwrap_or(before.row.phone_masked.clone()),
    });
    let summary = format!("修改委员：{}", d.name);
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("member.update", "member", before.row.id, summary).change(&before.row, &after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deactivates or reactivates a member; members are never deleted.
pub async fn set_active(db: &Db, now: i64, who: &Who, member: &Member, active: bool) -> Result<()> {
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Members::Table)
            .values([
                (Members::Active, i64::from(active).into()),
                (Members::UpdatedAt, now.into()),
            ])
            .and_where(Expr::col(Members::Id).eq(member.row.id.0))
            .to_owned(),
    )
    .await?;
    let (action, verb) = if active {
        ("member.activate", "恢复")
    } else {
        ("member.deactivate", "停用")
    };
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new(
            action,
            "member",
            member.row.id,
            format!("{verb}委员：{}", member.row.name),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The contact details a member may change themselves. No phone keeps the stored one.
pub struct Contact {
    pub phone: Option<domain::member::Phone>,
    pub email: String,
    pub address: String,
}

pub async fn update_contact(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    id: MemberId,
    contact: &Contact,
) -> Result<()> {
    let mut values = vec![
        (Members::Email, contact.email.clone().into()),
        (Members::Address, contact.address.clone().into()),
        (Members::UpdatedAt, now.into()),
    ];
    if let Some(p) = &contact.phone {
        values.push((Members::PhoneCipher, cipher.encrypt(p.as_str())?.into()));
        values.push((Members::PhoneMasked, p.masked().into()));
    }
    let mut tx = db.write().await?;
    tx.execute(
        &Query::update()
            .table(Members::Table)
            .values(values)
            .and_where(Expr::col(Members::Id).eq(id.0))
            .to_owned(),
    )
    .await?;
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
    audit::append(
        &mut tx,
        now,
        who,
        Event::new("member.contact", "member", id, "委员修改本人联系方式"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
