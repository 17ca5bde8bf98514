//! 账号管理 for the system administrator: create, disable, reset password,
//! unlock. Roles are granted by the security administrator (三员分立); the
//! system administrator only picks a business role for a new account.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use domain::permission::{Action, Target};
use domain::{FieldErrors, MemberId, OrgId, Role, UnitId, UserId};
use rand::Rng;
use serde::Deserialize;
use store::org::Org;
use store::user::{Account, AccountFilter, NewAccount};
use store::StoreError;

use crate::auth::{CsrfForm, User};
use crate::error::WebResult;
use crate::shell::{Notice, Shell};
use crate::state::AppState;
use crate::view::{done, opt_id, render, render_invalid, when, xlsx_download, Pager};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/accounts", get(list).post(create))
        .route("/admin/accounts/new", get(new_page))
        .route("/admin/accounts/export.xlsx", get(export))
        .route("/admin/accounts/{id}", get(detail))
        .route("/admin/accounts/{id}/disable", post(disable))
        .route("/admin/accounts/{id}/enable", post(enable))
        .route("/admin/accounts/{id}/unlock", post(unlock))
        .route("/admin/accounts/{id}/reset", post(reset))
}

/// Business roles a system administrator may give a new account.
pub const BUSINESS_ROLES: [Role; 4] = [Role::Member, Role::Staff, Role::Leader, Role::UnitClerk];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub role: String,
    pub page: String,
}

impl ListQuery {
    pub fn filter(&self) -> AccountFilter {
        AccountFilter {
            q: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
            role: Role::from_code(&self.role),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/accounts.html")]
struct ListPage {
    shell: Shell,
    q: ListQuery,
    rows: Vec<Account>,
    pager: Pager,
    roles: [Role; 7],
    now: i64,
}

impl ListPage {
    fn locked(&self, a: &Account) -> bool {
        a.is_locked(self.now)
    }
}

async fn list(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Action::ManageAccounts, Target::None)?;
    let page = store::user::list(
        &state.db,
        &user.live.account.org_path,
        &q.filter(),
        q.page.parse().unwrap_or(1),
        20,
    )
    .await?;
    let pager = Pager::new(&page, &[("q", q.q.clone()), ("role", q.role.clone())]);
    render(ListPage {
        shell: Shell::new(&user, "账号管理", "/admin/accounts").notice(notice),
        rows: page.rows,
        pager,
        q,
        roles: Role::ALL,
        now: state.now(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccountForm {
    login: String,
    display_name: String,
    org_id: String,
    role: String,
    member_id: String,
    unit_id: String,
}

#[derive(Template)]
#[template(path = "admin/account_form.html")]
struct FormPage {
    shell: Shell,
    form: AccountForm,
    errors: FieldErrors,
    orgs: Vec<Org>,
    roles: [Role; 4],
}

async fn form_page(
    state: &AppState,
    user: &User,
    form: AccountForm,
    errors: FieldErrors,
) -> WebResult<FormPage> {
    let orgs = store::org::list_orgs(&state.db, &user.live.account.org_path).await?;
    Ok(FormPage {
        shell: Shell::new(user, "新建账号", "/admin/accounts"),
        form,
        errors,
        orgs,
        roles: BUSINESS_ROLES,
    })
}

async fn new_page(State(state): State<AppState>, user: User) -> WebResult<Response> {
    user.may(Action::ManageAccounts, Target::None)?;
    let form = AccountForm {
        org_id: user.live.account.org_id.to_string(),
        role: Role::Member.code().into(),
        ..AccountForm::default()
    };
    render(form_page(&state, &user, form, FieldErrors::new()).await?)
}

/// A temporary password that meets any policy up to 12 characters and 4 classes.
pub fn temporary_password() -> String {
    const LOWER: &[u8] = b"abcdefghjkmnpqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ";
    const DIGIT: &[u8] = b"23456789";
    let mut rng = rand::thread_rng();
    let mut pick = |set: &[u8]| set[rng.gen_range(0..set.len())] as char;
    let mut out = String::new();
    for _ in 0..4 {
        out.push(pick(UPPER));
        out.push(pick(LOWER));
        out.push(pick(DIGIT));
    }
    out.push('#');
    out
}

#[derive(Template)]
#[template(path = "admin/temporary_password.html")]
struct PasswordShown {
    shell: Shell,
    login: String,
    password: String,
    account_id: i64,
}

async fn create(
    State(state): State<AppState>,
    CsrfForm(user, form): CsrfForm<AccountForm>,
) -> WebResult<Response> {
    user.may(Action::ManageAccounts, Target::None)?;
    let mut errors = FieldErrors::new();
    let login = form.login.trim().to_string();
    let login_ok = (3..=32).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    if !login_ok {
        errors.add("login", "登录名为3到32位字母、数字、下划线或点");
    }
    let display = errors.take(
        "display_name",
        domain::field::required_text(&form.display_name, "姓名", 30),
    );
    let role = BUSINESS_ROLES.into_iter().find(|r| r.code() == form.role);
    if role.is_none() {
        errors.add("role", "请选择业务角色；管理员角色由安全管理员授予");
    }
    let org = match opt_id(&form.org_id) {
        Some(id) => match store::org::get_org(&state.db, OrgId(id)).await {
            Ok(org)
                if user
                    .may(Action::ManageAccounts, Target::InOrg(&org.path))
                    .is_ok() =>
            {
                Some(org)
            }
            _ => None,
        },
        None => None,
    };
    if org.is_none() {
        errors.add("org_id", "请选择所属组织");
    }
    let member_id = opt_id(&form.member_id).map(MemberId);
    if role == Some(Role::Member) && member_id.is_none() {
        errors.add(
            "member_id",
            "委员账号须关联委员编号（见委员名单中的链接编号）",
        );
    }
    let unit_id = opt_id(&form.unit_id).map(UnitId);
    if role == Some(Role::UnitClerk) && unit_id.is_none() {
        errors.add("unit_id", "承办单位账号须填写承办单位编号");
    }
    let (Some(display), Some(role), Some(org), true) = (display, role, org, errors.is_empty())
    else {
        return render_invalid(form_page(&state, &user, form, errors).await?);
    };
    let password = temporary_password();
    let new = NewAccount {
        login: login.clone(),
        display_name: display,
        role,
        org_id: org.id,
        member_id,
        unit_id,
        password: password.clone(),
        must_change_password: true,
    };
    match store::user::create(&state.db, state.now(), &user.who(), &new).await {
        Ok(id) => render(PasswordShown {
            shell: Shell::new(&user, "账号已创建", "/admin/accounts"),
            login,
            password,
            account_id: id.0,
        }),
        Err(StoreError::Invalid(errors)) => {
            render_invalid(form_page(&state, &user, form, errors).await?)
        }
        Err(StoreError::Db(e))
            if e.as_database_error()
                .is_some_and(|d| d.is_foreign_key_violation()) =>
        {
            let errors = FieldErrors::single("member_id", "关联的委员或承办单位编号不存在");
            render_invalid(form_page(&state, &user, form, errors).await?)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct DetailPage {
    shell: Shell,
    a: Account,
    locked: bool,
    last_login: String,
    is_self: bool,
}

async fn load(state: &AppState, user: &User, id: i64) -> WebResult<Account> {
    user.may(Action::ManageAccounts, Target::None)?;
    let account = store::user::get_account(&state.db, UserId(id)).await?;
    user.may(Action::ManageAccounts, Target::InOrg(&account.org_path))?;
    Ok(account)
}

async fn detail(
    State(state): State<AppState>,
    user: User,
    notice: Notice,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let a = load(&state, &user, id).await?;
    render(DetailPage {
        shell: Shell::new(&user, a.display_name.clone(), "/admin/accounts").notice(notice),
        locked: a.is_locked(state.now()),
        last_login: when(a.last_login_at),
        is_self: a.id == user.live.account.id,
        a,
    })
}

#[derive(Deserialize)]
pub struct Nothing {}

async fn disable(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let a = load(&state, &user, id).await?;
    if a.id == user.live.account.id {
        return Err(crate::error::WebError::BadRequest(
            "不能停用自己的账号".into(),
        ));
    }
    store::user::set_disabled(&state.db, state.now(), &user.who(), a.id, true).await?;
    store::session::end_all(&state.db, state.now(), a.id, "账号已停用").await?;
    Ok(done(&format!("/admin/accounts/{id}"), "disabled"))
}

async fn enable(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let a = load(&state, &user, id).await?;
    store::user::set_disabled(&state.db, state.now(), &user.who(), a.id, false).await?;
    Ok(done(&format!("/admin/accounts/{id}"), "enabled"))
}

async fn unlock(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let a = load(&state, &user, id).await?;
    store::user::unlock(&state.db, state.now(), &user.who(), a.id).await?;
    Ok(done(&format!("/admin/accounts/{id}"), "unlocked"))
}

/// Sets a temporary password, ends the user's sessions and shows the
/// password once; the user must change it at the next login.
async fn reset(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    CsrfForm(user, _): CsrfForm<Nothing>,
) -> WebResult<Response> {
    let a = load(&state, &user, id).await?;
    let password = temporary_password();
    store::user::set_password(&state.db, state.now(), &user.who(), a.id, &password, true).await?;
    store::session::end_all(&state.db, state.now(), a.id, "密码被重置").await?;
    render(PasswordShown {
        shell: Shell::new(&user, "密码已重置", "/admin/accounts"),
        login: a.login,
        password,
        account_id: a.id.0,
    })
}

/// The filtered account list as .xlsx (at most 10,000 rows; accounts are few).
async fn export(
    State(state): State<AppState>,
    user: User,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    user.may(Action::ManageAccounts, Target::None)?;
    let page = store::user::list(
        &state.db,
        &user.live.account.org_path,
        &q.filter(),
        1,
        10_000,
    )
    .await?;
    let now = state.now();
    let headers = ["登录名", "姓名", "角色", "所属组织", "状态", "上次登录"];
    let rows = page.rows.into_iter().map(|a| {
        let status = if a.disabled {
            "已停用"
        } else if a.is_locked(now) {
            "已锁定"
        } else {
            "正常"
        };
        vec![
            a.login,
            a.display_name,
            a.role.label().to_string(),
            a.org_name,
            status.to_string(),
            when(a.last_login_at),
        ]
    });
    xlsx_download(&state, &user, "账号列表.xlsx", &headers, rows).await
}
