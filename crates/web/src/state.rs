//! What every handler can reach: the database, the clock, the field cipher,
//! configuration and a short-lived copy of the security policy.

use std::collections::HashMap;
use std::sync::Arc;

use domain::org::OrgPath;
use store::org::Org;

use domain::security::SecurityPolicy;
use store::{Clock, Db, FieldCipher};
use tokio::sync::RwLock;

use crate::config::Config;

/// How long a cached security policy is trusted before re-reading it, so
/// that a change made on one app server reaches the others quickly.
const POLICY_TTL_SECONDS: i64 = 5;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub db: Db,
    pub config: Config,
    pub clock: Arc<dyn Clock>,
    pub cipher: FieldCipher,
    policy: RwLock<Option<(SecurityPolicy, i64)>>,
    options: RwLock<HashMap<String, (Arc<FilterOptions>, i64)>>,
}

/// The choices of the member list's filter menus for one organisation scope.
pub struct FilterOptions {
    pub orgs: Vec<Org>,
    pub sectors: Vec<String>,
    pub committees: Vec<String>,
}

/// Filter menus change only when the structure is edited; this server
/// forgets them at once, other servers within half a minute.
const OPTIONS_TTL_SECONDS: i64 = 30;

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>, cipher: FieldCipher) -> AppState {
        AppState(Arc::new(Inner {
            db,
            config,
            clock,
            cipher,
            policy: RwLock::new(None),
            options: RwLock::new(HashMap::new()),
        }))
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    pub fn today(&self) -> time::Date {
        store::clock::local_date(self.now())
    }

    pub async fn policy(&self) -> Result<SecurityPolicy, store::StoreError> {
        let now = self.now();
        {
            if let Some((policy, fetched)) = &*self.policy.read().await {
                if (*fetched..*fetched + POLICY_TTL_SECONDS).contains(&now) {
                    return Ok(policy.clone());
                }
            }
        }
        let fresh = store::settings::security_policy(&self.db).await?;
        *self.policy.write().await = Some((fresh.clone(), now));
        Ok(fresh)
    }

    pub async fn filter_options(
        &self,
        scope: &OrgPath,
    ) -> Result<Arc<FilterOptions>, store::StoreError> {
        let now = self.now();
        if let Some((options, fetched)) = self.options.read().await.get(scope.as_str()) {
            if (*fetched..*fetched + OPTIONS_TTL_SECONDS).contains(&now) {
                return Ok(options.clone());
            }
        }
        let fresh = Arc::new(FilterOptions {
            orgs: store::org::list_orgs(&self.db, scope).await?,
            sectors: store::member::names_in_scope(&self.db, scope, "sectors").await?,
            committees: store::member::names_in_scope(&self.db, scope, "committees").await?,
        });
        self.options
            .write()
            .await
            .insert(scope.as_str().to_string(), (fresh.clone(), now));
        Ok(fresh)
    }

    /// Forgets cached filter menus after this server changed the structure.
    pub async fn structure_changed(&self) {
        self.options.write().await.clear();
    }

    /// Forgets the cached policy after this server changed it.
    pub async fn policy_changed(&self) {
        *self.policy.write().await = None;
    }
}
