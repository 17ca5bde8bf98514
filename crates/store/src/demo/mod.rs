//! Deterministic demo data: 重庆市政协 and its 38 district and county
//! committees (or a synthetic national tree), the national sector list,
//! special committees, terms, real-named handling units, members and one
//! demo account per role. The same scale always yields the same data.

use domain::member::{Gender, IdNumber, MemberDraft, Party, Phone, Post};
use domain::{CommitteeId, OrgId, Role, SectorId, TermId, UnitId};
use indicatif::{ProgressBar, ProgressStyle};
use sea_query::{Expr, Query};

use crate::audit::{self, Event, Who};
use crate::crypto::FieldCipher;
use crate::db::{get, Db};
use crate::error::{Result, StoreError};
use crate::schema::{Members, Orgs};
use crate::user::{self, NewAccount};

#[path = "demo_names.rs"]
mod names;
use names::*;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "Zhengxie@2026";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The city and its 38 districts with a few members each.
    Small,
    /// The city and 38 districts with about 12,000 members.
    City,
    /// About 3,000 committees and 650,000 members.
    National,
}

impl std::str::FromStr for Scale {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Scale, String> {
        match s {
            "small" => Ok(Scale::Small),
            "city" => Ok(Scale::City),
            "national" => Ok(Scale::National),
            other => Err(format!("未知的规模“{other}”，可选 small、city、national")),
        }
    }
}

/// A small deterministic generator (SplitMix64), so the data does not change
/// with a dependency's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// True when the database holds no organisation yet.
pub async fn is_empty(db: &Db) -> Result<bool> {
    Ok(db
        .scalar(
            &Query::select()
                .expr(Expr::col(Orgs::Id).count())
                .from(Orgs::Table)
                .to_owned(),
        )
        .await?
        == 0)
}

struct OrgPlan {
    name: String,
    short: String,
    level: &'static str,
    parent: Option<usize>,
    region: u32,
    members: usize,
}

fn plan(scale: Scale) -> Vec<OrgPlan> {
    let mut orgs = Vec::new();
    match scale {
        Scale::Small | Scale::City => {
            let (city_members, per_district) = if scale == Scale::Small {
                (40, 8)
            } else {
                (880, 293)
            };
            orgs.push(OrgPlan {
                name: "中国人民政治协商会议重庆市委员会".into(),
                short: "重庆市政协".into(),
                level: "city",
                parent: None,
                region: 500000,
                members: city_members,
            });
            for (i, d) in CHONGQING_DISTRICTS.iter().enumerate() {
                orgs.push(OrgPlan {
                    name: format!("中国人民政治协商会议重庆市{d}委员会"),
                    short: format!("{d}政协"),
                    level: "district",
                    parent: Some(0),
                    region: 500101 + i as u32,
                    members: per_district,
                });
            }
        }
        Scale::National => {
            orgs.push(OrgPlan {
                name: "中国人民政治协商会议全国委员会".into(),
                short: "全国政协".into(),
                level: "national",
                parent: None,
                region: 110000,
                members: 2169,
            });
            for (p, province) in PROVINCES.iter().enumerate() {
                let pi = orgs.len();
                let region = 110000 + p as u32 * 10000;
                orgs.push(OrgPlan {
                    name: format!("中国人民政治协商会议{province}委员会"),
                    short: format!("{province}政协"),
                    level: "province",
                    parent: Some(0),
                    region,
                    members: 700,
                });
                for c in 0..10 {
                    let ci = orgs.len();
                    let city = format!("{province}第{}市", c + 1);
                    orgs.push(OrgPlan {
                        name: format!("中国人民政治协商会议{city}委员会"),
                        short: format!("{city}政协"),
                        level: "city",
                        parent: Some(pi),
                        region: region + (c as u32 + 1) * 100,
                        members: 400,
                    });
                    for d in 0..8 {
                        let district = format!("{city}第{}区", d + 1);
                        orgs.push(OrgPlan {
                            name: format!("中国人民政治协商会议{district}委员会"),
                            short: format!("{district}政协"),
                            level: "district",
                            parent: Some(ci),
                            region: region + (c as u32 + 1) * 100 + d as u32 + 1,
                            members: 210,
                        });
                    }
                }
            }
        }
    }
    orgs
}

/// Loads the demo data. Refuses a database that already holds organisations.
pub async fn load(
    db: &Db,
    cipher: &FieldCipher,
    now: i64,
    scale: Scale,
    show_progress: bool,
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
    audit::record(
        db,
        now,
        &system,
        Event::new(
            "demo.load",
            "system",
            "demo",
            format!(
                "载入演示数据：{} 个组织，{total_members} 名委员",
                plans.len()
            ),
        ),
    )
    .await?;
    Ok(())
}

async fn member_name(db: &Db, id: i64) -> Result<String> {
    let r = db
        .one(
            &Query::select()
                .column(Members::Name)
                .from(Members::Table)
                .and_where(Expr::col(Members::Id).eq(id))
                .to_owned(),
        )
        .await?;
    get(&r, "name")
}

async fn insert_named(
    tx: &mut crate::db::Tx,
    table: &str,
    org: OrgId,
    name: &str,
    extra: &[(&str, sea_query::SimpleExpr)],
    now: i64,
) -> Result<i64> {
    let mut cols = vec![
        sea_query::Alias::new("org_id"),
        sea_query::Alias::new("name"),
        sea_query::Alias::new("created_at"),
        sea_query::Alias::new("updated_at"),
    ];
    let mut values: Vec<sea_query::SimpleExpr> =
        vec![org.0.into(), name.into(), now.into(), now.into()];
    for (c, v) in extra {
        cols.push(sea_query::Alias::new(*c));
        values.push(v.clone());
    }
    tx.insert_id(
        &Query::insert()
            .into_table(sea_query::Alias::new(table))
            .columns(cols)
            .values_panic(values)
            .returning_col(sea_query::Alias::new("id"))
            .to_owned(),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
fn demo_member(
    rng: &mut Rng,
    org: OrgId,
    region: u32,
    serial: u32,
    n: usize,
    sectors: &[i64],
    committees: &[i64],
    term: i64,
    place: &str,
) -> MemberDraft {
    let sector_index = rng.below(sectors.len());
    // The party sectors (中国共产党 and the eight parties) hold their own members.
    let party = match sector_index {
        0..=8 => PARTY_BY_SECTOR[sector_index],
        _ => *rng.pick(&[
            Party::Cpc,
            Party::Cpc,
            Party::NonParty,
            Party::NonParty,
            Party::Masses,
        ]),
    };
    let post = match n {
        0 => Post::Chair,
        1..=4 => Post::ViceChair,
        5 => Post::SecretaryGeneral,
        _ if n.is_multiple_of(9) => Post::StandingMember,
        _ => Post::Member,
    };
    let gender = if rng.below(100) < 62 {
        Gender::Male
    } else {
        Gender::Female
    };
    let year = 1958 + rng.below(40) as i32;
    let month = 1 + rng.below(12) as u8;
    let day = 1 + rng.below(28) as u8;
    let birth = time::Date::from_calendar_date(
        year,
        time::Month::try_from(month).unwrap_or(time::Month::January),
        day,
    )
    .ok();
    let sequence = (serial % 1000) / 2 * 2 + u32::from(gender == Gender::Male);
    let id17 = format!(
        "{region:06}{year:04}{month:02}{day:02}{:03}",
        sequence % 1000
    );
    let id_number = IdNumber::parse(&format!("{id17}{}", check_digit(&id17))).ok();
    let phone = Phone::parse(&format!(
        "1{}{:09}",
        [3, 5, 7, 8, 9][rng.below(5)],
        (u64::from(serial) * 7919 + rng.below(1000) as u64) % 1_000_000_000
    ))
    .ok();
    let work_unit = rng.pick(WORK_UNITS).replace("{place}", place);
    MemberDraft {
        name: format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN)),
        gender,
        ethnicity: if rng.below(100) < 88 {
            "汉族".into()
        } else {
            rng.pick(&["土家族", "苗族", "回族", "满族", "蒙古族"])
                .to_string()
        },
        birth_date: birth,
        party,
        org_id: org,
        sector_id: SectorId(sectors[sector_index]),
        committee_id: (rng.below(100) < 60).then(|| CommitteeId(*rng.pick(committees))),
        term_id: Some(TermId(term)),
        post,
        work_unit,
        job_title: Some(rng.pick(JOB_TITLES).to_string()),
        phone,
        id_number,
        email: None,
        address: None,
    }
}

fn check_digit(id17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = id17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

fn chinese_number(n: i64) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[(n % 10) as usize]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            DIGITS[(n % 10) as usize]
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_id_numbers_are_valid_and_plans_have_the_promised_size() {
        let id17 = "50010119650309123";
        assert!(IdNumber::parse(&format!("{id17}{}", check_digit(id17))).is_ok());
        assert_eq!(plan(Scale::City).len(), 39);
        let city: usize = plan(Scale::City).iter().map(|p| p.members).sum();
        assert!((11_500..=12_500).contains(&city));
        let national = plan(Scale::National);
        assert!((2_800..=3_200).contains(&national.len()));
        let members: usize = national.iter().map(|p| p.members).sum();
        assert!((600_000..=700_000).contains(&members), "{members}");
        assert_eq!(chinese_number(16), "十六");
    }
}
