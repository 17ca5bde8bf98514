//! What every handler can reach: the database, the clock, the field cipher,
//! configuration and a short-lived copy of the security policy.

use std::sync::Arc;

use domain::security::SecurityPolicy;
use store::{Clock, Db, FieldCipher};
use tokio::sync::RwLock;

use crate::auth::User;
use crate::config::Config;
use crate::directory::{DirectoryCache, FilterOptions};
use store::member::{MemberFilter, MemberRow};
use store::Page;

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
    /// This server's search index; `None` if it could not be opened.
    pub search: Option<Arc<crate::search::SearchIndex>>,
    /// The mail and SMS senders.
    pub outbox: crate::outbox::Outbox,
    policy: RwLock<Option<(SecurityPolicy, i64)>>,
    directory: DirectoryCache,
    /// The public demand form's lists (see `stations::public_lists`).
    pub public_form: crate::stations::public_lists::PublicFormCache,
    /// Public demand submissions, written in batches under a burst.
    pub intake: store::station::Intake,
    /// Seals and opens attachments with the personal-data key.
    pub files: store::files::FileStore,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>, cipher: FieldCipher) -> AppState {
        let search = match crate::search::SearchIndex::open(config.data_dir.join("search-index")) {
            Ok(index) => Some(index),
            Err(e) => {
                tracing::error!(error = %e, "search index unavailable");
                None
            }
        };
        let outbox = crate::outbox::Outbox::from_config(&config);
        let intake = store::station::Intake::start(db.clone(), cipher.clone());
        let files = store::files::FileStore::new(cipher.clone());
        AppState(Arc::new(Inner {
            outbox,
            db,
            config,
            clock,
            cipher,
            search,
            policy: RwLock::new(None),
            directory: DirectoryCache::default(),
            public_form: Default::default(),
            intake,
            files,
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

    /// The member list's filter menus for the user's scope.
    pub async fn filter_options(
        &self,
        user: &User,
    ) -> Result<Arc<FilterOptions>, store::StoreError> {
        let live = &user.live;
        self.directory
            .filter_options(&self.db, live.directory_version, &live.account.org_path)
            .await
    }

    /// A page of the member list in the user's scope, from the cache when
    /// nothing changed since.
    pub async fn member_page(
        &self,
        user: &User,
        filter: &MemberFilter,
        page: i64,
        per_page: i64,
    ) -> Result<Arc<Page<MemberRow>>, store::StoreError> {
        let live = &user.live;
        self.directory
            .member_page(
                &self.db,
                live.directory_version,
                &live.account.org_path,
                filter,
                page,
                per_page,
            )
            .await
    }

    /// The scope's members counted per organisation, sector and post, kept
    /// until the directory changes (one version read per call).
    pub async fn member_groups(
        &self,
        scope: &domain::org::OrgPath,
    ) -> Result<Arc<Vec<store::opinion::stats::Group>>, store::StoreError> {
        let version = store::version::current(&self.db, store::version::DIRECTORY).await?;
        self.directory.member_groups(&self.db, version, scope).await
    }

    /// Rendered HTML cached until the directory changes; see `DirectoryCache::fragment`.
    pub async fn fragment<E>(
        &self,
        user: &User,
        key: String,
        render: impl std::future::Future<Output = Result<String, E>>,
    ) -> Result<Arc<String>, E> {
        self.directory
            .fragment(user.live.directory_version, key, render)
            .await
    }

    /// Forgets the cached policy after this server changed it.
    pub async fn policy_changed(&self) {
        *self.policy.write().await = None;
    }
}
