//! 委员工作站 / 委员工作室 (members' work stations and studios), their
//! reception days, and citizens' demands (群众诉求) with their disposition.
//!
//! A demand comes in on site (entered by a member or staff) or through the
//! public form. It is then disposed of once: answered on the spot, forwarded
//! to a handling unit through the shared [`crate::tracking`] machine, turned
//! into a proposal or 社情民意 draft, or taken to a grassroots consultation.
//! Feedback to the visitor closes it. [`demand::apply`] is the one
//! transition function; [`rules`] says who relates to a record how.

pub mod demand;
mod input;
pub mod rules;
mod settings;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use demand::{
    apply, Applied, Demand, DemandAction, DemandActor, DemandStage, Disposition, VisitorFeedback,
};
pub use input::{
    DemandInput, DemandText, FeedbackForm, FeedbackHow, ReceptionInput, ReceptionRecord,
    StationInput, StationRecord,
};
pub use rules::{demand_relation, station_relation, DemandRelation, StationRelation, Viewer};
pub use settings::StationSettings;

/// The kinds of station (a per-organisation list could replace this later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StationKind {
    /// 委员工作站: a place where several members receive citizens.
    Station,
    /// 委员工作室: carries one member's name.
    Studio,
    /// 界别工作室: carries a sector's name.
    SectorStudio,
    /// 委员联络站
    Liaison,
}

impl StationKind {
    pub const ALL: [StationKind; 4] = [
        StationKind::Station,
        StationKind::Studio,
        StationKind::SectorStudio,
        StationKind::Liaison,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StationKind::Station => "station",
            StationKind::Studio => "studio",
            StationKind::SectorStudio => "sector_studio",
            StationKind::Liaison => "liaison",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StationKind::Station => "委员工作站",
            StationKind::Studio => "委员工作室",
            StationKind::SectorStudio => "界别委员工作室",
            StationKind::Liaison => "委员联络站",
        }
    }

    pub fn from_code(code: &str) -> Option<StationKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim() || k.label() == code.trim())
    }
}

/// How a demand came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 现场接待, entered by a member or staff.
    OnSite,
    /// 网上提交 through the public form.
    Online,
    /// 电话
    Phone,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::OnSite, Channel::Online, Channel::Phone];

    pub fn code(self) -> &'static str {
        match self {
            Channel::OnSite => "on_site",
            Channel::Online => "online",
            Channel::Phone => "phone",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::OnSite => "现场接待",
            Channel::Online => "网上提交",
            Channel::Phone => "电话反映",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// The alphabet of tracking codes: no 0/O, 1/I/L, so a code read over the
/// phone is not misheard.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a tracking code after the `SQ` prefix (31^12 ≈ 2^59).
pub const CODE_LEN: usize = 12;

/// A tracking code from random bytes: `SQ` and [`CODE_LEN`] characters.
pub fn tracking_code(random: &[u8; CODE_LEN]) -> String {
    let body: String = random
        .iter()
        .map(|b| CODE_ALPHABET[(*b as usize) % CODE_ALPHABET.len()] as char)
        .collect();
    format!("SQ{body}")
}

/// A code as typed (spaces, dashes, lower case) in its stored form, or
/// `None` if it cannot be a code at all.
pub fn normalise_code(raw: &str) -> Option<String> {
    let code: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let body = code.strip_prefix("SQ")?;
    let ok = body.len() == CODE_LEN && body.bytes().all(|b| CODE_ALPHABET.contains(&b));
    ok.then_some(code)
}

/// The arithmetic question of the public form's human check, read aloud by
/// a screen reader as well as it reads on screen: `3 加 4 等于几？`.
pub fn question(a: u32, b: u32) -> String {
    format!("{a} 加 {b} 等于几？")
}

/// The answer as typed: ASCII or full-width digits, or a Chinese numeral up
/// to 二十.
pub fn parse_answer(raw: &str) -> Option<u32> {
    let t: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Ok(n) = t.parse::<u32>() {
        return Some(n);
    }
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |s: &str| DIGITS.iter().position(|d| *d == s).map(|n| n as u32);
    let chars: Vec<String> = t.chars().map(|c| c.to_string()).collect();
    match chars
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [d] if *d == "十" => Some(10),
        [d] => digit(d),
        ["十", d] => digit(d).map(|n| 10 + n),
        [d, "十"] => digit(d).map(|n| n * 10),
        [d, "十", e] => Some(digit(d)? * 10 + digit(e)?),
        _ => None,
    }
}
