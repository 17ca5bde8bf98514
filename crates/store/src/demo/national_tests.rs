//! The bulk-written national season on the small organisation tree: the
//! records read back, agree with their columns and projections, and the
//! rules take them on from where they stand.

use domain::org::OrgPath;
use domain::proposal::{Action, Stage};
use domain::tracking::TrackingAction;
use domain::ProposalId;
use sea_query::{Alias, Expr, Query};

use super::*;
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::schema::Proposals;

const NOW: i64 = 1_795_000_000;

async fn small_db() -> (Db, String) {
    let path = std::env::temp_dir().join(format!(
        "zx_demo_national_{}_{}.db",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    ));
    let path = path.display().to_string();
    let db = Db::connect(&format!("sqlite://{path}")).await.unwrap();
    crate::migrate::run(&db, NOW).await.unwrap();
    let cipher = FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap();
    load(&db, &cipher, NOW, Scale::Small, false).await.unwrap();
    (db, path)
}

async fn count(db: &Db, table: &str) -> i64 {
    db.scalar(
        &Query::select()
            .expr(Expr::cust("COUNT(*)"))
            .from(Alias::new(table))
            .to_owned(),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn the_bulk_season_reads_back_and_the_rules_continue_it() {
    let (db, path) = small_db().await;
    let tree = crate::org::list_orgs(&db, &OrgPath::from_stored("/".into()))
        .await
        .unwrap();
    let bar = indicatif::ProgressBar::hidden();
    let made = national::load(&db, NOW, &tree, None, 1_500, &bar)
        .await
        .unwrap();
    assert!((1_400..=1_500).contains(&made), "{made}");
    assert_eq!(count(&db, "proposals").await, made as i64);
    assert_eq!(count(&db, "search_feed").await, made as i64);
    assert!(count(&db, "proposal_history").await > 5 * made as i64);

    let mut stages = std::collections::HashSet::new();
    let mut open = None;
    let mut after = 0;
    loop {
        let ids = crate::proposal::ids_after(&db, after, 500).await.unwrap();
        let Some(last) = ids.last() else { break };
        after = last.0;
        for id in ids {
            let s = crate::proposal::load(&db, id).await.unwrap();
            let p = &s.proposal;
            stages.insert(p.stage);
            let history = crate::proposal::history(&db, id).await.unwrap();
            // One history row per applied action, the creation included.
            assert_eq!(history.len() as u64, p.version + 1, "{id}");
            assert_eq!(history.last().unwrap().to_stage, p.stage.code());
            if p.stage == Stage::Assigned && open.is_none() {
                open = Some((id, p.tracking.assignments[0].unit));
            }
        }
    }
    for stage in Stage::ALL {
        if stage != Stage::Converted {
            assert!(stages.contains(&stage), "no proposal at {stage:?}");
        }
    }
    let row = db
        .one(
            &Query::select()
                .expr(Expr::col(Proposals::Id).count())
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::Stage).eq("closed"))
                .and_where(Expr::col(Proposals::NumberSeq).is_null())
                .to_owned(),
        )
        .await
        .unwrap();
    assert_eq!(sqlx::Row::try_get::<i64, _>(&row, 0).unwrap(), 0);

    // A unit takes an assigned proposal on, through the rules and the store.
    let (id, unit) = open.expect("an assigned proposal");
    let staff = proposals::staff_account(&db).await.unwrap();
    let who = crate::audit::Who {
        user_id: Some(staff.0),
        login: "test".into(),
        ip: "127.0.0.1".into(),
    };
    let contact = TrackingAction::RecordContact {
        unit,
        on: crate::clock::local_date(NOW),
        note: domain::refusal::Reason::parse("电话联系提案人", "说明").unwrap(),
    };
    let clerk = domain::proposal::Who::unit_clerk(staff, unit);
    let next = crate::proposal::act(&db, NOW, &who, &clerk, id, Action::Track(contact))
        .await
        .unwrap();
    assert_eq!(next.stage, Stage::Handling);
    let stored = crate::proposal::load(&db, ProposalId(id.0)).await.unwrap();
    let seq: Option<i64> = get(
        &db.one(
            &Query::select()
                .column(Proposals::NumberSeq)
                .from(Proposals::Table)
                .and_where(Expr::col(Proposals::Id).eq(id.0))
                .to_owned(),
        )
        .await
        .unwrap(),
        "number_seq",
    )
    .unwrap();
    assert_eq!(seq, stored.proposal.number.map(|n| i64::from(n.seq)));
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
}
