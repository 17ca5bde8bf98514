//! Members (委员): list with filters, read, create, update, deactivate.
//! Phone and ID numbers are stored encrypted with a masked copy for lists.

use domain::member::{Gender, MemberDraft, Party, Post};
use domain::org::OrgPath;
use domain::{FieldErrors, MemberId, OrgId};
use sea_query::{Alias, Expr, Func, Order, Query, SelectStatement};
use serde::Serialize;
use sqlx::any::AnyRow;

use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{get, Db, Tx};
use crate::error::{Result, StoreError};
use crate::schema::{Committees, Members, Orgs, Sectors};
use crate::Page;

/// Filters of the member list; every one optional.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    /// Part of the name.
    pub q: Option<String>,
    pub org_id: Option<i64>,
    /// Sectors and committees are filtered by name, so that a city user can
    /// pick 教育界 once and see it across every district.
    pub sector: Option<String>,
    pub committee: Option<String>,
    pub party: Option<Party>,
    pub post: Option<Post>,
    /// Show deactivated members instead of active ones.
    pub inactive: bool,
}

/// One row of the list: only masked personal data.
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub id: MemberId,
    pub name: String,
    pub gender: String,
    pub party: String,
    pub post: String,
    pub org_name: String,
    pub sector_name: String,
    pub committee_name: String,
    pub work_unit: String,
    pub job_title: String,
    pub phone_masked: String,
    pub active: bool,
}

/// The full record, personal data still masked.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    #[serde(flatten)]
    pub row: MemberRow,
    pub org_id: OrgId,
    pub org_path: OrgPath,
    pub ethnicity: String,
    pub birth_date: String,
    pub sector_id: i64,
    pub committee_id: Option<i64>,
    pub term_id: Option<i64>,
    pub term_name: String,
    pub id_masked: String,
    pub email: String,
    pub address: String,
    pub gender_code: String,
    pub party_code: String,
    pub post_code: String,
}

fn label<T: Copy>(
    code: &str,
    parse: fn(&str) -> Option<T>,
    label: fn(T) -> &'static str,
) -> String {
    parse(code).map(label).unwrap_or(code).to_string()
}

fn base(scope: &OrgPath, f: &MemberFilter) -> SelectStatement {
    let m = Members::Table;
    let mut q = Query::select()
        .from(m)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((m, Members::OrgId)),
        )
        .and_where(crate::scope::within(scope))
        .and_where(Expr::col((m, Members::Active)).eq(if f.inactive { 0 } else { 1 }))
        .to_owned();
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        q.and_where(
            Expr::col((m, Members::Name))
                .like(sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')),
        );
    }
    if let Some(id) = f.org_id {
        q.and_where(Expr::col((m, Members::OrgId)).eq(id));
    }
    if let Some(name) = &f.sector {
        q.and_where(
            Expr::col((m, Members::SectorId)).in_subquery(
                Query::select()
                    .column(Sectors::Id)
                    .from(Sectors::Table)
                    .and_where(Expr::col(Sectors::Name).eq(name.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(name) = &f.committee {
        q.and_where(
            Expr::col((m, Members::CommitteeId)).in_subquery(
                Query::select()
                    .column(Committees::Id)
                    .from(Committees::Table)
                    .and_where(Expr::col(Committees::Name).eq(name.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(p) = f.party {
        q.and_where(Expr::col((m, Members::Party)).eq(p.code()));
    }
    if let Some(p) = f.post {
        q.and_where(Expr::col((m, Members::Post)).eq(p.code()));
    }
    q
}

fn with_row_columns(q: &mut SelectStatement) -> &mut SelectStatement {
    let m = Members::Table;
    q.columns([
        (m, Members::Id),
        (m, Members::Name),
        (m, Members::Gender),
        (m, Members::Party),
        (m, Members::Post),
        (m, Members::WorkUnit),
        (m, Members::JobTitle),
        (m, Members::PhoneMasked),
        (m, Members::Active),
    ])
    .expr_as(
        Expr::col((Orgs::Table, Orgs::ShortName)),
        Alias::new("org_name"),
    )
    .expr_as(
        Expr::col((Sectors::Table, Sectors::Name)),
        Alias::new("sector_name"),
    )
    .expr_as(
        Func::coalesce([
            Expr::col((Committees::Table, Committees::Name)).into(),
            Expr::val("").into(),
        ]),
        Alias::new("committee_name"),
    )
    .inner_join(
        Sectors::Table,
        Expr::col((Sectors::Table, Sectors::Id)).equals((m, Members::SectorId)),
    )
    .left_join(
        Committees::Table,
        Expr::col((Committees::Table, Committees::Id)).equals((m, Members::CommitteeId)),
    )
}

fn row_from(r: &AnyRow) -> Result<MemberRow> {
    Ok(MemberRow {
        id: MemberId(get(r, "id")?),
        name: get(r, "name")?,
        gender: label(&get::<String>(r, "gender")?, Gender::parse, Gender::label),
        party: label(&get::<String>(r, "party")?, Party::parse, Party::label),
        post: label(&get::<String>(r, "post")?, Post::parse, Post::label),
        org_name: get(r, "org_name")?,
        sector_name: get(r, "sector_name")?,
        committee_name: get(r, "committee_name")?,
        work_unit: get(r, "work_unit")?,
        job_title: get(r, "job_title")?,
        phone_masked: get(r, "phone_masked")?,
        active: get::<i64>(r, "active")? == 1,
    })
}

/// One page of members within `scope`, in organisation then id order.
pub async fn list(
    db: &Db,
    scope: &OrgPath,
    filter: &MemberFilter,
    page: i64,
    per_page: i64,
) -> Result<Page<MemberRow>> {
    let total = db
        .scalar(
            &base(scope, filter)
                .expr(Expr::col((Members::Table, Members::Id)).count())
                .to_owned(),
        )
        .await?;
    let page = page.clamp(1, ((total + per_page - 1) / per_page).max(1));
    let mut q = base(scope, filter);
    with_row_columns(&mut q)
        .order_by((Members::Table, Members::OrgId), Order::Asc)
        .order_by((Members::Table, Members::Id), Order::Asc)
        .limit(per_page as u64)
        .offset(((page - 1) * per_page) as u64);
    let rows = db
        .all(&q)
        .await?
        .iter()
        .map(row_from)
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        rows,
        total,
        page,
        per_page,
    })
}

/// Walks every matching member in id order, `batch` at a time, without
/// holding the whole list in memory (for exports).
pub async fn for_each_batch<F>(
    db: &Db,
    scope: &OrgPath,
    filter: &MemberFilter,
    batch: u64,
    mut f: F,
) -> Result<()>
where
    F: FnMut(Vec<MemberRow>) -> Result<()>,
{
    let mut after = 0i64;
    loop {
        let mut q = base(scope, filter);
        with_row_columns(&mut q)
            .and_where(Expr::col((Members::Table, Members::Id)).gt(after))
            .order_by((Members::Table, Members::Id), Order::Asc)
            .limit(batch);
        let rows = db
            .all(&q)
            .await?
            .iter()
            .map(row_from)
            .collect::<Result<Vec<_>>>()?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.id.0;
        f(rows)?;
    }
}

/// Reads one member within `scope` (NotFound outside it).
pub async fn get_member(db: &Db, scope: &OrgPath, id: MemberId) -> Result<Member> {
    let m = Members::Table;
    // Not `base`: a record page shows deactivated members too.
    let mut q = Query::select()
        .from(m)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((m, Members::OrgId)),
        )
        .and_where(crate::scope::within(scope))
        .and_where(Expr::col((m, Members::Id)).eq(id.0))
        .to_owned();
    with_row_columns(&mut q)
        .columns([
            (m, Members::OrgId),
            (m, Members::Ethnicity),
            (m, Members::BirthDate),
            (m, Members::SectorId),
            (m, Members::CommitteeId),
            (m, Members::TermId),
            (m, Members::IdMasked),
            (m, Members::Email),
            (m, Members::Address),
        ])
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .expr_as(
            Expr::cust("(SELECT t.name FROM terms t WHERE t.id = members.term_id)"),
            Alias::new("term_name"),
        );
    let r = db.one(&q).await?;
    let row = row_from(&r)?;
    Ok(Member {
        gender_code: get(&r, "gender")?,
        party_code: get(&r, "party")?,
        post_code: get(&r, "post")?,
        row,
        org_id: OrgId(get(&r, "org_id")?),
        org_path: OrgPath::from_stored(get(&r, "org_path")?),
        ethnicity: get(&r, "ethnicity")?,
        birth_date: get::<Option<String>>(&r, "birth_date")?.unwrap_or_default(),
        sector_id: get(&r, "sector_id")?,
        committee_id: get(&r, "committee_id")?,
        term_id: get(&r, "term_id")?,
        term_name: get::<Option<String>>(&r, "term_name")?.unwrap_or_default(),
        id_masked: get(&r, "id_masked")?,
        email: get(&r, "email")?,
        address: get(&r, "address")?,
    })
}

/// The decrypted phone and ID number of one member.
pub async fn personal_data(
    db: &Db,
    cipher: &FieldCipher,
    id: MemberId,
) -> Result<(String, String)> {
    let r = db
        .one(
            &Query::select()
                .columns([Members::PhoneCipher, Members::IdCipher])
                .from(Members::Table)
                .and_where(Expr::col(Members::Id).eq(id.0))
                .to_owned(),
        )
        .await?;
    let open = |c: Option<String>| {
        c.map(|c| cipher.decrypt(&c))
            .transpose()
            .map(Option::unwrap_or_default)
    };
    Ok((
        open(get(&r, "phone_cipher")?)?,
        open(get(&r, "id_cipher")?)?,
    ))
}

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

/// The distinct names of a structure list within `scope`, in list order, for
/// filter menus.
pub async fn names_in_scope(db: &Db, scope: &OrgPath, table: &str) -> Result<Vec<String>> {
    let t = Alias::new(table);
    let q = Query::select()
        .column((t.clone(), Alias::new("name")))
        .expr_as(
            Expr::col((t.clone(), Alias::new("id"))).min(),
            Alias::new("first"),
        )
        .from(t.clone())
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((t.clone(), Alias::new("org_id"))),
        )
        .and_where(crate::scope::within(scope))
        .and_where(Expr::col((t.clone(), Alias::new("active"))).eq(1))
        .group_by_col((t.clone(), Alias::new("name")))
        .order_by(Alias::new("first"), Order::Asc)
        .to_owned();
    db.all(&q).await?.iter().map(|r| get(r, "name")).collect()
}
