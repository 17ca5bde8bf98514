//! A proposal's season over HTTP with real roles: draft, submit, review,
//! file, assign, contact, answer, check, rate, close; plus refusals and a
//! conflict between two staff acting at once.

use reqwest::StatusCode;

use crate::common::{location, spawn_app, Browser};

const TITLE: &str = "关于加快推进老旧小区加装电梯的建议";
const ANALYSIS: &str = "我市建成于2000年以前的老旧小区约有1.2万栋多层住宅没有电梯，居住的老年人上下楼困难，加装电梯意愿强烈，但协调难、资金难、审批慢的问题突出。";
const SUGGESTIONS: &str =
    "一是简化加装电梯审批流程；二是加大财政补贴力度；三是建立业主协商调解机制。";

pub fn id_of(location: &str) -> String {
    location
        .trim_start_matches("/proposals/")
        .split(['/', '?'])
        .next()
        .unwrap()
        .to_string()
}

pub async fn act(b: &Browser, id: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    b.post(&format!("/proposals/{id}/act"), fields).await
}

pub async fn stage(b: &Browser, id: &str) -> String {
    b.text(&format!("/proposals/{id}")).await.1
}

#[tokio::test]
async fn a_proposal_goes_from_draft_to_closed() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    // Draft, with the text kept even when incomplete.
    let r = member
        .post(
            "/proposals",
            &[
                ("title", TITLE),
                ("analysis", "太短"),
                ("suggestions", ""),
                ("category", ""),
                ("public", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    let r = member
        .post(
            &format!("/proposals/{id}/submit"),
            &[
                ("title", TITLE),
                ("analysis", "太短"),
                ("suggestions", ""),
                ("category", ""),
                ("public", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("提案尚未提交") && page.contains(TITLE),
        "errors shown and input kept"
    );
    let r = member
        .post(
            &format!("/proposals/{id}/submit"),
            &[
                ("title", TITLE),
                ("analysis", ANALYSIS),
                ("suggestions", SUGGESTIONS),
                ("category", "社会建设"),
                ("public", "1"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap_or_default()
    );
    assert!(stage(&member, &id).await.contains("已提交"));

    // A unit cannot see it before it is assigned; a member cannot review it.
    let unit = app.login("chengban").await;
    assert_eq!(
        unit.get(&format!("/proposals/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        act(&member, &id, &[("do", "start_review")]).await.status(),
        StatusCode::FORBIDDEN
    );

    let staff = app.login("shiganbu").await;
    assert!(
        staff.text("/proposals").await.1.contains(TITLE),
        "in the staff list"
    );
    for step in ["start_review", "file"] {
        let r = act(&staff, &id, &[("do", step)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{step}");
    }
    let page = stage(&staff, &id).await;
    assert!(page.contains("第0001号"), "numbered on filing");
    let r = act(
        &staff,
        &id,
        &[("do", "assign"), ("mode", "single"), ("unit", "2")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // The unit answers.
    assert!(
        unit.text("/proposals").await.1.contains(TITLE),
        "the unit sees its assignment"
    );
    assert_eq!(
        act(
            &unit,
            &id,
            &[("do", "contact"), ("note", "电话联系提案人，了解具体诉求")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let answer = "感谢您的建议。我委已会同相关部门出台加装电梯工作指引，简化审批流程，并将补贴标准提高到每台15万元，下一步将继续推进。";
    let r = act(
        &unit,
        &id,
        &[
            ("do", "draft_answer"),
            ("class", "A"),
            ("signed_by", "王主任"),
            ("contact_person", "李科长"),
            ("contact_phone", "023-63000000"),
            ("text", answer),
        ],
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap_or_default()
    );
    assert_eq!(
        act(&unit, &id, &[("do", "submit_answer")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        act(&staff, &id, &[("do", "accept"), ("unit", "2")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // Only a proposer rates; dissatisfaction needs a reason.
    assert_eq!(
        act(
            &staff,
            &id,
            &[
                ("do", "rate"),
                ("unit", "2"),
                ("satisfaction", "satisfied"),
                ("contacted", "是"),
                ("on_point", "是")
            ]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    let r = act(
        &member,
        &id,
        &[
            ("do", "rate"),
            ("unit", "2"),
            ("satisfaction", "dissatisfied"),
            ("contacted", "是"),
            ("on_point", "否"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = act(
        &member,
        &id,
        &[
            ("do", "rate"),
            ("unit", "2"),
            ("satisfaction", "satisfied"),
            ("contacted", "是"),
            ("on_point", "是"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = act(&staff, &id, &[("do", "close")]).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap_or_default()
    );
    let page = stage(&member, &id).await;
    assert!(page.contains("办结") && page.contains(answer));
    // Every step is in the history, and the audit chain still verifies.
    let history = store::proposal::history(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert!(
        actions.starts_with(&["create", "submit", "start_review", "file"]),
        "{actions:?}"
    );
    assert!(store::audit::verify(&app.state.db)
        .await
        .unwrap()
        .breaks
        .is_empty());
}

#[tokio::test]
async fn two_staff_acting_at_once_apply_one_transition() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let r = member
        .post(
            "/proposals",
            &[
                ("title", TITLE),
                ("analysis", ANALYSIS),
                ("suggestions", SUGGESTIONS),
                ("category", "社会建设"),
                ("public", "1"),
            ],
        )
        .await;
    let id = id_of(&location(&r));
    member
        .post(
            &format!("/proposals/{id}/submit"),
            &[
                ("title", TITLE),
                ("analysis", ANALYSIS),
                ("suggestions", SUGGESTIONS),
                ("category", "社会建设"),
                ("public", "1"),
            ],
        )
        .await;
    let a = app.login("shiganbu").await;
    let b = app.login("shiganbu").await;
    let (ra, rb) = tokio::join!(
        act(&a, &id, &[("do", "start_review")]),
        act(&b, &id, &[("do", "start_review")])
    );
    let statuses = [ra.status(), rb.status()];
    assert!(statuses.contains(&StatusCode::SEE_OTHER), "{statuses:?}");
    assert!(
        statuses.contains(&StatusCode::CONFLICT),
        "the second gets a conflict: {statuses:?}"
    );
    let history = store::proposal::history(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    assert_eq!(
        history
            .iter()
            .filter(|h| h.action == "start_review")
            .count(),
        1
    );
}

#[tokio::test]
async fn similar_earlier_proposals_show_while_drafting() {
    let app = spawn_app().await;
    let member = app.login("weiyuan").await;
    let r = member
        .post(
            "/proposals",
            &[
                ("title", TITLE),
                ("analysis", ANALYSIS),
                ("suggestions", SUGGESTIONS),
                ("category", "社会建设"),
                ("public", "1"),
            ],
        )
        .await;
    let first = id_of(&location(&r));
    member
        .post(
            &format!("/proposals/{first}/submit"),
            &[
                ("title", TITLE),
                ("analysis", ANALYSIS),
                ("suggestions", SUGGESTIONS),
                ("category", "社会建设"),
                ("public", "1"),
            ],
        )
        .await;
    let r = member
        .post(
            "/proposals",
            &[
                ("title", "关于老旧小区加装电梯财政补贴的建议"),
                ("analysis", "老旧小区加装电梯资金缺口大"),
                ("suggestions", ""),
                ("category", ""),
                ("public", "1"),
            ],
        )
        .await;
    let second = id_of(&location(&r));
    let (_, page) = member.text(&format!("/proposals/{second}/edit")).await;
    let similar = &page[page.find("相似的已有提案").unwrap()..];
    assert!(similar.contains(TITLE), "the earlier proposal is suggested");
}

/// Submits, files and assigns a proposal to unit 2 (chengban's unit).
pub async fn assigned(app: &crate::common::TestApp) -> String {
    let member = app.login("weiyuan").await;
    let fields = [
        ("title", TITLE),
        ("analysis", ANALYSIS),
        ("suggestions", SUGGESTIONS),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let id = id_of(&location(&member.post("/proposals", &fields).await));
    member
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    let staff = app.login("shiganbu").await;
    for step in [
        vec![("do", "start_review")],
        vec![("do", "file")],
        vec![("do", "assign"), ("mode", "single"), ("unit", "2")],
    ] {
        assert_eq!(
            act(&staff, &id, &step).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    id
}

#[tokio::test]
async fn deadline_warnings_fire_on_the_test_clock() {
    let app = spawn_app().await;
    assigned(&app).await;
    // Nothing is due yet on the day of assignment.
    web::jobs::run_due(&app.state).await.unwrap();
    let unit = app.login("chengban").await;
    assert!(!unit.text("/messages").await.1.contains("预警"));
    // 80 days on (answer due 3 months after assignment): blue and yellow, not red.
    app.clock.advance(80 * 86_400);
    assert_eq!(
        web::jobs::run_due(&app.state).await.unwrap(),
        2,
        "blue and yellow are due, red not yet"
    );
    let unit = app.login("chengban").await;
    let (_, inbox) = unit.text("/messages").await;
    assert!(
        inbox.contains("提案答复蓝色预警") && inbox.contains("提案答复黄色预警"),
        "{inbox}"
    );
    assert!(!inbox.contains("红色预警"));
    assert!(inbox.contains(TITLE), "the warning names the proposal");
}

#[tokio::test]
async fn a_bad_answer_comes_back_with_everything_typed() {
    let app = spawn_app().await;
    let id = assigned(&app).await;
    let unit = app.login("chengban").await;
    act(&unit, &id, &[("do", "contact"), ("note", "电话联系提案人")]).await;
    let answer = "感谢您的建议，我委将会同交通部门在学校周边设置护学岗。";
    let r = act(
        &unit,
        &id,
        &[
            ("do", "draft_answer"),
            ("class", "A"),
            ("signed_by", "王主任"),
            ("contact_person", "李科长"),
            ("contact_phone", "12"),
            ("text", answer),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("联系电话："), "the field is named in Chinese");
    assert!(page.contains(answer), "the answer text is kept");
    assert!(page.contains("value=\"王主任\""), "the signer is kept");
}

/// A city member other than the demo one, with a unique name and an account.
pub async fn second_member(app: &crate::common::TestApp, login: &str, skip: &str) -> String {
    let root = domain::org::OrgPath::root(domain::OrgId(1));
    for id in 2..40 {
        let m = store::member::get_member(&app.state.db, &root, domain::MemberId(id))
            .await
            .unwrap();
        let same = store::member::find_by_name(&app.state.db, domain::OrgId(1), &m.row.name)
            .await
            .unwrap();
        if same.len() != 1 || m.row.name == skip || m.org_id != domain::OrgId(1) {
            continue;
        }
        let who = store::audit::Who {
            user_id: None,
            login: "test".into(),
            ip: "local".into(),
        };
        let account = store::user::NewAccount {
            login: login.into(),
            display_name: m.row.name.clone(),
            role: domain::Role::Member,
            org_id: domain::OrgId(1),
            member_id: Some(m.row.id),
            unit_id: None,
            password: crate::common::PASSWORD.into(),
            must_change_password: false,
        };
        store::user::create(&app.state.db, crate::common::START, &who, &account)
            .await
            .unwrap();
        return m.row.name;
    }
    panic!("no member with a unique name");
}

#[tokio::test]
async fn a_joint_proposal_collects_cosigners_until_the_window_closes() {
    let app = spawn_app().await;
    let first = second_member(&app, "lianming1", "").await;
    let second = second_member(&app, "lianming2", &first).await;
    let member = app.login("weiyuan").await;
    let fields = [
        ("title", TITLE),
        ("analysis", ANALYSIS),
        ("suggestions", SUGGESTIONS),
        ("category", "社会建设"),
        ("public", "1"),
    ];
    let id = id_of(&location(&member.post("/proposals", &fields).await));
    // A name that is not a member is named in the error, and nothing changes.
    let r = member
        .post(
            &format!("/proposals/{id}/cosigners"),
            &[("names", "查无此人")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("“查无此人”不是本级政协的在册委员"));
    let names = format!("{first}、{second}");
    let r = member
        .post(
            &format!("/proposals/{id}/cosigners"),
            &[("names", names.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    member
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    assert!(stage(&member, &id).await.contains("联名征集"));

    // The first co-signer is told, and confirms.
    let cosigner = app.login("lianming1").await;
    assert!(cosigner.text("/messages").await.1.contains("联名邀请"));
    assert_eq!(
        act(&cosigner, &id, &[("do", "confirm_cosign")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // The second never answers; after the 3-day window the system closes it.
    web::jobs::run_due(&app.state).await.unwrap();
    assert!(
        stage(&member, &id).await.contains("联名征集"),
        "still open before the deadline"
    );
    app.clock.advance(5 * 86_400);
    web::jobs::run_due(&app.state).await.unwrap();
    let member = app.login("weiyuan").await;
    let page = stage(&member, &id).await;
    assert!(
        page.contains("已提交") && page.contains("联名提案"),
        "goes on to review as a joint proposal"
    );
    let stored = store::proposal::load(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap();
    assert_eq!(
        stored.proposal.proposers().len(),
        2,
        "the initiator and the one who confirmed"
    );
}

#[tokio::test]
async fn staff_mark_key_proposals_and_enter_paper_ratings() {
    let app = spawn_app().await;
    let id = assigned(&app).await;
    let staff = app.login("shiganbu").await;
    let r = act(&staff, &id, &[("do", "mark_key"), ("leader", "4")]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(stage(&staff, &id).await.contains("督办领导：市政协领导"));
    let r = act(
        &staff,
        &id,
        &[
            ("do", "record_supervision"),
            ("kind", "视察"),
            ("note", "赴学校周边实地察看整治情况"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let unit = app.login("chengban").await;
    act(&unit, &id, &[("do", "contact"), ("note", "电话联系提案人")]).await;
    act(
        &unit,
        &id,
        &[
            ("do", "draft_answer"),
            ("class", "A"),
            ("signed_by", "王主任"),
            ("contact_person", "李科长"),
            ("contact_phone", "023-63000000"),
            ("text", "感谢您的建议，已落实护学岗和隔离护栏。"),
        ],
    )
    .await;
    act(&unit, &id, &[("do", "submit_answer")]).await;
    act(&staff, &id, &[("do", "accept"), ("unit", "2")]).await;
    // The member rated on paper; staff enter it, marked as entered on their behalf.
    let member = store::proposal::load(&app.state.db, domain::ProposalId(id.parse().unwrap()))
        .await
        .unwrap()
        .proposal
        .proposers()[0];
    let rater = member.0.to_string();
    let r = act(
        &staff,
        &id,
        &[
            ("do", "rate_on_behalf"),
            ("unit", "2"),
            ("rater_member", rater.as_str()),
            ("satisfaction", "basically_satisfied"),
            ("contacted", "是"),
            ("on_point", "是"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(stage(&staff, &id).await.contains("基本满意（机关代录）"));
}
