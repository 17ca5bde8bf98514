//! Members typed by name (a station's members, the members taking part in a
//! supervision topic): one member of the organisation per name, or a field
//! error naming each name that is unknown or shared.

use domain::{FieldErrors, MemberId, OrgId};

use crate::error::WebResult;
use crate::state::AppState;

/// The members `names` lists (separated by 、，, ; or spaces), in order.
/// Names that match no member, or several (each with their work unit), are
/// reported on `field`; a name given twice counts once.
pub async fn by_names(
    state: &AppState,
    org: OrgId,
    names: &str,
    field: &str,
    errors: &mut FieldErrors,
) -> WebResult<Vec<MemberId>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for name in names
        .split([',', '，', '、', ';', '；', '\n', ' '])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        match store::member::find_by_name(&state.db, org, name)
            .await?
            .as_slice()
        {
            [(m, _)] if out.contains(m) => {}
            [(m, _)] => out.push(*m),
            [] => problems.push(format!("“{name}”不是本级政协的在册委员")),
            many => problems.push(format!(
                "“{name}”有{}位同名委员（{}），请在委员名录中核对",
                many.len(),
                many.iter()
                    .map(|(_, unit)| unit.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )),
        }
    }
    if !problems.is_empty() {
        errors.add(field, problems.join("；"));
    }
    Ok(out)
}
