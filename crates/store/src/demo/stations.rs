//! Demo work stations: about 300 stations and studios in the city demo
//! (eight per committee at national scale), most members attached, a few
//! duplicate stations in one street, a year of reception days, and citizens'
//! demands at every stage. Each demand's stages are applied in memory with
//! `domain::station::apply`, so the rules decide every step; everything is
//! written with multi-row statements (ids assigned here, the loader being
//! the only writer).

use domain::calendar::WorkCalendar;
use domain::refusal::Reason;
use domain::station::{
    self, Demand, DemandAction, DemandActor, FeedbackHow, StationSettings, VisitorFeedback,
};
use domain::tracking::{Answer, AnswerClass, AssignmentPlan, Satisfaction, TrackingAction};
use domain::{MemberId, UnitId};
use sea_query::{Expr, Order, Query};

use super::bulk::{run, Batch, Lit};
use super::station_texts::*;
use super::{Rng, Scale};
use crate::crypto::FieldCipher;
use crate::db::{get, Backend, Db};
use crate::error::{Result, StoreError};
use crate::org::Org;
use crate::schema::{Members, Stations, Units};

fn stations_for(scale: Scale, index: usize) -> usize {
    match (scale, index) {
        (Scale::Small, _) => 0,
        (Scale::City, 0) => 20,
        (Scale::City, i) => 7 + i % 2,
        (Scale::National, _) => 8,
    }
}

fn demands_for(scale: Scale) -> usize {
    match scale {
        Scale::City => 14,
        _ => 2,
    }
}

/// Where a demo demand ends, in a believable mix.
const ENDS: [&str; 20] = [
    "received",
    "received",
    "on_spot",
    "on_spot",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "on_spot_closed",
    "forwarded",
    "forwarded",
    "answered",
    "answered",
    "forwarded_closed",
    "forwarded_closed",
    "forwarded_closed",
    "forwarded_closed",
    "consultation",
    "consultation_closed",
    "rehandling",
];

fn reason(text: &str) -> Result<Reason> {
    Reason::parse(text, "说明").map_err(StoreError::Other)
}

async fn next_id(db: &Db, table: &str) -> Result<i64> {
    let row = db
        .one(
            &Query::select()
                .expr(Expr::cust("COALESCE(MAX(id), 0)"))
                .from(sea_query::Alias::new(table))
                .to_owned(),
        )
        .await?;
    Ok(sqlx::Row::try_get::<i64, _>(&row, 0)? + 1)
}

struct Writer {
    stations: Batch,
    station_members: Batch,
    receptions: Batch,
    reception_members: Batch,
    demands: Batch,
    demand_units: Batch,
    history: Batch,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            stations: Batch::new(
                "stations",
                &[
                    "id",
                    "org_id",
                    "kind",
                    "name",
                    "address",
                    "street",
                    "reception_days",
                    "active",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            station_members: Batch::new(
                "station_members",
                &["station_id", "member_id", "created_at"],
                1000,
            ),
            receptions: Batch::new(
                "receptions",
                &[
                    "id",
                    "station_id",
                    "org_id",
                    "held_on",
                    "visitors",
                    "notes",
                    "recorded_by",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            reception_members: Batch::new(
                "reception_members",
                &["reception_id", "member_id"],
                1000,
            ),
            demands: Batch::new(
                "demands",
                &[
                    "id",
                    "org_id",
                    "station_id",
                    "code",
                    "channel",
                    "category",
                    "content",
                    "name_cipher",
                    "phone_cipher",
                    "phone_masked",
                    "taken_by_member_id",
                    "entered_by_user_id",
                    "ip_digest",
                    "stage",
                    "withheld",
                    "on_time",
                    "satisfaction",
                    "received_on",
                    "closed_at",
                    "version",
                    "aggregate",
                    "created_at",
                    "updated_at",
                ],
                200,
            ),
            demand_units: Batch::new(
                "demand_units",
                &["demand_id", "seq", "unit_id", "state", "due_on"],
                1000,
            ),
            history: Batch::new(
                "demand_history",
                &[
                    "demand_id",
                    "at",
                    "actor_user_id",
                    "actor_login",
                    "action",
                    "from_stage",
                    "to_stage",
                    "comment",
                ],
                1000,
            ),
        }
    }

    async fn flush(&mut self, db: &Db) -> Result<()> {
        let mut tx = db.write().await?;
        for b in [
            &mut self.stations,
            &mut self.station_members,
            &mut self.receptions,
            &mut self.reception_members,
            &mut self.demands,
            &mut self.demand_units,
            &mut self.history,
        ] {
            run(&mut tx, &b.take()).await?;
        }
        tx.commit().await
    }
}

/// Counters that assign ids.
struct Ids {
    station: i64,
    reception: i64,
    demand: i64,
}

/// Loads the stations of every organisation; returns (stations, demands).
pub(super) async fn load(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    scale: Scale,
    orgs: &[Org],
) -> Result<(usize, usize)> {
    if scale == Scale::Small {
        return Ok((0, 0));
    }
    let mut rng = Rng(41);
    let mut ids = Ids {
        station: next_id(db, "stations").await?,
        reception: next_id(db, "receptions").await?,
        demand: next_id(db, "demands").await?,
    };
    let staff = super::proposals::staff_account(db).await?;
    let settings = StationSettings::default();
    let calendar = WorkCalendar::default();
    let today = crate::clock::local_date(now);
    let mut w = Writer::new();
    let (mut stations, mut demands) = (0, 0);
    for (index, org) in orgs.iter().enumerate() {
        let count = stations_for(scale, index);
        if count == 0 {
            continue;
        }
        let place = org.short_name.trim_end_matches("政协").to_string();
        let members: Vec<MemberId> = db
            .all(
                &Query::select()
                    .column(Members::Id)
                    .from(Members::Table)
                    .and_where(Expr::col(Members::OrgId).eq(org.id.0))
                    .and_where(Expr::col(Members::Active).eq(1))
                    .order_by(Members::Id, Order::Asc)
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|r| Ok(MemberId(get(r, "id")?)))
            .collect::<Result<_>>()?;
        let units: Vec<UnitId> = db
            .all(
                &Query::select()
                    .column(Units::Id)
                    .from(Units::Table)
                    .and_where(Expr::col(Units::OrgId).eq(org.id.0))
                    .order_by(Units::Id, Order::Asc)
                    .to_owned(),
            )
            .await?
            .iter()
            .map(|r| Ok(UnitId(get(r, "id")?)))
            .collect::<Result<_>>()?;
        let mut attached: Vec<Vec<MemberId>> = vec![Vec::new(); count];
        // About four in five members are attached to one of the stations.
        for m in &members {
            if rng.below(5) < 4 {
                attached[rng.below(count)].push(*m);
            }
        }
        let first_station = ids.station;
        for (n, crew) in attached.iter().enumerate() {
            let id = ids.station;
            ids.station += 1;
            // Every 25th station duplicates the previous one's street and kind.
            let dup = n > 0 && (id % 25 == 0);
            let street_i = if dup {
                (n - 1) % STREETS.len()
            } else {
                n % STREETS.len()
            };
            let kind_i = if dup {
                (n - 1) % STATION_KINDS.len()
            } else {
                n % STATION_KINDS.len()
            };
            let (kind, label) = STATION_KINDS[kind_i];
            let street = STREETS[street_i];
            let community = COMMUNITIES[(n + index) % COMMUNITIES.len()];
            let name = if dup {
                format!("{place}{street}{community}{label}")
            } else {
                format!("{place}{street}{label}")
            };
            let address = format!("{place}{street}{community}{}号", 10 + rng.below(300));
            w.stations.push(&[
                id.into(),
                org.id.0.into(),
                kind.into(),
                name.as_str().into(),
                address.as_str().into(),
                street.into(),
                (*rng.pick(DAYS)).into(),
                1i64.into(),
                now.into(),
                now.into(),
            ]);
            for m in crew {
                w.station_members.push(&[id.into(), m.0.into(), now.into()]);
            }
            stations += 1;
            // Reception days over the past year (two a month in the city).
            let receptions = if scale == Scale::City { 12 } else { 1 };
            for k in 0..receptions {
                if crew.is_empty() {
                    break;
                }
                let rid = ids.reception;
                ids.reception += 1;
                let held = today - time::Duration::days((k as i64) * 28 + rng.below(20) as i64 + 1);
                let visitors = 2 + rng.below(14) as i64;
                let note = format!(
                    "接待群众{visitors}人次，主要反映{}等问题。",
                    DEMANDS[rng.below(DEMANDS.len())].0
                );
                w.receptions.push(&[
                    rid.into(),
                    id.into(),
                    org.id.0.into(),
                    held.to_string().as_str().into(),
                    visitors.into(),
                    note.as_str().into(),
                    staff.0.into(),
                    now.into(),
                    now.into(),
                ]);
                let a = crew[rng.below(crew.len())];
                let b = crew[rng.below(crew.len())];
                w.reception_members.push(&[rid.into(), a.0.into()]);
                if b != a {
                    w.reception_members.push(&[rid.into(), b.0.into()]);
                }
            }
        }
        for n in 0..count * demands_for(scale) {
            let station = first_station + (n % count) as i64;
            let crew = &attached[n % count];
            let end = ENDS[(n + index) % ENDS.len()];
            let made = demand(
                &mut rng, cipher, &settings, &calendar, today, end, &units, n, &place,
            )?;
            let Some(made) = made else { continue };
            let id = ids.demand;
            ids.demand += 1;
            push_demand(
                &mut w,
                id,
                org.id.0,
                station,
                crew.first().copied(),
                staff.0,
                now,
                made,
                cipher,
            )?;
            demands += 1;
        }
        if index % 50 == 49 {
            w.flush(db).await?;
        }
    }
    w.flush(db).await?;
    if db.backend() == Backend::Postgres {
        for table in ["stations", "receptions", "demands"] {
            db.raw(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")).await?;
        }
    }
    let _ = Stations::Table;
    Ok((stations, demands))
}

/// One demo demand: its text and its record after the steps to `end`.
struct Made {
    category: &'static str,
    content: String,
    channel: station::Channel,
    demand: Demand,
    /// (action code, stage after, comment, day) for the history.
    steps: Vec<(&'static str, &'static str, String, time::Date)>,
    name: Option<String>,
    phone: Option<String>,
    code: String,
}

#[allow(clippy::too_many_arguments)]
fn demand(
    rng: &mut Rng,
    _cipher: &FieldCipher,
    settings: &StationSettings,
    calendar: &WorkCalendar,
    today: time::Date,
    end: &str,
    units: &[UnitId],
    n: usize,
    place: &str,
) -> Result<Option<Made>> {
    let (category, template) = DEMANDS[rng.below(DEMANDS.len())];
    let content = template
        .replace("{c}", rng.pick::<&str>(COMMUNITIES))
        .replace("{s}", &format!("{place}{}", rng.pick(STREETS)));
    let closed = end.ends_with("closed");
    let days_ago = if closed {
        20 + rng.below(300)
    } else {
        rng.below(30)
    } as i64;
    let received = today - time::Duration::days(days_ago);
    let mut d = Demand::new(received);
    let mut steps = Vec::new();
    let mut day = received;
    let mut step =
        |d: &mut Demand, action: DemandAction, actor: DemandActor, on: time::Date| -> Result<()> {
            let ctx = station::demand::context(0, on, calendar, &settings.tracking);
            let applied = station::apply(d, &action, actor, &ctx, settings.close_within)
                .map_err(|r| StoreError::Other(format!("demo demand: {}", r.message)))?;
            *d = applied.next;
            steps.push((action.code(), d.stage.code(), String::new(), on));
            Ok(())
        };
    let unit = units.get(n % units.len().max(1)).copied();
    let answer = |rng: &mut Rng| Answer {
        class: AnswerClass::A,
        document_no: None,
        signed_by: rng.pick(SIGNERS).to_string(),
        contact_person: rng.pick(SIGNERS).to_string(),
        contact_phone: format!("023-6{:07}", 1_000_000 + rng.below(8_999_999)),
        text: rng.pick(UNIT_ANSWERS).to_string(),
    };
    let feedback = |rng: &mut Rng, on: time::Date, satisfaction: Satisfaction| VisitorFeedback {
        date: on,
        how: FeedbackHow::ALL[rng.below(4)],
        satisfaction,
        note: if satisfaction == Satisfaction::Dissatisfied {
            "群众认为问题没有根本解决，希望再次处理。".into()
        } else {
            String::new()
        },
    };
    match end {
        "received" => {}
        "on_spot" | "on_spot_closed" => {
            let answer = reason(rng.pick::<&str>(ON_SPOT))?;
            step(
                &mut d,
                DemandAction::AnswerOnSpot { answer },
                DemandActor::StationMember,
                day,
            )?;
            if closed {
                day = (day + time::Duration::days(3 + rng.below(10) as i64)).min(today);
                let s = if rng.below(10) < 9 {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::BasicallySatisfied
                };
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, s),
                    },
                    DemandActor::StationMember,
                    day,
                )?;
            }
        }
        "consultation" | "consultation_closed" => {
            let note = reason(rng.pick::<&str>(CONSULTATIONS))?;
            step(
                &mut d,
                DemandAction::ToConsultation { note },
                DemandActor::Staff,
                day,
            )?;
            if closed {
                day = (day + time::Duration::days(15)).min(today);
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, Satisfaction::Satisfied),
                    },
                    DemandActor::Staff,
                    day,
                )?;
            }
        }
        _ => {
            let Some(unit) = unit else { return Ok(None) };
            day = (day + time::Duration::days(1)).min(today);
            step(
                &mut d,
                DemandAction::Forward {
                    plan: AssignmentPlan::single(unit),
                },
                DemandActor::Staff,
                day,
            )?;
            if end == "forwarded" {
                return Ok(Some(made(rng, category, content, d, steps, n)));
            }
            day = (day + time::Duration::days(5 + rng.below(12) as i64)).min(today);
            let draft = TrackingAction::DraftAnswer {
                unit,
                answer: answer(rng),
            };
            step(
                &mut d,
                DemandAction::Track { action: draft },
                DemandActor::Unit(unit),
                day,
            )?;
            step(
                &mut d,
                DemandAction::Track {
                    action: TrackingAction::SubmitAnswer { unit },
                },
                DemandActor::Unit(unit),
                day,
            )?;
            let accept = TrackingAction::Accept {
                unit,
                class: None,
                reason: None,
            };
            step(
                &mut d,
                DemandAction::Track { action: accept },
                DemandActor::Staff,
                day,
            )?;
            if end == "forwarded_closed" || end == "rehandling" {
                day = (day + time::Duration::days(2)).min(today);
                let s = if end == "rehandling" {
                    Satisfaction::Dissatisfied
                } else {
                    Satisfaction::Satisfied
                };
                step(
                    &mut d,
                    DemandAction::Feedback {
                        feedback: feedback(rng, day, s),
                    },
                    DemandActor::Staff,
                    day,
                )?;
            }
            if end == "rehandling" {
                let rehandle = TrackingAction::Rehandle {
                    unit,
                    reason: reason("群众不满意，请重新办理并当面答复")?,
                };
                step(
                    &mut d,
                    DemandAction::Track { action: rehandle },
                    DemandActor::Staff,
                    day,
                )?;
            }
        }
    }
    Ok(Some(made(rng, category, content, d, steps, n)))
}

fn made(
    rng: &mut Rng,
    category: &'static str,
    content: String,
    demand: Demand,
    steps: Vec<(&'static str, &'static str, String, time::Date)>,
    n: usize,
) -> Made {
    let channel = match n % 10 {
        0..=5 => station::Channel::OnSite,
        6..=8 => station::Channel::Online,
        _ => station::Channel::Phone,
    };
    let anonymous = rng.below(10) < 3;
    let name = (!anonymous).then(|| {
        let title = if rng.below(2) == 0 {
            "先生"
        } else {
            "女士"
        };
        format!("{}{title}", rng.pick(super::names::SURNAMES))
    });
    let phone =
        (!anonymous).then(|| format!("13{}{:08}", 5 + rng.below(5), rng.below(100_000_000)));
    let mut bytes = [0u8; station::CODE_LEN];
    for b in bytes.iter_mut() {
        *b = rng.below(256) as u8;
    }
    Made {
        code: station::tracking_code(&bytes),
        category,
        content,
        channel,
        demand,
        steps,
        name,
        phone,
    }
}

#[allow(clippy::too_many_arguments)]
fn push_demand(
    w: &mut Writer,
    id: i64,
    org: i64,
    station: i64,
    member: Option<MemberId>,
    staff: i64,
    now: i64,
    m: Made,
    cipher: &FieldCipher,
) -> Result<()> {
    let d = &m.demand;
    let aggregate = serde_json::to_string(d).map_err(|e| StoreError::Other(e.to_string()))?;
    let name = m.name.as_deref().map(|n| cipher.encrypt(n)).transpose()?;
    let phone = m.phone.as_deref().map(|p| cipher.encrypt(p)).transpose()?;
    let masked = m
        .phone
        .as_deref()
        .map(|p| domain::member::mask_middle(p, 3, 4))
        .unwrap_or_default();
    let code = m.code.clone();
    let received_at = d.received_on.midnight().assume_utc().unix_timestamp() + 2 * 3600;
    let closed_at = (d.stage == station::DemandStage::Closed).then(|| {
        d.feedback
            .last()
            .map(|f| f.date.midnight().assume_utc().unix_timestamp() + 8 * 3600)
            .unwrap_or(now)
    });
    let satisfaction = d
        .feedback
        .last()
        .map(|f| f.satisfaction.code())
        .unwrap_or("");
    let taken_by = (m.channel == station::Channel::OnSite)
        .then_some(member)
        .flatten()
        .map(|x| x.0);
    let entered_by = (m.channel != station::Channel::Online).then_some(staff);
    let name_lit = name.as_deref().map(Lit::Text).unwrap_or(Lit::Null);
    let phone_lit = phone.as_deref().map(Lit::Text).unwrap_or(Lit::Null);
    w.demands.push(&[
        id.into(),
        org.into(),
        station.into(),
        code.as_str().into(),
        m.channel.code().into(),
        m.category.into(),
        m.content.as_str().into(),
        name_lit,
        phone_lit,
        masked.as_str().into(),
        taken_by.into(),
        entered_by.into(),
        "".into(),
        d.stage.code().into(),
        0i64.into(),
        d.closed_on_time.map(i64::from).into(),
        satisfaction.into(),
        d.received_on.to_string().as_str().into(),
        closed_at.into(),
        (m.steps.len() as i64).into(),
        aggregate.as_str().into(),
        received_at.into(),
        closed_at.unwrap_or(received_at).into(),
    ]);
    for a in &d.tracking.assignments {
        w.demand_units.push(&[
            id.into(),
            i64::from(a.seq).into(),
            a.unit.0.into(),
            a.state.code().into(),
            a.due.to_string().as_str().into(),
        ]);
    }
    w.history.push(&[
        id.into(),
        received_at.into(),
        Lit::Null,
        "demo".into(),
        "receive".into(),
        "".into(),
        "received".into(),
        m.channel.label().into(),
    ]);
    let mut from = "received";
    for (action, to, comment, on) in &m.steps {
        let at = on.midnight().assume_utc().unix_timestamp() + 3 * 3600;
        w.history.push(&[
            id.into(),
            at.into(),
            staff.into(),
            "demo".into(),
            (*action).into(),
            from.into(),
            (*to).into(),
            comment.as_str().into(),
        ]);
        from = to;
    }
    Ok(())
}
