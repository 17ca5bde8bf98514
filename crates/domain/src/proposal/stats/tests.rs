//! The statistics of a hand-built season, checked against numbers worked out
//! by hand from the definitions in the module comment.

use time::macros::date;

use super::*;
use crate::proposal::tests::{
    answered, assigned, author, content, cosigner_a, joint_draft, rate, reason, staff, submitted,
    World, AUTHOR_M, A_M, TERM, U1, U2, YEAR,
};
use crate::proposal::{create, Action, BodyKind, DeclineReason, Proposer};
use crate::tracking::{AnswerClass, Rater, Satisfaction};

const SOCIAL: &str = "社会建设";
const ECONOMY: &str = "经济建设";
const YUZHONG: OrgId = OrgId(7);
const JIANGBEI: OrgId = OrgId(8);
/// Four weeks after the answers of the March assignments were due (2 June).
const LATE: Date = date!(2026 - 07 - 01);

fn input(id: i64, org: OrgId, category: &str, mut proposal: Proposal) -> StatsInput {
    proposal.id = ProposalId(id);
    StatsInput {
        org,
        org_name: if org == YUZHONG {
            "渝中区"
        } else {
            "江北区"
        }
        .to_string(),
        category: category.to_string(),
        title: format!("第{id}件提案"),
        // Odd proposals come from 经济界 members, even ones from 教育界,
        // except the 7th, whose member has no sector filled in.
        sector: match id {
            7 => None,
            id if id % 2 == 1 => Some(MemberSector {
                id: SectorId(11),
                name: "经济界".into(),
            }),
            _ => Some(MemberSector {
                id: SectorId(12),
                name: "教育界".into(),
            }),
        },
        proposal,
    }
}

/// An individual proposal (no co-signers), submitted and under review.
fn individual(w: &World) -> Proposal {
    let p = create(
        ProposalId(1),
        OrgId(1),
        TERM,
        YEAR,
        Proposer::Member(AUTHOR_M),
        &author(),
        &w.ctx(),
    )
    .unwrap()
    .next;
    let p = w.step(&p, Action::Submit { content: content() }, author());
    w.step(&p, Action::StartReview, staff())
}

/// Seven proposals in two districts:
/// 1. 渝中, 社会: answered A on time, rated 满意 and 基本满意;
/// 2. 渝中, 经济: answered C late, rated 不满意;
/// 3. 江北, 社会: assigned, never answered, overdue;
/// 4. 江北, 经济: individual, declined;
/// 5. 江北, 经济: withdrawn after submission;
/// 6. 江北, 经济: a draft (not counted);
/// 7. 江北, 经济: individual, under review.
fn season() -> Vec<StatsInput> {
    let w = World::new();
    let mut late = World::new();
    late.today = LATE;
    let p1 = answered(&w, &assigned(&w), AnswerClass::A);
    let p1 = w.step(
        &p1,
        rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Satisfied),
        author(),
    );
    let p1 = w.step(
        &p1,
        rate(U1, Rater::Member(A_M), Satisfaction::BasicallySatisfied),
        cosigner_a(),
    );
    let p2 = answered(&late, &assigned(&w), AnswerClass::C);
    let p2 = late.step(
        &p2,
        rate(U1, Rater::Member(AUTHOR_M), Satisfaction::Dissatisfied),
        author(),
    );
    let p4 = w.step(
        &individual(&w),
        Action::Decline {
            reason: DeclineReason::OutsideScope,
            detail: None,
        },
        staff(),
    );
    let p5 = w.step(
        &submitted(&w),
        Action::Withdraw {
            reason: reason("另行反映"),
        },
        author(),
    );
    vec![
        input(1, YUZHONG, SOCIAL, p1),
        input(2, YUZHONG, ECONOMY, p2),
        input(3, JIANGBEI, SOCIAL, assigned(&w)),
        input(4, JIANGBEI, ECONOMY, p4),
        input(5, JIANGBEI, ECONOMY, p5),
        input(6, JIANGBEI, ECONOMY, joint_draft(&w)),
        input(7, JIANGBEI, ECONOMY, individual(&w)),
    ]
}

fn unit_name(unit: UnitId) -> String {
    format!("单位{unit}")
}

fn row<'a>(rows: &'a [Row], key: &str) -> &'a Tally {
    &rows.iter().find(|r| r.key == key).unwrap().tally
}

#[test]
fn rates_are_rational_and_print_with_one_decimal() {
    assert_eq!(Rate::new(1, 3).to_string(), "33.3%");
    assert_eq!(Rate::new(2, 3).to_string(), "66.7%");
    assert_eq!(Rate::new(1, 16).to_string(), "6.3%", "halves round up");
    assert_eq!(Rate::new(5, 5).to_string(), "100.0%");
    assert_eq!(Rate::new(0, 4).to_string(), "0.0%");
    assert_eq!(Rate::new(0, 0).to_string(), "—");
    assert_eq!(Rate::new(0, 0).per_mille(), None);
}

#[test]
fn only_staff_and_leaders_see_statistics() {
    let allowed: Vec<Role> = Role::ALL.into_iter().filter(|r| may_view(*r)).collect();
    assert_eq!(allowed, [Role::Staff, Role::Leader]);
}

#[test]
fn totals_follow_the_definitions() {
    let stats = compute(&season(), LATE, unit_name);
    let t = &stats.totals;
    assert_eq!(t.proposals, 6, "the draft is not counted");
    assert_eq!(t.stage(Stage::Draft), 0);
    assert_eq!(t.stage(Stage::Withdrawn), 1);
    assert_eq!(t.stage(Stage::NotFiled), 1);
    assert_eq!(t.stage(Stage::UnderReview), 1);
    assert_eq!(t.stage(Stage::Rating), 2);
    assert_eq!(t.stage(Stage::Assigned), 1);
    assert_eq!((t.submitted, t.filed), (5, 3), "the withdrawn one is out");
    assert_eq!(t.filing_rate().to_string(), "60.0%");
    assert_eq!(t.assignments, 6, "lead and co-unit on each of three");
    assert_eq!((t.on_time, t.answered), (1, 2));
    assert_eq!(t.on_time_rate().to_string(), "50.0%");
    assert_eq!(t.class_count(AnswerClass::A), 1);
    assert_eq!(t.class_count(AnswerClass::B), 0);
    assert_eq!(t.class_count(AnswerClass::C), 1);
    assert_eq!(t.class_share(AnswerClass::A).to_string(), "50.0%");
    assert_eq!((t.satisfied, t.ratings), (2, 3));
    assert_eq!(t.satisfaction_rate().to_string(), "66.7%");
    assert_eq!(t.overdue, 1);
}

#[test]
fn the_overdue_list_names_the_unit_and_the_days_late() {
    let stats = compute(&season(), LATE, unit_name);
    assert_eq!(
        stats.overdue.len(),
        1,
        "co-units and answered units are not overdue"
    );
    let o = &stats.overdue[0];
    assert_eq!((o.proposal, o.unit), (ProposalId(3), U1));
    assert_eq!(o.unit_name, "单位1");
    assert_eq!((o.due, o.days_late), (date!(2026 - 06 - 02), 29));
    assert_eq!(o.org_name, "江北区");
    // On the due day itself nothing is overdue yet.
    assert!(compute(&season(), o.due, unit_name).overdue.is_empty());
}

#[test]
fn breakdowns_by_category_org_kind_and_unit() {
    let stats = compute(&season(), LATE, unit_name);
    let social = row(&stats.by_category, SOCIAL);
    assert_eq!(social.filing_rate().to_string(), "100.0%");
    let economy = row(&stats.by_category, ECONOMY);
    assert_eq!(
        (economy.proposals, economy.submitted, economy.filed),
        (4, 3, 1)
    );
    assert_eq!(economy.filing_rate().to_string(), "33.3%");
    assert_eq!(stats.by_category[0].label, ECONOMY, "largest first");

    let yuzhong = row(&stats.by_org, "7");
    assert_eq!(yuzhong.filing_rate().to_string(), "100.0%");
    assert_eq!(yuzhong.satisfaction_rate().to_string(), "66.7%");
    let jiangbei = row(&stats.by_org, "8");
    assert_eq!(jiangbei.filing_rate().to_string(), "33.3%");
    assert_eq!(jiangbei.satisfaction_rate().to_string(), "—");
    assert_eq!(jiangbei.overdue, 1);

    let labels: Vec<&str> = stats.by_kind.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["个人提案", "联名提案", "集体提案"]);
    assert_eq!(
        row(&stats.by_kind, "joint").filing_rate().to_string(),
        "100.0%"
    );
    assert_eq!(
        row(&stats.by_kind, "individual").filing_rate().to_string(),
        "0.0%"
    );
    assert_eq!(
        row(&stats.by_kind, "collective").filing_rate().to_string(),
        "—"
    );

    let lead = row(&stats.by_unit, "1");
    assert_eq!(
        (lead.proposals, lead.answered, lead.on_time, lead.overdue),
        (3, 2, 1, 1)
    );
    assert_eq!(lead.satisfaction_rate().to_string(), "66.7%");
    let co = row(&stats.by_unit, &U2.0.to_string());
    assert_eq!((co.proposals, co.assignments, co.answered), (3, 3, 0));
    assert_eq!(
        co.on_time_rate().to_string(),
        "—",
        "会办 units do not answer"
    );
    assert_eq!(
        stats.by_unit.iter().find(|r| r.key == "1").unwrap().label,
        "单位1"
    );
}

#[test]
fn nothing_to_count_gives_dashes_not_errors() {
    let stats = compute(&[], LATE, unit_name);
    assert_eq!(stats.totals, Tally::default());
    assert_eq!(stats.totals.filing_rate().to_string(), "—");
    assert_eq!(stats.by_kind.len(), 3);
    assert!(stats.by_category.is_empty() && stats.overdue.is_empty());
}

#[test]
fn breakdown_by_sector_of_the_initiating_member() {
    let stats = compute(&season(), LATE, unit_name);
    // 经济界: 1 (filed, A on time, 满意+基本满意), 3 (filed, overdue),
    // 5 (withdrawn); 教育界: 2 (filed, C late, 不满意), 4 (declined),
    // 6 (draft, not counted); 未填界别: 7 (under review).
    let keys: Vec<&str> = stats.by_sector.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["11", "12", SECTOR_NONE], "largest first");
    let economy = row(&stats.by_sector, "11");
    assert_eq!(
        (economy.proposals, economy.submitted, economy.filed),
        (3, 2, 2)
    );
    assert_eq!(economy.filing_rate().to_string(), "100.0%");
    assert_eq!(
        (economy.on_time, economy.answered, economy.overdue),
        (1, 1, 1)
    );
    assert_eq!(economy.satisfaction_rate().to_string(), "100.0%");
    let education = row(&stats.by_sector, "12");
    assert_eq!(
        (education.proposals, education.submitted, education.filed),
        (2, 2, 1)
    );
    assert_eq!(education.filing_rate().to_string(), "50.0%");
    assert_eq!(education.class_count(AnswerClass::C), 1);
    assert_eq!(education.satisfaction_rate().to_string(), "0.0%");
    let none = &stats.by_sector[2];
    assert_eq!((none.label.as_str(), none.tally.proposals), ("未填界别", 1));
    assert_eq!(stats.by_sector[0].label, "经济界");
    let sum: u64 = stats.by_sector.iter().map(|r| r.tally.proposals).sum();
    assert_eq!(
        sum, stats.totals.proposals,
        "every counted proposal in one row"
    );
}

#[test]
fn collective_proposals_count_under_their_own_sector_row() {
    let w = World::new();
    let mut records = season();
    let mut body = individual(&w);
    body.proposer = Proposer::Body {
        kind: BodyKind::DemocraticParty,
        name: "民盟重庆市委会".into(),
    };
    // Whatever member facts came along, a body's proposal is 集体提案.
    records.push(input(9, YUZHONG, SOCIAL, body));
    let stats = compute(&records, LATE, unit_name);
    let row = stats
        .by_sector
        .iter()
        .find(|r| r.key == SECTOR_COLLECTIVE)
        .unwrap();
    assert_eq!((row.label.as_str(), row.tally.proposals), ("集体提案", 1));
    assert_eq!(row.tally.submitted, 1);
    assert_eq!(row_count(&stats.by_sector, "11"), 3, "经济界 unchanged");
}

fn row_count(rows: &[Row], key: &str) -> u64 {
    row(rows, key).proposals
}
