//! Parent arrays (each entry's manager as an index, `None` at the top):
//! the loop search that file loading (which refuses a loop) and HR import
//! (which breaks each one) share, and the same array read top down
//! ([`Forest`]) for the counts that headcount, impact and diff make.

use std::ops::ControlFlow;

/// Walks every chain of parent links once, in linear time and without
/// recursion. Each loop met is handed to `on_loop` as the indices on it,
/// each reporting to the next; it may cut the loop (set one of their
/// parents to `None`) and go on, or stop the walk with a value, which is
/// returned.
pub fn walk_loops<R>(
    parent: &mut [Option<usize>],
    mut on_loop: impl FnMut(&[usize], &mut [Option<usize>]) -> ControlFlow<R>,
) -> Option<R> {
    // 0 = not seen, 1 = on the current walk, 2 = known to reach the top.
    let mut state = vec![0u8; parent.len()];
    for start in 0..parent.len() {
        if state[start] != 0 {
            continue;
        }
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                0 => {
                    state[i] = 1;
                    walk.push(i);
                    at = parent[i];
                }
                1 => {
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    if let ControlFlow::Break(value) = on_loop(&walk[from..], parent) {
                        return Some(value);
                    }
                    // Cut: everyone on this walk now reaches the top.
                    break;
                }
                _ => break,
            }
        }
        for i in walk {
            state[i] = 2;
        }
    }
    None
}

/// A loop-free parent array read the other way: each entry's reports, and
/// the entries at the top.
pub struct Forest {
    /// By entry: its reports, in entry order.
    pub children: Vec<Vec<usize>>,
    /// The entries with no parent.
    pub roots: Vec<usize>,
}

impl Forest {
    /// Reads `parent` (which has no loop) top down.
    pub fn of(parent: &[Option<usize>]) -> Self {
        let mut children = vec![Vec::new(); parent.len()];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match *p {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        Self { children, roots }
    }

    /// Every entry once, each before everyone under it and each one's
    /// subtree in one run (a depth-first pre-order), without recursion.
    /// Reversed, everyone comes before their manager: for totals.
    pub fn top_down(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.children.len());
        let mut stack = self.roots.clone();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend_from_slice(&self.children[i]);
        }
        order
    }

    /// The levels of the deepest reporting chain (a lone entry is one),
    /// from `parent` and its [`Forest::top_down`] `order`.
    pub fn levels(parent: &[Option<usize>], order: &[usize]) -> usize {
        let mut depth = vec![1usize; parent.len()];
        for &i in order {
            if let Some(p) = parent[i] {
                depth[i] = depth[p] + 1;
            }
        }
        depth.into_iter().max().unwrap_or(0)
    }
}
