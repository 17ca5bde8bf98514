//! "Within this organisation's subtree", written once. A prefix match on the
//! materialised path is expressed as a range so that both SQLite and
//! PostgreSQL use the index on `orgs.path` (LIKE would not, by default).

use domain::org::OrgPath;
use sea_query::{Expr, IntoIden, SimpleExpr};

use crate::schema::Orgs;

/// Paths hold only digits and `/`, all of which sort before `~`.
pub fn within(scope: &OrgPath) -> SimpleExpr {
    within_as(scope, Orgs::Table)
}

/// The same on `orgs` joined under another name (`orgs AS alias`).
pub fn within_as(scope: &OrgPath, orgs: impl IntoIden) -> SimpleExpr {
    let path = Expr::col((orgs.into_iden(), Orgs::Path.into_iden()));
    path.clone()
        .gte(scope.as_str())
        .and(path.lt(format!("{}~", scope.as_str())))
}
