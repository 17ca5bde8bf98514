//! Generated members: names, parties by sector, posts, valid ID numbers and
//! phone numbers; and the name of a loaded member.

use domain::member::{Gender, IdNumber, MemberDraft, Party, Phone, Post};
use domain::{CommitteeId, OrgId, SectorId, TermId};
use sea_query::{Expr, Query};

use super::names::{GIVEN, JOB_TITLES, PARTY_BY_SECTOR, SURNAMES, WORK_UNITS};
use super::Rng;
use crate::db::{get, Db};
use crate::error::Result;
use crate::schema::Members;

pub(super) async fn member_name(db: &Db, id: i64) -> Result<String> {
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
#[allow(clippy::too_many_arguments)]
pub(super) fn demo_member(
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
    // The chair and the secretary-general sit for 中国共产党, as in practice.
    let sector_index = match n {
        0 | 5 => {
            rng.below(sectors.len());
            0
        }
        _ => rng.below(sectors.len()),
    };
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
    // Unique within an organisation: the sequence (odd for men) comes from
    // the member's index, and every 500 members move to the next county code.
    let sequence = (n as u32 % 500) * 2 + u32::from(gender == Gender::Male);
    let county = region + n as u32 / 500;
    let id17 = format!("{county:06}{year:04}{month:02}{day:02}{sequence:03}");
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

pub(super) fn check_digit(id17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = id17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}
