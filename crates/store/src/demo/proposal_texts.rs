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
pub const TOPIC_COUNT: usize = TOPICS.len();

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
    let topic = match topic.and_then(|i| TOPICS.get(i)) {
        Some(t) => t,
        None => {
            let fitting: Vec<&Topic> = TOPICS.iter().filter(|t| place.suits(t.fit)).collect();
            let i = rng.below(fitting.len());
            fitting.get(i).copied().unwrap_or(&TOPICS[0])
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

const TOPICS: &[Topic] = &[
    // ---------------------------------------------------------------- 社会建设
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "养老服务",
        verbs: &["加快推进", "大力推进", "进一步完善", "统筹推进"],
        objects: &["社区嵌入式养老服务", "社区居家养老服务体系建设", "社区养老服务设施建设"],
        tails: &["破解高龄老人养老难题", "让老年人就近享有优质养老服务"],
        situation: &[
            "截至去年底，{a}60岁以上老年人口达{k:8-16}人，占户籍人口的{d:21-27}%，其中九成以上选择居家和社区养老。",
            "{w}现有社区养老服务站{c:40-120}个、街道综合养老服务中心{c:6-15}个，但与老年人日益增长的照护需求相比仍有较大差距。",
        ],
        problems: &[
            "部分老城区社区受用地限制，养老服务站点面积普遍不足200平方米，“一床难求”的现象较为普遍。",
            "新建小区养老服务配套用房移交率仅为{n:45-70}%，部分用房长期闲置或被挪作他用。",
            "助餐、助浴、上门照护等服务供给不足，社区老年食堂覆盖面小，高龄独居老人吃饭难问题突出。",
            "专业养老护理员缺口较大，持证上岗率不足{n:40-60}%，年流失率超过{n:20-35}%。",
            "社区养老服务站点与社区卫生服务中心衔接不畅，医养结合服务多停留在签约层面。",
        ],
        suggestions: &[
            "按照每百户不低于20平方米的标准落实新建小区养老服务配套用房，老城区通过购置、置换、租赁等方式补齐短板。",
            "推广“中央厨房+社区食堂”模式，对高龄、失能、低保老年人给予助餐补贴，扩大社区老年食堂覆盖面。",
            "推动社区养老服务站与社区卫生服务中心邻近设置、资源共享，开展家庭病床和上门巡诊服务。",
            "提高养老护理员岗位补贴，建立职业技能等级与薪酬待遇挂钩机制，稳定专业护理队伍。",
            "引入品牌化、连锁化养老服务机构运营社区站点，对运营良好的机构按服务人次给予奖补。",
        ],
        units: &["民政局", "卫生健康委员会"],
        work: &[
            "{me}会同相关部门持续完善社区居家养老服务网络，{a}已建成街道综合养老服务中心{c:8-16}个、社区养老服务站{c:60-150}个，开办社区老年食堂{c:20-60}个，累计提供助餐服务{k:12-40}人次。",
            "今年以来，{me}将社区养老服务设施建设纳入城市更新统筹推进，新增养老服务床位{c:300-800}张，培训养老护理员{c:200-600}人次，对80周岁以上老年人就餐给予每餐{n:2-5}元补贴。",
        ],
        plan: &[
            "会同规划、住建部门加强新建小区养老服务配套用房的规划、验收和移交管理，逐步补齐老城区设施短板",
            "扩大社区老年食堂和家庭养老照护床位覆盖面，推动医养康养服务向社区和家庭延伸",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Rural,
        field: "农村养老服务",
        verbs: &["完善", "加快构建", "进一步健全", "着力完善"],
        objects: &["农村互助养老服务体系", "农村留守老人关爱服务体系", "农村互助养老服务网络"],
        tails: &["破解农村留守老人养老难题", "让农村老人老有所养"],
        situation: &[
            "{w}农村青壮年劳动力大量外出务工，农村60岁以上老年人约{k:3-8}人，其中留守老人占比超过{n:55-70}%。",
            "近年来，{w}在{c:60-150}个行政村建成农村互助幸福院，初步构建起三级农村养老服务网络。",
        ],
        problems: &[
            "部分农村互助幸福院建成后缺乏稳定运营经费，只挂牌不开门的现象较为突出。",
            "乡镇敬老院床位空置率达{n:35-55}%，而失能、半失能留守老人却难以得到专业照护。",
            "留守老人在吃饭、看病、应急求助等方面困难突出，独居老人意外事件时有发生。",
            "农村养老服务人员以本村低龄老人为主，年龄偏大、专业技能不足。",
            "农村养老服务资金主要依靠上级补助，村集体经济和社会力量参与明显不足。",
        ],
        suggestions: &[
            "将农村互助幸福院运营经费纳入财政预算，按照服务人次和服务质量给予运营补助。",
            "推动乡镇敬老院转型为区域养老服务中心，向周边失能、半失能留守老人开放，提供全托、日托和上门服务。",
            "组织低龄健康老人、留守妇女参与互助服务，推广“时间银行”积分兑换机制，激发互助养老内生动力。",
            "依托村卫生室为留守老人建立健康档案，开展定期巡诊和家庭医生签约服务。",
            "鼓励村集体经济收益按一定比例用于本村养老服务，引导乡贤、企业通过捐赠等方式参与农村养老。",
        ],
        units: &["民政局", "卫生健康委员会", "农业农村委员会"],
        work: &[
            "{me}持续推进农村养老服务体系建设，{a}已建成区域养老服务中心{c:6-15}个、农村互助养老点{c:80-200}个，对{c:1200-3000}名特困、失能留守老人开展定期探访。",
            "近年来，{me}累计投入资金{k:300-900}元用于乡镇敬老院改造提升，{c:8-20}所敬老院完成转型升级，护理型床位占比提高到{n:45-60}%。",
        ],
        plan: &[
            "加大农村互助养老点运营补助力度，推广“时间银行”等互助模式，推动农村养老服务从“有没有”向“好不好”转变",
            "推进乡镇敬老院转型为区域养老服务中心，逐步实现农村留守、独居老人探访关爱全覆盖",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "教育",
        verbs: &["统筹推进", "切实加强", "进一步做好", "加快推进"],
        objects: &["城区义务教育学位供给", "义务教育学校建设和学位保障", "中小学校布局调整和学位供给"],
        tails: &["缓解“入学难”问题", "满足适龄儿童就近入学需求"],
        situation: &[
            "随着城镇化进程加快和新建住宅小区集中交付，{w}城区义务教育阶段在校生近三年年均增加{c:2000-5000}人。",
            "截至今年秋季学期，{a}义务教育阶段在校生{k:5-12}人，城区部分学校班额超过{n:50-56}人，大班额问题有所反弹。",
        ],
        problems: &[
            "部分新建片区教育配套设施建设滞后于住宅交付，学校开工晚、建成慢，学生只能跨片区就读。",
            "老城区学校用地紧张，运动场地生均面积不足国家标准的一半，扩容空间十分有限。",
            "农村学校生源持续减少，部分村小学生不足50人，城乡之间学位“城挤、乡空”矛盾突出。",
            "学位预警机制尚不健全，人口变化、住宅开发与学校建设之间缺乏有效的数据联动。",
            "教师编制总量不足，新建学校开办初期师资主要靠临聘教师补充，影响办学质量。",
        ],
        suggestions: &[
            "建立学龄人口动态监测和学位预警机制，依托公安、住建、卫健等部门数据，提前三至五年研判学位需求。",
            "严格落实住宅小区配套学校与首期住宅“同步规划、同步建设、同步交付”，对未按期移交的依法追责。",
            "通过改扩建、集团化办学、盘活闲置校舍等方式挖潜扩容，缓解老城区学位紧张。",
            "统筹调配城乡教师编制，建立新建学校教师编制周转池，保障新校开办所需师资。",
            "将中小学校建设纳入年度重点项目，优先保障用地和建设资金，加快在建学校建设进度。",
        ],
        units: &["教育委员会", "规划和自然资源局", "住房和城乡建设委员会"],
        work: &[
            "{me}高度重视学位供给工作，近三年{a}新建、改扩建中小学校{c:6-15}所，新增义务教育学位{c:5000-12000}个，城区大班额比例下降到{d:1-5}%。",
            "{me}已会同公安、卫健等部门建立学龄人口信息共享机制，每年更新学位需求预测，今年新开办学校{c:2-5}所，新增学位{c:2000-5000}个。",
        ],
        plan: &[
            "严格落实住宅小区配套学校同步建设、同步交付制度，加快推进在建学校建设，持续扩大城区优质学位供给",
            "完善学位预警和教师编制周转机制，统筹盘活农村闲置校舍，推动城乡义务教育优质均衡发展",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "城市更新",
        verbs: &["加快推进", "进一步推动", "持续做好", "全面提速"],
        objects: &["老旧小区加装电梯工作", "既有住宅增设电梯", "老旧小区加装电梯民生工程"],
        tails: &["切实解决群众“上下楼难”", "提升老年居民生活品质"],
        situation: &[
            "{w}2000年以前建成的老旧小区共有{c:300-700}个，涉及住宅楼{c:3000-7000}栋，绝大多数没有电梯，居住在其中的60岁以上老年人超过{k:2-6}人。",
            "自开展既有住宅增设电梯工作以来，{a}累计完成加装电梯{c:200-600}部，但与群众需求相比仍有较大差距。",
        ],
        problems: &[
            "加装电梯需经本单元业主“双三分之二”同意，低层住户因采光、噪声等顾虑反对，协商难度大。",
            "老旧小区地下管网复杂，管线迁改费用高，部分项目仅管线迁改就需{n:15-30}万元。",
            "部分楼栋依坡而建、间距狭窄，加装方案设计难、施工难。",
            "审批涉及规划、住建、市场监管等多个部门，流程环节多，平均审批周期超过{n:3-6}个月。",
            "电梯建成后的维护保养费用分摊缺乏规范，部分电梯出现“建得起、养不起”的问题。",
        ],
        suggestions: &[
            "推行加装电梯“一窗受理、并联审批”，编制审批服务指南，将审批时限压缩至20个工作日以内。",
            "提高财政补助标准，允许提取住房公积金用于加装电梯，对管线迁改费用给予专项补助。",
            "发挥社区、物业和政协委员、人大代表作用，建立加装电梯协商议事和矛盾调解机制。",
            "推广“代建+运维”一体化模式，引导电梯企业提供全生命周期维保服务，探索电梯维保保险。",
            "将加装电梯与老旧小区改造统筹实施，同步推进管线迁改、无障碍设施和楼道改造。",
        ],
        units: &["住房和城乡建设委员会", "规划和自然资源局", "市场监督管理局"],
        work: &[
            "{me}会同相关部门出台既有住宅增设电梯实施办法，今年以来{a}新开工加装电梯{c:60-200}部、建成投用{c:40-150}部，每部电梯给予财政补助{n:10-20}万元。",
            "{me}已推行加装电梯并联审批，审批时限由原来的{n:40-60}个工作日压缩至{n:15-20}个工作日，并在{c:20-60}个小区开展了“整小区”加装试点。",
        ],
        plan: &[
            "进一步简化审批流程，推动住房公积金提取用于加装电梯，完善电梯后期运维费用分摊机制",
            "将加装电梯纳入老旧小区改造统筹实施，发挥社区协商议事作用，推动更多楼栋实现“能装尽装”",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "医疗保障",
        verbs: &["进一步完善", "持续优化", "加快推进", "切实做好"],
        objects: &["医保异地就医直接结算服务", "跨省异地就医门诊费用直接结算", "异地就医备案和报销服务"],
        tails: &["减轻参保群众跑腿垫资负担", "更好服务流动人口就医需求"],
        situation: &[
            "{w}常年在外务工、随子女异地居住的参保人员约{k:5-15}人，异地就医需求持续增长，去年异地就医达{k:8-20}人次。",
            "目前{a}已有{c:20-60}家定点医疗机构开通跨省异地就医直接结算，但群众在实际报销中仍面临不少堵点。",
        ],
        problems: &[
            "部分参保群众不了解备案程序，异地就医后只能回参保地手工报销，往返奔波且需全额垫资。",
            "门诊慢特病跨省直接结算病种覆盖有限，不少患者仍需先垫付后报销。",
            "基层定点医药机构开通直接结算比例不高，群众在县域以下医疗机构就医难以实现刷卡结算。",
            "异地就医报销比例与参保地存在差异，部分群众对报销政策理解不一，容易产生误解。",
            "手工报销材料多、审核周期长，平均办结时间超过{n:20-40}个工作日。",
        ],
        suggestions: &[
            "加大异地就医备案政策宣传，推广线上备案“掌上办”，实现备案“即时办、零跑腿”。",
            "扩大门诊慢特病跨省直接结算病种范围，推动更多基层定点医疗机构和定点药店接入结算平台。",
            "精简手工报销材料，压缩审核时限，对确需手工报销的推行“一站式”受理和限时办结。",
            "在外出务工人员集中地区建立医保服务联络点，依托商会、驻外党组织提供政策咨询和代办服务。",
            "加强异地就医费用监管，建立就医地和参保地协同稽核机制，守好群众“看病钱”。",
        ],
        units: &["医疗保障局", "卫生健康委员会"],
        work: &[
            "{me}持续推进异地就医直接结算扩面提质，目前{a}已有{c:40-120}家定点医药机构接入跨省直接结算平台，今年以来累计直接结算{k:3-9}人次，结算金额{k:2000-6000}元。",
            "{me}已开通线上备案渠道，异地就医备案实现“掌上办”，手工报销平均办结时间缩短至{n:10-15}个工作日。",
        ],
        plan: &[
            "持续扩大门诊慢特病跨省直接结算覆盖范围，推动更多基层定点医药机构接入结算平台",
            "加强异地就医政策宣传解读，优化线上备案流程，进一步压缩手工报销办理时限",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "校园安全",
        verbs: &["加强", "进一步加强", "切实做好", "统筹推进"],
        objects: &["中小学校园周边交通安全管理", "校园周边道路交通秩序整治", "学生上下学交通安全保障工作"],
        tails: &["守护学生平安上下学", "破解上下学时段交通拥堵难题"],
        situation: &[
            "{a}现有中小学校和幼儿园{c:80-200}所，在校学生{k:6-15}人，其中约{n:40-60}%的学生由家长接送上下学。",
            "近年来，{w}中小学校园周边交通问题日益突出，上下学高峰时段学校周边道路平均通行速度不足{n:8-12}公里/小时。",
        ],
        problems: &[
            "部分学校临主干道设置校门，缺少接送停靠区，家长车辆随意停放，造成交通拥堵和安全隐患。",
            "校园周边人行道、过街设施、交通信号灯等设施不完善，学生横穿马路现象较为普遍。",
            "电动自行车接送学生不戴头盔、超员载人等问题突出，管理难度较大。",
            "学校、公安交管、社区等各方职责不够清晰，护学岗力量主要依靠家长志愿者，难以长效坚持。",
            "校园周边道路标志标线老化、减速设施缺失，车辆经过学校路段时车速偏快。",
        ],
        suggestions: &[
            "结合校园周边空间挖潜，设置临时停靠区和“即停即走”接送车位，推广错峰放学和分区域接送。",
            "完善校园周边人行横道、信号灯、减速带和隔离护栏等设施，重点路段设置学校区域标志和测速提示。",
            "建立公安交警、学校、社区和家长志愿者共同参与的“护学岗”机制，上下学高峰时段定点值守。",
            "加强交通安全进校园宣传教育，开展电动自行车接送学生佩戴头盔、规范载人专项整治。",
            "在有条件的学校周边建设地下接送通道或立体停车设施，从根本上缓解接送拥堵。",
        ],
        units: &["公安局", "教育委员会", "交通运输委员会"],
        work: &[
            "{me}会同教育、交通等部门开展校园周边交通秩序专项整治，今年以来在{c:30-90}所学校周边新设临时停靠区，增设减速带、警示标志{c:200-600}处。",
            "{me}已在{c:50-150}所学校周边设置“护学岗”，组织家长志愿者、社区网格员参与上下学高峰值守，校园周边交通事故同比下降{n:15-35}%。",
        ],
        plan: &[
            "会同相关部门逐校制定交通组织优化方案，推广错峰放学和即停即走接送模式",
            "持续完善校园周边交通安全设施，深化“护学岗”长效机制，常态化开展交通安全宣传教育",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "城市管理",
        verbs: &["有效缓解", "着力破解", "多措并举缓解", "系统解决"],
        objects: &["老城区停车难问题", "居民小区停车难问题", "城区停车供需矛盾"],
        tails: &["提升城市精细化管理水平", "改善群众出行体验"],
        situation: &[
            "截至去年底，{a}机动车保有量达{k:15-40}辆，年均增长{n:8-14}%，停车泊位缺口超过{k:3-8}个。",
            "随着机动车快速增长，{w}老城区、医院、学校和商圈周边停车难问题日益突出，已成为群众反映最集中的问题之一。",
        ],
        problems: &[
            "老旧小区建设时未配建停车位，车辆占用消防通道、人行道停放现象普遍。",
            "公共停车场布局不均，部分停车场位置偏僻、利用率不足{n:40-60}%，而热点区域一位难求。",
            "机关、企事业单位内部停车资源夜间和节假日大量闲置，错时共享机制尚未建立。",
            "停车信息化水平不高，智慧停车平台覆盖面小，驾驶员找车位时间长。",
            "路内停车收费标准偏低，与路外停车场价格倒挂，未能发挥价格杠杆调节作用。",
        ],
        suggestions: &[
            "编制停车设施专项规划，利用边角地、拆违腾退土地和公园绿地地下空间建设公共停车场和机械式立体停车库。",
            "推动机关、企事业单位内部停车场夜间和节假日向社会错时开放，建立停车资源共享机制。",
            "建设全域智慧停车平台，实现停车泊位实时查询、预约和无感支付。",
            "实行差异化停车收费，理顺路内与路外停车价格关系，引导车辆优先停入路外停车场。",
            "鼓励社会资本投资建设停车设施，在用地、审批和收费等方面给予政策支持。",
        ],
        units: &["城市管理局", "住房和城乡建设委员会", "公安局"],
        work: &[
            "{me}会同相关部门持续推进停车设施建设，今年以来{a}新增公共停车泊位{c:2000-6000}个，建成智慧停车示范项目{c:3-8}个。",
            "{me}已推动{c:40-120}家机关和企事业单位内部停车场向社会错时开放，共享泊位{c:1500-4000}个，并在重点区域施划夜间临时停车泊位{c:800-2000}个。",
        ],
        plan: &[
            "加快编制停车设施专项规划，充分挖掘边角地和地下空间资源，持续增加公共停车供给",
            "推进全域智慧停车平台建设，完善差异化收费机制，扩大停车资源错时共享范围",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "残疾人就业",
        verbs: &["促进", "进一步促进", "多渠道促进", "大力支持"],
        objects: &["残疾人就业创业", "残疾人稳定就业", "残疾人按比例就业和辅助性就业"],
        tails: &["帮助残疾人更好融入社会", "让残疾人共享发展成果"],
        situation: &[
            "{a}持证残疾人约{k:2-5}人，其中就业年龄段残疾人{c:8000-20000}人，实际就业率仅为{n:40-55}%。",
            "近年来，{w}通过按比例安排就业、集中就业、辅助性就业等方式帮扶残疾人就业，但残疾人就业总体仍面临较大困难。",
        ],
        problems: &[
            "部分用人单位宁愿缴纳残疾人就业保障金也不愿安排残疾人就业，按比例就业落实不到位。",
            "残疾人职业技能培训与市场需求脱节，培训后实现就业的比例不足{n:30-45}%。",
            "辅助性就业机构数量少、规模小，难以满足智力、精神和重度肢体残疾人的就业需求。",
            "无障碍环境建设不完善，残疾人通勤难、工作场所适配难，影响稳定就业。",
            "残疾人灵活就业、居家就业缺乏社会保险补贴等支持政策，收入不稳定。",
        ],
        suggestions: &[
            "党政机关、事业单位和国有企业带头安排残疾人就业，定期公示按比例安排残疾人就业情况。",
            "开展订单式、定向式职业技能培训，推广电商客服、非遗手工、按摩康复等适合残疾人的就业项目。",
            "每个{sub}至少建设一个残疾人辅助性就业机构，对吸纳残疾人就业的机构给予场地和运营补贴。",
            "对残疾人灵活就业、居家就业给予社会保险补贴，对残疾人自主创业给予贷款贴息。",
            "加快推进无障碍环境建设，对用人单位改造无障碍工作场所给予补助。",
        ],
        units: &["人力资源和社会保障局", "民政局", "财政局"],
        work: &[
            "{me}持续加大残疾人就业帮扶力度，今年以来{a}新增残疾人就业{c:300-800}人，开展残疾人职业技能培训{c:600-1500}人次，扶持建设辅助性就业机构{c:5-15}个。",
            "{me}已会同残联等部门举办残疾人专场招聘会{c:3-8}场，提供适合残疾人的就业岗位{c:500-1200}个，为{c:200-500}名灵活就业残疾人落实社会保险补贴。",
        ],
        plan: &[
            "推动党政机关、事业单位带头安排残疾人就业，加大按比例就业政策落实力度",
            "扩大辅助性就业机构覆盖面，开展订单式技能培训，持续拓宽残疾人就业渠道",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "托育服务",
        verbs: &["加快发展", "大力发展", "进一步完善", "积极发展"],
        objects: &["普惠托育服务", "3岁以下婴幼儿托育服务", "普惠托育服务体系"],
        tails: &["减轻家庭育儿负担", "助力人口长期均衡发展"],
        situation: &[
            "{a}现有3岁以下婴幼儿约{k:1-4}人，调查显示超过{n:30-45}%的家庭有入托需求，但实际入托率不足{n:8-12}%。",
            "截至去年底，{a}共有各类托育机构{c:40-120}家，每千人口拥有3岁以下婴幼儿托位{d:2-4}个，距离发展目标仍有差距。",
        ],
        problems: &[
            "托育服务价格偏高，民办托育机构月均收费在{n:2000-3500}元左右，普通家庭难以承受。",
            "普惠性托位供给不足，公办和普惠性托育机构占比仅为{n:20-35}%。",
            "托育从业人员专业化程度不高，持证上岗比例偏低，人员流动性大。",
            "托育机构普遍面临场地租金高、招生不稳定等困难，部分机构经营难以为继。",
            "社区嵌入式托育、用人单位办托等模式发展滞后，家长就近便捷送托需求难以满足。",
        ],
        suggestions: &[
            "支持有条件的幼儿园开设2至3岁托班，将托育服务设施纳入新建小区公共服务配套。",
            "对普惠性托育机构按实际收托人数给予运营补贴，降低普惠托位收费标准。",
            "鼓励用人单位、产业园区建设职工托育点，推广社区嵌入式托育服务。",
            "加强托育从业人员职业技能培训和职称评定，支持职业院校开设婴幼儿托育相关专业。",
            "建立托育机构安全和质量监管平台，推行视频监控全覆盖，让家长放心送托。",
        ],
        units: &["卫生健康委员会", "教育委员会", "发展和改革委员会"],
        work: &[
            "{me}积极推进普惠托育服务体系建设，{a}已有{c:20-60}所幼儿园开设托班，新增普惠性托位{c:600-1500}个，每千人口托位数达到{d:3-4}个。",
            "{me}会同发展改革、财政部门对新增普惠性托位给予每个{n:5000-10000}元的建设补助，今年新建社区嵌入式托育点{c:5-15}个。",
        ],
        plan: &[
            "支持更多幼儿园开设托班，推动托育设施纳入新建小区配套，持续扩大普惠托位供给",
            "完善普惠托育运营补贴机制，加强托育从业人员培训和机构质量监管",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "基层卫生",
        verbs: &["加强", "进一步加强", "着力加强", "切实加强"],
        objects: &["基层医疗卫生人才队伍建设", "乡村医生队伍建设", "基层全科医生队伍建设"],
        tails: &["夯实基层医疗卫生服务网底", "让群众在家门口看好病"],
        situation: &[
            "{a}现有乡镇卫生院和社区卫生服务中心{c:20-40}个、村卫生室{c:150-400}个，基层医疗卫生机构承担了{n:50-65}%的门急诊服务量。",
            "近年来，{w}基层医疗卫生机构基础设施明显改善，但人才短缺已成为制约基层医疗服务能力提升的最大短板。",
        ],
        problems: &[
            "乡村医生平均年龄超过{n:52-58}岁，60岁以上的占比达{n:30-40}%，后继乏人问题突出。",
            "基层医疗机构全科医生数量不足，每万名居民拥有全科医生{d:2-3}名，低于全国平均水平。",
            "基层医务人员薪酬待遇偏低、职称晋升空间小，本科以上学历人员“招不来、留不住”。",
            "乡村医生养老保障水平低，部分老乡医退出后生活困难，影响队伍稳定。",
            "基层医务人员进修培训机会少，诊疗能力难以满足群众对常见病、慢性病的就医需求。",
        ],
        suggestions: &[
            "扩大农村订单定向医学生免费培养规模，落实“县管乡用”“乡聘村用”机制。",
            "落实“两个允许”要求，提高基层医务人员绩效工资水平，在职称评审中对基层医务人员单列标准、单独评审。",
            "提高乡村医生基本公共卫生服务补助和养老保障水平，妥善解决老乡医退出后的生活保障问题。",
            "推进紧密型县域医共体建设，推动上级医院医生定期下沉，开展“师带徒”帮扶。",
            "将本科及以上学历医学毕业生纳入基层人才引进计划，给予安家补助和编制保障。",
        ],
        units: &["卫生健康委员会", "人力资源和社会保障局"],
        work: &[
            "{me}持续加强基层卫生人才队伍建设，近三年为基层招录订单定向医学生{c:40-120}名，招聘本科及以上学历医学毕业生{c:60-180}名，基层全科医生增加到{c:120-300}名。",
            "{me}已推进县域医共体建设，组织上级医院{c:80-200}名医生下沉基层坐诊带教，并对在岗乡村医生给予每月{n:300-800}元的岗位补助。",
        ],
        plan: &[
            "扩大订单定向医学生培养规模，落实基层医务人员职称评审倾斜政策，拓宽基层人才职业发展空间",
            "完善乡村医生待遇保障和退出机制，持续推动优质医疗资源下沉基层",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "职业教育",
        verbs: &["深化", "进一步深化", "大力推进", "加快推进"],
        objects: &["职业教育产教融合", "职业院校校企合作", "职业教育与产业协同发展"],
        tails: &["为产业发展培养更多高素质技能人才", "提升职业教育服务产业发展能力"],
        situation: &[
            "{a}现有中高职院校{c:4-10}所，在校生{k:1-4}人，每年向社会输送毕业生{c:3000-9000}人。",
            "近年来，{w}职业教育规模持续扩大，但与产业转型升级对技能人才的需求相比，仍存在明显的结构性矛盾。",
        ],
        problems: &[
            "专业设置与地方产业匹配度不高，汽车、电子信息、智能制造等产业急需的专业招生规模偏小。",
            "校企合作多停留在签协议、挂牌子层面，企业参与人才培养的积极性不高。",
            "“双师型”教师比例仅为{n:35-50}%，专业教师缺乏企业一线实践经验。",
            "实训设备更新滞后，部分专业实训设备落后企业生产线一代以上。",
            "职业教育社会认可度不高，学生和家长普遍存在“重普轻职”观念。",
        ],
        suggestions: &[
            "建立专业设置与产业需求动态调整机制，围绕主导产业打造一批特色专业群。",
            "培育产教融合型企业，对深度参与校企合作的企业给予税费减免和金融支持。",
            "推动校企共建实训基地和产业学院，推广现代学徒制和订单式培养。",
            "完善“双师型”教师培养认定机制，支持企业技术骨干到职业院校兼职任教。",
            "畅通职业院校学生升学和就业通道，落实技能人才与同层次学历人才同等待遇。",
        ],
        units: &["教育委员会", "人力资源和社会保障局", "经济和信息化委员会"],
        work: &[
            "{me}持续深化产教融合，支持职业院校与{c:40-120}家企业建立合作关系，共建实训基地{c:10-30}个、产业学院{c:2-6}个，订单班培养学生{c:800-2000}人。",
            "{me}已推动职业院校新增智能制造、新能源汽车等紧缺专业{c:3-8}个，“双师型”教师比例提高到{n:50-60}%，毕业生就业率保持在{n:95-98}%以上。",
        ],
        plan: &[
            "建立专业设置动态调整机制，围绕主导产业打造特色专业群，提升人才培养与产业需求的匹配度",
            "培育一批产教融合型企业，推动校企共建实训基地和产业学院，加强“双师型”教师队伍建设",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Chongqing,
        field: "人才",
        verbs: &["进一步优化", "完善", "健全", "强化"],
        objects: &["青年人才引进和留用政策", "高校毕业生就业创业扶持政策", "青年人才服务保障体系"],
        tails: &["吸引更多青年人才留渝来渝", "打造青年友好型城市"],
        situation: &[
            "重庆每年普通高校毕业生超过{n:28-32}万人，但留渝就业比例仅为{n:55-65}%，{w}对青年人才的吸引力仍有待提升。",
            "近年来，{w}出台了一系列人才引进政策，但在引进青年人才特别是高层次、紧缺型青年人才方面仍面临不少困难。",
        ],
        problems: &[
            "人才政策碎片化，各类补贴申领条件多、程序繁，部分青年人才对政策知晓度不高。",
            "青年人才租房成本占收入比重较高，人才公寓、保障性租赁住房供给不足。",
            "本地优质岗位数量有限，薪资水平与东部沿海城市相比有一定差距。",
            "高校与本地企业之间的人才对接机制不健全，毕业生对本地企业了解不够。",
            "青年创业孵化平台服务能力参差不齐，创业担保贷款额度小、门槛高。",
        ],
        suggestions: &[
            "整合各类人才政策，编制青年人才政策“一本通”，推行补贴申领“免申即享”。",
            "加大人才公寓和保障性租赁住房供给，对新就业高校毕业生给予一定期限的租房补贴。",
            "组织重点企业进高校开展专场招聘，建设一批大学生就业见习基地。",
            "提高创业担保贷款额度，对入驻孵化平台的青年创业项目给予场地租金减免。",
            "建设青年发展型城市，完善青年文化、体育、社交等生活配套，增强城市吸引力。",
        ],
        units: &["人力资源和社会保障局", "住房和城乡建设委员会", "教育委员会"],
        work: &[
            "{me}持续实施高校毕业生留渝来渝就业创业行动，今年以来{a}新增吸纳高校毕业生就业{c:2000-6000}人，认定就业见习基地{c:20-60}个，发放求职创业补贴{k:200-800}元。",
            "{me}已会同住建部门筹集人才公寓和保障性租赁住房{c:500-1500}套，对符合条件的新就业高校毕业生发放租房补贴，累计惠及{c:1000-3000}人。",
        ],
        plan: &[
            "整合优化青年人才政策，推行补贴申领“免申即享”，提高政策知晓度和兑现效率",
            "持续增加人才公寓和保障性租赁住房供给，深化校企人才对接，吸引更多青年人才留渝来渝",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "劳动者权益保障",
        verbs: &["切实维护", "依法保障", "更好维护", "进一步维护"],
        objects: &["外卖骑手等新就业形态劳动者合法权益", "平台灵活就业人员劳动保障权益", "新就业形态劳动者职业伤害保障权益"],
        tails: &["促进平台经济规范健康发展", "让城市“奔跑者”更有保障"],
        situation: &[
            "随着平台经济快速发展，{a}外卖骑手、网约车司机、快递员等新就业形态劳动者已超过{k:2-4}人，其中外卖骑手约{c:5000-12000}人。",
            "调研显示，{w}外卖骑手平均每天工作{n:10-12}小时以上，近{n:60-75}%的骑手没有参加职工社会保险。",
        ],
        problems: &[
            "平台通过算法不断压缩配送时间，骑手为按时送达闯红灯、逆行现象突出，交通事故时有发生。",
            "骑手与平台、配送商之间劳动关系认定模糊，发生纠纷时维权难度大。",
            "职业伤害保障覆盖面不够，部分骑手仅有平台代扣的意外险，保障水平较低。",
            "城市公共服务设施对骑手不够友好，骑手就餐、休息、充电、如厕等需求难以满足。",
            "骑手工会组织覆盖率低，缺乏与平台企业进行集体协商的有效渠道。",
        ],
        suggestions: &[
            "督促平台企业优化算法规则，合理确定配送时限和计件单价，落实“算法取中”要求。",
            "扩大新就业形态人员职业伤害保障覆盖范围，探索灵活就业人员参加社会保险的便捷办法。",
            "依托党群服务中心、工会驿站、商业网点建设“骑手之家”，提供休息、饮水、充电等服务。",
            "推动建立骑手工会组织，开展平台企业与劳动者代表集体协商，畅通诉求表达渠道。",
            "加强骑手交通安全培训，推行“安全积分”与派单奖励挂钩，减少交通违法行为。",
        ],
        units: &["人力资源和社会保障局", "公安局", "市场监督管理局"],
        work: &[
            "{me}积极推进新就业形态劳动者权益保障工作，会同相关部门约谈主要平台企业{c:3-8}次，推动{c:4000-10000}名骑手纳入职业伤害保障。",
            "{me}已联合工会建成“骑手之家”等户外劳动者服务站点{c:30-90}个，开展骑手交通安全培训{c:20-60}场次、覆盖{c:3000-8000}人次。",
        ],
        plan: &[
            "推动平台企业完善算法规则和劳动报酬机制，进一步扩大职业伤害保障覆盖面",
            "持续建设户外劳动者服务站点，畅通新就业形态劳动者诉求表达和权益维护渠道",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "老龄",
        verbs: &["着力弥合", "有效破解", "加快弥合", "切实弥合"],
        objects: &["老年人“数字鸿沟”", "银发群体“数字鸿沟”", "老年人运用智能技术的“数字鸿沟”"],
        tails: &["让老年人共享数字生活便利", "推进公共服务适老化改造"],
        situation: &[
            "{a}60岁以上老年人约{k:6-15}人，其中约{n:40-55}%的老年人不会或不熟练使用智能手机。",
            "随着政务服务、医疗挂号、交通出行、消费支付等加速数字化，{w}不少老年人因不会使用智能设备而在日常生活中遇到困难。",
        ],
        problems: &[
            "部分医院压缩人工窗口，老年人不会线上预约，看病挂号难。",
            "部分公共场所和服务网点只接受扫码支付、线上预约，保留的线下渠道不足。",
            "手机应用程序适老化改造不到位，界面复杂、广告弹窗多，老年人操作困难。",
            "针对老年人的电信网络诈骗高发，部分老人因担心受骗而不敢使用智能设备。",
            "老年人智能技术培训以零散活动为主，缺乏常态化、系统化的培训体系。",
        ],
        suggestions: &[
            "在医院、车站、银行、政务服务大厅等场所保留人工窗口和现金支付渠道，设立老年人“绿色通道”。",
            "推动常用手机应用程序和公共服务网站适老化改造，推广“长辈版”“关怀模式”。",
            "依托老年大学、社区和志愿者队伍常态化开展智能技术培训，组织“银龄数字课堂”。",
            "加强针对老年人的防诈骗宣传，在社区开展“一对一”结对帮扶。",
            "鼓励子女和志愿者开展“数字反哺”，将帮助老年人使用智能技术纳入志愿服务记录。",
        ],
        units: &["民政局", "大数据应用发展管理局", "卫生健康委员会"],
        work: &[
            "{me}持续推进老年人运用智能技术专项行动，今年以来依托社区和老年大学开展智能技术培训{c:200-600}场次，受益老年人{k:1-4}人次。",
            "{me}已推动{a}二级以上医院全部保留人工挂号窗口和现金支付渠道，{c:30-80}个政务服务网点设立老年人绿色通道。",
        ],
        plan: &[
            "推动公共服务场所保留并优化线下服务渠道，督促常用应用程序开展适老化改造",
            "常态化开展老年人智能技术培训和防诈骗宣传，引导社会力量参与“数字助老”志愿服务",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "消防安全",
        verbs: &["综合整治", "切实解决", "加快治理", "集中整治"],
        objects: &["住宅小区消防通道堵塞问题", "老旧小区消防车通道占用问题", "高层住宅消防通道安全隐患"],
        tails: &["守牢居民生命安全“生命线”", "筑牢城市消防安全防线"],
        situation: &[
            "{a}现有住宅小区{c:600-1500}个、高层住宅{c:800-2000}栋，其中约{n:30-45}%的老旧小区存在消防车通道被占用、堵塞等问题。",
            "近年来，{w}消防车通道被占用导致救援受阻的情况时有发生，群众反映强烈。",
        ],
        problems: &[
            "老旧小区停车位严重不足，车辆占用消防车通道停放成为常态。",
            "部分小区消防车通道标识标线不清晰，业主对其重要性认识不足。",
            "物业服务企业对占用消防通道行为缺乏执法权，劝阻效果有限。",
            "高层住宅楼道堆放杂物、电动自行车违规停放充电，疏散通道被堵塞。",
            "消防、住建、城管、公安交管等部门职责交叉，联合执法机制不健全。",
        ],
        suggestions: &[
            "开展住宅小区消防车通道标识化管理，统一施划标线、设置警示标牌。",
            "建立消防、公安交管、城管、住建联合执法机制，对占用消防车通道行为依法处罚。",
            "结合停车难治理，挖掘周边停车资源，从源头上减少车辆占用消防通道。",
            "压实物业服务企业消防安全管理责任，将消防通道管理纳入物业服务质量考核。",
            "推广智能监控抓拍系统，对占用消防车通道行为实时预警和处置。",
        ],
        units: &["应急管理局", "住房和城乡建设委员会", "公安局"],
        work: &[
            "{me}会同消防救援、公安交管等部门开展消防车通道专项治理，今年以来排查住宅小区{c:400-1000}个，整改占用、堵塞消防通道问题{c:800-2000}处。",
            "{me}已在{c:100-300}个住宅小区完成消防车通道标识化管理，在{c:20-60}个重点小区安装占用消防通道智能抓拍设备。",
        ],
        plan: &[
            "持续推进住宅小区消防车通道标识化管理，健全多部门联合执法机制",
            "压实物业服务企业消防安全管理责任，推广智能监控手段，推动消防通道管理常态长效",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "城市管理",
        verbs: &["加快推进", "持续推进", "统筹推进", "扎实推进"],
        objects: &["背街小巷综合整治", "背街小巷环境提升", "老城区背街小巷整治提升"],
        tails: &["提升城市精细化管理水平", "打通城市管理“最后一公里”"],
        situation: &[
            "{a}现有背街小巷{c:400-900}条，大多分布在老城区，居住人口密集、建成年代久远。",
            "近年来，{w}主次干道面貌明显改善，但背街小巷仍是城市管理的薄弱环节，群众反映较多。",
        ],
        problems: &[
            "部分背街小巷路面破损、坑洼积水，排水管网老化，雨天“看海”现象时有发生。",
            "架空管线杂乱，“蜘蛛网”式的电力、通信线缆既影响市容又存在安全隐患。",
            "占道经营、乱搭乱建、乱堆乱放现象反复出现，整治后容易反弹。",
            "背街小巷照明设施不足，部分路段夜间缺少路灯，群众出行存在安全隐患。",
            "背街小巷管理责任主体不明确，多头管理与无人管理并存。",
        ],
        suggestions: &[
            "将背街小巷整治纳入城市更新统筹实施，按照“一街一策”编制整治方案，分年度推进。",
            "同步实施路面修复、雨污分流、管线入地和照明提升，避免“马路拉链”反复开挖。",
            "建立“街巷长制”，明确街道、社区和相关部门管理责任，实行常态化巡查。",
            "引导居民参与整治方案制定和后期管护，推动共建共治共享。",
            "在整治中注重保留街巷历史风貌和生活气息，打造一批特色街巷。",
        ],
        units: &["城市管理局", "住房和城乡建设委员会"],
        work: &[
            "{me}持续推进背街小巷整治提升，今年以来完成整治{c:40-120}条，修复路面{k:3-8}平方米，规整架空管线{n:20-60}公里。",
            "{me}已全面推行“街巷长制”，明确街巷长{c:300-800}名，将背街小巷纳入城市综合管理考核，问题处置率达到{n:92-98}%。",
        ],
        plan: &[
            "按照“一街一策”要求分年度推进背街小巷整治，同步实施管线规整和照明提升",
            "深化“街巷长制”，完善长效管护机制，引导居民参与街巷共建共治",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Chongqing,
        field: "城市品质提升",
        verbs: &["加快推进", "统筹推进", "高质量推进", "持续推进"],
        objects: &["山城步道建设", "山地城市步道体系建设", "城市步道建设和管护"],
        tails: &["打造山城特色慢行系统", "让市民推窗见绿、出门见景"],
        situation: &[
            "近年来，{w}依托山地地形和滨江岸线建设山城步道{c:15-40}条、总长度约{c:30-100}公里，已成为市民休闲健身的重要场所。",
            "山城步道是展现山地城市特色的重要载体，{w}部分步道在建设和管理中仍存在不少短板。",
        ],
        problems: &[
            "部分步道之间缺乏衔接，断点、堵点较多，尚未形成连续成网的慢行系统。",
            "步道沿线公厕、休息座椅、饮水点等配套设施不足，夜间照明不完善。",
            "部分老旧步道台阶破损、扶手缺失，陡坡路段存在安全隐患。",
            "步道标识系统不统一，外地游客容易迷路，步道文化内涵挖掘不够。",
            "步道建成后管护责任不清、经费不足，部分路段杂草丛生、设施损坏无人修复。",
        ],
        suggestions: &[
            "编制山城步道专项规划，打通断点堵点，推动步道与轨道站点、公交站点、公园绿地有机衔接。",
            "完善步道沿线公厕、座椅、照明和无障碍设施，在陡坡路段增设扶手和防滑设施。",
            "统一步道标识导视系统，深入挖掘沿线历史文化资源，打造一批主题步道。",
            "明确步道管护责任主体，将步道管护经费纳入财政预算，建立常态化巡查维护机制。",
            "引导沿线商业、文旅业态适度发展，打造集健身、休闲、旅游于一体的城市慢行空间。",
        ],
        units: &["住房和城乡建设委员会", "城市管理局", "规划和自然资源局"],
        work: &[
            "{me}持续推进山城步道建设，今年新建和改造步道{c:5-15}条、长度约{c:10-40}公里，新增休息节点{c:20-60}个，完善了照明和标识设施。",
            "{me}已会同规划部门编制步道建设规划，打通断点堵点{c:10-30}处，并建立步道日常管护巡查制度。",
        ],
        plan: &[
            "按照连续成网的要求推进步道建设，加强与轨道交通、公园绿地的衔接",
            "完善步道配套设施和标识系统，落实管护责任，提升步道安全性和舒适度",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Rural,
        field: "农村供水",
        verbs: &["巩固提升", "全面提升", "持续提升", "着力提升"],
        objects: &["农村饮水安全保障水平", "农村供水保障能力", "农村自来水普及率和供水质量"],
        tails: &["让农村群众喝上放心水", "推动城乡供水一体化"],
        situation: &[
            "{a}农村人口约{k:20-50}人，目前农村自来水普及率为{n:88-93}%，规模化供水工程覆盖农村人口比例为{n:55-70}%。",
            "近年来，{w}农村饮水安全保障水平明显提升，但部分偏远地区和高山地区供水仍不稳定。",
        ],
        problems: &[
            "部分小型集中供水工程和分散供水工程水源保障能力弱，遇到干旱季节容易断水。",
            "部分农村供水工程缺少净化消毒设施，水质检测覆盖面不足。",
            "农村供水工程管护主体不明确，“重建轻管”问题突出，管网老化漏损率高达{n:20-30}%。",
            "农村水价偏低、水费收缴率不高，供水工程运行维护经费难以保障。",
            "高山地区居住分散，管网延伸成本高，部分群众仍依靠山泉水、井水等分散水源。",
        ],
        suggestions: &[
            "推进城乡供水一体化和农村供水规模化建设，以大中型水厂为骨干向农村延伸供水管网。",
            "对小型供水工程实施标准化改造，配齐净化消毒设施，定期开展水质检测并向群众公开。",
            "建立专业化管护机制，将农村供水工程交由专业公司统一运营，落实管护经费。",
            "合理确定农村供水水价，完善水费收缴机制，对困难群众给予水费补助。",
            "加强水源地保护和抗旱应急水源建设，提高干旱季节供水保障能力。",
        ],
        units: &["水利局", "卫生健康委员会", "财政局"],
        work: &[
            "{me}持续推进农村供水保障工程，今年以来新建、改造农村供水工程{c:20-60}处，新增和改善供水人口{k:1-4}人，农村自来水普及率提高到{n:92-96}%。",
            "{me}已推动{c:10-30}座乡镇水厂实现专业化统一管护，配套净化消毒设施{c:40-120}套，农村供水水质检测实现乡镇全覆盖。",
        ],
        plan: &[
            "加快推进城乡供水一体化和规模化供水工程建设，持续提升农村供水保障能力",
            "健全农村供水工程专业化管护和水价机制，加强水源保护和水质监测",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "青少年心理健康",
        verbs: &["加强", "进一步加强", "全面加强", "切实做好"],
        objects: &["青少年心理健康教育", "中小学生心理健康服务", "儿童青少年心理健康工作"],
        tails: &["护航青少年健康成长", "构建家校社协同育人格局"],
        situation: &[
            "调查显示，{w}中小学生中存在焦虑、抑郁等心理问题倾向的比例约为{n:12-20}%，且呈低龄化趋势。",
            "{a}中小学校共有专职心理健康教师{c:40-120}名，师生比约为1∶{n:3000-5000}，远低于相关标准要求。",
        ],
        problems: &[
            "部分学校心理健康教育课程开课不足，心理辅导室建而不用，流于形式。",
            "专职心理教师配备不足，多由班主任或其他学科教师兼任，专业能力有限。",
            "家长对孩子心理问题认识不足，部分家庭存在讳疾忌医现象，错过最佳干预时机。",
            "学校与医疗机构之间转介机制不畅，儿童青少年精神心理专科资源紧缺，就诊等候时间长。",
            "学业压力大、睡眠不足、沉迷网络等因素叠加，学生心理健康风险增加。",
        ],
        suggestions: &[
            "按照标准配齐中小学专职心理健康教师，将心理健康教育纳入教师培训必修内容。",
            "建立学生心理健康筛查和预警机制，每学年开展心理健康测评，建立“一生一档”。",
            "畅通学校与精神卫生医疗机构之间的转介绿色通道，增加儿童青少年心理门诊。",
            "办好家长学校，开展家庭教育指导，提高家长识别和应对孩子心理问题的能力。",
            "落实“双减”政策，保障学生睡眠和体育锻炼时间，减轻学生过重学业负担。",
        ],
        units: &["教育委员会", "卫生健康委员会"],
        work: &[
            "{me}高度重视学生心理健康工作，{a}中小学校心理辅导室建成率达到{n:95-100}%，今年新招聘专职心理健康教师{c:15-40}名，开展学生心理健康测评{k:3-9}人次。",
            "{me}已会同卫生健康部门建立学生心理危机转介机制，在{c:2-5}家医疗机构开设儿童青少年心理门诊，组织家庭教育讲座{c:100-300}场次。",
        ],
        plan: &[
            "逐步配齐中小学专职心理健康教师，完善学生心理健康筛查预警和干预机制",
            "深化医教协同和家校社协同，畅通心理危机学生转介就医通道",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "电动自行车安全管理",
        verbs: &["加强", "进一步加强", "切实加强", "全面加强"],
        objects: &["电动自行车充电安全管理", "住宅小区电动自行车集中充电设施建设", "电动自行车全链条安全监管"],
        tails: &["坚决遏制电动自行车火灾事故", "破解“飞线充电”难题"],
        situation: &[
            "{a}电动自行车保有量已超过{k:10-30}辆，但集中充电设施仅能满足约{n:30-45}%的充电需求。",
            "近年来，{w}因电动自行车入户充电、“飞线充电”引发的火灾事故时有发生，造成人员伤亡和财产损失。",
        ],
        problems: &[
            "老旧小区普遍缺少集中停放和充电场所，居民只能将车辆推入楼道或家中充电。",
            "部分充电设施收费偏高，居民使用意愿不强，建成后利用率不高。",
            "市场上存在非法改装、拼装电动自行车和劣质电池，安全隐患较大。",
            "物业服务企业缺乏执法手段，对电动自行车违规停放充电行为劝阻难。",
            "电动自行车生产、销售、维修、使用等环节监管链条存在断点。",
        ],
        suggestions: &[
            "将电动自行车集中充电设施纳入老旧小区改造和新建小区配套，按需建设充电棚和智能充电桩。",
            "对集中充电设施建设运营给予补贴，合理确定充电收费标准，提高设施利用率。",
            "推广电梯阻车系统和智能烟感监测，从技术上杜绝电动自行车进楼入户。",
            "开展非法改装、劣质电池专项整治，建立生产、销售、维修、回收全链条监管。",
            "加强消防安全宣传，推动以旧换新，加快淘汰超标电动自行车和老旧电池。",
        ],
        units: &["应急管理局", "住房和城乡建设委员会", "市场监督管理局"],
        work: &[
            "{me}会同相关部门开展电动自行车安全隐患全链条整治，今年以来{a}新建集中充电设施{c:200-600}处、充电端口{k:1-3}个，安装电梯阻车装置{c:800-2000}套。",
            "{me}已组织检查电动自行车销售、维修网点{c:200-500}家次，查处非法改装、销售不合格电池等违法行为{c:30-90}起。",
        ],
        plan: &[
            "持续推进住宅小区集中充电设施建设，推广电梯阻车和智能监测等技防措施",
            "深化电动自行车全链条安全监管，加大以旧换新和消防安全宣传力度",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Rural,
        field: "未成年人保护",
        verbs: &["加强", "进一步加强", "切实做好", "全面加强"],
        objects: &["农村留守儿童关爱保护工作", "农村留守儿童和困境儿童关爱服务", "留守儿童心理健康和安全教育"],
        tails: &["让留守儿童感受更多关爱", "守护农村孩子健康成长"],
        situation: &[
            "{a}现有农村留守儿童{c:4000-12000}人，其中由祖辈隔代抚养的占{n:80-90}%。",
            "{w}是劳务输出大{l}，大量青壮年外出务工，农村留守儿童关爱保护任务较重。",
        ],
        problems: &[
            "隔代抚养普遍，祖辈文化程度低、精力有限，对孩子的学习辅导和心理关爱不足。",
            "部分留守儿童存在孤僻、厌学等心理问题，沉迷网络游戏现象较为突出。",
            "儿童主任、儿童督导员多为兼职，专业能力不足，关爱服务难以落到实处。",
            "农村留守儿童防溺水、防性侵等安全教育薄弱，意外伤害事件时有发生。",
            "寄宿制学校生活老师配备不足，难以满足留守儿童生活照料和情感陪伴需求。",
        ],
        suggestions: &[
            "建立农村留守儿童动态信息台账，实行“一人一档”，落实监护责任。",
            "依托学校、村（社区）建设“儿童之家”“留守儿童之家”，配备专兼职工作人员。",
            "为寄宿制学校配齐生活老师和心理健康教师，开展亲情通话、视频连线等关爱活动。",
            "引入社会工作服务机构，为有需要的留守儿童提供心理疏导和个案帮扶。",
            "加强防溺水、防性侵等安全教育，组织志愿者开展假期陪伴服务。",
        ],
        units: &["民政局", "教育委员会"],
        work: &[
            "{me}已建立农村留守儿童信息台账，为{c:4000-10000}名留守儿童落实“一人一档”，{a}配备儿童主任{c:200-500}名、儿童督导员{c:20-40}名。",
            "今年以来，{me}会同教育、妇联等部门建成“儿童之家”{c:30-90}个，开展关爱活动{c:200-600}场次，引入社会工作服务机构提供个案服务{c:100-300}例。",
        ],
        plan: &[
            "健全留守儿童动态监测和关爱服务机制，加强儿童主任队伍专业培训",
            "推动社会工作服务机构参与留守儿童关爱，强化寄宿制学校生活照料和心理关爱",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "儿童医疗",
        verbs: &["加强", "进一步加强", "加快推进", "着力加强"],
        objects: &["儿科医疗服务能力建设", "儿科医生队伍建设", "基层儿科诊疗服务体系建设"],
        tails: &["缓解儿童“看病难”问题", "更好守护儿童健康"],
        situation: &[
            "{a}0至14岁儿童约{k:5-15}人，而每千名儿童拥有的儿科执业（助理）医师仅为0.{n:5-8}名，儿科医疗资源总体不足。",
            "每逢流感、支原体肺炎等呼吸道疾病高发季节，{w}各大医院儿科门诊排长队、一号难求。",
        ],
        problems: &[
            "儿科医生工作强度大、风险高、收入低，人才流失严重，部分基层医院儿科被迫停诊。",
            "优质儿科资源集中在少数大医院，基层医疗机构普遍不具备儿科诊疗能力。",
            "儿童用药品种和剂型少，基层医疗机构儿童专用药品配备不足。",
            "夜间和节假日儿科急诊压力大，患儿家长候诊时间长达{n:3-5}小时。",
            "儿科医疗服务价格偏低，难以体现儿科医务人员的劳动价值。",
        ],
        suggestions: &[
            "提高儿科医务人员薪酬待遇，在绩效分配、职称晋升等方面给予倾斜。",
            "扩大儿科专业住院医师规范化培训和转岗培训规模，支持全科医生增加儿科服务能力。",
            "依托医联体建立儿科专科联盟，推动优质儿科资源下沉，在基层医疗机构开设儿科门诊。",
            "合理调整儿科医疗服务价格，体现儿科诊疗技术劳务价值。",
            "推广“互联网+儿科”服务，开设线上复诊和健康咨询，分流轻症患儿。",
        ],
        units: &["卫生健康委员会", "医疗保障局"],
        work: &[
            "{me}持续加强儿科服务能力建设，{a}二级以上公立医院全部开设儿科，今年新增儿科医师{c:20-60}名，{c:10-30}家社区卫生服务中心和乡镇卫生院恢复开设儿科门诊。",
            "{me}已组建儿科专科联盟，纳入成员单位{c:10-30}家，在呼吸道疾病高发季节增设儿科夜间门诊{c:5-15}个，有效缓解了就诊压力。",
        ],
        plan: &[
            "落实儿科医务人员薪酬和职称倾斜政策，扩大儿科人才培养规模",
            "深化儿科专科联盟建设，推动基层医疗机构普遍提供儿科服务",
        ],
    },
    Topic {
        category: SOCIETY,
        fit: Fit::Any,
        field: "物业管理",
        verbs: &["加强", "进一步规范", "切实加强", "改进"],
        objects: &["住宅小区物业服务管理", "老旧小区物业管理", "业主委员会建设和物业服务监管"],
        tails: &["提升居民生活品质", "推动物业服务融入基层治理"],
        situation: &[
            "{a}现有住宅小区{c:600-1500}个，其中实行专业化物业服务的约占{n:55-70}%，老旧小区和无物业小区问题较为集中。",
            "物业服务纠纷已成为{w}12345热线投诉的热点，去年涉及物业的投诉达{c:3000-9000}件。",
        ],
        problems: &[
            "部分老旧小区无物业管理、无主管部门，环境卫生、设施维护长期无人负责。",
            "物业服务收费标准多年未调整，部分物业企业降低服务标准，业主满意度不高。",
            "业主委员会组建率仅为{n:20-35}%，部分业委会运作不规范，与物业企业矛盾突出。",
            "住宅专项维修资金使用程序繁琐，房屋和设施设备出现问题时难以及时维修。",
            "物业服务企业退出和交接机制不完善，“退而不交”“接而不管”的现象时有发生。",
        ],
        suggestions: &[
            "对无物业老旧小区采取社区托管、居民自治、国有企业兜底等方式，实现物业管理全覆盖。",
            "建立物业服务质量评价和收费标准动态调整机制，推动“质价相符”。",
            "加强社区党组织对业主委员会组建和运行的指导，规范业主大会议事规则。",
            "简化住宅专项维修资金使用程序，建立应急维修“绿色通道”。",
            "将物业服务企业信用评价与项目招投标挂钩，完善企业退出交接制度。",
        ],
        units: &["住房和城乡建设委员会", "民政局"],
        work: &[
            "{me}持续推进物业管理全覆盖，今年以来为{c:50-150}个无物业老旧小区引入专业化或托管式物业服务，新组建业主委员会{c:30-90}个。",
            "{me}已建立物业服务企业信用评价体系，对{c:100-300}家物业企业开展服务质量检查，简化住宅专项维修资金应急使用程序，全年使用维修资金{k:500-2000}元。",
        ],
        plan: &[
            "推动无物业老旧小区物业管理全覆盖，指导规范业主委员会组建和运行",
            "完善物业服务质量评价和信用管理，优化住宅专项维修资金使用流程",
        ],
    },
    // ---------------------------------------------------------------- 经济建设
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "金融服务",
        verbs: &["着力破解", "有效缓解", "切实解决", "多措并举破解"],
        objects: &["小微企业融资难融资贵问题", "民营和小微企业融资难题", "科技型小微企业融资难问题"],
        tails: &["激发经营主体活力", "提升金融服务实体经济质效"],
        situation: &[
            "{a}现有小微企业{k:1-5}户、个体工商户{k:4-12}户，贡献了{n:50-60}%以上的税收和{n:70-80}%以上的城镇就业。",
            "近年来，{w}小微企业贷款余额年均增长{n:12-20}%，但小微企业融资难、融资贵问题仍未得到根本解决。",
        ],
        problems: &[
            "银行对小微企业普遍要求房产抵押，轻资产的科技型、服务型企业难以获得信用贷款。",
            "政府性融资担保机构规模小、放大倍数低，担保费率和反担保要求偏高。",
            "银企信息不对称，企业纳税、社保、水电等涉企数据共享不足，银行“不敢贷、不愿贷”。",
            "部分贷款到期后续贷难，企业被迫使用高成本“过桥”资金，综合融资成本超过{n:8-12}%。",
            "知识产权质押、应收账款融资等新型融资方式推广不够，企业知晓度低。",
        ],
        suggestions: &[
            "建设涉企信用信息共享平台，归集纳税、社保、水电、不动产等数据，支持银行开展信用贷款。",
            "做大政府性融资担保机构，降低担保费率，健全风险补偿和分担机制。",
            "设立小微企业应急转贷资金，推广无还本续贷，降低企业续贷成本。",
            "扩大知识产权质押融资和应收账款融资规模，对符合条件的贷款给予贴息。",
            "将小微企业金融服务纳入银行机构考核评价，引导银行增加首贷、信用贷投放。",
        ],
        units: &["发展和改革委员会", "财政局", "经济和信息化委员会"],
        work: &[
            "{me}会同金融管理部门持续开展银企对接活动，今年以来组织对接会{c:10-30}场，帮助{c:300-900}户小微企业获得贷款{k:30000-90000}元。",
            "{me}已推动设立小微企业应急转贷资金{k:3000-8000}元，累计为{c:100-400}户企业提供转贷服务，政府性融资担保平均费率降至1%以下。",
        ],
        plan: &[
            "加快建设涉企信用信息共享平台，推动银行扩大小微企业信用贷款和首贷投放",
            "做强政府性融资担保体系，扩大应急转贷资金规模，持续降低小微企业综合融资成本",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "营商环境",
        verbs: &["持续优化", "进一步优化", "不断优化", "全面优化"],
        objects: &["法治化营商环境", "市场化法治化国际化营商环境", "民营企业发展环境"],
        tails: &["提振经营主体发展信心", "推动民营经济高质量发展"],
        situation: &[
            "近年来，{w}深入推进营商环境创新，企业开办时间压缩至{n:1-2}个工作日，但企业对营商环境的获得感仍有提升空间。",
            "调研显示，{w}{n:20-35}%的受访企业反映在涉企审批、政策兑现、执法检查等方面仍存在堵点难点。",
        ],
        problems: &[
            "部分惠企政策兑现流程繁琐，需要企业多次提交材料，“政策找企业”机制尚未完全建立。",
            "涉企检查频次偏多，多头检查、重复检查现象依然存在，增加了企业负担。",
            "工程建设项目审批涉及环节多，部分事项“体外循环”，审批时限承诺落实不到位。",
            "政府部门和国有企业拖欠民营企业账款问题时有发生，影响企业资金周转。",
            "部分政务服务事项“网上能办”但“好办易办”程度不高，企业仍需线下跑腿。",
        ],
        suggestions: &[
            "推行惠企政策“免申即享”“直达快享”，建立政策兑现统一平台，实现政策精准推送。",
            "推行“综合查一次”和非现场监管，严格控制涉企检查频次，杜绝随意检查。",
            "深化工程建设项目审批制度改革，全面推行告知承诺制和容缺受理。",
            "建立拖欠企业账款清偿长效机制，将清欠情况纳入部门和国有企业考核。",
            "建立常态化政企沟通机制，畅通企业诉求反映渠道，实行企业诉求“接诉即办”。",
        ],
        units: &["发展和改革委员会", "市场监督管理局", "司法局"],
        work: &[
            "{me}牵头推进营商环境优化提升行动，今年以来推出改革举措{c:20-60}项，{c:30-80}项惠企政策实现“免申即享”，兑现资金{k:3000-9000}元。",
            "{me}已会同相关部门推行“综合查一次”，涉企检查频次同比下降{n:25-45}%，企业诉求平均办结时间缩短至{n:3-7}个工作日。",
        ],
        plan: &[
            "持续推进惠企政策“免申即享”，规范涉企执法检查，健全政企常态化沟通机制",
            "深化审批制度改革，推动政务服务从“能办”向“好办易办”转变",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "商贸消费",
        verbs: &["大力发展", "加快发展", "培育壮大", "繁荣发展"],
        objects: &["夜间经济", "特色夜间经济", "夜间文旅消费"],
        tails: &["进一步激发消费活力", "点亮城市烟火气"],
        situation: &[
            "{w}夜间消费约占全天消费的{n:40-55}%，已建成各类夜间经济集聚区{c:5-15}个，夜间经济已成为拉动消费的重要力量。",
            "近年来，{w}依托特色街区和滨水空间发展夜间经济，但夜间经济业态、配套和管理仍存在不少短板。",
        ],
        problems: &[
            "夜间消费业态以餐饮为主，文化、体育、演艺等体验型业态占比不足{n:15-25}%，同质化现象突出。",
            "夜间公共交通运营时间短，末班车普遍在22时前结束，市民夜间出行和返程不便。",
            "夜间经济集聚区停车位不足，公共厕所、照明、安保等配套设施不完善。",
            "部分集聚区油烟、噪声扰民问题突出，商户与周边居民矛盾时有发生。",
            "对夜间经营的管理仍以“堵”为主，外摆经营、临时占道等缺乏规范的审批管理机制。",
        ],
        suggestions: &[
            "编制夜间经济发展规划，打造一批各具特色的夜间经济集聚区，丰富文化演艺、体育健身、夜游观光等业态。",
            "延长重点区域公交、轨道交通运营时间，增开夜间公交线路，方便市民夜间出行。",
            "完善夜间经济集聚区停车、公厕、照明、安保等配套设施，建立夜间经济“街区长”制度。",
            "实行外摆经营、临时占道的包容审慎管理，明确经营时段、区域和管理标准。",
            "加强油烟、噪声治理，平衡夜间经营与居民休息的关系。",
        ],
        units: &["商务委员会", "文化和旅游发展委员会", "城市管理局"],
        work: &[
            "{me}积极推动夜间经济发展，今年以来培育夜间经济示范街区{c:3-8}个，举办夜间消费促进活动{c:20-60}场次，带动夜间消费额同比增长{n:10-20}%。",
            "{me}已会同交通、城管等部门在重点商圈延长公交运营时间，在{c:5-15}个区域试点外摆经营，规范设置摊区{c:30-90}处。",
        ],
        plan: &[
            "编制夜间经济发展规划，丰富夜间文旅消费业态，打造特色夜间经济集聚区",
            "完善夜间交通和配套设施，推行包容审慎的夜间经营管理模式",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Only(&[
            "奉节县", "忠县", "万州区", "云阳县", "开州区", "长寿区", "江津区", "巫山县",
        ]),
        field: "柑橘产业",
        verbs: &["推动", "加快推动", "促进", "推进"],
        objects: &["柑橘产业高质量发展", "柑橘全产业链发展", "柑橘产业提质增效"],
        tails: &["助力果农增收致富", "擦亮特色柑橘品牌"],
        situation: &[
            "柑橘是{w}的传统优势产业，{a}柑橘种植面积达{k:15-40}亩，年产量约{k:20-50}吨，从业果农超过{k:5-15}人。",
            "近年来，{w}柑橘产业规模不断扩大，但产业大而不强、品牌影响力不足等问题仍较突出。",
        ],
        problems: &[
            "部分果园品种老化、管理粗放，优质果率不足{n:50-65}%，产品同质化严重。",
            "产后商品化处理能力不足，冷链仓储设施缺乏，集中上市期“卖难”现象时有发生。",
            "精深加工比例低，柑橘加工转化率仅为{n:8-15}%，产业链条短、附加值低。",
            "品牌多而杂，区域公用品牌影响力不强，市场溢价能力弱。",
            "果园宜机化程度低，山地果园用工成本高，劳动力老龄化问题突出。",
        ],
        suggestions: &[
            "实施品种改良和老果园改造，推广晚熟柑橘等优良品种，推行标准化、绿色化生产。",
            "在主产区布局建设产地冷藏保鲜和商品化处理中心，完善冷链物流体系。",
            "引进培育柑橘精深加工企业，开发果汁、果酒、陈皮等系列产品，延长产业链。",
            "整合区域品牌，加强地理标志产品保护，借助电商直播等渠道拓展销售市场。",
            "推进果园宜机化改造，推广轨道运输、水肥一体化等轻简化技术。",
        ],
        units: &["农业农村委员会", "商务委员会"],
        work: &[
            "{me}持续推进柑橘产业提质增效，今年以来完成老果园改造{k:1-3}亩，新建产地冷藏保鲜设施{c:10-30}座，柑橘优质果率提高到{n:65-75}%。",
            "{me}已扶持柑橘加工企业{c:3-8}家，组织参加各类产销对接活动{c:10-25}场次，线上销售柑橘{k:2-6}吨。",
        ],
        plan: &[
            "加快老果园改造和品种结构调整，完善产地商品化处理和冷链物流设施",
            "培育壮大精深加工企业，整合提升区域公用品牌，推动柑橘产业全链条升级",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Only(&["涪陵区", "丰都县", "垫江县", "万州区"]),
        field: "榨菜产业",
        verbs: &["推动", "加快推动", "促进", "推进"],
        objects: &["榨菜产业转型升级", "榨菜产业高质量发展", "榨菜全产业链发展"],
        tails: &["巩固拓展特色产业优势", "带动菜农持续增收"],
        situation: &[
            "榨菜是{w}的特色支柱产业，{a}青菜头种植面积约{k:20-60}亩，榨菜加工企业{c:20-60}家，带动{k:10-30}菜农增收。",
            "近年来，{w}榨菜产业规模稳步扩大，但在种植效益、加工水平和市场拓展方面仍面临不少挑战。",
        ],
        problems: &[
            "青菜头收购价格波动较大，丰年“菜贱伤农”现象时有发生，农民种植积极性受到影响。",
            "中小加工企业技术装备落后，仍以传统腌制工艺为主，产品同质化严重。",
            "腌制过程中产生的高盐废水处理难度大、成本高，环保压力较大。",
            "产品以佐餐小包装为主，休闲食品、调味品等高附加值产品开发不足。",
            "区域品牌保护力度不够，市场上仿冒、以次充好现象损害了品牌声誉。",
        ],
        suggestions: &[
            "推行青菜头订单收购和最低保护价制度，引导龙头企业与农户建立稳定利益联结机制。",
            "支持中小加工企业技术改造，推动清洁化、自动化生产，提升产品质量稳定性。",
            "建设高盐废水集中处理设施，推广盐水循环利用技术，降低企业环保成本。",
            "加大研发投入，开发低盐、休闲、调味等新产品，拓展国内外市场。",
            "加强地理标志和区域公用品牌保护，严厉打击仿冒侵权行为。",
        ],
        units: &["农业农村委员会", "经济和信息化委员会", "市场监督管理局"],
        work: &[
            "{me}持续推进榨菜产业提质增效，今年落实青菜头订单收购面积{k:10-25}亩，支持{c:5-15}家加工企业实施技术改造，建成盐水集中处理设施{c:2-5}处。",
            "{me}已会同市场监管部门开展榨菜品牌保护专项行动，查处仿冒侵权案件{c:5-20}起，并支持企业开发新产品{c:10-30}个。",
        ],
        plan: &[
            "完善青菜头订单收购和利益联结机制，推动加工企业技术改造和产品创新",
            "加强高盐废水治理和区域品牌保护，提升榨菜产业综合竞争力",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Chongqing,
        field: "火锅产业",
        verbs: &["推进", "加快推进", "推动", "大力推进"],
        objects: &["火锅产业标准化建设", "火锅产业标准化和品牌化发展", "火锅底料产业标准化发展"],
        tails: &["擦亮“重庆火锅”金字招牌", "促进餐饮产业高质量发展"],
        situation: &[
            "火锅是重庆的城市名片，{a}现有火锅门店{c:800-2500}家，火锅底料及调味品生产企业{c:10-40}家，火锅产业年产值约{k:100000-300000}元。",
            "近年来，{w}火锅产业规模持续扩大，但标准化程度不高制约了产业做大做强。",
        ],
        problems: &[
            "火锅底料、原辅料缺乏统一的质量标准，产品品质参差不齐。",
            "部分中小火锅店后厨管理不规范，“地沟油”“口水油”等食品安全隐患仍有发生。",
            "火锅门店以单店经营为主，连锁化率仅为{n:15-25}%，品牌集中度低。",
            "火锅产业链上下游协同不够，辣椒、花椒等原料基地建设滞后，部分依赖外地采购。",
            "火锅文化挖掘和宣传不够，产业与文旅融合发展不足。",
        ],
        suggestions: &[
            "制定完善火锅底料、火锅食材和门店服务等系列团体标准，推行标准化认证。",
            "推行“明厨亮灶”和油脂回收可追溯管理，严厉打击回收使用废弃油脂行为。",
            "支持火锅企业连锁化、品牌化发展，培育一批龙头企业和知名品牌。",
            "建设辣椒、花椒、牛油等原料基地，完善从田间到餐桌的产业链条。",
            "建设火锅文化街区和博物馆，推动火锅产业与文化旅游融合发展。",
        ],
        units: &["商务委员会", "市场监督管理局", "农业农村委员会"],
        work: &[
            "{me}积极推进火锅产业标准化建设，会同相关部门发布火锅团体标准{c:3-8}项，推动{c:100-300}家火锅门店实施“明厨亮灶”改造。",
            "{me}已培育火锅连锁品牌{c:3-10}个，组织火锅企业参加国内外展会{c:5-15}场次，火锅底料出口额同比增长{n:10-30}%。",
        ],
        plan: &[
            "持续完善火锅产业标准体系，推动标准化认证和食品安全全过程监管",
            "支持火锅企业连锁化、品牌化发展，推动火锅产业与文旅融合",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "充电基础设施",
        verbs: &["加快推进", "统筹推进", "大力推进", "进一步加快"],
        objects: &["新能源汽车充电基础设施建设", "居民小区充电桩建设", "城乡充电网络建设"],
        tails: &["助力新能源汽车产业发展", "破解新能源汽车“充电难”"],
        situation: &[
            "截至去年底，{a}新能源汽车保有量达{k:3-10}辆，同比增长{n:35-60}%，但公共充电桩仅{c:2000-6000}个，车桩比约为{n:5-8}∶1。",
            "随着新能源汽车快速普及，{w}居民“充电难”问题日益凸显，节假日高速公路服务区充电排队现象突出。",
        ],
        problems: &[
            "老旧小区电力容量不足，加装私人充电桩需要改造配电设施，协调难度大。",
            "物业服务企业出于安全和管理顾虑，对业主安装充电桩设置门槛。",
            "公共充电桩布局不均衡，城区热点区域供不应求，乡镇和农村地区覆盖不足。",
            "部分公共充电桩故障率高、维护不及时，燃油车占位现象普遍。",
            "充电运营平台众多，支付方式不统一，用户需下载多个应用程序。",
        ],
        suggestions: &[
            "编制充电基础设施专项规划，推动充电设施向乡镇、景区和高速公路服务区延伸。",
            "推动电网企业开展老旧小区配电设施增容改造，推广“统建统服”充电模式。",
            "明确物业服务企业配合安装充电桩的义务，简化业主报装流程。",
            "建设统一的充电设施监管服务平台，实现一个应用程序找桩、充电和支付。",
            "对公共充电设施建设运营给予补贴，加强运维考核，治理燃油车占位。",
        ],
        units: &["发展和改革委员会", "住房和城乡建设委员会", "经济和信息化委员会"],
        work: &[
            "{me}持续推进充电基础设施建设，今年以来{a}新建公共充电桩{c:500-1500}个，建成超充站{c:5-20}座，乡镇公共充电设施实现全覆盖。",
            "{me}已会同电网企业在{c:20-60}个老旧小区开展配电增容改造和“统建统服”试点，新增居民小区充电桩{c:800-2000}个。",
        ],
        plan: &[
            "完善充电基础设施规划布局，推动充电网络向乡镇和农村延伸",
            "推进居民小区充电设施建设和统一监管服务平台建设，提升充电便利性",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Rural,
        field: "乡村产业振兴",
        verbs: &["做大做强", "加快发展", "培育壮大", "大力发展"],
        objects: &["乡村特色产业", "山地特色高效农业", "乡村特色优势产业"],
        tails: &["全面推进乡村振兴", "促进农民持续增收"],
        situation: &[
            "近年来，{w}立足资源禀赋发展特色产业，已形成{n:5-10}个主导产业，特色产业综合产值达{k:150000-400000}元。",
            "{a}农村常住居民人均可支配收入达{n:18000-22000}元，其中来自特色产业的经营性收入占比约{n:30-40}%。",
        ],
        problems: &[
            "特色产业“小散弱”问题突出，规模化、标准化生产水平不高。",
            "农产品加工转化率低，初级产品多、精深加工产品少，产业链条短。",
            "新型农业经营主体带动能力不强，与农户之间利益联结不够紧密。",
            "农业社会化服务体系不健全，丘陵山区农业机械化率仅为{n:40-55}%。",
            "农村青壮年劳动力外流，产业发展面临“谁来种地”的困境。",
        ],
        suggestions: &[
            "编制特色产业发展规划，集中资源打造一批标准化、规模化特色产业基地。",
            "引进培育农产品加工龙头企业，建设农产品加工园区，提高加工转化率。",
            "推广“龙头企业+合作社+农户”模式，完善订单收购、保底分红等利益联结机制。",
            "加快丘陵山区宜机化改造，发展农业生产托管等社会化服务。",
            "实施新型职业农民培育工程，吸引返乡入乡人员投身特色产业。",
        ],
        units: &["农业农村委员会", "发展和改革委员会"],
        work: &[
            "{me}持续推进特色产业发展，今年以来新建标准化特色产业基地{k:1-4}亩，新培育农业产业化龙头企业{c:3-10}家，完成宜机化改造{k:1-3}亩。",
            "{me}已推动{c:100-300}家新型农业经营主体与农户建立利益联结机制，带动{k:1-5}户农户增收，农产品加工转化率提高到{n:60-70}%。",
        ],
        plan: &[
            "聚焦主导产业打造标准化基地，培育壮大龙头企业和农产品加工园区",
            "完善联农带农利益联结机制，加快宜机化改造和农业社会化服务体系建设",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Rural,
        field: "农村商贸流通",
        verbs: &["加快", "加快推进", "大力推进", "统筹推进"],
        objects: &["农村电商和冷链物流体系建设", "县乡村三级物流配送体系建设", "农产品产地冷链物流设施建设"],
        tails: &["畅通农产品上行通道", "助力农产品出村进城"],
        situation: &[
            "近年来，{w}农村电商快速发展，农产品网络零售额达{k:20000-80000}元，同比增长{n:15-30}%。",
            "{a}已建成电商服务站点{c:100-300}个，但农村物流“最后一公里”和冷链“最先一公里”问题仍较突出。",
        ],
        problems: &[
            "农村快递配送成本高，部分偏远村快递只能到乡镇，群众取件不便。",
            "产地预冷、冷藏等冷链设施不足，生鲜农产品损耗率高达{n:20-30}%。",
            "农产品标准化、品牌化程度低，难以满足电商平台对品质和规格的要求。",
            "农村电商人才匮乏，直播带货等新模式应用不够。",
            "部分村级电商服务站点运营困难，“建而不用”现象突出。",
        ],
        suggestions: &[
            "推进客货邮融合发展，整合邮政、快递、供销等资源，实现快递进村全覆盖。",
            "在农产品主产区建设产地冷藏保鲜设施和冷链集配中心，降低损耗。",
            "加强农产品分级、包装、检测和品牌建设，培育一批网货品牌。",
            "开展农村电商人才培训，培育本土直播带货人才。",
            "整合村级电商服务站点，推动与便民超市、快递网点合并运营。",
        ],
        units: &["商务委员会", "农业农村委员会", "交通运输委员会"],
        work: &[
            "{me}持续推进农村电商和物流体系建设，今年新建村级寄递物流综合服务站{c:50-150}个，开通客货邮融合线路{c:10-30}条，快递进村覆盖率达到{n:90-98}%。",
            "{me}已在农产品主产区建成产地冷藏保鲜设施{c:20-60}个，开展农村电商培训{c:1000-3000}人次，培育网货品牌{c:10-30}个。",
        ],
        plan: &[
            "深化客货邮融合发展，完善县乡村三级物流配送体系",
            "加快产地冷链设施建设，加强农村电商人才培育和农产品品牌建设",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "制造业数字化转型",
        verbs: &["加快推进", "大力推进", "推动", "加快"],
        objects: &["中小制造企业数字化转型", "制造业智能化改造和数字化转型", "传统制造业数字化转型"],
        tails: &["推动制造业高质量发展", "培育发展新质生产力"],
        situation: &[
            "{a}现有规模以上工业企业{c:150-400}家，其中已实施数字化改造的仅占{n:25-40}%。",
            "近年来，{w}积极推进智能化改造和数字化转型，已建成智能工厂{c:3-10}个、数字化车间{c:20-60}个。",
        ],
        problems: &[
            "中小企业数字化转型“不会转、不敢转、不能转”问题突出，转型成本高、见效慢。",
            "数字化服务商供给与企业需求不匹配，通用解决方案多、行业化解决方案少。",
            "企业数字化人才缺乏，既懂工艺又懂数字技术的复合型人才严重不足。",
            "工业互联网平台应用深度不够，数据孤岛现象突出，数据价值挖掘不足。",
            "数字化转型支持政策申报门槛较高，中小企业受益面有限。",
        ],
        suggestions: &[
            "开展中小企业数字化诊断服务，按照“一企一策”制定转型方案。",
            "遴选一批行业数字化服务商，推广“小快轻准”的数字化产品和解决方案。",
            "设立数字化转型专项资金，对中小企业上云用平台、智能化改造给予补助。",
            "推动职业院校和企业联合培养数字化复合型人才，开展企业数字化技能培训。",
            "打造一批数字化转型标杆企业和示范场景，发挥示范带动作用。",
        ],
        units: &["经济和信息化委员会", "科学技术局", "大数据应用发展管理局"],
        work: &[
            "{me}持续推进制造业数字化转型，今年以来组织数字化诊断企业{c:60-180}家，推动{c:30-90}家企业实施智能化改造，新认定数字化车间{c:5-15}个。",
            "{me}已落实智能化改造和数字化转型专项资金{k:1000-4000}元，培育数字化转型服务商{c:5-15}家，上云企业达到{c:300-900}家。",
        ],
        plan: &[
            "深入开展中小企业数字化诊断，推广行业化、轻量化的数字化解决方案",
            "加大数字化转型资金支持和人才培养力度，打造一批标杆企业和示范场景",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Any,
        field: "民营经济发展",
        verbs: &["建立健全", "加快完善", "进一步健全"],
        objects: &["防范和化解拖欠企业账款长效机制", "清理拖欠民营企业账款工作机制", "保障中小企业款项支付长效机制"],
        tails: &["为民营企业纾困解难", "稳定民营企业发展预期"],
        situation: &[
            "调研发现，{w}部分民营企业存在被政府部门、事业单位和国有企业拖欠账款的情况，涉及金额约{k:5000-20000}元。",
            "民营经济是{w}经济发展的重要力量，贡献了{n:55-65}%以上的税收，但账款拖欠问题严重影响了部分企业的正常经营。",
        ],
        problems: &[
            "部分政府投资项目超出财力实施，项目建成后工程款长期不能结算支付。",
            "部分单位以未完成审计、领导调整等为由拖延付款，账期普遍超过合同约定。",
            "大型企业利用优势地位拉长中小企业账期，以商业汇票变相拖欠。",
            "企业投诉渠道不畅，担心影响后续合作，多数企业“不敢投诉、不愿投诉”。",
            "拖欠账款清偿缺乏刚性约束，对拖欠主体的问责机制尚未有效建立。",
        ],
        suggestions: &[
            "严格政府投资项目管理，严禁无预算、超预算上项目，从源头防范新增拖欠。",
            "建立拖欠账款台账和清偿计划，实行销号管理，定期通报清偿进展。",
            "畅通拖欠账款投诉受理渠道，建立企业匿名投诉和快速处理机制。",
            "将清欠工作纳入部门和国有企业绩效考核，对恶意拖欠的依法追究责任。",
            "推广供应链票据和应收账款融资，缓解中小企业资金周转压力。",
        ],
        units: &["发展和改革委员会", "财政局", "经济和信息化委员会"],
        work: &[
            "{me}高度重视清理拖欠企业账款工作，建立了拖欠账款台账和清偿销号制度，今年以来已清偿拖欠中小企业账款{k:3000-12000}元。",
            "{me}已在政务服务平台开设拖欠企业账款投诉专栏，受理企业投诉{c:20-60}件，办结率达{n:90-100}%，并将清欠情况纳入部门年度考核。",
        ],
        plan: &[
            "严格政府投资项目资金审核，从源头防范新增拖欠，推动存量拖欠应清尽清",
            "完善投诉受理和督办问责机制，建立防范和化解拖欠企业账款长效机制",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Rural,
        field: "农村集体经济",
        verbs: &["发展壮大", "加快发展壮大", "多途径发展", "推动发展壮大"],
        objects: &["新型农村集体经济", "村级集体经济", "农村集体经济组织"],
        tails: &["夯实乡村振兴物质基础", "促进农民农村共同富裕"],
        situation: &[
            "{a}共有行政村{c:150-400}个，集体经营性收入10万元以上的村占比为{n:35-55}%，仍有部分村集体经营性收入不足5万元。",
            "近年来，{w}持续深化农村集体产权制度改革，但村级集体经济总体实力仍然偏弱。",
        ],
        problems: &[
            "部分村集体资源资产底数不清，闲置农房、撂荒土地等资源未能有效盘活。",
            "村集体经济发展路径单一，主要依靠资源发包和上级项目补助，造血能力不强。",
            "村干部经营管理能力不足，缺乏懂市场、善经营的职业经理人。",
            "集体经济项目选择缺乏论证，部分项目投资失败形成新的债务风险。",
            "集体经济收益分配机制不健全，群众参与积极性不高。",
        ],
        suggestions: &[
            "全面清查村集体资源资产，通过入股、租赁、合作等方式盘活闲置资源。",
            "探索“强村公司”“村村联营”等模式，发展物业经济、服务经济和乡村旅游。",
            "建立农村职业经理人制度，面向社会选聘经营管理人才，实行绩效激励。",
            "建立集体经济项目论证、监管和风险防控机制，防止盲目投资。",
            "完善集体收益分配制度，提取一定比例用于公益事业和成员分红。",
        ],
        units: &["农业农村委员会", "财政局"],
        work: &[
            "{me}持续推进新型农村集体经济发展，今年以来扶持{c:30-90}个村发展集体经济项目，{a}村集体经营性收入总额达到{k:3000-9000}元，同比增长{n:10-20}%。",
            "{me}已在{c:20-60}个村开展农村职业经理人试点，组建强村公司{c:10-30}家，盘活闲置农房和集体建设用地{c:300-800}亩。",
        ],
        plan: &[
            "深化农村集体产权制度改革，推广强村公司、村村联营等发展模式",
            "健全农村职业经理人制度和集体经济项目风险防控机制，规范收益分配",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Only(&[
            "永川区", "巴南区", "南川区", "秀山土家族苗族自治县", "万州区", "开州区",
            "酉阳土家族苗族自治县", "江津区",
        ]),
        field: "茶产业",
        verbs: &["推动", "加快推动", "促进", "推进"],
        objects: &["茶产业高质量发展", "茶文旅融合发展", "茶产业提档升级"],
        tails: &["打造特色茶叶区域公用品牌", "让一片叶子富裕一方百姓"],
        situation: &[
            "{a}茶园面积约{k:5-15}亩，年产茶叶{c:3000-8000}吨，茶叶综合产值约{k:60000-150000}元，带动茶农{k:2-6}人。",
            "茶产业是{w}的特色优势产业，近年来规模持续扩大，但“有名茶无名企、有产量无品牌”问题仍较突出。",
        ],
        problems: &[
            "茶园管护水平参差不齐，部分低产低效茶园亟待改造。",
            "夏秋茶资源利用率低，大量夏秋茶鲜叶未能采摘加工，资源浪费严重。",
            "茶叶加工企业规模小、装备落后，标准化加工水平不高。",
            "区域公用品牌宣传推广力度不够，市场知名度和溢价能力有限。",
            "茶旅融合发展不够，茶园观光、研学体验等业态开发不足。",
        ],
        suggestions: &[
            "实施低产茶园改造，推广绿色防控和标准化生产，提升茶叶品质。",
            "开发红茶、黑茶、茶饮料等产品，提高夏秋茶资源利用率。",
            "支持茶叶加工企业技术改造，建设清洁化、标准化加工厂。",
            "整合茶叶区域公用品牌，加大宣传推介力度，拓展线上线下销售渠道。",
            "打造茶旅融合精品线路，发展茶园观光、研学体验和民宿康养。",
        ],
        units: &["农业农村委员会", "文化和旅游发展委员会"],
        work: &[
            "{me}持续推进茶产业提质增效，今年完成低产茶园改造{c:3000-8000}亩，支持{c:5-15}家茶企实施清洁化加工改造，夏秋茶利用率提高到{n:35-50}%。",
            "{me}已组织茶企参加各类茶博会、推介会{c:5-12}场次，打造茶旅融合精品线路{c:2-6}条，茶叶线上销售额同比增长{n:20-40}%。",
        ],
        plan: &[
            "加快低产茶园改造和加工企业技术升级，提高夏秋茶资源综合利用水平",
            "加强区域公用品牌建设，推动茶产业与文化旅游深度融合",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Chongqing,
        field: "对外开放",
        verbs: &["推动", "支持", "助力", "引导"],
        objects: &["外贸企业用好西部陆海新通道", "企业借助中欧班列拓展国际市场", "外贸企业稳订单拓市场"],
        tails: &["加快建设内陆开放高地", "推动外贸稳规模优结构"],
        situation: &[
            "近年来，{w}外贸进出口保持增长态势，去年实现进出口总额{k:100000-400000}元，但外贸主体数量少、规模小的问题仍较突出。",
            "{a}有进出口实绩的企业{c:80-250}家，其中通过西部陆海新通道和中欧班列开展进出口业务的企业占比不足{n:20-35}%。",
        ],
        problems: &[
            "中小外贸企业对西部陆海新通道、中欧班列等通道的政策和服务了解不够。",
            "通道运输时效和成本优势尚未充分显现，部分企业仍选择经东部沿海港口出海。",
            "跨境电商、海外仓等外贸新业态发展滞后，企业开拓海外市场手段单一。",
            "外贸企业面临汇率波动、贸易壁垒等风险，风险应对能力不足。",
            "外贸专业人才缺乏，企业熟悉国际规则、通晓外语的复合型人才不足。",
        ],
        suggestions: &[
            "加强通道政策宣传解读，组织物流企业与外贸企业精准对接，提供“一站式”物流解决方案。",
            "对通过西部陆海新通道和中欧班列运输的货物给予运费补贴，降低企业物流成本。",
            "培育跨境电商产业园和公共海外仓，支持企业利用新业态开拓国际市场。",
            "扩大出口信用保险覆盖面，加强汇率避险培训，提升企业风险应对能力。",
            "组织企业参加境内外重点展会，拓展“一带一路”沿线市场。",
        ],
        units: &["商务委员会", "发展和改革委员会"],
        work: &[
            "{me}积极支持外贸企业用好开放通道，今年以来组织通道政策宣讲和物流对接活动{c:5-15}场，新增利用西部陆海新通道开展业务的企业{c:10-40}家。",
            "{me}已落实外贸企业出口信用保险和物流费用补贴资金{k:500-2000}元，组织{c:20-60}家企业参加境内外重点展会，培育跨境电商企业{c:10-30}家。",
        ],
        plan: &[
            "加强开放通道政策宣传和物流对接服务，降低企业跨境物流成本",
            "培育跨境电商等外贸新业态，扩大出口信用保险覆盖面，支持企业开拓国际市场",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Rural,
        field: "耕地保护和粮食安全",
        verbs: &["加快推进", "高质量推进", "统筹推进", "扎实推进"],
        objects: &["高标准农田建设", "丘陵山区高标准农田建设和管护", "撂荒耕地复耕复种"],
        tails: &["筑牢粮食安全根基", "提高耕地综合生产能力"],
        situation: &[
            "{a}耕地面积约{k:40-100}亩，已累计建成高标准农田{k:15-40}亩，但建成区域主要集中在条件较好的平坝地区。",
            "近年来，{w}持续推进高标准农田建设，但受丘陵山地地形影响，建设难度大、成本高。",
        ],
        problems: &[
            "丘陵山区高标准农田亩均建设成本超过{n:3000-5000}元，现行补助标准难以满足建设需要。",
            "部分已建成项目重建轻管，沟渠淤塞、道路损毁后缺乏维护资金。",
            "农村劳动力外流，部分耕地撂荒，土地流转难度大。",
            "部分项目设计与群众实际需求脱节，建成后宜机化水平不高。",
            "耕地质量监测体系不健全，建设成效评估缺乏数据支撑。",
        ],
        suggestions: &[
            "提高丘陵山区高标准农田建设补助标准，统筹整合涉农资金集中投入。",
            "建立“建管一体”机制，明确管护主体，落实管护经费。",
            "将高标准农田建设与宜机化改造、撂荒地整治、土地流转统筹推进。",
            "在项目规划设计阶段充分听取村民意见，确保建成项目符合生产实际。",
            "完善耕地质量监测网络，定期评估高标准农田建设成效。",
        ],
        units: &["农业农村委员会", "财政局", "规划和自然资源局"],
        work: &[
            "{me}持续推进高标准农田建设，今年新建和改造提升高标准农田{k:1-4}亩，同步实施宜机化改造{c:3000-8000}亩，整治撂荒耕地{c:2000-6000}亩。",
            "{me}已建立高标准农田建后管护机制，落实管护经费{k:200-600}元，明确管护主体{c:50-150}个。",
        ],
        plan: &[
            "积极争取提高丘陵山区建设补助标准，统筹推进高标准农田建设与宜机化改造",
            "健全建后管护和质量监测机制，确保建成一亩、用好一亩",
        ],
    },
    Topic {
        category: ECONOMY,
        fit: Fit::Rural,
        field: "农村公路",
        verbs: &["加强", "进一步加强", "切实做好", "全面加强"],
        objects: &["农村公路养护管理", "“四好农村路”建设和养护", "农村公路安全生命防护工程建设"],
        tails: &["保障群众安全便捷出行", "助力乡村全面振兴"],
        situation: &[
            "{a}农村公路总里程达{c:2000-5000}公里，行政村通硬化路率达到100%，但“重建轻养”问题较为突出。",
            "近年来，{w}农村公路建设成效显著，但随着路网规模扩大，养护任务日益繁重。",
        ],
        problems: &[
            "部分通村公路路面破损、边沟堵塞，雨季塌方后长时间无人修复。",
            "农村公路养护资金主要依靠上级补助，{sub}配套资金难以足额到位。",
            "乡镇养护机构和专业人员不足，养护以简单清扫为主，预防性养护基本空白。",
            "部分公路临水临崖路段缺少防护栏，急弯陡坡处警示标志不全，安全隐患突出。",
            "部分农村公路路面宽度仅{d:3-4}米，错车困难，难以满足客货运输需要。",
        ],
        suggestions: &[
            "全面推行路长制，明确三级路长养护管理责任，将养护成效纳入考核。",
            "按照不低于国家规定的标准落实农村公路养护资金，纳入财政预算并逐年增长。",
            "推行专业养护与群众性养护相结合，优先聘用沿线脱贫群众担任护路员。",
            "加快实施农村公路安全生命防护工程，对临水临崖、急弯陡坡路段增设防护设施。",
            "分年度实施窄路面拓宽和错车道建设，提升农村公路通行能力。",
        ],
        units: &["交通运输委员会", "财政局"],
        work: &[
            "{me}已全面推行农村公路路长制，设立三级路长{c:300-600}名，聘用公益性护路员{c:300-800}名，农村公路优良中等路率达到{n:80-90}%。",
            "今年以来，{me}争取和落实农村公路养护资金{k:1500-4000}元，实施安全生命防护工程{c:100-300}公里，新增错车道{c:100-400}个。",
        ],
        plan: &[
            "完善农村公路养护资金保障机制，推进专业化养护和预防性养护",
            "持续实施农村公路安全生命防护工程和窄路面拓宽工程，提升农村公路通行安全水平",
        ],
    },
    // ---------------------------------------------------------------- 政治建设
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "政务服务",
        verbs: &["深化", "进一步深化", "全面推进", "加快推进"],
        objects: &["政务服务“一网通办”", "政务服务“一件事一次办”改革", "数字政府建设"],
        tails: &["让数据多跑路、群众少跑腿", "提升政务服务便利度"],
        situation: &[
            "近年来，{w}持续推进数字政府建设，政务服务事项网上可办率达到{n:95-99}%，但群众实际“网办”比例仅为{n:40-60}%。",
            "{a}已建成政务服务中心和便民服务中心{c:20-50}个，推出高频“一件事一次办”事项{c:20-40}项，但企业群众办事仍有不少堵点。",
        ],
        problems: &[
            "部分事项网上办理流程复杂，需要重复填报、上传材料，“网上能办”但“不好办”。",
            "部门业务系统之间数据共享不充分，证明材料多次提交现象仍然存在。",
            "基层便民服务中心可办事项少，群众办事仍需往返城区。",
            "政务服务移动端应用分散，各部门应用程序入口多、账号多，使用体验不佳。",
            "电子证照应用范围有限，“免证办”覆盖事项不多。",
        ],
        suggestions: &[
            "以“高效办成一件事”为牵引，对高频事项进行流程再造，推行“一表申请、一网通办”。",
            "加快打通部门业务系统，推动政务数据按需共享，实现“数据多跑路”。",
            "推动更多事项下沉至基层便民服务中心和村（社区）便民服务站，实现就近办。",
            "整合政务服务移动端入口，实现“一个入口、一次登录、全网通办”。",
            "扩大电子证照应用范围，推行高频事项“免证办”“秒批秒办”。",
        ],
        units: &["大数据应用发展管理局", "发展和改革委员会"],
        work: &[
            "{me}持续深化政务服务“一网通办”，今年以来新增“一件事一次办”事项{c:10-25}项，政务服务事项网上实办率提高到{n:60-75}%，电子证照共享调用{k:5-20}次。",
            "{me}已推动{c:80-200}项政务服务事项下沉基层便民服务中心，{c:20-60}项高频事项实现“免证办”。",
        ],
        plan: &[
            "以“高效办成一件事”为牵引，持续推进高频事项流程再造和数据共享",
            "整合政务服务移动端入口，扩大电子证照应用，推动更多事项“就近办、掌上办”",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "社区矫正",
        verbs: &["加强", "进一步加强", "切实加强", "全面加强"],
        objects: &["社区矫正工作", "社区矫正队伍建设", "社区矫正对象教育帮扶"],
        tails: &["提升社区矫正工作规范化水平", "促进矫正对象顺利融入社会"],
        situation: &[
            "{a}现有在册社区矫正对象{c:300-900}人，每年新接收{c:200-600}人，社区矫正工作任务繁重。",
            "社区矫正法实施以来，{w}社区矫正工作规范化水平明显提升，但在队伍、机制和保障方面仍有短板。",
        ],
        problems: &[
            "社区矫正机构专职人员不足，部分司法所仅有{n:1-2}名工作人员，难以做到精细化管理。",
            "社会工作者、志愿者参与社区矫正的渠道不畅，社会力量参与度不高。",
            "部分矫正对象就业困难、家庭关系紧张，存在重新违法犯罪风险。",
            "公检法司之间信息共享不够及时，调查评估、交付接收等环节衔接不畅。",
            "信息化监管手段应用不充分，对矫正对象的动态监管存在盲区。",
        ],
        suggestions: &[
            "充实社区矫正专职工作力量，通过政府购买服务配备社会工作者。",
            "建立社区矫正对象就业帮扶基地，开展技能培训和心理辅导。",
            "完善公检法司信息共享平台，实现调查评估、交付接收等环节网上流转。",
            "推广智慧矫正，运用电子定位、视频督察等手段提升监管效能。",
            "分类实施个别化矫正方案，对未成年矫正对象实行专门教育帮扶。",
        ],
        units: &["司法局", "公安局"],
        work: &[
            "{me}持续推进社区矫正规范化建设，今年以来通过政府购买服务增配社会工作者{c:10-30}名，建立矫正对象就业帮扶基地{c:3-10}个，社区矫正对象再犯罪率控制在0.{n:1-3}%以下。",
            "{me}已建成智慧矫正中心，实现与公检法机关信息共享，全年开展调查评估{c:150-400}件、组织集中教育{c:50-150}场次。",
        ],
        plan: &[
            "充实社区矫正工作力量，深化智慧矫正建设，提升监管教育精准度",
            "拓宽社会力量参与渠道，加强矫正对象就业帮扶和心理辅导",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "基层治理",
        verbs: &["深化", "进一步完善", "持续深化", "创新"],
        objects: &["党建引领网格化基层治理", "城乡社区网格化服务管理", "基层网格化治理机制"],
        tails: &["提升基层治理效能", "把矛盾问题解决在基层"],
        situation: &[
            "近年来，{w}推进党建引领基层治理，{a}共划分网格{c:1500-4000}个，配备专兼职网格员{c:3000-8000}名。",
            "网格化管理已成为{w}基层治理的重要抓手，但在实际运行中仍存在“网格多、负担重、效果弱”等问题。",
        ],
        problems: &[
            "网格员承担的事项过多，各部门任务层层下沉，网格员疲于填表报数。",
            "专职网格员薪酬待遇偏低，月均收入仅{n:2500-3500}元，队伍流动性大。",
            "网格事件处置流程不畅，部门之间推诿扯皮，群众反映问题得不到及时解决。",
            "网格信息平台与部门业务系统数据不通，基层重复采集信息。",
            "居民参与网格治理的积极性不高，“网格员干、群众看”现象较为普遍。",
        ],
        suggestions: &[
            "建立网格事项准入制度，清理规范网格员承担事项，切实为网格减负。",
            "合理确定专职网格员薪酬待遇，建立职业发展通道，稳定网格员队伍。",
            "完善“网格吹哨、部门报到”机制，明确事件分级处置流程和时限。",
            "整合网格信息平台与部门业务系统，实现基础数据“一次采集、多方共享”。",
            "吸纳党员、楼栋长、志愿者等参与网格治理，构建共建共治共享格局。",
        ],
        units: &["民政局", "公安局", "司法局"],
        work: &[
            "{me}会同相关部门持续深化网格化治理，今年以来清理规范网格事项{c:20-60}项，网格事件按时办结率达到{n:92-98}%。",
            "{me}已推动建立网格事项准入制度，整合网格信息平台数据{c:10-30}类，吸纳{k:1-3}名党员、志愿者参与网格治理。",
        ],
        plan: &[
            "严格网格事项准入，持续为网格员减负增能，完善网格员待遇保障",
            "健全网格事件分级处置和部门协同机制，推动基层数据共享",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "基层协商民主",
        verbs: &["深化", "进一步推进", "加强", "推动"],
        objects: &["基层协商民主建设", "政协协商与基层协商有效衔接", "城乡社区协商议事"],
        tails: &["推动协商民主向基层延伸", "提升基层治理水平"],
        situation: &[
            "近年来，{w}推动政协协商向基层延伸，已建成委员工作室和协商议事点{c:30-90}个，开展协商议事活动{c:100-300}场次。",
            "“有事好商量、众人的事情由众人商量”已成为{w}基层治理的重要方式，但基层协商的制度化、规范化水平仍需提高。",
        ],
        problems: &[
            "部分协商议事活动议题选择不够精准，与群众关切结合不紧。",
            "协商议事程序不够规范，重形式、轻实效现象仍然存在。",
            "协商成果转化落实机制不健全，部分协商成果没有得到有效办理和反馈。",
            "群众参与协商的积极性不高，参与主体以社区干部和政协委员为主。",
            "基层协商议事缺乏必要的场地和经费保障。",
        ],
        suggestions: &[
            "建立协商议题征集制度，通过走访、线上平台等方式广泛征集群众关心的议题。",
            "制定基层协商议事规则，规范议题提出、协商讨论、成果运用等环节。",
            "建立协商成果报送、办理、反馈闭环机制，将成果落实情况纳入考核。",
            "拓宽群众参与渠道，吸纳居民代表、利益相关方、专业人士参与协商。",
            "将基层协商议事活动经费纳入预算，统筹利用党群服务中心等场所。",
        ],
        units: &["民政局"],
        work: &[
            "{me}积极推进城乡社区协商，指导{c:100-300}个村（社区）制定协商议事规则，今年以来开展社区协商{c:300-900}场次，解决群众急难愁盼问题{c:200-600}件。",
            "{me}已会同政协机关在{c:20-60}个村（社区）建立协商议事室，建立协商成果办理反馈机制，协商成果落实率达到{n:85-95}%。",
        ],
        plan: &[
            "健全基层协商议事规则和议题征集机制，推动协商活动规范化开展",
            "完善协商成果转化落实机制，拓宽群众参与基层协商的渠道",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "法治政府建设",
        verbs: &["推进", "进一步推进", "深入推进", "全面推进"],
        objects: &["严格规范公正文明执法", "涉企行政执法规范化建设", "包容审慎监管"],
        tails: &["持续优化法治化营商环境", "提升行政执法公信力"],
        situation: &[
            "近年来，{w}持续推进法治政府建设，全面落实行政执法“三项制度”，但部分领域执法不规范问题仍时有发生。",
            "{a}现有行政执法人员{c:1500-4000}名，去年办理行政处罚案件{c:3000-9000}件，其中涉企案件占比约{n:35-50}%。",
        ],
        problems: &[
            "部分领域存在“一刀切”执法、趋利性执法现象，企业反映强烈。",
            "行政裁量权基准不够细化，同案不同罚的情况仍有发生。",
            "基层综合执法队伍专业化程度不高，执法人员法律素养参差不齐。",
            "对轻微违法行为的“首违不罚”“轻微免罚”清单适用范围较窄。",
            "执法监督机制不健全，对违法执法行为的问责力度不够。",
        ],
        suggestions: &[
            "全面推行“首违不罚”“轻微免罚”清单制度，扩大包容审慎监管适用范围。",
            "细化行政裁量权基准，统一执法尺度，防止同案不同罚。",
            "加强基层综合执法人员业务培训，推行执法人员持证上岗和资格管理。",
            "严禁下达罚没指标，坚决纠治趋利性执法和“一刀切”执法。",
            "健全行政执法监督体系，畅通企业群众投诉举报渠道。",
        ],
        units: &["司法局", "市场监督管理局"],
        work: &[
            "{me}持续推进严格规范公正文明执法，今年以来修订完善行政裁量权基准{c:10-30}项，公布“首违不罚”“轻微免罚”事项{c:100-300}项，组织执法人员培训{c:10-30}期。",
            "{me}已开展涉企行政执法专项监督，评查行政执法案卷{c:200-600}件，纠正不规范执法问题{c:20-60}个。",
        ],
        plan: &[
            "扩大包容审慎监管适用范围，细化行政裁量权基准，统一执法尺度",
            "加强基层执法队伍建设，健全行政执法监督机制",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "矛盾纠纷化解",
        verbs: &["健全", "完善", "进一步健全", "加快构建"],
        objects: &["矛盾纠纷多元化解机制", "人民调解与诉讼调解衔接机制", "基层矛盾纠纷排查化解体系"],
        tails: &["坚持和发展新时代“枫桥经验”", "把矛盾纠纷化解在萌芽状态"],
        situation: &[
            "{a}共有人民调解委员会{c:200-500}个、人民调解员{c:1000-3000}名，去年调解各类矛盾纠纷{k:1-3}件，调解成功率达{n:95-98}%。",
            "随着经济社会发展，{w}矛盾纠纷呈现主体多元、类型复杂的特点，婚姻家庭、邻里、物业、劳动争议等纠纷多发。",
        ],
        problems: &[
            "人民调解员以兼职为主，年龄偏大、专业能力不足，难以应对复杂疑难纠纷。",
            "行业性、专业性调解组织覆盖不够，医疗、物业、消费等领域调解力量薄弱。",
            "人民调解、行政调解、司法调解衔接不畅，“诉调对接”机制运行不够顺畅。",
            "调解员补贴标准偏低，“以案定补”落实不到位，调解员积极性不高。",
            "矛盾纠纷排查预警机制不健全，部分纠纷小事拖大、大事拖炸。",
        ],
        suggestions: &[
            "通过政府购买服务等方式配备专职人民调解员，吸纳退休法官、律师等专业人士参与调解。",
            "在医疗、物业、婚姻家庭、劳动争议等领域建立行业性专业性调解组织。",
            "完善诉调、警调、访调对接机制，建设矛盾纠纷调处化解中心，实现“一站式”受理。",
            "提高人民调解员“以案定补”标准，建立调解员等级评定和激励机制。",
            "建立矛盾纠纷常态化排查预警机制，做到早发现、早介入、早化解。",
        ],
        units: &["司法局", "公安局", "民政局"],
        work: &[
            "{me}持续完善矛盾纠纷多元化解机制，{a}已建成矛盾纠纷调处化解中心{c:10-30}个，新设行业性专业性调解组织{c:5-15}个，今年以来调解矛盾纠纷{c:5000-15000}件。",
            "{me}已会同法院、公安等部门建立诉调、警调对接工作室{c:20-60}个，人民调解员“以案定补”标准提高至每件{n:100-300}元。",
        ],
        plan: &[
            "加强专职人民调解员队伍建设，扩大行业性专业性调解组织覆盖面",
            "深化诉调、警调、访调对接，健全矛盾纠纷排查预警和源头化解机制",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "公共法律服务",
        verbs: &["完善", "加快完善", "进一步健全", "加强"],
        objects: &["公共法律服务体系建设", "基层法律援助服务", "村（居）法律顾问制度"],
        tails: &["让群众身边有法律服务", "推进法治社会建设"],
        situation: &[
            "{a}现有律师事务所{c:10-40}家、执业律师{c:150-500}名，去年办理法律援助案件{c:800-2000}件。",
            "近年来，{w}公共法律服务实体平台实现{sub}全覆盖，但法律服务资源城乡分布不均衡的问题仍然突出。",
        ],
        problems: &[
            "律师等法律服务资源主要集中在城区，偏远乡镇法律服务力量薄弱。",
            "村（居）法律顾问服务流于形式，部分顾问一年到村服务不足{n:2-4}次。",
            "法律援助经济困难标准偏严，部分群众申请法律援助门槛高、程序繁。",
            "公共法律服务热线和网络平台知晓率不高，群众遇到法律问题不知道找谁。",
            "法律援助案件补贴标准偏低，律师办理法律援助案件积极性不高。",
        ],
        suggestions: &[
            "推动律师事务所在偏远乡镇设立分所或服务点，鼓励律师到基层执业。",
            "建立村（居）法律顾问服务考核评价机制，推行“线上+线下”常态化服务。",
            "扩大法律援助覆盖范围，适当放宽经济困难标准，推行法律援助“马上办、网上办”。",
            "加大公共法律服务热线和平台宣传力度，提升群众知晓率和使用率。",
            "提高法律援助案件办案补贴标准，建立补贴动态调整机制。",
        ],
        units: &["司法局", "财政局"],
        work: &[
            "{me}持续推进公共法律服务体系建设，今年以来办理法律援助案件{c:800-2000}件，提供法律咨询{k:1-4}人次，为群众挽回经济损失{k:1000-4000}元。",
            "{me}已为{c:150-400}个村（社区）配备法律顾问，建立服务台账和考核评价机制，法律援助办案补贴标准提高{n:10-30}%。",
        ],
        plan: &[
            "推动法律服务资源向基层延伸，完善村（居）法律顾问考核评价机制",
            "扩大法律援助覆盖面，提高办案补贴标准，提升公共法律服务知晓率",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "基层减负",
        verbs: &["切实减轻", "有效减轻", "进一步减轻", "着力减轻"],
        objects: &["基层干部填表报数负担", "村（社区）工作负担", "基层重复填报数据负担"],
        tails: &["推动基层数据共享", "让基层干部把更多精力用在服务群众上"],
        situation: &[
            "调研发现，{w}村（社区）平均每年需填报各类报表{n:80-150}种，涉及{n:20-30}个部门，部分数据重复填报{n:3-5}次以上。",
            "近年来，{w}持续推进整治形式主义为基层减负，但“表格多、报送多、系统多”问题仍然存在。",
        ],
        problems: &[
            "部门业务系统各自为政，同一数据需要在多个系统中重复录入。",
            "部分部门要求基层通过工作群临时报送材料，时限紧、频次高。",
            "部门之间数据共享不足，已经掌握的数据仍要求基层重复采集。",
            "基层反映的减负诉求缺乏有效的表达和反馈渠道。",
            "部分部门将考核压力层层传导，以“留痕”代替实绩，基层疲于应付。",
        ],
        suggestions: &[
            "全面清理规范面向基层的报表和政务应用程序，建立基层报表准入制度。",
            "建设基层数据共享平台，实现“一次采集、多方复用”，部门已有数据不得要求基层重复填报。",
            "规范工作群管理，严禁以工作群代替正式文件部署工作、临时要求报送材料。",
            "建立基层减负监测点，定期收集基层意见并督促整改。",
            "将基层减负成效纳入部门绩效考核，对违规增加基层负担的进行通报。",
        ],
        units: &["大数据应用发展管理局", "民政局"],
        work: &[
            "{me}会同相关部门对面向基层的报表和政务应用程序进行全面清理，今年以来精简报表{c:20-60}种、整合应用程序{c:10-30}个。",
            "{me}已建成基层数据共享平台，归集人口、房屋、企业等基础数据{k:50-200}条，实现{c:20-50}类数据向村（社区）回流共享。",
        ],
        plan: &[
            "严格基层报表准入管理，持续清理规范政务应用程序和工作群",
            "推动基层数据共享平台扩面应用，实现基础数据“一次采集、多方复用”",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Any,
        field: "反电信网络诈骗",
        verbs: &["加强", "进一步加强", "全面加强", "持续加强"],
        objects: &["电信网络诈骗防范治理", "反电信网络诈骗宣传和预警劝阻", "重点人群反诈宣传教育"],
        tails: &["守护好群众的“钱袋子”", "推进更高水平的平安建设"],
        situation: &[
            "去年{a}共发生电信网络诈骗案件{c:800-2000}起，群众损失约{k:3000-9000}元，虽然发案数同比下降{n:10-25}%，但形势依然严峻。",
            "电信网络诈骗已成为{w}发案最多、群众反映最强烈的犯罪类型之一，老年人、学生、财会人员成为主要受骗群体。",
        ],
        problems: &[
            "诈骗手法不断翻新，刷单返利、虚假投资理财、冒充客服等类型案件占比超过{n:60-75}%。",
            "部分群众防范意识薄弱，在民警劝阻时仍执意转账。",
            "反诈宣传形式单一，对老年人、学生等重点群体针对性不强。",
            "涉诈“两卡”违法犯罪治理难度大，部分学生和务工人员被诱导出租出借银行卡、电话卡。",
            "银行、通信、互联网企业主体责任落实不到位，涉诈资金拦截不够及时。",
        ],
        suggestions: &[
            "针对老年人、学生、财会人员等重点群体开展精准化反诈宣传，推动反诈宣传进社区、进校园、进企业。",
            "完善预警劝阻机制，发挥网格员、社区民警作用，对预警对象做到见面劝阻。",
            "深入开展“断卡”行动，加强对出租出借“两卡”行为的惩戒和教育。",
            "压实银行、通信运营商、互联网企业的主体责任，提升涉诈资金快速止付拦截能力。",
            "推广国家反诈中心应用程序，提高群众安装注册率和使用率。",
        ],
        units: &["公安局"],
        work: &[
            "{me}持续开展打击治理电信网络诈骗专项行动，今年以来破获电信网络诈骗案件{c:100-300}起，抓获犯罪嫌疑人{c:150-400}名，预警劝阻群众{k:1-4}人次。",
            "{me}已组织开展反诈宣传进社区、进校园、进企业活动{c:300-900}场次，国家反诈中心应用程序注册人数达到{k:10-40}人。",
        ],
        plan: &[
            "持续开展精准化反诈宣传，完善预警劝阻和快速止付机制",
            "深化“断卡”行动，压实行业主体责任，推动电信网络诈骗案件持续下降",
        ],
    },
    Topic {
        category: POLITICS,
        fit: Fit::Rural,
        field: "村级治理",
        verbs: &["加强", "进一步加强", "切实加强"],
        objects: &["村级小微权力监督", "村务公开和民主监督", "农村集体“三资”监管"],
        tails: &["推进清廉村居建设", "维护农民群众切身利益"],
        situation: &[
            "{a}共有行政村{c:150-400}个，村集体资产总额约{k:50000-150000}元，村级小微权力涉及项目建设、资金使用、惠民政策落实等多个方面。",
            "近年来，{w}查处的群众身边腐败问题中，涉及村干部的占比超过{n:40-55}%，村级小微权力监督仍是薄弱环节。",
        ],
        problems: &[
            "村务公开内容不全面、不及时，部分村存在选择性公开、“明白账”不明白的问题。",
            "村务监督委员会作用发挥不充分，存在“不敢监督、不会监督”的问题。",
            "农村集体“三资”管理不规范，部分村集体资产底数不清、合同管理混乱。",
            "村级小微权力清单不够细化，权力运行流程不够透明。",
        ],
        suggestions: &[
            "制定村级小微权力清单和运行流程图，实现“清单之外无权力”。",
            "推行村务公开“线上+线下”同步，通过村务公开栏和手机端及时公开财务收支、项目建设等信息。",
            "加强村务监督委员会建设，开展监委会成员业务培训，保障其履职条件。",
            "建设农村集体“三资”信息化监管平台，实现资金、资产、资源全流程监管。",
            "畅通群众监督举报渠道，对群众反映问题及时核查处理。",
        ],
        units: &["农业农村委员会", "民政局"],
        work: &[
            "{me}持续加强农村集体“三资”监管，今年以来完成{c:100-300}个村集体资产清查，建成“三资”信息化监管平台，规范村集体经济合同{c:1000-3000}份。",
            "{me}已会同民政部门制定村级小微权力清单{n:20-40}项，推动{a}行政村全面推行村务公开“线上+线下”同步。",
        ],
        plan: &[
            "细化村级小微权力清单和运行流程，推进村务公开规范化",
            "深化农村集体“三资”信息化监管，加强村务监督委员会建设",
        ],
    },
    // ---------------------------------------------------------------- 文化建设
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "非物质文化遗产保护",
        verbs: &["加强", "进一步加强", "推动", "做好"],
        objects: &["非物质文化遗产保护传承", "非遗活态传承和创新发展", "非遗代表性传承人队伍建设"],
        tails: &["让非遗在当代生活中焕发新活力", "赓续地方文化根脉"],
        situation: &[
            "{a}现有各级非物质文化遗产代表性项目{c:40-120}项，其中国家级{c:1-3}项，各级代表性传承人{c:60-180}名。",
            "近年来，{w}非遗保护工作取得积极成效，但部分项目仍面临传承断代、生存空间萎缩的困境。",
        ],
        problems: &[
            "部分非遗代表性传承人年事已高，年轻人学艺意愿不强，传承后继乏人。",
            "非遗项目市场转化能力弱，除少数手工技艺外，多数项目难以产生经济效益。",
            "非遗保护经费投入不足，传承人补助标准偏低。",
            "非遗展示传播渠道单一，进校园、进社区活动覆盖面不广。",
            "非遗资源数字化记录工作滞后，部分珍贵资料面临失传风险。",
        ],
        suggestions: &[
            "提高非遗代表性传承人补助标准，支持传承人开展带徒授艺。",
            "建设非遗工坊和传承基地，推动非遗与旅游、文创、电商融合发展。",
            "推动非遗进校园，在中小学开设非遗特色课程，培养青少年传承兴趣。",
            "实施非遗数字化保护工程，对濒危项目和高龄传承人开展抢救性记录。",
            "举办非遗展演、非遗购物节等活动，拓展非遗展示传播渠道。",
        ],
        units: &["文化和旅游发展委员会", "教育委员会"],
        work: &[
            "{me}持续加强非遗保护传承，今年以来新认定非遗代表性项目{c:5-15}项、代表性传承人{c:5-20}名，建设非遗工坊{c:3-10}个，开展非遗进校园活动{c:30-90}场次。",
            "{me}已完成{c:10-30}名高龄传承人的抢救性记录，举办非遗展演展示活动{c:10-30}场次，非遗相关产品销售额同比增长{n:15-30}%。",
        ],
        plan: &[
            "提高传承人补助标准，支持非遗工坊和传承基地建设，推动非遗活态传承",
            "深化非遗进校园、进社区，加快非遗数字化保护",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "文化旅游",
        verbs: &["推动", "加快推动", "促进", "大力推进"],
        objects: &["文旅深度融合发展", "文化和旅游融合发展", "全域旅游高质量发展"],
        tails: &["把文旅资源优势转化为发展优势", "打造特色文旅品牌"],
        situation: &[
            "{w}文化和旅游资源丰富，去年接待游客{k:800-2500}人次，实现旅游综合收入{k:500000-1500000}元。",
            "近年来，{w}文旅产业发展势头良好，但文旅融合深度不够、产品供给与游客需求不匹配等问题仍然存在。",
        ],
        problems: &[
            "旅游产品以观光为主，休闲度假、研学体验等产品不足，游客停留时间短、消费低。",
            "文化资源挖掘转化不够，景区文化内涵展示不足，同质化现象突出。",
            "旅游交通、停车、厕所等配套设施不完善，节假日拥堵问题突出。",
            "文旅经营主体小而散，缺乏有影响力的龙头企业。",
            "文旅宣传营销方式传统，在新媒体平台上的曝光度和影响力不足。",
        ],
        suggestions: &[
            "深入挖掘地方历史文化资源，打造一批文化主题鲜明的旅游景区和精品线路。",
            "培育研学旅行、夜游、康养度假等新业态，延长游客停留时间。",
            "完善旅游交通、停车、厕所和智慧导览等配套设施，提升游客体验。",
            "招引培育文旅龙头企业，支持中小文旅企业特色化发展。",
            "创新文旅宣传营销，借助短视频、直播等新媒体扩大知名度。",
        ],
        units: &["文化和旅游发展委员会", "发展和改革委员会", "交通运输委员会"],
        work: &[
            "{me}持续推动文旅融合发展，今年以来推出文旅精品线路{c:5-15}条，新增A级旅游景区{c:1-4}个，举办文旅节庆活动{c:10-30}场次，接待游客同比增长{n:8-20}%。",
            "{me}已会同交通等部门完善景区交通和停车设施，新建改建旅游厕所{c:10-40}座，并通过短视频平台开展宣传推广，相关话题播放量超过{k:500-3000}次。",
        ],
        plan: &[
            "深挖地方文化资源，培育研学、夜游、康养等文旅新业态",
            "完善旅游配套设施，创新宣传营销方式，打造特色文旅品牌",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "历史文化保护",
        verbs: &["加强", "进一步加强", "做好", "统筹推进"],
        objects: &["历史文化街区保护和活化利用", "传统风貌区和历史建筑保护", "历史建筑保护利用"],
        tails: &["守护城市文脉", "留住城市记忆和乡愁"],
        situation: &[
            "{a}现有历史文化街区和传统风貌区{c:2-8}处、历史建筑{c:30-100}处，是展示地方历史文化的重要载体。",
            "近年来，{w}历史文化保护工作取得一定成效，但在城市更新过程中，部分历史街区和建筑仍面临保护与发展的矛盾。",
        ],
        problems: &[
            "部分历史建筑产权复杂、年久失修，存在结构安全隐患。",
            "街区改造中存在“拆真建假”、过度商业化倾向，原有风貌和生活气息被破坏。",
            "历史文化资源普查不够全面，部分有价值的老建筑尚未纳入保护名录。",
            "保护修缮资金主要依靠财政投入，社会资本参与渠道不畅。",
            "原住居民大量外迁，街区活力不足，“空心化”问题突出。",
        ],
        suggestions: &[
            "全面开展历史文化资源普查，将有价值的老建筑及时纳入保护名录，实行挂牌保护。",
            "坚持“微改造、精提升”，严禁大拆大建和“拆真建假”，保护街区整体格局和传统风貌。",
            "探索历史建筑使用权流转和修缮补助机制，引导社会资本参与保护利用。",
            "植入文化展示、非遗体验、特色商业等业态，推动历史文化街区活化利用。",
            "保留原住居民和传统生活方式，改善街区基础设施，留住烟火气。",
        ],
        units: &["规划和自然资源局", "住房和城乡建设委员会", "文化和旅游发展委员会"],
        work: &[
            "{me}持续加强历史文化保护，今年以来新公布历史建筑{c:5-15}处，完成历史建筑挂牌和测绘建档{c:20-60}处，启动{c:1-3}个历史街区保护修缮项目。",
            "{me}已编制历史文化街区保护规划，明确保护范围和管控要求，累计投入保护修缮资金{k:1000-5000}元。",
        ],
        plan: &[
            "持续开展历史文化资源普查认定，严格落实保护管控要求，防止大拆大建",
            "探索社会资本参与保护利用机制，推动历史文化街区有机更新和活化利用",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "公共文化服务",
        verbs: &["提升", "进一步提升", "加快提升", "全面提升"],
        objects: &["基层公共文化服务效能", "基层综合文化服务中心和农家书屋使用效率", "城乡公共文化服务均等化水平"],
        tails: &["丰富群众精神文化生活", "打通公共文化服务“最后一公里”"],
        situation: &[
            "{a}已建成基层综合文化服务中心{c:150-400}个、农家书屋{c:150-400}个，公共文化设施网络基本实现全覆盖。",
            "近年来，{w}公共文化设施建设成效明显，但设施“建而不用、用而不活”的问题仍较突出。",
        ],
        problems: &[
            "部分基层综合文化服务中心长期大门紧闭，活动开展少，群众知晓率低。",
            "农家书屋图书更新慢，内容与群众需求不匹配，借阅率不足{n:10-20}%。",
            "基层文化专干多为兼职，专业能力不足，难以组织开展高质量文化活动。",
            "公共文化服务供需对接不畅，“送文化”多、“种文化”少。",
            "公共文化数字化服务水平低，年轻群体参与度不高。",
        ],
        suggestions: &[
            "推行公共文化服务“点单式”供给，根据群众需求配送文化产品和服务。",
            "推动农家书屋与图书馆总分馆体系融合，实现图书通借通还和定期更新。",
            "配齐配强基层文化专干，培育本土文艺骨干和群众文艺团队。",
            "引入社会力量参与基层文化设施运营管理，延长开放时间。",
            "建设数字文化服务平台，开展线上展览、线上培训和直播活动。",
        ],
        units: &["文化和旅游发展委员会"],
        work: &[
            "{me}持续提升基层公共文化服务效能，今年以来开展“送文化下乡”演出{c:100-300}场次，配送图书{k:2-6}册，培训基层文艺骨干{c:300-900}人次。",
            "{me}已推动{c:50-150}个农家书屋纳入图书馆总分馆体系，实现图书通借通还，并在{c:10-30}个基层文化服务中心试点社会化运营。",
        ],
        plan: &[
            "推行“点单式”公共文化服务，推动农家书屋融入总分馆体系",
            "加强基层文化队伍建设，引入社会力量参与设施运营，提升服务效能",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "全民阅读",
        verbs: &["深入推进", "大力推进", "持续推进", "深化"],
        objects: &["全民阅读", "书香社会建设", "全民阅读活动"],
        tails: &["营造浓厚读书氛围", "提升市民文明素养"],
        situation: &[
            "{a}现有公共图书馆及分馆{c:20-60}个、城市书房{c:10-40}个，去年居民综合阅读率为{d:80-88}%。",
            "近年来，{w}全民阅读活动广泛开展，但公共阅读空间分布不均、阅读服务供给不足等问题仍然存在。",
        ],
        problems: &[
            "公共阅读空间主要集中在城区，乡镇和新建社区阅读设施不足。",
            "城市书房开放时间与居民空闲时间不匹配，部分书房人气不旺。",
            "阅读推广活动形式单一，对青少年、老年人、外来务工人员等群体针对性不强。",
            "数字阅读资源建设滞后，公共图书馆数字资源利用率不高。",
        ],
        suggestions: &[
            "在商圈、公园、交通枢纽和社区建设一批城市书房、24小时自助图书馆。",
            "延长公共阅读空间开放时间，推行智能借阅和图书通借通还。",
            "针对不同群体开展分众化阅读推广，培育阅读推广人和阅读组织。",
            "丰富数字阅读资源，建设线上阅读平台，推广“扫码即读”。",
            "设立全民阅读专项经费，鼓励社会力量参与阅读空间建设运营。",
        ],
        units: &["文化和旅游发展委员会", "教育委员会"],
        work: &[
            "{me}持续推进全民阅读，今年以来新建城市书房{c:3-10}个，举办读书会、讲座等阅读推广活动{c:200-600}场次，公共图书馆年借阅量达到{k:20-80}册次。",
            "{me}已实现公共图书馆与{c:20-60}个分馆、服务点通借通还，上线数字阅读资源{c:2000-6000}种。",
        ],
        plan: &[
            "合理布局城市书房等公共阅读空间，延长开放时间，推广智能借阅",
            "开展分众化阅读推广，丰富数字阅读资源，营造全民阅读浓厚氛围",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "红色文化传承",
        verbs: &["加强", "进一步加强", "做好", "统筹推进"],
        objects: &["红色文化资源保护利用", "革命文物保护和红色资源传承", "红色旅游和爱国主义教育基地建设"],
        tails: &["赓续红色血脉", "讲好红色故事"],
        situation: &[
            "{a}现有不可移动革命文物{c:20-80}处、爱国主义教育基地{c:5-15}个，红色文化资源较为丰富。",
            "近年来，{w}积极推进革命文物保护利用，但部分红色资源仍处于“散、小、弱”状态。",
        ],
        problems: &[
            "部分革命旧址位于偏远乡村，年久失修，保护状况堪忧。",
            "红色资源展陈方式单一，以图片文字为主，互动体验不足，对青少年吸引力不强。",
            "红色文化研究挖掘不够深入，部分革命故事和史料尚未系统整理。",
            "红色旅游线路串联不够，景点之间交通不便，难以形成规模效应。",
            "专业讲解员队伍不足，讲解内容缺乏吸引力。",
        ],
        suggestions: &[
            "全面开展革命文物资源普查，实施革命旧址抢救性保护修缮工程。",
            "运用数字化技术创新展陈方式，打造沉浸式、互动式红色教育场景。",
            "组织党史专家和文史工作者深入挖掘整理红色史料，出版红色文化读物。",
            "串联红色资源点位，设计红色研学精品线路，推动红色旅游与乡村旅游融合。",
            "培养专兼职红色讲解员队伍，开展讲解员技能竞赛。",
        ],
        units: &["文化和旅游发展委员会", "退役军人事务局", "教育委员会"],
        work: &[
            "{me}持续加强红色资源保护利用，今年以来完成革命旧址保护修缮{c:3-10}处，推出红色研学线路{c:3-8}条，接待参观学习{k:5-20}人次。",
            "{me}已组织编印红色文化读物{c:2-6}部，培训红色讲解员{c:50-150}名，在{c:5-15}个纪念场馆推出数字化展陈。",
        ],
        plan: &[
            "实施革命文物保护修缮工程，创新红色资源展陈和传播方式",
            "打造红色研学精品线路，加强讲解员队伍建设，推动红色文化进校园",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "工业遗产保护利用",
        verbs: &["加强", "推进", "做好", "统筹推进"],
        objects: &["工业遗产保护和活化利用", "三线建设工业遗产保护利用", "老旧厂房更新利用"],
        tails: &["延续城市工业文脉", "打造文化创意新空间"],
        situation: &[
            "{w}工业历史悠久，现存老旧厂房、仓库等工业遗存{c:20-60}处，其中不少与三线建设密切相关。",
            "随着产业转型和企业“退二进三”，{w}大量老旧厂房闲置，工业遗产保护利用面临新的机遇和挑战。",
        ],
        problems: &[
            "工业遗产底数不清，认定标准和保护名录尚未建立，部分有价值的厂房已被拆除。",
            "工业遗产产权多属国有企业，保护利用涉及土地性质变更，审批复杂。",
            "改造利用方式单一，多为简单出租，文化价值挖掘和展示不足。",
            "改造资金投入大，社会资本参与意愿不强。",
        ],
        suggestions: &[
            "开展工业遗产普查认定，建立保护名录和分级保护制度。",
            "出台老旧厂房更新利用支持政策，允许在不改变土地性质的前提下发展文化创意等新业态。",
            "推动工业遗产与文化创意、旅游休闲、城市公共空间融合，打造一批工业文化地标。",
            "引入专业运营机构，采取政府引导、企业运营、社会参与的模式推进保护利用。",
            "建设工业遗产博物馆或展陈空间，系统展示地方工业发展历程。",
        ],
        units: &["经济和信息化委员会", "规划和自然资源局", "文化和旅游发展委员会"],
        work: &[
            "{me}积极推进工业遗产保护利用，已完成工业遗存调查，初步建立工业遗产名录{c:10-30}处，推动{c:2-6}个老旧厂房改造为文创园区。",
            "{me}已会同规划部门研究制定老旧厂房更新利用实施意见，支持引入社会资本参与改造，累计吸引投资{k:3000-10000}元。",
        ],
        plan: &[
            "完善工业遗产认定和分级保护制度，出台老旧厂房更新利用支持政策",
            "推动工业遗产与文化创意、旅游休闲融合，打造工业文化地标",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Chongqing,
        field: "地方戏曲传承",
        verbs: &["加强", "进一步加强", "推动", "做好"],
        objects: &["川剧保护传承", "川剧等地方戏曲传承发展", "川剧人才培养和剧目创作"],
        tails: &["让川剧艺术薪火相传", "推动巴渝优秀传统文化创造性转化"],
        situation: &[
            "川剧是巴蜀文化的瑰宝，也是首批国家级非物质文化遗产，{w}现有川剧院团和民间川剧团体{c:2-8}个，演职人员约{c:40-150}人。",
            "近年来，{w}川剧传承保护取得积极进展，但川剧观众老龄化、人才断层等问题仍然突出。",
        ],
        problems: &[
            "川剧专业演员待遇偏低，青年演员流失严重，部分行当面临失传。",
            "原创剧目少，经典剧目复排不足，难以吸引年轻观众。",
            "川剧演出场所不足，民间川剧团体生存困难，演出场次逐年减少。",
            "川剧进校园活动覆盖面小，青少年对川剧了解不多。",
        ],
        suggestions: &[
            "设立川剧传承发展专项资金，提高专业院团演员待遇，稳定人才队伍。",
            "支持职业院校开设川剧表演专业，推行“名师带徒”培养模式。",
            "扶持原创剧目创作和经典剧目复排，探索川剧与现代舞台技术融合。",
            "推动川剧进校园、进社区、进景区，利用茶馆、书场等空间常态化开展演出。",
            "借助短视频和网络直播推广川剧，吸引更多年轻观众。",
        ],
        units: &["文化和旅游发展委员会", "教育委员会"],
        work: &[
            "{me}持续支持川剧传承发展，今年以来扶持川剧剧目创作和复排{c:2-6}部，组织川剧进校园、进社区演出{c:30-90}场次，开展川剧培训{c:200-600}人次。",
            "{me}已为民间川剧团体提供演出场地和补助，开展“名师带徒”结对{c:10-30}对，川剧线上演出观看量超过{k:50-200}人次。",
        ],
        plan: &[
            "加大川剧人才培养和剧目创作扶持力度，稳定专业演员队伍",
            "推动川剧常态化进校园、进社区、进景区，运用新媒体扩大川剧影响力",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Any,
        field: "全民健身",
        verbs: &["加快", "加快推进", "统筹推进", "大力推进"],
        objects: &["全民健身场地设施建设", "社区体育设施和“15分钟健身圈”建设", "公共体育场馆免费低收费开放"],
        tails: &["满足群众就近健身需求", "推动全民健身与全民健康深度融合"],
        situation: &[
            "{a}人均体育场地面积为{d:1-2}平方米，低于全国平均水平，经常参加体育锻炼的人数比例为{n:38-45}%。",
            "随着群众健身需求日益增长，{w}健身场地设施不足、分布不均的问题日益凸显。",
        ],
        problems: &[
            "老城区健身场地严重不足，群众只能在马路边、广场上健身，存在安全隐患。",
            "部分社区健身器材老化损坏，长期无人维护。",
            "学校体育场地向社会开放比例不足{n:30-45}%，开放时段和安全管理机制不健全。",
            "公共体育场馆收费偏高，免费低收费开放时段少。",
            "适合老年人、儿童的健身设施少，功能单一。",
        ],
        suggestions: &[
            "利用边角地、公园绿地、桥下空间建设口袋体育公园和多功能运动场。",
            "建立健身器材巡检维护机制，明确管护责任，及时更新老化器材。",
            "推动学校体育场地在课余时间和节假日向社会开放，完善安全保险和管理制度。",
            "落实公共体育场馆免费低收费开放政策，扩大开放时段。",
            "增加适老化、适儿化健身设施，打造全龄友好的健身环境。",
        ],
        units: &["体育局", "教育委员会", "住房和城乡建设委员会"],
        work: &[
            "{me}持续推进全民健身设施建设，今年以来新建社区体育文化公园{c:3-10}个、多功能运动场{c:10-30}个，更新健身器材{c:300-900}件。",
            "{me}已推动{c:30-90}所学校体育场地向社会开放，{c:3-8}个公共体育场馆实行免费低收费开放，全年服务健身群众{k:10-40}人次。",
        ],
        plan: &[
            "充分利用城市空间建设嵌入式体育设施，完善“15分钟健身圈”",
            "扩大学校体育场地开放范围，健全健身器材长效管护机制",
        ],
    },
    Topic {
        category: CULTURE,
        fit: Fit::Rural,
        field: "传统村落保护",
        verbs: &["加强", "进一步加强", "做好", "统筹推进"],
        objects: &["传统村落保护发展", "传统村落和少数民族特色村寨保护", "传统村落集中连片保护利用"],
        tails: &["留住乡村记忆和乡愁", "推动乡村文化振兴"],
        situation: &[
            "{w}列入中国传统村落名录的村落有{c:2-8}个，另有一批具有较高保护价值的传统村落，保存有大量传统民居和古建筑。",
            "近年来，{w}传统村落保护取得一定进展，但随着人口外流和自然损毁，传统村落“空心化”问题日益严重。",
        ],
        problems: &[
            "部分传统民居年久失修，存在倒塌风险，村民自行拆旧建新破坏了村落风貌。",
            "传统村落保护资金不足，保护修缮主要依靠上级补助。",
            "村落保护与村民改善居住条件需求存在矛盾，村民保护意愿不强。",
            "传统村落开发利用方式单一，部分过度商业化，失去了原真性。",
        ],
        suggestions: &[
            "建立传统村落保护名录和档案，实行挂牌保护和动态监测。",
            "统筹整合各类资金，设立传统村落保护专项资金，对传统民居修缮给予补助。",
            "编制村落保护发展规划，在保护风貌的前提下改善村民居住条件和基础设施。",
            "引导发展乡村民宿、研学体验等业态，让村民在保护中受益。",
            "培育传统建筑工匠队伍，传承传统营造技艺。",
        ],
        units: &["住房和城乡建设委员会", "规划和自然资源局", "文化和旅游发展委员会"],
        work: &[
            "{me}持续推进传统村落保护，今年以来完成传统民居修缮{c:30-90}栋，落实保护资金{k:300-1200}元，建立传统村落数字档案{c:5-15}个。",
            "{me}已指导{c:3-10}个传统村落编制保护发展规划，培训传统建筑工匠{c:30-90}人次，引导发展乡村民宿{c:10-30}家。",
        ],
        plan: &[
            "完善传统村落保护名录和数字档案，加大传统民居修缮补助力度",
            "统筹村落保护与村民生活改善，推动传统村落活化利用",
        ],
    },
    // ---------------------------------------------------------------- 生态文明建设
    Topic {
        category: ECOLOGY,
        fit: Fit::Chongqing,
        field: "河流保护",
        verbs: &["加强", "进一步加强", "系统推进", "全面加强"],
        objects: &["长江支流河道保护治理", "次级河流综合治理", "河长制落实和河道生态修复"],
        tails: &["筑牢长江上游重要生态屏障", "建设美丽幸福河湖"],
        situation: &[
            "{a}流域面积50平方公里以上的河流有{c:10-40}条，是长江上游生态屏障的重要组成部分。",
            "近年来，{w}深入落实河长制，次级河流水质明显改善，但部分支流水生态环境问题依然存在。",
        ],
        problems: &[
            "部分支流沿岸生活污水管网不完善，雨季溢流污染问题突出，断面水质波动较大。",
            "河道“四乱”问题时有反弹，乱占、乱采、乱堆、乱建现象屡禁不止。",
            "部分小水电站下泄生态流量不足，造成河道减水甚至断流。",
            "河道岸线硬化过多，自然生态缓冲带缺失，水生生物栖息地受损。",
            "上下游、左右岸联防联治机制不健全，跨界河流治理责任不清。",
        ],
        suggestions: &[
            "加快支流沿岸污水管网建设和雨污分流改造，提升污水收集处理能力。",
            "常态化开展河道“清四乱”行动，运用无人机、视频监控等手段加强巡查。",
            "落实小水电站生态流量泄放要求，安装在线监测设施，对不达标电站实施整改或退出。",
            "实施河道生态修复，建设生态缓冲带和湿地，恢复河流自然形态。",
            "建立跨界河流上下游联防联治和生态补偿机制。",
        ],
        units: &["水利局", "生态环境局"],
        work: &[
            "{me}持续推进河道保护治理，今年以来开展河道“清四乱”行动，整治问题{c:20-60}个，实施河道生态修复{c:10-40}公里，{c:10-30}座小水电站完成生态流量在线监测设施安装。",
            "{me}已建立跨界河流联防联治机制，签订上下游横向生态补偿协议{c:2-6}份，纳入考核的河流断面水质达标率为{n:90-100}%。",
        ],
        plan: &[
            "加快支流沿岸污水管网建设和雨污分流改造，持续开展河道“清四乱”",
            "推进河道生态修复和小水电生态流量监管，完善跨界河流联防联治机制",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Any,
        field: "生活垃圾分类",
        verbs: &["深入推进", "加快推进", "持续推进", "全面推进"],
        objects: &["生活垃圾分类工作", "城乡生活垃圾分类和资源化利用", "居民生活垃圾分类习惯养成"],
        tails: &["推动形成绿色生活方式", "提升垃圾资源化利用水平"],
        situation: &[
            "{a}日均产生生活垃圾约{c:300-900}吨，近年来以年均{n:4-8}%的速度增长。",
            "自推行生活垃圾分类以来，{w}已有{c:300-900}个小区实施分类投放，但居民分类准确率仅为{n:40-60}%。",
        ],
        problems: &[
            "部分居民垃圾分类意识不强，“混投混放”现象普遍。",
            "“前端分类、后端混运”问题时有发生，挫伤了居民分类积极性。",
            "厨余垃圾、可回收物等处理设施能力不足，资源化利用率不高。",
            "垃圾分类督导主要依靠志愿者和物业，缺乏长效机制。",
            "垃圾分类激励约束措施不健全，对不分类行为缺乏有效约束。",
        ],
        suggestions: &[
            "推行“定时定点”投放和“撤桶并点”，配备督导员开展桶边指导。",
            "完善分类收集、分类运输、分类处理全链条体系，杜绝混装混运。",
            "加快建设厨余垃圾处理和可回收物分拣中心，提升资源化利用能力。",
            "推广积分兑换等激励措施，将垃圾分类纳入文明小区、文明家庭评选。",
            "开展垃圾分类进学校、进社区、进机关活动，从娃娃抓起培养分类习惯。",
        ],
        units: &["城市管理局", "生态环境局"],
        work: &[
            "{me}持续推进生活垃圾分类，今年以来新增分类示范小区{c:30-90}个，配备分类运输车辆{c:20-60}辆，厨余垃圾日处理能力达到{c:50-200}吨。",
            "{me}已在{c:100-300}个小区推行“定时定点”投放，{a}生活垃圾回收利用率提高到{n:35-45}%。",
        ],
        plan: &[
            "健全分类投放、收集、运输、处理全链条体系，杜绝“混装混运”",
            "加快末端处理设施建设，完善激励约束机制，推动居民养成分类习惯",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Rural,
        field: "水土保持",
        verbs: &["加强", "进一步加强", "加快推进", "统筹推进"],
        objects: &["水土流失综合治理", "水土保持生态建设", "坡耕地水土流失治理"],
        tails: &["筑牢生态安全屏障", "促进生态改善和农民增收"],
        situation: &[
            "{a}现有水土流失面积约{c:200-600}平方公里，占国土面积的{n:15-30}%，以坡耕地和荒山荒坡水土流失为主。",
            "近年来，{w}持续推进水土流失综合治理，水土保持率逐年提高，但局部地区水土流失问题仍然突出。",
        ],
        problems: &[
            "坡耕地比例较高，顺坡耕作普遍，雨季水土流失严重。",
            "部分生产建设项目水土保持措施落实不到位，“未批先建”现象时有发生。",
            "水土保持治理投入渠道单一，主要依靠国家项目，地方配套资金不足。",
            "已建水土保持设施管护责任不明确，部分设施损毁后得不到及时修复。",
        ],
        suggestions: &[
            "实施坡耕地综合治理，推广坡改梯、等高种植和植物篱等措施。",
            "加强生产建设项目水土保持监管，运用遥感监测开展全覆盖动态监管。",
            "整合农业、林业、水利等项目资金，以小流域为单元推进综合治理。",
            "将水土保持与特色产业发展相结合，发展经果林和生态农业。",
            "明确水土保持设施管护主体，落实管护经费。",
        ],
        units: &["水利局", "农业农村委员会", "规划和自然资源局"],
        work: &[
            "{me}持续推进水土流失综合治理，今年以来完成水土流失治理面积{c:15-50}平方公里，实施生态清洁小流域建设{c:1-4}个。",
            "{me}已运用遥感监测对生产建设项目开展全覆盖监管，查处水土保持违法违规项目{c:10-30}个，水土保持率提高到{d:75-85}%。",
        ],
        plan: &[
            "以小流域为单元推进水土流失综合治理，加强坡耕地治理和生态清洁小流域建设",
            "强化生产建设项目水土保持监管，落实治理设施管护责任",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Rural,
        field: "农村人居环境",
        verbs: &["加快推进", "统筹推进", "扎实推进", "加强"],
        objects: &["农村生活污水治理", "农村生活污水处理设施建设和运维", "农村人居环境整治提升"],
        tails: &["建设宜居宜业和美乡村", "改善农村生态环境"],
        situation: &[
            "{a}农村生活污水治理率约为{n:40-60}%，已建成农村污水处理设施{c:100-300}座。",
            "近年来，{w}农村人居环境持续改善，但农村生活污水治理仍是突出短板。",
        ],
        problems: &[
            "部分已建污水处理设施因管网不配套、进水量不足，处于“晒太阳”状态。",
            "设施运行维护经费不足，专业运维力量缺乏，部分设施建成后长期停运。",
            "农村居住分散，管网建设成本高，集中处理模式难以全面推广。",
            "农户改厕与污水治理衔接不够，厕所粪污处理不到位。",
        ],
        suggestions: &[
            "因地制宜选择治理模式，集中居住区建设集中处理设施，分散农户推广资源化利用。",
            "开展已建设施排查整改，对“晒太阳”设施限期补齐管网。",
            "建立“专业运维+村级管护”机制，将运维经费纳入财政预算。",
            "统筹推进农村改厕和生活污水治理，实现粪污无害化处理和资源化利用。",
            "建设农村污水处理设施在线监控平台，实现运行状况实时监测。",
        ],
        units: &["生态环境局", "农业农村委员会", "住房和城乡建设委员会"],
        work: &[
            "{me}持续推进农村生活污水治理，今年以来新建和提升改造农村污水处理设施{c:20-60}座，新增配套管网{c:50-150}公里，农村生活污水治理率提高到{n:55-70}%。",
            "{me}已完成{c:100-300}座农村污水处理设施排查，整改问题设施{c:20-60}座，并推行第三方专业运维。",
        ],
        plan: &[
            "因地制宜推进农村生活污水治理，补齐已建设施配套管网短板",
            "健全专业化运维机制，统筹推进农村改厕与污水治理",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Only(&[
            "万州区", "涪陵区", "丰都县", "忠县", "云阳县", "奉节县", "巫山县", "开州区",
            "长寿区", "石柱土家族自治县",
        ]),
        field: "三峡库区生态保护",
        verbs: &["加强", "进一步加强", "系统推进", "加快推进"],
        objects: &["三峡库区消落带治理", "三峡库区消落带生态修复", "库区消落带保护和综合治理"],
        tails: &["守护一库碧水", "筑牢长江上游重要生态屏障"],
        situation: &[
            "{w}地处三峡库区，库区岸线长约{c:100-300}公里，消落带面积约{c:20-60}平方公里。",
            "三峡水库蓄水后，{w}沿江形成了落差达30米的消落带，消落带生态环境问题逐渐显现。",
        ],
        problems: &[
            "消落带植被稀少，土壤侵蚀严重，部分岸段出现塌岸现象。",
            "部分群众在消落带违规耕种，化肥农药随水入库，造成面源污染。",
            "消落带垃圾、漂浮物在退水后滞留，影响库区水质和景观。",
            "消落带治理技术尚不成熟，适生植物筛选和推广不足。",
            "消落带管理涉及水利、生态环境、自然资源等多个部门，管理职责交叉。",
        ],
        suggestions: &[
            "开展消落带适生植物筛选和种植，推广“林泽”“基塘”等生态修复模式。",
            "严禁在消落带违规耕种，引导群众发展生态友好型产业。",
            "建立消落带垃圾和漂浮物常态化清理机制，落实属地管理责任。",
            "加强与科研院所合作，开展消落带治理技术攻关。",
            "明确消落带管理职责，建立多部门协同管理机制。",
        ],
        units: &["生态环境局", "水利局", "规划和自然资源局"],
        work: &[
            "{me}持续推进三峡库区消落带治理，今年以来完成消落带生态修复{c:2000-6000}亩，清理漂浮物{c:2000-8000}吨，整治违规耕种问题{c:20-60}处。",
            "{me}已与科研院所合作建设消落带生态修复示范区{c:1-3}个，筛选推广适生植物{n:10-20}种。",
        ],
        plan: &[
            "推广消落带生态修复模式，持续开展违规耕种整治和漂浮物清理",
            "加强治理技术攻关，健全消落带多部门协同管理机制",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Rural,
        field: "生态修复",
        verbs: &["加快推进", "统筹推进", "加强", "系统推进"],
        objects: &["历史遗留废弃矿山生态修复", "废弃矿山综合治理和生态修复", "矿山生态修复和土地复垦"],
        tails: &["还绿于山、还景于民", "推动生态修复与产业发展相结合"],
        situation: &[
            "{a}现有历史遗留废弃矿山{c:30-120}处，损毁土地面积约{c:1000-4000}亩，主要为采石、采煤等形成的矿坑和渣场。",
            "近年来，{w}持续推进废弃矿山生态修复，但历史遗留问题多、治理难度大，修复任务依然繁重。",
        ],
        problems: &[
            "部分废弃矿山存在崩塌、滑坡等地质灾害隐患，威胁周边群众安全。",
            "生态修复资金需求大，主要依靠财政投入，社会资本参与不足。",
            "部分修复项目重复绿、轻功能，修复后土地利用率低。",
            "修复后管护不到位，植被成活率不高，存在“边修复、边退化”现象。",
        ],
        suggestions: &[
            "开展废弃矿山全面排查，建立问题台账，按照“一矿一策”分类治理。",
            "探索“生态修复+产业导入”模式，通过修复后土地开发利用吸引社会资本参与。",
            "将修复后的土地用于补充耕地、光伏发电、文旅康养等，提高利用效益。",
            "建立修复项目后期管护机制，明确管护期限和责任。",
        ],
        units: &["规划和自然资源局", "生态环境局"],
        work: &[
            "{me}持续推进历史遗留废弃矿山生态修复，今年以来完成修复治理{c:5-20}处、面积{c:300-1200}亩，消除地质灾害隐患{c:3-10}处。",
            "{me}已探索“生态修复+产业导入”模式，吸引社会资本投入{k:1000-5000}元，修复后土地用于补充耕地、发展特色种植等。",
        ],
        plan: &[
            "按照“一矿一策”推进废弃矿山分类治理，优先消除安全隐患",
            "推广“生态修复+产业导入”模式，建立修复后管护机制",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Chongqing,
        field: "城市绿化",
        verbs: &["推进", "加快推进", "持续推进", "统筹推进"],
        objects: &["坡坎崖绿化美化和口袋公园建设", "城市“金角银边”绿化提升", "社区口袋公园建设"],
        tails: &["让市民推窗见绿、出门进园", "打造山水公园城市"],
        situation: &[
            "{w}城区地形起伏大，存在大量坡坎崖和边角地，近年来已建成口袋公园{c:20-60}个、完成坡坎崖绿化美化{c:10-40}处。",
            "{a}城区人均公园绿地面积为{d:12-16}平方米，但老城区绿地分布不均，部分社区居民步行15分钟范围内没有公园。",
        ],
        problems: &[
            "老城区用地紧张，大型公园绿地难以新增，居民就近休闲空间不足。",
            "部分坡坎崖长期荒废，杂草丛生、垃圾堆积，既影响市容又存在安全隐患。",
            "已建口袋公园设计同质化，适老适儿设施不足，使用率不高。",
            "绿化后期养护经费不足，部分绿地建成后出现荒废。",
        ],
        suggestions: &[
            "全面摸排城区坡坎崖、边角地和闲置地块，建立资源台账，分批实施绿化美化。",
            "坚持“小而美、小而精”，结合社区需求建设口袋公园，增加休憩、健身、儿童游乐等功能。",
            "鼓励居民参与口袋公园设计和认养，推动共建共治共享。",
            "落实绿地养护经费，推行专业化养护，建立养护质量考核机制。",
        ],
        units: &["城市管理局", "住房和城乡建设委员会", "规划和自然资源局"],
        work: &[
            "{me}持续推进城市绿化提升，今年以来新建口袋公园{c:5-20}个、完成坡坎崖绿化美化{k:10-30}平方米，新增公园绿地{k:5-20}平方米。",
            "{me}已建立城区边角地资源台账，梳理可绿化地块{c:50-150}处，并推行绿地专业化养护，养护质量考核结果与经费挂钩。",
        ],
        plan: &[
            "分批实施坡坎崖绿化美化和口袋公园建设，完善适老适儿设施",
            "推动居民参与绿地共建共管，健全专业化养护和考核机制",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Rural,
        field: "农业农村生态环境",
        verbs: &["加强", "加快推进", "进一步加强", "系统推进"],
        objects: &["农业面源污染防治", "畜禽养殖废弃物资源化利用", "化肥农药减量增效"],
        tails: &["推动农业绿色发展", "守护土壤和水体环境安全"],
        situation: &[
            "{a}年化肥施用量约{c:8000-20000}吨、农药使用量约{c:200-600}吨，畜禽规模养殖场{c:100-300}家，农业面源污染防治任务较重。",
            "近年来，{w}化肥农药使用量实现负增长，但农业面源污染仍是影响流域水质的重要因素。",
        ],
        problems: &[
            "化肥利用率仅为{n:38-42}%，过量施肥导致氮磷流失，影响河流水质。",
            "部分中小养殖场粪污处理设施简陋，雨季粪污直排现象时有发生。",
            "农膜、农药包装废弃物回收体系不健全，“白色污染”问题突出。",
            "有机肥推广成本高，农民使用积极性不高。",
        ],
        suggestions: &[
            "推广测土配方施肥、水肥一体化和绿色防控技术，推动化肥农药减量增效。",
            "支持中小养殖场粪污处理设施改造，推广种养结合模式，提高粪污资源化利用率。",
            "建立农膜和农药包装废弃物回收网络，对回收企业给予补贴。",
            "对农民使用有机肥给予补贴，培育有机肥生产企业。",
            "建设农业面源污染监测网络，开展重点流域面源污染监测评估。",
        ],
        units: &["农业农村委员会", "生态环境局"],
        work: &[
            "{me}持续推进农业面源污染防治，今年以来推广测土配方施肥{k:20-60}亩，实施绿色防控{k:10-30}亩，畜禽粪污综合利用率达到{n:80-90}%。",
            "{me}已建成农膜和农药包装废弃物回收网点{c:50-150}个，回收农药包装废弃物{c:20-60}吨，对{c:30-90}家中小养殖场粪污处理设施进行改造。",
        ],
        plan: &[
            "深入推进化肥农药减量增效，扩大有机肥替代和绿色防控覆盖面",
            "完善畜禽粪污资源化利用和农业废弃物回收体系，加强面源污染监测",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Any,
        field: "大气污染防治",
        verbs: &["加强", "进一步加强", "深入推进", "持续加强"],
        objects: &["建筑工地和道路扬尘污染治理", "大气污染精细化防治", "城市扬尘污染综合治理"],
        tails: &["守护蓝天白云", "持续改善空气质量"],
        situation: &[
            "去年{a}空气质量优良天数为{n:310-340}天，PM2.5平均浓度为{n:28-38}微克/立方米，扬尘是颗粒物污染的重要来源之一。",
            "随着城市建设加快，{w}在建工地和渣土运输量明显增加，扬尘污染问题群众反映较多。",
        ],
        problems: &[
            "部分建筑工地未严格落实围挡、覆盖、冲洗等扬尘防治措施。",
            "渣土运输车辆沿途撒漏、带泥上路现象较为普遍。",
            "道路清扫保洁机械化率不高，部分道路积尘严重。",
            "扬尘污染监管手段以人工巡查为主，在线监测覆盖面不足。",
        ],
        suggestions: &[
            "严格落实建筑工地扬尘防治“六个百分之百”要求，对违规工地依法处罚并纳入信用管理。",
            "推广新型环保渣土运输车辆，实行渣土运输全过程监管。",
            "提高道路机械化清扫率，增加重点路段洒水保洁频次。",
            "在规模以上工地安装扬尘在线监测和视频监控设备，实现实时监管。",
        ],
        units: &["生态环境局", "住房和城乡建设委员会", "城市管理局"],
        work: &[
            "{me}持续推进扬尘污染治理，今年以来检查建筑工地{c:300-900}个次，督促整改扬尘问题{c:100-300}个，{c:50-150}个规模以上工地安装扬尘在线监测设备。",
            "{me}会同住建、城管部门加强渣土运输监管，查处渣土车违规行为{c:100-400}起，城区道路机械化清扫率提高到{n:85-95}%。",
        ],
        plan: &[
            "严格落实工地扬尘防治措施，加强渣土运输全过程监管",
            "扩大扬尘在线监测覆盖面，提升道路清扫保洁水平，持续改善空气质量",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Chongqing,
        field: "长江禁渔",
        verbs: &["巩固", "持续巩固", "进一步巩固", "巩固拓展"],
        objects: &["长江十年禁渔成果", "长江禁捕退捕成效", "长江流域禁渔和水生生物保护成果"],
        tails: &["守护长江生物多样性", "助力退捕渔民稳定增收"],
        situation: &[
            "长江十年禁渔实施以来，{w}共退捕渔船{c:100-400}艘、转产安置退捕渔民{c:200-700}人，长江水生生物资源逐步恢复。",
            "近年来，{w}禁渔水域监测到的鱼类种类明显增加，但非法捕捞、违规垂钓等问题仍时有发生。",
        ],
        problems: &[
            "禁渔水域岸线长、点多面广，执法力量不足，夜间和偏远水域监管存在盲区。",
            "部分垂钓者使用多线多钩、可视锚鱼等违规钓具，对鱼类资源造成破坏。",
            "部分退捕渔民年龄偏大、技能单一，转产就业稳定性不高。",
            "非法渔获物交易链条隐蔽，市场和餐饮环节监管难度大。",
        ],
        suggestions: &[
            "加强渔政执法队伍建设，推广视频监控、无人机巡查等技防手段，实现禁渔水域全天候监管。",
            "规范休闲垂钓管理，明确禁钓区和允许使用的钓具标准。",
            "加强退捕渔民技能培训和就业帮扶，落实养老保险等社会保障政策。",
            "开展市场和餐饮环节专项整治，斩断非法渔获物交易链条。",
            "招募护渔员参与巡护，发动群众举报非法捕捞行为。",
        ],
        units: &["农业农村委员会", "公安局", "市场监督管理局"],
        work: &[
            "{me}持续巩固长江禁渔成果，今年以来开展联合执法行动{c:50-150}次，查处非法捕捞案件{c:10-40}起，安装视频监控设备{c:20-60}套。",
            "{me}已为{c:200-600}名退捕渔民落实养老保险，组织技能培训{c:100-300}人次，有就业意愿的退捕渔民实现应帮尽帮。",
        ],
        plan: &[
            "强化禁渔水域全天候监管，规范休闲垂钓管理，严厉打击非法捕捞",
            "持续做好退捕渔民转产就业和社会保障，巩固禁渔成效",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Rural,
        field: "森林资源保护",
        verbs: &["加强", "进一步加强", "全面加强", "切实做好"],
        objects: &["森林防灭火工作", "林长制落实和森林资源保护", "森林火灾防控能力建设"],
        tails: &["守护绿水青山", "保障森林资源安全"],
        situation: &[
            "{a}森林面积约{k:30-100}亩，森林覆盖率达到{n:48-60}%，森林防火任务繁重。",
            "近年来，{w}持续高温干旱天气增多，森林火险等级居高不下，森林防灭火形势严峻。",
        ],
        problems: &[
            "部分林区防火通道、隔离带、取水点等基础设施不完善。",
            "农村祭祀用火、农事用火管控难，野外违规用火时有发生。",
            "专业扑火队伍力量不足，基层半专业扑火队装备简陋。",
            "森林火情监测预警手段以人工瞭望为主，智能监测覆盖率低。",
        ],
        suggestions: &[
            "加强林区防火通道、生物防火隔离带和取水点建设。",
            "落实林长制网格化管护责任，加强重点时段野外用火管控。",
            "加强专业和半专业扑火队伍建设，配齐配强扑火装备。",
            "建设森林火情智能监测预警系统，实现重点林区监测全覆盖。",
        ],
        units: &["规划和自然资源局", "应急管理局"],
        work: &[
            "{me}持续加强森林防灭火工作，今年以来新建防火通道{c:20-60}公里、生物防火隔离带{c:10-40}公里，落实各级林长{c:300-900}名、护林员{c:300-1000}名。",
            "{me}已建成森林火情视频监控点{c:20-60}个，组建半专业扑火队{c:10-30}支，今年以来未发生重大森林火灾。",
        ],
        plan: &[
            "完善林区防火基础设施，落实林长制网格化管护责任",
            "推进森林火情智能监测预警建设，加强扑火队伍和装备建设",
        ],
    },
    Topic {
        category: ECOLOGY,
        fit: Fit::Any,
        field: "防灾减灾",
        verbs: &["加强", "进一步加强", "扎实推进", "切实做好"],
        objects: &["山洪和地质灾害防治工作", "地质灾害隐患点监测预警", "汛期山洪地质灾害防范应对"],
        tails: &["切实保障人民群众生命财产安全", "提升基层防灾减灾能力"],
        situation: &[
            "{w}地质条件复杂，现有地质灾害隐患点{c:200-600}处，威胁群众{k:1-4}人。",
            "近年来，极端强降雨天气明显增多，{w}山洪、滑坡、泥石流等灾害呈多发频发态势，防灾减灾形势严峻。",
        ],
        problems: &[
            "部分隐患点监测设备老化，专业监测覆盖率仅为{n:40-60}%，群测群防仍以人工巡查为主。",
            "基层群测群防员年龄偏大、专业知识不足，补助标准偏低，工作积极性不高。",
            "山洪预警信息发布“最后一公里”不畅，部分偏远村组群众难以及时接收预警。",
            "避险搬迁任务重、资金缺口大，部分受威胁群众故土难离，搬迁意愿不强。",
            "基层应急演练针对性不强，群众自救互救意识和能力有待提高。",
        ],
        suggestions: &[
            "加快推进地质灾害隐患点专业监测设备全覆盖，构建“人防+技防”监测预警体系。",
            "提高群测群防员补助标准，定期开展业务培训，配备必要的监测和通信设备。",
            "完善山洪灾害预警发布机制，综合运用应急广播、短信、铜锣等方式，确保预警信息直达村组和个人。",
            "加大避险搬迁资金投入，统筹避险搬迁与乡村振兴、城镇建设，做到搬得出、稳得住。",
            "常态化开展“人员转移避险”实战演练，提升群众自救互救能力。",
        ],
        units: &["规划和自然资源局", "应急管理局", "水利局"],
        work: &[
            "{me}持续加强地质灾害防治，今年以来新增地质灾害专业监测点{c:40-120}处，完成工程治理{c:5-15}处，实施避险搬迁{c:100-300}户。",
            "{me}已落实群测群防员{c:200-600}名，汛期开展隐患排查{n:3-6}轮，组织应急避险演练{c:60-180}场次。",
        ],
        plan: &[
            "加快推进隐患点专业监测全覆盖，完善预警信息发布和人员转移避险机制",
            "提高群测群防员保障水平，统筹推进工程治理和避险搬迁",
        ],
    },
    // ---------------------------------------------------------------- 其他
    Topic {
        category: OTHER,
        fit: Fit::Only(&[
            "石柱土家族自治县",
            "秀山土家族苗族自治县",
            "酉阳土家族苗族自治县",
            "彭水苗族土家族自治县",
            "黔江区",
        ]),
        field: "民族",
        verbs: &["加强", "推进", "做好", "统筹推进"],
        objects: &["少数民族特色村寨保护与发展", "民族地区特色文化保护传承", "铸牢中华民族共同体意识宣传教育"],
        tails: &["促进各民族交往交流交融", "推动民族地区高质量发展"],
        situation: &[
            "{a}少数民族人口约{k:20-50}人，已命名少数民族特色村寨{c:5-20}个，土家族、苗族等民族文化资源丰富。",
            "近年来，{w}深入开展民族团结进步创建，民族地区经济社会发展取得显著成效，但特色村寨保护和发展仍面临不少困难。",
        ],
        problems: &[
            "部分特色村寨传统吊脚楼年久失修，新建房屋风貌与传统风格不协调。",
            "民族传统技艺、民歌、舞蹈等传承人老龄化，年轻人传承意愿不强。",
            "特色村寨产业支撑不足，乡村旅游产品同质化，群众增收渠道有限。",
            "民族团结进步宣传教育形式单一，“进村入户”覆盖面不够。",
        ],
        suggestions: &[
            "制定特色村寨保护发展规划，实施传统民居保护修缮和风貌管控。",
            "支持民族传统技艺传承人带徒授艺，推动民族文化进校园、进景区。",
            "依托民族文化资源发展特色旅游、民族手工艺和生态农业，拓宽群众增收渠道。",
            "创新民族团结进步宣传教育方式，打造一批民族团结进步示范点。",
        ],
        units: &["文化和旅游发展委员会", "农业农村委员会", "住房和城乡建设委员会"],
        work: &[
            "{me}持续推进少数民族特色村寨保护与发展，今年以来支持{c:3-10}个特色村寨实施风貌改造和基础设施提升，组织民族文化展演活动{c:10-30}场次。",
            "{me}已扶持民族传统手工艺工坊{c:3-10}个，带动{c:200-600}名群众就业增收，打造民族团结进步示范点{c:5-15}个。",
        ],
        plan: &[
            "加强特色村寨风貌保护和基础设施建设，推动民族文化与旅游融合",
            "深化民族团结进步创建，促进各民族广泛交往交流交融",
        ],
    },
    Topic {
        category: OTHER,
        fit: Fit::Any,
        field: "侨务",
        verbs: &["充分发挥", "更好发挥", "进一步发挥"],
        objects: &["侨务资源优势助力招商引资", "海外侨胞和归侨侨眷作用", "侨资侨智服务地方发展作用"],
        tails: &["凝聚侨心侨力", "助力高水平对外开放"],
        situation: &[
            "{a}现有归侨侨眷约{k:1-4}人，海外侨胞分布在{n:30-60}个国家和地区，侨务资源较为丰富。",
            "近年来，{w}通过侨务渠道引进项目{c:5-20}个、到位资金{k:20000-80000}元，侨务工作在服务发展中的作用日益凸显。",
        ],
        problems: &[
            "侨务资源底数不够清晰，海外侨胞、侨商信息库建设滞后。",
            "引侨资、聚侨智的政策措施不够系统，对侨商投资的服务保障有待加强。",
            "与海外侨团的联系渠道单一，新生代华侨华人联谊工作相对薄弱。",
            "归侨侨眷权益保护工作力量不足，涉侨纠纷调处机制不健全。",
        ],
        suggestions: &[
            "开展侨情调查，建立海外侨胞、侨商和侨界专业人才信息库。",
            "制定引侨资、聚侨智专项政策，为侨商投资提供“一对一”服务。",
            "加强与海外侨团、华文学校的联系，开展新生代华侨华人寻根联谊活动。",
            "建立涉侨纠纷调解机制，依法维护归侨侨眷合法权益。",
        ],
        units: &["商务委员会"],
        work: &[
            "{me}积极发挥侨务资源优势，今年以来通过侨务渠道举办招商推介活动{c:2-6}场，对接侨资项目{c:3-12}个，协议投资{k:10000-50000}元。",
            "{me}已会同侨联开展侨情调查，建立侨商信息库，收录侨商和侨界人才信息{c:100-400}条。",
        ],
        plan: &[
            "健全侨商服务机制，拓展以侨引资、以侨引智渠道",
            "加强与海外侨团和新生代华侨华人的联系，依法维护归侨侨眷权益",
        ],
    },
    Topic {
        category: OTHER,
        fit: Fit::Any,
        field: "宗教活动场所安全管理",
        verbs: &["加强", "进一步加强", "切实加强", "全面加强"],
        objects: &["宗教活动场所消防安全管理", "宗教活动场所安全隐患排查整治", "宗教活动场所规范化管理"],
        tails: &["筑牢宗教领域安全防线", "保障信教群众生命财产安全"],
        situation: &[
            "{a}现有依法登记的宗教活动场所{c:20-80}处，其中不少是木结构古建筑，消防安全风险较高。",
            "宗教活动场所人员密集、香火使用频繁，{w}部分场所消防安全隐患较为突出。",
        ],
        problems: &[
            "部分宗教活动场所位于偏远山区，消防车难以到达，消防水源不足。",
            "场所内香烛燃放、电气线路老化等问题较为普遍，火灾风险大。",
            "宗教教职人员和管理人员消防安全意识不强，应急处置能力不足。",
            "重大宗教节日期间人流量大，安全管理压力明显增加。",
        ],
        suggestions: &[
            "对宗教活动场所开展消防安全隐患全面排查，建立隐患整改台账。",
            "为偏远场所配备消防水池、微型消防站和灭火器材，实施电气线路改造。",
            "加强宗教教职人员消防安全培训，每年组织应急疏散演练。",
            "制定重大宗教节日安全保障预案，落实人流管控和安全巡查措施。",
        ],
        units: &["应急管理局", "住房和城乡建设委员会"],
        work: &[
            "{me}会同相关部门开展宗教活动场所安全隐患排查整治，今年以来检查场所{c:20-80}处次，督促整改隐患{c:30-100}处，为{c:5-20}处偏远场所配备微型消防站。",
            "{me}已组织宗教活动场所消防安全培训{c:3-10}场次，指导场所开展应急疏散演练，重大宗教节日期间未发生安全事故。",
        ],
        plan: &[
            "持续开展宗教活动场所安全隐患排查整治，完善偏远场所消防设施",
            "加强教职人员安全培训，落实重大节日安全保障措施",
        ],
    },
    Topic {
        category: OTHER,
        fit: Fit::Any,
        field: "对台交流合作",
        verbs: &["深化", "进一步深化", "加强", "持续加强"],
        objects: &["对台经贸文化交流合作", "对台青年交流合作", "对台基层交流交往"],
        tails: &["促进两岸融合发展", "增进两岸同胞亲情福祉"],
        situation: &[
            "{a}现有台资企业{c:5-30}家，累计投资额约{k:20000-100000}元，近年来两岸交流交往持续推进。",
            "近年来，{w}积极搭建两岸交流合作平台，举办各类交流活动{c:5-15}场次，但交流合作的广度和深度仍有待拓展。",
        ],
        problems: &[
            "台资企业规模总体偏小，产业集聚度不高，与本地产业链协同不够。",
            "支持台胞台企的政策措施落实不够到位，台胞在就业、创业、生活等方面仍有不便。",
            "两岸青年交流活动形式单一，参与面不广，实效性有待提高。",
            "对台交流平台和载体不多，缺乏有影响力的品牌活动。",
        ],
        suggestions: &[
            "落实惠台利民政策，为台胞台企提供与本地居民、企业同等待遇。",
            "建设台湾青年创业就业基地，为台湾青年提供实习、就业、创业支持。",
            "打造两岸文化交流品牌活动，推动两岸基层社区、宗亲、行业组织对口交流。",
            "引导台资企业融入本地产业链，支持台资企业转型升级。",
        ],
        units: &["商务委员会", "文化和旅游发展委员会"],
        work: &[
            "{me}积极服务台资企业发展，今年以来走访台资企业{c:5-30}家次，协调解决企业困难问题{c:5-20}个，落实惠台政策资金{k:100-500}元。",
            "{me}已会同相关部门举办两岸经贸文化交流活动{c:3-8}场次，邀请台湾同胞{c:50-200}人次参加交流。",
        ],
        plan: &[
            "持续落实惠台利民政策，做好台资企业服务保障",
            "打造两岸交流品牌活动，推动两岸青年和基层交流走深走实",
        ],
    },
    Topic {
        category: OTHER,
        fit: Fit::Any,
        field: "退役军人服务保障",
        verbs: &["加强", "进一步加强", "持续做好", "扎实做好"],
        objects: &["退役军人就业创业服务", "退役军人服务保障工作", "双拥共建工作"],
        tails: &["让军人成为全社会尊崇的职业", "巩固军政军民团结"],
        situation: &[
            "{a}现有退役军人{k:1-4}人，每年新接收退役士兵{c:200-600}人，退役军人服务保障任务较重。",
            "近年来，{w}退役军人服务中心（站）实现全覆盖，但退役军人就业创业、困难帮扶等方面仍存在短板。",
        ],
        problems: &[
            "部分退役军人学历层次不高、专业技能单一，就业竞争力不强。",
            "适应性培训和职业技能培训针对性不够，培训后就业转化率不高。",
            "基层退役军人服务站工作人员多为兼职，服务能力参差不齐。",
            "部分老年退役军人和伤病残退役军人生活困难，帮扶援助机制有待完善。",
        ],
        suggestions: &[
            "开展“订单式”“定向式”技能培训，提高退役军人就业竞争力。",
            "拓宽退役军人就业渠道，举办退役军人专场招聘会，鼓励国有企业优先招录。",
            "加大退役军人创业扶持力度，提供创业担保贷款和孵化服务。",
            "加强基层退役军人服务站建设，配备专职工作人员。",
            "完善困难退役军人帮扶援助机制，落实优抚对象各项待遇。",
        ],
        units: &["退役军人事务局", "人力资源和社会保障局"],
        work: &[
            "{me}持续做好退役军人就业创业服务，今年以来举办专场招聘会{c:3-10}场，提供岗位{c:500-2000}个，开展技能培训{c:200-600}人次，帮助{c:100-400}名退役军人实现就业。",
            "{me}已为{c:100-300}名困难退役军人提供帮扶援助，{a}退役军人服务站全部完成规范化建设。",
        ],
        plan: &[
            "开展订单式技能培训，拓宽退役军人就业创业渠道",
            "加强基层退役军人服务站建设，完善困难帮扶援助机制",
        ],
    },
];

#[cfg(test)]
mod tests {
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
        for (i, t) in TOPICS.iter().enumerate() {
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
        let titles: HashSet<&str> = TOPICS.iter().map(|t| t.objects[0]).collect();
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
        for (i, t) in TOPICS.iter().enumerate() {
            let place = places().into_iter().find(|p| Place::of(p).suits(t.fit));
            assert!(place.is_some(), "topic {i} suits no place");
        }
    }

    #[test]
    fn a_season_has_distinct_titles() {
        for place in ["渝中区", "重庆市", "石柱土家族自治县"] {
            let titles: HashSet<String> =
                (0..1200).map(|s| proposal_text(s, place).title).collect();
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
}
