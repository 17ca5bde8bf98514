//! Recall@5 over the relevance test set.

use crate::corpus;

#[test]
fn recall_at_5_over_the_test_set() {
    let proposals = corpus::proposals();
    let judgements = corpus::judgements();
    assert!(
        proposals.len() >= 40,
        "test set has {} proposals",
        proposals.len()
    );
    assert!(
        judgements.len() >= 15,
        "test set has {} queries",
        judgements.len()
    );
    let index = corpus::index();

    let (mut recall_sum, mut reciprocal_rank_sum) = (0.0, 0.0);
    for j in &judgements {
        let hits = index
            .search(&j.query, &corpus::everyone(), 5)
            .expect("search");
        let got = corpus::ids(&hits);
        let found = j.expected.iter().filter(|id| got.contains(id)).count();
        let recall = found as f64 / j.expected.len().min(5) as f64;
        recall_sum += recall;
        // Rank of the first expected proposal: how far down the user reads.
        if let Some(rank) = got.iter().position(|id| j.expected.contains(id)) {
            reciprocal_rank_sum += 1.0 / (rank + 1) as f64;
        }
        eprintln!(
            "recall@5 {recall:.2}  {:<16} expected {:?} got {got:?}",
            j.query, j.expected
        );
    }
    let n = judgements.len() as f64;
    let (recall, mrr) = (recall_sum / n, reciprocal_rank_sum / n);
    eprintln!(
        "recall@5 = {recall:.3}, MRR@5 = {mrr:.3} over {} queries and {} proposals",
        judgements.len(),
        proposals.len()
    );
    assert!(recall >= 0.8, "recall@5 {recall:.3} below 0.8");
    assert!(mrr >= 0.7, "MRR@5 {mrr:.3} below 0.7");
}

#[test]
fn the_best_hit_has_a_snippet_with_the_query_words_marked() {
    let index = corpus::index();
    let hits = index
        .search("加装电梯", &corpus::everyone(), 3)
        .expect("search");
    let best = hits.first().expect("a hit");
    assert_eq!(best.id, 12);
    assert!(best.title.contains("加装电梯"));
    let marked: Vec<&str> = best
        .snippet_parts()
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(t, _)| t)
        .collect();
    assert!(
        marked.iter().any(|t| t.contains("电梯")),
        "{:?} in {}",
        marked,
        best.snippet
    );
}

#[test]
fn a_query_of_only_punctuation_or_particles_finds_nothing() {
    let index = corpus::index();
    for query in ["", "，。！", "的了"] {
        let hits = index.search(query, &corpus::everyone(), 5).expect("search");
        assert!(hits.is_empty(), "{query:?} found {:?}", corpus::ids(&hits));
    }
    assert!(index
        .search("养老", &corpus::everyone(), 0)
        .expect("search")
        .is_empty());
}
