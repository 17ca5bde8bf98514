//! Public demands written in one batch: the per-address limit counts the
//! earlier submissions of the same batch, every accepted one gets its own id
//! and tracking code, a history row and a search-feed row, and the audit
//! chain stays intact. A fresh SQLite file with the small demo data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use domain::station::{Channel, DemandText};
use domain::OrgId;
use store::audit::Who;
use store::station::{NewDemand, Visitor};
use store::Db;

mod common;
use common::NOW;

async fn fresh_db() -> (Db, store::FieldCipher) {
    let (db, _) = common::demo_db("intake", store::demo::Scale::Small).await;
    (db, common::cipher())
}

fn public(ip: &str, n: usize) -> (Who, NewDemand) {
    let who = Who {
        user_id: None,
        login: "public".into(),
        ip: ip.into(),
    };
    let d = NewDemand {
        org: OrgId(1),
        station: None,
        text: DemandText {
            channel: Channel::Online,
            category: "交通出行".into(),
            content: format!("小区门口公交站没有遮雨棚，雨天候车不便（第{n}件）"),
            name: Some("王女士".into()),
            phone: Some("13800001234".into()),
        },
        visitor: Visitor::Public {
            ip: ip.into(),
            limit: 2,
        },
    };
    (who, d)
}

#[tokio::test]
async fn a_batch_counts_its_own_submissions_against_the_limit() {
    let (db, cipher) = fresh_db().await;
    let items = vec![
        public("10.0.0.1", 1),
        public("10.0.0.2", 2),
        public("10.0.0.1", 3),
        public("10.0.0.1", 4),
        public("10.0.0.2", 5),
    ];
    let out = store::station::create_many(&db, &cipher, NOW, items)
        .await
        .unwrap();
    let accepted: Vec<bool> = out.iter().map(Option::is_some).collect();
    assert_eq!(accepted, [true, true, true, false, true]);
    let ids: std::collections::BTreeSet<i64> = out.iter().flatten().map(|(id, _)| *id).collect();
    let codes: std::collections::BTreeSet<&String> = out.iter().flatten().map(|(_, c)| c).collect();
    assert_eq!((ids.len(), codes.len()), (4, 4));
    for (id, code) in out.iter().flatten() {
        let stored = store::station::load(&db, &cipher, *id).await.unwrap();
        assert_eq!(&stored.code, code);
        assert_eq!(stored.phone.as_deref(), Some("13800001234"));
        assert_eq!(store::station::history(&db, *id).await.unwrap().len(), 1);
    }
    // The next batch from the first address is refused at once.
    let again = store::station::create_many(&db, &cipher, NOW + 60, vec![public("10.0.0.1", 6)])
        .await
        .unwrap();
    assert_eq!(again, [None]);
    let chain = store::audit::verify(&db).await.unwrap();
    assert!(chain.breaks.is_empty(), "{:?}", chain.breaks);
}
