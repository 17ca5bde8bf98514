//! The organisation tree each scale loads: names, levels, region codes and
//! how many members each organisation gets.

use super::names::{CHONGQING_DISTRICTS, PROVINCES};
use super::Scale;

pub(super) struct OrgPlan {
    pub(super) name: String,
    pub(super) short: String,
    pub(super) level: &'static str,
    pub(super) parent: Option<usize>,
    pub(super) region: u32,
    pub(super) members: usize,
}

pub(super) fn plan(scale: Scale) -> Vec<OrgPlan> {
    let mut orgs = Vec::new();
    match scale {
        Scale::Small | Scale::City => {
            let (city_members, per_district) = if scale == Scale::Small {
                (40, 8)
            } else {
                (880, 293)
            };
            orgs.push(OrgPlan {
                name: "中国人民政治协商会议重庆市委员会".into(),
                short: "重庆市政协".into(),
                level: "city",
                parent: None,
                region: 500000,
                members: city_members,
            });
            for (i, d) in CHONGQING_DISTRICTS.iter().enumerate() {
                orgs.push(OrgPlan {
                    name: format!("中国人民政治协商会议重庆市{d}委员会"),
                    short: format!("{d}政协"),
                    level: "district",
                    parent: Some(0),
                    region: 500101 + i as u32,
                    members: per_district,
                });
            }
        }
        Scale::National => {
            orgs.push(OrgPlan {
                name: "中国人民政治协商会议全国委员会".into(),
                short: "全国政协".into(),
                level: "national",
                parent: None,
                region: 110000,
                members: 2169,
            });
            for (p, province) in PROVINCES.iter().enumerate() {
                let pi = orgs.len();
                let region = 110000 + p as u32 * 10000;
                orgs.push(OrgPlan {
                    name: format!("中国人民政治协商会议{province}委员会"),
                    short: format!("{province}政协"),
                    level: "province",
                    parent: Some(0),
                    region,
                    members: 700,
                });
                for c in 0..10 {
                    let ci = orgs.len();
                    let city = format!("{province}第{}市", c + 1);
                    orgs.push(OrgPlan {
                        name: format!("中国人民政治协商会议{city}委员会"),
                        short: format!("{city}政协"),
                        level: "city",
                        parent: Some(pi),
                        region: region + (c as u32 + 1) * 100,
                        members: 400,
                    });
                    for d in 0..8 {
                        let district = format!("{city}第{}区", d + 1);
                        orgs.push(OrgPlan {
                            name: format!("中国人民政治协商会议{district}委员会"),
                            short: format!("{district}政协"),
                            level: "district",
                            parent: Some(ci),
                            region: region + (c as u32 + 1) * 100 + d as u32 + 1,
                            members: 210,
                        });
                    }
                }
            }
        }
    }
    orgs
}
