//! Per-responsibility marks the cards show (grade, overlap), worked out
//! once from a model's findings, not once per card or per frame.

use crate::core::fast::HashMap;

use crate::core::analysis::{Finding, Grade, phrase_key};
use crate::core::model::Assignment;

/// What the cards of one model mark.
///
/// Kept per responsibility only (a model has a few dozen, even with
/// 100,000 leaders); a card's counts are worked out from its own
/// responsibilities when it is drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Per graded responsibility, by key: its grade, and whether more than
    /// one leader holds it (an overlap).
    keys: HashMap<String, (Grade, bool)>,
}

impl Marks {
    /// The marks of a model's findings. Linear in the number of findings.
    pub fn of(findings: &[Finding]) -> Self {
        let keys = findings
            .iter()
            .map(|f| (f.key.clone(), (f.grade, f.holders.len() > 1)))
            .collect();
        Self { keys }
    }

    /// How many overlaps (responsibilities held by several) a leader
    /// holding `held` is part of, and how many of those are conflicts. A
    /// responsibility written twice counts once.
    pub fn counts(&self, held: &[Assignment]) -> (usize, usize) {
        let mut seen: Vec<String> = Vec::with_capacity(held.len());
        let (mut shared, mut conflicts) = (0, 0);
        for a in held {
            let key = phrase_key(&a.phrase);
            if seen.contains(&key) {
                continue;
            }
            if let Some(&(grade, true)) = self.keys.get(&key) {
                shared += 1;
                conflicts += usize::from(grade == Grade::Conflict);
            }
            seen.push(key);
        }
        (shared, conflicts)
    }

    /// The grade of a responsibility phrase, if it has one.
    pub fn grade(&self, phrase: &str) -> Option<Grade> {
        self.keys.get(&phrase_key(phrase)).map(|&(grade, _)| grade)
    }
}
