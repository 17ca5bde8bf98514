//! The member list, masking, the audited reveal, the form and the import.

use reqwest::StatusCode;
use rust_xlsxwriter::Workbook;

use crate::common::{location, spawn_app};

#[tokio::test]
async fn lists_show_masked_phones_and_the_reveal_is_audited() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let (status, list) = staff.text("/members?q=").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("****"), "phones are masked in the list");
    // Only the table: tokens elsewhere in the page are random hex.
    let table = &list[list.find("<table").unwrap()..list.find("</table>").unwrap()];
    let eleven_digits = regex_like_phone(table);
    assert!(
        eleven_digits.is_none(),
        "no full phone number in the list: {eleven_digits:?}"
    );

    let (_, detail) = staff.text("/members/1").await;
    assert!(
        detail.contains("********"),
        "the ID number is masked on the record page"
    );
    let before = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "member.view_personal")
        .count();
    let r = staff.post("/members/1/reveal", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    let section = &page[page.find("id=\"pii-h\"").unwrap()..];
    assert!(
        regex_like_phone(section).is_some(),
        "the full phone is shown after the reveal"
    );
    let after = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "member.view_personal")
        .count();
    assert_eq!(after, before + 1);

    // A leader sees members but never the full numbers.
    let leader = app.login("lingdao").await;
    assert_eq!(leader.get("/members/1").await.status(), StatusCode::OK);
    assert_eq!(
        leader.post("/members/1/reveal", &[]).await.status(),
        StatusCode::FORBIDDEN
    );
}

/// Finds a run of 11 digits starting with 1 (a full mobile number).
fn regex_like_phone(html: &str) -> Option<String> {
    let chars: Vec<char> = html.chars().collect();
    chars
        .windows(11)
        .find(|w| {
            w[0] == '1' && w.iter().all(|c| c.is_ascii_digit()) && ('3'..='9').contains(&w[1])
        })
        .map(|w| w.iter().collect())
}

#[tokio::test]
async fn filters_narrow_the_list_and_district_staff_see_only_their_district() {
    let app = spawn_app().await;
    let city = app.login("shiganbu").await;
    let district = app.login("quganbu").await;
    let count = |html: &str| -> i64 {
        let i = html.find("共 ").unwrap() + "共 ".len();
        html[i..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect::<String>()
            .parse()
            .unwrap()
    };
    let all = count(&city.text("/members").await.1);
    let mine = count(&district.text("/members").await.1);
    assert_eq!(all, 40 + 38 * 8);
    assert_eq!(mine, 8);
    let (_, page) = district.text("/members").await;
    assert!(
        !page.contains("重庆市政协</td>"),
        "no city members in a district list"
    );
    let cpc = count(&city.text("/members?party=cpc").await.1);
    assert!(cpc > 0 && cpc < all);
    let chairs = count(&city.text("/members?post=chair").await.1);
    assert_eq!(chairs, 39, "one chair per committee");
    assert_eq!(count(&city.text("/members?org_id=4&post=chair").await.1), 1);
}

#[tokio::test]
async fn a_bad_member_form_keeps_the_input_and_writes_nothing() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let before = store::member::list(
        &app.state.db,
        &domain::org::OrgPath::root(domain::OrgId(1)),
        &Default::default(),
        1,
        1,
    )
    .await
    .unwrap()
    .total;
    let r = staff
        .post(
            "/members",
            &[
                ("org_id", "1"),
                ("name", "李明远"),
                ("gender", "male"),
                ("party", "cpc"),
                ("sector_id", "1"),
                ("post", "member"),
                ("work_unit", "重庆大学"),
                ("phone", "12345"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("手机号应为11位数字"));
    assert!(page.contains("value=\"李明远\""), "the name is kept");
    assert!(
        page.contains("value=\"12345\""),
        "the bad phone is kept for correction"
    );
    let after = store::member::list(
        &app.state.db,
        &domain::org::OrgPath::root(domain::OrgId(1)),
        &Default::default(),
        1,
        1,
    )
    .await
    .unwrap()
    .total;
    assert_eq!(before, after);

    let r = staff
        .post(
            "/members",
            &[
                ("org_id", "1"),
                ("name", "李明远"),
                ("gender", "male"),
                ("party", "cpc"),
                ("sector_id", "1"),
                ("post", "member"),
                ("work_unit", "重庆大学"),
                ("phone", "13900001111"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = staff.text(&location(&r)).await;
    assert!(page.contains("李明远") && page.contains("139****1111"));
}

fn sheet(rows: &[[&str; 16]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in store::import::COLUMNS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

const GOOD: [&str; 16] = [
    "赵一",
    "男",
    "汉族",
    "1970-01-01",
    "中共党员",
    "重庆市政协",
    "教育界",
    "",
    "",
    "委员",
    "重庆大学",
    "教授",
    "13800000001",
    "",
    "",
    "",
];

async fn upload(b: &crate::common::Browser, bytes: Vec<u8>) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new()
        .text("csrf", b.csrf.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name("members.xlsx"),
        );
    let r = b
        .client
        .post(b.url("/members/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.text().await.unwrap())
}

#[tokio::test]
async fn importing_a_clean_file_waits_for_confirmation_then_imports_every_row() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let mut second = GOOD;
    second[0] = "钱二";
    second[12] = "13800000002";
    let (status, report) = upload(&staff, sheet(&[GOOD, second])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(report.contains("确认导入全部 2 行"), "{report}");
    assert!(
        !staff.text("/members?q=赵一").await.1.contains(">赵一<"),
        "nothing imported before confirmation"
    );
    let action = report
        .split("action=\"")
        .find(|s| s.starts_with("/members/import/"))
        .unwrap();
    let action: String = action.chars().take_while(|c| *c != '"').collect();
    let r = staff.post(&action, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(staff.text("/members?q=赵一").await.1.contains(">赵一<"));
    assert!(staff.text("/members?q=钱二").await.1.contains(">钱二<"));
    assert_eq!(
        staff.post(&action, &[]).await.status(),
        StatusCode::NOT_FOUND,
        "a batch imports once"
    );
}

#[tokio::test]
async fn a_file_with_bad_rows_reports_them_and_can_import_only_the_valid_rows() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let mut bad_phone = GOOD;
    bad_phone[0] = "孙三";
    bad_phone[12] = "123";
    let mut no_unit = GOOD;
    no_unit[0] = "李四";
    no_unit[10] = "";
    no_unit[12] = "13800000004";
    let (_, report) = upload(&staff, sheet(&[GOOD, bad_phone, no_unit])).await;
    assert!(
        report.contains("第 3 行") && report.contains("手机号应为11位数字"),
        "{report}"
    );
    assert!(report.contains("第 4 行") && report.contains("工作单位"));
    assert!(report.contains("仅导入 1 条有效记录"));
    assert!(!staff.text("/members?q=赵一").await.1.contains(">赵一<"));
    let action = report
        .split("action=\"")
        .find(|s| s.starts_with("/members/import/"))
        .unwrap();
    let action: String = action.chars().take_while(|c| *c != '"').collect();
    staff.post(&action, &[]).await;
    assert!(staff.text("/members?q=赵一").await.1.contains(">赵一<"));
    assert!(!staff.text("/members?q=孙三").await.1.contains(">孙三<"));
}

#[tokio::test]
async fn broken_files_get_a_clear_message_and_import_nothing() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let (status, page) = upload(&staff, b"this is not a spreadsheet".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("无法读取文件"));
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "名字").unwrap();
    let (status, page) = upload(&staff, book.save_to_buffer().unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("姓名"), "the missing column is named");
    let (status, page) = upload(&staff, vec![0u8; 2 * 1024 * 1024]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(page.contains("MB"));
}

#[tokio::test]
async fn exports_are_xlsx_and_audited() {
    let app = spawn_app().await;
    let staff = app.login("shiganbu").await;
    let r = staff.get("/members/export.xlsx?post=chair").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bytes = r.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip");
    assert!(app.audit_actions().await.contains(&"export".to_string()));
}

#[tokio::test]
async fn a_change_on_one_server_shows_at_once_on_another() {
    let app = spawn_app().await;
    let a = app.login("shiganbu").await;
    let (other, _server) = app.another_server().await;
    let mut b = app.login("shiganbu").await;
    b.base = other;
    b.refresh_csrf().await;
    let (_, before) = a.text("/members?q=欧阳").await;
    assert!(before.contains("没有符合条件的委员"), "cached empty result");
    let r = b
        .post(
            "/members",
            &[
                ("org_id", "1"),
                ("name", "欧阳明"),
                ("gender", "male"),
                ("party", "cpc"),
                ("sector_id", "1"),
                ("post", "member"),
                ("work_unit", "重庆大学"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, after) = a.text("/members?q=欧阳").await;
    assert!(
        after.contains(">欧阳明<"),
        "the first server sees the second server's write"
    );
    // Sessions too are shared: the session opened on A works on B.
    let mut a_on_b = app.browser();
    a_on_b.client = a.client.clone();
    a_on_b.base = b.base.clone();
    assert_eq!(a_on_b.get("/members").await.status(), StatusCode::OK);
}
