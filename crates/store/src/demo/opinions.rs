//! A believable year of 社情民意 for the city demo: about 3,300 reports
//! from the members of the city and its districts across the stages, a
//! third of the districts' adopted ones reported up to the city (its own
//! record, linked), some of the city's sent on to 全国政协 with outcomes,
//! leaders' instructions, and numbered bulletins with single and combined
//! pieces. Written with multi-row inserts (see `bulk`).

use domain::opinion::{Author, Opinion, OpinionText, Stage};
use domain::{MemberId, OpinionId, OrgId};
use sea_query::{Expr, Order, Query};

use super::bulk::{run, Batch, Lit};
use super::{Rng, Scale};
use crate::db::{get, Backend, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::Members;

/// (topic, subjects, situations, analyses, suggestions)
type Topic = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const TOPICS: &[Topic] = &[
    (
        "社会建设",
        &[
            "农村留守老人助餐服务",
            "社区养老服务站运营",
            "城区老旧小区加装电梯",
            "残疾人就业帮扶",
            "困境儿童关爱服务",
        ],
        &[
            "调研发现，部分乡镇村级服务点覆盖不足一半，服务人次逐年下降。",
            "群众反映服务点开放时间短、服务项目单一，实际使用率不高。",
            "基层工作人员普遍身兼数职，专业人员缺口较大。",
        ],
        &[
            "运营补贴按设施数量而非服务人次发放，激励不足。",
            "部门之间信息不共享，需求底数不清，资源配置错位。",
            "社会力量参与渠道不畅，政策落地“最后一公里”存在梗阻。",
        ],
        &[
            "建议按服务人次给予运营补贴，并纳入年度民生实事考核。",
            "建议建立部门数据共享机制，精准摸清需求底数。",
            "建议引入专业社会组织连锁运营，由乡镇中心辐射周边村组。",
        ],
    ),
    (
        "经济建设",
        &[
            "中小微企业融资",
            "农产品冷链物流",
            "夜间经济发展",
            "外贸企业稳订单",
            "山地特色农业品牌",
        ],
        &[
            "据部分商会反映，今年以来中小微企业订单减少、回款周期拉长。",
            "产地预冷和冷藏设施不足，农产品损耗率偏高。",
            "商圈客流恢复不均衡，部分街区空铺率上升。",
        ],
        &[
            "担保门槛较高，首贷难问题依然突出。",
            "设施建设分散，缺乏统一规划和共享机制。",
            "同质化竞争明显，特色不突出，配套服务跟不上。",
        ],
        &[
            "建议扩大政府性融资担保覆盖面，推广“信易贷”等信用融资模式。",
            "建议在重点产区布局共享冷链节点，给予用电用地支持。",
            "建议打造差异化特色街区，完善交通、停车等配套。",
        ],
    ),
    (
        "生态文明建设",
        &[
            "长江支流水质保护",
            "城乡生活垃圾分类",
            "山区地质灾害防治",
            "农村面源污染治理",
            "城市噪声扰民",
        ],
        &[
            "部分支流汛期水质波动明显，沿岸群众反映强烈。",
            "分类设施配置到位，但居民参与率和准确率不高。",
            "部分隐患点监测设备老化，预警信息到户不及时。",
        ],
        &[
            "上下游、左右岸治理责任划分不清，联防联控机制不健全。",
            "宣传引导偏重形式，收运处置环节存在“混装混运”。",
            "基层巡查力量薄弱，群测群防体系有待完善。",
        ],
        &[
            "建议建立流域横向生态补偿和联合执法机制。",
            "建议完善分类收运体系，推行积分激励办法。",
            "建议更新监测设备，畅通预警信息直达到户渠道。",
        ],
    ),
    (
        "文化建设",
        &[
            "乡村文化振兴",
            "传统村落保护",
            "公共文化场馆错时开放",
            "红色文化资源利用",
            "非遗传承人培养",
        ],
        &[
            "不少村文化室利用率低，活动内容与群众需求脱节。",
            "部分传统村落人口外流，古建筑年久失修。",
            "场馆开放时间与群众闲暇时间重叠，上班族难以参与。",
        ],
        &[
            "经费投入偏重硬件建设，内容供给和人才培养不足。",
            "保护资金来源单一，缺乏活化利用的有效路径。",
            "管理考核偏重开放天数，缺乏服务效能评价。",
        ],
        &[
            "建议推行“点单式”文化服务，培育乡土文化能人。",
            "建议探索“保护＋利用”模式，引导社会资本参与。",
            "建议推行错时延时开放，将群众满意度纳入考核。",
        ],
    ),
    (
        "政治建设",
        &[
            "基层减负",
            "政务服务“一网通办”",
            "村（社区）议事协商",
            "基层法律服务",
            "网格化治理",
        ],
        &[
            "基层干部反映各类报表、检查仍然偏多，“指尖上的形式主义”时有发生。",
            "部分事项线上办理仍需线下补材料，群众跑腿次数未明显减少。",
            "一些村（社区）议事协商流于形式，群众参与积极性不高。",
        ],
        &[
            "考核指标设置过细，上级部门数据重复采集。",
            "系统之间数据不互通，电子证照应用不充分。",
            "协商议题与群众切身利益关联不紧，结果运用缺乏反馈。",
        ],
        &[
            "建议统筹精简考核报表，建立基层数据“一次采集、多方共享”机制。",
            "建议加快电子证照互认共享，推动更多事项“一次不跑”。",
            "建议建立协商议题征集和结果反馈制度。",
        ],
    ),
];

const LEADERS: &[(&str, &str)] = &[
    ("市委主要领导", "city"),
    ("分管副市长", "city"),
    ("区委书记", "district"),
    ("区长", "district"),
    ("全国政协有关领导", "national"),
    ("省部级领导", "provincial"),
];

struct Next {
    opinion: i64,
    history: i64,
    bulletin: i64,
    piece: i64,
}

async fn next_id(db: &Db, table: &str) -> Result<i64> {
    let row = db
        .one(
            &Query::select()
                .expr(Expr::cust("COALESCE(MAX(id), 0)"))
                .from(sea_query::Alias::new(table))
                .to_owned(),
        )
        .await?;
    Ok(sqlx::Row::try_get::<i64, _>(&row, 0)? + 1)
}

struct Writer {
    opinions: Batch,
    history: Batch,
    upward: Batch,
    links: Batch,
    instructions: Batch,
    bulletins: Batch,
    pieces: Batch,
    sources: Batch,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            opinions: Batch::new(
                "opinions",
                &[
                    "id",
                    "org_id",
                    "year",
                    "stage",
                    "title",
                    "category",
                    "author_user_id",
                    "author_member_id",
                    "author_name",
                    "version",
                    "aggregate",
                    "submitted_at",
                    "created_at",
                    "updated_at",
                ],
                200,
            ),
            history: Batch::new(
                "opinion_history",
                &[
                    "id",
                    "opinion_id",
                    "at",
                    "actor_user_id",
                    "actor_login",
                    "action",
                    "from_stage",
                    "to_stage",
                    "comment",
                ],
                500,
            ),
            upward: Batch::new(
                "opinion_upward",
                &[
                    "opinion_id",
                    "to_org_id",
                    "to_opinion_id",
                    "to_name",
                    "reported_on",
                    "reported_at",
                    "actor_login",
                    "outcome",
                    "outcome_on",
                    "outcome_note",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            links: Batch::new(
                "item_links",
                &[
                    "from_kind",
                    "from_id",
                    "to_kind",
                    "to_id",
                    "relation",
                    "at",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            instructions: Batch::new(
                "opinion_instructions",
                &[
                    "opinion_id",
                    "org_id",
                    "leader",
                    "level",
                    "text",
                    "given_on",
                    "year",
                    "actor_login",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            bulletins: Batch::new(
                "opinion_bulletins",
                &[
                    "id",
                    "org_id",
                    "year",
                    "number",
                    "title",
                    "stage",
                    "issued_at",
                    "actor_login",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            pieces: Batch::new(
                "opinion_bulletin_pieces",
                &[
                    "id",
                    "bulletin_id",
                    "seq",
                    "combined",
                    "title",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            sources: Batch::new(
                "opinion_bulletin_sources",
                &[
                    "piece_id",
                    "bulletin_id",
                    "opinion_id",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
        }
    }

    async fn flush(&mut self, db: &Db) -> Result<()> {
        let mut tx = db.write().await?;
        for b in [
            &mut self.opinions,
            &mut self.history,
            &mut self.upward,
            &mut self.links,
            &mut self.instructions,
            &mut self.bulletins,
            &mut self.pieces,
            &mut self.sources,
        ] {
            run(&mut tx, &b.take()).await?;
        }
        tx.commit().await
    }
}

/// One written report: what later steps need.
struct Written {
    id: i64,
    org: i64,
    stage: Stage,
    opinion: Opinion,
    author_name: String,
}

#[allow(clippy::too_many_arguments)]
fn write_report(
    w: &mut Writer,
    next: &mut Next,
    opinion: &Opinion,
    author_name: &str,
    at: i64,
    first: (&str, Stage),
) -> Result<()> {
    let aggregate = serde_json::to_string(opinion).map_err(|e| StoreError::Other(e.to_string()))?;
    let text = opinion.current();
    let member = match opinion.author {
        Author::Member(m) => Some(m.0),
        _ => None,
    };
    w.opinions.push(&[
        opinion.id.0.into(),
        opinion.org.0.into(),
        i64::from(opinion.year).into(),
        opinion.stage.code().into(),
        text.title.as_str().into(),
        text.category.as_str().into(),
        opinion.author_account.0.into(),
        member.into(),
        author_name.into(),
        (opinion.version as i64).into(),
        aggregate.as_str().into(),
        Some(at).into(),
        at.into(),
        (at + 86_400 * 12).into(),
    ]);
    let mut row = |action: &str, from: &str, to: &str, t: i64| {
        w.history.push(&[
            next.history.into(),
            opinion.id.0.into(),
            t.into(),
            Lit::Null,
            "shiganbu".into(),
            action.into(),
            from.into(),
            to.into(),
            "".into(),
        ]);
        next.history += 1;
    };
    row(first.0, "", first.1.code(), at);
    if opinion.stage != first.1 {
        let action = match opinion.stage {
            Stage::Adopted => "adopt",
            Stage::Kept => "keep",
            Stage::SignedOff => "sign_off",
            Stage::Reviewed => "review",
            _ => "edit",
        };
        row(
            action,
            first.1.code(),
            opinion.stage.code(),
            at + 86_400 * 12,
        );
    }
    Ok(())
}

fn final_stage(rng: &mut Rng) -> Stage {
    match rng.below(100) {
        0..=9 => Stage::Submitted,
        10..=17 => Stage::Editing,
        18..=22 => Stage::Reviewed,
        23..=27 => Stage::SignedOff,
        28..=74 => Stage::Adopted,
        _ => Stage::Kept,
    }
}

/// Loads the year's reports; returns how many were written.
pub(super) async fn load(db: &Db, now: i64, scale: Scale, orgs: &[Org]) -> Result<usize> {
    if scale != Scale::City {
        return Ok(0);
    }
    let mut rng = Rng(1511);
    let year = crate::clock::local_date(now).year();
    let jan1 = now - i64::from(crate::clock::local_date(now).ordinal()) * 86_400;
    let span = (now - jan1 - 86_400 * 20).max(86_400);
    let account = super::proposals::staff_account(db).await?;
    let mut next = Next {
        opinion: next_id(db, "opinions").await?,
        history: next_id(db, "opinion_history").await?,
        bulletin: next_id(db, "opinion_bulletins").await?,
        piece: next_id(db, "opinion_bulletin_pieces").await?,
    };
    let mut w = Writer::new();
    let mut written: Vec<Written> = Vec::new();
    let root = orgs.first().map(|o| o.id).unwrap_or(OrgId(1));
    for (index, org) in orgs.iter().enumerate() {
        let place = org.short_name.trim_end_matches("政协").to_string();
        let members: Vec<(MemberId, String)> = db
            .all(
                &Query::select()
                    .columns([Members::Id, Members::Name])
                    .from(Members::Table)
                    .and_where(Expr::col(Members::OrgId).eq(org.id.0))
                    .and_where(Expr::col(Members::Active).eq(1))
                    .order_by(Members::Id, Order::Asc)
                    .limit(400)
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|r| Ok((MemberId(get(r, "id")?), get(r, "name")?)))
            .collect::<Result<_>>()?;
        if members.is_empty() {
            continue;
        }
        let count = if index == 0 { 600 } else { 60 + rng.below(30) };
        for _ in 0..count {
            let (topic, subjects, situations, analyses, suggestions) = *rng.pick(TOPICS);
            let subject = rng.pick(subjects);
            let title = match rng.below(3) {
                0 => format!("关于{place}{subject}存在短板的情况反映"),
                1 => format!("关于进一步做好{subject}工作的建议"),
                _ => format!("{place}{subject}亟待加强"),
            };
            let text = OpinionText {
                title,
                situation: format!("{}{}", place, rng.pick(situations)),
                analysis: rng.pick(analyses).to_string(),
                suggestion: rng.pick(suggestions).to_string(),
                category: topic.to_string(),
            };
            let (member, name) = rng.pick(&members).clone();
            let stage = final_stage(&mut rng);
            let id = next.opinion;
            next.opinion += 1;
            let edited = matches!(stage, Stage::Adopted | Stage::SignedOff | Stage::Reviewed)
                && rng.below(2) == 0;
            let opinion = Opinion {
                id: OpinionId(id),
                org: org.id,
                year,
                author: Author::Member(member),
                author_account: account,
                coauthors: Vec::new(),
                stage,
                original: Some(text.clone()),
                edited: edited.then(|| OpinionText {
                    title: text.title.replace("的情况反映", "的问题亟待解决"),
                    ..text.clone()
                }),
                text,
                from_proposal: None,
                reported_from: None,
                version: 3,
            };
            let at = jan1 + (rng.below(span as usize) as i64);
            write_report(
                &mut w,
                &mut next,
                &opinion,
                &name,
                at,
                ("submit", Stage::Submitted),
            )?;
            written.push(Written {
                id,
                org: org.id.0,
                stage,
                opinion,
                author_name: name,
            });
        }
        if index % 10 == 9 {
            w.flush(db).await?;
        }
    }
    // Upward: a third of the districts' adopted reports go to the city.
    let city_name = orgs.first().map(|o| o.name.clone()).unwrap_or_default();
    let mut copies = Vec::new();
    for r in written
        .iter()
        .filter(|r| r.org != root.0 && r.stage == Stage::Adopted)
    {
        if rng.below(3) != 0 {
            continue;
        }
        let id = next.opinion;
        next.opinion += 1;
        let stage = match rng.below(10) {
            0..=5 => Stage::Adopted,
            6..=7 => Stage::Kept,
            _ => Stage::Submitted,
        };
        let mut copy = r.opinion.clone();
        copy.id = OpinionId(id);
        copy.org = root;
        copy.original = Some(r.opinion.current().clone());
        copy.text = r.opinion.current().clone();
        copy.edited = None;
        copy.reported_from = Some(OpinionId(r.id));
        copy.stage = stage;
        let at = now - 86_400 * (10 + rng.below(60) as i64);
        write_report(
            &mut w,
            &mut next,
            &copy,
            &r.author_name,
            at,
            ("received_from_below", Stage::Submitted),
        )?;
        let day = crate::clock::local_date(at).to_string();
        w.upward.push(&[
            r.id.into(),
            Some(root.0).into(),
            Some(id).into(),
            city_name.as_str().into(),
            day.as_str().into(),
            at.into(),
            "quganbu".into(),
            "".into(),
            "".into(),
            "".into(),
            at.into(),
            at.into(),
        ]);
        w.links.push(&[
            "opinion".into(),
            r.id.into(),
            "opinion".into(),
            id.into(),
            "reported_to".into(),
            at.into(),
            at.into(),
            at.into(),
        ]);
        w.links.push(&[
            "opinion".into(),
            id.into(),
            "opinion".into(),
            r.id.into(),
            "reported_from".into(),
            at.into(),
            at.into(),
            at.into(),
        ]);
        copies.push(Written {
            id,
            org: root.0,
            stage,
            opinion: copy,
            author_name: r.author_name.clone(),
        });
    }
    written.extend(copies);
    // The city sends some adopted ones to 全国政协; instructions on others.
    for r in written.iter().filter(|r| r.stage == Stage::Adopted) {
        let at = now - 86_400 * (5 + rng.below(40) as i64);
        let day = crate::clock::local_date(at).to_string();
        if r.org == root.0 && rng.below(8) == 0 {
            let (outcome, note) = match rng.below(3) {
                0 => ("adopted", "全国政协《社情民意信息》刊发"),
                1 => ("not_adopted", ""),
                _ => ("", ""),
            };
            let on = if outcome.is_empty() {
                String::new()
            } else {
                day.clone()
            };
            w.upward.push(&[
                r.id.into(),
                Lit::Null,
                Lit::Null,
                "全国政协".into(),
                day.as_str().into(),
                at.into(),
                "shiganbu".into(),
                outcome.into(),
                on.as_str().into(),
                note.into(),
                at.into(),
                at.into(),
            ]);
        }
        if rng.below(12) == 0 {
            let (leader, level) = *rng.pick(LEADERS);
            let text = format!("请有关部门认真研究{}提出的问题，抓好落实。", r.author_name);
            w.instructions.push(&[
                r.id.into(),
                r.org.into(),
                leader.into(),
                level.into(),
                text.as_str().into(),
                day.as_str().into(),
                i64::from(year).into(),
                "shiganbu".into(),
                at.into(),
                at.into(),
            ]);
        }
    }
    // Bulletins: each committee's adopted reports, about six pieces an
    // issue, every fourth piece a combined one of two or three.
    for org in orgs {
        let adopted: Vec<&Written> = written
            .iter()
            .filter(|r| r.org == org.id.0 && r.stage == Stage::Adopted)
            .collect();
        let mut rest = adopted.as_slice();
        let mut number = 0;
        while rest.len() >= 3 {
            number += 1;
            let bulletin = next.bulletin;
            next.bulletin += 1;
            let at = now - 86_400 * (3 + 7 * (rest.len() as i64 % 40));
            w.bulletins.push(&[
                bulletin.into(),
                org.id.0.into(),
                i64::from(year).into(),
                number.into(),
                "".into(),
                "issued".into(),
                Some(at).into(),
                "shiganbu".into(),
                at.into(),
                at.into(),
            ]);
            for seq in 1..=6 {
                if rest.is_empty() {
                    break;
                }
                let take = if seq % 4 == 0 {
                    (2 + rng.below(2)).min(rest.len())
                } else {
                    1
                };
                let combined = take > 1;
                let piece = next.piece;
                next.piece += 1;
                let title = if combined {
                    format!(
                        "关于{}等方面群众关切的综合反映",
                        rest[0].opinion.current().category
                    )
                } else {
                    String::new()
                };
                w.pieces.push(&[
                    piece.into(),
                    bulletin.into(),
                    seq.into(),
                    i64::from(combined).into(),
                    title.as_str().into(),
                    at.into(),
                    at.into(),
                ]);
                for r in &rest[..take] {
                    w.sources.push(&[
                        piece.into(),
                        bulletin.into(),
                        r.id.into(),
                        at.into(),
                        at.into(),
                    ]);
                }
                rest = &rest[take..];
            }
        }
    }
    w.flush(db).await?;
    if db.backend() == Backend::Postgres {
        for table in [
            "opinions",
            "opinion_history",
            "opinion_upward",
            "item_links",
            "opinion_instructions",
            "opinion_bulletins",
            "opinion_bulletin_pieces",
            "opinion_bulletin_sources",
        ] {
            db.raw(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .await?;
        }
    }
    Ok(written.len())
}
