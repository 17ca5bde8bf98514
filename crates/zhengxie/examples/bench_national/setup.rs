//! What the benchmark needs in the database before it calls the server:
//! two API tokens and accounts for the members of the burst; and jieba's
//! speed on a sample of the stored proposals.

use anyhow::{Context, Result};
use domain::org::OrgPath;
use domain::{MemberId, ProposalId, Role};
use store::audit::Who;
use store::user::NewAccount;
use store::Db;

/// Places for generated queries and drafts.
pub const PLACES: [&str; 6] = ["河北省", "江苏省", "四川省", "广东省", "重庆市", "全国"];

/// The identities the benchmark uses.
pub struct Cast {
    /// Staff of the national committee.
    pub staff_token: String,
    /// A member token of the national scope.
    pub member_token: String,
    /// 64 members of 64 different committees, each with an account.
    pub members: Vec<i64>,
}

fn bench_who() -> Who {
    Who {
        user_id: None,
        login: "bench".into(),
        ip: "local".into(),
    }
}

pub async fn prepare(db: &Db) -> Result<Cast> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let admin = store::user::find_by_login(db, "xitong")
        .await?
        .context("no xitong account: load the demo data first")?;
    let orgs = store::org::list_orgs(db, &OrgPath::from_stored("/".into())).await?;
    let root = orgs.first().context("no organisation")?;
    let (_, staff_token) = store::token::issue(
        db,
        now,
        &bench_who(),
        "基准测试（工作人员）",
        root.id,
        Role::Staff,
        admin.id,
    )
    .await?;
    let (_, member_token) = store::token::issue(
        db,
        now,
        &bench_who(),
        "基准测试（委员）",
        root.id,
        Role::Member,
        admin.id,
    )
    .await?;
    // The first ordinary member of 64 committees spread over the tree.
    let rows = sqlx::query_as::<_, (i64,)>(
        "SELECT MIN(id) FROM members WHERE post = 'member' GROUP BY org_id ORDER BY org_id",
    )
    .fetch_all(db.pool())
    .await?;
    let step = (rows.len() / 64).max(1);
    let mut members = Vec::new();
    for (i, (id,)) in rows.iter().step_by(step).take(64).enumerate() {
        let member = store::member::get_member(db, &root.path, MemberId(*id)).await?;
        let login = format!("bench{i:02}");
        if store::user::find_by_login(db, &login).await?.is_none() {
            store::user::create(
                db,
                now,
                &bench_who(),
                &NewAccount {
                    login,
                    display_name: member.row.name.clone(),
                    role: Role::Member,
                    org_id: member.org_id,
                    member_id: Some(member.row.id),
                    unit_id: None,
                    password: store::demo::DEMO_PASSWORD.into(),
                    must_change_password: false,
                },
            )
            .await?;
        }
        members.push(*id);
    }
    Ok(Cast {
        staff_token,
        member_token,
        members,
    })
}

pub struct Segmentation {
    pub docs: usize,
    pub mb: f64,
    pub mb_s: f64,
}

/// jieba on one thread over every 20th stored proposal (at most 50,000),
/// read as the index reads them.
pub async fn segmentation_speed(db: &Db) -> Result<Segmentation> {
    let ids = sqlx::query_as::<_, (i64,)>("SELECT id FROM proposals WHERE id % 20 = 0 LIMIT 50000")
        .fetch_all(db.pool())
        .await?;
    let mut docs = Vec::with_capacity(ids.len());
    for (id,) in ids {
        let stored = store::proposal::load(db, ProposalId(id)).await?;
        docs.extend(web::search::doc_of(&stored));
    }
    let bytes: usize = docs
        .iter()
        .map(|d| d.title.len() + d.body.len() + d.suggestions.len() + d.answers.len())
        .sum();
    let count = docs.len();
    let mb_s = tokio::task::spawn_blocking(move || search::bench::segmentation_mb_s(&docs)).await?;
    Ok(Segmentation {
        docs: count,
        mb: bytes as f64 / 1e6,
        mb_s,
    })
}
