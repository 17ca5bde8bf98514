//! Demo 意见建议 and 委员来信: at city scale, a handful of the city's
//! proposals under review are converted by staff (alternately into a
//! 委员来信 and an 意见建议), and carried to different points — waiting,
//! forwarded to the demo clerk's unit, replied, and closed — through the
//! same store functions and rules as the pages. The small demo (tests)
//! keeps its proposals as they are.

use domain::letter::{LetterAction, LetterActor, LetterKind};
use domain::proposal::Stage;
use domain::tracking::{Answer, AnswerClass, AssignmentPlan};
use domain::UnitId;

use super::Scale;
use crate::audit;
use crate::db::Db;
use crate::error::Result;
use crate::org::Org;
use crate::proposal::ProposalFilter;
use crate::schema::Users;

/// How many proposals become letters.
const LETTERS: usize = 8;

const REPLIES: [&str; 4] = [
    "经研究，我局已将该事项纳入明年工作要点，拟于一季度出台实施细则，并在两个区先行试点。",
    "来信反映的问题属实。我局已会同相关区县开展专项排查，对发现的问题建立台账、限期整改。",
    "感谢委员关心。相关建议已转相关处室研究，部分措施已在今年的民生实事中落实。",
    "我们将结合“十五五”规划编制统筹考虑，适时开展调研论证，并及时向委员反馈进展。",
];

/// Loads the demo letters; returns how many.
pub(super) async fn load(db: &Db, now: i64, scale: Scale, orgs: &[Org]) -> Result<usize> {
    let Some(city) = orgs.first() else {
        return Ok(0);
    };
    if scale == Scale::Small {
        return Ok(0);
    }
    let filter = ProposalFilter {
        org: Some(city.id),
        stages: vec![Stage::UnderReview],
        ..ProposalFilter::default()
    };
    let waiting = crate::proposal::list(db, &filter, 1, LETTERS as i64).await?;
    let staff = super::proposals::staff_account(db).await?;
    let audit_who = audit::Who {
        user_id: Some(staff.0),
        login: "shiganbu".into(),
        ip: "demo".into(),
    };
    let who = domain::proposal::Who {
        user: Some(staff),
        member: None,
        unit: None,
        proposal_staff: true,
        leader: false,
    };
    let unit =
        match super::supervision::demo_account(db, city.id, "unit_clerk", Users::UnitId).await? {
            Some(u) => UnitId(u),
            None => match crate::proposal::units_of(db, city.id).await?.first() {
                Some((u, _)) => *u,
                None => return Ok(0),
            },
        };
    let mut written = 0;
    for (i, row) in waiting.rows.iter().enumerate() {
        let (kind, reason) = if i % 2 == 0 {
            (
                LetterKind::Letter,
                "内容属个案诉求，宜以委员来信方式转交相关部门办理",
            )
        } else {
            (
                LetterKind::Suggestion,
                "建议较为具体、时效性强，宜作为意见建议转有关部门参考",
            )
        };
        let id = crate::letter::convert_proposal(db, now, &audit_who, &who, row.id, kind, reason)
            .await?;
        written += 1;
        // 0: waiting to be forwarded; 1: forwarded; 2: replied; 3: closed.
        let steps = (i / 2) % 4;
        if steps >= 1 {
            let forward = LetterAction::Forward {
                plan: AssignmentPlan::single(unit),
            };
            crate::letter::act(db, now, &audit_who, LetterActor::Staff, id, forward).await?;
        }
        if steps >= 2 {
            let reply = LetterAction::Reply {
                unit,
                answer: Answer {
                    class: AnswerClass::A,
                    document_no: None,
                    signed_by: "王建国".into(),
                    contact_person: "刘敏".into(),
                    contact_phone: "023-63891234".into(),
                    text: REPLIES[i % REPLIES.len()].into(),
                },
            };
            crate::letter::act(db, now, &audit_who, LetterActor::Unit(unit), id, reply).await?;
            let accept = LetterAction::Accept { unit };
            crate::letter::act(db, now, &audit_who, LetterActor::Staff, id, accept).await?;
        }
        if steps >= 3 {
            let close = LetterAction::Close { note: None };
            crate::letter::act(db, now, &audit_who, LetterActor::Staff, id, close).await?;
        }
    }
    Ok(written)
}
