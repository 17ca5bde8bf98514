//! What the public demand form lists for one chosen organisation — the
//! organisations a citizen may address, the chosen one's stations, and its
//! settings (categories, per-address limit) — cached per server and keyed
//! by the data versions of the directory and of the stations. A change on
//! any server bumps a version, so every server reads the lists again at its
//! next request; until then a burst of citizens costs one primary-key read
//! each instead of five queries.

use std::collections::HashMap;
use std::sync::Arc;

use domain::station::StationSettings;
use domain::OrgId;
use store::{Db, StoreError};
use tokio::sync::RwLock;

/// The lists for one chosen organisation.
pub struct FormLists {
    pub orgs: Vec<(i64, String)>,
    /// The chosen organisation if it exists, else 0.
    pub org: i64,
    pub stations: Vec<(i64, String)>,
    /// The chosen organisation's settings (the first listed one's when none
    /// is chosen).
    pub settings: StationSettings,
}

/// Entries kept before the cache starts again (chosen ids come from the
/// public, so the map is bounded).
const MAX_ENTRIES: usize = 4096;

#[derive(Default)]
pub struct PublicFormCache(RwLock<HashMap<i64, (i64, Arc<FormLists>)>>);

impl PublicFormCache {
    pub async fn lists(&self, db: &Db, chosen: i64) -> Result<Arc<FormLists>, StoreError> {
        let version =
            store::version::combined(db, &[store::version::DIRECTORY, store::version::STATIONS])
                .await?;
        if let Some((v, lists)) = self.0.read().await.get(&chosen) {
            if *v == version {
                return Ok(lists.clone());
            }
        }
        let fresh = Arc::new(load(db, chosen).await?);
        let mut map = self.0.write().await;
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(chosen, (version, fresh.clone()));
        Ok(fresh)
    }
}

async fn load(db: &Db, chosen: i64) -> Result<FormLists, StoreError> {
    let orgs = store::station::public_orgs(db, (chosen > 0).then_some(OrgId(chosen))).await?;
    let org = if orgs.iter().any(|(id, _)| *id == chosen) {
        chosen
    } else {
        0
    };
    let stations = if org > 0 {
        let filter = store::station::StationFilter {
            org: Some(OrgId(org)),
            ..Default::default()
        };
        store::station::list_stations(db, &filter, 1, 500)
            .await?
            .rows
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect()
    } else {
        Vec::new()
    };
    let settings_org = if org > 0 {
        OrgId(org)
    } else {
        orgs.first().map(|o| OrgId(o.0)).unwrap_or(OrgId(0))
    };
    let (settings, _) = store::station::settings_for(db, settings_org).await?;
    Ok(FormLists {
        orgs,
        org,
        stations,
        settings,
    })
}
