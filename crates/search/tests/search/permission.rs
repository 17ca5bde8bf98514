//! A search never returns a proposal its user may not see.

use search::{Doc, Index, Visibility};

use crate::corpus;

/// A private proposal of district 3 whose title is the query itself.
fn secret() -> Doc {
    Doc {
        id: 900,
        org_path: "/1/3/".into(),
        year: 2025,
        title: "关于清溪河湿地候鸟栖息地保护的提案".into(),
        body: "清溪河湿地每年冬季有上万只候鸟停留，近年来周边开发侵占湿地，候鸟栖息地面积缩小。"
            .into(),
        suggestions: "建议划定候鸟栖息地保护范围，禁止在湿地周边新建项目。".into(),
        answers: String::new(),
        public: false,
        state: "submitted".into(),
        category: "生态环境".into(),
    }
}

fn index_with_secret() -> Index {
    let index = corpus::index();
    index.upsert(&secret()).expect("upsert");
    index.commit().expect("commit");
    index
}

const QUERY: &str = "清溪河湿地候鸟栖息地保护";

fn finds_secret(index: &Index, who: &Visibility) -> bool {
    let hits = index.search(QUERY, who, 50).expect("search");
    let similar = index.similar(&secret().body, who, 50).expect("similar");
    hits.iter().chain(&similar).any(|h| h.id == 900)
}

#[test]
fn a_member_elsewhere_never_sees_another_orgs_private_proposal() {
    let index = index_with_secret();
    let other_district = Visibility::member("/1/2/", vec![6, 12]);
    assert!(!finds_secret(&index, &other_district));
    // A query that also matches their district's parking proposal: with
    // one hit asked for, a filter applied after the top-k would leave none.
    let query = format!("{QUERY} 停车");
    let hits = index.search(&query, &other_district, 1).expect("search");
    assert_eq!(corpus::ids(&hits), [23]);
}

#[test]
fn a_member_of_the_same_district_does_not_see_it_either_unless_it_is_theirs() {
    let index = index_with_secret();
    assert!(!finds_secret(
        &index,
        &Visibility::member("/1/3/", vec![21])
    ));
    assert!(finds_secret(
        &index,
        &Visibility::member("/1/3/", vec![900])
    ));
    // Their own proposal is visible from any scope.
    assert!(finds_secret(
        &index,
        &Visibility::member("/1/2/", vec![900])
    ));
}

#[test]
fn staff_see_private_proposals_only_in_their_subtree() {
    let index = index_with_secret();
    assert!(finds_secret(&index, &Visibility::staff("/1/3/")));
    assert!(finds_secret(&index, &Visibility::staff("/1/")));
    assert!(!finds_secret(&index, &Visibility::staff("/1/2/")));
    assert!(finds_secret(&index, &Visibility::All));
}

#[test]
fn a_scope_returns_only_its_subtree_and_public_ones_to_members() {
    let index = corpus::index();
    let by_id: std::collections::HashMap<i64, Doc> =
        corpus::proposals().into_iter().map(|p| (p.id, p)).collect();
    let member = Visibility::member("/1/4/", vec![]);
    for query in ["农村", "养老服务", "垃圾"] {
        let hits = index.search(query, &member, 50).expect("search");
        assert!(!hits.is_empty(), "{query} finds something in /1/4/");
        for hit in hits {
            let p = &by_id[&hit.id];
            assert!(
                p.org_path.starts_with("/1/4/") && p.public,
                "{query} gave {}",
                p.id
            );
        }
    }
}

#[test]
fn hidden_states_are_hidden_except_from_their_owner() {
    let index = corpus::index();
    let mut draft = secret();
    draft.public = true;
    draft.state = "draft".into();
    index.upsert(&draft).expect("upsert");
    index.commit().expect("commit");
    let staff = Visibility::staff("/1/").hiding_states(["draft"]);
    assert!(!finds_secret(&index, &staff));
    let owner = Visibility::member("/1/3/", vec![900]).hiding_states(["draft"]);
    assert!(finds_secret(&index, &owner));
}
