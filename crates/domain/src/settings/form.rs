//! One shape for every settings page: a settings type lists its fields in
//! groups, shows itself as text, and parses the text back with a Chinese
//! message per field. The web layer draws any of them with one template.

use std::collections::BTreeMap;

use super::SettingField;
use crate::field::FieldErrors;

/// A settings form as typed: field name → text.
pub type Values = BTreeMap<String, String>;

/// A per-organisation settings type that has a page.
pub trait SettingsForm: Sized + Default {
    /// The fields, in groups with a legend each.
    fn groups() -> &'static [(&'static str, &'static [SettingField])];

    /// The settings as the form shows them.
    fn values(&self) -> Values;

    /// The form back into settings, naming every bad field.
    fn parse(values: &Values) -> Result<Self, FieldErrors>;

    /// Keeps what the page does not show (e.g. a category list) from the
    /// settings in force, after `parse`.
    fn keep_unlisted(&mut self, _previous: &Self) {}

    /// The text of one field (empty when missing).
    fn text<'a>(values: &'a Values, name: &str) -> &'a str {
        values.get(name).map(String::as_str).unwrap_or("")
    }
}

impl SettingsForm for super::ProposalSettings {
    fn groups() -> &'static [(&'static str, &'static [SettingField])] {
        &[
            ("办理期限", &super::DEADLINE_FIELDS),
            ("到期预警", &super::WARNING_FIELDS),
            ("联名与重新办理", &super::OTHER_FIELDS),
        ]
    }

    fn values(&self) -> Values {
        let input = super::ProposalSettingsInput::from_settings(self);
        Self::groups()
            .iter()
            .flat_map(|(_, fields)| fields.iter())
            .map(|f| (f.name.to_string(), input.value(f.name).to_string()))
            .collect()
    }

    fn parse(values: &Values) -> Result<Self, FieldErrors> {
        let mut input = super::ProposalSettingsInput::default();
        for (name, value) in values {
            input.set(name, value.clone());
        }
        input.parse()
    }
}
