//! Taking demands in: on site (an account enters it) or from the public
//! form (with the per-address limit checked in the same transaction). A
//! burst of public submissions is written in batches: the submissions that
//! arrive while one batch is being written wait for the next, and each batch
//! is one transaction with one insert per table, so the write lock is taken
//! once per batch instead of once per citizen.

use domain::station::{self, Demand, DemandText};
use domain::{MemberId, OrgId, UserId};
use rand::RngCore;
use sea_query::{Alias, Expr, Query};
use tokio::sync::{mpsc, oneshot};

use super::demand::HistoryLine;
use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::Demands;

/// Who brought the demand in.
#[derive(Debug, Clone)]
pub enum Visitor {
    /// The public form, from this client address; `limit` submissions per
    /// hour are accepted from one address.
    Public { ip: String, limit: u32 },
    /// Entered on site by an account, for a member if one took it in.
    Entered {
        user: UserId,
        member: Option<MemberId>,
    },
}

#[derive(Debug, Clone)]
pub struct NewDemand {
    pub org: OrgId,
    pub station: Option<i64>,
    pub text: DemandText,
    pub visitor: Visitor,
}

fn new_code() -> String {
    let mut bytes = [0u8; station::CODE_LEN];
    rand::thread_rng().fill_bytes(&mut bytes);
    station::tracking_code(&bytes)
}

/// Takes a demand in. `Ok(None)` means the address has reached its limit
/// for the hour and nothing was written.
pub async fn create(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    who: &Who,
    d: &NewDemand,
) -> Result<Option<(i64, String)>> {
    let mut out = create_many(db, cipher, now, vec![(who.clone(), d.clone())]).await?;
    Ok(out.pop().flatten())
}

/// One demand ready to write.
struct Prepared {
    who: Who,
    d: NewDemand,
    code: String,
    name: Option<String>,
    phone: Option<String>,
    masked: String,
    digest: String,
    taken_by: Option<i64>,
    entered_by: Option<i64>,
}

fn prepare(cipher: &FieldCipher, who: Who, d: NewDemand) -> Result<Prepared> {
    let name = d
        .text
        .name
        .as_deref()
        .map(|n| cipher.encrypt(n))
        .transpose()?;
    let phone = d
        .text
        .phone
        .as_deref()
        .map(|p| cipher.encrypt(p))
        .transpose()?;
    let masked = d
        .text
        .phone
        .as_deref()
        .map(|p| domain::member::mask_middle(p, 3, 4))
        .unwrap_or_default();
    let (digest, taken_by, entered_by) = match &d.visitor {
        Visitor::Public { ip, .. } => (cipher.digest(&format!("demand-ip:{ip}")), None, None),
        Visitor::Entered { user, member } => (String::new(), member.map(|m| m.0), Some(user.0)),
    };
    Ok(Prepared {
        who,
        d,
        code: new_code(),
        name,
        phone,
        masked,
        digest,
        taken_by,
        entered_by,
    })
}

/// Takes several demands in, in one transaction, in order. Each result is
/// `None` when its address had reached the hour's limit (counting the
/// earlier ones of the same batch), else the new id and tracking code.
pub async fn create_many(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    items: Vec<(Who, NewDemand)>,
) -> Result<Vec<Option<(i64, String)>>> {
    let today = crate::clock::local_date(now);
    let demand = Demand::new(today);
    let aggregate = serde_json::to_string(&demand).map_err(|e| StoreError::Other(e.to_string()))?;
    let prepared = items
        .into_iter()
        .map(|(who, d)| prepare(cipher, who, d))
        .collect::<Result<Vec<_>>>()?;
    let mut tx = db.write().await?;
    // The hour's count per public address, then this batch on top of it.
    let digests: Vec<String> = prepared
        .iter()
        .filter(|p| matches!(p.d.visitor, Visitor::Public { .. }))
        .map(|p| p.digest.clone())
        .collect();
    let mut counts = std::collections::HashMap::<String, i64>::new();
    if !digests.is_empty() {
        let rows = tx
            .all(
                &Query::select()
                    .column(Demands::IpDigest)
                    .expr_as(Expr::col(Demands::Id).count(), Alias::new("n"))
                    .from(Demands::Table)
                    .and_where(Expr::col(Demands::IpDigest).is_in(digests))
                    .and_where(Expr::col(Demands::CreatedAt).gt(now - 3600))
                    .group_by_col(Demands::IpDigest)
                    .to_owned(),
            )
            .await?;
        for r in &rows {
            counts.insert(get(r, "ip_digest")?, get(r, "n")?);
        }
    }
    let mut accepted = Vec::new();
    let mut results: Vec<Option<usize>> = Vec::new();
    for p in &prepared {
        if let Visitor::Public { limit, .. } = &p.d.visitor {
            let n = counts.entry(p.digest.clone()).or_insert(0);
            if *n >= i64::from(*limit) {
                results.push(None);
                continue;
            }
            *n += 1;
        }
        results.push(Some(accepted.len()));
        accepted.push(p);
    }
    if accepted.is_empty() {
        return Ok(results.into_iter().map(|_| None).collect());
    }
    let mut insert = Query::insert()
        .into_table(Demands::Table)
        .columns([
            Demands::OrgId,
            Demands::StationId,
            Demands::Code,
            Demands::Channel,
            Demands::Category,
            Demands::Content,
            Demands::NameCipher,
            Demands::PhoneCipher,
            Demands::PhoneMasked,
            Demands::TakenByMemberId,
            Demands::EnteredByUserId,
            Demands::IpDigest,
            Demands::Stage,
            Demands::ReceivedOn,
            Demands::Aggregate,
            Demands::CreatedAt,
            Demands::UpdatedAt,
        ])
        .to_owned();
    for p in &accepted {
        insert.values_panic([
            p.d.org.0.into(),
            p.d.station.into(),
            p.code.clone().into(),
            p.d.text.channel.code().into(),
            p.d.text.category.clone().into(),
            p.d.text.content.clone().into(),
            p.name.clone().into(),
            p.phone.clone().into(),
            p.masked.clone().into(),
            p.taken_by.into(),
            p.entered_by.into(),
            p.digest.clone().into(),
            demand.stage.code().into(),
            today.to_string().into(),
            aggregate.clone().into(),
            now.into(),
            now.into(),
        ]);
    }
    tx.execute(&insert).await?;
    // The new ids, by their (unique) tracking codes.
    let codes: Vec<String> = accepted.iter().map(|p| p.code.clone()).collect();
    let rows = tx
        .all(
            &Query::select()
                .columns([Demands::Id, Demands::Code])
                .from(Demands::Table)
                .and_where(Expr::col(Demands::Code).is_in(codes))
                .to_owned(),
        )
        .await?;
    let mut ids = std::collections::HashMap::<String, i64>::new();
    for r in &rows {
        ids.insert(get(r, "code")?, get(r, "id")?);
    }
    let id_of = |p: &Prepared| {
        ids.get(&p.code)
            .copied()
            .ok_or_else(|| StoreError::Other(format!("demand {} not written", p.code)))
    };
    let mut lines = Vec::new();
    let mut events = Vec::new();
    let mut new_ids = Vec::new();
    for p in &accepted {
        let id = id_of(p)?;
        new_ids.push(id);
        lines.push(HistoryLine {
            demand: id,
            who: &p.who,
            action: "receive",
            from: "",
            to: demand.stage.code(),
            comment: p.d.text.channel.label(),
        });
        let summary = format!(
            "受理群众诉求（{}，{}）",
            p.d.text.channel.label(),
            p.d.text.category
        );
        events.push((
            p.who.clone(),
            Event::new("demand.receive", "demand", id, summary),
        ));
    }
    super::demand::history(&mut tx, now, &lines).await?;
    audit::append_many(&mut tx, now, events).await?;
    crate::search_feed::record_many(&mut tx, crate::search_feed::Kind::Demand, &new_ids, now)
        .await?;
    tx.commit().await?;
    Ok(results
        .into_iter()
        .map(|r| r.map(|i| (new_ids[i], accepted[i].code.clone())))
        .collect())
}

type Reply = oneshot::Sender<Result<Option<(i64, String)>>>;

/// Public submissions waiting for the next batch.
#[derive(Clone)]
pub struct Intake {
    queue: mpsc::Sender<(i64, Who, NewDemand, Reply)>,
}

/// The most submissions written in one transaction.
const BATCH: usize = 64;

impl Intake {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(db: Db, cipher: FieldCipher) -> Intake {
        let (queue, mut waiting) = mpsc::channel::<(i64, Who, NewDemand, Reply)>(1024);
        tokio::spawn(async move {
            while let Some(first) = waiting.recv().await {
                let mut batch = vec![first];
                while batch.len() < BATCH {
                    match waiting.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                let now = batch.iter().map(|b| b.0).max().unwrap_or_default();
                let mut replies = Vec::new();
                let mut items = Vec::new();
                for (_, who, d, reply) in batch {
                    items.push((who, d));
                    replies.push(reply);
                }
                match create_many(&db, &cipher, now, items).await {
                    Ok(results) => {
                        for (reply, result) in replies.into_iter().zip(results) {
                            let _ = reply.send(Ok(result));
                        }
                    }
                    Err(e) => {
                        let message = e.to_string();
                        for reply in replies {
                            let _ = reply.send(Err(StoreError::Other(message.clone())));
                        }
                    }
                }
            }
        });
        Intake { queue }
    }

    /// Takes a public submission in with the next batch; as [`create`].
    pub async fn submit(&self, now: i64, who: Who, d: NewDemand) -> Result<Option<(i64, String)>> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((now, who, d, reply))
            .await
            .map_err(|_| StoreError::Other("demand intake stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Other("demand intake stopped".into()))?
    }
}
