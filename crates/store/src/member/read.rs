//! Reading members: the filtered list, the batch walk for exports, one
//! record, its decrypted personal data and the names for filter menus.

use domain::member::{Gender, Party, Post};
use domain::org::OrgPath;
use domain::{MemberId, OrgId};
use sea_query::{Alias, Expr, Func, Order, Query, SelectStatement};
use sqlx::any::AnyRow;

use super::{Member, MemberFilter, MemberRow};
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Committees, Members, Orgs, Sectors};
use crate::Page;

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

/// Active members of one organisation with exactly this name: (id, work unit).
pub async fn find_by_name(db: &Db, org: OrgId, name: &str) -> Result<Vec<(MemberId, String)>> {
    let rows = db
        .all(
            &Query::select()
                .columns([Members::Id, Members::WorkUnit])
                .from(Members::Table)
                .and_where(Expr::col(Members::OrgId).eq(org.0))
                .and_where(Expr::col(Members::Name).eq(name.trim()))
                .and_where(Expr::col(Members::Active).eq(1))
                .order_by(Members::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok((MemberId(get(r, "id")?), get(r, "work_unit")?)))
        .collect()
}
