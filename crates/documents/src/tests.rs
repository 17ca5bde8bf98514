#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::io::{Cursor, Read};

use super::*;

fn sample() -> ProposalDocument {
    ProposalDocument {
        org_name: "中国人民政治协商会议重庆市委员会".into(),
        term: "第六届".into(),
        year: 2026,
        number: "第0012号".into(),
        kind: "联名提案".into(),
        proposers: vec!["张伟".into(), "李娜".into()],
        category: "社会建设".into(),
        title: "关于加强社区养老服务的提案".into(),
        analysis: "第一段情况。\n\n第二段分析 <与> & 引号".into(),
        suggestions: "一、建议甲。\n二、建议乙。".into(),
        public: true,
        submitted_on: "2026-11-27".into(),
        answers: vec![AnswerDocument {
            unit: "市民政局".into(),
            role: "单办".into(),
            class: AnswerClass::A,
            document_no: Some("渝民提复〔2026〕12号".into()),
            signed_by: "王局长".into(),
            contact_person: "赵科长".into(),
            contact_phone: "023-63000000".into(),
            text: "已采纳并落实。".into(),
        }],
    }
}

/// The main part of a .docx, as text.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

#[test]
fn the_form_holds_every_field() {
    let xml = document_xml(&proposal_form(&sample()).expect("docx"));
    for expected in [
        "中国人民政治协商会议重庆市委员会",
        "提　案",
        "第六届2026年",
        "第0012号",
        "关于加强社区养老服务的提案",
        "张伟（第一提案人）、李娜",
        "社会建设",
        "联名提案",
        "情况与分析",
        "第二段分析 &lt;与&gt; &amp; 引号",
        "二、建议乙。",
        "市民政局（单办）",
        "A类（已解决或采纳）",
        "文号：渝民提复〔2026〕12号",
        "已采纳并落实。",
    ] {
        assert!(xml.contains(expected), "missing {expected}");
    }
}

#[test]
fn an_unfiled_form_says_it_has_no_number_yet() {
    let doc = ProposalDocument {
        number: String::new(),
        answers: Vec::new(),
        ..sample()
    };
    let xml = document_xml(&proposal_form(&doc).expect("docx"));
    assert!(xml.contains("立案后编号"));
    assert!(!xml.contains("承办单位答复"));
}

#[test]
fn the_compendium_lists_categories_in_the_order_given() {
    let title = CompendiumTitle {
        org_name: "中国人民政治协商会议重庆市委员会".into(),
        term: "第六届".into(),
        year: 2026,
        total: 3,
    };
    let mut private = sample();
    private.public = false;
    private.title = "不公开的提案".into();
    private.analysis = "保密分析".into();
    let book = Compendium::new(&title)
        .category("经济建设", 1)
        .proposal(&ProposalDocument {
            title: "甲提案".into(),
            ..sample()
        })
        .category("社会建设", 2)
        .proposal(&sample())
        .proposal(&private);
    assert_eq!(book.len(), 3);
    let mut out = Cursor::new(Vec::new());
    book.write(&mut out).expect("docx");
    let xml = document_xml(&out.into_inner());
    let at = |s: &str| xml.find(s).unwrap_or_else(|| panic!("missing {s}"));
    assert!(at("2026年提案汇编") < at("经济建设"));
    assert!(at("经济建设") < at("甲提案"));
    assert!(at("甲提案") < at("社会建设"));
    assert!(at("社会建设") < at("关于加强社区养老服务的提案"));
    assert!(xml.contains("Heading1"));
    assert!(xml.contains("不公开的提案"));
    assert!(
        !xml.contains("保密分析"),
        "a private proposal's text stays out"
    );
}
