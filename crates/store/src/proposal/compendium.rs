//! What the 提案汇编 holds: the filed proposals of one organisation's term
//! and year, by category, in number order, read a page at a time.

use domain::{OrgId, TermId};
use sea_query::{Expr, Order, Query, SelectStatement};

use super::export::{filed_stages, records, Record};
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Orgs, Proposals};

/// One organisation's term and year. Numbers run per term and year, so
/// they order the proposals without gaps or repeats.
#[derive(Debug, Clone, Copy)]
pub struct CompendiumScope {
    pub org: OrgId,
    pub term: TermId,
    pub year: i32,
}

fn base(s: &CompendiumScope) -> SelectStatement {
    let p = Proposals::Table;
    Query::select()
        .from(p)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((p, Proposals::OrgId)),
        )
        .and_where(Expr::col((p, Proposals::OrgId)).eq(s.org.0))
        .and_where(Expr::col((p, Proposals::TermId)).eq(s.term.0))
        .and_where(Expr::col((p, Proposals::Year)).eq(s.year))
        .and_where(Expr::col((p, Proposals::Stage)).is_in(filed_stages()))
        .and_where(Expr::col((p, Proposals::NumberSeq)).is_not_null())
        .to_owned()
}

/// The categories the filed proposals use, each with its count, in the
/// order of `dictionary` (the organisation's category list); categories no
/// longer in it follow by name.
pub async fn categories(
    db: &Db,
    s: &CompendiumScope,
    dictionary: &[String],
) -> Result<Vec<(String, u64)>> {
    let p = Proposals::Table;
    let rows = db
        .all(
            &base(s)
                .column((p, Proposals::Category))
                .expr_as(
                    Expr::col((p, Proposals::Id)).count(),
                    sea_query::Alias::new("n"),
                )
                .group_by_col((p, Proposals::Category))
                .to_owned(),
        )
        .await?;
    let mut found = rows
        .iter()
        .map(|r| {
            Ok((
                get::<String>(r, "category")?,
                get::<i64>(r, "n")?.max(0) as u64,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let rank = |name: &str| {
        dictionary
            .iter()
            .position(|d| d == name)
            .unwrap_or(dictionary.len())
    };
    found.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then_with(|| a.0.cmp(&b.0)));
    Ok(found)
}

/// Up to `limit` proposals of one category with numbers after `after_seq`,
/// in number order.
pub async fn page(
    db: &Db,
    s: &CompendiumScope,
    category: &str,
    after_seq: i64,
    limit: u64,
) -> Result<Vec<Record>> {
    let p = Proposals::Table;
    let q = base(s)
        .column((p, Proposals::NumberSeq))
        .and_where(Expr::col((p, Proposals::Category)).eq(category))
        .and_where(Expr::col((p, Proposals::NumberSeq)).gt(after_seq))
        .order_by((p, Proposals::NumberSeq), Order::Asc)
        .limit(limit)
        .to_owned();
    records(db, q).await
}
