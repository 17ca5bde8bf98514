//! For the security administrator: who holds which role, the security
//! policy, and API tokens. Every change here is a permission change and is
//! audited with before and after.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::permission::{role_allows, Action, Target};
use domain::security::SecurityPolicyInput;
use domain::{FieldErrors, OrgId, Role, UserId};
use serde::Deserialize;
use store::org::Org;
use store::token::ApiToken;
use store::user::Account;

use crate::accounts::ListQuery;
use crate::auth::{CsrfForm, User};
use crate::error::{WebError, WebResult};
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, opt_id, render, render_invalid, when, Pager};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/security/roles", get(roles))
        .route("/security/roles/{id}", post(change_role))
        .route("/security/policy", get(policy).post(save_policy))
        .route("/security/tokens", get(tokens).post(issue_token))
        .route("/security/tokens/{id}/revoke", post(revoke_token))
}

#[derive(Template)]
#[template(path = "security/roles.html")]
struct RolesPage {
    shell: Shell,
    q: ListQuery,
    rows: Vec<Account>,
    pager: Pager,
    roles: [Role; 7],
    actions: [Action; Action::ALL.len()],
    me: UserId,
}

impl RolesPage {
    fn allows(&self, role: &Role, action: &Action) -> bool {
        role_allows(*role, *action)
    }
}

async fn roles(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Action::ManageRoles, Target::None)?;
    let page = store::user::list(
        &state.db,
        &user.live.account.org_path,
        &q.filter(),
        q.page.parse().unwrap_or(1),
        20,
    )
    .await?;
    let pager = Pager::new(&page, &[("q", q.q.clone()), ("role", q.role.clone())]);
    render(RolesPage {
        shell: Shell::new(&user, "角色授权", "/security/roles").notice(notice),
        rows: page.rows,
        pager,
        q,
        roles: Role::ALL,
        actions: Action::ALL,
        me: user.live.account.id,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, form): CsrfForm<RoleForm>,
) -> WebResult<Response> {
    user.may(Action::ManageRoles, Target::None)?;
    let account = store::user::get_account(&state.db, UserId(id)).await?;
    user.may(Action::ManageRoles, Target::InOrg(&account.org_path))?;
    if account.id == user.live.account.id {
        return Err(WebError::BadRequest("不能变更自己的角色".into()));
    }
    let role =
        Role::from_code(&form.role).ok_or_else(|| WebError::BadRequest("未知角色".into()))?;
    if role != account.role {
        store::user::set_role(&state.db, state.now(), &user.who(), &account, role).await?;
        // Sessions carry the role they were opened with; make the change bite now.
        store::session::end_all(&state.db, state.now(), account.id, "角色变更").await?;
    }
    Ok(done("/security/roles", "role"))
}

#[derive(Template)]
#[template(path = "security/policy.html")]
struct PolicyPage {
    shell: Shell,
    input: SecurityPolicyInput,
    errors: FieldErrors,
}

impl PolicyPage {
    fn value(&self, field: &str) -> &str {
        let i = &self.input;
        match field {
            "password_min_length" => &i.password_min_length,
            "password_min_classes" => &i.password_min_classes,
            "password_rotation_days" => &i.password_rotation_days,
            "lockout_threshold" => &i.lockout_threshold,
            "lockout_minutes" => &i.lockout_minutes,
            "session_idle_minutes" => &i.session_idle_minutes,
            _ => "",
        }
    }
}

async fn policy(State(state): State<AppState>, user: User, notice: Notice) -> WebResult<Response> {
    user.may(Action::ManageSecurityPolicy, Target::None)?;
    let input = SecurityPolicyInput::from_policy(&state.policy().await?);
    render(PolicyPage {
        shell: Shell::new(&user, "安全策略", "/security/policy").notice(notice),
        input,
        errors: FieldErrors::new(),
    })
}

async fn save_policy(
    State(state): State<AppState>,
    CsrfForm(user, input): CsrfForm<SecurityPolicyInput>,
) -> WebResult<Response> {
    user.may(Action::ManageSecurityPolicy, Target::None)?;
    match input.parse() {
        Ok(policy) => {
            store::settings::set_security_policy(&state.db, state.now(), &user.who(), &policy)
                .await?;
            state.policy_changed().await;
            Ok(done("/security/policy", "policy"))
        }
        Err(errors) => render_invalid(PolicyPage {
            shell: Shell::new(&user, "安全策略", "/security/policy"),
            input,
            errors,
        }),
    }
}

#[derive(Template)]
#[template(path = "security/tokens.html")]
struct TokensPage {
    shell: Shell,
    tokens: Vec<ApiToken>,
    orgs: Vec<Org>,
    roles: [Role; 7],
    form: TokenForm,
    errors: FieldErrors,
    secret: Option<String>,
}

impl TokensPage {
    fn when(&self, ts: Option<&i64>) -> String {
        when(ts.copied())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    name: String,
    org_id: String,
    role: String,
}

async fn tokens_page(
    state: &AppState,
    user: &User,
    form: TokenForm,
    errors: FieldErrors,
    secret: Option<String>,
    notice: Notice,
) -> WebResult<TokensPage> {
    let scope = &user.live.account.org_path;
    Ok(TokensPage {
        shell: Shell::new(user, "接口令牌", "/security/tokens").notice(notice),
        tokens: store::token::list(&state.db, scope).await?,
        orgs: store::org::list_orgs(&state.db, scope).await?,
        roles: Role::ALL,
        form,
        errors,
        secret,
    })
}

async fn tokens(State(state): State<AppState>, user: User, notice: Notice) -> WebResult<Response> {
    user.may(Action::ManageRoles, Target::None)?;
    let form = TokenForm {
        role: Role::Staff.code().into(),
        org_id: user.live.account.org_id.to_string(),
        ..TokenForm::default()
    };
    render(tokens_page(&state, &user, form, FieldErrors::new(), None, notice).await?)
}

async fn issue_token(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<TokenForm>,
) -> WebResult<Response> {
    user.may(Action::ManageRoles, Target::None)?;
    let mut errors = FieldErrors::new();
    let name = errors.take(
        "name",
        domain::field::required_text(&form.name, "用途说明", 60),
    );
    let role = Role::from_code(&form.role);
    if role.is_none() {
        errors.add("role", "请选择角色");
    }
    let org = match opt_id(&form.org_id) {
        Some(id) => store::org::get_org(&state.db, OrgId(id))
            .await
            .ok()
            .filter(|o| {
                user.may(Action::ManageRoles, Target::InOrg(&o.path))
                    .is_ok()
            }),
        None => None,
    };
    if org.is_none() {
        errors.add("org_id", "请选择组织");
    }
    let (Some(name), Some(role), Some(org), true) = (name, role, org, errors.is_empty()) else {
        return render_invalid(
            tokens_page(&state, &user, form, errors, None, Notice::default()).await?,
        );
    };
    let (_, secret) = store::token::issue(
        &state.db,
        state.now(),
        &user.who(),
        &name,
        org.id,
        role,
        user.live.account.id,
    )
    .await?;
    render(
        tokens_page(
            &state,
            &user,
            TokenForm::default(),
            FieldErrors::new(),
            Some(secret),
            Notice::default(),
        )
        .await?,
    )
}

#[derive(Deserialize)]
struct Nothing {}

async fn revoke_token(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    user.may(Action::ManageRoles, Target::None)?;
    let token = store::token::list(&state.db, &user.live.account.org_path)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(WebError::NotFound)?;
    store::token::revoke(&state.db, state.now(), &user.who(), token.id).await?;
    Ok(done("/security/tokens", "revoked"))
}
