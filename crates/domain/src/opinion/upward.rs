//! What happens to a report after adoption (DOMAIN §3): it is reported
//! upward (区县 → 市 → 全国), each level keeping its own record and
//! adoption; leaders' instructions (批示) are recorded on it; adopted
//! reports go into numbered bulletins (《社情民意》第N期); and members are
//! measured against a yearly target.

use serde::{Deserialize, Serialize};

use super::{Applied, Author, Context, Opinion, Relation, Stage, Transition, Who};
use crate::member::Post;
use crate::refusal::Refusal;
use crate::{FieldErrors, OpinionId, OrgId};

/// Where a report is sent on to: the parent committee in the system, or
/// the national CPPCC outside it (recorded by hand).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Upward {
    Parent { org: OrgId, name: String },
    National,
}

impl Upward {
    pub fn name(&self) -> &str {
        match self {
            Upward::Parent { name, .. } => name,
            Upward::National => "全国政协",
        }
    }
}

/// Whether `who` may send the report on. `already` names where and when
/// it was sent before, if it was: a report goes up once.
pub fn may_report_upward(
    o: &Opinion,
    who: &Who,
    already: Option<(&str, &str)>,
) -> Result<(), Refusal> {
    if !who.staff {
        return Err(Refusal::not_permitted("只有机关工作人员可以向上级报送"));
    }
    if let Some((to, on)) = already {
        return Err(Refusal::wrong_state(format!(
            "已报送{to}（{on}），不能重复报送"
        )));
    }
    if o.stage != Stage::Adopted {
        return Err(Refusal::wrong_state(format!(
            "该信息当前为“{}”，采用后才能向上级报送",
            o.stage.label()
        )));
    }
    Ok(())
}

/// The receiving committee's own record of a report sent up from below:
/// the text as the lower level adopted it becomes its original; it starts
/// as submitted, in the same author's name, and takes its own steps.
pub fn received_from_below(
    id: OpinionId,
    org: OrgId,
    from: &Opinion,
    who: &Who,
    ctx: &Context<'_>,
) -> Result<Applied, Refusal> {
    if !who.staff {
        return Err(Refusal::not_permitted("只有机关工作人员可以向上级报送"));
    }
    let text = from.current().clone();
    let next = Opinion {
        id,
        org,
        year: from.year,
        author: from.author.clone(),
        author_account: from.author_account,
        coauthors: from.coauthors.clone(),
        stage: Stage::Submitted,
        original: Some(text.clone()),
        text,
        edited: None,
        from_proposal: None,
        reported_from: Some(from.id),
        version: 0,
    };
    Ok(Applied {
        next,
        transition: Transition {
            from: None,
            to: Stage::Submitted,
            kind: super::ActionKind::ReceivedFromBelow,
            user: who.user,
            relation: Relation::Staff,
            at: ctx.at,
            comment: None,
        },
        warnings: Vec::new(),
    })
}

/// The member to tell about a report (its author, if a member).
pub fn author_member(o: &Opinion) -> Option<crate::MemberId> {
    match o.author {
        Author::Member(m) => Some(m),
        _ => None,
    }
}

macro_rules! coded {
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

            pub fn from_code(raw: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == raw)
            }
        }
    };
}

coded!(
    /// A leader's level (批示领导级别)
    InstructionLevel {
        National = "national", "国家级";
        Provincial = "provincial", "省部级";
        City = "city", "市级";
        District = "district", "区县级";
    }
);

coded!(
    /// What the national CPPCC made of a report (recorded by hand)
    NationalOutcome {
        Adopted = "adopted", "全国政协采用";
        NotAdopted = "not_adopted", "全国政协未采用";
    }
);

/// A leader's written instruction (批示) as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InstructionInput {
    pub leader: String,
    pub level: String,
    pub text: String,
    pub given_on: String,
}

/// A parsed instruction: leader, level, text and the date (YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instruction {
    pub leader: String,
    pub level: InstructionLevel,
    pub text: String,
    pub given_on: String,
}

/// Checks a date typed as YYYY-MM-DD.
pub fn parse_day(raw: &str) -> Result<String, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), format)
        .map(|_| raw.trim().to_string())
        .map_err(|_| "请按“2026-03-15”的格式填写日期".to_string())
}

fn bounded(errors: &mut FieldErrors, field: &str, label: &str, raw: &str, max: usize) -> String {
    let t = raw.trim();
    if t.is_empty() {
        errors.add(field, format!("请填写{label}"));
    } else if t.chars().count() > max {
        errors.add(field, format!("{label}不能超过{max}字"));
    }
    t.to_string()
}

impl Instruction {
    pub fn parse(input: &InstructionInput) -> Result<Instruction, FieldErrors> {
        let mut errors = FieldErrors::new();
        let leader = bounded(&mut errors, "leader", "批示领导", &input.leader, 30);
        let text = bounded(&mut errors, "text", "批示内容", &input.text, 2000);
        let level = InstructionLevel::from_code(input.level.trim());
        if level.is_none() {
            errors.add("level", "请选择领导级别");
        }
        let given_on = parse_day(&input.given_on).unwrap_or_else(|m| {
            errors.add("given_on", m);
            String::new()
        });
        match level {
            Some(level) if errors.is_empty() => Ok(Instruction {
                leader,
                level,
                text,
                given_on,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether `who` may record an instruction: staff, on a report that has
/// been signed off or adopted (a leader instructs on what was sent).
pub fn may_instruct(o: &Opinion, who: &Who) -> Result<(), Refusal> {
    if !who.staff {
        return Err(Refusal::not_permitted("只有机关工作人员可以录入领导批示"));
    }
    if !matches!(o.stage, Stage::SignedOff | Stage::Adopted) {
        return Err(Refusal::wrong_state(format!(
            "该信息当前为“{}”，签发或采用后才能录入批示",
            o.stage.label()
        )));
    }
    Ok(())
}

/// A piece of a bulletin: one report alone (单篇采用), or several merged
/// into one combined piece (综合采用) that lists its sources.
pub fn check_piece(
    bulletin_issued: bool,
    combined: bool,
    title: &str,
    sources: &[(OpinionId, Stage, bool)],
) -> Result<(), Refusal> {
    if bulletin_issued {
        return Err(Refusal::wrong_state("该期简报已印发，不能再编入信息"));
    }
    if sources.is_empty() {
        return Err(Refusal::invalid("请选择要编入的信息"));
    }
    if !combined && sources.len() != 1 {
        return Err(Refusal::invalid("单篇采用只能选择一条信息"));
    }
    if combined && sources.len() < 2 {
        return Err(Refusal::invalid("综合采用至少选择两条信息"));
    }
    if combined && (title.trim().is_empty() || title.trim().chars().count() > 60) {
        return Err(Refusal::invalid("请填写综合稿标题（60字以内）"));
    }
    for (id, stage, in_bulletin) in sources {
        if *stage != Stage::Adopted {
            return Err(Refusal::wrong_state(format!(
                "信息{id}当前为“{}”，采用后才能编入简报",
                stage.label()
            )));
        }
        if *in_bulletin {
            return Err(Refusal::wrong_state(format!("信息{id}已编入简报")));
        }
    }
    Ok(())
}

/// A bulletin is issued once, with at least one piece.
pub fn check_issue(issued: bool, pieces: usize) -> Result<(), Refusal> {
    if issued {
        return Err(Refusal::wrong_state("该期简报已印发"));
    }
    if pieces == 0 {
        return Err(Refusal::invalid("简报中还没有信息，不能印发"));
    }
    Ok(())
}

/// The yearly number of reports expected of a member by post.
pub fn target_for(post: Option<Post>, settings: &super::OpinionSettings) -> u32 {
    match post {
        Some(Post::Member) | None => settings.target_member,
        Some(_) => settings.target_standing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opinion::{OpinionPolicy, OpinionSettings, OpinionText};
    use crate::{MemberId, UserId};

    fn adopted() -> Opinion {
        Opinion {
            id: OpinionId(7),
            org: OrgId(3),
            year: 2026,
            author: Author::Member(MemberId(5)),
            author_account: UserId(9),
            coauthors: vec![MemberId(6)],
            stage: Stage::Adopted,
            text: OpinionText::default(),
            original: Some(OpinionText::default()),
            edited: None,
            from_proposal: None,
            reported_from: None,
            version: 4,
        }
    }

    fn staff() -> Who {
        Who {
            user: Some(UserId(2)),
            member: None,
            staff: true,
        }
    }

    #[test]
    fn a_report_goes_up_once_after_adoption_by_staff() {
        let o = adopted();
        assert!(may_report_upward(&o, &staff(), None).is_ok());
        let twice =
            may_report_upward(&o, &staff(), Some(("重庆市政协", "2026-03-02"))).unwrap_err();
        assert!(twice.message.contains("已报送重庆市政协"));
        let member = Who {
            user: Some(UserId(9)),
            member: Some(MemberId(5)),
            staff: false,
        };
        assert!(may_report_upward(&o, &member, None).is_err());
        let mut early = adopted();
        early.stage = Stage::SignedOff;
        assert!(may_report_upward(&early, &staff(), None).is_err());
    }

    #[test]
    fn the_receiving_level_starts_its_own_record() {
        let policy = OpinionPolicy::default();
        let ctx = Context {
            at: 100,
            policy: &policy,
        };
        let up = received_from_below(OpinionId(20), OrgId(1), &adopted(), &staff(), &ctx).unwrap();
        assert_eq!(up.next.stage, Stage::Submitted);
        assert_eq!(up.next.org, OrgId(1));
        assert_eq!(up.next.reported_from, Some(OpinionId(7)));
        assert_eq!(up.next.author, Author::Member(MemberId(5)));
        assert_eq!(up.next.coauthors, vec![MemberId(6)]);
    }

    #[test]
    fn instructions_need_leader_level_text_and_a_date() {
        let bad = Instruction::parse(&InstructionInput::default()).unwrap_err();
        for f in ["leader", "level", "text", "given_on"] {
            assert!(bad.get(f).is_some(), "{f}");
        }
        let ok = Instruction::parse(&InstructionInput {
            leader: " 张副市长 ".into(),
            level: "city".into(),
            text: "请市民政局研究落实。".into(),
            given_on: "2026-04-01".into(),
        })
        .unwrap();
        assert_eq!(ok.leader, "张副市长");
        assert_eq!(ok.level, InstructionLevel::City);
        assert!(Instruction::parse(&InstructionInput {
            given_on: "2026-13-01".into(),
            ..InstructionInput::default()
        })
        .is_err());
    }

    #[test]
    fn bulletin_pieces_are_single_or_combined_adopted_reports() {
        let a = (OpinionId(1), Stage::Adopted, false);
        let b = (OpinionId(2), Stage::Adopted, false);
        assert!(check_piece(false, false, "", &[a]).is_ok());
        assert!(check_piece(false, false, "", &[a, b]).is_err());
        assert!(check_piece(false, true, "", &[a, b]).is_err());
        assert!(check_piece(false, true, "关于养老服务的综合反映", &[a, b]).is_ok());
        assert!(check_piece(false, true, "综合", &[a]).is_err());
        assert!(check_piece(true, false, "", &[a]).is_err());
        let kept = (OpinionId(3), Stage::Kept, false);
        assert!(check_piece(false, false, "", &[kept]).is_err());
        let used = (OpinionId(4), Stage::Adopted, true);
        assert!(check_piece(false, false, "", &[used]).is_err());
        assert!(check_issue(false, 0).is_err());
        assert!(check_issue(false, 1).is_ok());
        assert!(check_issue(true, 1).is_err());
    }

    #[test]
    fn standing_members_owe_three_and_members_one_by_default() {
        let s = OpinionSettings::default();
        assert_eq!(target_for(Some(Post::StandingMember), &s), 3);
        assert_eq!(target_for(Some(Post::Member), &s), 1);
        assert_eq!(target_for(None, &s), 1);
    }
}
