//! The permission matrix: every route under every demo role. Allowed roles
//! get the page (200) or a redirect after a post (303); everyone else gets
//! 403 or 404 and no data from the record.

use reqwest::StatusCode;

use crate::common::spawn_app;

const ROLES: [&str; 8] = [
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

/// (method, path, form fields, allowed logins, logins it is hidden from).
type Case<'a> = (
    &'a str,
    &'a str,
    Vec<(&'a str, &'a str)>,
    &'a [&'a str],
    &'a [&'a str],
);

/// 委员工作站 records: a city station with the demo member, and a demand
/// at it forwarded to the demo unit. Each role gets the record, 403 or 404.
#[tokio::test]
async fn station_and_demand_records_under_every_role() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let now = app.state.now();
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "127.0.0.1".into(),
    };
    let member = store::user::find_by_login(db, "weiyuan")
        .await
        .unwrap()
        .unwrap();
    let clerk = store::user::find_by_login(db, "chengban")
        .await
        .unwrap()
        .unwrap();
    let record = domain::station::StationInput {
        kind: "station".into(),
        name: "解放碑街道委员工作站".into(),
        address: "渝中区民族路188号".into(),
        street: "解放碑街道".into(),
        reception_days: "每周三上午".into(),
        members: String::new(),
    }
    .parse()
    .unwrap();
    let station = store::station::create_station(
        db,
        now,
        &who,
        domain::OrgId(1),
        &record,
        &[member.member_id.unwrap()],
    )
    .await
    .unwrap();
    let text = domain::station::DemandInput {
        name: "王女士".into(),
        phone: "13812345678".into(),
        content: "小区门口的路灯坏了三个月".into(),
        category: "城乡建设".into(),
        consent: "1".into(),
        ..Default::default()
    }
    .parse(
        domain::station::Channel::OnSite,
        &domain::station::StationSettings::default(),
    )
    .unwrap();
    let new = store::station::NewDemand {
        org: domain::OrgId(1),
        station: Some(station),
        text,
        visitor: store::station::Visitor::Entered {
            user: member.id,
            member: member.member_id,
        },
    };
    let (demand, _) = store::station::create(db, &app.state.cipher, now, &who, &new)
        .await
        .unwrap()
        .unwrap();
    let forward = domain::station::DemandAction::Forward {
        plan: domain::tracking::AssignmentPlan::single(clerk.unit_id.unwrap()),
    };
    store::station::act(
        db,
        &app.state.cipher,
        now,
        &who,
        domain::station::DemandActor::Staff,
        demand,
        forward,
    )
    .await
    .unwrap();
    let station_page = format!("/stations/{station}");
    let receptions = format!("/stations/{station}/receptions");
    let demand_page = format!("/demands/{demand}");
    let act = format!("/demands/{demand}/act");
    let today = app.state.today().to_string();
    let reception: Vec<(&str, &str)> = vec![("date", &today), ("members", ""), ("visitors", "5")];
    // (method, path, fields, allowed, hidden_from)
    let cases: Vec<Case<'_>> = vec![
        (
            "GET",
            &station_page,
            vec![],
            &["weiyuan", "shiganbu", "lingdao"],
            &["quganbu", "chengban"],
        ),
        (
            "POST",
            &station_page,
            vec![
                ("kind", "station"),
                ("name", "解放碑街道委员工作站"),
                ("street", "解放碑街道"),
                ("address", "渝中区民族路188号"),
                ("reception_days", "每周三下午"),
            ],
            &["shiganbu"],
            &["quganbu", "chengban"],
        ),
        (
            "POST",
            &receptions,
            reception,
            &["weiyuan", "shiganbu"],
            &["quganbu", "chengban"],
        ),
        (
            "GET",
            &demand_page,
            vec![],
            &["weiyuan", "shiganbu", "lingdao", "chengban"],
            &["quganbu"],
        ),
        (
            "POST",
            &act,
            vec![("do", "publish")],
            &["shiganbu"],
            &["quganbu"],
        ),
    ];
    let mut failures = Vec::new();
    for login in ROLES {
        let b = app.login(login).await;
        for (method, path, fields, allowed, hidden) in &cases {
            let r = if *method == "GET" {
                b.get(path).await
            } else {
                b.post(path, fields).await
            };
            let status = r.status();
            let body = r.text().await.unwrap_or_default();
            let ok = if allowed.contains(&login) {
                // A reception without members on duty is bad input, shown again (422).
                status == StatusCode::OK
                    || status == StatusCode::SEE_OTHER
                    || status == StatusCode::UNPROCESSABLE_ENTITY
            } else if hidden.contains(&login) {
                status == StatusCode::NOT_FOUND && !body.contains("13812345678")
            } else {
                status == StatusCode::FORBIDDEN && !body.contains("13812345678")
            };
            if !ok {
                failures.push(format!("{login} {method} {path} -> {status}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "station matrix failures:\n{}",
        failures.join("\n")
    );
}

/// The public demand form and tracking page need no account.
#[tokio::test]
async fn the_public_demand_pages_need_no_account() {
    let app = spawn_app().await;
    let b = app.browser();
    for path in [
        "/demand",
        "/demand?org=1",
        "/demand/track",
        "/demand/track?code=SQ23456789ABCD",
        "/api/v1/demands/track?code=SQ23456789ABCD",
    ] {
        assert_eq!(b.get(path).await.status(), StatusCode::OK, "{path}");
    }
}

/// A city 委员来信 (converted from the demo member's proposal), forwarded to
/// the demo unit, which has replied: each role reads it, is refused the
/// step (403) or does not see it (404); only the city's staff accept the
/// reply.
#[tokio::test]
async fn letter_records_under_every_role() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let pid = crate::letters::under_review(&app, &member, "关于加快老旧小区加装电梯的建议").await;
    let staff = app.login("shiganbu").await;
    let r = crate::proposals::act(
        &staff,
        &pid,
        &[("do", "convert_letter"), ("reason", "宜作委员来信")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let lid = crate::letters::letter_link(&crate::proposals::stage(&staff, &pid).await);
    let unit = crate::letters::unit_of(&app, "chengban").await.to_string();
    let act = format!("/letters/{lid}/act");
    let r = staff
        .post(&act, &[("do", "forward"), ("unit", &unit)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let clerk = app.login("chengban").await;
    let reply = [
        ("do", "reply"),
        ("class", "A"),
        ("signed_by", "王建国"),
        ("contact_person", "刘敏"),
        ("contact_phone", "023-63891234"),
        ("text", "已列入明年老旧小区改造计划，统筹加装电梯。"),
    ];
    assert_eq!(
        clerk.post(&act, &reply).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = format!("/letters/{lid}");
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, &str, Vec<(&str, &str)>, &[&str], &[&str])> = vec![
        (
            "GET",
            &page,
            vec![],
            &["weiyuan", "shiganbu", "lingdao", "chengban"],
            &["quganbu"],
        ),
        (
            "POST",
            &act,
            vec![("do", "accept"), ("unit", &unit)],
            &["shiganbu"],
            &["quganbu"],
        ),
    ];
    let mut failures = Vec::new();
    for login in ROLES {
        let b = app.login(login).await;
        for (method, path, fields, allowed, hidden) in &cases {
            let r = if *method == "GET" {
                b.get(path).await
            } else {
                b.post(path, fields).await
            };
            let status = r.status();
            let ok = if allowed.contains(&login) {
                status == StatusCode::OK || status == StatusCode::SEE_OTHER
            } else if hidden.contains(&login) {
                status == StatusCode::NOT_FOUND
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                failures.push(format!("{login} {method} {path} -> {status}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "letter matrix failures:\n{}",
        failures.join("\n")
    );
}
