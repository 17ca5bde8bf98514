//! Proposals through the API: a season from draft to closing with tokens of
//! the right roles, the refusals of the rules as problem+json, bad input,
//! search and the OpenAPI document.

use super::*;

const TITLE: &str = "关于加快推进老旧小区加装电梯的建议";
const ANALYSIS: &str = "我市建成于2000年以前的老旧小区约有1.2万栋多层住宅没有电梯，居住的老年人上下楼困难，加装电梯意愿强烈，但协调难、资金难、审批慢的问题突出。";
const SUGGESTIONS: &str =
    "一是简化加装电梯审批流程；二是加大财政补贴力度；三是建立业主协商调解机制。";
const ANSWER: &str = "感谢您的建议。我委已会同相关部门出台加装电梯工作指引，简化审批流程，并将补贴标准提高到每台15万元，下一步将继续推进。";

/// Tokens of the four working roles in the city, and whom the member and
/// unit tokens act for (the demo's member and unit clerk accounts).
pub(super) struct Cast {
    pub(super) staff: String,
    pub(super) member: String,
    pub(super) unit: String,
    /// `as_member=…` for the demo member with an account.
    pub(super) as_member: String,
    /// `as_unit=…` for the demo unit.
    pub(super) as_unit: String,
    pub(super) member_id: i64,
    pub(super) unit_id: i64,
}

pub(super) async fn cast(app: &TestApp) -> Cast {
    let account = |login: &'static str| async move {
        store::user::find_by_login(&app.state.db, login)
            .await
            .unwrap()
            .unwrap()
    };
    let member_id = account("weiyuan").await.member_id.unwrap().0;
    let unit_id = account("chengban").await.unit_id.unwrap().0;
    Cast {
        staff: app.token(Role::Staff, app.city.id).await,
        member: app.token(Role::Member, app.city.id).await,
        unit: app.token(Role::UnitClerk, app.city.id).await,
        as_member: format!("as_member={member_id}"),
        as_unit: format!("as_unit={unit_id}"),
        member_id,
        unit_id,
    }
}

impl TestApp {
    pub(super) async fn post(
        &self,
        path: &str,
        token: &str,
        body: Value,
    ) -> (StatusCode, String, Value) {
        self.call(Method::POST, path, token, Some(body)).await
    }

    /// One step; panics unless it is taken.
    pub(super) async fn step(&self, id: i64, acting: &str, token: &str, body: Value) -> Value {
        let path = format!("/proposals/{id}/actions?{acting}");
        let (status, _, out) = self.post(&path, token, body.clone()).await;
        assert_eq!(status, StatusCode::OK, "{body} -> {out}");
        out
    }
}

pub(super) fn full_text() -> Value {
    json!({
        "title": TITLE,
        "analysis": ANALYSIS,
        "suggestions": SUGGESTIONS,
        "category": "社会建设",
        "public": true,
    })
}

/// A member's submitted proposal; returns its id.
pub(super) async fn submitted(app: &TestApp, c: &Cast) -> i64 {
    let (status, _, draft) = app
        .post(
            &format!("/proposals?{}", c.as_member),
            &c.member,
            full_text(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    let id = draft["id"].as_i64().unwrap();
    let path = format!("/proposals/{id}/submit?{}", c.as_member);
    let (status, _, out) = app.call(Method::POST, &path, &c.member, None).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    id
}

fn actions(record: &Value) -> Vec<&str> {
    record["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn a_proposal_goes_from_draft_to_closed_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let (m, u) = (c.as_member.as_str(), c.as_unit.as_str());

    // A draft may be incomplete; submitting it names every missing field and keeps the text.
    let response = app
        .client
        .post(format!("{}/proposals?{m}", app.base))
        .bearer_auth(&c.member)
        .json(&json!({"title": TITLE, "analysis": "太短"}))
        .send()
        .await
        .unwrap();
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let (status, _, draft) = answer(response).await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    let id = draft["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/proposals/{id}"));
    assert_eq!(
        (
            draft["stage"].as_str(),
            draft["initiator_member_id"].as_i64()
        ),
        (Some("draft"), Some(c.member_id))
    );
    let submit = format!("/proposals/{id}/submit?{m}");
    let (status, content_type, problem) = app.call(Method::POST, &submit, &c.member, None).await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(field_error(&problem, "analysis").contains("至少应写20个字"));
    assert_eq!(field_error(&problem, "category"), "请选择提案类别");
    let (_, _, kept) = app.get(&format!("/proposals/{id}?{m}"), &c.member).await;
    assert_eq!(
        (kept["stage"].as_str(), kept["text"]["title"].as_str()),
        (Some("draft"), Some(TITLE))
    );
    let (status, _, saved) = app
        .call(
            Method::PUT,
            &format!("/proposals/{id}/draft?{m}"),
            &c.member,
            Some(full_text()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, _, out) = app.call(Method::POST, &submit, &c.member, None).await;
    assert_eq!(
        (status, out["stage"].as_str()),
        (StatusCode::OK, Some("submitted")),
        "{out}"
    );

    // The wrong role is 403 with the rules' message; a unit sees nothing before assignment.
    let (status, content_type, problem) = app
        .post(
            &format!("/proposals/{id}/actions?{m}"),
            &c.member,
            json!({"do": "start_review"}),
        )
        .await;
    assert_problem(status, &content_type, &problem, StatusCode::FORBIDDEN);
    assert_eq!(problem["title"], "只有提案委员会工作人员可以审查");
    let (status, _, _) = app.get(&format!("/proposals/{id}?{u}"), &c.unit).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Staff review and file; filing twice is the wrong state (409).
    app.step(id, "", &c.staff, json!({"do": "start_review"}))
        .await;
    let filed = app.step(id, "", &c.staff, json!({"do": "file"})).await;
    let number = filed["number"].as_str().unwrap().to_string();
    assert!(
        number.starts_with('第') && number.ends_with('号'),
        "numbered on filing: {number}"
    );
    let (status, content_type, problem) = app
        .post(
            &format!("/proposals/{id}/actions"),
            &c.staff,
            json!({"do": "file"}),
        )
        .await;
    assert_problem(status, &content_type, &problem, StatusCode::CONFLICT);
    let (_, _, listed) = app.get("/proposals?stage=filed", &c.staff).await;
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == id && p["number"] == number.as_str()));
    let assigned = app
        .step(
            id,
            "",
            &c.staff,
            json!({"do": "assign", "mode": "single", "unit": c.unit_id}),
        )
        .await;
    assert_eq!(assigned["assignments"][0]["unit_id"], c.unit_id);

    // The unit sees its assignment, contacts the proposer and answers.
    let (_, _, mine) = app.get(&format!("/proposals?{u}"), &c.unit).await;
    assert!(mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == id));
    let (_, _, record) = app.get(&format!("/proposals/{id}?{u}"), &c.unit).await;
    let open: Vec<&str> = record["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["do"].as_str().unwrap())
        .collect();
    assert!(
        open.contains(&"contact") && !open.contains(&"close"),
        "{open:?}"
    );
    app.step(
        id,
        u,
        &c.unit,
        json!({"do": "contact", "note": "电话联系提案人，了解具体诉求"}),
    )
    .await;
    app.step(
        id,
        u,
        &c.unit,
        json!({"do": "draft_answer", "class": "A", "signed_by": "王主任",
            "contact_person": "李科长", "contact_phone": "023-63000000", "text": ANSWER}),
    )
    .await;
    app.step(id, u, &c.unit, json!({"do": "submit_answer"}))
        .await;
    app.step(id, "", &c.staff, json!({"do": "accept", "unit": c.unit_id}))
        .await;

    // Only a proposer rates; dissatisfaction needs a reason.
    let rate = json!({"do": "rate", "unit": c.unit_id, "satisfaction": "satisfied",
        "contacted": "是", "on_point": "是"});
    let (status, content_type, problem) = app
        .post(&format!("/proposals/{id}/actions"), &c.staff, rate.clone())
        .await;
    assert_problem(status, &content_type, &problem, StatusCode::FORBIDDEN);
    let (status, content_type, problem) = app
        .post(
            &format!("/proposals/{id}/actions?{m}"),
            &c.member,
            json!({"do": "rate", "unit": c.unit_id, "satisfaction": "dissatisfied",
                "contacted": "是", "on_point": "否"}),
        )
        .await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    app.step(id, m, &c.member, rate).await;
    let closed = app.step(id, "", &c.staff, json!({"do": "close"})).await;
    assert_eq!(closed["stage"], "closed");

    let a = &closed["assignments"][0];
    assert_eq!(
        (a["answer"]["class"].as_str(), a["answer"]["text"].as_str()),
        (Some("a"), Some(ANSWER))
    );
    assert_eq!(a["ratings"][0]["satisfaction"], "satisfied");
    assert_eq!(a["ratings"][0]["member_id"], c.member_id);
    let history = actions(&closed);
    for step in [
        "create",
        "submit",
        "start_review",
        "file",
        "assign",
        "record_contact",
        "draft_answer",
        "submit_answer",
        "accept",
        "rate",
        "close",
    ] {
        assert!(history.contains(&step), "{step} in {history:?}");
    }
    let actors: Vec<&str> = closed["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["actor"].as_str().unwrap())
        .collect();
    assert!(
        actors.iter().all(|a| a.starts_with("api:")) && actors.iter().any(|a| a.contains("代委员")),
        "{actors:?}"
    );

    // Search and similar proposals only see what the caller may see.
    let (status, _, hits) = app
        .get("/proposals/search?q=加装电梯&limit=100", &c.staff)
        .await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    let found = |hits: &Value| {
        hits["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["id"] == id)
    };
    assert!(found(&hits), "{hits}");
    let similar = format!("/proposals/similar?{m}&text={TITLE}{ANALYSIS}");
    let (status, _, hits) = app.get(&similar, &c.member).await;
    assert_eq!(status, StatusCode::OK, "{hits}");
    assert!(found(&hits), "public and closed: found {hits}");
    let (_, _, hits) = app.get(&format!("{similar}&exclude={id}"), &c.member).await;
    assert!(!found(&hits), "{hits}");
}

#[tokio::test]
async fn two_staff_acting_at_once_take_one_step() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = submitted(&app, &c).await;
    let other = app.token(Role::Staff, app.city.id).await;
    let path = format!("/proposals/{id}/actions");
    let body = json!({"do": "start_review"});
    let (first, second) = tokio::join!(
        app.post(&path, &c.staff, body.clone()),
        app.post(&path, &other, body.clone())
    );
    let mut statuses = [first.0, second.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let (_, _, record) = app.get(&format!("/proposals/{id}"), &c.staff).await;
    let reviews = actions(&record)
        .into_iter()
        .filter(|a| *a == "start_review")
        .count();
    assert_eq!(reviews, 1, "no double transition");
}

#[tokio::test]
async fn the_openapi_document_lists_the_proposal_api() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/openapi.json", app.base))
        .send()
        .await
        .unwrap();
    let (status, _, doc) = answer(response).await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/proposals", "get"),
        ("/proposals", "post"),
        ("/proposals/{id}", "get"),
        ("/proposals/{id}/draft", "put"),
        ("/proposals/{id}/submit", "post"),
        ("/proposals/{id}/actions", "post"),
        ("/proposals/similar", "get"),
        ("/proposals/search", "get"),
    ] {
        let op = &paths[path][method];
        assert!(op.is_object(), "{method} {path} missing");
        assert!(
            op["operationId"]
                .as_str()
                .is_some_and(|id| id.starts_with("proposals_")),
            "{op}"
        );
        let params: Vec<&str> = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert!(params.contains(&"as_member") && params.contains(&"as_unit"));
    }
    let similar = &paths["/proposals/similar"]["get"];
    assert!(similar["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "text"));
    assert!(doc["components"]["schemas"]["ActionBody"]["properties"]["do"].is_object());
    assert_eq!(
        paths["/proposals/{id}/actions"]["post"]["responses"]["409"]["content"]
            ["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/Problem"
    );
}
