//! A member (委员): the fields of the paper registration form, parsed from
//! raw input into values that are valid by construction.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::field::{optional_text, required_text, FieldErrors};
use crate::{CommitteeId, OrgId, SectorId, TermId};

macro_rules! labelled_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            /// Accepts the stored code or the Chinese label (as typed in a spreadsheet).
            pub fn parse(raw: &str) -> Option<$name> {
                let raw = raw.trim();
                $name::ALL.iter().copied().find(|v| v.code() == raw || v.label() == raw)
            }
        }
    };
}

labelled_enum!(
    /// 性别
    Gender {
        Male = "male", "男";
        Female = "female", "女";
    }
);

labelled_enum!(
    /// 政治面貌 (party affiliation)
    Party {
        Cpc = "cpc", "中共党员";
        Rcck = "rcck", "民革党员";
        Cdl = "cdl", "民盟盟员";
        Cndca = "cndca", "民建会员";
        Capd = "capd", "民进会员";
        Cpwdp = "cpwdp", "农工党党员";
        Zgd = "zgd", "致公党党员";
        Jiusan = "jiusan", "九三学社社员";
        Tdsgl = "tdsgl", "台盟盟员";
        NonParty = "non_party", "无党派人士";
        Masses = "masses", "群众";
    }
);

labelled_enum!(
    /// 职务 within the committee
    Post {
        Chair = "chair", "主席";
        ViceChair = "vice_chair", "副主席";
        SecretaryGeneral = "secretary_general", "秘书长";
        StandingMember = "standing", "常委";
        Member = "member", "委员";
    }
);

/// A mainland mobile number: 11 digits starting 13–19.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, String> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let valid = digits.len() == 11
            && digits.starts_with('1')
            && digits[1..2].chars().all(|c| ('3'..='9').contains(&c))
            && digits.chars().all(|c| c.is_ascii_digit());
        if valid {
            Ok(Phone(digits))
        } else {
            Err("手机号应为11位数字，以13至19开头".into())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `138****5678`: what lists show.
    pub fn masked(&self) -> String {
        mask_middle(&self.0, 3, 4)
    }
}

/// A resident ID number (居民身份证号): 18 characters with the GB 11643 check digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber(String);

impl IdNumber {
    pub fn parse(raw: &str) -> Result<IdNumber, String> {
        let value = raw.trim().to_ascii_uppercase();
        let shape_ok = value.len() == 18
            && value[..17].chars().all(|c| c.is_ascii_digit())
            && value[17..].chars().all(|c| c.is_ascii_digit() || c == 'X');
        if !shape_ok {
            return Err("身份证号应为18位，最后一位可为X".into());
        }
        const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const CHECK: &[u8; 11] = b"10X98765432";
        let sum: u32 = value
            .bytes()
            .take(17)
            .zip(WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let expected = CHECK[(sum % 11) as usize];
        if value.as_bytes()[17] != expected {
            return Err("身份证号校验位不正确，请核对".into());
        }
        Ok(IdNumber(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `500103********1234`
    pub fn masked(&self) -> String {
        mask_middle(&self.0, 6, 4)
    }
}

/// Keeps `head` leading and `tail` trailing characters and stars the rest.
pub fn mask_middle(value: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(chars.len() - head - tail));
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// The raw form or spreadsheet row, as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberInput {
    pub name: String,
    pub gender: String,
    pub ethnicity: String,
    pub birth_date: String,
    pub party: String,
    pub org_id: String,
    pub sector_id: String,
    pub committee_id: String,
    pub term_id: String,
    pub post: String,
    pub work_unit: String,
    pub job_title: String,
    pub phone: String,
    pub id_number: String,
    pub email: String,
    pub address: String,
}

/// A member as it may be stored: every field valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDraft {
    pub name: String,
    pub gender: Gender,
    pub ethnicity: String,
    pub birth_date: Option<Date>,
    pub party: Party,
    pub org_id: OrgId,
    pub sector_id: SectorId,
    pub committee_id: Option<CommitteeId>,
    pub term_id: Option<TermId>,
    pub post: Post,
    pub work_unit: String,
    pub job_title: Option<String>,
    pub phone: Option<Phone>,
    pub id_number: Option<IdNumber>,
    pub email: Option<String>,
    pub address: Option<String>,
}

fn required_id(raw: &str, what: &str) -> Result<i64, String> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| format!("请选择{what}"))
}

fn optional_id(raw: &str, what: &str) -> Result<Option<i64>, String> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        required_id(raw, what).map(Some)
    }
}

fn choice<T>(raw: &str, what: &str, parse: fn(&str) -> Option<T>) -> Result<T, String> {
    if raw.trim().is_empty() {
        return Err(format!("请选择{what}"));
    }
    parse(raw).ok_or_else(|| format!("“{}”不是可选的{what}", raw.trim()))
}

/// `1965-03-09`, `1965/3/9` or `19650309`.
pub fn parse_date(raw: &str) -> Result<Date, String> {
    let cleaned = raw
        .trim()
        .replace(['/', '.', '年', '月'], "-")
        .replace('日', "");
    let parts: Vec<&str> = if cleaned.contains('-') {
        cleaned.split('-').collect()
    } else if cleaned.len() == 8 {
        vec![&cleaned[..4], &cleaned[4..6], &cleaned[6..]]
    } else {
        vec![]
    };
    let numbers: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if let [year, month, day] = numbers[..] {
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok());
        if let (Some(month), Ok(day)) = (month, u8::try_from(day)) {
            if let Ok(date) = Date::from_calendar_date(year, month, day) {
                return Ok(date);
            }
        }
    }
    Err("日期格式应为 1965-03-09".into())
}

impl MemberInput {
    /// Parses every field and reports every error at once.
    pub fn parse(&self, today: Date) -> Result<MemberDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.take("name", required_text(&self.name, "姓名", 30));
        let gender = e.take("gender", choice(&self.gender, "性别", Gender::parse));
        let ethnicity = e.take("ethnicity", parse_ethnicity(&self.ethnicity));
        let birth_date = e.take("birth_date", parse_birth_date(&self.birth_date, today));
        let party = e.take("party", choice(&self.party, "政治面貌", Party::parse));
        let org_id = e.take("org_id", required_id(&self.org_id, "所属政协"));
        let sector_id = e.take("sector_id", required_id(&self.sector_id, "界别"));
        let committee_id = e.take("committee_id", optional_id(&self.committee_id, "专委会"));
        let term_id = e.take("term_id", optional_id(&self.term_id, "届次"));
        let post = e.take("post", choice(&self.post, "职务", Post::parse));
        let work_unit = e.take("work_unit", required_text(&self.work_unit, "工作单位", 100));
        let job_title = e.take("job_title", optional_text(&self.job_title, "职务职称", 60));
        let phone = e.take("phone", optional(&self.phone, Phone::parse));
        let id_number = e.take("id_number", optional(&self.id_number, IdNumber::parse));
        let email = e.take("email", optional(&self.email, parse_email));
        let address = e.take("address", optional_text(&self.address, "通讯地址", 120));
        e.finish(|| {
            Some(MemberDraft {
                name: name?,
                gender: gender?,
                ethnicity: ethnicity?,
                birth_date: birth_date?,
                party: party?,
                org_id: OrgId(org_id?),
                sector_id: SectorId(sector_id?),
                committee_id: committee_id?.map(CommitteeId),
                term_id: term_id?.map(TermId),
                post: post?,
                work_unit: work_unit?,
                job_title: job_title?,
                phone: phone?,
                id_number: id_number?,
                email: email?,
                address: address?,
            })
        })
    }
}

fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

fn parse_ethnicity(raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok("汉族".into());
    }
    let valid = value.ends_with('族') && (2..=10).contains(&value.chars().count());
    if valid {
        Ok(value.into())
    } else {
        Err("民族应写全称，如“汉族”“土家族”".into())
    }
}

fn parse_birth_date(raw: &str, today: Date) -> Result<Option<Date>, String> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let date = parse_date(raw).map_err(|_| "出生日期格式应为 1965-03-09".to_string())?;
    let age = today.year() - date.year();
    if date > today || !(18..=110).contains(&age) {
        return Err("出生日期不合理：委员应年满18岁".into());
    }
    Ok(Some(date))
}

fn parse_email(raw: &str) -> Result<String, String> {
    let value = raw.trim();
    let valid = value.len() <= 100
        && value.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        })
        && !value.contains(char::is_whitespace);
    if valid {
        Ok(value.into())
    } else {
        Err("电子邮箱格式不正确".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn valid_input() -> MemberInput {
        MemberInput {
            name: "张伟".into(),
            gender: "男".into(),
            birth_date: "1968-05-12".into(),
            party: "中共党员".into(),
            org_id: "1".into(),
            sector_id: "3".into(),
            post: "委员".into(),
            work_unit: "重庆大学".into(),
            phone: "138 1234 5678".into(),
            id_number: "11010519491231002X".into(),
            ..MemberInput::default()
        }
    }

    #[test]
    fn a_valid_form_parses() {
        let draft = valid_input().parse(date!(2026 - 11 - 27)).unwrap();
        assert_eq!(draft.phone.as_ref().unwrap().as_str(), "13812345678");
        assert_eq!(draft.phone.unwrap().masked(), "138****5678");
        assert_eq!(draft.ethnicity, "汉族");
        assert_eq!(draft.party, Party::Cpc);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let input = MemberInput {
            name: " ".into(),
            phone: "12345".into(),
            id_number: "110105194912310021".into(),
            birth_date: "2020-01-01".into(),
            ..valid_input()
        };
        let errors = input.parse(date!(2026 - 11 - 27)).unwrap_err();
        assert_eq!(errors.get("name"), Some("请填写姓名"));
        assert!(errors.get("phone").unwrap().contains("11位"));
        assert!(errors.get("id_number").unwrap().contains("校验位"));
        assert!(errors.get("birth_date").unwrap().contains("18岁"));
        assert_eq!(errors.0.len(), 4);
    }

    #[test]
    fn masks_keep_only_the_ends() {
        let id = IdNumber::parse("11010519491231002x").unwrap();
        assert_eq!(id.masked(), "110105********002X");
        assert_eq!(mask_middle("123", 3, 4), "***");
    }

    #[test]
    fn dates_in_common_spreadsheet_shapes() {
        assert_eq!(parse_date("1965/3/9"), Ok(date!(1965 - 03 - 09)));
        assert_eq!(parse_date("19650309"), Ok(date!(1965 - 03 - 09)));
        assert_eq!(parse_date("1965年3月9日"), Ok(date!(1965 - 03 - 09)));
        assert!(parse_date("1965-02-30").is_err());
    }

    #[test]
    fn choices_accept_labels_and_codes() {
        assert_eq!(Party::parse("九三学社社员"), Some(Party::Jiusan));
        assert_eq!(Post::parse("standing"), Some(Post::StandingMember));
        assert_eq!(Gender::parse("未知"), None);
    }

    proptest::proptest! {
        #[test]
        fn masking_never_reveals_the_middle(digits in "1[3-9][0-9]{9}") {
            let phone = Phone::parse(&digits).unwrap();
            let masked = phone.masked();
            proptest::prop_assert_eq!(&masked[3..7], "****");
            proptest::prop_assert_eq!(masked.len(), 11);
        }
    }
}
