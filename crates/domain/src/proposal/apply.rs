//! The one transition function of the proposal machine ([`apply`]), the
//! start of a draft ([`create`]), and who may take each action.

use super::action::{Action, ActionKind as K, Actor, Applied, Context, Relation, Transition, Who};
use super::{steps, Proposal, Proposer, Stage};
use crate::refusal::Refusal;
use crate::tracking::{Tracking, TrackingActionKind as T};
use crate::{OrgId, ProposalId, TermId};

/// Applies `action` by `who` to `proposal`. On success the caller stores
/// `next` (checking `version` for concurrent changes) and appends
/// `transition` to the history. Nothing else may change a proposal's stage.
pub fn apply(
    proposal: &Proposal,
    action: &Action,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let relation = authorise(proposal, action, who)?;
    let mut next = proposal.clone();
    let assignments = match action {
        Action::Track(step) => steps::track(&mut next, step, relation, who, ctx)?,
        _ => {
            steps::apply_step(&mut next, action, relation, ctx)?;
            Vec::new()
        }
    };
    next.version += 1;
    Ok(Applied {
        transition: Transition {
            from: Some(proposal.stage),
            to: next.stage,
            action: action.clone(),
            actor: Actor {
                user: who.user,
                relation,
            },
            at: ctx.at,
            comment: action.comment(),
            assignments,
        },
        next,
    })
}

/// Starts a draft. A member proposes in their own name; a collective
/// proposal is drafted by the body's staff account (the caller checks that
/// the account speaks for that body).
pub fn create(
    id: ProposalId,
    org: OrgId,
    term: TermId,
    year: i32,
    proposer: Proposer,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let Some(account) = who.user else {
        return Err(Refusal::not_permitted("请先登录后再起草提案"));
    };
    match &proposer {
        Proposer::Member(member) if who.member != Some(*member) => {
            return Err(Refusal::not_permitted("只能以本人名义提出提案"));
        }
        Proposer::Body { name, .. } if name.trim().is_empty() || name.chars().count() > 60 => {
            return Err(Refusal::invalid("请填写提案单位名称（60字以内）"));
        }
        _ => {}
    }
    let next = Proposal {
        id,
        org,
        term,
        year,
        proposer: proposer.clone(),
        author_account: account,
        cosigners: Vec::new(),
        cosign_deadline: None,
        stage: Stage::Draft,
        number: None,
        merged_into: None,
        converted_to: None,
        not_filed_reason: None,
        key: None,
        excellent: false,
        tracking: Tracking::default(),
        version: 0,
    };
    Ok(Applied {
        next,
        transition: Transition {
            from: None,
            to: Stage::Draft,
            action: Action::Create { proposer },
            actor: Actor {
                user: who.user,
                relation: Relation::Author,
            },
            at: ctx.at,
            comment: None,
            assignments: Vec::new(),
        },
    })
}

/// The relation under which `who` may take this kind of action on this
/// proposal, or why not.
fn authorise(p: &Proposal, action: &Action, who: &Who) -> Result<Relation, Refusal> {
    let kind = action.kind();
    let author = p.is_author(who).then_some(Relation::Author);
    let staff = who.proposal_staff.then_some(Relation::ProposalStaff);
    let system = who.user.is_none().then_some(Relation::System);
    let unit = who.unit.map(Relation::Unit);
    let cosigner = who
        .member
        .filter(|m| p.cosigners.iter().any(|c| c.member == *m))
        .map(Relation::Cosigner);
    let rater = p.rater_for(who).and(author.or(cosigner));
    let staff_only = || format!("只有提案委员会工作人员可以{}", kind.label());
    let (relation, refusal) = match kind {
        K::Create => return Err(Refusal::wrong_state("提案已经建立")),
        K::EditDraft | K::InviteCosigners | K::Submit => {
            (author, format!("只有提案人可以{}", kind.label()))
        }
        K::ConfirmCosign | K::DeclineCosign => {
            (cosigner, "您不在本提案的联名邀请名单中".to_string())
        }
        K::CloseCosigning => (system, "联名征集由系统按期限自动截止".to_string()),
        K::Withdraw => (author.or(staff), "只有提案人可以撤案".to_string()),
        K::StartReview
        | K::File
        | K::Decline
        | K::Merge
        | K::Convert
        | K::SendBack
        | K::MarkKey
        | K::UnmarkKey
        | K::SetExcellent => (staff, staff_only()),
        K::RecordSupervision => (
            staff.or(who.leader.then_some(Relation::Leader)),
            "只有提案委员会工作人员或领导可以记录督办".to_string(),
        ),
        K::Track(step) => match step {
            T::Assign
            | T::AddUnit
            | T::Withdraw
            | T::Extend
            | T::SendBack
            | T::Accept
            | T::Rehandle
            | T::ReopenFollowUp => (staff, staff_only()),
            T::Return | T::RecordContact | T::SendViews | T::DraftAnswer | T::SubmitAnswer => {
                (unit, format!("只有被交办的承办单位可以{}", kind.label()))
            }
            T::RecordFollowUp => (
                unit.or(staff),
                "只有承办单位或提案委员会工作人员可以记录跟踪办理结果".to_string(),
            ),
            T::Rate => (rater.or(staff), "只有提案人可以评价".to_string()),
            T::Close => (staff.or(system), staff_only()),
        },
    };
    relation.ok_or_else(|| Refusal::not_permitted(refusal))
}
