//! 社情民意 statistics against a member-by-member count: the roll-ups by
//! organisation and sector, the totals, and every filtered page of the
//! member list must equal what counting each member on their own gives,
//! with each member's target taken from `org_settings::in_force` (a
//! district with a target of 0, and a city setting inherited below).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use domain::member::Post;
use domain::opinion::upward::target_for;
use domain::opinion::OpinionSettings;
use domain::org::OrgPath;
use domain::OrgId;
use store::audit::Who;
use store::demo::Scale;
use store::opinion::stats::{
    member_groups, statistics, MemberQuery, MemberTally, Statistics, Tally, NO_SECTOR,
};
use store::Db;

mod common;
use common::NOW;

async fn fresh_db() -> Db {
    common::demo_db("opinion_stats", Scale::City).await.0
}

fn sector(m: &MemberTally) -> String {
    if m.sector.is_empty() {
        NO_SECTOR.to_string()
    } else {
        m.sector.clone()
    }
}

fn add(t: &mut Tally, x: &Tally) {
    t.sent += x.sent;
    t.adopted_district += x.adopted_district;
    t.adopted_city += x.adopted_city;
    t.adopted_national += x.adopted_national;
    t.instructions += x.instructions;
}

/// (members, met, tally) per key, counted member by member.
fn roll_up(
    all: &[MemberTally],
    key: impl Fn(&MemberTally) -> String,
) -> BTreeMap<String, (i64, i64, Tally)> {
    let mut out: BTreeMap<String, (i64, i64, Tally)> = BTreeMap::new();
    for m in all {
        let e = out.entry(key(m)).or_default();
        e.0 += 1;
        e.1 += i64::from(m.met);
        add(&mut e.2, &m.tally);
    }
    out
}

fn as_map(groups: &[store::opinion::stats::GroupTally]) -> BTreeMap<String, (i64, i64, Tally)> {
    groups
        .iter()
        .map(|g| (g.key.clone(), (g.members, g.met, g.tally.clone())))
        .collect()
}

#[tokio::test]
async fn statistics_equal_a_member_by_member_count() {
    let db = fresh_db().await;
    let who = Who {
        user_id: None,
        login: "test".into(),
        ip: "127.0.0.1".into(),
    };
    // The city asks 1 of standing members; district 4 asks nothing of members.
    let city = OpinionSettings {
        target_standing: 1,
        ..Default::default()
    };
    store::org_settings::save_opinions(&db, NOW, &who, OrgId(1), &city)
        .await
        .unwrap();
    let district = OpinionSettings {
        target_member: 0,
        ..Default::default()
    };
    store::org_settings::save_opinions(&db, NOW, &who, OrgId(4), &district)
        .await
        .unwrap();

    let scope = OrgPath::from_stored("/".into());
    let year = 2026;
    let everyone = MemberQuery {
        limit: 1_000_000,
        ..Default::default()
    };
    let groups = member_groups(&db, &scope).await.unwrap();
    let s: Statistics = statistics(&db, &scope, year, &groups, &everyone)
        .await
        .unwrap();
    let all = s.members.clone();
    assert_eq!(s.members_total, all.len() as i64);
    assert!(all.len() > 100, "the demo has members");
    assert!(
        all.iter().filter(|m| m.tally.sent > 0).count() > 10,
        "and reports this year"
    );
    assert!(
        all.iter().any(|m| m.met && m.tally.sent == 0),
        "a target of 0 is met"
    );

    // Each member's target is the setting in force for their organisation.
    let mut in_force = BTreeMap::new();
    for m in &all {
        if let std::collections::btree_map::Entry::Vacant(e) = in_force.entry(m.org_id) {
            let f = store::org_settings::in_force(&db, OrgId(m.org_id))
                .await
                .unwrap();
            e.insert(f.opinions.value);
        }
        let post = Post::parse(m.post);
        assert_eq!(
            m.target,
            target_for(post, &in_force[&m.org_id]),
            "{}",
            m.name
        );
        assert_eq!(m.met, m.tally.sent >= i64::from(m.target), "{}", m.name);
    }

    // The roll-ups and the total.
    assert_eq!(as_map(&s.by_org), roll_up(&all, |m| m.org_id.to_string()));
    assert_eq!(as_map(&s.by_sector), roll_up(&all, sector));
    let mut total = Tally::default();
    all.iter().for_each(|m| add(&mut total, &m.tally));
    assert_eq!(s.total, total);

    // Every filter, a page from the middle.
    let some_sector = all
        .iter()
        .find(|m| !m.sector.is_empty())
        .unwrap()
        .sector
        .clone();
    for met in [None, Some(true), Some(false)] {
        for org in [None, Some(4), Some(1)] {
            for sec in [None, Some(some_sector.clone()), Some(NO_SECTOR.to_string())] {
                let chosen: Vec<&MemberTally> = all
                    .iter()
                    .filter(|m| met.is_none_or(|w| w == m.met))
                    .filter(|m| org.is_none_or(|o| o == m.org_id))
                    .filter(|m| sec.as_ref().is_none_or(|x| *x == sector(m)))
                    .collect();
                let q = MemberQuery {
                    met,
                    org,
                    sector: sec.clone(),
                    offset: 3,
                    limit: 7,
                };
                let got = statistics(&db, &scope, year, &groups, &q).await.unwrap();
                let label = format!("met {met:?} org {org:?} sector {sec:?}");
                assert_eq!(got.members_total, chosen.len() as i64, "{label}");
                let met_count = chosen.iter().filter(|m| m.met).count() as i64;
                assert_eq!(
                    got.members_met,
                    if met == Some(false) { 0 } else { met_count },
                    "{label}"
                );
                let want: Vec<i64> = chosen.iter().skip(3).take(7).map(|m| m.member_id).collect();
                let ids: Vec<i64> = got.members.iter().map(|m| m.member_id).collect();
                assert_eq!(ids, want, "{label}");
            }
        }
    }
}
