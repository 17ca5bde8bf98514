//! Every proposal list as Excel: the list's scope and filters, on the
//! pages and through the API, parsed back with calamine.

use std::io::Cursor;

use reqwest::StatusCode;

use super::{answered, bytes, filed, staff_token, stored, TITLE};
use crate::common::spawn_app;

/// Reads an .xlsx download's first sheet as rows of text.
fn sheet(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an .xlsx");
    let range = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[tokio::test]
async fn every_proposal_list_exports_to_excel_with_its_filters() {
    let app = spawn_app().await;
    let id = answered(&app).await;
    let other = "关于加强城市排水防涝设施建设的提案";
    filed(&app, other, "生态文明建设").await;
    let number = stored(&app, &id).await.proposal.number.unwrap().to_string();

    let staff = app.login("shiganbu").await;
    let (_, list) = staff.text("/proposals").await;
    assert!(
        list.contains("/proposals/export.xlsx"),
        "a link on the list"
    );
    let (status, _, body) = bytes(&staff, "/proposals/export.xlsx?q=电梯").await;
    assert_eq!(status, StatusCode::OK);
    let rows = sheet(body);
    assert_eq!(rows[0][..3], ["提案号", "案由", "提案人"]);
    assert!(rows[0].contains(&"满意度".to_string()));
    let data = &rows[1..];
    assert!(
        data.iter().all(|r| r[1].contains("电梯")),
        "only matching rows"
    );
    let row = data
        .iter()
        .find(|r| r[0] == number)
        .expect("the answered proposal");
    assert_eq!(row[1], TITLE);
    assert!(row.iter().any(|c| c.contains("A类")), "{row:?}");
    assert!(!data.iter().any(|r| r[1] == other));

    // The stage filter: only filed (立案) ones, so not the assigned one.
    let (_, _, body) = bytes(&staff, "/proposals/export.xlsx?stage=filed").await;
    let rows = sheet(body);
    assert!(rows[1..].iter().any(|r| r[1] == other));
    let filed_label = domain::proposal::Stage::Filed.label();
    assert!(rows[1..].iter().all(|r| r[6] == filed_label), "{rows:?}");
    assert!(!rows[1..].iter().any(|r| r[1] == TITLE));

    // A unit exports only what was assigned to it; the export is audited.
    let unit = app.login("chengban").await;
    let (_, _, body) = bytes(&unit, "/proposals/export.xlsx").await;
    let rows = sheet(body);
    assert!(rows[1..].iter().any(|r| r[1] == TITLE));
    assert!(!rows[1..].iter().any(|r| r[1] == other));
    assert!(app.audit_actions().await.iter().any(|a| a == "export"));

    // The API exports the same list with the same filters.
    let r = reqwest::Client::new()
        .get(format!("{}/api/v1/proposals/export.xlsx?q=电梯", app.base))
        .bearer_auth(staff_token(&app).await)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let rows = sheet(r.bytes().await.unwrap().to_vec());
    assert!(rows[1..].iter().any(|r| r[0] == number));
    assert!(rows[1..].iter().all(|r| r[1].contains("电梯")));
}
