//! Headcount and span of control: for each leader, how many report to them
//! directly and how many people are under them in all; for the chart, its
//! size and how many levels deep it goes. Linear, no recursion.

use crate::core::fast::HashMap;

use super::forest::Forest;
use super::model::{LeaderId, OrgChart};

/// The headcounts of one chart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headcount {
    /// Per leader: direct reports, everyone under them.
    by_leader: HashMap<LeaderId, (usize, usize)>,
    /// Levels of the deepest reporting chain (a lone leader is one level).
    pub levels: usize,
    /// Open positions (cards nobody holds yet), counted apart from people.
    pub open: usize,
}

impl Headcount {
    /// Counts a chart.
    pub fn of(chart: &OrgChart) -> Self {
        let (leaders, parent) = chart.tree();
        let n = leaders.len();
        let forest = Forest::of(&parent);
        let children = &forest.children;
        // Totals bottom-up: the top-down order in reverse.
        let order = forest.top_down();
        let mut total = vec![0usize; n];
        for &i in order.iter().rev() {
            total[i] = children[i].iter().map(|&c| 1 + total[c]).sum();
        }
        let mut by_leader = HashMap::default();
        by_leader.reserve(n);
        by_leader.extend(
            leaders
                .iter()
                .enumerate()
                .map(|(i, l)| (l.id.clone(), (children[i].len(), total[i]))),
        );
        Self {
            by_leader,
            levels: Forest::levels(&parent, &order),
            open: leaders.iter().filter(|l| l.open).count(),
        }
    }

    /// How many report to a leader directly (their span of control).
    pub fn direct(&self, id: &LeaderId) -> usize {
        self.by_leader.get(id).map_or(0, |c| c.0)
    }

    /// How many people are under a leader, at every level.
    pub fn under(&self, id: &LeaderId) -> usize {
        self.by_leader.get(id).map_or(0, |c| c.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;

    #[test]
    fn counts_direct_reports_everyone_under_and_levels() {
        let chart = presets::model("peers").unwrap().chart;
        let h = Headcount::of(&chart);
        let id = LeaderId::new;
        assert_eq!(h.direct(&id("ceo")), 2, "CIO and CTO");
        assert_eq!(
            h.under(&id("ceo")),
            3,
            "CIO, CTO and the CISO under the CIO"
        );
        assert_eq!(h.direct(&id("cio")), 1);
        assert_eq!(h.under(&id("ciso")), 0);
        assert_eq!(h.levels, 3);
        assert_eq!(Headcount::of(&OrgChart::new()).levels, 0);
    }
}
