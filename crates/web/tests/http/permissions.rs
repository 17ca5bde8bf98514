//! The permission matrix: every route under every demo role. Allowed roles
//! get the page (200) or a redirect after a post (303); everyone else gets
//! 403 or 404 and no data from the record.

use reqwest::StatusCode;

use crate::common::spawn_app;

pub(crate) const ROLES: [&str; 8] = [
    "weiyuan", "shiganbu", "quganbu", "lingdao", "chengban", "xitong", "anquan", "shenji",
];

enum Method {
    Get,
    Post(&'static [(&'static str, &'static str)]),
}

struct Route {
    method: Method,
    path: &'static str,
    /// Logins that may use the route.
    allowed: &'static [&'static str],
    /// A refused login gets 404 (the record exists but is out of scope) rather than 403.
    hidden_from: &'static [&'static str],
}

const EVERYONE: &[&str] = &ROLES;
const STAFF: &[&str] = &["shiganbu", "quganbu"];
const READERS: &[&str] = &["shiganbu", "quganbu", "lingdao"];

fn routes() -> Vec<Route> {
    use Method::*;
    let r = |method, path, allowed, hidden_from| Route {
        method,
        path,
        allowed,
        hidden_from,
    };
    vec![
        r(Get, "/", EVERYONE, &[]),
        r(Get, "/me", EVERYONE, &[]),
        r(Get, "/me/password", EVERYONE, &[]),
        r(Get, "/me/sessions", EVERYONE, &[]),
        r(Get, "/messages", EVERYONE, &[]),
        r(
            Get,
            "/me/contact",
            &["weiyuan"],
            &[
                "shiganbu", "quganbu", "lingdao", "chengban", "xitong", "anquan", "shenji",
            ],
        ),
        r(
            Get,
            "/proposals",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/proposals?stage=closed",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/proposals/new",
            &["weiyuan", "shiganbu", "quganbu"],
            &[],
        ),
        r(Get, "/proposals/stats", READERS, &[]),
        r(Get, "/proposals/stats.xlsx?year=2026", READERS, &[]),
        r(
            Get,
            "/proposals?year=2026&sector=none&category=%E7%A4%BE%E4%BC%9A%E5%BB%BA%E8%AE%BE",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        // The city's row of the statistics: out of a district's subtree.
        r(
            Get,
            "/proposals?org=1",
            &["weiyuan", "shiganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/proposals/export.xlsx?stage=filed",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(Get, "/proposals/compendium", READERS, &[]),
        r(Get, "/proposals/assign", STAFF, &[]),
        r(Get, "/proposals/assign/plan.xlsx", STAFF, &[]),
        r(
            Get,
            "/opinions",
            &["weiyuan", "shiganbu", "quganbu", "lingdao"],
            &[],
        ),
        r(
            Get,
            "/opinions?stage=adopted",
            &["weiyuan", "shiganbu", "quganbu", "lingdao"],
            &[],
        ),
        r(
            Get,
            "/opinions/new",
            &["weiyuan", "shiganbu", "quganbu"],
            &[],
        ),
        // 社情民意 after adoption: bulletins (shiganbu starts 第1期 of the
        // city, quganbu the district's) and the targets and statistics.
        r(Get, "/opinions/bulletins", READERS, &[]),
        r(Post(&[("title", "")]), "/opinions/bulletins", STAFF, &[]),
        r(
            Get,
            "/opinions/bulletins/1",
            &["shiganbu", "lingdao"],
            &["quganbu"],
        ),
        r(
            Get,
            "/opinions/bulletins/1/docx",
            &["shiganbu", "lingdao"],
            &["quganbu"],
        ),
        r(Get, "/opinions/stats", READERS, &[]),
        r(Get, "/opinions/stats?by=org", READERS, &[]),
        r(Get, "/opinions/stats?by=sector&met=no", READERS, &[]),
        r(Get, "/members", READERS, &[]),
        r(Get, "/members?party=cpc&page=2", READERS, &[]),
        r(Get, "/members/new", STAFF, &[]),
        r(Get, "/members/1", &["shiganbu", "lingdao"], &["quganbu"]),
        r(Get, "/members/1/edit", &["shiganbu"], &["quganbu"]),
        r(Post(&[]), "/members/1/reveal", &["shiganbu"], &["quganbu"]),
        r(
            Post(&[]),
            "/members/1/deactivate",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(Get, "/members/export.xlsx", READERS, &[]),
        r(Get, "/members/import", STAFF, &[]),
        r(Get, "/members/import/template.xlsx", STAFF, &[]),
        r(
            Get,
            "/structure",
            &["shiganbu", "quganbu", "lingdao", "xitong"],
            &[],
        ),
        r(
            Get,
            "/structure/sectors",
            &["shiganbu", "quganbu", "lingdao", "xitong"],
            &[],
        ),
        r(
            Get,
            "/structure/units?org_id=1",
            &["shiganbu", "lingdao", "xitong"],
            &["quganbu"],
        ),
        r(Get, "/structure/sectors/new", STAFF, &[]),
        r(
            Get,
            "/structure/categories",
            &["shiganbu", "quganbu", "lingdao", "xitong"],
            &[],
        ),
        r(
            Get,
            "/structure/units/export.xlsx",
            &["shiganbu", "quganbu", "lingdao", "xitong"],
            &[],
        ),
        r(Get, "/settings/proposals", STAFF, &[]),
        r(Get, "/settings/opinions", STAFF, &[]),
        r(Get, "/settings/stations", STAFF, &[]),
        r(Get, "/settings/supervision", STAFF, &[]),
        r(
            Get,
            "/settings/supervision?org_id=1",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(
            Post(&[("org_id", "1")]),
            "/settings/stations/inherit",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(
            Post(&[("org_id", "4")]),
            "/settings/supervision/inherit",
            STAFF,
            &[],
        ),
        // 委员工作站: a unit clerk's /stations leads to its demand queue (303).
        r(
            Get,
            "/stations",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(Get, "/stations/new", STAFF, &[]),
        r(Get, "/stations/coverage", READERS, &[]),
        r(
            Get,
            "/stations/coverage?org=5",
            &["shiganbu", "lingdao"],
            &["quganbu"],
        ),
        r(
            Post(&[
                ("kind", "station"),
                ("name", "朝天门街道委员工作站"),
                ("street", "朝天门街道"),
                ("address", "渝中区朝东路1号"),
                ("reception_days", "每周三上午"),
            ]),
            "/stations",
            STAFF,
            &[],
        ),
        r(
            Get,
            "/demands",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/demands?stage=closed",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/demands/new",
            &["weiyuan", "shiganbu", "quganbu"],
            &[],
        ),
        r(Get, "/demands/stats", READERS, &[]),
        r(Get, "/demands/stats?by=member", READERS, &[]),
        r(
            Get,
            "/supervision",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/supervision?year=2026&committee=1",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(Get, "/supervision/new", STAFF, &[]),
        // 意见建议与委员来信: staff and leaders their subtree, members their
        // own, units what was forwarded to them (an empty list is still 200).
        r(
            Get,
            "/letters",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        r(
            Get,
            "/letters?kind=letter&stage=pending",
            &["weiyuan", "shiganbu", "quganbu", "lingdao", "chengban"],
            &[],
        ),
        // A city topic: out of a district's subtree; the demo's city members
        // and unit take part in it.
        r(
            Get,
            "/supervision/1",
            &["weiyuan", "shiganbu", "lingdao", "chengban"],
            &["quganbu"],
        ),
        // The city's topic in 回头看: its staff close it (once); its member
        // and unit read it but are refused the step (403).
        r(
            Post(&[("do", "close"), ("conclusion", "整改到位，同意办结")]),
            "/supervision/3/act",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(Get, "/settings/calendar?year=2027", STAFF, &[]),
        r(Get, "/settings/proposals?org_id=4", STAFF, &[]),
        r(
            Get,
            "/settings/calendar?org_id=1",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(
            Post(&[("org_id", "4")]),
            "/settings/calendar/inherit",
            STAFF,
            &[],
        ),
        r(
            Post(&[("org_id", "1")]),
            "/settings/proposals/inherit",
            &["shiganbu"],
            &["quganbu"],
        ),
        r(Get, "/admin/accounts/export.xlsx", &["xitong"], &[]),
        r(Get, "/structure/orgs/new", &["xitong"], &[]),
        r(Get, "/admin/accounts", &["xitong"], &[]),
        r(Get, "/admin/accounts/new", &["xitong"], &[]),
        r(Get, "/admin/accounts/2", &["xitong"], &[]),
        r(Post(&[]), "/admin/accounts/2/unlock", &["xitong"], &[]),
        r(Get, "/security/roles", &["anquan"], &[]),
        r(Get, "/security/policy", &["anquan"], &[]),
        r(Get, "/security/tokens", &["anquan"], &[]),
        r(Get, "/audit", &["shenji"], &[]),
        r(Get, "/audit/verify", &["shenji"], &[]),
        r(Get, "/audit/export.xlsx", &["shenji"], &[]),
    ]
}

#[tokio::test]
async fn every_route_under_every_role() {
    let app = spawn_app().await;
    let secret_name = store::member::get_member(
        &app.state.db,
        &domain::org::OrgPath::root(domain::OrgId(1)),
        domain::MemberId(1),
    )
    .await
    .unwrap()
    .row
    .name;
    let mut failures = Vec::new();
    for login in ROLES {
        let b = app.login(login).await;
        for route in routes() {
            let response = match route.method {
                Method::Get => b.get(route.path).await,
                Method::Post(fields) => b.post(route.path, fields).await,
            };
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            let allowed = route.allowed.contains(&login);
            let ok = if allowed {
                status == StatusCode::OK || status == StatusCode::SEE_OTHER
            } else if route.hidden_from.contains(&login) {
                status == StatusCode::NOT_FOUND && !body.contains(&secret_name)
            } else {
                status == StatusCode::FORBIDDEN && !body.contains(&secret_name)
            };
            if !ok {
                failures.push(format!("{login} {} -> {status}", route.path));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "permission matrix failures:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login() {
    let app = spawn_app().await;
    let b = app.browser();
    for route in routes() {
        if let Method::Get = route.method {
            let r = b.get(route.path).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", route.path);
            assert_eq!(crate::common::location(&r), "/login");
        }
    }
    assert_eq!(b.get("/healthz").await.status(), StatusCode::OK);
    assert_eq!(b.get("/readyz").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_security_administrator_changes_a_role_and_the_change_takes_effect() {
    let app = spawn_app().await;
    let leader = app.login("lingdao").await;
    assert_eq!(
        leader.get("/members/new").await.status(),
        StatusCode::FORBIDDEN
    );
    let sec = app.login("anquan").await;
    let r = sec.post("/security/roles/4", &[("role", "staff")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(app
        .audit_actions()
        .await
        .contains(&"permission.role".to_string()));
    let again = app.login("lingdao").await;
    assert_eq!(again.get("/members/new").await.status(), StatusCode::OK);
    // The security administrator cannot raise their own role.
    assert_eq!(
        sec.post("/security/roles/7", &[("role", "sys_admin")])
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}
