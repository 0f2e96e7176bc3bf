//! Re-importing into a model imported before: people are matched by
//! identifier, and what the file says wins for who they are and whom they
//! report to, while what was drawn by hand is kept for everyone still there
//! (card positions, folds, responsibilities, dotted lines).

use crate::core::diff::{self, Sentence};
use crate::core::model::OrgChart;
use crate::core::workspace::Model;

/// A re-import, ready to apply as one edit.
#[derive(Clone, Debug)]
pub struct Update {
    /// The chart after the update.
    pub chart: OrgChart,
    /// What changes, in the sentences Compare uses.
    pub sentences: Vec<Sentence>,
}

impl Update {
    /// True when the file says nothing new.
    pub fn is_empty(&self) -> bool {
        self.sentences
            .iter()
            .all(|s| s.left.is_empty() && s.right.is_empty())
    }
}

/// The model brought up to date with `imported`.
pub fn update(old: &Model, imported: &OrgChart) -> Update {
    let mut chart = imported.clone();
    let kept: Vec<_> = chart
        .leaders()
        .filter_map(|new| {
            let was = old.chart.leader(&new.id)?;
            let mut leader = new.clone();
            leader.pinned = was.pinned;
            leader.collapsed = was.collapsed;
            if leader.responsibilities.is_empty() {
                leader.responsibilities.clone_from(&was.responsibilities);
            }
            if leader.title == was.title {
                // A role chosen by hand stands while the title does.
                leader.role = was.role;
            }
            for (now, then) in [
                (&mut leader.department, &was.department),
                (&mut leader.email, &was.email),
                (&mut leader.location, &was.location),
            ] {
                if now.is_empty() {
                    now.clone_from(then);
                }
            }
            Some(leader)
        })
        .collect();
    for leader in kept {
        // The id is in the chart: it was just read from it.
        let _ = chart.update_leader(leader);
    }
    for line in old.chart.dotted_lines() {
        if chart.contains(&line.manager) && chart.contains(&line.report) {
            // Refused when the file now makes it a direct line, or has it.
            let _ = chart.add_dotted(&line.manager, &line.report);
        }
    }
    let after = Model {
        chart: chart.clone(),
        ..old.clone()
    };
    Update {
        sentences: diff::diff(old, &after).sentences,
        chart,
    }
}
