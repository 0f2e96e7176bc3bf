//! The tidy-tree machinery: contours with a lazy shift, the forest of
//! reports (with wrapped rows of leaf reports), and placing a row of
//! subtrees side by side.

use super::{LayoutRequest, ROOT_GAP, SIBLING_GAP};

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
/// the parent each node is placed under, roots, a pre-order over every tree,
/// and each node's depth.
pub(super) struct Forest {
    pub children: Vec<Vec<usize>>,
    pub placed_under: Vec<Option<usize>>,
    pub roots: Vec<usize>,
    pub order: Vec<usize>,
    pub depth: Vec<usize>,
}

/// For every node, the node it is placed under in the layout: its manager,
/// or for a report in the second row of a wrapped group, the report above
/// it. Lines to such reports are routed down the gap beside that column.
pub fn placed_under(request: &LayoutRequest) -> Vec<Option<usize>> {
    Forest::of(request).placed_under
}

/// Wraps the leaf reports of managers with many of them into two rows.
fn wrap_leaf_rows(children: &mut [Vec<usize>], placed_under: &mut [Option<usize>]) {
    for p in 0..children.len() {
        if children[p].len() < WRAP_LEAF_REPORTS_AT
            || children[p].iter().any(|&c| !children[c].is_empty())
        {
            continue;
        }
        let kids = children[p].clone();
        let first_row = kids.len().div_ceil(2);
        let (top, bottom) = kids.split_at(first_row);
        for (&above, &below) in top.iter().zip(bottom) {
            children[above].push(below);
            placed_under[below] = Some(above);
        }
        children[p].truncate(first_row);
    }
}

impl Forest {
    pub fn of(request: &LayoutRequest) -> Self {
        let n = request.nodes.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut placed_under = vec![None; n];
        let mut roots = Vec::new();
        for (i, node) in request.nodes.iter().enumerate() {
            match node.parent {
                Some(p) if p < n && p != i => {
                    children[p].push(i);
                    placed_under[i] = Some(p);
                }
                _ => roots.push(i),
            }
        }
        wrap_leaf_rows(&mut children, &mut placed_under);

        // Pre-order over all trees, iteratively; depths and row heights.
        let mut order = Vec::with_capacity(n);
        let mut depth = vec![0usize; n];
        let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            for &c in children[i].iter().rev() {
                depth[c] = depth[i] + 1;
                stack.push(c);
            }
        }
        // A malformed request (a loop of parents) leaves nodes unreached: lay
        // them out as roots rather than lose them.
        if order.len() < n {
            let mut reached = vec![false; n];
            for &i in &order {
                reached[i] = true;
            }
            for i in (0..n).filter(|i| !reached[*i]) {
                depth[i] = 0;
                order.push(i);
                children[i].clear();
                placed_under[i] = None;
                roots.push(i);
            }
        }
        Self {
            children,
            placed_under,
            roots,
            order,
            depth,
        }
    }
}

/// Places `row` (siblings, or the roots) side by side, centred on 0, writes
/// each one's offset from that centre, and returns their merged contour.
fn merge_row(
    row: &[usize],
    contours: &mut [Option<Contour>],
    offset: &mut [f64],
    gap: f64,
    pool: &mut Pool,
) -> Option<Contour> {
    let (&first, rest) = row.split_first()?;
    let mut acc = contours[first].take().unwrap_or_default();
    offset[first] = 0.0;
    for &child in rest {
        let next = contours[child].take().unwrap_or_default();
        let at = acc.separation(&next, gap).max(0.0);
        offset[child] = at;
        acc = acc.merge_right(next, at, pool);
    }
    let last = row[row.len() - 1];
    let mid = f64::midpoint(offset[first], offset[last]);
    for &child in row {
        offset[child] -= mid;
    }
    acc.shift(-mid);
    Some(acc)
}

/// Each node's centre x: a post-order pass merges contours into offsets
/// from the parent's centre, a pre-order pass makes them absolute.
pub(super) fn centres(request: &LayoutRequest, forest: &Forest) -> Vec<f64> {
    let n = request.nodes.len();
    let mut contours: Vec<Option<Contour>> = (0..n).map(|_| None).collect();
    let mut offset = vec![0.0f64; n];
    let mut pool = Pool::new();
    for &i in forest.order.iter().rev() {
        let half = f64::from(request.nodes[i].size.x) / 2.0;
        let contour = merge_row(
            &forest.children[i],
            &mut contours,
            &mut offset,
            SIBLING_GAP,
            &mut pool,
        );
        let contour = match contour {
            Some(mut c) => {
                c.left.push_top(-half);
                c.right.push_top(half);
                c
            }
            None => Contour::leaf(half, &mut pool),
        };
        contours[i] = Some(contour);
    }
    merge_row(
        &forest.roots,
        &mut contours,
        &mut offset,
        ROOT_GAP,
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
