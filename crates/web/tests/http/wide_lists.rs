//! A proposal list over a wide scope (more than 64 committees below the
//! viewer, as for a province or the national committee) is read another way
//! (`store::proposal::wide`); it must list exactly what the narrow way lists.

use domain::org::OrgLevel;
use domain::OrgId;

use crate::common::spawn_app;
use crate::proposals::assigned;

fn listed_ids(page: &str) -> Vec<String> {
    page.match_indices("<td class=\"primary\"><a href=\"/proposals/")
        .map(|(i, m)| {
            page[i + m.len()..]
                .split('"')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_wide_scope_lists_the_same_proposals_as_a_narrow_one() {
    let app = spawn_app().await;
    let first = assigned(&app).await;
    let second = assigned(&app).await;
    let staff = app.login("shiganbu").await;
    let before = staff.text("/proposals").await.1;
    let handling_before = staff.text("/proposals?stage=assigned").await.1;
    let ids = listed_ids(&before);
    assert!(ids.contains(&first) && ids.contains(&second), "{ids:?}");

    // Seventy more district committees under the city make its scope wide.
    let who = store::audit::Who {
        user_id: None,
        login: "test".into(),
        ip: "local".into(),
    };
    for n in 0..70 {
        let draft = store::org::OrgDraft {
            name: format!("测试县{n}政协"),
            short_name: format!("测试县{n}"),
            level: OrgLevel::District,
            parent: Some(OrgId(1)),
            sort: 100 + n,
        };
        store::org::create_org(&app.state.db, crate::common::START, &who, &draft)
            .await
            .unwrap();
    }
    let staff = app.login("shiganbu").await;
    let after = staff.text("/proposals").await.1;
    assert_eq!(listed_ids(&after), ids, "same rows in the same order");
    let count = |page: &str| page[page.find("class=\"count\"").unwrap()..][..40].to_string();
    assert_eq!(count(&after), count(&before));
    let handling_after = staff.text("/proposals?stage=assigned").await.1;
    assert_eq!(listed_ids(&handling_after), listed_ids(&handling_before));
    assert_eq!(listed_ids(&handling_after).len(), 2);
    // A district's staff still see only their own district.
    let district = app.login("quganbu").await;
    assert!(listed_ids(&district.text("/proposals").await.1).is_empty());
}
