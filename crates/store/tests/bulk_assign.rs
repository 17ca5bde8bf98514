//! 批量交办 in the store: 1,500 filed proposals (the size of a big city's
//! plenary) assigned in one transaction; one bad row at the very end and
//! none of the 1,499 before it is applied. A fresh SQLite file with the
//! small demo data; proposals are filed through the rules like any other.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use domain::org::OrgPath;
use domain::proposal::{Action, ProposalInput, Proposer, Who};
use domain::{OrgId, TermId, UnitId};
use store::proposal::{BulkError, PlanRow, ProposalRef, Setting, UnitRef};
use store::Db;

mod common;
use common::NOW;

const ROWS: usize = 1_500;

async fn fresh_db() -> (Db, String) {
    common::demo_db("bulk_assign", store::demo::Scale::Small).await
}

fn audit(login: &str) -> store::audit::Who {
    store::audit::Who {
        user_id: None,
        login: login.into(),
        ip: "127.0.0.1".into(),
    }
}

/// Files `n` proposals of the member's organisation through the rules.
async fn file_many(db: &Db, n: usize) -> (OrgId, Who) {
    let member = store::user::find_by_login(db, "weiyuan")
        .await
        .unwrap()
        .unwrap();
    let staff = store::user::find_by_login(db, "shiganbu")
        .await
        .unwrap()
        .unwrap();
    let m = member.member_id.unwrap();
    let as_member = Who::member(member.id, m);
    let as_staff = Who::proposal_staff(staff.id);
    let org = member.org_id;
    let categories = Setting::for_org(db, org).await.unwrap().policy.categories;
    let text = ProposalInput {
        title: "关于推进老旧小区改造的建议".into(),
        analysis:
            "我市建成于2000年以前的老旧小区约有1.2万栋多层住宅没有电梯，居住的老年人上下楼困难。"
                .into(),
        suggestions: "一是简化审批流程；二是加大财政补贴力度；三是建立协商调解机制。".into(),
        category: categories[0].clone(),
        public: "1".into(),
        suggested_units: String::new(),
    };
    let content = text.parse(&categories).unwrap();
    for _ in 0..n {
        let id = store::proposal::create_draft(
            db,
            NOW,
            &audit("weiyuan"),
            &as_member,
            org,
            TermId(1),
            2026,
            Proposer::Member(m),
            &text,
        )
        .await
        .unwrap();
        let steps = [
            (
                &as_member,
                Action::Submit {
                    content: content.clone(),
                },
            ),
            (&as_staff, Action::StartReview),
            (
                &as_staff,
                Action::File {
                    number: domain::proposal::ProposalNumber {
                        term: TermId(0),
                        year: 0,
                        seq: 0,
                    },
                },
            ),
        ];
        for (who, action) in steps {
            store::proposal::act(db, NOW, &audit("setup"), who, id, action)
                .await
                .unwrap();
        }
    }
    (org, as_staff)
}

fn plan(units: &[(UnitId, String)], last_unit: UnitRef) -> Vec<PlanRow> {
    (1..=ROWS)
        .map(|seq| PlanRow {
            row: seq + 1,
            proposal: ProposalRef::Number(format!("第{seq:04}号")),
            mode: if seq % 2 == 0 {
                "主办会办"
            } else {
                "单办"
            }
            .into(),
            lead: Some(UnitRef::Name(units[seq % 5].1.clone())),
            co: if seq % 2 == 0 {
                vec![UnitRef::Id(units[5 + seq % 3].0)]
            } else {
                Vec::new()
            },
            version: None,
        })
        .map(|mut row| {
            if row.row == ROWS + 1 {
                row.lead = Some(last_unit.clone());
            }
            row
        })
        .collect()
}

async fn assigned_count(db: &Db) -> usize {
    let filter = store::proposal::ProposalFilter {
        scope: Some(OrgPath::from_stored("/".into())),
        stages: vec![domain::proposal::Stage::Assigned],
        ..Default::default()
    };
    store::proposal::list(db, &filter, 1, 1)
        .await
        .unwrap()
        .total as usize
}

#[tokio::test]
async fn fifteen_hundred_rows_go_in_one_transaction_or_not_at_all() {
    let (db, path) = fresh_db().await;
    let (org, staff) = file_many(&db, ROWS).await;
    let units = store::proposal::units_of(&db, org).await.unwrap();
    assert!(units.len() >= 8, "the demo city has enough units");

    // The last row names a unit that does not exist: nothing is applied.
    let bad = plan(&units, UnitRef::Name("不存在的委办局".into()));
    let err = store::proposal::bulk_assign(&db, NOW, &audit("shiganbu"), &staff, org, &bad)
        .await
        .unwrap_err();
    let BulkError::Rows(problems) = err else {
        panic!("expected row problems, got {err:?}");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].describe(),
        format!(
            "第{}行（第1500号）：承办单位“不存在的委办局”不存在或已停用",
            ROWS + 1
        )
    );
    assert_eq!(assigned_count(&db).await, 0);

    let good = plan(&units, UnitRef::Id(units[0].0));
    let started = std::time::Instant::now();
    let count = store::proposal::bulk_assign(&db, NOW, &audit("shiganbu"), &staff, org, &good)
        .await
        .unwrap();
    eprintln!("bulk_assign of {ROWS} rows took {:?}", started.elapsed());
    assert_eq!(count, ROWS);
    assert_eq!(assigned_count(&db).await, ROWS);

    // Each went through the same writes as a single step: its history row.
    let one = store::proposal::list(
        &db,
        &store::proposal::ProposalFilter {
            scope: Some(OrgPath::from_stored("/".into())),
            ..Default::default()
        },
        1,
        1,
    )
    .await
    .unwrap()
    .rows
    .remove(0);
    let history = store::proposal::history(&db, one.id).await.unwrap();
    assert!(
        history.iter().any(|h| h.action == "assign"
            && h.to_stage == "assigned"
            && h.actor_login == "shiganbu"),
        "{history:?}"
    );

    // A second plan for the same proposals is refused whole, row by row.
    let err = store::proposal::bulk_assign(&db, NOW, &audit("shiganbu"), &staff, org, &good[..2])
        .await
        .unwrap_err();
    let BulkError::Rows(problems) = err else {
        panic!("expected row problems");
    };
    assert_eq!(problems.len(), 2);
    assert!(
        problems[0].describe().starts_with("第2行（第0001号）：") && problems[0].message.len() > 6,
        "{problems:?}"
    );
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
}
