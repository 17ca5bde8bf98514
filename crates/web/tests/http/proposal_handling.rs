//! The handling part of a season over HTTP with real roles: a joint
//! proposal assigned to a lead and a co-unit, returned by the lead and given
//! a new one, the co-unit's views, an extension, a class changed at checking
//! (with its reason), a dissatisfied rating, re-handling and closing; plus a
//! merged and a declined proposal, and a unit answering after its
//! assignment was withdrawn.

use domain::catalog::CatalogKind;
use domain::org::OrgPath;
use domain::OrgId;
use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser, TestApp};
use crate::proposals::{act, id_of, second_member, stage};

const ANALYSIS: &str = "我市农村公路通达率已达100%，但部分村道路面窄、会车难、安防设施不足，雨季塌方频发，群众出行安全隐患较多。";
const SUGGESTIONS: &str =
    "一是将窄路加宽纳入年度计划；二是完善临水临崖路段护栏；三是建立村道日常养护责任制。";

fn fields(title: &str) -> [(&'static str, String); 5] {
    [
        ("title", title.to_string()),
        ("analysis", ANALYSIS.to_string()),
        ("suggestions", SUGGESTIONS.to_string()),
        ("category", "经济建设".to_string()),
        ("public", "1".to_string()),
    ]
}

async fn submitted(member: &Browser, title: &str) -> String {
    let owned = fields(title);
    let f: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let id = id_of(&location(&member.post("/proposals", &f).await));
    let r = member.post(&format!("/proposals/{id}/submit"), &f).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    id
}

async fn ok(b: &Browser, id: &str, step: &[(&str, &str)]) {
    let r = act(b, id, step).await;
    let status = r.status();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "{step:?}: {}",
        r.text().await.unwrap_or_default()
    );
}

/// Two more city units besides chengban's (unit 2), each with a clerk.
async fn two_more_units(app: &TestApp) -> Vec<i64> {
    let units = store::org::list_catalog(
        &app.state.db,
        CatalogKind::Unit,
        &OrgPath::root(OrgId(1)),
        Some(OrgId(1)),
        false,
    )
    .await
    .unwrap();
    let ids: Vec<i64> = units
        .iter()
        .map(|u| u.id)
        .filter(|u| *u != 2)
        .take(2)
        .collect();
    assert_eq!(ids.len(), 2, "the demo has at least three city units");
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    for (n, unit) in ids.iter().enumerate() {
        let account = store::user::NewAccount {
            login: format!("danwei{}", n + 1),
            display_name: format!("承办员{}", n + 1),
            role: domain::Role::UnitClerk,
            org_id: OrgId(1),
            member_id: None,
            unit_id: Some(domain::UnitId(*unit)),
            password: crate::common::PASSWORD.into(),
            must_change_password: false,
        };
        store::user::create(&app.state.db, crate::common::START, &who, &account)
            .await
            .unwrap();
    }
    ids
}

fn answer(class: &'static str, text: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("do", "draft_answer"),
        ("class", class),
        ("document_no", "渝交提复〔2026〕18号"),
        ("signed_by", "陈局长"),
        ("contact_person", "刘科长"),
        ("contact_phone", "023-89183000"),
        ("text", text),
    ]
}

#[tokio::test]
async fn a_joint_proposal_is_returned_reassigned_answered_rehandled_and_closed() {
    let app = spawn_app().await;
    let cosigner_name = second_member(&app, "lianming1", "").await;
    let units = two_more_units(&app).await;
    let (first_lead, new_lead) = (units[0].to_string(), units[1].to_string());
    let member = app.login("weiyuan").await;
    let owned = fields("关于加强农村公路安全防护设施建设的建议");
    let f: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let id = id_of(&location(&member.post("/proposals", &f).await));
    member
        .post(
            &format!("/proposals/{id}/cosigners"),
            &[("names", cosigner_name.as_str())],
        )
        .await;
    member.post(&format!("/proposals/{id}/submit"), &f).await;
    let cosigner = app.login("lianming1").await;
    ok(&cosigner, &id, &[("do", "confirm_cosign")]).await;

    let staff = app.login("shiganbu").await;
    ok(&staff, &id, &[("do", "start_review")]).await;
    ok(&staff, &id, &[("do", "file")]).await;
    ok(
        &staff,
        &id,
        &[
            ("do", "assign"),
            ("mode", "lead_with_co"),
            ("unit", &first_lead),
            ("co_units", "2"),
        ],
    )
    .await;

    // The first lead returns it as outside its remit; staff add a new lead.
    let lead1 = app.login("danwei1").await;
    ok(
        &lead1,
        &id,
        &[
            ("do", "return"),
            ("reason", "该事项属区县交通部门职责，非本单位职能"),
        ],
    )
    .await;
    let page = stage(&staff, &id).await;
    assert!(page.contains("已退回") && page.contains("增加承办单位"));
    ok(
        &staff,
        &id,
        &[("do", "add_unit"), ("unit", &new_lead), ("role", "lead")],
    )
    .await;
    // The returned lead can no longer answer.
    let r = act(&lead1, &id, &answer("A", "本单位已落实。")).await;
    assert!(
        r.status() == StatusCode::CONFLICT || r.status() == StatusCode::NOT_FOUND,
        "{}",
        r.status()
    );

    // The co-unit sends its views; the lead sees them on the record.
    let co = app.login("chengban").await;
    let views = "建议将学校周边村道纳入优先改造，市教委可配合做好学生上下学安全宣传。";
    ok(&co, &id, &[("do", "send_views"), ("views", views)]).await;
    let lead = app.login("danwei2").await;
    let page = stage(&lead, &id).await;
    assert!(page.contains(views));
    assert!(
        !page.contains("value=\"send_views\""),
        "only a co-unit is offered to send views"
    );

    // An extension beyond the cap is refused with the typed date kept.
    let r = act(
        &staff,
        &id,
        &[
            ("do", "extend"),
            ("unit", &new_lead),
            ("until", "2031-01-01"),
            ("reason", "涉及多部门资金协调"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("延期不能超过"), "{page}");
    assert!(page.contains("涉及多部门资金协调"), "the reason is kept");
    let stored = store::proposal::load(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    let due = stored
        .proposal
        .tracking
        .latest_of(domain::UnitId(units[1]))
        .unwrap()
        .due;
    let later = (due + time::Duration::days(10)).to_string();
    ok(
        &staff,
        &id,
        &[
            ("do", "extend"),
            ("unit", &new_lead),
            ("until", &later),
            ("reason", "涉及多部门资金协调"),
        ],
    )
    .await;
    assert!(stage(&staff, &id)
        .await
        .contains(&format!("答复期限 {later}")));

    // The new lead answers class B; staff raise it to A, which needs a reason.
    ok(
        &lead,
        &id,
        &[
            ("do", "contact"),
            ("note", "电话沟通，提案人同意先行整治临崖路段"),
        ],
    )
    .await;
    ok(
        &lead,
        &id,
        &answer(
            "B",
            "我局已将全市临水临崖路段护栏建设列入明年计划，分两年完成。",
        ),
    )
    .await;
    ok(&lead, &id, &[("do", "submit_answer")]).await;
    let r = act(
        &staff,
        &id,
        &[("do", "accept"), ("unit", &new_lead), ("class", "A")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("更改答复类别须说明理由"));
    ok(
        &staff,
        &id,
        &[
            ("do", "accept"),
            ("unit", &new_lead),
            ("class", "A"),
            ("reason", "资金已落实，今年内完成"),
        ],
    )
    .await;
    assert!(stage(&member, &id).await.contains("A类"));

    // Dissatisfied: staff re-handle, the lead answers again, then satisfied.
    let rate = |s: &'static str| {
        vec![
            ("do", "rate"),
            ("unit", new_lead.as_str()),
            ("satisfaction", s),
            ("contacted", "是"),
            ("on_point", "否"),
            ("comment", "答复未涉及村道日常养护责任制"),
        ]
    };
    ok(&member, &id, &rate("dissatisfied")).await;
    ok(
        &staff,
        &id,
        &[
            ("do", "rehandle"),
            ("unit", &new_lead),
            ("reason", "提案人对养护责任制部分不满意"),
        ],
    )
    .await;
    ok(
        &lead,
        &id,
        &answer("A", "我局已会同各区县建立村道“路长制”，明确日常养护责任。"),
    )
    .await;
    ok(&lead, &id, &[("do", "submit_answer")]).await;
    ok(&staff, &id, &[("do", "accept"), ("unit", &new_lead)]).await;
    ok(&member, &id, &rate("satisfied")).await;
    ok(&cosigner, &id, &rate("basically_satisfied")).await;
    ok(&staff, &id, &[("do", "close")]).await;
    let page = stage(&member, &id).await;
    assert!(page.contains("已办结") && page.contains("路长制"));

    let history = store::proposal::history(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    for step in [
        "return",
        "add_unit",
        "send_views",
        "extend",
        "accept",
        "rehandle",
        "close",
    ] {
        assert!(actions.contains(&step), "{step} in {actions:?}");
    }
}

#[tokio::test]
async fn proposals_are_merged_and_declined_with_their_links_and_reasons() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let staff = app.login("shiganbu").await;
    let main = submitted(&member, "关于加强村道安全防护的建议").await;
    let dup = submitted(&member, "关于完善农村公路护栏设施的建议").await;
    let thin = submitted(&member, "关于做好农村公路工作的建议").await;
    for id in [&main, &dup, &thin] {
        ok(&staff, id, &[("do", "start_review")]).await;
    }
    ok(&staff, &main, &[("do", "file")]).await;
    let stored = store::proposal::load(&app.state.db, domain::ProposalId(main.parse().unwrap()))
        .await
        .unwrap();
    let number = stored.proposal.number.unwrap();

    // At review, staff see the similar filed proposal with its number.
    let review = stage(&staff, &dup).await;
    let similar = &review[review.find("相似的提案").expect("similar list at review")..];
    assert!(
        similar.contains("关于加强村道安全防护的建议") && similar.contains(&number.to_string()),
        "{similar}"
    );
    // A number that does not exist is named, and the typed text is kept.
    let r = act(&staff, &dup, &[("do", "merge"), ("into", "9999")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("没有找到编号为“9999”"), "{page}");
    assert!(page.contains("value=\"9999\""));
    let typed = format!("{:04}", number.seq);
    ok(&staff, &dup, &[("do", "merge"), ("into", &typed)]).await;
    let page = stage(&staff, &dup).await;
    assert!(page.contains("已并入") && page.contains(&format!("/proposals/{main}")));
    assert!(
        page.contains("第"),
        "the merged proposal gets its own number"
    );
    let page = stage(&staff, &main).await;
    assert!(page.contains("并入本案") && page.contains(&format!("/proposals/{dup}")));

    // Declined with a standard reason and a note.
    ok(
        &staff,
        &thin,
        &[
            ("do", "decline"),
            ("reason", "no_concrete_suggestion"),
            ("detail", "建议内容较为笼统，建议转为社情民意信息反映"),
        ],
    )
    .await;
    let page = stage(&member, &thin).await;
    assert!(page.contains("不予立案"), "{page}");
}

#[tokio::test]
async fn a_unit_cannot_answer_after_its_assignment_was_withdrawn() {
    let app = spawn_app().await;
    let id = crate::proposals::assigned(&app).await;
    let staff = app.login("shiganbu").await;
    ok(
        &staff,
        &id,
        &[
            ("do", "withdraw_unit"),
            ("unit", "2"),
            ("reason", "交办有误，改由区县办理"),
        ],
    )
    .await;
    let unit = app.login("chengban").await;
    let r = act(&unit, &id, &answer("A", "本单位已按建议落实。")).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let page = r.text().await.unwrap();
    assert!(page.contains("该交办已被撤回"), "{page}");
}

#[tokio::test]
async fn a_unit_sees_its_due_dates_turn_to_warnings_on_the_test_clock() {
    let app = spawn_app().await;
    // The test runs past the default 90-day password rotation.
    let mut policy = store::settings::security_policy(&app.state.db)
        .await
        .unwrap();
    policy.password_rotation_days = 3650;
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    store::settings::set_security_policy(&app.state.db, crate::common::START, &who, &policy)
        .await
        .unwrap();
    let id = crate::proposals::assigned(&app).await;
    let stored = store::proposal::load(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    let due = stored
        .proposal
        .tracking
        .latest_of(domain::UnitId(2))
        .unwrap()
        .due;
    let unit = app.login("chengban").await;
    let list = unit.text("/proposals").await.1;
    assert!(list.contains("答复期限") && list.contains(&due.to_string()));
    assert!(
        !list.contains("预警"),
        "months before the deadline: no warning"
    );
    // Ten days before the deadline the answer is in the yellow band
    // (default: blue from 30 days, yellow from 15, red on the day).
    let now = app.state.now();
    let ten_before = (due - time::Duration::days(10))
        .midnight()
        .assume_utc()
        .unix_timestamp();
    app.clock.advance(ten_before - now + 12 * 3600);
    let unit = app.login("chengban").await;
    let list = unit.text("/proposals").await.1;
    assert!(list.contains("黄色预警"), "{list}");
    assert!(stage(&unit, &id).await.contains("黄色预警"));
    // Past the deadline it is overdue.
    app.clock.advance(11 * 86_400);
    let unit = app.login("chengban").await;
    let list = unit.text("/proposals").await.1;
    assert!(list.contains("已超期"), "{list}");
}
