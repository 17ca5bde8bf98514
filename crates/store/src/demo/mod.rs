//! Deterministic demo data: 重庆市政协 and its 38 district and county
//! committees (or a synthetic national tree), the national sector list,
//! special committees, terms, real-named handling units, members and one
//! demo account per role. The same scale always yields the same data.
//! `load` writes it all; `plan` lays out the organisation tree, `structure`
//! and `people` fill each organisation, and `names` holds the word lists.

mod bulk;
mod letters;
mod load;
mod names;
mod national;
mod national_rows;
#[cfg(test)]
mod national_tests;
mod opinion_rows;
mod opinion_texts;
mod opinions;
mod people;
mod plan;
pub mod proposal_texts;
mod proposals;
mod script;
mod station_demands;
mod station_rows;
mod station_texts;
mod stations;
mod structure;
mod supervision;
mod supervision_texts;

pub use load::{load, load_with, Options};
pub use national::DEFAULT_PROPOSALS;

use sea_query::{Expr, Query};

use crate::db::Db;
use crate::error::Result;
use crate::schema::Orgs;

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

/// A demo reason or note, checked like typed ones.
fn reason(text: &str) -> Result<domain::refusal::Reason> {
    domain::refusal::Reason::parse(text, "说明").map_err(crate::error::StoreError::Other)
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

#[cfg(test)]
mod tests {
    use super::people::check_digit;
    use super::plan::plan;
    use super::structure::chinese_number;
    use super::*;
    use domain::member::IdNumber;

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
