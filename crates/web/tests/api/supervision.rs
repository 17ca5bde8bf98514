//! 民主监督 and 意见建议/委员来信 through the API, with the pages' rules: a
//! staff token chooses a topic, the member taking part records an activity,
//! staff send an opinion to the demo unit, the unit token answers with a
//! plan and results, staff re-check and close; a proposal converted to a
//! 委员来信 is forwarded, replied, accepted and closed. Refusals, bad input
//! and another district's token on the way.

use super::proposals::{cast, submitted};
use super::*;

/// The city's first special committee and the demo member's name.
async fn committee_and_member(app: &TestApp, member: i64) -> (i64, String) {
    let db = &app.state.db;
    let committees = store::supervision::committees_of(db, app.city.id)
        .await
        .unwrap();
    let member = domain::MemberId(member);
    let names = store::names::members(db, [member]).await.unwrap();
    (committees[0].0 .0, names[&member].clone())
}

fn steps(out: &Value) -> Vec<String> {
    out["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_supervision_topic_runs_from_plan_to_close_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let (committee, member_name) = committee_and_member(&app, c.member_id).await;
    let topic = |title: &str, members: &str| {
        json!({
            "title": title, "background": "围绕长江十年禁渔和岸线整治开展监督。",
            "source": "annual_plan", "form": "inspection", "committee": committee,
            "year": 2026, "member_names": members,
        })
    };
    // Bad input names every field; nothing is written.
    let (_, _, before) = app.get("/supervision", &c.staff).await;
    let before = before["topics"].as_array().unwrap().len();
    let (status, _, problem) = app
        .post(
            "/supervision",
            &c.staff,
            topic(&"长".repeat(81), "查无此人"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = problem.to_string();
    assert!(text.contains("议题名称不能超过80个字"), "{text}");
    assert!(text.contains("“查无此人”不是本级政协的在册委员"), "{text}");
    let (_, _, after) = app.get("/supervision", &c.staff).await;
    assert_eq!(after["topics"].as_array().unwrap().len(), before);
    // Only staff choose topics.
    let member_path = format!("/supervision?{}", c.as_member);
    let (status, _, _) = app
        .post(
            &member_path,
            &c.member,
            topic("长江岸线专项监督", &member_name),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _, out) = app
        .post(
            "/supervision",
            &c.staff,
            topic("长江岸线专项监督", &member_name),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let id = out["id"].as_i64().unwrap();
    assert_eq!(out["stage"], "planned");
    assert_eq!(out["members"][0]["name"], member_name.as_str());
    assert!(steps(&out).contains(&"record_activity".to_string()));

    // The member taking part records the inspection; may not draft opinions.
    let member_act = format!("/supervision/{id}/actions?{}", c.as_member);
    let activity = json!({"do": "record_activity", "kind": "inspection", "title": "沿江岸线实地视察",
        "start": "2026-03-02", "end": "2026-03-03", "place": "江北区滨江路沿线",
        "participants": member_name, "findings": "三处违规砂石堆场仍未清理。"});
    let (status, _, out) = app.post(&member_act, &c.member, activity).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["activities"][0]["title"], "沿江岸线实地视察");
    let (status, _, _) = app
        .post(
            &member_act,
            &c.member,
            json!({"do": "draft_opinion", "title": "x", "text": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let act = format!("/supervision/{id}/actions");
    let opinion = json!({"do": "draft_opinion", "title": "关于限期清理长江岸线违规堆场的监督意见",
        "text": "建议三个月内完成清理，并建立常态巡查机制。"});
    let (status, _, out) = app.post(&act, &c.staff, opinion).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let send = json!({"do": "send_opinion", "opinion": 1, "units": c.unit_id.to_string()});
    let (status, _, out) = app.post(&act, &c.staff, send).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(
        out["opinions"][0]["units"][0]["state_label"],
        "待报整改方案"
    );

    // The unit sees it in its queue and answers with a plan.
    let (status, _, board) = app
        .get(&format!("/supervision?{}", c.as_unit), &c.unit)
        .await;
    assert_eq!(status, StatusCode::OK);
    let queue = board["queue"].as_array().unwrap();
    assert!(queue
        .iter()
        .any(|q| q["topic_id"] == id && q["awaiting"] == "plan"));
    let unit_act = format!("/supervision/{id}/actions?{}", c.as_unit);
    let plan = json!({"do": "draft_plan", "opinion": 1, "text": "一、四月底前清理三处堆场；二、建立每周巡查台账。",
        "signed_by": "陈局长", "contact_person": "刘科长", "contact_phone": ""});
    let (status, _, problem) = app.post(&unit_act, &c.unit, plan.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("contact_phone"), "{problem}");
    let mut plan = plan;
    plan["contact_phone"] = json!("023-89183000");
    let (status, _, out) = app.post(&unit_act, &c.unit, plan).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let unit_steps = out["opinions"][0]["units"][0]["steps"].to_string();
    assert!(unit_steps.contains("submit_plan"), "{unit_steps}");
    let submit = json!({"do": "submit_plan", "opinion": 1});
    let (status, _, _) = app.post(&unit_act, &c.unit, submit).await;
    assert_eq!(status, StatusCode::OK);
    let accept = json!({"do": "accept_plan", "opinion": 1, "unit": c.unit_id});
    let (status, _, out) = app.post(&act, &c.staff, accept.clone()).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(
        out["opinions"][0]["units"][0]["state_label"],
        "整改中，待报整改结果"
    );
    let (status, _, _) = app.post(&act, &c.staff, accept).await;
    assert_eq!(status, StatusCode::CONFLICT, "accepted twice");

    let results = json!({"do": "record_results", "opinion": 1,
        "result": "三处堆场已全部清理完毕。", "evidence": "现场照片12张、验收记录"});
    let (status, _, out) = app.post(&unit_act, &c.unit, results).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert!(out["opinions"][0]["units"][0]["results"]
        .to_string()
        .contains("现场照片12张"));
    let (status, _, _) = app
        .post(&act, &c.staff, json!({"do": "start_recheck"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, problem) = app
        .post(&act, &c.staff, json!({"do": "close", "conclusion": ""}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, _, out) = app
        .post(
            &act,
            &c.staff,
            json!({"do": "close", "conclusion": "整改到位，岸线面貌明显改善。"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "closed");
    assert_eq!(out["conclusion"], "整改到位，岸线面貌明显改善。");
    let history = out["history"].to_string();
    assert!(history.contains("record_results") && history.contains("close"));
    let (status, _, _) = app
        .post(&act, &c.staff, json!({"do": "no_such_step"}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // A district's staff token does not see the city's topic.
    let district = app.token(Role::Staff, app.districts[0].id).await;
    let (status, _, body) = app.get(&format!("/supervision/{id}"), &district).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.to_string().contains("长江岸线"));
    let (status, _, _) = app
        .post(&act, &district, json!({"do": "start_recheck"}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, _, doc) = app.get("/openapi.json", "none").await;
    for path in [
        "/supervision",
        "/supervision/{id}",
        "/supervision/{id}/actions",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} in the OpenAPI document"
        );
    }
}

#[tokio::test]
async fn a_members_letter_is_forwarded_replied_and_closed_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let pid = submitted(&app, &c).await;
    app.step(pid, "", &c.staff, json!({"do": "start_review"}))
        .await;
    app.step(
        pid,
        "",
        &c.staff,
        json!({"do": "convert_letter", "reason": "宜作委员来信"}),
    )
    .await;
    let (status, _, list) = app.get("/letters?kind=letter", &c.staff).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let row = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "letter")
        .cloned()
        .unwrap();
    let id = row["id"].as_i64().unwrap();
    let (status, _, problem) = app.get("/letters?stage=lost", &c.staff).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("stage"));

    // The member reads it (without the unit's draft); may not forward.
    let (status, _, out) = app
        .get(&format!("/letters/{id}?{}", c.as_member), &c.member)
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["proposal_id"], pid);
    let (status, _, _) = app
        .post(
            &format!("/letters/{id}/forward?{}", c.as_member),
            &c.member,
            json!({"unit": c.unit_id}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _, out) = app
        .post(
            &format!("/letters/{id}/forward"),
            &c.staff,
            json!({"unit": c.unit_id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "forwarded");
    let (status, _, _) = app
        .post(
            &format!("/letters/{id}/forward"),
            &c.staff,
            json!({"unit": c.unit_id}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "forwarded once only");

    let reply = |text: &str| {
        json!({"class": "A", "text": text, "signed_by": "张局长",
            "contact_person": "李明", "contact_phone": "023-63891234"})
    };
    let unit_reply = format!("/letters/{id}/reply?{}", c.as_unit);
    let (status, _, problem) = app.post(&unit_reply, &c.unit, reply("")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("text"), "{problem}");
    let (status, _, out) = app
        .post(
            &unit_reply,
            &c.unit,
            reply("已会同街道制定加装电梯补偿指导标准。"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (status, _, out) = app
        .post(
            &format!("/letters/{id}/accept"),
            &c.staff,
            json!({"unit": c.unit_id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "answered");
    let (status, _, out) = app
        .get(&format!("/letters/{id}?{}", c.as_member), &c.member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(out["assignments"][0]["reply"]
        .as_str()
        .unwrap()
        .contains("补偿指导标准"));
    let (status, _, out) = app
        .post(
            &format!("/letters/{id}/close"),
            &c.staff,
            json!({"note": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["stage"], "closed");

    let district = app.token(Role::Staff, app.districts[0].id).await;
    let (status, _, body) = app.get(&format!("/letters/{id}"), &district).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.to_string().contains("补偿指导标准"));
    let (_, _, doc) = app.get("/openapi.json", "none").await;
    for path in ["/letters", "/letters/{id}/forward", "/letters/{id}/close"] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} in the OpenAPI document"
        );
    }
}

/// The supervision and station settings through the API: read with their
/// source and defaults, changed field by field with the pages' checks, an
/// unknown field refused, inherited by a district, staff only.
#[tokio::test]
async fn supervision_and_station_settings_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let (status, _, out) = app.get("/settings/supervision", &c.staff).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["source"], "default");
    assert_eq!(out["settings"]["plan_due"], "20个工作日");
    assert_eq!(out["defaults"]["results_due"], "3个月");

    let put = |body: Value| {
        let app = &app;
        let token = c.staff.clone();
        async move {
            app.call(Method::PUT, "/settings/supervision", &token, Some(body))
                .await
        }
    };
    let (status, _, problem) = put(json!({"plan_due": "两周", "warning_yellow": 12})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = problem.to_string();
    assert!(
        text.contains("plan_due") && text.contains("整改方案期限"),
        "{text}"
    );
    assert!(text.contains("不能大于蓝色预警天数"), "{text}");
    let (status, _, problem) = put(json!({"plan_days": 5})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("没有名为“plan_days”的设置项"));
    let (_, _, unchanged) = app.get("/settings/supervision", &c.staff).await;
    assert_eq!(unchanged["source"], "default", "nothing saved");

    let (status, _, out) = put(json!({"plan_due": "30天", "results_due": "2个月"})).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["source"], "own");
    assert_eq!(out["settings"]["plan_due"], "30天");
    assert_eq!(out["settings"]["max_extension"], "2个月", "kept");
    let district = app.token(Role::Staff, app.districts[0].id).await;
    let (_, _, inherited) = app.get("/settings/supervision", &district).await;
    assert_eq!(inherited["source"], "inherited");
    assert_eq!(inherited["settings"]["plan_due"], "30天");
    let (status, _, _) = app
        .get(&format!("/settings/supervision?{}", c.as_member), &c.member)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _, out) = app
        .call(
            Method::PUT,
            "/settings/stations",
            &c.staff,
            Some(json!({"public_per_ip_per_hour": 20, "answer_due": "10个工作日"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    assert_eq!(out["settings"]["public_per_ip_per_hour"], "20");
    let (settings, _) = store::station::settings_for(&app.state.db, app.city.id)
        .await
        .unwrap();
    assert_eq!(settings.public_per_ip_per_hour, 20);
    assert!(!settings.categories.is_empty(), "the category list is kept");

    let (_, _, doc) = app.get("/openapi.json", "none").await;
    for path in ["/settings/stations", "/settings/supervision"] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} in the OpenAPI document"
        );
    }
}
