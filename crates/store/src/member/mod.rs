//! Members (委员): list with filters, read, create, update, deactivate.
//! Phone and ID numbers are stored encrypted with a masked copy for lists.
//! The record types live here; `read` lists and reads, `write` changes.

mod read;
mod write;

pub use read::{find_by_name, for_each_batch, get_member, list, names_in_scope, personal_data};
pub(crate) use write::draft_values;
pub use write::{create, insert, set_active, update, update_contact, Contact};

use domain::member::{Party, Post};
use domain::org::OrgPath;
use domain::{MemberId, OrgId};
use serde::Serialize;

/// Filters of the member list; every one optional.
#[derive(Debug, Clone, Default)]
pub struct MemberFilter {
    /// Part of the name.
    pub q: Option<String>,
    pub org_id: Option<i64>,
    /// Sectors and committees are filtered by name, so that a city user can
    /// pick 教育界 once and see it across every district.
    pub sector: Option<String>,
    pub committee: Option<String>,
    pub party: Option<Party>,
    pub post: Option<Post>,
    /// Show deactivated members instead of active ones.
    pub inactive: bool,
}

/// One row of the list: only masked personal data.
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub id: MemberId,
    pub name: String,
    pub gender: String,
    pub party: String,
    pub post: String,
    pub org_name: String,
    pub sector_name: String,
    pub committee_name: String,
    pub work_unit: String,
    pub job_title: String,
    pub phone_masked: String,
    pub active: bool,
}

/// The full record, personal data still masked.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    #[serde(flatten)]
    pub row: MemberRow,
    pub org_id: OrgId,
    pub org_path: OrgPath,
    pub ethnicity: String,
    pub birth_date: String,
    pub sector_id: i64,
    pub committee_id: Option<i64>,
    pub term_id: Option<i64>,
    pub term_name: String,
    pub id_masked: String,
    pub email: String,
    pub address: String,
    pub gender_code: String,
    pub party_code: String,
    pub post_code: String,
}

impl Member {
    /// The stored record as form input, for editing. Phone and ID number
    /// stay empty: an empty value keeps what is stored.
    pub fn as_input(&self) -> domain::member::MemberInput {
        domain::member::MemberInput {
            name: self.row.name.clone(),
            gender: self.gender_code.clone(),
            ethnicity: self.ethnicity.clone(),
            birth_date: self.birth_date.clone(),
            party: self.party_code.clone(),
            org_id: self.org_id.to_string(),
            sector_id: self.sector_id.to_string(),
            committee_id: self.committee_id.map(|c| c.to_string()).unwrap_or_default(),
            term_id: self.term_id.map(|t| t.to_string()).unwrap_or_default(),
            post: self.post_code.clone(),
            work_unit: self.row.work_unit.clone(),
            job_title: self.row.job_title.clone(),
            phone: String::new(),
            id_number: String::new(),
            email: self.email.clone(),
            address: self.address.clone(),
        }
    }
}
