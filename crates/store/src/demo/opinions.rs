//! A believable year of 社情民意 for the city demo: about 3,300 reports
//! from the members of the city and its districts across the stages, a
//! third of the districts' adopted ones reported up to the city (its own
//! record, linked), some of the city's sent on to 全国政协 with outcomes,
//! leaders' instructions, and numbered bulletins with single and combined
//! pieces. Written with multi-row inserts (see `bulk`).

use domain::opinion::{Author, Opinion, OpinionText, Stage};
use domain::{MemberId, OpinionId, OrgId};
use sea_query::{Expr, Order, Query};

use super::bulk::{next_id, Lit};
use super::{Rng, Scale};
use crate::db::{get, Backend, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::Members;

use super::opinion_texts::{LEADERS, TOPICS};

struct Next {
    opinion: i64,
    history: i64,
    bulletin: i64,
    piece: i64,
}

use super::opinion_rows::Writer;

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
