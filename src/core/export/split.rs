//! Splitting a chart over pages so that its text stays readable: the whole
//! chart when it fits; otherwise its top levels, the leaders where it was
//! cut folded and marked with the page their people continue on, then each
//! of those leaders' parts, split the same way. A leader with more reports
//! side by side than a page holds has them spread over several pages, the
//! leader above each group. Nothing is left out: every shown leader is on
//! exactly one page (a leader where the chart is cut heads the next part).

use crate::core::headcount::Headcount;
use crate::core::layout::folded_away;
use crate::core::model::{Arrangement, Leader, LeaderId, OrgChart};

/// One page's share of a chart.
#[derive(Debug)]
pub(super) struct Part {
    /// The leaders on this page and the lines among them.
    pub chart: OrgChart,
    /// The leader this part continues (its top, or the manager above a
    /// group of reports), with their name as shown (their card may not be
    /// in the part); `None` for the first part.
    pub under: Option<(LeaderId, String)>,
    /// Leaders cut here, and the part (an index) where their people go on.
    pub continued: Vec<(LeaderId, usize)>,
    /// Leaders folded in the chart itself, and how many people that hides.
    pub folded: Vec<(LeaderId, usize)>,
}

/// What a part shows: `head` (a manager above), the `tops` side by side,
/// and everyone under the tops down to some depth; `of`, the leader whose
/// people they are when that leader's card is not in the part.
struct Spec {
    head: Option<usize>,
    tops: Vec<usize>,
    of: Option<usize>,
}

/// The chart read once: each leader's shown reports, in order.
struct Tree<'a> {
    leaders: Vec<&'a Leader>,
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
    /// Dotted lines by position: (manager, report).
    dotted: Vec<(usize, usize)>,
    headcount: Headcount,
    /// The chart's arrangement, which its parts keep.
    arrangement: Arrangement,
}

impl<'a> Tree<'a> {
    fn of(chart: &'a OrgChart) -> Self {
        let (leaders, parent) = chart.tree();
        let hidden = folded_away(&leaders, &parent);
        let mut children = vec![Vec::new(); leaders.len()];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                _ if hidden[i] => {}
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        let position: std::collections::HashMap<&LeaderId, usize> = leaders
            .iter()
            .enumerate()
            .map(|(i, l)| (&l.id, i))
            .collect();
        let dotted = chart
            .dotted_lines()
            .iter()
            .filter_map(|line| Some((*position.get(&line.manager)?, *position.get(&line.report)?)))
            .filter(|(m, r)| !hidden[*m] && !hidden[*r])
            .collect();
        Self {
            leaders,
            children,
            roots,
            dotted,
            headcount: Headcount::of(chart),
            arrangement: chart.arrangement(),
        }
    }

    /// The deepest level under the tops (the tops are level 0).
    fn depth(&self, tops: &[usize]) -> usize {
        let mut deepest = 0;
        let mut stack: Vec<(usize, usize)> = tops.iter().map(|&t| (t, 0)).collect();
        while let Some((i, level)) = stack.pop() {
            deepest = deepest.max(level);
            stack.extend(self.children[i].iter().map(|&c| (c, level + 1)));
        }
        deepest
    }

    /// Where the people of a leader cut from a part go on: their team
    /// without the leader's card again (the part's heading names them; the
    /// card is where they were cut), but for a team of people without
    /// reports in wide rows, which keeps its leader above its two rows.
    fn continuation(&self, leader: usize) -> Spec {
        let team = &self.children[leader];
        let leaves = team.iter().all(|&c| self.children[c].is_empty());
        if self.arrangement == Arrangement::Wide && leaves {
            Spec {
                head: None,
                tops: vec![leader],
                of: None,
            }
        } else {
            Spec {
                head: None,
                tops: team.clone(),
                of: Some(leader),
            }
        }
    }

    /// The leaders of a part, each with its manager in the part, and the
    /// leaders cut at its lowest level.
    fn members(&self, spec: &Spec, depth: usize) -> (Vec<(usize, Option<usize>)>, Vec<usize>) {
        let mut members: Vec<(usize, Option<usize>)> =
            spec.head.map(|h| (h, None)).into_iter().collect();
        let mut cut = Vec::new();
        let mut stack: Vec<(usize, Option<usize>, usize)> =
            spec.tops.iter().rev().map(|&t| (t, spec.head, 0)).collect();
        while let Some((i, manager, level)) = stack.pop() {
            members.push((i, manager));
            if level == depth {
                if !self.children[i].is_empty() {
                    cut.push(i);
                }
                continue;
            }
            stack.extend(
                self.children[i]
                    .iter()
                    .rev()
                    .map(|&c| (c, Some(i), level + 1)),
            );
        }
        (members, cut)
    }

    /// The chart of a part: its leaders (unfolded, unpinned: the layout
    /// places them afresh), their direct lines and the dotted ones among
    /// them.
    fn chart(&self, members: &[(usize, Option<usize>)]) -> OrgChart {
        let mut chart = OrgChart::new();
        chart.set_arrangement(self.arrangement);
        chart.reserve(members.len());
        let mut inside = vec![false; self.leaders.len()];
        for &(i, _) in members {
            let mut leader = self.leaders[i].clone();
            leader.collapsed = false;
            leader.pinned = None;
            // Ids are unique in the chart this part is cut from.
            let _ = chart.add_leader(leader);
            inside[i] = true;
        }
        for &(i, manager) in members {
            if let Some(m) = manager {
                let _ = chart.add_direct(&self.leaders[m].id, &self.leaders[i].id);
            }
        }
        for &(m, r) in &self.dotted {
            if inside[m] && inside[r] {
                let _ = chart.add_dotted(&self.leaders[m].id, &self.leaders[r].id);
            }
        }
        chart
    }

    /// Leaders of the part folded in the original chart, with how many
    /// people under them that hides.
    fn folded(&self, members: &[(usize, Option<usize>)]) -> Vec<(LeaderId, usize)> {
        members
            .iter()
            .map(|&(i, _)| self.leaders[i])
            .filter(|l| l.collapsed)
            .map(|l| (l.id.clone(), self.headcount.under(&l.id)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// Splits `chart` as [`split`] does, in its own arrangement or the other
/// one (wide rows, stacked columns), whichever needs fewer `pages` (then
/// fewer parts; its own on a tie): a pack lays a chart out the way that
/// fits the paper best.
pub(super) fn split_best(
    chart: &OrgChart,
    fits: &dyn Fn(&OrgChart) -> bool,
    pages: &dyn Fn(&[Part]) -> usize,
) -> Vec<Part> {
    let own = split(chart, fits);
    if own.len() == 1 && own[0].folded.is_empty() {
        return own;
    }
    let mut other = chart.clone();
    other.set_arrangement(match chart.arrangement() {
        Arrangement::Wide => Arrangement::Stacked,
        Arrangement::Stacked => Arrangement::Wide,
    });
    let theirs = split(&other, fits);
    let cost = |parts: &[Part]| (pages(parts), parts.len());
    if cost(&theirs) < cost(&own) {
        theirs
    } else {
        own
    }
}

/// Splits `chart` into parts that each `fits` a page. A chart that fits
/// whole is one part: itself, pins and folds as they are.
pub(super) fn split(chart: &OrgChart, fits: &dyn Fn(&OrgChart) -> bool) -> Vec<Part> {
    let tree = Tree::of(chart);
    if fits(chart) || tree.leaders.is_empty() {
        return vec![Part {
            chart: chart.clone(),
            under: None,
            continued: Vec::new(),
            folded: Vec::new(),
        }];
    }
    let mut parts = Vec::new();
    let spec = Spec {
        head: None,
        tops: tree.roots.clone(),
        of: None,
    };
    place(&tree, &spec, fits, &mut parts);
    parts
}

/// Adds the parts of `spec` (and of everything cut from it) to `parts`.
fn place(tree: &Tree<'_>, spec: &Spec, fits: &dyn Fn(&OrgChart) -> bool, parts: &mut Vec<Part>) {
    // The most levels that fit (each level only adds to the width and
    // height, so the first that does not fit ends the search).
    let mut best = None;
    for depth in 0..=tree.depth(&spec.tops) {
        let (members, cut) = tree.members(spec, depth);
        let chart = tree.chart(&members);
        if !fits(&chart) {
            break;
        }
        best = Some((chart, members, cut, depth));
    }
    let lone_top = spec.head.is_none() && spec.tops.len() == 1;
    match best {
        // One leader alone on a page says nothing: their reports come
        // under them in groups instead.
        Some((_, _, _, 0)) | None if lone_top => fan_out(tree, spec, fits, parts),
        Some((chart, members, cut, _)) => {
            let (chart, members, cut) = deepen(tree, (chart, members, cut), fits);
            let at = parts.len();
            parts.push(Part {
                folded: tree.folded(&members),
                chart,
                under: under_of(tree, spec, at),
                continued: Vec::new(),
            });
            continue_from(tree, at, &cut, fits, parts);
        }
        // One report under its manager does not fit either: printed as it
        // is, and its own people go on from there.
        None if spec.tops.len() == 1 => {
            let at = push(tree, spec, parts);
            let top = spec.tops[0];
            if !tree.children[top].is_empty() {
                continue_from(tree, at, &[top], fits, parts);
            }
        }
        None => place_groups(tree, spec, fits, parts),
    }
}

/// A part as drawn: its chart, its leaders (each with their manager in
/// it) and the leaders cut at its foot.
type Drawn = (OrgChart, Vec<(usize, Option<usize>)>, Vec<usize>);

/// A part grown where it still fits: each leader cut at its foot gets
/// their reports in the part too while the page holds them (a small
/// team joins its leader instead of taking a part of its own), again until
/// none more fits.
fn deepen(
    tree: &Tree<'_>,
    (mut chart, mut members, mut cut): Drawn,
    fits: &dyn Fn(&OrgChart) -> bool,
) -> Drawn {
    let mut grown = true;
    while grown {
        grown = false;
        let mut k = 0;
        while k < cut.len() {
            let leader = cut[k];
            let mut trial = members.clone();
            trial.extend(tree.children[leader].iter().map(|&c| (c, Some(leader))));
            let bigger = tree.chart(&trial);
            if fits(&bigger) {
                (chart, members) = (bigger, trial);
                cut.remove(k);
                cut.extend(
                    tree.children[leader]
                        .iter()
                        .copied()
                        .filter(|&c| !tree.children[c].is_empty()),
                );
                grown = true;
            } else {
                k += 1;
            }
        }
    }
    (chart, members, cut)
}

/// Places the people of each leader cut in part `at`, noting where.
fn continue_from(
    tree: &Tree<'_>,
    at: usize,
    cut: &[usize],
    fits: &dyn Fn(&OrgChart) -> bool,
    parts: &mut Vec<Part>,
) {
    for &i in cut {
        let next = parts.len();
        parts[at].continued.push((tree.leaders[i].id.clone(), next));
        place(tree, &tree.continuation(i), fits, parts);
    }
}

/// The lone top's reports in groups under them; a leader with no reports
/// who does not fit alone is printed as they are.
fn fan_out(tree: &Tree<'_>, lone: &Spec, fits: &dyn Fn(&OrgChart) -> bool, parts: &mut Vec<Part>) {
    let top = lone.tops[0];
    let spec = Spec {
        head: Some(top),
        tops: tree.children[top].clone(),
        of: lone.of,
    };
    if spec.tops.is_empty() {
        push(tree, lone, parts);
    } else {
        place_groups(tree, &spec, fits, parts);
    }
}

/// The part's `under`: none for the very first part.
fn under_of(tree: &Tree<'_>, spec: &Spec, at: usize) -> Option<(LeaderId, String)> {
    if at == 0 {
        return None;
    }
    let leader = spec
        .of
        .or(spec.head)
        .or_else(|| spec.tops.first().copied())?;
    Some(named(tree.leaders[leader]))
}

/// A leader's id, and their name as the reader sees it (the id when it
/// is blank).
fn named(leader: &Leader) -> (LeaderId, String) {
    let name = if leader.name.trim().is_empty() {
        leader.id.as_str()
    } else {
        leader.name.as_str()
    };
    (
        leader.id.clone(),
        crate::core::text::visible(name).into_owned(),
    )
}

/// Too many tops side by side: as many as fit on each page, in order.
fn place_groups(
    tree: &Tree<'_>,
    spec: &Spec,
    fits: &dyn Fn(&OrgChart) -> bool,
    parts: &mut Vec<Part>,
) {
    let mut group: Vec<usize> = Vec::new();
    let flush = |group: &mut Vec<usize>, parts: &mut Vec<Part>| {
        if !group.is_empty() {
            let tops = std::mem::take(group);
            place(
                tree,
                &Spec {
                    head: spec.head,
                    tops,
                    of: spec.of,
                },
                fits,
                parts,
            );
        }
    };
    for &top in &spec.tops {
        group.push(top);
        let (members, _) = tree.members(
            &Spec {
                head: spec.head,
                tops: group.clone(),
                of: spec.of,
            },
            0,
        );
        if group.len() > 1 && !fits(&tree.chart(&members)) {
            group.pop();
            flush(&mut group, parts);
            group.push(top);
        }
    }
    flush(&mut group, parts);
}

/// Adds the tops of `spec` (under its head) as a part, whether it fits or
/// not; returns its index.
fn push(tree: &Tree<'_>, spec: &Spec, parts: &mut Vec<Part>) -> usize {
    let (members, _) = tree.members(spec, 0);
    let at = parts.len();
    parts.push(Part {
        chart: tree.chart(&members),
        under: under_of(tree, spec, at),
        continued: Vec::new(),
        folded: tree.folded(&members),
    });
    at
}

#[cfg(test)]
mod tests;
