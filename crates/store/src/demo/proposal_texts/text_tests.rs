//! Tests of the demo proposal texts.

use std::collections::{BTreeSet, HashSet};

use domain::proposal::DEFAULT_CATEGORIES;

use super::super::names::{CHONGQING_DISTRICTS, CHONGQING_UNITS};
use super::*;

fn places() -> Vec<&'static str> {
    let mut all = vec!["重庆市"];
    all.extend(CHONGQING_DISTRICTS);
    all.extend([
        "全国",
        "河北省",
        "新疆维吾尔自治区",
        "河北省第1市",
        "新疆维吾尔自治区第10市第8区",
    ]);
    all
}

fn check(text: &ProposalText, context: &str) {
    let title = chars(&text.title);
    assert!(title <= 60, "{context}: title of {title}: {}", text.title);
    assert!(text.title.starts_with("关于"), "{context}: {}", text.title);
    assert!(
        text.title.ends_with("的建议") || text.title.ends_with("的提案"),
        "{context}: {}",
        text.title
    );
    let analysis = chars(&text.analysis);
    assert!(
        (120..=600).contains(&analysis),
        "{context}: analysis of {analysis}: {}",
        text.analysis
    );
    let sentences = text.analysis.matches('。').count();
    assert!((3..=6).contains(&sentences), "{context}: {}", text.analysis);
    let suggestions = chars(&text.suggestions);
    assert!(
        (80..=500).contains(&suggestions),
        "{context}: suggestions of {suggestions}: {}",
        text.suggestions
    );
    assert!(text.suggestions.starts_with("一是"), "{context}");
    assert!(text.suggestions.contains("二是"), "{context}");
    assert!(!text.suggestions.contains("五是"), "{context}");
    let answer = chars(&text.answer);
    assert!(
        (100..=400).contains(&answer),
        "{context}: answer of {answer}: {}",
        text.answer
    );
    for part in [&text.title, &text.analysis, &text.suggestions, &text.answer] {
        assert!(!part.contains(['{', '}']), "{context}: {part}");
        assert!(!part.contains("。。"), "{context}: {part}");
    }
    assert!(DEFAULT_CATEGORIES.contains(&text.category));
    assert!((1..=3).contains(&text.suggested_units.len()), "{context}");
}

#[test]
fn every_topic_renders_within_bounds_for_every_place() {
    const { assert!(TOPIC_COUNT >= 60) };
    for place in places() {
        for topic in 0..TOPIC_COUNT {
            for seed in 0..12 {
                let text = compose(seed, place, Some(topic), None);
                check(&text, &format!("{place} topic {topic} seed {seed}"));
            }
        }
    }
}

#[test]
fn generated_seasons_stay_within_bounds() {
    for place in places() {
        for seed in 0..400 {
            check(&proposal_text(seed, place), &format!("{place} seed {seed}"));
        }
    }
}

#[test]
fn topics_are_complete_and_units_are_real_departments() {
    for (i, t) in all_topics().enumerate() {
        assert!(DEFAULT_CATEGORIES.contains(&t.category), "topic {i}");
        assert!(t.verbs.len() >= 3 && t.objects.len() >= 3, "topic {i}");
        assert!(t.tails.len() >= 2 && t.situation.len() >= 2, "topic {i}");
        assert!(
            t.problems.len() >= 4 && t.suggestions.len() >= 4,
            "topic {i}"
        );
        assert!(t.work.len() >= 2 && t.plan.len() >= 2, "topic {i}");
        assert!((1..=3).contains(&t.units.len()), "topic {i}");
        for unit in t.units {
            let full = format!("重庆市{unit}");
            assert!(
                CHONGQING_UNITS.contains(&full.as_str()),
                "topic {i}: {unit}"
            );
        }
        if let Fit::Only(list) = t.fit {
            for place in list {
                assert!(CHONGQING_DISTRICTS.contains(place), "topic {i}: {place}");
            }
        }
    }
    let titles: HashSet<&str> = all_topics().map(|t| t.objects[0]).collect();
    assert_eq!(titles.len(), TOPIC_COUNT, "two topics share an object");
}

#[test]
fn every_category_appears_and_topics_fit_the_place() {
    for place in ["重庆市", "渝中区", "城口县"] {
        let categories: BTreeSet<&str> = (0..1200)
            .map(|s| proposal_text(s, place).category)
            .collect();
        assert_eq!(categories.len(), 6, "{place}: {categories:?}");
    }
    // 渝中区 is wholly urban and grows no 榨菜.
    for seed in 0..1200 {
        let text = proposal_text(seed, "渝中区");
        assert!(!text.title.contains("榨菜") && !text.title.contains("农村公路"));
    }
    // National places get no Chongqing-only topics.
    for seed in 0..600 {
        let text = proposal_text(seed, "河北省");
        assert!(!text.analysis.contains("重庆") && !text.title.contains("川剧"));
    }
    for (i, t) in all_topics().enumerate() {
        let place = places().into_iter().find(|p| Place::of(p).suits(t.fit));
        assert!(place.is_some(), "topic {i} suits no place");
    }
}

#[test]
fn a_season_has_distinct_titles() {
    for place in ["渝中区", "重庆市", "石柱土家族自治县"] {
        let titles: HashSet<String> = (0..1200).map(|s| proposal_text(s, place).title).collect();
        assert!(titles.len() >= 1000, "{place}: {}", titles.len());
    }
}

#[test]
fn texts_are_deterministic_and_answers_follow_the_class() {
    for seed in [0, 1, 42, 1199, u64::MAX] {
        for place in ["重庆市", "渝中区", "彭水苗族土家族自治县"] {
            let a = proposal_text(seed, place);
            assert_eq!(a, proposal_text(seed, place));
            assert_eq!(answer_text(seed, place, a.answer_class), a.answer);
            let c = answer_text(seed, place, AnswerClass::C);
            assert!(c.contains("参考"), "{c}");
            assert!(c.contains(&a.title));
        }
    }
    let differ = (0..50)
        .filter(|&s| proposal_text(s, "渝中区").title != proposal_text(s, "江北区").title)
        .count();
    assert!(differ > 40);
    let classes: HashSet<&str> = (0..300)
        .map(|s| proposal_text(s, "重庆市").answer_class.code())
        .collect();
    assert_eq!(classes.len(), 3);
}

#[test]
fn numbers_scale_with_the_place() {
    let place = Place::of("重庆市");
    let mut rng = Rng(7);
    assert_eq!(
        number("c:600-600", place.scale, &mut rng).as_deref(),
        Some("1.2万")
    );
    assert_eq!(
        number("k:600-600", place.scale, &mut rng).as_deref(),
        Some("1.2亿")
    );
    assert_eq!(
        number("k:6-6", place.scale, &mut rng).as_deref(),
        Some("120万")
    );
    assert_eq!(number("d:3-3", 1, &mut rng).as_deref(), Some("3"));
    assert_eq!(number("x:1-2", 1, &mut rng), None);
    assert_eq!(Place::of("城口县").whole(), "全县");
    assert_eq!(Place::of("石柱土家族自治县").ours(), "我县");
    assert_eq!(Place::of("新疆维吾尔自治区").whole(), "全区");
    assert_eq!(Place::of("重庆市").ours(), "我市");
}
