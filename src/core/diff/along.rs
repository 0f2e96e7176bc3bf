//! Who moves along with a leader who moves: the people under them in the
//! second model who were under them in the first too, counted so that a
//! move is said once ("with the 1,180 people under them") instead of one
//! sentence per person. Euler intervals of the first model, then each
//! person's managers in the second: linear in the people times the depth.

use crate::core::fast::{HashMap, HashSet};
use crate::core::forest::Forest;
use crate::core::model::{LeaderId, OrgChart};

/// Pre-order entry and exit of each leader of a chart (by `tree()` index):
/// `j` is under `i` when `enter[i] < enter[j] < exit[i]`; and each id's
/// index.
fn intervals(chart: &OrgChart) -> (Vec<usize>, Vec<usize>, HashMap<LeaderId, usize>) {
    let (leaders, parent) = chart.tree();
    let forest = Forest::of(&parent);
    let order = forest.top_down();
    let n = leaders.len();
    let mut enter = vec![0; n];
    for (clock, &i) in order.iter().enumerate() {
        enter[i] = clock;
    }
    // A subtree is one run of the pre-order: it ends its size after its start.
    let mut size = vec![1usize; n];
    for &i in order.iter().rev() {
        if let Some(p) = parent[i] {
            size[p] += size[i];
        }
    }
    let exit = (0..n).map(|i| enter[i] + size[i]).collect();
    let index = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.clone(), i))
        .collect();
    (enter, exit, index)
}

/// For each leader (by `tree()` index): whether a marked leader is above
/// them.
fn below(parent: &[Option<usize>], marked: &[bool]) -> Vec<bool> {
    let mut out = vec![false; parent.len()];
    for j in Forest::of(parent).top_down() {
        if let Some(p) = parent[j] {
            out[j] = out[p] || marked[p];
        }
    }
    out
}

/// For each moved leader of `b` (by id): how many people under them in `b`
/// were under their match in `a` too. `back` matches `b`'s ids to `a`'s.
pub(super) fn moving_along(
    a: &OrgChart,
    b: &OrgChart,
    back: &HashMap<LeaderId, LeaderId>,
    moved: &HashSet<LeaderId>,
) -> HashMap<LeaderId, usize> {
    let mut along = HashMap::default();
    if moved.is_empty() {
        return along;
    }
    let (leaders, parent) = b.tree();
    let n = leaders.len();
    let is_moved: Vec<bool> = leaders.iter().map(|l| moved.contains(&l.id)).collect();
    // Who has a moved leader above them: only they can move along.
    let below_moved = below(&parent, &is_moved);
    if !below_moved.contains(&true) {
        return along;
    }
    let (enter, exit, at_a) = intervals(a);
    let in_a = |id: &LeaderId| back.get(id).and_then(|left| at_a.get(left)).copied();
    let moved_at: Vec<Option<(usize, usize)>> = (0..n)
        .map(|j| {
            is_moved[j]
                .then(|| in_a(&leaders[j].id).map(|i| (enter[i], exit[i])))
                .flatten()
        })
        .collect();
    let mut counts = vec![0usize; n];
    for j in (0..n).filter(|&j| below_moved[j]) {
        let Some(me) = in_a(&leaders[j].id).map(|i| enter[i]) else {
            continue;
        };
        let mut up = parent[j];
        while let Some(u) = up {
            if let Some((from, to)) = moved_at[u]
                && from < me
                && me < to
            {
                counts[u] += 1;
            }
            up = parent[u];
        }
    }
    for (j, leader) in leaders.iter().enumerate() {
        if counts[j] > 0 {
            along.insert(leader.id.clone(), counts[j]);
        }
    }
    along
}
