//! A per-server cache of what the member list shows: pages of members and
//! the filter menus. Each entry remembers the data version it was read at
//! (`store::version::DIRECTORY`); a write on any server bumps the version,
//! so the next request everywhere reads fresh data. Checking costs one
//! primary-key read instead of a count and a join over thousands of rows.

use std::collections::HashMap;
use std::sync::Arc;

use domain::org::OrgPath;
use store::member::{MemberFilter, MemberRow};
use store::org::Org;
use store::{Db, Page, StoreError};
use tokio::sync::RwLock;

/// The choices of the member list's filter menus for one organisation scope.
pub struct FilterOptions {
    pub orgs: Vec<Org>,
    pub sectors: Vec<String>,
    pub committees: Vec<String>,
}

/// Entries kept before the cache starts again; bounded memory.
const MAX_ENTRIES: usize = 4096;

/// Cached values by key, each with the data version it was read at.
type Versioned<T> = RwLock<HashMap<String, (i64, Arc<T>)>>;

#[derive(Default)]
pub struct DirectoryCache {
    pages: Versioned<Page<MemberRow>>,
    options: Versioned<FilterOptions>,
    fragments: Versioned<String>,
    member_groups: Versioned<Vec<store::opinion::stats::Group>>,
}

async fn cached<T, E>(
    map: &Versioned<T>,
    key: String,
    version: i64,
    load: impl std::future::Future<Output = Result<T, E>>,
) -> Result<Arc<T>, E> {
    if let Some((v, value)) = map.read().await.get(&key) {
        if *v == version {
            return Ok(value.clone());
        }
    }
    let fresh = Arc::new(load.await?);
    let mut map = map.write().await;
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    map.insert(key, (version, fresh.clone()));
    Ok(fresh)
}

impl DirectoryCache {
    /// `version` is the directory version read with the request's session.
    pub async fn member_page(
        &self,
        db: &Db,
        version: i64,
        scope: &OrgPath,
        filter: &MemberFilter,
        page: i64,
        per_page: i64,
    ) -> Result<Arc<Page<MemberRow>>, StoreError> {
        let key = format!("{}|{filter:?}|{page}|{per_page}", scope.as_str());
        cached(
            &self.pages,
            key,
            version,
            store::member::list(db, scope, filter, page, per_page),
        )
        .await
    }

    pub async fn filter_options(
        &self,
        db: &Db,
        version: i64,
        scope: &OrgPath,
    ) -> Result<Arc<FilterOptions>, StoreError> {
        let load = async {
            Ok(FilterOptions {
                orgs: store::org::list_orgs(db, scope).await?,
                sectors: store::member::names_in_scope(db, scope, "sectors").await?,
                committees: store::member::names_in_scope(db, scope, "committees").await?,
            })
        };
        cached(&self.options, scope.as_str().to_string(), version, load).await
    }

    /// The scope's members counted per organisation, sector and post (for
    /// the 社情民意 statistics): a scan of every member, read again only
    /// after the directory changes.
    pub async fn member_groups(
        &self,
        db: &Db,
        version: i64,
        scope: &OrgPath,
    ) -> Result<Arc<Vec<store::opinion::stats::Group>>, StoreError> {
        let load = store::opinion::stats::member_groups(db, scope);
        cached(
            &self.member_groups,
            scope.as_str().to_string(),
            version,
            load,
        )
        .await
    }

    /// Rendered HTML that depends only on directory data and on `key`
    /// (which must name everything else it depends on, such as the role).
    pub async fn fragment<E>(
        &self,
        version: i64,
        key: String,
        render: impl std::future::Future<Output = Result<String, E>>,
    ) -> Result<Arc<String>, E> {
        cached(&self.fragments, key, version, render).await
    }
}
