//! The handling steps added beside the basic season, through the API with
//! the same rules as the pages: 并案 by number, extension, withdrawing a
//! unit and answering after it, a class change at checking, and the list
//! of steps the action body accepts.

use super::proposals::{cast, submitted};
use super::*;

#[tokio::test]
async fn merge_extend_withdraw_and_class_change_through_the_api() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let u = c.as_unit.as_str();
    let main = submitted(&app, &c).await;
    let dup = submitted(&app, &c).await;
    for id in [main, dup] {
        app.step(id, "", &c.staff, json!({"do": "start_review"}))
            .await;
    }
    let filed = app.step(main, "", &c.staff, json!({"do": "file"})).await;
    let number = filed["number"].as_str().unwrap().to_string();

    // An unknown number is a field error on `into`; nothing changes.
    let path = format!("/proposals/{dup}/actions");
    let (status, content_type, problem) = app
        .post(&path, &c.staff, json!({"do": "merge", "into": "9999"}))
        .await;
    assert_problem(
        status,
        &content_type,
        &problem,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    assert!(field_error(&problem, "into").contains("没有找到编号"));
    let merged = app
        .step(dup, "", &c.staff, json!({"do": "merge", "into": number}))
        .await;
    assert_eq!(merged["stage"], "merged", "{merged}");
    assert_eq!(merged["merged_into"], main);

    // Assign, extend beyond the cap (refused) and within it.
    let unit = c.unit_id;
    app.step(
        main,
        "",
        &c.staff,
        json!({"do": "assign", "mode": "single", "unit": unit}),
    )
    .await;
    let (status, _, problem) = app
        .post(
            &format!("/proposals/{main}/actions"),
            &c.staff,
            json!({"do": "extend", "unit": unit, "until": "2031-01-01", "reason": "需跨部门协调"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, _, problem) = app
        .post(
            &format!("/proposals/{main}/actions"),
            &c.staff,
            json!({"do": "extend", "unit": unit, "until": "明年", "reason": "需跨部门协调"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&problem, "until").contains("2027-03-31"));

    // The unit answers class C; staff raise it to B with a reason.
    let answer = json!({
        "do": "draft_answer", "class": "C", "signed_by": "王主任",
        "contact_person": "李科长", "contact_phone": "023-63001234",
        "text": "感谢您的建议，我委将在今后工作中认真研究参考，逐步推进相关工作。",
    });
    app.step(
        main,
        u,
        &c.unit,
        json!({"do": "contact", "note": "电话沟通"}),
    )
    .await;
    app.step(main, u, &c.unit, answer.clone()).await;
    app.step(main, u, &c.unit, json!({"do": "submit_answer"}))
        .await;
    let (status, _, problem) = app
        .post(
            &format!("/proposals/{main}/actions"),
            &c.staff,
            json!({"do": "accept", "unit": unit, "class": "B"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("更改答复类别须说明理由"));
    let accepted = app
        .step(
            main,
            "",
            &c.staff,
            json!({"do": "accept", "unit": unit, "class": "B", "reason": "已列入明年计划"}),
        )
        .await;
    assert!(accepted.to_string().contains("\"b\"") || accepted.to_string().contains("B类"));

    // A second proposal: its unit is withdrawn, and then may not answer.
    let other = submitted(&app, &c).await;
    for step in [
        json!({"do": "start_review"}),
        json!({"do": "file"}),
        json!({"do": "assign", "mode": "single", "unit": unit}),
        json!({"do": "withdraw_unit", "unit": unit, "reason": "交办有误"}),
    ] {
        app.step(other, "", &c.staff, step).await;
    }
    let (status, content_type, problem) = app
        .post(&format!("/proposals/{other}/actions?{u}"), &c.unit, answer)
        .await;
    assert_problem(status, &content_type, &problem, StatusCode::CONFLICT);
    assert!(problem.to_string().contains("该交办已被撤回"), "{problem}");
}

#[tokio::test]
async fn an_unknown_step_lists_the_steps_there_are() {
    let app = spawn_app().await;
    let c = cast(&app).await;
    let id = submitted(&app, &c).await;
    let (status, _, problem) = app
        .post(
            &format!("/proposals/{id}/actions"),
            &c.staff,
            json!({"do": "convert_to_magic"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = field_error(&problem, "do");
    for step in [
        "merge",
        "extend",
        "withdraw_unit",
        "add_unit",
        "send_views",
        "mark_key",
    ] {
        assert!(message.contains(step), "{step} in {message}");
    }
}
