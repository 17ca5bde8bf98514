//! The similar-proposal list shown beside a draft.

use search::Visibility;

use crate::corpus;

/// A new member's draft that repeats proposal 23 (老城区停车难) in other words.
const DRAFT: &str = "关于破解老城区居民停车难的提案。老城区小区建设年代早，停车位严重不足，\
    夜间车辆占道停放，消防通道经常被堵。建议利用边角地建设立体停车库，\
    建设智慧停车平台发布空余车位信息，错时开放单位停车场。";

#[test]
fn finds_the_near_duplicate_of_a_draft_first() {
    let index = corpus::index();
    let hits = index.similar(DRAFT, &Visibility::All, 5).expect("similar");
    let ids = corpus::ids(&hits);
    eprintln!("similar to the parking draft: {ids:?}");
    assert_eq!(ids.first(), Some(&23), "{ids:?}");
    assert!(
        ids.contains(&24),
        "the shared-parking proposal is related: {ids:?}"
    );
    let best = &hits[0];
    assert!(!best.snippet.is_empty() && !best.highlights.is_empty());
}

#[test]
fn each_proposal_is_most_similar_to_itself_and_its_duplicate_pair() {
    let index = corpus::index();
    // 45 restates 1 (社区居家养老); each should find the other right after itself.
    for (id, twin) in [(45, 1), (1, 45)] {
        let p = corpus::proposal(id);
        let text = format!("{}{}", p.title, p.body);
        let hits = index
            .similar_excluding(&text, Some(id), &Visibility::All, 3)
            .expect("similar");
        let ids = corpus::ids(&hits);
        assert!(!ids.contains(&id), "excluded itself: {ids:?}");
        assert_eq!(ids.first(), Some(&twin), "for {id}: {ids:?}");
    }
}

#[test]
fn similar_respects_visibility() {
    let index = corpus::index();
    let member = Visibility::member("/1/4/", vec![]);
    let hits = index.similar(DRAFT, &member, 5).expect("similar");
    assert!(
        hits.iter().all(|h| h.id != 23 && h.id != 24),
        "{:?}",
        corpus::ids(&hits)
    );
}

#[test]
fn a_draft_with_no_words_in_the_index_finds_nothing() {
    let index = corpus::index();
    let hits = index
        .similar("量子纠缠光谱仪", &Visibility::All, 5)
        .expect("similar");
    assert!(hits.is_empty(), "{:?}", corpus::ids(&hits));
}
