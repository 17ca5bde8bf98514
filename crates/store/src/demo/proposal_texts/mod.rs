//! Realistic proposal (提案) texts for the demo data: some seventy topic
//! templates across the six default categories, each with interchangeable
//! title parts, sentences, suggestions and answer paragraphs, so that a
//! season of about 1,200 demo proposals reads like a real one. Pure data and
//! pure functions: the same `(seed, place)` always gives the same text.
//!
//! Templates use placeholders: `{p}` the place ("渝中区"), `{a}` the whole of
//! it ("全区"), `{w}` "ours" ("我区"), `{l}` its level ("区"), `{sub}` its
//! subdivisions ("镇街"), `{me}` the answering unit ("我局", "我委") and
//! `{field}` the topic's field of work; `{n:A-B}` an integer, `{d:A-B}` a
//! number with one decimal, `{c:A-B}` a count scaled to the size of the place
//! and `{k:A-B}` a count of 万 scaled likewise (written with 万 or 亿).

use domain::tracking::AnswerClass;

use super::names::CHONGQING_DISTRICTS;

/// One generated proposal text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalText {
    /// 案由, at most 60 characters, "关于……的建议" or "关于……的提案".
    pub title: String,
    /// 情况与分析: 3–6 sentences, 120–600 characters.
    pub analysis: String,
    /// 建议: 2–4 numbered suggestions "一是……二是……", 80–500 characters.
    pub suggestions: String,
    /// One of 经济建设, 政治建设, 文化建设, 社会建设, 生态文明建设, 其他.
    pub category: &'static str,
    /// 1–3 handling units as suffixes ("民政局"); the caller prefixes the
    /// place. Each is a department that `重庆市` also has; the first is the
    /// main unit, the one that writes `answer`.
    pub suggested_units: Vec<&'static str>,
    /// The class the answer is written for (A 50%, B 38%, C 12%).
    pub answer_class: AnswerClass,
    /// The main unit's answer letter body (100–400 characters).
    pub answer: String,
}

/// The number of topic templates.
pub const TOPIC_COUNT: usize = {
    let mut count = 0;
    let mut i = 0;
    while i < topics::PARTS.len() {
        count += topics::PARTS[i].len();
        i += 1;
    }
    count
};

mod topics;

/// Every topic template, in order.
fn all_topics() -> impl Iterator<Item = &'static Topic> {
    topics::PARTS.iter().flat_map(|part| part.iter())
}

/// A proposal about one of the topics that fit `place`. Deterministic: the
/// same `(seed, place)` always gives the same text.
pub fn proposal_text(seed: u64, place: &str) -> ProposalText {
    compose(seed, place, None, None)
}

/// The answer to `proposal_text(seed, place)` written for `class` instead of
/// the class drawn for it.
pub fn answer_text(seed: u64, place: &str, class: AnswerClass) -> String {
    compose(seed, place, None, Some(class)).answer
}

const ECONOMY: &str = "经济建设";
const POLITICS: &str = "政治建设";
const CULTURE: &str = "文化建设";
const SOCIETY: &str = "社会建设";
const ECOLOGY: &str = "生态文明建设";
const OTHER: &str = "其他";

/// Which places a topic suits.
#[derive(Clone, Copy)]
enum Fit {
    Any,
    /// Not the wholly urban districts.
    Rural,
    /// Chongqing and its districts only.
    Chongqing,
    /// These districts and 重庆市.
    Only(&'static [&'static str]),
}

struct Topic {
    category: &'static str,
    fit: Fit,
    /// The field of work, for "对我区{field}工作的关心".
    field: &'static str,
    /// Title = 关于 + verb + [place] + object + [tail] + 的建议/的提案; every
    /// verb reads with every object.
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    tails: &'static [&'static str],
    /// The opening sentence of 情况与分析.
    situation: &'static [&'static str],
    /// Problem sentences, each starting with its subject.
    problems: &'static [&'static str],
    suggestions: &'static [&'static str],
    units: &'static [&'static str],
    /// Answer: what the unit has done (a full sentence).
    work: &'static [&'static str],
    /// Answer: what it will do, after "下一步，我们将".
    plan: &'static [&'static str],
}

const MUNICIPALITIES: [&str; 4] = ["北京市", "天津市", "上海市", "重庆市"];
const URBAN_CORE: [&str; 4] = ["渝中区", "大渡口区", "江北区", "南岸区"];

/// What the templates need to know about a place.
struct Place<'a> {
    name: &'a str,
    level: String,
    sub: &'static str,
    scale: u64,
    chongqing: bool,
    urban: bool,
}

impl<'a> Place<'a> {
    fn of(name: &'a str) -> Place<'a> {
        let (level, sub, scale) = if name.is_empty() || name == "全国" || name == "中国" {
            ("国".to_string(), "省区市", 300)
        } else if name.ends_with("自治区") {
            ("区".to_string(), "市县", 40)
        } else if name.ends_with('省') {
            ("省".to_string(), "市县", 40)
        } else if name.ends_with('市') {
            let scale = if MUNICIPALITIES.contains(&name) {
                20
            } else {
                5
            };
            ("市".to_string(), "区县", scale)
        } else if name.ends_with('县') {
            ("县".to_string(), "乡镇", 1)
        } else if name.ends_with('区') {
            let sub = if name == "渝中区" {
                "街道"
            } else {
                "镇街"
            };
            ("区".to_string(), sub, 1)
        } else {
            let last = name.chars().last().map(String::from).unwrap_or_default();
            (last, "乡镇", 1)
        };
        Place {
            name,
            level,
            sub,
            scale,
            chongqing: name == "重庆市" || CHONGQING_DISTRICTS.contains(&name),
            urban: URBAN_CORE.contains(&name),
        }
    }

    fn whole(&self) -> String {
        format!("全{}", self.level)
    }

    fn ours(&self) -> String {
        format!("我{}", self.level)
    }

    fn suits(&self, fit: Fit) -> bool {
        match fit {
            Fit::Any => true,
            Fit::Rural => !self.urban,
            Fit::Chongqing => self.chongqing,
            Fit::Only(places) => self.name == "重庆市" || places.contains(&self.name),
        }
    }
}

/// SplitMix64, so the texts never change with a dependency's version.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, place: &str) -> Rng {
        // FNV-1a of the place, mixed with the seed.
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for b in place.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
        let mut rng = Rng(h);
        let salt = rng.next();
        Rng(seed ^ salt)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    /// A random order of `0..n`.
    fn shuffle(&mut self, n: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..n {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all
    }

    /// At least `wanted` of `0..n` (all of them when fewer), in increasing
    /// order, and the rest in random order to add from.
    fn some_of(&mut self, n: usize, wanted: usize) -> (Vec<usize>, Vec<usize>) {
        let mut chosen = self.shuffle(n);
        let rest = chosen.split_off(wanted.min(n));
        chosen.sort_unstable();
        (chosen, rest)
    }
}

/// What `render` substitutes besides numbers.
struct Ctx<'a> {
    place: &'a Place<'a>,
    me: &'static str,
    field: &'static str,
}

fn render(template: &str, ctx: &Ctx<'_>, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &after[..end];
        match token {
            "p" => out.push_str(ctx.place.name),
            "a" => out.push_str(&ctx.place.whole()),
            "w" => out.push_str(&ctx.place.ours()),
            "l" => out.push_str(&ctx.place.level),
            "sub" => out.push_str(ctx.place.sub),
            "me" => out.push_str(ctx.me),
            "field" => out.push_str(ctx.field),
            _ => match number(token, ctx.place.scale, rng) {
                Some(n) => out.push_str(&n),
                None => {
                    out.push('{');
                    out.push_str(token);
                    out.push('}');
                }
            },
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `n:A-B`, `d:A-B`, `c:A-B` or `k:A-B`.
fn number(token: &str, scale: u64, rng: &mut Rng) -> Option<String> {
    let (kind, range) = token.split_once(':')?;
    let (lo, hi) = range.split_once('-')?;
    let lo: u64 = lo.parse().ok()?;
    let hi: u64 = hi.parse().ok()?;
    if hi < lo {
        return None;
    }
    let mut draw = |lo: u64, hi: u64| lo + rng.below((hi - lo + 1) as usize) as u64;
    Some(match kind {
        "n" => draw(lo, hi).to_string(),
        "d" => {
            let tenths = draw(lo * 10, hi * 10);
            if tenths.is_multiple_of(10) {
                (tenths / 10).to_string()
            } else {
                format!("{}.{}", tenths / 10, tenths % 10)
            }
        }
        "c" => {
            let v = draw(lo, hi) * scale;
            if v >= 10_000 {
                in_units(v, "万")
            } else {
                v.to_string()
            }
        }
        "k" => {
            let v = draw(lo, hi) * scale;
            if v >= 10_000 {
                in_units(v, "亿")
            } else {
                format!("{v}万")
            }
        }
        _ => return None,
    })
}

/// `v` in units of ten thousand, with at most one decimal below a hundred:
/// 23456 → "2.3万", 1299000 → "130万".
fn in_units(v: u64, unit: &str) -> String {
    let tenths = (v + 500) / 1000;
    if tenths >= 1000 {
        format!("{}{unit}", (tenths + 5) / 10)
    } else if tenths.is_multiple_of(10) {
        format!("{}{unit}", tenths / 10)
    } else {
        format!("{}.{}{unit}", tenths / 10, tenths % 10)
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

const FIRST_PROBLEM: [&str; 4] = ["调研发现，", "从调研情况看，", "目前，", "但从实际情况看，"];
const NEXT_PROBLEM: [[&str; 2]; 3] = [["同时，", ""], ["此外，", ""], ["另外，", ""]];
const CLOSERS: [&str; 5] = [
    "这些问题已成为制约{w}{field}工作提质增效的突出短板，亟待加以解决。",
    "群众对此反映较为强烈，有必要引起相关部门的高度重视。",
    "上述问题如不及时加以解决，将影响{field}工作的长远发展。",
    "为此，特提出以下建议。",
    "这些问题涉及面广、群众关注度高，需要统筹研究、系统破解。",
];
const ORDINALS: [&str; 5] = ["一是", "二是", "三是", "四是", "五是"];

const OPENINGS: [&str; 3] = [
    "您提出的《{title}》收悉。感谢您对{w}{field}工作的关心和支持，现将办理情况答复如下。",
    "您提出的《{title}》已收悉，我们高度重视，经认真研究并会同相关单位办理，现答复如下。",
    "您提出的《{title}》收悉。该提案对做好{field}工作具有重要参考价值，现答复如下。",
];
const CLOSINGS: [&str; 3] = [
    "再次感谢您对{w}{field}工作的关心和支持，欢迎继续提出宝贵意见和建议。",
    "感谢您对我们工作的关心和支持。",
    "衷心感谢您对{field}工作的关注，希望继续给予关心和指导。",
];
const CLASS_A: [&str; 2] = [
    "您提出的建议针对性和可操作性强，我们已充分吸收采纳，并落实到具体工作中。",
    "您所提建议与我们的工作思路高度契合，相关内容已全部采纳并组织实施。",
];
const CLASS_B: [&str; 2] = [
    "您提出的建议很有针对性，部分内容正在推进落实，其余已列入下一年度工作计划。",
    "您所提建议我们正在积极推进，已纳入年度重点工作，将分步骤组织实施。",
];
const CLASS_C: [&str; 2] = [
    "您提出的建议具有一定前瞻性，但受财力、用地等条件限制，目前尚难以全面实施，我们将留作今后工作参考。",
    "经研究，您所提部分建议涉及上级事权和政策调整，现阶段实施条件尚不成熟，我们将认真研究、留作参考。",
];

fn compose(
    seed: u64,
    place_name: &str,
    topic: Option<usize>,
    class: Option<AnswerClass>,
) -> ProposalText {
    let place = Place::of(place_name);
    let mut rng = Rng::new(seed, place_name);
    let topic = match topic.and_then(|i| all_topics().nth(i)) {
        Some(t) => t,
        None => {
            let fitting: Vec<&Topic> = all_topics().filter(|t| place.suits(t.fit)).collect();
            let i = rng.below(fitting.len());
            fitting.get(i).copied().unwrap_or(&topics::PARTS[0][0])
        }
    };
    let drawn = match rng.below(100) {
        0..=49 => AnswerClass::A,
        50..=87 => AnswerClass::B,
        _ => AnswerClass::C,
    };
    let class = class.unwrap_or(drawn);
    let main_unit = topic.units.first().copied().unwrap_or("");
    let ctx = Ctx {
        place: &place,
        me: if main_unit.ends_with('局') {
            "我局"
        } else {
            "我委"
        },
        field: topic.field,
    };

    let title = title(topic, &place, &mut rng);
    let analysis = analysis(topic, &ctx, &mut rng);
    let suggestions = suggestions(topic, &ctx, &mut rng);
    let answer = answer(topic, &ctx, &title, class, &mut rng);
    ProposalText {
        title,
        analysis,
        suggestions,
        category: topic.category,
        suggested_units: topic.units.to_vec(),
        answer_class: class,
        answer,
    }
}

fn title(topic: &Topic, place: &Place<'_>, rng: &mut Rng) -> String {
    let verb = rng.pick(topic.verbs);
    let object = rng.pick(topic.objects);
    let ours = place.ours();
    let at = match rng.below(3) {
        0 => "",
        1 => place.name,
        _ => ours.as_str(),
    };
    let tail = topic
        .tails
        .get(rng.below(topic.tails.len() + 1))
        .copied()
        .unwrap_or("");
    let end = if rng.below(2) == 0 {
        "建议"
    } else {
        "提案"
    };
    let build = |at: &str, tail: &str| format!("关于{verb}{at}{object}{tail}的{end}");
    let mut title = build(at, tail);
    if chars(&title) > 60 {
        title = build(at, "");
    }
    if chars(&title) > 60 {
        title = build("", "");
    }
    title
}

fn analysis(topic: &Topic, ctx: &Ctx<'_>, rng: &mut Rng) -> String {
    let situation = rng.pick(topic.situation);
    let wanted = 2 + rng.below(2);
    let (mut chosen, rest) = rng.some_of(topic.problems.len(), wanted);
    let mut rest = rest.into_iter();
    let closer = if rng.below(10) < 6 {
        Some(rng.pick(&CLOSERS))
    } else {
        None
    };
    loop {
        let mut text = render(situation, ctx, rng);
        for (k, &i) in chosen.iter().enumerate() {
            text.push_str(if k == 0 {
                FIRST_PROBLEM[rng.below(FIRST_PROBLEM.len())]
            } else {
                NEXT_PROBLEM[(k - 1).min(2)][rng.below(2)]
            });
            let problem = topic.problems.get(i).copied().unwrap_or("");
            text.push_str(&render(problem, ctx, rng));
        }
        if let Some(closer) = closer {
            text.push_str(&render(closer, ctx, rng));
        }
        if chars(&text) >= 130 || chosen.len() >= 4 {
            return text;
        }
        match rest.next() {
            Some(i) => {
                chosen.push(i);
                chosen.sort_unstable();
            }
            None => return text,
        }
    }
}

fn suggestions(topic: &Topic, ctx: &Ctx<'_>, rng: &mut Rng) -> String {
    let wanted = [2, 3, 3, 3, 4][rng.below(5)];
    let (mut chosen, rest) = rng.some_of(topic.suggestions.len(), wanted);
    let mut rest = rest.into_iter();
    loop {
        let mut text = String::new();
        for (k, &i) in chosen.iter().enumerate() {
            text.push_str(ORDINALS[k.min(4)]);
            let s = topic.suggestions.get(i).copied().unwrap_or("");
            text.push_str(&render(s, ctx, rng));
        }
        if chars(&text) >= 90 || chosen.len() >= 4 {
            return text;
        }
        match rest.next() {
            Some(i) => {
                chosen.push(i);
                chosen.sort_unstable();
            }
            None => return text,
        }
    }
}

fn answer(topic: &Topic, ctx: &Ctx<'_>, title: &str, class: AnswerClass, rng: &mut Rng) -> String {
    let opening = rng.below(OPENINGS.len());
    let mut text = render(&OPENINGS[opening].replace("{title}", title), ctx, rng);
    text.push_str(&render(rng.pick(topic.work), ctx, rng));
    let (sentences, lead) = match class {
        AnswerClass::A => (&CLASS_A, "下一步，我们将"),
        AnswerClass::B => (&CLASS_B, "下一步，我们将"),
        AnswerClass::C => (&CLASS_C, "下一步，我们将积极创造条件，"),
    };
    text.push_str(sentences[rng.below(2)]);
    text.push_str(lead);
    text.push_str(&render(rng.pick(topic.plan), ctx, rng));
    text.push('。');
    let closing = if opening == 0 {
        1 + rng.below(2)
    } else {
        rng.below(3)
    };
    text.push_str(&render(CLOSINGS[closing], ctx, rng));
    text
}

#[cfg(test)]
mod text_tests;
