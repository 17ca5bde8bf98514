//! Loading the demo data: every planned organisation with its structure
//! lists and members, then one account per role and an audit entry.

use domain::{OrgId, Role, UnitId};
use indicatif::{ProgressBar, ProgressStyle};
use sea_query::{Expr, Query};

use super::names::*;
use super::people::{demo_member, member_name};
use super::plan::plan;
use super::structure::{chinese_number, insert_named};
use super::{is_empty, Rng, Scale, DEMO_PASSWORD};
use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs};
use crate::user::{self, NewAccount};

/// Choices beyond the scale.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How many proposals the national scale makes; by default
    /// `ZHENGXIE_DEMO_PROPOSALS`, else [`super::DEFAULT_PROPOSALS`].
    pub national_proposals: Option<usize>,
}

/// Loads the demo data. Refuses a database that already holds organisations.
pub async fn load(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    scale: Scale,
    show_progress: bool,
) -> Result<()> {
    load_with(db, cipher, now, scale, show_progress, &Options::default()).await
}

/// [`load`] with [`Options`].
pub async fn load_with(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    scale: Scale,
    show_progress: bool,
    options: &Options,
) -> Result<()> {
    if !is_empty(db).await? {
        return Err(StoreError::Other(
            "数据库中已有数据，演示数据只能载入空库".into(),
        ));
    }
    let plans = plan(scale);
    let total_members: u64 = plans.iter().map(|p| p.members as u64).sum();
    let bar = if show_progress {
        ProgressBar::new(total_members)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} 名委员 {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("载入演示数据");
    let system = Who {
        user_id: None,
        login: "system".into(),
        ip: "127.0.0.1".into(),
    };
    let mut rng = Rng(match scale {
        Scale::Small => 1,
        Scale::City => 2,
        Scale::National => 3,
    });
    let mut org_ids: Vec<OrgId> = Vec::with_capacity(plans.len());
    let mut org_paths: Vec<String> = Vec::with_capacity(plans.len());
    let mut first_city_member = None;
    let mut first_unit = None;
    let mut member_serial = 0u32;

    for (index, p) in plans.iter().enumerate() {
        let mut tx = db.write().await?;
        let id = tx
            .insert_id(
                &Query::insert()
                    .into_table(Orgs::Table)
                    .columns([
                        Orgs::ParentId,
                        Orgs::Name,
                        Orgs::ShortName,
                        Orgs::Level,
                        Orgs::Path,
                        Orgs::Sort,
                        Orgs::CreatedAt,
                        Orgs::UpdatedAt,
                    ])
                    .values_panic([
                        p.parent.map(|i| org_ids[i].0).into(),
                        p.name.clone().into(),
                        p.short.clone().into(),
                        p.level.into(),
                        "".into(),
                        (index as i64).into(),
                        now.into(),
                        now.into(),
                    ])
                    .returning_col(Orgs::Id)
                    .to_owned(),
            )
            .await?;
        let path = match p.parent {
            Some(i) => format!("{}{id}/", org_paths[i]),
            None => format!("/{id}/"),
        };
        tx.execute(
            &Query::update()
                .table(Orgs::Table)
                .value(Orgs::Path, path.clone())
                .and_where(Expr::col(Orgs::Id).eq(id))
                .to_owned(),
        )
        .await?;
        org_ids.push(OrgId(id));
        org_paths.push(path);
        let org = OrgId(id);
        let place = p.short.trim_end_matches("政协").to_string();

        let mut sectors = Vec::new();
        for (sort, name) in NATIONAL_SECTORS.iter().enumerate() {
            let convenor = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
            sectors.push(
                insert_named(
                    &mut tx,
                    "sectors",
                    org,
                    name,
                    &[
                        ("convenor", convenor.into()),
                        ("sort", (sort as i64).into()),
                    ],
                    now,
                )
                .await?,
            );
        }
        crate::org::seed_defaults(&mut tx, org, now).await?;
        let committee_names: &[&str] = if p.parent.is_none() || p.level != "district" {
            CITY_COMMITTEES
        } else {
            DISTRICT_COMMITTEES
        };
        let mut committees = Vec::new();
        for (sort, name) in committee_names.iter().enumerate() {
            committees.push(
                insert_named(
                    &mut tx,
                    "committees",
                    org,
                    name,
                    &[
                        ("description", format!("{place}政协{name}").into()),
                        ("sort", (sort as i64).into()),
                    ],
                    now,
                )
                .await?,
            );
        }
        let current_number = if index == 0 {
            6
        } else {
            14 + (index % 5) as i64
        };
        let mut current_term = 0;
        for (offset, years) in [(0i64, (2023i64, 2027i64)), (1, (2018, 2022))] {
            let number = current_number - offset;
            let name = format!("第{}届", chinese_number(number));
            let t = insert_named(
                &mut tx,
                "terms",
                org,
                &name,
                &[
                    ("number", number.into()),
                    ("start_year", years.0.into()),
                    ("end_year", years.1.into()),
                    ("is_current", i64::from(offset == 0).into()),
                ],
                now,
            )
            .await?;
            if offset == 0 {
                current_term = t;
            }
        }
        let units: Vec<String> = if index == 0 && scale != Scale::National {
            CHONGQING_UNITS.iter().map(|u| u.to_string()).collect()
        } else {
            DISTRICT_UNIT_SUFFIXES
                .iter()
                .map(|s| format!("{place}{s}"))
                .collect()
        };
        for (i, unit) in units.iter().enumerate() {
            let kind = if unit.contains("法院") || unit.contains("检察院") {
                "司法机关"
            } else {
                "政府部门"
            };
            let phone = format!("023-6{:07}", 1_000_000 + rng.below(8_999_999));
            let contact = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
            let u = insert_named(
                &mut tx,
                "units",
                org,
                unit,
                &[
                    ("kind", kind.into()),
                    ("contact_person", contact.into()),
                    ("contact_phone", phone.into()),
                ],
                now,
            )
            .await?;
            if index == 0 && i == 1 {
                first_unit = Some(UnitId(u));
            }
        }

        // Members, in statements of 200 rows.
        let mut made = 0;
        while made < p.members {
            let chunk = (p.members - made).min(200);
            let mut insert = Query::insert().into_table(Members::Table).to_owned();
            let mut columns_set = false;
            for n in made..made + chunk {
                member_serial += 1;
                let draft = demo_member(
                    &mut rng,
                    org,
                    p.region,
                    member_serial,
                    n,
                    &sectors,
                    &committees,
                    current_term,
                    &place,
                );
                let mut values = crate::member::draft_values(cipher, &draft, now)?;
                values.push((Members::CreatedAt, now.into()));
                let (cols, exprs): (Vec<_>, Vec<_>) = values.into_iter().unzip();
                if !columns_set {
                    insert.columns(cols);
                    columns_set = true;
                }
                insert.values_panic(exprs);
            }
            tx.execute(&insert).await?;
            made += chunk;
            bar.inc(chunk as u64);
        }
        if index == 0 {
            let row = tx
                .one(
                    &Query::select()
                        .expr(Expr::col(Members::Id).min())
                        .from(Members::Table)
                        .and_where(Expr::col(Members::OrgId).eq(id))
                        .and_where(Expr::col(Members::Post).eq("member"))
                        .to_owned(),
                )
                .await?;
            first_city_member = get::<Option<i64>>(&row, "min")
                .ok()
                .flatten()
                .or_else(|| sqlx::Row::try_get::<i64, _>(&row, 0).ok());
        }
        tx.commit().await?;
    }
    bar.finish_with_message("演示数据已载入");

    let root = org_ids[0];
    let district = org_ids.get(3).copied().unwrap_or(root);
    let accounts: [(&str, &str, Role, OrgId); 8] = [
        ("weiyuan", "演示委员", Role::Member, root),
        ("shiganbu", "市政协机关干部", Role::Staff, root),
        ("quganbu", "渝中区政协机关干部", Role::Staff, district),
        ("lingdao", "市政协领导", Role::Leader, root),
        ("chengban", "承办单位经办人", Role::UnitClerk, root),
        ("xitong", "系统管理员", Role::SysAdmin, root),
        ("anquan", "安全管理员", Role::SecAdmin, root),
        ("shenji", "审计管理员", Role::AuditAdmin, root),
    ];
    for (login, display, role, org) in accounts {
        let display_name = match (role, first_city_member) {
            (Role::Member, Some(m)) => member_name(db, m)
                .await
                .unwrap_or_else(|_| display.to_string()),
            _ => display.to_string(),
        };
        user::create(
            db,
            now,
            &system,
            &NewAccount {
                login: login.into(),
                display_name,
                role,
                org_id: org,
                member_id: if role == Role::Member {
                    first_city_member.map(domain::MemberId)
                } else {
                    None
                },
                unit_id: if role == Role::UnitClerk {
                    first_unit
                } else {
                    None
                },
                password: DEMO_PASSWORD.into(),
                must_change_password: false,
            },
        )
        .await?;
    }
    let tree = crate::org::list_orgs(db, &domain::org::OrgPath::root(root)).await?;
    let proposal_bar = if show_progress {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    proposal_bar.set_message("载入演示提案");
    let featured = first_city_member.map(domain::MemberId);
    let mut proposals =
        super::proposals::load(db, now, scale, &tree, featured, &proposal_bar).await?;
    if scale == Scale::National {
        let target = options
            .national_proposals
            .or_else(|| {
                std::env::var("ZHENGXIE_DEMO_PROPOSALS")
                    .ok()
                    .and_then(|v| v.trim().parse().ok())
            })
            .unwrap_or(super::DEFAULT_PROPOSALS);
        proposal_bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} 件提案 {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        proposals += super::national::load(db, now, &tree, featured, target, &proposal_bar).await?;
    }
    proposal_bar.finish_and_clear();
    // 委员工作站: stations, receptions and citizens' demands.
    let (stations, demands) = super::stations::load(db, cipher, now, scale, &tree).await?;
    tracing::info!(stations, demands, "demo work stations loaded");
    let opinions = super::opinions::load(db, now, scale, &tree).await?;
    tracing::info!(opinions, "demo 社情民意 loaded");
    let topics = super::supervision::load(db, now, scale, &tree).await?;
    tracing::info!(topics, "demo supervision topics loaded");
    let letters = super::letters::load(db, now, scale, &tree).await?;
    tracing::info!(letters, "demo letters loaded");
    let mut tx = db.write().await?;
    crate::version::bump(&mut tx, crate::version::DIRECTORY, now).await?;
    audit::append(
        &mut tx,
        now,
        &system,
        Event::new(
            "demo.load",
            "system",
            "demo",
            format!(
                "载入演示数据：{} 个组织，{total_members} 名委员，{proposals} 件提案",
                plans.len()
            ),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
