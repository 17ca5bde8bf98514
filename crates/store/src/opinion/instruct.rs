//! Leaders' instructions (批示) on a report: recorded by staff, the author
//! and co-authors told in the same transaction.

use domain::opinion::upward::{self as rules, Instruction, InstructionLevel};
use domain::opinion::{ActionKind, Who};
use domain::{OpinionId, UserId};
use sea_query::{Expr, Order, Query};
use serde::Serialize;

use super::load;
use super::tables::OpinionInstructions;
use super::upward::note;
use crate::audit;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::Users;

#[derive(Debug, Clone, Serialize)]
pub struct InstructionRow {
    pub id: i64,
    pub leader: String,
    pub level: String,
    pub level_label: &'static str,
    pub text: String,
    pub given_on: String,
    pub actor_login: String,
}

/// Records the instruction and tells the author and co-authors.
pub async fn instruct(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    who: &Who,
    id: OpinionId,
    ins: &Instruction,
) -> Result<i64> {
    let stored = load(db, id).await?;
    let o = &stored.opinion;
    rules::may_instruct(o, who).map_err(StoreError::Refused)?;
    let mut told: Vec<UserId> = vec![o.author_account];
    if !o.coauthors.is_empty() {
        let rows = db
            .all(
                &Query::select()
                    .column(Users::Id)
                    .from(Users::Table)
                    .and_where(Expr::col(Users::MemberId).is_in(o.coauthors.iter().map(|m| m.0)))
                    .to_owned(),
            )
            .await?;
        for r in &rows {
            let u = UserId(get(r, "id")?);
            if !told.contains(&u) {
                told.push(u);
            }
        }
    }
    let year: i64 = ins
        .given_on
        .get(0..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(0);
    let mut tx = db.write().await?;
    let new_id = tx
        .insert_id(
            &Query::insert()
                .into_table(OpinionInstructions::Table)
                .columns([
                    OpinionInstructions::OpinionId,
                    OpinionInstructions::OrgId,
                    OpinionInstructions::Leader,
                    OpinionInstructions::Level,
                    OpinionInstructions::Text,
                    OpinionInstructions::GivenOn,
                    OpinionInstructions::Year,
                    OpinionInstructions::ActorLogin,
                    OpinionInstructions::CreatedAt,
                    OpinionInstructions::UpdatedAt,
                ])
                .values_panic([
                    id.0.into(),
                    o.org.0.into(),
                    ins.leader.clone().into(),
                    ins.level.code().into(),
                    ins.text.clone().into(),
                    ins.given_on.clone().into(),
                    year.into(),
                    audit_who.login.clone().into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(OpinionInstructions::Id)
                .to_owned(),
        )
        .await?;
    let title = o.current().title.clone();
    for user in told {
        crate::notify::notify(
            &mut tx,
            now,
            user,
            "您的社情民意信息获领导批示",
            &format!(
                "《{title}》获{}（{}）批示：{}",
                ins.leader,
                ins.level.label(),
                ins.text
            ),
            &format!("/opinions/{id}"),
        )
        .await?;
    }
    note(
        &mut tx,
        now,
        audit_who,
        id,
        o.stage,
        ActionKind::Instruct,
        &format!("{}（{}）", ins.leader, ins.level.label()),
    )
    .await?;
    tx.commit().await?;
    Ok(new_id)
}

/// The instructions on one report, oldest first.
pub async fn instructions(db: &Db, id: OpinionId) -> Result<Vec<InstructionRow>> {
    let rows = db
        .all(
            &Query::select()
                .columns([
                    OpinionInstructions::Id,
                    OpinionInstructions::Leader,
                    OpinionInstructions::Level,
                    OpinionInstructions::Text,
                    OpinionInstructions::GivenOn,
                    OpinionInstructions::ActorLogin,
                ])
                .from(OpinionInstructions::Table)
                .and_where(Expr::col(OpinionInstructions::OpinionId).eq(id.0))
                .order_by(OpinionInstructions::Id, Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| {
            let level: String = get(r, "level")?;
            Ok(InstructionRow {
                id: get(r, "id")?,
                leader: get(r, "leader")?,
                level_label: InstructionLevel::from_code(&level)
                    .map(InstructionLevel::label)
                    .unwrap_or(""),
                level,
                text: get(r, "text")?,
                given_on: get(r, "given_on")?,
                actor_login: get(r, "actor_login")?,
            })
        })
        .collect()
}

pub(super) async fn count(db: &Db, id: OpinionId) -> Result<i64> {
    db.scalar(
        &Query::select()
            .expr(Expr::col(OpinionInstructions::Id).count())
            .from(OpinionInstructions::Table)
            .and_where(Expr::col(OpinionInstructions::OpinionId).eq(id.0))
            .to_owned(),
    )
    .await
}
