//! 集体提案: staff draft a proposal in a body's name; a missing body is
//! named and nothing typed is lost; the body is shown as the proposer and
//! the drafting account rates the answer.

use reqwest::StatusCode;

use crate::common::{location, spawn_app};
use crate::proposals::{act, id_of, stage};

const TITLE: &str = "关于支持民营企业参与城市更新的建议";
const ANALYSIS: &str = "城市更新项目投资大、周期长，民营企业在融资、用地和审批环节面临较多困难，参与意愿不高，社会资本作用未能充分发挥。";
const SUGGESTIONS: &str =
    "一是设立城市更新引导基金；二是明确民营企业参与的收益分配机制；三是优化项目审批流程。";

#[tokio::test]
async fn staff_draft_a_collective_proposal_in_a_bodys_name() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let page = staff.text("/proposals/new").await.1;
    assert!(page.contains("提案单位名称"), "staff get the body fields");
    let fields = [
        ("title", TITLE),
        ("analysis", ANALYSIS),
        ("suggestions", SUGGESTIONS),
        ("category", "经济建设"),
        ("public", "1"),
    ];
    // No body chosen: both fields named, the text kept, nothing created.
    let mut missing = fields.to_vec();
    missing.extend([("body_kind", ""), ("body_name", "")]);
    let r = staff.post("/proposals", &missing).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("请选择提案单位的类别") && page.contains("请填写提案单位名称"));
    assert!(
        page.contains(TITLE) && page.contains(ANALYSIS),
        "the text is kept"
    );

    let mut full = fields.to_vec();
    full.extend([
        ("body_kind", "democratic_party"),
        ("body_name", "民革重庆市委员会"),
    ]);
    let r = staff.post("/proposals", &full).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id = id_of(&location(&r));
    let edit = staff.text(&format!("/proposals/{id}/edit")).await.1;
    assert!(edit.contains("民革重庆市委员会（民主党派）"));
    assert!(!edit.contains("邀请联名"), "a body has no co-signers");
    let r = staff
        .post(&format!("/proposals/{id}/submit"), &fields)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let page = stage(&staff, &id).await;
    assert!(page.contains("民革重庆市委员会（民主党派）"), "{page}");

    // Through to an answer; the drafting account rates for the body.
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
    let unit = app.login("chengban").await;
    for step in [
        vec![
            ("do", "contact"),
            ("note", "与民革市委会提案工作负责人电话沟通"),
        ],
        vec![
            ("do", "draft_answer"),
            ("class", "B"),
            ("signed_by", "王主任"),
            ("contact_person", "李科长"),
            ("contact_phone", "023-63001234"),
            (
                "text",
                "我委将会同相关部门研究设立城市更新引导基金，明年出台民营企业参与办法。",
            ),
        ],
        vec![("do", "submit_answer")],
    ] {
        assert_eq!(act(&unit, &id, &step).await.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(
        act(&staff, &id, &[("do", "accept"), ("unit", "2")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let r = act(
        &staff,
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
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    // A class B answer stays open until the unit records what was done.
    assert!(stage(&staff, &id).await.contains("B类答复跟踪办理中"));
    let r = act(&staff, &id, &[("do", "close")]).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert!(r.text().await.unwrap().contains("记录落实结果后才能办结"));
    let result = "市城市更新引导基金已于当年设立，首期规模20亿元，民营企业参与办法已印发。";
    let r = act(&unit, &id, &[("do", "record_followup"), ("result", result)]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        act(&staff, &id, &[("do", "close")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = stage(&staff, &id).await;
    assert!(page.contains("已办结") && page.contains(result), "{page}");
    // A member may not draft in a body's name: the body fields are ignored.
    let member = app.login("weiyuan").await;
    let r = member.post("/proposals", &full).await;
    let mine = id_of(&location(&r));
    let stored = store::proposal::load(&app.state.db, domain::ProposalId(mine.parse().unwrap()))
        .await
        .unwrap();
    assert!(matches!(
        stored.proposal.proposer,
        domain::proposal::Proposer::Member(_)
    ));
}
