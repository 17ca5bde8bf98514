//! Taking a step on a demand from its page. Bad input or a refused step
//! re-renders the page with the message and the input kept; conversions
//! first create the proposal or 社情民意 draft with the stores' own
//! functions, pre-filled from the demand, then link both ways.

use axum::extract::{Path, State};
use axum::response::Response;
use domain::opinion::{Author, OpinionInput, OpinionText};
use domain::permission::{Action as Permission, Target};
use domain::proposal::{ProposalInput, Proposer};
use domain::station::{DemandAction, DemandActor};
use domain::tracking::TrackingAction;
use domain::{OpinionId, ProposalId, Role};

use super::demand_record::{action_from, record_page};
use super::demands::ActForm;
use super::load_demand;
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::proposals::Participant;
use crate::state::AppState;
use crate::view::done;

pub async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<ActForm>,
) -> WebResult<Response> {
    user.may(Permission::WorkOnStations, Target::None)?;
    match step(&state, &user, id, &form).await {
        Ok(()) => Ok(done(&format!("/demands/{id}"), "done_step")),
        Err(WebError::Invalid(errors)) => {
            let message = errors
                .0
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("；");
            record_page(&state, &user, id, Some(message), form).await
        }
        Err(WebError::Refused(r)) if r.kind != domain::refusal::RefusalKind::NotPermitted => {
            record_page(&state, &user, id, Some(r.message), form).await
        }
        Err(other) => Err(other),
    }
}

/// One step by a logged-in account or an API token (same rules).
pub async fn step_as(
    state: &AppState,
    me: &Participant,
    who: &store::audit::Who,
    id: i64,
    form: &ActForm,
) -> WebResult<()> {
    let (stored, actor) = load_demand(state, me, id).await?;
    let now = state.now();
    let db = &state.db;
    let code = form.get("do").map(String::as_str).unwrap_or("");
    match code {
        "withhold" | "publish" => {
            if actor != DemandActor::Staff {
                return Err(WebError::Forbidden);
            }
            store::station::set_withheld(db, now, who, id, code == "withhold").await?;
            return Ok(());
        }
        "to_proposal" | "to_opinion" => return convert(state, me, who, &stored, actor, code).await,
        _ => {}
    }
    let unit = match actor {
        DemandActor::Unit(u) => Some(u),
        _ => None,
    };
    let action = action_from(form, state.today(), unit).map_err(WebError::Invalid)?;
    let submit = match &action {
        DemandAction::Track {
            action: TrackingAction::DraftAnswer { unit, .. },
        } => Some(*unit),
        _ => None,
    };
    store::station::act(db, &state.cipher, now, who, actor, id, action).await?;
    if let Some(unit) = submit {
        let action = DemandAction::Track {
            action: TrackingAction::SubmitAnswer { unit },
        };
        store::station::act(db, &state.cipher, state.now(), who, actor, id, action).await?;
    }
    Ok(())
}

async fn step(state: &AppState, user: &User, id: i64, form: &ActForm) -> WebResult<()> {
    step_as(state, &Participant::from(user), &user.who(), id, form).await
}

/// A title for a draft made from the demand: its opening words.
fn title_of(s: &store::station::Stored) -> String {
    let first: String = s
        .content
        .split(['。', '，', '！', '？', '\n', '.', ','])
        .next()
        .unwrap_or("")
        .chars()
        .take(24)
        .collect();
    format!("关于{}问题的建议", first.trim())
}

async fn convert(
    state: &AppState,
    me: &Participant,
    who: &store::audit::Who,
    s: &store::station::Stored,
    actor: DemandActor,
    code: &str,
) -> WebResult<()> {
    let now = state.now();
    let source = if s.station_name.is_empty() {
        format!("群众通过{}反映", s.channel.label())
    } else {
        format!("群众在{}反映", s.station_name)
    };
    let situation = format!("{source}：{}", s.content);
    if code == "to_proposal" {
        let probe = DemandAction::ToProposal { id: ProposalId(0) };
        store::station::check(&state.db, now, actor, s, &probe).await?;
        let (Role::Member, Some(member)) = (me.role, me.member) else {
            return Err(WebError::Forbidden);
        };
        let term = crate::proposals::current_term(state, &me.org_path, s.org_id).await?;
        let text = ProposalInput {
            title: title_of(s).replace("的建议", "的提案"),
            analysis: situation,
            suggestions: String::new(),
            category: String::new(),
            public: "0".into(),
            suggested_units: String::new(),
        };
        let account_org = store::member::get_member(&state.db, &me.org_path, member)
            .await?
            .org_id;
        let setting = store::proposal::Setting::for_org(&state.db, account_org).await?;
        let proposal_who = crate::proposals::who(me);
        let year = state.today().year();
        store::station::convert(
            &state.db,
            &state.cipher,
            now,
            who,
            actor,
            s.id,
            async |tx| {
                let id = store::proposal::create_draft_in(
                    tx,
                    now,
                    who,
                    &proposal_who,
                    &setting,
                    account_org,
                    term,
                    year,
                    Proposer::Member(member),
                    &text,
                )
                .await?;
                Ok(DemandAction::ToProposal { id })
            },
        )
        .await?;
        return Ok(());
    }
    let probe = DemandAction::ToOpinion { id: OpinionId(0) };
    store::station::check(&state.db, now, actor, s, &probe).await?;
    let author = match (me.role, me.member) {
        (Role::Member, Some(m)) => Author::Member(m),
        (Role::Staff, _) => Author::Staff(me.user),
        _ => return Err(WebError::Forbidden),
    };
    let policy = store::opinion::policy_for(&state.db, s.org_id).await?;
    let category = policy
        .categories
        .iter()
        .find(|c| c.contains("社会"))
        .or(policy.categories.first())
        .cloned()
        .unwrap_or_default();
    let input = OpinionInput {
        title: title_of(s),
        situation,
        analysis: String::new(),
        suggestion: "建议有关部门核实群众反映的情况，研究提出解决办法并向群众反馈。".into(),
        category,
    };
    let text = OpinionText::parse(&input, &policy).map_err(WebError::Invalid)?;
    let name = match author {
        Author::Member(m) => store::member::get_member(&state.db, &me.org_path, m)
            .await
            .map(|x| x.row.name)
            .unwrap_or_default(),
        _ => String::new(),
    };
    let opinion_who = crate::opinions::who(me, None);
    let year = state.today().year();
    store::station::convert(
        &state.db,
        &state.cipher,
        now,
        who,
        actor,
        s.id,
        async |tx| {
            let (id, _) = store::opinion::create_in(
                tx,
                now,
                who,
                &opinion_who,
                &policy,
                s.org_id,
                year,
                author,
                &name,
                Vec::new(),
                text,
            )
            .await?;
            Ok(DemandAction::ToOpinion { id })
        },
    )
    .await?;
    Ok(())
}
