//! The one transition function ([`apply`]), the start of a report
//! ([`create`], [`convert_from_proposal`]) and who may do what.

use super::{
    Action, ActionKind as K, Applied, Author, Context, Opinion, OpinionText, Relation, Stage,
    Transition, Who,
};
use crate::refusal::Refusal;
use crate::{MemberId, OpinionId, OrgId, ProposalId, UserId};

/// Applies `action` by `who`. On success the caller stores `next` (checking
/// `version`) and appends `transition`. Nothing else changes a stage.
pub fn apply(
    opinion: &Opinion,
    action: &Action,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let kind = action.kind();
    let relation = authorise(opinion, kind, who)?;
    let from = opinion.stage;
    let wrong = || {
        Refusal::wrong_state(format!(
            "该信息当前为“{}”，不能{}",
            from.label(),
            kind.label()
        ))
    };
    let mut next = opinion.clone();
    let mut warnings = Vec::new();
    match (action, from) {
        (Action::EditDraft { text }, Stage::Draft) => {
            warnings.extend(text.length_warning(ctx.policy));
            next.text = text.clone();
        }
        (Action::Submit, Stage::Draft) => {
            warnings.extend(next.text.length_warning(ctx.policy));
            next.original = Some(next.text.clone());
            next.stage = Stage::Submitted;
        }
        (Action::Withdraw { .. }, Stage::Draft | Stage::Submitted) => {
            next.stage = Stage::Withdrawn;
        }
        (Action::Edit { text }, Stage::Submitted | Stage::Editing) => {
            warnings.extend(text.length_warning(ctx.policy));
            next.edited = Some(text.clone());
            next.stage = Stage::Editing;
        }
        (Action::Review { .. }, Stage::Submitted | Stage::Editing) => {
            next.stage = Stage::Reviewed;
        }
        (Action::SignOff, Stage::Reviewed) => next.stage = Stage::SignedOff,
        (Action::Adopt { .. }, Stage::SignedOff) => next.stage = Stage::Adopted,
        (
            Action::Keep { .. },
            Stage::Submitted | Stage::Editing | Stage::Reviewed | Stage::SignedOff,
        ) => next.stage = Stage::Kept,
        _ => return Err(wrong()),
    }
    next.version += 1;
    Ok(Applied {
        transition: Transition {
            from: Some(from),
            to: next.stage,
            kind,
            user: who.user,
            relation,
            at: ctx.at,
            comment: action.comment(),
        },
        next,
        warnings,
    })
}

/// Starts a draft. A member writes in their own name, staff in theirs, and
/// a work station's account in the station's name.
#[allow(clippy::too_many_arguments)]
pub fn create(
    id: OpinionId,
    org: OrgId,
    year: i32,
    author: Author,
    coauthors: Vec<MemberId>,
    text: OpinionText,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    let Some(account) = who.user else {
        return Err(Refusal::not_permitted("请先登录后再撰写社情民意信息"));
    };
    match &author {
        Author::Member(m) if who.member != Some(*m) => {
            return Err(Refusal::not_permitted("只能以本人名义报送社情民意信息"));
        }
        Author::Staff(u) if !who.staff || *u != account => {
            return Err(Refusal::not_permitted("只有机关工作人员可以以本人名义报送"));
        }
        Author::Station { name } | Author::Body { name }
            if name.trim().is_empty() || name.chars().count() > 60 =>
        {
            return Err(Refusal::invalid("请填写工作站名称（60字以内）"));
        }
        _ => {}
    }
    if let Author::Member(m) = author {
        if coauthors.contains(&m) {
            return Err(Refusal::invalid("联名委员中不必再列本人"));
        }
    }
    let warnings = text.length_warning(ctx.policy).into_iter().collect();
    let next = Opinion {
        id,
        org,
        year,
        author,
        author_account: account,
        coauthors,
        stage: Stage::Draft,
        text,
        original: None,
        edited: None,
        from_proposal: None,
        reported_from: None,
        version: 0,
    };
    Ok(Applied {
        next,
        transition: Transition {
            from: None,
            to: Stage::Draft,
            kind: K::Create,
            user: who.user,
            relation: Relation::Author,
            at: ctx.at,
            comment: None,
        },
        warnings,
    })
}

/// A proposal turned into a report at review (转社情民意信息), by staff: it
/// starts as submitted, in the proposer's name, with the proposal's text
/// as its original and the proposal as its provenance.
#[allow(clippy::too_many_arguments)]
pub fn convert_from_proposal(
    id: OpinionId,
    org: OrgId,
    year: i32,
    author: Author,
    author_account: UserId,
    text: OpinionText,
    proposal: ProposalId,
    reason: Option<String>,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    if !who.staff {
        return Err(Refusal::not_permitted(
            "只有机关工作人员可以将提案转为社情民意信息",
        ));
    }
    let next = Opinion {
        id,
        org,
        year,
        author,
        author_account,
        coauthors: Vec::new(),
        stage: Stage::Submitted,
        original: Some(text.clone()),
        text,
        edited: None,
        from_proposal: Some(proposal),
        reported_from: None,
        version: 0,
    };
    Ok(Applied {
        next,
        transition: Transition {
            from: None,
            to: Stage::Submitted,
            kind: K::ConvertFromProposal,
            user: who.user,
            relation: Relation::Staff,
            at: ctx.at,
            comment: reason,
        },
        warnings: Vec::new(),
    })
}

fn authorise(o: &Opinion, kind: K, who: &Who) -> Result<Relation, Refusal> {
    match kind {
        K::Create | K::ConvertFromProposal | K::ReceivedFromBelow => {
            Err(Refusal::wrong_state("该信息已经建立"))
        }
        K::ReportUpward | K::RecordNational | K::Instruct | K::Publish => Err(
            Refusal::wrong_state(format!("{}不是信息的状态变更", kind.label())),
        ),
        K::EditDraft | K::Submit | K::Withdraw => {
            if o.is_author(who) {
                Ok(Relation::Author)
            } else {
                Err(Refusal::not_permitted(format!(
                    "只有报送人可以{}",
                    kind.label()
                )))
            }
        }
        K::Edit | K::Review | K::SignOff | K::Adopt | K::Keep => {
            if who.staff {
                Ok(Relation::Staff)
            } else {
                Err(Refusal::not_permitted(format!(
                    "只有机关工作人员可以{}",
                    kind.label()
                )))
            }
        }
    }
}
