//! Table and column names, shared by migrations and queries, one file per
//! business area.

mod files;
mod letters;
mod opinions;
mod people_and_system;
mod proposals;
mod stations;
mod supervision;

pub use files::*;
pub use letters::*;
pub use opinions::*;
pub use people_and_system::*;
pub use proposals::*;
pub use stations::*;
pub use supervision::*;
