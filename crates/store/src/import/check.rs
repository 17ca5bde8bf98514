//! Checking one row of an import file: finding its organisation, sector,
//! committee and term by name, and parsing its fields as the member form does.

use std::collections::{BTreeSet, HashMap};

use domain::member::{Gender, MemberDraft, MemberInput, Party, Post};
use domain::OrgId;
use sea_query::{Alias, Expr, Query};
use time::Date;

use crate::db::{get, Db};
use crate::error::Result;
use crate::org::Org;
use crate::schema::Members;

/// The `MemberInput` field behind each of `COLUMNS`, in the same order.
pub(super) const FIELDS: [&str; 16] = [
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "party",
    "org_id",
    "sector_id",
    "committee_id",
    "term_id",
    "post",
    "work_unit",
    "job_title",
    "phone",
    "id_number",
    "email",
    "address",
];
pub(super) const NAME: usize = 0;
pub(super) const ORG: usize = 5;
pub(super) const SECTOR: usize = 6;
pub(super) const COMMITTEE: usize = 7;
pub(super) const TERM: usize = 8;
pub(super) const ID_NUMBER: usize = 13;

/// The organisation a row names (or the default), if within the scope and active.
pub(super) fn resolve_org<'a>(
    orgs: &'a [Org],
    default_org: OrgId,
    cell: &str,
) -> Result<&'a Org, String> {
    let found = if cell.is_empty() {
        orgs.iter()
            .find(|o| o.id == default_org)
            .ok_or_else(|| "请填写所属政协".to_string())?
    } else {
        orgs.iter()
            .find(|o| o.short_name == cell || o.name == cell)
            .ok_or_else(|| format!("所属政协“{cell}”不存在或不在您的管理范围内"))?
    };
    if found.active {
        Ok(found)
    } else {
        Err(format!("所属政协“{}”已停用", found.short_name))
    }
}

/// Sectors, committees and terms of the organisations a file names, by
/// (organisation, name). Terms are found by their number too.
pub(super) struct Lookups {
    sectors: HashMap<(i64, String), i64>,
    committees: HashMap<(i64, String), i64>,
    terms: HashMap<(i64, String), i64>,
}

impl Lookups {
    pub(super) async fn load(db: &Db, orgs: &BTreeSet<i64>) -> Result<Lookups> {
        let orgs: Vec<i64> = orgs.iter().copied().collect();
        Ok(Lookups {
            sectors: named(db, "sectors", &orgs).await?,
            committees: named(db, "committees", &orgs).await?,
            terms: named(db, "terms", &orgs).await?,
        })
    }
}

/// Active items of a structure list for the given organisations, in chunks
/// so that no statement binds too many values.
pub(super) async fn named(
    db: &Db,
    table: &str,
    orgs: &[i64],
) -> Result<HashMap<(i64, String), i64>> {
    let mut out = HashMap::new();
    for chunk in orgs.chunks(500) {
        let mut q = Query::select()
            .columns([Alias::new("id"), Alias::new("org_id"), Alias::new("name")])
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new("org_id")).is_in(chunk.iter().copied()))
            .and_where(Expr::col(Alias::new("active")).eq(1))
            .to_owned();
        if table == "terms" {
            q.column(Alias::new("number"));
        }
        for r in db.all(&q).await? {
            let (id, org) = (get::<i64>(&r, "id")?, get::<i64>(&r, "org_id")?);
            if table == "terms" {
                out.insert((org, get::<i64>(&r, "number")?.to_string()), id);
            }
            out.insert((org, get::<String>(&r, "name")?), id);
        }
    }
    Ok(out)
}

/// (organisation, ID digest) of members already stored with any of `digests`.
pub(super) async fn existing_digests<'a>(
    db: &Db,
    digests: impl Iterator<Item = &'a str>,
) -> Result<BTreeSet<(i64, String)>> {
    let digests: BTreeSet<&str> = digests.collect();
    let digests: Vec<&str> = digests.into_iter().collect();
    let mut out = BTreeSet::new();
    for chunk in digests.chunks(500) {
        let q = Query::select()
            .columns([Members::OrgId, Members::IdDigest])
            .from(Members::Table)
            .and_where(Expr::col(Members::IdDigest).is_in(chunk.iter().copied()))
            .to_owned();
        for r in db.all(&q).await? {
            out.insert((get::<i64>(&r, "org_id")?, get::<String>(&r, "id_digest")?));
        }
    }
    Ok(out)
}

/// One row after checking: errors by column index, and the draft when the
/// fields themselves parsed.
pub(super) struct Checked {
    pub(super) errors: Vec<(usize, String)>,
    pub(super) draft: Option<MemberDraft>,
}

pub(super) fn check_row(
    cells: &[String],
    org: Result<&Org, &str>,
    lookups: &Lookups,
    today: Date,
) -> Checked {
    let mut errors: Vec<(usize, String)> = Vec::new();
    let mut input = MemberInput {
        name: cells[0].clone(),
        gender: cells[1].clone(),
        ethnicity: cells[2].clone(),
        birth_date: cells[3].clone(),
        party: cells[4].clone(),
        post: cells[9].clone(),
        work_unit: cells[10].clone(),
        job_title: cells[11].clone(),
        phone: cells[12].clone(),
        id_number: cells[13].clone(),
        email: cells[14].clone(),
        address: cells[15].clone(),
        // Placeholders keep the parse from repeating an error already
        // reported for the name in the cell.
        org_id: "1".into(),
        sector_id: "1".into(),
        ..MemberInput::default()
    };
    if cells[SECTOR].is_empty() {
        errors.push((SECTOR, "请填写界别".into()));
    }
    match org {
        Err(message) => errors.push((ORG, message.to_string())),
        Ok(org) => {
            input.org_id = org.id.0.to_string();
            let lists = [
                (SECTOR, &lookups.sectors, "界别"),
                (COMMITTEE, &lookups.committees, "专委会"),
                (TERM, &lookups.terms, "届次"),
            ];
            for (col, list, what) in lists {
                let cell = &cells[col];
                if cell.is_empty() {
                    continue;
                }
                match list.get(&(org.id.0, cell.clone())) {
                    Some(id) if col == SECTOR => input.sector_id = id.to_string(),
                    Some(id) if col == COMMITTEE => input.committee_id = id.to_string(),
                    Some(id) => input.term_id = id.to_string(),
                    None => errors.push((col, format!("“{cell}”不是{}的{what}", org.short_name))),
                }
            }
        }
    }
    match input.parse(today) {
        Ok(draft) => Checked {
            errors,
            draft: Some(draft),
        },
        Err(parse_errors) => {
            for e in parse_errors.0 {
                let Some(col) = FIELDS.iter().position(|f| *f == e.field) else {
                    continue;
                };
                if !errors.iter().any(|(c, _)| *c == col) {
                    errors.push((col, spreadsheet_message(col, &e.message)));
                }
            }
            Checked {
                errors,
                draft: None,
            }
        }
    }
}

/// Form messages say "请选择"; a spreadsheet is filled in, and a wrong choice
/// is easier to fix when the allowed values are listed.
pub(super) fn spreadsheet_message(col: usize, message: &str) -> String {
    let message = message.replacen("请选择", "请填写", 1);
    let allowed: Vec<&str> = match FIELDS[col] {
        "gender" => Gender::ALL.iter().map(|g| g.label()).collect(),
        "party" => Party::ALL.iter().map(|p| p.label()).collect(),
        "post" => Post::ALL.iter().map(|p| p.label()).collect(),
        _ => return message,
    };
    format!("{message}，可填：{}", allowed.join("、"))
}
