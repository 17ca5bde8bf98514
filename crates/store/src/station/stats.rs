//! Statistics of demands within a subtree: received, closed, closed on
//! time and satisfaction, grouped by district, station, member or category.
//! One aggregate query per view.

use domain::org::OrgPath;
use sea_query::{Alias, Expr, Order, Query};

use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::{Demands, Members, Orgs, StationMembers, Stations};

#[derive(Debug, Clone)]
pub struct StatRow {
    pub label: String,
    pub received: i64,
    pub closed: i64,
    pub on_time: i64,
    /// Feedback recorded with 满意 or 基本满意.
    pub satisfied: i64,
    /// Feedback recorded at all.
    pub rated: i64,
}

impl StatRow {
    pub fn on_time_rate(&self) -> f64 {
        super::coverage::share(self.on_time, self.closed)
    }
    pub fn satisfaction_rate(&self) -> f64 {
        super::coverage::share(self.satisfied, self.rated)
    }
}

#[derive(Debug, Clone)]
pub struct Statistics {
    pub total: StatRow,
    pub rows: Vec<StatRow>,
}

/// `by` is `district`, `station`, `member` or `category`.
pub async fn statistics(db: &Db, scope: &OrgPath, by: &str) -> Result<Statistics> {
    let mut q = Query::select();
    q.expr_as(Expr::col((Demands::Table, Demands::Id)).count(), Alias::new("received"))
        .expr_as(
            Expr::cust("SUM(CASE WHEN \"demands\".\"stage\" = 'closed' THEN 1 ELSE 0 END)"),
            Alias::new("closed"),
        )
        .expr_as(
            Expr::cust("SUM(CASE WHEN \"demands\".\"on_time\" = 1 THEN 1 ELSE 0 END)"),
            Alias::new("on_time"),
        )
        .expr_as(
            Expr::cust("SUM(CASE WHEN \"demands\".\"satisfaction\" IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END)"),
            Alias::new("satisfied"),
        )
        .expr_as(
            Expr::cust("SUM(CASE WHEN \"demands\".\"satisfaction\" <> '' THEN 1 ELSE 0 END)"),
            Alias::new("rated"),
        )
        .from(Demands::Table)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((Demands::Table, Demands::OrgId)),
        )
        .and_where(crate::scope::within(scope));
    let total_q = q.clone();
    match by {
        "station" => {
            q.inner_join(
                Stations::Table,
                Expr::col((Stations::Table, Stations::Id))
                    .equals((Demands::Table, Demands::StationId)),
            )
            .expr_as(
                Expr::cust("MAX(\"orgs\".\"short_name\") || '·' || MAX(\"stations\".\"name\")"),
                Alias::new("label"),
            )
            .group_by_col((Stations::Table, Stations::Id));
        }
        "member" => {
            q.inner_join(
                StationMembers::Table,
                Expr::col((StationMembers::Table, StationMembers::StationId))
                    .equals((Demands::Table, Demands::StationId)),
            )
            .inner_join(
                Members::Table,
                Expr::col((Members::Table, Members::Id))
                    .equals((StationMembers::Table, StationMembers::MemberId)),
            )
            .expr_as(
                Expr::cust(
                    "MAX(\"members\".\"name\") || '（' || MAX(\"orgs\".\"short_name\") || '）'",
                ),
                Alias::new("label"),
            )
            .group_by_col((Members::Table, Members::Id));
        }
        "category" => {
            q.expr_as(
                Expr::cust("MAX(\"demands\".\"category\")"),
                Alias::new("label"),
            )
            .group_by_col((Demands::Table, Demands::Category));
        }
        _ => {
            q.expr_as(Expr::cust("MAX(\"orgs\".\"name\")"), Alias::new("label"))
                .group_by_col((Orgs::Table, Orgs::Id));
        }
    }
    q.order_by(Alias::new("received"), Order::Desc).limit(500);
    let read = |r: &sqlx::any::AnyRow, label: String| -> Result<StatRow> {
        let n = |c: &str| -> Result<i64> { Ok(get::<Option<i64>>(r, c)?.unwrap_or(0)) };
        Ok(StatRow {
            label,
            received: n("received")?,
            closed: n("closed")?,
            on_time: n("on_time")?,
            satisfied: n("satisfied")?,
            rated: n("rated")?,
        })
    };
    let total_row = db.one(&total_q).await?;
    let total = read(&total_row, "合计".into())?;
    let rows = db
        .all(&q)
        .await?
        .iter()
        .map(|r| read(r, get::<Option<String>>(r, "label")?.unwrap_or_default()))
        .collect::<Result<_>>()?;
    Ok(Statistics { total, rows })
}
