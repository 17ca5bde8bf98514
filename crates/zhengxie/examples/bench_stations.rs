//! The work-station benchmark client: a burst of public demand-form
//! submissions (GET the form, solve its question, POST) from many clients
//! at once, and the coverage view's latency through the API.
//!
//! Usage: bench_stations DB_URL BASE_URL [TOTAL] [CLIENTS] [MODE]
//!   MODE `limit` (default): staff raise the city's per-address limit
//!        (`PUT /api/v1/settings/stations`) so no submission is throttled,
//!        then put it back;
//!   MODE `forwarded`: each client sends its own X-Forwarded-For (the
//!        server must run with ZHENGXIE_TRUST_PROXY=1), the limit unchanged;
//!   MODE `throttle`: one address, the limit unchanged: most answers are
//!        the intended 429.
//! Prints `bench: burst …` and `bench: coverage …` lines for scripts/bench-stations.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use domain::Role;
use tokio::sync::Mutex;

const CONTENTS: [(&str, &str); 6] = [
    (
        "城乡建设",
        "小区门口的路灯坏了三个月，晚上老人出行很不安全，希望尽快修好。",
    ),
    (
        "交通出行",
        "学校门口上下学时段拥堵严重，建议设置临时停车位并增派交通协管员。",
    ),
    (
        "养老服务",
        "社区老年食堂只供应午餐，独居老人希望增加晚餐供应。",
    ),
    (
        "生态环境",
        "河边有生活污水直排，夏天异味明显，希望查明排污口整治。",
    ),
    (
        "医疗卫生",
        "社区卫生服务中心周末不开诊，慢性病老人拿药要跑大医院。",
    ),
    (
        "社区治理",
        "电动自行车在楼道里充电，存在火灾隐患，希望建设集中充电桩。",
    ),
];

fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)? + start.len();
    let rest = &html[i..];
    Some(&rest[..rest.find(end)?])
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        let last = times.len().saturating_sub(1);
        times
            .get((last as f64 * q).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    (at(0.50), at(0.99))
}

#[derive(Default)]
struct Tally {
    posts: Vec<Duration>,
    accepted: usize,
    throttled: usize,
    errors: usize,
    first_error: Option<String>,
}

async fn one(
    http: &reqwest::Client,
    base: &str,
    org: i64,
    n: usize,
    forwarded: Option<&str>,
) -> Result<(Duration, u16)> {
    let with_ip = |r: reqwest::RequestBuilder| match forwarded {
        Some(ip) => r.header("x-forwarded-for", ip),
        None => r,
    };
    let form = with_ip(http.get(format!("{base}/demand?org={org}")))
        .send()
        .await?
        .text()
        .await?;
    let question = between(&form, "验证题：", "等于几").context("no question on the form")?;
    let sum: u32 = question
        .split('加')
        .map(|p| p.trim().parse::<u32>().unwrap_or(0))
        .sum();
    let token = between(&form, "name=\"token\" value=\"", "\"").context("no token")?;
    let (category, content) = CONTENTS[n % CONTENTS.len()];
    let content = format!("{content}（第{n}件）");
    let fields = [
        ("org", org.to_string()),
        ("category", category.to_string()),
        ("content", content),
        ("name", "王女士".to_string()),
        ("phone", format!("1380000{:04}", n % 10_000)),
        ("consent", "1".to_string()),
        ("answer", sum.to_string()),
        ("token", token.to_string()),
    ];
    let started = Instant::now();
    let r = with_ip(http.post(format!("{base}/demand")))
        .form(&fields)
        .send()
        .await?;
    let status = r.status().as_u16();
    let body = r.text().await?;
    let took = started.elapsed();
    if status == 200 && !body.contains("aria-label=\"查询码\"") {
        bail!("200 without a tracking code");
    }
    if status != 200 && status != 429 {
        bail!(
            "HTTP {status}: {}",
            body.chars().take(200).collect::<String>()
        );
    }
    Ok((took, status))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: bench_stations DB_URL BASE_URL [TOTAL] [CLIENTS] [limit|forwarded|throttle]";
    let db_url = args.first().context(usage)?;
    let base = args
        .get(1)
        .context(usage)?
        .trim_end_matches('/')
        .to_string();
    let total: usize = args.get(2).map(|v| v.parse()).transpose()?.unwrap_or(500);
    let clients: usize = args.get(3).map(|v| v.parse()).transpose()?.unwrap_or(64);
    let mode = args.get(4).cloned().unwrap_or_else(|| "limit".into());
    let db = store::Db::connect(db_url).await?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let who = store::audit::Who {
        user_id: None,
        login: "bench".into(),
        ip: "local".into(),
    };
    let admin = store::user::find_by_login(&db, "xitong")
        .await?
        .context("load the demo data first")?;
    let orgs = store::org::list_orgs(&db, &domain::org::OrgPath::from_stored("/".into())).await?;
    let root = orgs.first().context("no organisation")?;
    let (_, token) = store::token::issue(
        &db,
        now,
        &who,
        "基准测试（委员工作站）",
        root.id,
        Role::Staff,
        admin.id,
    )
    .await?;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(128)
        .timeout(Duration::from_secs(60))
        .build()?;
    let settings_url = format!("{base}/api/v1/settings/stations");
    if mode == "limit" {
        let r = http
            .put(&settings_url)
            .bearer_auth(&token)
            .json(&serde_json::json!({"public_per_ip_per_hour": 100_000}))
            .send()
            .await?;
        if !r.status().is_success() {
            bail!("raising the limit: HTTP {}", r.status());
        }
    }
    let org = root.id.0;
    let next = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (http, base, next, tally) = (http.clone(), base.clone(), next.clone(), tally.clone());
        let ip = (mode == "forwarded")
            .then(|| format!("10.{}.{}.{}", c / 65_536 % 256, c / 256 % 256, c % 256));
        tasks.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let result = one(&http, &base, org, n, ip.as_deref()).await;
                let mut t = tally.lock().await;
                match result {
                    Ok((took, status)) => {
                        t.posts.push(took);
                        if status == 200 {
                            t.accepted += 1
                        } else {
                            t.throttled += 1
                        }
                    }
                    Err(e) => {
                        t.errors += 1;
                        t.first_error.get_or_insert_with(|| e.to_string());
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let seconds = started.elapsed().as_secs_f64();
    if mode == "limit" {
        let r = http
            .put(&settings_url)
            .bearer_auth(&token)
            .json(&serde_json::json!({"public_per_ip_per_hour": 5}))
            .send()
            .await?;
        if !r.status().is_success() {
            bail!("restoring the limit: HTTP {}", r.status());
        }
    }
    let t = tally.lock().await;
    let (p50, p99) = percentiles(t.posts.clone());
    println!(
        "bench: burst {total} submissions from {clients} clients ({mode}) in {seconds:.1} s = {:.0}/s; POST p50 {p50:.1} ms, p99 {p99:.1} ms; accepted {}, throttled (429) {}, errors {}{}",
        total as f64 / seconds,
        t.accepted,
        t.throttled,
        t.errors,
        t.first_error.as_ref().map(|e| format!(" (first: {e})")).unwrap_or_default()
    );

    // Coverage: the root compares its children; a child shows its own.
    let child = orgs
        .iter()
        .find(|o| o.parent_id == Some(root.id))
        .map(|o| o.id.0)
        .unwrap_or(org);
    for (label, target) in [("compare", org), ("district", child)] {
        let mut times = Vec::new();
        for _ in 0..100 {
            let started = Instant::now();
            let r = http
                .get(format!("{base}/api/v1/stations/coverage"))
                .bearer_auth(&token)
                .query(&[("org", target.to_string())])
                .send()
                .await?;
            let status = r.status();
            let _ = r.bytes().await?;
            if !status.is_success() {
                bail!("coverage: HTTP {status}");
            }
            times.push(started.elapsed());
        }
        let (p50, p99) = percentiles(times);
        println!(
            "bench: coverage {label} (org {target}) 100 requests: p50 {p50:.1} ms, p99 {p99:.1} ms"
        );
    }
    Ok(())
}
