//! Keeping the index in step with the database: upsert, delete, rebuild,
//! reopening from disk.

use search::{Index, Visibility};

use crate::corpus;

fn top(index: &Index, query: &str) -> Vec<i64> {
    corpus::ids(&index.search(query, &Visibility::All, 5).expect("search"))
}

#[test]
fn upsert_replaces_the_earlier_version() {
    let index = corpus::index();
    let before = index.num_docs();
    let mut p = corpus::proposal(23);
    p.title = "关于规范共享单车停放秩序的提案".into();
    p.body = "地铁站口共享单车堆积，占用盲道和人行道。".into();
    p.suggestions = "建议划定电子围栏停放区。".into();
    p.answers = String::new();
    index.upsert(&p).expect("upsert");
    // Not visible before the commit.
    assert!(!top(&index, "共享单车").contains(&23));
    index.commit().expect("commit");
    assert_eq!(index.num_docs(), before, "replaced, not added");
    assert_eq!(top(&index, "共享单车").first(), Some(&23));
    assert!(!top(&index, "老城区停车难").contains(&23), "old text gone");
}

#[test]
fn delete_removes() {
    let index = corpus::index();
    assert!(top(&index, "加装电梯").contains(&12));
    index.delete(12).expect("delete");
    index
        .delete(123_456)
        .expect("deleting an unknown id is fine");
    index.commit().expect("commit");
    assert!(!top(&index, "加装电梯").contains(&12));
}

#[test]
fn rebuild_replaces_everything() {
    let index = corpus::index();
    let only: Vec<_> = corpus::proposals()
        .into_iter()
        .filter(|p| p.id <= 5)
        .collect();
    assert_eq!(index.rebuild(only).expect("rebuild"), 5);
    assert_eq!(index.num_docs(), 5);
    assert!(top(&index, "垃圾分类").is_empty());
    assert_eq!(top(&index, "农村公路养护").first(), Some(&4));
}

#[test]
fn an_abandoned_rebuild_leaves_the_index_as_it_was() {
    let index = corpus::index();
    let before = index.num_docs();
    {
        let mut rebuild = index.begin_rebuild().expect("begin");
        rebuild.add(&corpus::proposal(1)).expect("add");
    }
    index.commit().expect("commit");
    assert_eq!(index.num_docs(), before);
    assert!(top(&index, "垃圾分类").contains(&17));
}

#[test]
fn an_index_on_disk_survives_reopening() {
    let dir = std::env::temp_dir().join(format!("zhengxie-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let index = Index::open(&dir).expect("open");
        assert!(index.needs_rebuild());
        index.rebuild(corpus::proposals()).expect("rebuild");
        // A second writer on the same directory is refused.
        assert!(Index::open(&dir).is_err());
    }
    let index = Index::open(&dir).expect("reopen");
    assert!(!index.needs_rebuild());
    assert_eq!(index.num_docs(), corpus::proposals().len() as u64);
    assert_eq!(top(&index, "非遗传承人").first(), Some(&21));
    drop(index);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Index>();
    let index = std::sync::Arc::new(corpus::index());
    let threads: Vec<_> = (0..4)
        .map(|i| {
            let index = index.clone();
            std::thread::spawn(move || {
                if i == 0 {
                    index.upsert(&corpus::proposal(30)).expect("upsert");
                    index.commit().expect("commit");
                }
                index
                    .search("垃圾分类", &Visibility::All, 5)
                    .expect("search")
                    .len()
            })
        })
        .collect();
    for thread in threads {
        assert!(thread.join().expect("thread") >= 2);
    }
}
