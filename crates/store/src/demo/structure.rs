//! Structure lists of a demo organisation (sectors, committees, terms,
//! units): the row insert they share and the Chinese numerals of term names.

use domain::OrgId;
use sea_query::Query;

use crate::error::Result;

pub(super) async fn insert_named(
    tx: &mut crate::db::Tx,
    table: &str,
    org: OrgId,
    name: &str,
    extra: &[(&str, sea_query::SimpleExpr)],
    now: i64,
) -> Result<i64> {
    let mut cols = vec![
        sea_query::Alias::new("org_id"),
        sea_query::Alias::new("name"),
        sea_query::Alias::new("created_at"),
        sea_query::Alias::new("updated_at"),
    ];
    let mut values: Vec<sea_query::SimpleExpr> =
        vec![org.0.into(), name.into(), now.into(), now.into()];
    for (c, v) in extra {
        cols.push(sea_query::Alias::new(*c));
        values.push(v.clone());
    }
    tx.insert_id(
        &Query::insert()
            .into_table(sea_query::Alias::new(table))
            .columns(cols)
            .values_panic(values)
            .returning_col(sea_query::Alias::new("id"))
            .to_owned(),
    )
    .await
}
pub(super) fn chinese_number(n: i64) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
        _ => n.to_string(),
    }
}
