//! 转为意见建议 / 转委员来信: a proposal at review becomes a letter. In one
//! transaction the letter is created from the proposal's text (案由 as its
//! title, 情况与分析 and 建议 as its text), the proposal takes its Convert
//! step with the new id, the link is written both ways, and the members it
//! comes from are told.

use domain::letter::{Letter, LetterKind};
use domain::proposal::{self, Action, LinkedItem, Proposer};
use domain::refusal::Refusal;
use domain::{LetterId, ProposalId, SuggestionId};
use sea_query::Query;

use super::write::{history, member_accounts};
use super::KIND_LETTER;
use crate::audit::{self, Event};
use crate::db::{Db, Tx};
use crate::error::{Result, StoreError};
use crate::opinion::KIND_PROPOSAL;
use crate::proposal::Setting;
use crate::schema::{LetterMembers, Letters};

/// The proposal's link to a letter of `kind` (the proposal record names
/// the kind; the id is the letter's row either way).
pub fn linked_item(kind: LetterKind, id: i64) -> LinkedItem {
    match kind {
        LetterKind::Suggestion => LinkedItem::Suggestion(SuggestionId(id)),
        LetterKind::Letter => LinkedItem::Letter(LetterId(id)),
    }
}

/// Converts the proposal into a letter of `kind`; `reason` (转办理由) is
/// required. Returns the new letter's id. A refused step writes nothing.
pub async fn convert_proposal(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &proposal::Who,
    id: ProposalId,
    kind: LetterKind,
    reason: &str,
) -> Result<i64> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(StoreError::Refused(Refusal::invalid("请填写转办理由")));
    }
    let stored = crate::proposal::load(db, id).await?;
    let p = &stored.proposal;
    let setting = Setting::for_org(db, p.org).await?;
    // Ask the proposal's rules first (staff only, under review, once).
    let probe = Action::Convert {
        to: linked_item(kind, 0),
    };
    proposal::apply(p, &probe, who, &setting.context(now)).map_err(StoreError::Refused)?;
    let members = p.proposers();
    let root = domain::org::OrgPath::from_stored("/".into());
    let mut names = Vec::new();
    for m in &members {
        if let Ok(member) = crate::member::get_member(db, &root, *m).await {
            names.push(member.row.name);
        }
    }
    if let Proposer::Body { name, .. } = &p.proposer {
        names.insert(0, name.clone());
    }
    let t = &stored.text;
    let content = format!(
        "【情况与分析】\n{}\n\n【建议】\n{}",
        t.analysis.trim(),
        t.suggestions.trim()
    );
    let letter = Letter::new(kind);
    let aggregate = serde_json::to_string(&letter).map_err(|e| StoreError::Other(e.to_string()))?;
    let mut tx = db.write().await?;
    let new_id = tx
        .insert_id(
            &Query::insert()
                .into_table(Letters::Table)
                .columns([
                    Letters::OrgId,
                    Letters::Year,
                    Letters::Kind,
                    Letters::Stage,
                    Letters::Title,
                    Letters::Content,
                    Letters::FromName,
                    Letters::ProposalId,
                    Letters::AuthorUserId,
                    Letters::Reason,
                    Letters::Aggregate,
                    Letters::CreatedAt,
                    Letters::UpdatedAt,
                ])
                .values_panic([
                    p.org.0.into(),
                    i64::from(p.year).into(),
                    kind.code().into(),
                    letter.stage.code().into(),
                    t.title.clone().into(),
                    content.into(),
                    names.join("、").into(),
                    id.0.into(),
                    p.author_account.0.into(),
                    reason.into(),
                    aggregate.into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(Letters::Id)
                .to_owned(),
        )
        .await?;
    insert_members(&mut tx, new_id, &members).await?;
    let comment = format!("由提案转为{}：{reason}", kind.label());
    history(
        &mut tx,
        now,
        audit_who,
        new_id,
        "convert",
        "",
        letter.stage.code(),
        &comment,
    )
    .await?;
    let action = Action::Convert {
        to: linked_item(kind, new_id),
    };
    crate::proposal::transition(&mut tx, now, audit_who, who, p, action, &setting).await?;
    crate::links::both_ways(
        &mut tx,
        now,
        (KIND_PROPOSAL, id.0),
        (KIND_LETTER, new_id),
        crate::links::CONVERTED,
    )
    .await?;
    for user in member_accounts(db, &members, Some(p.author_account)).await? {
        crate::mail::notify_with_mail(
            &mut tx,
            now,
            user,
            &format!("您的提案已转为{}：{}", kind.label(), t.title),
            &format!("经审查，您的提案转为{}办理。理由：{reason}", kind.label()),
            &format!("/letters/{new_id}"),
        )
        .await?;
    }
    audit::append(
        &mut tx,
        now,
        audit_who,
        Event::new(
            "proposal.convert",
            "proposal",
            id.0,
            format!("提案转为{}（第{new_id}号）：{reason}", kind.label()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(new_id)
}

async fn insert_members(tx: &mut Tx, letter: i64, members: &[domain::MemberId]) -> Result<()> {
    if members.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert()
        .into_table(LetterMembers::Table)
        .columns([LetterMembers::LetterId, LetterMembers::MemberId])
        .to_owned();
    for m in members {
        insert.values_panic([letter.into(), m.0.into()]);
    }
    tx.execute(&insert).await?;
    Ok(())
}
