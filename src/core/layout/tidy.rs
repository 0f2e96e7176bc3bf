//! The tidy-tree machinery: contours with a lazy shift, the forest of
//! reports (with wrapped rows of leaf reports), and placing a row of
//! subtrees side by side.

use super::{LayoutRequest, ROOT_GAP, SIBLING_GAP};
use crate::core::model::Arrangement;

/// One side of a contour: value at depth `d` below the subtree root is
/// `vals[vals.len() - 1 - d] + shift`.
#[derive(Debug, Default)]
struct Side {
    vals: Vec<f64>,
    shift: f64,
}

impl Side {
    fn depth(&self) -> usize {
        self.vals.len()
    }

    fn at(&self, d: usize) -> f64 {
        self.vals[self.vals.len() - 1 - d] + self.shift
    }

    fn set(&mut self, d: usize, value: f64) {
        let i = self.vals.len() - 1 - d;
        self.vals[i] = value - self.shift;
    }

    fn push_top(&mut self, value: f64) {
        self.vals.push(value - self.shift);
    }
}

#[derive(Debug, Default)]
struct Contour {
    left: Side,
    right: Side,
}

/// Spent contour vectors, reused for new leaves: a merge gives up the
/// shallower side of each pair, a leaf needs two, so after the first few
/// subtrees the layout allocates almost nothing.
type Pool = Vec<Vec<f64>>;

fn side(pool: &mut Pool, value: f64) -> Side {
    let mut vals = pool.pop().unwrap_or_default();
    vals.clear();
    vals.push(value);
    Side { vals, shift: 0.0 }
}

impl Contour {
    fn leaf(half_width: f64, pool: &mut Pool) -> Self {
        Self {
            left: side(pool, -half_width),
            right: side(pool, half_width),
        }
    }

    /// The smallest offset at which `other` clears `self` by `gap` at every
    /// shared depth.
    fn separation(&self, other: &Self, gap: f64) -> f64 {
        let shared = self.right.depth().min(other.left.depth());
        (0..shared)
            .map(|d| self.right.at(d) - other.left.at(d) + gap)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// Merges `other`, placed at `offset`, to the right of `self`.
    fn merge_right(mut self, mut other: Self, offset: f64, pool: &mut Pool) -> Self {
        other.left.shift += offset;
        other.right.shift += offset;
        // Right side: the right subtree's wherever it reaches.
        let right = if other.right.depth() >= self.right.depth() {
            pool.push(self.right.vals);
            other.right
        } else {
            let mut r = self.right;
            for d in 0..other.right.depth() {
                r.set(d, other.right.at(d));
            }
            pool.push(other.right.vals);
            r
        };
        // Left side: ours wherever we reach.
        let left = if self.left.depth() >= other.left.depth() {
            pool.push(other.left.vals);
            self.left
        } else {
            let mut l = other.left;
            for d in 0..self.left.depth() {
                l.set(d, self.left.at(d));
            }
            pool.push(self.left.vals);
            l
        };
        self.left = left;
        self.right = right;
        self
    }

    fn shift(&mut self, by: f64) {
        self.left.shift += by;
        self.right.shift += by;
    }
}

/// A manager with this many reports or more, none of whom has reports of
/// their own, shows them in two rows instead of one long row: wide rows of
/// single cards are what make a chart too small to read on a slide.
pub const WRAP_LEAF_REPORTS_AT: usize = 5;

/// The request's trees as laid out: reports per node in sibling order (a
/// wrapped second-row report hangs under the first-row report above it),
/// the parent each node is placed under, roots, a pre-order over every
/// tree, and each node's depth.
///
/// Reports are kept in one flat array (node `i`'s are
/// `kids[start[i]..start[i + 1]]`), so a chart of any size costs a handful
/// of allocations, not one per manager.
pub(super) struct Forest {
    start: Vec<usize>,
    kids: Vec<usize>,
    pub placed_under: Vec<Option<usize>>,
    pub roots: Vec<usize>,
    pub order: Vec<usize>,
    pub depth: Vec<usize>,
    /// The stacked leaf reports (a column under their manager, each card
    /// placed under the one above it).
    pub stacked: Vec<bool>,
    /// Managers whose stacked reports are one column: it stands to the
    /// right of the manager's left edge, the rail down its left side.
    pub single: Vec<bool>,
    /// Each card's width as laid out: a column's cards take its widest.
    pub width: Vec<f64>,
    /// The assistants, left out of the rows, beside their managers.
    pub assistants: super::assist::Assistants,
}

/// Stacked leaf reports go in two columns from this many.
pub const TWO_COLUMNS_AT: usize = 6;
/// How far right of its manager's left edge a single column stands.
pub const STACK_INDENT: f64 = 28.0;

/// For every node, the node it is placed under in the layout: its manager,
/// or for a report in the second row of a wrapped group, the report above
/// it. Lines to such reports are routed down the gap beside that column.
pub fn placed_under(request: &LayoutRequest) -> Vec<Option<usize>> {
    Forest::of(request).placed_under
}

/// The reports of every node as `(start, kids)`, in index order: a
/// counting sort of the nodes by the node they are placed under.
fn group(placed_under: &[Option<usize>]) -> (Vec<usize>, Vec<usize>) {
    let n = placed_under.len();
    let mut start = vec![0usize; n + 1];
    for p in placed_under.iter().flatten() {
        start[p + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut kids = vec![0usize; start[n]];
    for (i, p) in placed_under.iter().enumerate() {
        if let Some(p) = *p {
            kids[next[p]] = i;
            next[p] += 1;
        }
    }
    (start, kids)
}

/// Wraps the leaf reports of managers with many of them into two rows:
/// the second row's reports are placed under the first row's.
fn wrap_leaf_rows(start: &[usize], kids: &[usize], placed_under: &mut [Option<usize>]) {
    let reports = |i: usize| &kids[start[i]..start[i + 1]];
    for p in 0..placed_under.len() {
        let row = reports(p);
        if row.len() < WRAP_LEAF_REPORTS_AT || row.iter().any(|&c| !reports(c).is_empty()) {
            continue;
        }
        let (top, bottom) = row.split_at(row.len().div_ceil(2));
        for (&above, &below) in top.iter().zip(bottom) {
            placed_under[below] = Some(above);
        }
    }
}

/// The columns of stacked leaf reports: a manager's reports who have none
/// of their own (two or more) go in a column, each placed under the one
/// above, where the first of them stood among their siblings (two columns
/// side by side from [`TWO_COLUMNS_AT`] when they are all the manager's
/// reports), every card of a column as wide as its widest.
struct Stacks {
    stacked: Vec<bool>,
    single: Vec<bool>,
    width: Vec<f64>,
}

fn stack_leaf_columns(
    (start, kids): (&[usize], &[usize]),
    placed_under: &mut [Option<usize>],
    stacks: &mut Stacks,
    assistants: &super::assist::Assistants,
) {
    let reports = |i: usize| &kids[start[i]..start[i + 1]];
    // A leader with an assistant under them keeps their place in the row
    // (the assistant hangs below them).
    let leaf = |c: usize| reports(c).is_empty() && assistants.band[c] <= 0.0;
    let mut leaves = Vec::new();
    for p in 0..placed_under.len() {
        let row = reports(p);
        leaves.clear();
        leaves.extend(row.iter().copied().filter(|&c| leaf(c)));
        if leaves.len() >= 2 {
            stacks.single[p] = stack(&leaves, leaves.len() == row.len(), placed_under, stacks);
        }
    }
    // People with no manager on the chart and no reports (a team shown
    // without its leader, as a board pack continues it): a column too.
    let roots: Vec<usize> = (0..placed_under.len())
        .filter(|&i| placed_under[i].is_none() && !assistants.is(i))
        .collect();
    if roots.len() >= 2 && roots.iter().all(|&r| leaf(r)) {
        stack(&roots, true, placed_under, stacks);
    }
}

/// Puts `leaves` in a column, each under the one above (two columns side
/// by side from [`TWO_COLUMNS_AT`] when they are `alone`: no managing
/// sibling beside them), each column's cards as wide as its widest. True
/// when they are one column alone.
fn stack(
    leaves: &[usize],
    alone: bool,
    placed_under: &mut [Option<usize>],
    stacks: &mut Stacks,
) -> bool {
    let split = if alone && leaves.len() >= TWO_COLUMNS_AT {
        leaves.len().div_ceil(2)
    } else {
        leaves.len()
    };
    for column in [&leaves[..split], &leaves[split..]] {
        let widest = column.iter().map(|&c| stacks.width[c]).fold(0.0, f64::max);
        for (k, &c) in column.iter().enumerate() {
            stacks.stacked[c] = true;
            stacks.width[c] = widest;
            if k > 0 {
                placed_under[c] = Some(column[k - 1]);
            }
        }
    }
    alone && split == leaves.len()
}

/// The width each stacked card will be laid out at (its column's widest),
/// for cards that will be stacked: sizing them at that width before the
/// layout keeps their height to what they show.
pub fn stacked_widths(nodes: &[super::NodeSpec]) -> Vec<Option<f32>> {
    let request = LayoutRequest {
        nodes: nodes.to_vec(),
        lines: Vec::new(),
        arrangement: Arrangement::Stacked,
    };
    let forest = Forest::of(&request);
    forest
        .stacked
        .iter()
        .zip(&forest.width)
        .map(|(&s, &w)| s.then_some(w as f32))
        .collect()
}

/// Leaf reports wrapped into two rows (wide) or stacked in columns, as
/// the request's arrangement says: who is placed under whom changes.
fn arrange_leaves(
    request: &LayoutRequest,
    placed_under: &mut [Option<usize>],
    assistants: &super::assist::Assistants,
) -> Stacks {
    let n = request.nodes.len();
    let mut stacks = Stacks {
        stacked: vec![false; n],
        single: vec![false; n],
        width: request
            .nodes
            .iter()
            .map(|node| f64::from(node.size.x))
            .collect(),
    };
    let (start, kids) = group(placed_under);
    match request.arrangement {
        Arrangement::Wide => wrap_leaf_rows(&start, &kids, placed_under),
        Arrangement::Stacked => {
            stack_leaf_columns((&start, &kids), placed_under, &mut stacks, assistants);
        }
    }
    stacks
}

impl Forest {
    pub fn of(request: &LayoutRequest) -> Self {
        let n = request.nodes.len();
        let assistants = super::assist::Assistants::of(request);
        let mut placed_under: Vec<Option<usize>> = request
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                node.parent
                    .filter(|&p| p < n && p != i && !assistants.is(i))
            })
            .collect();
        let stacks = arrange_leaves(request, &mut placed_under, &assistants);
        let (start, kids) = group(&placed_under);
        let roots: Vec<usize> = (0..n)
            .filter(|&i| placed_under[i].is_none() && !assistants.is(i))
            .collect();
        let mut forest = Self {
            start,
            kids,
            placed_under,
            roots,
            order: Vec::with_capacity(n),
            depth: vec![0usize; n],
            stacked: stacks.stacked,
            single: stacks.single,
            width: stacks.width,
            assistants,
        };
        forest.walk();
        // A malformed request (a loop of parents) leaves nodes unreached: lay
        // them out as roots rather than lose them.
        let assisting = forest.assistants.of.iter().flatten().count();
        if forest.order.len() + assisting < n {
            let mut reached = vec![false; n];
            for &i in &forest.order {
                reached[i] = true;
            }
            for i in (0..n).filter(|&i| !reached[i] && !forest.assistants.is(i)) {
                forest.placed_under[i] = None;
                forest.roots.push(i);
            }
            (forest.start, forest.kids) = group(&forest.placed_under);
            forest.walk();
        }
        forest
    }

    /// The reports of node `i`, in sibling order.
    pub fn reports(&self, i: usize) -> &[usize] {
        &self.kids[self.start[i]..self.start[i + 1]]
    }

    /// Fills `order` in pre-order from the roots (no recursion), and
    /// `depth`. Pre-order keeps a manager's reports near it in the order,
    /// which keeps the contour pass in cache.
    fn walk(&mut self) {
        self.order.clear();
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            self.order.push(i);
            let below = self.depth[i] + 1;
            for &c in self.kids[self.start[i]..self.start[i + 1]].iter().rev() {
                self.depth[c] = below;
                stack.push(c);
            }
        }
    }
}

/// Places `row` (siblings, or the roots) side by side, centred on 0, writes
/// each one's offset from that centre, and returns their merged contour.
///
/// The contours of the row's nodes that have reports are on top of
/// `stack`, the first node's topmost; a node without reports is a single
/// card of half width `half[node]` and needs no contour of its own (most
/// cards in a big chart are such leaves).
fn merge_row(
    forest: &Forest,
    row: &[usize],
    half: &[f64],
    stack: &mut Vec<Contour>,
    offset: &mut [f64],
    gap: f64,
    pool: &mut Pool,
) -> Contour {
    let mut contour_of = |i: usize, pool: &mut Pool| {
        if forest.reports(i).is_empty() {
            Contour::leaf(half[i], pool)
        } else {
            stack.pop().unwrap_or_default()
        }
    };
    let Some((&first, rest)) = row.split_first() else {
        return Contour::default();
    };
    let mut acc = contour_of(first, pool);
    offset[first] = 0.0;
    for &child in rest {
        let at = if forest.reports(child).is_empty() {
            // A single card: it touches the row's right side at depth 0 only.
            let h = half[child];
            let at = (acc.right.at(0) + h + gap).max(0.0);
            acc.right.set(0, at + h);
            at
        } else {
            let next = contour_of(child, pool);
            let at = acc.separation(&next, gap).max(0.0);
            acc = acc.merge_right(next, at, pool);
            at
        };
        offset[child] = at;
    }
    let last = row[row.len() - 1];
    let mid = f64::midpoint(offset[first], offset[last]);
    for &child in row {
        offset[child] -= mid;
    }
    acc.shift(-mid);
    acc
}

/// Room between the trees of a chart: wide apart in wide rows; in stacked
/// columns, the compact arrangement, as close as siblings (a board pack
/// continues a leader's team without the leader: their trees are one
/// team).
fn root_gap(arrangement: Arrangement) -> f64 {
    match arrangement {
        Arrangement::Wide => ROOT_GAP,
        Arrangement::Stacked => SIBLING_GAP,
    }
}

/// Each node's centre x: a post-order pass merges contours into offsets
/// from the parent's centre, a pre-order pass makes them absolute.
///
/// The pass up visits the pre-order backwards, so a manager's reports are
/// done just before it, their contours on a stack, the first report's on
/// top: no contour is kept per node.
pub(super) fn centres(request: &LayoutRequest, forest: &Forest) -> Vec<f64> {
    let n = request.nodes.len();
    // A manager with assistants takes as much room on both sides as they
    // reach on theirs.
    let half: Vec<f64> = forest
        .width
        .iter()
        .zip(&forest.assistants.reach)
        .map(|(w, reach)| (w / 2.0).max(*reach))
        .collect();
    let mut stack: Vec<Contour> = Vec::new();
    let mut offset = vec![0.0f64; n];
    let mut pool = Pool::new();
    for &i in forest.order.iter().rev() {
        let row = forest.reports(i);
        if row.is_empty() {
            continue;
        }
        let mut c = merge_row(
            forest,
            row,
            &half,
            &mut stack,
            &mut offset,
            SIBLING_GAP,
            &mut pool,
        );
        if forest.single[i] {
            // The column's left edge a little right of the manager's.
            let indent = STACK_INDENT + half[row[0]] - forest.width[i] / 2.0;
            offset[row[0]] += indent;
            c.shift(indent);
        }
        c.left.push_top(-half[i]);
        c.right.push_top(half[i]);
        stack.push(c);
    }
    merge_row(
        forest,
        &forest.roots,
        &half,
        &mut stack,
        &mut offset,
        root_gap(request.arrangement),
        &mut pool,
    );
    let mut centre_x = vec![0.0f64; n];
    for &i in &forest.order {
        centre_x[i] = match forest.placed_under[i] {
            Some(p) if forest.depth[i] > 0 => centre_x[p] + offset[i],
            _ => offset[i],
        };
    }
    centre_x
}
