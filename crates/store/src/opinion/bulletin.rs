//! Bulletins (《社情民意》第N期): numbered per organisation and year when
//! created; adopted reports are put in as single pieces or merged into a
//! combined piece listing its sources; issued once.

use domain::opinion::upward as rules;
use domain::opinion::{ActionKind, OpinionText, Stage};
use domain::org::OrgPath;
use domain::{OpinionId, OrgId};
use sea_query::{Alias, Expr, Order, Query};
use serde::Serialize;

use super::load;
use super::tables::{OpinionBulletinPieces, OpinionBulletinSources, OpinionBulletins};
use super::upward::note;
use crate::audit::{self, Event};
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Opinions, Orgs};

#[derive(Debug, Clone, Serialize)]
pub struct BulletinRow {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub year: i64,
    pub number: i64,
    pub title: String,
    pub issued: bool,
    pub issued_at: Option<i64>,
}

impl BulletinRow {
    /// 《社情民意》2026年第3期
    pub fn label(&self) -> String {
        format!("《社情民意》{}年第{}期", self.year, self.number)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub opinion_id: i64,
    pub author_name: String,
    pub org_name: String,
    pub text: OpinionText,
}

#[derive(Debug, Clone, Serialize)]
pub struct Piece {
    pub seq: i64,
    pub combined: bool,
    pub title: String,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bulletin {
    pub row: BulletinRow,
    pub org_path: OrgPath,
    pub pieces: Vec<Piece>,
}

fn select() -> sea_query::SelectStatement {
    let b = OpinionBulletins::Table;
    Query::select()
        .columns([
            (b, OpinionBulletins::Id),
            (b, OpinionBulletins::OrgId),
            (b, OpinionBulletins::Year),
            (b, OpinionBulletins::Number),
            (b, OpinionBulletins::Title),
            (b, OpinionBulletins::Stage),
            (b, OpinionBulletins::IssuedAt),
        ])
        .expr_as(
            Expr::col((Orgs::Table, Orgs::ShortName)),
            Alias::new("org_name"),
        )
        .expr_as(Expr::col((Orgs::Table, Orgs::Path)), Alias::new("org_path"))
        .from(b)
        .inner_join(
            Orgs::Table,
            Expr::col((Orgs::Table, Orgs::Id)).equals((b, OpinionBulletins::OrgId)),
        )
        .to_owned()
}

fn row_of(r: &sqlx::any::AnyRow) -> Result<BulletinRow> {
    let stage: String = get(r, "stage")?;
    Ok(BulletinRow {
        id: get(r, "id")?,
        org_id: get(r, "org_id")?,
        org_name: get(r, "org_name")?,
        year: get(r, "year")?,
        number: get(r, "number")?,
        title: get(r, "title")?,
        issued: stage == "issued",
        issued_at: get(r, "issued_at")?,
    })
}

/// The bulletins of an organisation subtree, newest first.
pub async fn list_bulletins(db: &Db, scope: &OrgPath, limit: u64) -> Result<Vec<BulletinRow>> {
    let b = OpinionBulletins::Table;
    let rows = db
        .all(
            &select()
                .and_where(crate::scope::within(scope))
                .order_by((b, OpinionBulletins::Year), Order::Desc)
                .order_by((b, OpinionBulletins::Number), Order::Desc)
                .order_by((b, OpinionBulletins::Id), Order::Desc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter().map(row_of).collect()
}

/// One bulletin with its pieces and their sources' texts.
pub async fn load_bulletin(db: &Db, id: i64) -> Result<Bulletin> {
    let r = db
        .optional(
            &select()
                .and_where(Expr::col((OpinionBulletins::Table, OpinionBulletins::Id)).eq(id))
                .to_owned(),
        )
        .await?
        .ok_or(StoreError::NotFound)?;
    let row = row_of(&r)?;
    let org_path = OrgPath::from_stored(get(&r, "org_path")?);
    let p = OpinionBulletinPieces::Table;
    let s = OpinionBulletinSources::Table;
    let rows = db
        .all(
            &Query::select()
                .columns([
                    (p, OpinionBulletinPieces::Seq),
                    (p, OpinionBulletinPieces::Combined),
                    (p, OpinionBulletinPieces::Title),
                ])
                .column((s, OpinionBulletinSources::OpinionId))
                .from(p)
                .inner_join(
                    s,
                    Expr::col((s, OpinionBulletinSources::PieceId))
                        .equals((p, OpinionBulletinPieces::Id)),
                )
                .and_where(Expr::col((p, OpinionBulletinPieces::BulletinId)).eq(id))
                .order_by((p, OpinionBulletinPieces::Seq), Order::Asc)
                .order_by((s, OpinionBulletinSources::Id), Order::Asc)
                .to_owned(),
        )
        .await?;
    let mut pieces: Vec<Piece> = Vec::new();
    for r in &rows {
        let seq: i64 = get(r, "seq")?;
        let opinion_id: i64 = get(r, "opinion_id")?;
        let stored = load(db, OpinionId(opinion_id)).await?;
        let source = Source {
            opinion_id,
            author_name: stored.author_name,
            org_name: stored.org_name,
            text: stored.opinion.current().clone(),
        };
        match pieces.last_mut() {
            Some(last) if last.seq == seq => last.sources.push(source),
            _ => {
                let title: String = get(r, "title")?;
                pieces.push(Piece {
                    seq,
                    combined: get::<i64>(r, "combined")? == 1,
                    title: if title.is_empty() {
                        source.text.title.clone()
                    } else {
                        title
                    },
                    sources: vec![source],
                })
            }
        }
    }
    Ok(Bulletin {
        row,
        org_path,
        pieces,
    })
}

/// Starts the next bulletin of the organisation's year; returns its id.
pub async fn create_bulletin(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    org: OrgId,
    year: i32,
    title: &str,
) -> Result<i64> {
    let title = title.trim();
    if title.chars().count() > 60 {
        return Err(StoreError::Invalid(domain::FieldErrors::single(
            "title",
            "标题不能超过60字",
        )));
    }
    let mut tx = db.write().await?;
    let b = OpinionBulletins::Table;
    let last = tx
        .one(
            &Query::select()
                .expr_as(
                    Expr::col(OpinionBulletins::Number).max(),
                    Alias::new("last"),
                )
                .from(b)
                .and_where(Expr::col(OpinionBulletins::OrgId).eq(org.0))
                .and_where(Expr::col(OpinionBulletins::Year).eq(i64::from(year)))
                .to_owned(),
        )
        .await?;
    let number = get::<Option<i64>>(&last, "last")?.unwrap_or(0) + 1;
    let id = tx
        .insert_id(
            &Query::insert()
                .into_table(b)
                .columns([
                    OpinionBulletins::OrgId,
                    OpinionBulletins::Year,
                    OpinionBulletins::Number,
                    OpinionBulletins::Title,
                    OpinionBulletins::Stage,
                    OpinionBulletins::ActorLogin,
                    OpinionBulletins::CreatedAt,
                    OpinionBulletins::UpdatedAt,
                ])
                .values_panic([
                    org.0.into(),
                    i64::from(year).into(),
                    number.into(),
                    title.into(),
                    "draft".into(),
                    audit_who.login.clone().into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(OpinionBulletins::Id)
                .to_owned(),
        )
        .await?;
    audit::append(
        &mut tx,
        now,
        audit_who,
        Event::new(
            "opinion.bulletin",
            "opinion_bulletin",
            id,
            format!("新建《社情民意》{year}年第{number}期"),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The bulletin a report is in, if any: (bulletin id, its label).
pub async fn bulletin_of(db: &Db, opinion: OpinionId) -> Result<Option<(i64, String)>> {
    let s = OpinionBulletinSources::Table;
    let row = db
        .optional(
            &Query::select()
                .column(OpinionBulletinSources::BulletinId)
                .from(s)
                .and_where(Expr::col(OpinionBulletinSources::OpinionId).eq(opinion.0))
                .to_owned(),
        )
        .await?;
    match row {
        Some(r) => {
            let id: i64 = get(&r, "bulletin_id")?;
            let b = load_bulletin(db, id).await?;
            Ok(Some((id, b.row.label())))
        }
        None => Ok(None),
    }
}

/// Puts adopted reports of the bulletin's organisation into it: one alone,
/// or several merged under `title`.
pub async fn add_piece(
    db: &Db,
    now: i64,
    audit_who: &audit::Who,
    bulletin: i64,
    combined: bool,
    title: &str,
    opinions: &[OpinionId],
) -> Result<()> {
    let b = load_bulletin(db, bulletin).await?;
    let mut checked = Vec::new();
    for id in opinions {
        let s = load(db, *id).await?;
        if s.opinion.org.0 != b.row.org_id {
            return Err(StoreError::Refused(domain::refusal::Refusal::invalid(
                format!("信息{id}不属于{}，不能编入本期简报", b.row.org_name),
            )));
        }
        let used = bulletin_of(db, *id).await?.is_some();
        checked.push((*id, s.opinion.stage, used, s.opinion.stage));
    }
    let sources: Vec<(OpinionId, Stage, bool)> =
        checked.iter().map(|(i, s, u, _)| (*i, *s, *u)).collect();
    rules::check_piece(b.row.issued, combined, title, &sources).map_err(StoreError::Refused)?;
    let seq = b.pieces.len() as i64 + 1;
    let mut tx = db.write().await?;
    let piece = tx
        .insert_id(
            &Query::insert()
                .into_table(OpinionBulletinPieces::Table)
                .columns([
                    OpinionBulletinPieces::BulletinId,
                    OpinionBulletinPieces::Seq,
                    OpinionBulletinPieces::Combined,
                    OpinionBulletinPieces::Title,
                    OpinionBulletinPieces::CreatedAt,
                    OpinionBulletinPieces::UpdatedAt,
                ])
                .values_panic([
                    bulletin.into(),
                    seq.into(),
                    i64::from(combined).into(),
                    (if combined { title.trim() } else { "" }).into(),
                    now.into(),
                    now.into(),
                ])
                .returning_col(OpinionBulletinPieces::Id)
                .to_owned(),
        )
        .await?;
    let label = b.row.label();
    for (id, stage, _, _) in &checked {
        tx.execute(
            &Query::insert()
                .into_table(OpinionBulletinSources::Table)
                .columns([
                    OpinionBulletinSources::PieceId,
                    OpinionBulletinSources::BulletinId,
                    OpinionBulletinSources::OpinionId,
                    OpinionBulletinSources::CreatedAt,
                    OpinionBulletinSources::UpdatedAt,
                ])
                .values_panic([
                    piece.into(),
                    bulletin.into(),
                    id.0.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned(),
        )
        .await?;
        let how = if combined {
            "综合采用"
        } else {
            "单篇采用"
        };
        note(
            &mut tx,
            now,
            audit_who,
            *id,
            *stage,
            ActionKind::Publish,
            &format!("{how}，编入{label}"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Issues (印发) the bulletin.
pub async fn issue(db: &Db, now: i64, audit_who: &audit::Who, bulletin: i64) -> Result<()> {
    let b = load_bulletin(db, bulletin).await?;
    rules::check_issue(b.row.issued, b.pieces.len()).map_err(StoreError::Refused)?;
    let mut tx = db.write().await?;
    let changed = tx
        .execute(
            &Query::update()
                .table(OpinionBulletins::Table)
                .values([
                    (OpinionBulletins::Stage, "issued".into()),
                    (OpinionBulletins::IssuedAt, now.into()),
                    (OpinionBulletins::UpdatedAt, now.into()),
                ])
                .and_where(Expr::col(OpinionBulletins::Id).eq(bulletin))
                .and_where(Expr::col(OpinionBulletins::Stage).eq("draft"))
                .to_owned(),
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::Conflict("该期简报刚被他人印发".into()));
    }
    audit::append(
        &mut tx,
        now,
        audit_who,
        Event::new(
            "opinion.bulletin",
            "opinion_bulletin",
            bulletin,
            format!("印发{}", b.row.label()),
        ),
    )
    .await?;
    tx.commit().await
}

/// Adopted reports of the organisation not yet in a bulletin, newest first:
/// (id, title, author).
pub async fn awaiting_bulletin(
    db: &Db,
    org: OrgId,
    limit: u64,
) -> Result<Vec<(i64, String, String)>> {
    let o = Opinions::Table;
    let rows = db
        .all(
            &Query::select()
                .columns([
                    (o, Opinions::Id),
                    (o, Opinions::Title),
                    (o, Opinions::AuthorName),
                ])
                .from(o)
                .and_where(Expr::col((o, Opinions::OrgId)).eq(org.0))
                .and_where(Expr::col((o, Opinions::Stage)).eq(Stage::Adopted.code()))
                .and_where(
                    Expr::col((o, Opinions::Id)).not_in_subquery(
                        Query::select()
                            .column(OpinionBulletinSources::OpinionId)
                            .from(OpinionBulletinSources::Table)
                            .to_owned(),
                    ),
                )
                .order_by((o, Opinions::UpdatedAt), Order::Desc)
                .limit(limit)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|r| Ok((get(r, "id")?, get(r, "title")?, get(r, "author_name")?)))
        .collect()
}
