//! What a model says about ownership: responsibilities held by more than one
//! leader (overlaps) and catalogue responsibilities held by nobody (gaps).

use std::collections::BTreeMap;

use super::model::{LeaderId, OrgChart};

/// The comparison key of a responsibility phrase: case-folded, with runs of
/// white space made one space and the ends trimmed.
pub fn phrase_key(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A responsibility held by two or more leaders of one model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    /// The phrase as first written (in leader order).
    pub phrase: String,
    /// The comparison key ([`phrase_key`]).
    pub key: String,
    /// Who holds it, in leader order.
    pub holders: Vec<LeaderId>,
}

/// Every responsibility held by two or more leaders, sorted by key.
pub fn overlaps(chart: &OrgChart) -> Vec<Overlap> {
    let mut by_key: BTreeMap<String, Overlap> = BTreeMap::new();
    for leader in chart.leaders() {
        for phrase in &leader.responsibilities {
            let key = phrase_key(phrase);
            if key.is_empty() {
                continue;
            }
            let entry = by_key.entry(key.clone()).or_insert_with(|| Overlap {
                phrase: phrase.trim().to_owned(),
                key,
                holders: Vec::new(),
            });
            if !entry.holders.contains(&leader.id) {
                entry.holders.push(leader.id.clone());
            }
        }
    }
    by_key
        .into_values()
        .filter(|o| o.holders.len() > 1)
        .collect()
}

/// The overlap keys a leader holds, for the badge on their card.
pub fn shared_count(overlaps: &[Overlap], leader: &LeaderId) -> usize {
    overlaps
        .iter()
        .filter(|o| o.holders.contains(leader))
        .count()
}

/// Catalogue phrases (see [`catalogue`]) that no leader of `chart` holds,
/// sorted by key.
pub fn gaps(chart: &OrgChart, catalogue: &[String]) -> Vec<String> {
    let held: std::collections::BTreeSet<String> = chart
        .leaders()
        .flat_map(|l| l.responsibilities.iter().map(|r| phrase_key(r)))
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<(String, String)> = catalogue
        .iter()
        .filter_map(|p| {
            let key = phrase_key(p);
            (!key.is_empty() && !held.contains(&key) && seen.insert(key.clone()))
                .then(|| (key, p.trim().to_owned()))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, p)| p).collect()
}

/// Every distinct phrase used by the given charts plus `extra`, first spelling
/// kept, sorted by key: the vocabulary the inspector offers.
pub fn catalogue<'a>(
    charts: impl IntoIterator<Item = &'a OrgChart>,
    extra: &[&str],
) -> Vec<String> {
    let mut by_key: BTreeMap<String, String> = BTreeMap::new();
    let used = charts
        .into_iter()
        .flat_map(OrgChart::leaders)
        .flat_map(|l| l.responsibilities.iter().map(String::as_str));
    for phrase in used.chain(extra.iter().copied()) {
        let key = phrase_key(phrase);
        if !key.is_empty() {
            by_key
                .entry(key)
                .or_insert_with(|| phrase.trim().to_owned());
        }
    }
    by_key.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Leader, Role};

    fn chart() -> OrgChart {
        let mut c = OrgChart::new();
        c.add_leader(
            Leader::new("a", Role::Cio, "A")
                .with_responsibilities(["Information  Security", "IT operations"]),
        )
        .unwrap();
        c.add_leader(
            Leader::new("b", Role::Ciso, "B")
                .with_responsibilities([" information security", "policy"]),
        )
        .unwrap();
        c.add_leader(Leader::new("c", Role::Cto, "C").with_responsibilities(["Policy"]))
            .unwrap();
        c
    }

    #[test]
    fn overlaps_ignore_case_and_white_space() {
        let found = overlaps(&chart());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key, "information security");
        assert_eq!(found[0].phrase, "Information  Security");
        assert_eq!(found[0].holders, [LeaderId::new("a"), LeaderId::new("b")]);
        assert_eq!(found[1].key, "policy");
        assert_eq!(shared_count(&found, &LeaderId::new("b")), 2);
        assert_eq!(shared_count(&found, &LeaderId::new("c")), 1);
    }

    #[test]
    fn a_phrase_repeated_by_one_leader_is_no_overlap() {
        let mut c = OrgChart::new();
        c.add_leader(Leader::new("a", Role::Cio, "A").with_responsibilities(["x", "X "]))
            .unwrap();
        assert!(overlaps(&c).is_empty());
    }

    #[test]
    fn gaps_are_catalogue_phrases_nobody_holds() {
        let cat = catalogue([&chart()], &["BI", "policy", "Technical debt"]);
        assert_eq!(cat.len(), 5);
        let mut c = chart();
        c.update_leader(Leader::new("c", Role::Cto, "C")).unwrap();
        assert_eq!(gaps(&c, &cat), ["BI", "Technical debt"]);
    }
}
