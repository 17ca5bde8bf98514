//! Members' work stations and studios, receptions and citizens' demands in
//! the database. A demand's rules record (`domain::station::Demand`, with
//! its tracking) is loaded whole, `domain::station::apply` decides, and the
//! result is saved with a version check, its history, its unit projection,
//! deadline-warning jobs and the audit entry in one transaction.

mod coverage;
mod demand;
mod intake;
mod read;
mod receptions;
mod registry;
mod search;
mod settings;
mod stats;
pub mod warnings;

pub use coverage::{compare, coverage, Coverage, DistrictRow, Duplicate, Uncovered};
pub use demand::{act, check, convert, set_withheld};
pub use intake::{create, create_many, Intake, NewDemand, Visitor};
pub use read::{
    history, list, load, recent_from, track, DemandFilter, DemandRow, HistoryRow, Stored, Tracked,
};
pub use receptions::{receptions, record_reception, ReceptionRow};
pub use registry::{
    create_station, list_stations, load_station, public_orgs, update_station, StationFilter,
    StationRow, StoredStation,
};
pub use search::{indexable_after, indexable_by_id, Indexable};
pub use settings::settings_for;
pub use stats::{statistics, StatRow, Statistics};

/// The kind name of a demand in `item_links` and the search feed.
pub const KIND_DEMAND: &str = "demand";
