//! Per-leader and per-responsibility marks a card shows, worked out once
//! from a model's findings (not once per card or per frame).

use crate::core::fast::HashMap;

use crate::core::analysis::{Finding, Grade, phrase_key};
use crate::core::model::LeaderId;

/// What the cards of one model mark.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Per leader: how many overlaps (responsibilities held by several)
    /// they are part of, and how many of those are conflicts.
    counts: HashMap<LeaderId, (usize, usize)>,
    /// The grade of each graded responsibility, by key.
    grades: HashMap<String, Grade>,
}

impl Marks {
    /// The marks of a model's findings. Linear in the number of holdings.
    pub fn of(findings: &[Finding]) -> Self {
        let mut counts: HashMap<LeaderId, (usize, usize)> = HashMap::default();
        for finding in findings.iter().filter(|f| f.holders.len() > 1) {
            for (holder, _) in &finding.holders {
                let entry = counts.entry(holder.clone()).or_default();
                entry.0 += 1;
                if finding.grade == Grade::Conflict {
                    entry.1 += 1;
                }
            }
        }
        let grades = findings.iter().map(|f| (f.key.clone(), f.grade)).collect();
        Self { counts, grades }
    }

    /// How many overlaps a leader is part of.
    pub fn shared(&self, id: &LeaderId) -> usize {
        self.counts.get(id).map_or(0, |c| c.0)
    }

    /// How many of a leader's overlaps are conflicts.
    pub fn conflicts(&self, id: &LeaderId) -> usize {
        self.counts.get(id).map_or(0, |c| c.1)
    }

    /// The grade of a responsibility phrase, if it has one.
    pub fn grade(&self, phrase: &str) -> Option<Grade> {
        self.grades.get(&phrase_key(phrase)).copied()
    }
}
