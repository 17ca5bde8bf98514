//! The national demo's proposals: about a million across the 2,822
//! committees, the nine years 2018 to now and the two terms, every stage
//! represented. Past years are mostly 办结; this year's proposals stand at
//! every stage in the city season's mix, plus 退回修改, 并案 and 联名征集.
//!
//! Each proposal is generated and applied in memory on its own thread
//! ([`super::national_rows`]) while this task writes the multi-row
//! statements of the previous chunk in large transactions.

use std::collections::HashMap;

use domain::proposal::{MergeTarget, ProposalNumber, Stage};
use domain::{MemberId, OrgId, ProposalId, TermId, UnitId, UserId};
use indicatif::ProgressBar;
use sea_query::{Alias, Expr, Order, Query};

use super::national_rows::{generate, Rows, Spec};
use super::proposal_texts::proposal_text;
use super::proposals::{input_of, staff_account, ENDS};
use super::Rng;
use crate::db::{get, Backend, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::proposal::Setting;
use crate::schema::{Members, Proposals};

/// How many proposals the national demo makes unless told otherwise.
pub const DEFAULT_PROPOSALS: usize = 1_000_000;
const FIRST_YEAR: i32 = 2018;
/// Proposals per chunk handed from the generating thread to the writer,
/// and per transaction.
const CHUNK: usize = 4_000;
const PER_TRANSACTION: usize = 50_000;

/// Proposals a committee receives in a year, by level, before scaling to
/// the requested total.
fn yearly(level: &str) -> f64 {
    match level {
        "national" => 2600.0,
        "province" => 360.0,
        "city" => 105.0,
        _ => 27.0,
    }
}

/// This year's mix: the city season, plus 退回修改, 并案 and 联名征集.
fn current_end(n: usize) -> &'static str {
    const EXTRA: [&str; 4] = ["returned", "merged", "cosigning", "closed"];
    let i = n % (ENDS.len() + EXTRA.len());
    ENDS.get(i)
        .copied()
        .unwrap_or_else(|| EXTRA[i - ENDS.len()])
}

/// Earlier years: nearly all handled to the end.
fn past_end(r: usize) -> &'static str {
    match r % 100 {
        0..=81 => "closed",
        82..=89 => "not_filed",
        90..=92 => "withdrawn",
        93..=96 => "merged",
        97..=98 => "rated",
        _ => "draft",
    }
}

/// Days from the draft to the last step of each end (see `script`).
fn span(end: &str) -> i64 {
    match end {
        "under_review" => 3,
        "not_filed" | "withdrawn" | "returned" | "merged" | "filed" => 10,
        "assigned" => 20,
        "contacted" => 35,
        "answer_drafted" => 60,
        "answer_submitted" => 62,
        "accepted" => 66,
        "rated" => 80,
        "rehandling" => 82,
        "closed" => 90,
        _ => 0,
    }
}

struct Committee {
    id: OrgId,
    level: String,
    place: String,
    members: Vec<MemberId>,
    units: Vec<UnitId>,
    /// (term, first year, last year)
    terms: Vec<(TermId, i32, i32)>,
}

async fn committees(db: &Db, orgs: &[Org]) -> Result<Vec<Committee>> {
    let mut members: HashMap<i64, Vec<MemberId>> = HashMap::new();
    let query = Query::select()
        .columns([Members::Id, Members::OrgId])
        .from(Members::Table)
        .order_by(Members::Id, Order::Asc)
        .to_owned();
    for r in db.all(&query).await? {
        let org: i64 = get(&r, "org_id")?;
        members
            .entry(org)
            .or_default()
            .push(MemberId(get(&r, "id")?));
    }
    let mut units: HashMap<i64, Vec<UnitId>> = HashMap::new();
    let query = Query::select()
        .columns([Alias::new("id"), Alias::new("org_id")])
        .from(Alias::new("units"))
        .order_by(Alias::new("id"), Order::Asc)
        .to_owned();
    for r in db.all(&query).await? {
        let org: i64 = get(&r, "org_id")?;
        units.entry(org).or_default().push(UnitId(get(&r, "id")?));
    }
    let mut terms: HashMap<i64, Vec<(TermId, i32, i32)>> = HashMap::new();
    let query = Query::select()
        .columns(["id", "org_id", "start_year", "end_year"].map(Alias::new))
        .from(Alias::new("terms"))
        .to_owned();
    for r in db.all(&query).await? {
        let org: i64 = get(&r, "org_id")?;
        let (from, to): (i64, i64) = (get(&r, "start_year")?, get(&r, "end_year")?);
        let term = (TermId(get(&r, "id")?), from as i32, to as i32);
        terms.entry(org).or_default().push(term);
    }
    Ok(orgs
        .iter()
        .map(|o| Committee {
            id: o.id,
            level: o.level.clone(),
            place: o.short_name.trim_end_matches("政协").to_string(),
            members: members.remove(&o.id.0).unwrap_or_default(),
            units: units.remove(&o.id.0).unwrap_or_default(),
            terms: terms.remove(&o.id.0).unwrap_or_default(),
        })
        .collect())
}

/// How many proposals each committee gets in each year, scaled so that
/// the total comes to about `target`.
fn counts(committees: &[Committee], years: &[i32], target: usize) -> Vec<Vec<usize>> {
    let per_year: f64 = committees.iter().map(|c| yearly(&c.level)).sum();
    let factor = target as f64 / (per_year * years.len() as f64).max(1.0);
    let mut carry = 0.0;
    committees
        .iter()
        .map(|c| {
            years
                .iter()
                .map(|_| {
                    let exact = yearly(&c.level) * factor + carry;
                    let n = exact.floor();
                    carry = exact - n;
                    n as usize
                })
                .collect()
        })
        .collect()
}

/// Everything the generating thread needs.
struct Plan {
    committees: Vec<Committee>,
    years: Vec<i32>,
    counts: Vec<Vec<usize>>,
    setting: Setting,
    staff: UserId,
    featured: Option<MemberId>,
    first_id: i64,
    now: i64,
}

/// Loads the national season. `target` is the total wanted.
pub(super) async fn load(
    db: &Db,
    now: i64,
    orgs: &[Org],
    featured: Option<MemberId>,
    target: usize,
    bar: &ProgressBar,
) -> Result<usize> {
    let Some(root) = orgs.first() else {
        return Ok(0);
    };
    let this_year = crate::clock::local_date(now).year();
    let years: Vec<i32> = (FIRST_YEAR..=this_year).collect();
    let committees = committees(db, orgs).await?;
    let counts = counts(&committees, &years, target);
    let total: usize = counts.iter().flatten().sum();
    bar.set_length(total as u64);
    let last = db
        .one(
            &Query::select()
                .expr(Expr::col(Proposals::Id).max())
                .from(Proposals::Table)
                .to_owned(),
        )
        .await?;
    let last: Option<i64> = sqlx::Row::try_get(&last, 0)?;
    let plan = Plan {
        committees,
        years,
        counts,
        setting: Setting::for_org(db, root.id).await?,
        staff: staff_account(db).await?,
        featured,
        first_id: last.unwrap_or(0) + 1,
        now,
    };
    let (send, mut receive) = tokio::sync::mpsc::channel::<Result<(usize, Vec<String>)>>(4);
    let progress = bar.clone();
    let worker = std::thread::spawn(move || {
        if let Err(e) = run(&plan, &send, &progress) {
            let _ = send.blocking_send(Err(e));
        }
    });
    let mut written = 0;
    let mut since_commit = 0;
    let mut tx = db.write().await?;
    if db.backend() == Backend::Sqlite {
        // A larger page cache for this connection while the indexes grow.
        tx.raw("PRAGMA cache_size = -262144").await?;
    }
    while let Some(chunk) = receive.recv().await {
        let (count, statements) = chunk?;
        super::bulk::run(&mut tx, &statements).await?;
        written += count;
        since_commit += count;
        if since_commit >= PER_TRANSACTION {
            tx.commit().await?;
            tx = db.write().await?;
            since_commit = 0;
        }
    }
    tx.commit().await?;
    worker
        .join()
        .map_err(|_| StoreError::Other("demo proposal generator stopped".into()))?;
    if db.backend() == Backend::Postgres {
        // Ids were given explicitly; later drafts continue after them.
        db.raw("SELECT setval(pg_get_serial_sequence('proposals', 'id'), (SELECT MAX(id) FROM proposals))")
            .await?;
    }
    Ok(written)
}

type Sender = tokio::sync::mpsc::Sender<Result<(usize, Vec<String>)>>;

/// Generates every proposal and sends the statements chunk by chunk.
fn run(plan: &Plan, send: &Sender, bar: &ProgressBar) -> Result<()> {
    let closed = || StoreError::Other("demo proposal writer stopped".into());
    let mut rows = Rows::new();
    let mut pending = 0;
    let mut id = plan.first_id;
    let today = crate::clock::local_date(plan.now);
    let this_year = today.year();
    for (c, committee) in plan.committees.iter().enumerate() {
        let members = &committee.members;
        if members.len() < 3 {
            continue;
        }
        for (y, &year) in plan.years.iter().enumerate() {
            let Some(&(term, _, _)) = committee
                .terms
                .iter()
                .find(|(_, from, to)| (*from..=*to).contains(&year))
            else {
                continue;
            };
            let mut rng = Rng((committee.id.0 as u64) << 16 ^ year as u64);
            let mut last_number: Option<ProposalNumber> = None;
            let mut merge_target: Option<ProposalId> = None;
            for n in 0..plan.counts[c][y] {
                let seed =
                    (committee.id.0 as u64) * 100_000_000 + (year as u64) * 10_000 + n as u64;
                let current = year == this_year;
                let end = if current {
                    current_end(n + c * 7)
                } else {
                    past_end(rng.below(100))
                };
                let at = members.len();
                let i = rng.below(at);
                let member = match plan.featured {
                    Some(f) if c == 0 && current && n % 25 == 0 => f,
                    _ => members[i],
                };
                let cosigners = if end == "cosigning" {
                    vec![members[(i + 1) % at], members[(i + 2) % at]]
                        .into_iter()
                        .filter(|m| *m != member)
                        .collect()
                } else {
                    Vec::new()
                };
                let start = start_of(&mut rng, year, current, end, today, seed);
                let t = proposal_text(seed, &committee.place);
                let spec = Spec {
                    id,
                    org: committee.id,
                    term,
                    year,
                    member,
                    staff: plan.staff,
                    units: &committee.units,
                    seed,
                    place: &committee.place,
                    end,
                    start,
                    cosigners,
                    // The stage the target had when this one joined it.
                    merge_into: merge_target.map(|id| MergeTarget {
                        id,
                        stage: Stage::Filed,
                    }),
                };
                let p = generate(
                    &mut rows,
                    &plan.setting,
                    &spec,
                    &t,
                    input_of(&t, seed),
                    &mut last_number,
                )?;
                if p.number.is_some() && p.merged_into.is_none() {
                    merge_target = Some(p.id);
                }
                id += 1;
                pending += 1;
                bar.inc(1);
            }
            if pending >= CHUNK {
                send.blocking_send(Ok((pending, rows.take())))
                    .map_err(|_| closed())?;
                pending = 0;
            }
        }
    }
    send.blocking_send(Ok((pending, rows.take())))
        .map_err(|_| closed())
}

/// When the draft was started: earlier years mostly in the plenary season
/// (大会提案) and the rest through the year (平时提案); this year so that
/// the last step lies in the past few weeks, and co-signing is still open.
fn start_of(
    rng: &mut Rng,
    year: i32,
    current: bool,
    end: &str,
    today: time::Date,
    seed: u64,
) -> i64 {
    let day = if current {
        let back = match end {
            "cosigning" => rng.below(2) as i64,
            _ => span(end) + 1 + rng.below(45) as i64,
        };
        today - time::Duration::days(back)
    } else {
        let offset = if rng.below(10) < 7 {
            5 + rng.below(70)
        } else {
            75 + rng.below(185)
        };
        time::Date::from_ordinal_date(year, 1).unwrap_or(today)
            + time::Duration::days(offset as i64)
    };
    // Office hours, local time (UTC+8).
    let midnight = day.midnight().assume_utc().unix_timestamp() - 8 * 3600;
    midnight + 9 * 3600 + (seed % 8) as i64 * 3600 + (seed % 60) as i64 * 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_end_is_in_a_mix() {
        let current: Vec<&str> = (0..24).map(current_end).collect();
        for end in ENDS
            .iter()
            .chain(["returned", "merged", "cosigning"].iter())
        {
            assert!(current.contains(end), "{end}");
        }
        let past: Vec<&str> = (0..100).map(past_end).collect();
        assert_eq!(past.iter().filter(|e| **e == "closed").count(), 82);
    }
}
