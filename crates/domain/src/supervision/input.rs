//! The raw forms of supervision and their parsing: every field named in
//! its Chinese message, nothing accepted half.

use serde::{Deserialize, Serialize};

use super::{Activity, ActivityKind, Form, Source, SourceKind};
use crate::field::{optional_text, required_text, FieldErrors};
use crate::member::parse_date;
use crate::refusal::Reason;
use crate::tracking::{Answer, AnswerInput};
use crate::{CommitteeId, MemberId, OpinionId, ProposalId, UserId};

pub const TITLE_CHARS: usize = 80;
pub const BODY_CHARS: usize = 10_000;

/// A topic's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicText {
    pub title: String,
    /// 背景与监督重点
    pub background: String,
}

/// Multi-line text: like [`required_text`], but line breaks and tabs are
/// part of the text.
fn long_text(raw: &str, label: &str, max: usize) -> Result<String, String> {
    let flat: String = raw
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    required_text(&flat, label, max)?;
    Ok(raw.trim().replace("\r\n", "\n"))
}

fn ids(raw: &[String], label: &str) -> Result<Vec<i64>, String> {
    let mut out = Vec::new();
    for r in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let id = r.parse::<i64>().map_err(|_| format!("{label}“{r}”无效"))?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// The raw topic form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TopicInput {
    pub title: String,
    pub background: String,
    /// A [`SourceKind`] code or label.
    pub source: String,
    /// The inviting department (部门邀请).
    pub department: String,
    /// The proposal's or report's id (提案 / 社情民意).
    pub source_id: String,
    /// A [`Form`] code or label.
    pub form: String,
    pub committee: String,
    pub year: String,
    /// Member ids.
    pub members: Vec<String>,
}

/// A topic form that parsed; the store checks that the committee, the
/// members and the source item belong to the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedTopic {
    pub text: TopicText,
    pub source: Source,
    pub form: Form,
    pub committee: CommitteeId,
    pub year: i32,
    pub members: Vec<MemberId>,
}

impl TopicInput {
    pub fn parse(&self) -> Result<ParsedTopic, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.take("title", required_text(&self.title, "议题名称", TITLE_CHARS));
        let background = e.take(
            "background",
            long_text(&self.background, "背景与监督重点", BODY_CHARS),
        );
        let kind = e.take(
            "source",
            SourceKind::parse(&self.source).ok_or_else(|| "请选择议题来源".to_string()),
        );
        let source = kind.and_then(|kind| match kind {
            SourceKind::AnnualPlan => Some(Source::AnnualPlan),
            SourceKind::Invitation => e
                .take(
                    "department",
                    required_text(&self.department, "邀请部门", 60),
                )
                .map(|department| Source::Invitation { department }),
            SourceKind::Proposal | SourceKind::Opinion => {
                let id = e.take(
                    "source_id",
                    self.source_id
                        .trim()
                        .parse::<i64>()
                        .map_err(|_| format!("请填写来源{}的编号", kind.label())),
                )?;
                Some(match kind {
                    SourceKind::Proposal => Source::Proposal { id: ProposalId(id) },
                    _ => Source::Opinion { id: OpinionId(id) },
                })
            }
        });
        let form = e.take(
            "form",
            Form::parse(&self.form).ok_or_else(|| "请选择监督形式".to_string()),
        );
        let committee = e.take(
            "committee",
            self.committee
                .trim()
                .parse::<i64>()
                .map(CommitteeId)
                .map_err(|_| "请选择牵头专委会".to_string()),
        );
        let year = e.take(
            "year",
            self.year
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(|| "年度应为四位年份，如 2026".to_string()),
        );
        let members = e.take(
            "members",
            ids(&self.members, "委员").and_then(|ids| {
                if ids.is_empty() {
                    Err("请选择参加监督的委员".to_string())
                } else {
                    Ok(ids.into_iter().map(MemberId).collect())
                }
            }),
        );
        e.finish(|| {
            Some(ParsedTopic {
                text: TopicText {
                    title: title?,
                    background: background?,
                },
                source: source?,
                form: form?,
                committee: committee?,
                year: year?,
                members: members?,
            })
        })
    }
}

/// The raw activity form.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    pub kind: String,
    pub title: String,
    pub start: String,
    pub end: String,
    pub place: String,
    /// Member ids of the topic's members who took part.
    pub participants: Vec<String>,
    pub others: String,
    pub findings: String,
}

impl ActivityInput {
    /// An activity to record, with `seq` 0 (the rules number it).
    pub fn parse(&self, recorded_by: UserId) -> Result<Activity, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.take(
            "kind",
            ActivityKind::parse(&self.kind).ok_or_else(|| "请选择活动类型".to_string()),
        );
        let title = e.take("title", required_text(&self.title, "活动名称", TITLE_CHARS));
        let start = e.take("start", date(&self.start, "开始日期"));
        let end = e.take("end", date(&self.end, "结束日期"));
        if let (Some(s), Some(en)) = (start, end) {
            if en < s {
                e.add("end", "结束日期不能早于开始日期");
            }
        }
        let place = e.take("place", required_text(&self.place, "地点", 100));
        let participants = e.take(
            "participants",
            ids(&self.participants, "参加委员").and_then(|ids| {
                if ids.is_empty() {
                    Err("请选择参加活动的委员".to_string())
                } else {
                    Ok(ids.into_iter().map(MemberId).collect())
                }
            }),
        );
        let others = e.take("others", optional_text(&self.others, "其他参加人员", 500));
        let findings = e.take(
            "findings",
            long_text(&self.findings, "发现的问题", BODY_CHARS),
        );
        e.finish(|| {
            Some(Activity {
                seq: 0,
                kind: kind?,
                title: title?,
                start: start?,
                end: end?,
                place: place?,
                participants: participants?,
                others: others?,
                findings: findings?,
                recorded_by,
            })
        })
    }
}

fn date(raw: &str, label: &str) -> Result<time::Date, String> {
    if raw.trim().is_empty() {
        return Err(format!("请填写{label}"));
    }
    parse_date(raw).map_err(|_| format!("{label}格式应为 2026-05-12"))
}

/// The raw opinion form (staff).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OpinionInput {
    pub title: String,
    pub text: String,
}

impl OpinionInput {
    pub fn parse(&self) -> Result<(String, String), FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.take("title", required_text(&self.title, "意见标题", TITLE_CHARS));
        let text = e.take("text", long_text(&self.text, "意见正文", BODY_CHARS));
        e.finish(|| Some((title?, text?)))
    }
}

/// The raw rectification-plan form (a unit).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInput {
    pub text: String,
    pub document_no: String,
    pub signed_by: String,
    pub contact_person: String,
    pub contact_phone: String,
}

impl PlanInput {
    /// The plan as a tracking answer (class B: 列入计划).
    pub fn parse(&self) -> Result<Answer, FieldErrors> {
        let mut e = FieldErrors::new();
        let text = e.take(
            "text",
            long_text(&self.text, "整改方案", Answer::MAX_TEXT_CHARS),
        );
        let answer = AnswerInput {
            class: "B".into(),
            document_no: self.document_no.clone(),
            signed_by: self.signed_by.clone(),
            contact_person: self.contact_person.clone(),
            contact_phone: self.contact_phone.clone(),
            // Checked above with line breaks allowed.
            text: "方案".into(),
        }
        .parse();
        let answer = match answer {
            Ok(a) => Some(a),
            Err(errors) => {
                e.0.extend(errors.0);
                None
            }
        };
        e.finish(|| {
            let mut answer = answer?;
            answer.text = text?;
            Some(answer)
        })
    }
}

/// The raw results form (a unit).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultsInput {
    pub result: String,
    pub evidence: String,
}

impl ResultsInput {
    pub fn parse(&self) -> Result<(Reason, Reason), FieldErrors> {
        let mut e = FieldErrors::new();
        let result = e.take("result", reason(&self.result, "整改结果"));
        let evidence = e.take("evidence", reason(&self.evidence, "佐证材料"));
        e.finish(|| Some((result?, evidence?)))
    }
}

/// A [`Reason`] from multi-line text (line breaks become spaces: a reason
/// is one paragraph).
pub fn reason(raw: &str, label: &str) -> Result<Reason, String> {
    let flat: String = raw
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    Reason::parse(&flat, label)
}
