//! The permission matrix over single records: a station, a citizen's
//! demand and a 委员来信, each under every demo role. The role gets the
//! record, is refused the step (403) or does not see it at all (404), and
//! a refusal carries none of the record's data.

use reqwest::StatusCode;

use crate::common::spawn_app;
use crate::permissions::ROLES;

/// (method, path, form fields, allowed logins, logins it is hidden from).
type Case<'a> = (
    &'a str,
    &'a str,
    Vec<(&'a str, &'a str)>,
    &'a [&'a str],
    &'a [&'a str],
);

/// Walks every case under every role. An allowed login gets the page (200),
/// a redirect after a step (303) or one of `also_allowed`; a hidden record
/// answers 404 and anyone else 403, and neither response contains `secret`.
/// Returns one line per case that answered otherwise.
async fn walk(
    app: &crate::common::TestApp,
    cases: &[Case<'_>],
    secret: &str,
    also_allowed: &[StatusCode],
) -> Vec<String> {
    let mut failures = Vec::new();
    for login in ROLES {
        let b = app.login(login).await;
        for (method, path, fields, allowed, hidden) in cases {
            let r = if *method == "GET" {
                b.get(path).await
            } else {
                b.post(path, fields).await
            };
            let status = r.status();
            let body = r.text().await.unwrap_or_default();
            let ok = if allowed.contains(&login) {
                status == StatusCode::OK
                    || status == StatusCode::SEE_OTHER
                    || also_allowed.contains(&status)
            } else if hidden.contains(&login) {
                status == StatusCode::NOT_FOUND && !body.contains(secret)
            } else {
                status == StatusCode::FORBIDDEN && !body.contains(secret)
            };
            if !ok {
                failures.push(format!("{login} {method} {path} -> {status}"));
            }
        }
    }
    failures
}

/// A city station with the demo member attached, and an on-site demand at
/// it forwarded to chengban's unit; returns (station, demand).
pub async fn station_with_forwarded_demand(app: &crate::common::TestApp) -> (i64, i64) {
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
    (station, demand)
}

/// 委员工作站 records: a city station with the demo member, and a demand
/// at it forwarded to the demo unit. Each role gets the record, 403 or 404.
#[tokio::test]
async fn station_and_demand_records_under_every_role() {
    let app = spawn_app().await;
    let (station, demand) = station_with_forwarded_demand(&app).await;
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
    // A reception without members on duty is bad input, shown again (422).
    let failures = walk(
        &app,
        &cases,
        "13812345678",
        &[StatusCode::UNPROCESSABLE_ENTITY],
    )
    .await;
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
    let cases: Vec<Case<'_>> = vec![
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
    let failures = walk(&app, &cases, "老旧小区加装电梯", &[]).await;
    assert!(
        failures.is_empty(),
        "letter matrix failures:\n{}",
        failures.join("\n")
    );
}
