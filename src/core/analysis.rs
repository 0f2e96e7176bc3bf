//! What a model says about ownership, graded by the rule of one accountable
//! owner: for each responsibility, who holds it and with which RACI letter.
//!
//! * **conflict**: two or more leaders are accountable (A);
//! * **shared**: two or more holders, exactly one accountable;
//! * **gap**: held, but nobody is accountable;
//! * **unowned**: in the workspace's vocabulary, but no leader holds it.

use std::collections::{BTreeMap, BTreeSet};

use super::fast::{HashMap, HashSet};
use super::model::{LeaderId, OrgChart, Raci};

/// The comparison key of a responsibility phrase: case-folded, with runs of
/// white space made one space and the ends trimmed.
pub fn phrase_key(phrase: &str) -> String {
    // Built in place: a hundred thousand imported names are keyed this way.
    let mut key = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.to_lowercase());
    }
    key
}

/// How a responsibility's ownership stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// Two or more accountable leaders.
    Conflict,
    /// Several holders, one accountable: the intended kind of overlap.
    Shared,
    /// Held, but nobody accountable.
    Gap,
}

impl Grade {
    /// The word shown in panels and sentences.
    pub fn word(self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Shared => "shared",
            Self::Gap => "gap",
        }
    }
}

/// A responsibility of one model whose ownership is worth a look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The phrase as first written (in leader order).
    pub phrase: String,
    /// The comparison key ([`phrase_key`]).
    pub key: String,
    /// Who holds it and with which letter, in leader order.
    pub holders: Vec<(LeaderId, Raci)>,
    /// How it stands.
    pub grade: Grade,
}

impl Finding {
    /// True when `id` holds it.
    pub fn held_by(&self, id: &LeaderId) -> bool {
        self.holders.iter().any(|(h, _)| h == id)
    }

    /// The holders' ids.
    pub fn holder_ids(&self) -> Vec<LeaderId> {
        self.holders.iter().map(|(h, _)| h.clone()).collect()
    }
}

/// One responsibility of a chart and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holding {
    /// The phrase as first written (in leader order), trimmed.
    pub phrase: String,
    /// Each holder once, with their strongest letter (A before R before C
    /// before I), in leader order.
    pub holders: Vec<(LeaderId, Raci)>,
}

/// Every responsibility of the chart with its holders, by key
/// ([`phrase_key`]), sorted. The one place holdings are worked out: the
/// findings, the diff and the matrix all read it. Linear in the number of
/// assignments (a leader's repeats of a phrase are merged as they come).
pub fn holdings(chart: &OrgChart) -> BTreeMap<String, Holding> {
    // A big chart says the same few phrases over and over: each spelling is
    // keyed once, then found by its text.
    let mut slot_of_text: HashMap<&str, Option<usize>> = HashMap::default();
    let mut slot_of_key: HashMap<String, usize> = HashMap::default();
    let mut slots: Vec<(String, Holding)> = Vec::new();
    for leader in chart.leaders() {
        for assignment in &leader.responsibilities {
            let phrase = assignment.phrase.as_str();
            let slot = *slot_of_text.entry(phrase).or_insert_with(|| {
                let key = phrase_key(phrase);
                (!key.is_empty()).then(|| {
                    *slot_of_key.entry(key.clone()).or_insert_with(|| {
                        let holding = Holding {
                            phrase: phrase.trim().to_owned(),
                            holders: Vec::new(),
                        };
                        slots.push((key, holding));
                        slots.len() - 1
                    })
                })
            });
            let Some(slot) = slot else { continue };
            let holders = &mut slots[slot].1.holders;
            // Leaders come one at a time, so a repeat is the last holder.
            match holders.last_mut() {
                Some((h, letter)) if *h == leader.id => *letter = (*letter).min(assignment.raci),
                _ => holders.push((leader.id.clone(), assignment.raci)),
            }
        }
    }
    slots.into_iter().collect()
}

/// Every phrase the charts use, each spelling once, in the order first
/// met: keying these instead of every assignment keeps a big chart quick.
fn spellings<'a>(charts: impl IntoIterator<Item = &'a OrgChart>) -> Vec<&'a str> {
    let mut seen: HashSet<&str> = HashSet::default();
    let mut out = Vec::new();
    for chart in charts {
        for leader in chart.leaders() {
            for phrase in leader.phrases() {
                if seen.insert(phrase) {
                    out.push(phrase);
                }
            }
        }
    }
    out
}

fn grade(holders: &[(LeaderId, Raci)]) -> Option<Grade> {
    let accountable = holders
        .iter()
        .filter(|(_, r)| *r == Raci::Accountable)
        .count();
    match (holders.len(), accountable) {
        (_, 2..) => Some(Grade::Conflict),
        (0, _) => None,
        (_, 0) => Some(Grade::Gap),
        (2.., 1) => Some(Grade::Shared),
        _ => None,
    }
}

/// Every graded responsibility of the chart (conflicts, shared ones and
/// gaps), sorted by key.
pub fn findings(chart: &OrgChart) -> Vec<Finding> {
    holdings(chart)
        .into_iter()
        .filter_map(|(key, Holding { phrase, holders })| {
            grade(&holders).map(|grade| Finding {
                phrase,
                key,
                holders,
                grade,
            })
        })
        .collect()
}

/// Responsibilities held by two or more leaders (whatever their letters),
/// graded, sorted by key: what the cards mark as overlapping.
pub fn overlaps(chart: &OrgChart) -> Vec<Finding> {
    let mut found = findings(chart);
    found.retain(|f| f.holders.len() > 1);
    found
}

/// How many overlaps a leader is part of, for the badge on their card.
pub fn shared_count(overlaps: &[Finding], leader: &LeaderId) -> usize {
    overlaps.iter().filter(|o| o.held_by(leader)).count()
}

/// Catalogue phrases (see [`catalogue`]) that no leader of `chart` holds,
/// sorted by key.
pub fn unowned(chart: &OrgChart, catalogue: &[String]) -> Vec<String> {
    let held: HashSet<String> = spellings([chart]).into_iter().map(phrase_key).collect();
    let mut seen = BTreeSet::new();
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
    let mut add = |phrase: &str| {
        let key = phrase_key(phrase);
        if !key.is_empty() {
            by_key
                .entry(key)
                .or_insert_with(|| phrase.trim().to_owned());
        }
    };
    spellings(charts).into_iter().for_each(&mut add);
    extra.iter().copied().for_each(add);
    by_key.into_values().collect()
}

/// Leaders whose name, title, role or a responsibility contains `query`
/// (ignoring case and runs of spaces), in chart order. An empty query finds
/// nobody.
pub fn find_leaders(chart: &OrgChart, query: &str) -> Vec<LeaderId> {
    let query = phrase_key(query);
    if query.is_empty() {
        return Vec::new();
    }
    let hit = |text: &str| phrase_key(text).contains(&query);
    chart
        .leaders()
        .filter(|l| {
            hit(&l.name)
                || hit(&l.title)
                || hit(l.role.badge())
                || l.responsibilities.iter().any(|a| hit(&a.phrase))
        })
        .map(|l| l.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Assignment, Leader, Role};

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
        c.add_leader(
            Leader::new("c", Role::Cto, "C")
                .with_assignments([Assignment::new("Policy", Raci::Responsible)]),
        )
        .unwrap();
        c
    }

    fn ids(f: &Finding) -> Vec<&str> {
        f.holders.iter().map(|(h, _)| h.as_str()).collect()
    }

    #[test]
    fn overlaps_ignore_case_and_white_space() {
        let found = overlaps(&chart());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].key, "information security");
        assert_eq!(found[0].phrase, "Information  Security");
        assert_eq!(ids(&found[0]), ["a", "b"]);
        assert_eq!(found[1].key, "policy");
        assert_eq!(shared_count(&found, &LeaderId::new("b")), 2);
        assert_eq!(shared_count(&found, &LeaderId::new("c")), 1);
    }

    #[test]
    fn grades_follow_the_rule_of_one_accountable_owner() {
        let found = findings(&chart());
        let graded: Vec<(&str, Grade)> = found.iter().map(|f| (f.key.as_str(), f.grade)).collect();
        assert_eq!(
            graded,
            [
                ("information security", Grade::Conflict),
                ("policy", Grade::Shared)
            ],
            "two A: conflict; one A among several: shared; a lone A is fine"
        );
        let mut c = OrgChart::new();
        c.add_leader(Leader::new("a", Role::Cio, "A").with_assignments([
            Assignment::new("budget", Raci::Responsible),
            Assignment::new("hiring", Raci::Informed),
        ]))
        .unwrap();
        c.add_leader(
            Leader::new("b", Role::Cto, "B")
                .with_assignments([Assignment::new("hiring", Raci::Consulted)]),
        )
        .unwrap();
        let graded: Vec<(String, Grade, usize)> = findings(&c)
            .into_iter()
            .map(|f| (f.key, f.grade, f.holders.len()))
            .collect();
        assert_eq!(
            graded,
            [
                ("budget".to_owned(), Grade::Gap, 1),
                ("hiring".to_owned(), Grade::Gap, 2)
            ],
            "held but nobody accountable: gap, with one holder or several"
        );
    }

    #[test]
    fn a_phrase_repeated_by_one_leader_counts_once_with_its_strongest_letter() {
        let mut c = OrgChart::new();
        c.add_leader(Leader::new("a", Role::Cio, "A").with_assignments([
            Assignment::new("x", Raci::Informed),
            Assignment::new("X ", Raci::Accountable),
        ]))
        .unwrap();
        assert!(overlaps(&c).is_empty());
        assert!(
            findings(&c).is_empty(),
            "one accountable holder: nothing to report"
        );
    }

    #[test]
    fn unowned_are_catalogue_phrases_nobody_holds() {
        let cat = catalogue([&chart()], &["BI", "policy", "Technical debt"]);
        assert_eq!(cat.len(), 5);
        let mut c = chart();
        c.update_leader(Leader::new("c", Role::Cto, "C")).unwrap();
        assert_eq!(unowned(&c, &cat), ["BI", "Technical debt"]);
    }
}
