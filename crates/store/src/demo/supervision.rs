//! Demo 民主监督: a dozen topics in the city (two in its first district) at
//! every stage, with activities, opinions, rectification plans and results
//! on realistic subjects. Each topic is built in memory through the rules
//! (`domain::supervision`) on a back-dated clock and written once.

use domain::calendar::WorkCalendar;
use domain::refusal::Reason;
use domain::supervision::{
    self, Action, Activity, ActivityKind, Context, Form, Source, Stage, Topic, TopicText, Who,
};
use domain::tracking::{Answer, AnswerClass, AssignmentPlan, TrackingAction};
use domain::{CommitteeId, MemberId, OrgId, TopicId, UnitId, UserId};
use sea_query::{Expr, Iden, Query};
use time::Duration;

use super::Scale;
use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::{SupervisionTopics, Users};

/// One demo topic: its words, how far it goes, and the steps' texts.
struct Script {
    title: &'static str,
    background: &'static str,
    form: Form,
    activity: (ActivityKind, &'static str, &'static str, &'static str),
    opinion: (&'static str, &'static str),
    plan: &'static str,
    result: &'static str,
    evidence: &'static str,
    stage: Stage,
    /// For 整改中: 0 plan awaited, 1 plan submitted, 2 results awaited
    /// (overdue), 3 results awaited (on time).
    detail: u8,
}

const SCRIPTS: [Script; 12] = [
    Script {
        title: "长江流域生态保护和岸线整治情况专项监督",
        background: "围绕长江十年禁渔、岸线违规堆场清理和入河排污口整治，检查各区落实情况。",
        form: Form::Inspection,
        activity: (ActivityKind::Inspection, "沿江岸线实地视察", "江北区、南岸区沿江岸线", "仍有三处砂石堆场未按期清理，两处入河排污口标识不全，个别码头岸电使用率不高。"),
        opinion: ("关于加快长江岸线违规堆场清理的监督意见", "建议市交通局会同沿江各区于三个月内完成违规堆场清理，建立岸线常态巡查台账，并向社会公开整治进度。"),
        plan: "一、五月底前完成三处堆场清理；二、建立每周巡查台账；三、每月在门户网站公开进度。",
        result: "三处堆场已全部清理并复绿，巡查台账运行两个月，整治进度按月公开。",
        evidence: "整治前后对比照片18张，区交通局验收记录，门户网站公开栏目截图",
        stage: Stage::Closed,
        detail: 0,
    },
    Script {
        title: "养老服务设施建设和运营情况民主监督",
        background: "聚焦社区养老服务站建成后使用率低、运营难以为继的问题，推动补贴方式和运营模式改进。",
        form: Form::Research,
        activity: (ActivityKind::Research, "社区养老服务站专题调研", "渝中区、九龙坡区12个社区", "约三分之一的服务站日均服务不足10人次，补贴按床位发放，专业护理人员流失严重。"),
        opinion: ("关于改进社区养老服务站补贴和运营方式的监督意见", "建议市民政局将床位补贴改为按服务人次补贴，引入品牌连锁机构运营，建立护理人员岗位补贴。"),
        plan: "一、六月底前出台按服务人次补贴办法；二、年内引入3家连锁运营机构；三、试点护理员岗位补贴。",
        result: "补贴办法已印发，两家连锁机构接管28个站点，试点岗位补贴惠及护理员310人。",
        evidence: "市民政局补贴办法文件，运营协议清单，岗位补贴发放名册",
        stage: Stage::Closed,
        detail: 0,
    },
    Script {
        title: "优化营商环境政策落实情况监督",
        background: "跟踪涉企审批“一件事一次办”和惠企政策免申即享落实情况，回应企业反映的堵点。",
        form: Form::Appraisal,
        activity: (ActivityKind::Appraisal, "政务服务中心民主评议", "市政务服务中心", "部分事项仍需线下补交纸质材料，惠企政策兑现平均用时46天，企业对兑现时限满意度不高。"),
        opinion: ("关于压减惠企政策兑现时限的监督意见", "建议市发展改革委牵头梳理惠企政策清单，将兑现时限压减至20个工作日以内，扩大免申即享范围。"),
        plan: "一、梳理政策清单并公布；二、兑现时限压减至20个工作日；三、新增30项免申即享事项。",
        result: "已公布政策清单132项，兑现平均用时降至17个工作日，新增免申即享事项34项。",
        evidence: "政策清单公布截图，兑现时限统计报表",
        stage: Stage::Rechecking,
        detail: 0,
    },
    Script {
        title: "农村饮水安全巩固提升工程监督",
        background: "检查农村集中供水工程水质达标、管网延伸和冬季保供情况，回应群众反映的季节性缺水。",
        form: Form::Inspection,
        activity: (ActivityKind::Inspection, "农村供水工程视察", "涪陵区、武隆区8个乡镇", "部分山区水厂消毒设备闲置，旱季有4个村需送水，水质检测频次不足。"),
        opinion: ("关于加强农村供水水质检测和旱季保供的监督意见", "建议市水利局督促区县落实水厂消毒设备运行，旱季前完成管网联通和应急水源建设。"),
        plan: "一、全面检修消毒设备；二、年内完成4个村管网联通；三、水质检测按月覆盖。",
        result: "",
        evidence: "",
        stage: Stage::Rectifying,
        detail: 2,
    },
    Script {
        title: "城区学位供给和学校建设项目监督",
        background: "跟踪新建小区配套学校建设进度，缓解新城区学位紧张。",
        form: Form::Special,
        activity: (ActivityKind::Research, "新城区学位供需调研", "两江新区、西部科学城", "三所配套学校建设滞后一年以上，部分学校大班额超过55人。"),
        opinion: ("关于加快新城区配套学校建设的监督意见", "建议市教委会同规划部门建立配套学校与住宅同步交付机制，对滞后项目挂牌督办。"),
        plan: "一、三所滞后学校挂牌督办；二、出台同步交付办法。",
        result: "",
        evidence: "",
        stage: Stage::Rectifying,
        detail: 1,
    },
    Script {
        title: "提案办理工作民主评议：交通领域重点提案",
        background: "对市交通局办理轨道交通接驳、农村公路养护等重点提案的情况开展评议。",
        form: Form::ProposalHandling,
        activity: (ActivityKind::Appraisal, "重点提案办理情况评议会", "市政协机关", "个别答复“列入计划”后缺少时间表，提案人对农村公路养护答复满意度偏低。"),
        opinion: ("关于提高交通领域提案答复落实度的监督意见", "建议对B类答复逐项明确时间表并按季度向提案人反馈进展。"),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Rectifying,
        detail: 0,
    },
    Script {
        title: "食品安全“两个责任”落实情况监督",
        background: "围绕校园食堂和农贸市场食品安全，检查属地管理责任和企业主体责任落实。",
        form: Form::Inspection,
        activity: (ActivityKind::Inspection, "校园食堂食品安全视察", "沙坪坝区15所中小学", "部分食堂明厨亮灶未联网，供餐企业索证索票记录不完整。"),
        opinion: ("关于完善校园食堂明厨亮灶联网的监督意见", "建议市市场监管局年内实现中小学食堂明厨亮灶全部联网，并开展供餐企业专项检查。"),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Drafting,
        detail: 0,
    },
    Script {
        title: "城市老旧小区改造质量监督",
        background: "关注老旧小区改造中加装电梯、管网更新和居民意见征集情况。",
        form: Form::Research,
        activity: (ActivityKind::Forum, "老旧小区改造居民座谈", "大渡口区3个改造小区", "居民反映雨污分流施工后路面恢复质量差，加装电梯协商难。"),
        opinion: ("关于提升老旧小区改造质量的监督意见", "建议市住房城乡建委建立改造项目居民验收环节。"),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Drafting,
        detail: 0,
    },
    Script {
        title: "中小微企业融资支持政策落实情况监督",
        background: "了解普惠小微贷款、政府性融资担保政策在区县的落实效果。",
        form: Form::Research,
        activity: (ActivityKind::Research, "小微企业融资座谈调研", "永川区、璧山区", "首贷难问题仍然突出，担保费率降低后部分担保机构业务意愿下降。"),
        opinion: ("", ""),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Active,
        detail: 0,
    },
    Script {
        title: "城乡居民医保待遇落实和基层医疗服务监督",
        background: "检查基层医疗机构药品配备、医保报销便利度和家庭医生签约服务质量。",
        form: Form::Inspection,
        activity: (ActivityKind::Inspection, "乡镇卫生院视察", "綦江区5个乡镇卫生院", "慢病常用药品配备不全，异地就医备案仍需线下办理。"),
        opinion: ("", ""),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Active,
        detail: 0,
    },
    Script {
        title: "城市内涝治理和排水设施建设监督",
        background: "根据市城市管理局邀请，对主城区易涝点整治和排水管网改造开展监督。",
        form: Form::Special,
        activity: (ActivityKind::Inspection, "", "", ""),
        opinion: ("", ""),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Planned,
        detail: 0,
    },
    Script {
        title: "社情民意反映的农村寄递物流服务问题监督",
        background: "由社情民意信息反映的快递进村“最后一公里”收费和网点覆盖问题立项监督。",
        form: Form::OpinionInfo,
        activity: (ActivityKind::Research, "", "", ""),
        opinion: ("", ""),
        plan: "",
        result: "",
        evidence: "",
        stage: Stage::Planned,
        detail: 0,
    },
];

/// The first demo account of a role in the organisation: its unit or member.
pub(super) async fn demo_account(
    db: &Db,
    org: OrgId,
    role: &str,
    column: Users,
) -> Result<Option<i64>> {
    let row = db
        .optional(
            &Query::select()
                .column(column)
                .from(Users::Table)
                .and_where(Expr::col(Users::Role).eq(role))
                .and_where(Expr::col(Users::OrgId).eq(org.0))
                .and_where(Expr::col(column).is_not_null())
                .order_by(Users::Id, sea_query::Order::Asc)
                .limit(1)
                .to_owned(),
        )
        .await?;
    row.map(|r| crate::db::get::<i64>(&r, &column.to_string()))
        .transpose()
}

fn reason(text: &str) -> Result<Reason> {
    Reason::parse(text, "说明").map_err(StoreError::Other)
}

/// Loads the demo topics; returns how many.
pub(super) async fn load(db: &Db, now: i64, scale: Scale, orgs: &[Org]) -> Result<usize> {
    let Some(city) = orgs.first() else {
        return Ok(0);
    };
    let count = if scale == Scale::Small {
        3
    } else {
        SCRIPTS.len()
    };
    let staff = super::proposals::staff_account(db).await?;
    let mut written = 0;
    for (i, script) in SCRIPTS.iter().take(count).enumerate() {
        // The last two go to the first district, so a city user sees districts.
        let org = if i >= 10 {
            orgs.get(1).unwrap_or(city)
        } else {
            city
        };
        let committees = crate::supervision::committees_of(db, org.id).await?;
        let units = crate::proposal::units_of(db, org.id).await?;
        let members = super::proposals::members_of(db, org.id, 6).await?;
        let (Some((committee, _)), false, false) = (
            committees.get(i % committees.len().max(1)),
            units.is_empty(),
            members.len() < 3,
        ) else {
            continue;
        };
        // The city's topics go to the demo clerk's unit and include the demo
        // member, so both see them when they sign in.
        let unit = match demo_account(db, org.id, "unit_clerk", Users::UnitId).await? {
            Some(u) => UnitId(u),
            None => units[i % units.len()].0,
        };
        let mut members = members;
        if let Some(m) = demo_account(db, org.id, "member", Users::MemberId).await? {
            members.retain(|x| x.0 != m);
            members.insert(0, MemberId(m));
        }
        let topic = build(script, org.id, *committee, &members, unit, staff, now, i)?;
        write(db, now, &topic).await?;
        written += 1;
    }
    Ok(written)
}

#[allow(clippy::too_many_arguments)]
fn build(
    s: &Script,
    org: OrgId,
    committee: CommitteeId,
    members: &[MemberId],
    unit: UnitId,
    staff: UserId,
    now: i64,
    index: usize,
) -> Result<(Topic, Vec<supervision::Transition>)> {
    let staff_who = Who {
        user: Some(staff),
        staff: true,
        ..Who::default()
    };
    let unit_who = Who {
        unit: Some(unit),
        ..Who::default()
    };
    let today = crate::clock::local_date(now);
    let calendar = WorkCalendar::default();
    let policy = supervision::default_policy();
    let source = match index {
        10 => Source::Invitation {
            department: "市城市管理局".into(),
        },
        _ => Source::AnnualPlan,
    };
    let mut topic = supervision::create(
        TopicId(0),
        org,
        today.year(),
        TopicText {
            title: s.title.into(),
            background: s.background.into(),
        },
        source,
        s.form,
        committee,
        members[..3].to_vec(),
        &staff_who,
    )
    .map_err(StoreError::Refused)?;
    let mut history = Vec::new();
    // Closed and re-checked topics started long ago; the overdue one so
    // that its results are past due today.
    let start = match (s.stage, s.detail) {
        (Stage::Closed | Stage::Rechecking, _) => 200,
        (Stage::Rectifying, 2) => 150,
        _ => 40,
    };
    let step = |topic: &mut Topic,
                history: &mut Vec<supervision::Transition>,
                action: Action,
                who: &Who,
                days_ago: i64|
     -> Result<()> {
        let ctx = Context {
            at: now - days_ago * 86_400,
            today: today - Duration::days(days_ago),
            calendar: &calendar,
            policy: &policy,
        };
        let applied = supervision::apply(topic, &action, who, &ctx).map_err(StoreError::Refused)?;
        *topic = applied.next;
        history.push(applied.transition);
        Ok(())
    };
    if s.stage == Stage::Planned {
        return Ok((topic, history));
    }
    let (kind, title, place, findings) = s.activity;
    let activity = Activity {
        seq: 0,
        kind,
        title: title.into(),
        start: today - Duration::days(start + 2),
        end: today - Duration::days(start),
        place: place.into(),
        participants: members[..2].to_vec(),
        others: Some("相关部门负责同志、专家代表".into()),
        findings: findings.into(),
        recorded_by: staff,
    };
    step(
        &mut topic,
        &mut history,
        Action::RecordActivity { activity },
        &staff_who,
        start,
    )?;
    if s.stage == Stage::Active {
        return Ok((topic, history));
    }
    let (title, text) = s.opinion;
    let draft = Action::DraftOpinion {
        title: title.into(),
        text: text.into(),
    };
    step(&mut topic, &mut history, draft, &staff_who, start - 5)?;
    if s.stage == Stage::Drafting {
        return Ok((topic, history));
    }
    let send = Action::SendOpinion {
        opinion: 1,
        plan: AssignmentPlan::single(unit),
    };
    step(&mut topic, &mut history, send, &staff_who, start - 10)?;
    if s.stage == Stage::Rectifying && s.detail == 0 {
        return Ok((topic, history));
    }
    let plan = Action::DraftPlan {
        opinion: 1,
        unit,
        plan: Answer {
            class: AnswerClass::B,
            document_no: Some(format!("渝整改〔{}〕{}号", today.year(), 10 + index)),
            signed_by: "王建国".into(),
            contact_person: "李敏".into(),
            contact_phone: "023-63890000".into(),
            text: s.plan.into(),
        },
    };
    step(&mut topic, &mut history, plan, &unit_who, start - 20)?;
    let submit = Action::Track {
        opinion: 1,
        step: TrackingAction::SubmitAnswer { unit },
    };
    step(&mut topic, &mut history, submit, &unit_who, start - 21)?;
    if s.stage == Stage::Rectifying && s.detail == 1 {
        return Ok((topic, history));
    }
    let accept = Action::Track {
        opinion: 1,
        step: TrackingAction::Accept {
            unit,
            class: None,
            reason: None,
        },
    };
    step(&mut topic, &mut history, accept, &staff_who, start - 25)?;
    if s.stage == Stage::Rectifying {
        return Ok((topic, history));
    }
    let results = Action::RecordResults {
        opinion: 1,
        unit,
        result: reason(s.result)?,
        evidence: reason(s.evidence)?,
    };
    step(&mut topic, &mut history, results, &unit_who, start - 100)?;
    step(
        &mut topic,
        &mut history,
        Action::StartRecheck,
        &staff_who,
        start - 110,
    )?;
    if s.stage == Stage::Rechecking {
        return Ok((topic, history));
    }
    if index == 0 {
        // The first closed topic was reopened once at its re-check.
        let reopen = Action::Reopen {
            opinion: 1,
            unit,
            until: today - Duration::days(start - 150),
            reason: reason("回头看发现一处堆场复堆，须重新整改")?,
        };
        step(&mut topic, &mut history, reopen, &staff_who, start - 112)?;
        let again = Action::RecordResults {
            opinion: 1,
            unit,
            result: reason("复堆点位已清理并设置围挡，纳入每周巡查。")?,
            evidence: reason("整改前后照片、巡查记录")?,
        };
        step(&mut topic, &mut history, again, &unit_who, start - 140)?;
        step(
            &mut topic,
            &mut history,
            Action::StartRecheck,
            &staff_who,
            start - 145,
        )?;
    }
    let close = Action::Close {
        conclusion: reason("回头看确认整改到位，同意办结")?,
    };
    step(&mut topic, &mut history, close, &staff_who, start - 160)?;
    Ok((topic, history))
}

/// Writes a built topic: the row, then the record, projection and history.
async fn write(db: &Db, now: i64, built: &(Topic, Vec<supervision::Transition>)) -> Result<()> {
    let (topic, history) = built;
    let system = crate::audit::Who {
        user_id: None,
        login: "demo".into(),
        ip: "local".into(),
    };
    let mut tx = db.write().await?;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(SupervisionTopics::Table)
                .columns([
                    SupervisionTopics::OrgId,
                    SupervisionTopics::Year,
                    SupervisionTopics::Stage,
                    SupervisionTopics::CommitteeId,
                    SupervisionTopics::Aggregate,
                    SupervisionTopics::CreatedAt,
                    SupervisionTopics::UpdatedAt,
                ])
                .values_panic([
                    topic.org.0.into(),
                    i64::from(topic.year).into(),
                    topic.stage.code().into(),
                    topic.committee.0.into(),
                    "{}".into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(SupervisionTopics::Id)
                .to_owned(),
        )
        .await?;
    let mut topic = topic.clone();
    topic.id = TopicId(id);
    crate::supervision::write_record(&mut tx, now, &topic, None).await?;
    crate::supervision::history_row(
        &mut tx,
        history.first().map_or(now, |t| t.at - 86_400),
        &system,
        id,
        "create",
        "",
        "planned",
        None,
        "",
        &topic.text.title,
    )
    .await?;
    for t in history {
        let step = t.step.as_ref().map(|s| s.kind().code()).unwrap_or_default();
        crate::supervision::history_row(
            &mut tx,
            t.at,
            &system,
            id,
            t.kind.code(),
            t.from.code(),
            t.to.code(),
            t.opinion,
            step,
            &t.comment.clone().unwrap_or_default(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_builds_through_the_rules_to_its_stage() {
        let now = 1_780_000_000;
        let members = [MemberId(1), MemberId(2), MemberId(3)];
        let mut stages = std::collections::HashSet::new();
        for (i, s) in SCRIPTS.iter().enumerate() {
            let (topic, history) = build(
                s,
                OrgId(1),
                CommitteeId(1),
                &members,
                UnitId(2),
                UserId(1),
                now,
                i,
            )
            .unwrap_or_else(|e| panic!("{}: {e}", s.title));
            assert_eq!(topic.stage, s.stage, "{}", s.title);
            assert_eq!(history.len() as u64 + 1, topic.version);
            stages.insert(topic.stage);
        }
        assert_eq!(stages.len(), Stage::ALL.len(), "every stage is shown");
        // One 整改中 topic's results are overdue today.
        let today = crate::clock::local_date(now);
        let policy = supervision::default_policy();
        let (overdue, _) = build(
            &SCRIPTS[3],
            OrgId(1),
            CommitteeId(1),
            &members,
            UnitId(2),
            UserId(1),
            now,
            3,
        )
        .unwrap();
        assert_eq!(
            overdue.warning(today, &policy),
            Some(domain::tracking::Warning::Overdue)
        );
    }
}
