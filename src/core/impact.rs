//! What a change of organisation does to its shape, for any two models
//! (a scenario and its baseline, or two leadership models): the number of
//! levels, spans of control (median, mean, the managers with one or two
//! reports and with more than fifteen, and a count in each span band),
//! and for each technology leader their direct reports, the people under
//! them and the levels below them, before and after. Linear in the
//! leaders; open positions are counted apart from people.

use super::diff::{ModelDiff, diff_matched, match_leaders};
use super::fast::HashMap;
use super::forest::Forest;
use super::model::{LeaderId, OrgChart, Role};
use super::workspace::Model;

mod rows;
mod table;

pub use rows::{Row, TableRow};
pub use table::{MAX_SCENARIOS, ScenarioTable, scenario_family, scenario_table};

/// The span bands managers are counted in (direct reports, inclusive;
/// the last open-ended): the bands used to sort managers into archetypes,
/// from coach (1-2) to facilitator (16+).
pub const BANDS: [(usize, usize); 6] =
    [(1, 2), (3, 5), (6, 7), (8, 10), (11, 15), (16, usize::MAX)];

/// "1-2", ..., "16+".
pub fn band_label((low, high): (usize, usize)) -> String {
    if high == usize::MAX {
        format!("{low}+")
    } else {
        format!("{low}-{high}")
    }
}

/// The shape of one organisation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    /// People (open positions apart).
    pub people: usize,
    /// Open positions.
    pub open: usize,
    /// Leaders with at least one direct report.
    pub managers: usize,
    /// Levels of the deepest reporting chain.
    pub levels: usize,
    /// Median direct reports of a manager.
    pub median_span: f64,
    /// Mean direct reports of a manager.
    pub mean_span: f64,
    /// Managers with one or two direct reports.
    pub narrow: usize,
    /// Managers with more than fifteen.
    pub wide: usize,
    /// Managers in each of [`BANDS`].
    pub bands: [usize; 6],
    /// The people's cost (those with one), and how many have one.
    pub cost: (f64, usize),
}

/// One technology leader before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaderImpact {
    /// Who they are across models: the first model's id when they are
    /// in it, else their role and name there.
    pub key: String,
    /// Their role before and after (none: not in that model).
    pub roles: [Option<Role>; 2],
    /// Their role (after, else before).
    pub role: Role,
    /// Their name as shown (after, else before).
    pub name: String,
    /// Direct reports before and after (none: not in that model).
    pub direct: [Option<usize>; 2],
    /// Everyone under them, before and after.
    pub under: [Option<usize>; 2],
    /// Levels below them, before and after.
    pub levels_below: [Option<usize>; 2],
    /// The cost of their organisation (them included), before and after.
    pub cost: [Option<f64>; 2],
}

/// What changes in shape from one model to another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Impact {
    /// The first model's shape.
    pub before: Shape,
    /// The second's.
    pub after: Shape,
    /// Each technology leader of either (CIO, CTO, CISO, CDO, CDIO), in
    /// the first model's order, then the second's newcomers.
    pub leaders: Vec<LeaderImpact>,
}

/// The technology leaders' roles.
const TECHNOLOGY: [Role; 5] = [Role::Cio, Role::Cto, Role::Ciso, Role::Cdo, Role::Cdio];

/// Per leader of a chart (in `tree()` order): direct reports, everyone
/// under, levels below; and the chart's shape.
struct Counts {
    ids: Vec<LeaderId>,
    roles: Vec<Role>,
    /// Cost of each leader's organisation, them included.
    cost_under: Vec<f64>,
    direct: Vec<usize>,
    under: Vec<usize>,
    below: Vec<usize>,
    shape: Shape,
}

impl Counts {
    fn of(chart: &OrgChart) -> Self {
        let (leaders, parent) = chart.tree();
        let n = leaders.len();
        let open: Vec<bool> = leaders.iter().map(|l| l.open).collect();
        let forest = Forest::of(&parent);
        let children = &forest.children;
        let order = forest.top_down();
        let (mut under, mut below) = (vec![0usize; n], vec![0usize; n]);
        let mut cost_under: Vec<f64> = leaders.iter().map(|l| l.cost.unwrap_or(0.0)).collect();
        for &i in order.iter().rev() {
            for &c in &children[i] {
                under[i] += usize::from(!open[c]) + under[c];
                below[i] = below[i].max(1 + below[c]);
                cost_under[i] += cost_under[c];
            }
        }
        // A span counts the people reporting: not open positions, not
        // assistants (beside the manager, not among the reports).
        let assisting: Vec<bool> = leaders.iter().map(|l| l.assistant).collect();
        let direct: Vec<usize> = children
            .iter()
            .map(|c| c.iter().filter(|&&k| !open[k] && !assisting[k]).count())
            .collect();
        let mut shape = shape(&direct, &open, Forest::levels(&parent, &order));
        shape.cost = leaders
            .iter()
            .filter_map(|l| l.cost)
            .fold((0.0, 0), |(sum, n), c| (sum + c, n + 1));
        Self {
            ids: leaders.iter().map(|l| l.id.clone()).collect(),
            roles: leaders.iter().map(|l| l.role).collect(),
            cost_under,
            direct,
            under,
            below,
            shape,
        }
    }
}

fn shape(direct: &[usize], open: &[bool], levels: usize) -> Shape {
    let mut spans: Vec<usize> = direct.iter().copied().filter(|&d| d > 0).collect();
    spans.sort_unstable();
    let managers = spans.len();
    let median_span = match managers {
        0 => 0.0,
        m if m % 2 == 1 => spans[m / 2] as f64,
        m => (spans[m / 2 - 1] + spans[m / 2]) as f64 / 2.0,
    };
    let mean_span = if managers == 0 {
        0.0
    } else {
        spans.iter().sum::<usize>() as f64 / managers as f64
    };
    let mut bands = [0usize; 6];
    for &s in &spans {
        if let Some(b) = BANDS.iter().position(|&(lo, hi)| (lo..=hi).contains(&s)) {
            bands[b] += 1;
        }
    }
    let open_count = open.iter().filter(|o| **o).count();
    Shape {
        people: open.len() - open_count,
        open: open_count,
        managers,
        levels,
        median_span,
        mean_span,
        narrow: bands[0],
        wide: spans.iter().filter(|&&s| s > 15).count(),
        bands,
        cost: (0.0, 0),
    }
}

/// The shape of one chart: levels and spans.
pub fn shape_of(chart: &OrgChart) -> Shape {
    Counts::of(chart).shape
}

/// What changes in shape from `a` to `b`.
pub fn impact(a: &Model, b: &Model) -> Impact {
    impact_matched(a, b, &match_leaders(&a.chart, &b.chart))
}

/// What changes from `a` to `b` in words and in shape, the leaders
/// matched once for both (the Compare tab, `diff --json`).
pub fn diff_and_impact(a: &Model, b: &Model) -> (ModelDiff, Impact) {
    let matched = match_leaders(&a.chart, &b.chart);
    let impact = impact_matched(a, b, &matched);
    (diff_matched(a, b, matched), impact)
}

/// [`impact`] with the leaders already matched.
fn impact_matched(a: &Model, b: &Model, matched: &HashMap<LeaderId, LeaderId>) -> Impact {
    let (before, after) = (Counts::of(&a.chart), Counts::of(&b.chart));
    let index = |counts: &Counts| -> crate::core::fast::HashMap<LeaderId, usize> {
        counts
            .ids
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect()
    };
    let (at_a, at_b) = (index(&before), index(&after));
    let mut leaders = Vec::new();
    let mut seen_b = crate::core::fast::HashSet::default();
    for leader in a.chart.leaders().filter(|l| TECHNOLOGY.contains(&l.role)) {
        let ia = at_a.get(&leader.id).copied();
        let ib = matched.get(&leader.id).and_then(|id| at_b.get(id)).copied();
        if let Some(ib) = ib {
            seen_b.insert(ib);
        }
        let shown = ib
            .and_then(|i| b.chart.leader(&after.ids[i]))
            .unwrap_or(leader);
        leaders.push(row(shown, [ia, ib], [&before, &after]));
    }
    // The second model's technology leaders not seen yet: newcomers, or
    // people of the first in another role there (cast as a CIO, say).
    let back: crate::core::fast::HashMap<&LeaderId, &LeaderId> =
        matched.iter().map(|(a_id, b_id)| (b_id, a_id)).collect();
    for leader in b.chart.leaders().filter(|l| TECHNOLOGY.contains(&l.role)) {
        let ib = at_b.get(&leader.id).copied();
        if ib.is_some_and(|i| !seen_b.contains(&i)) {
            let ia = back.get(&leader.id).and_then(|id| at_a.get(*id)).copied();
            leaders.push(row(leader, [ia, ib], [&before, &after]));
        }
    }
    Impact {
        before: before.shape,
        after: after.shape,
        leaders,
    }
}

fn row(
    leader: &crate::core::model::Leader,
    at: [Option<usize>; 2],
    counts: [&Counts; 2],
) -> LeaderImpact {
    let pick =
        |f: fn(&Counts) -> &Vec<usize>| [0, 1].map(|side| at[side].map(|i| f(counts[side])[i]));
    let role_of = |side: usize| at[side].map(|i| counts[side].roles[i]);
    let key = at[0].map_or_else(
        || format!("new {} {}", leader.role.badge(), leader.card_name()),
        |i| counts[0].ids[i].as_str().to_owned(),
    );
    LeaderImpact {
        key,
        roles: [role_of(0), role_of(1)],
        role: leader.role,
        name: leader.card_name().to_owned(),
        direct: pick(|c| &c.direct),
        under: pick(|c| &c.under),
        levels_below: pick(|c| &c.below),
        cost: [0, 1].map(|side| at[side].map(|i| counts[side].cost_under[i])),
    }
}

#[cfg(test)]
mod tests;
