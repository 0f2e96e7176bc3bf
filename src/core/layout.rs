//! Tidy-tree layout of an org chart with cards of different sizes.
//!
//! A layered tidy tree: every card at one depth sits in one row, a manager is
//! centred over its first and last report, siblings and cousins keep at least
//! a gap between them, root trees stand side by side. It runs in linear time
//! and without recursion (a 100,000-deep chain is fine):
//!
//! * one pre-order pass fixes depths and row heights;
//! * one post-order pass builds each subtree's *contour* (the leftmost and
//!   rightmost card edge at every depth below its root) by merging the
//!   children's contours left to right. A contour side is a vector stored
//!   deepest-first with one lazy shift, so a merge costs only the depth of the
//!   shallower of the two contours, and the sum of those minima over a tree is
//!   at most the number of its nodes;
//! * one pre-order pass turns relative offsets into positions.
//!
//! Cards placed by hand (pinned) keep their place; their subtree still takes
//! room in the tidy layout so nothing else jumps when a card is pinned.

use crate::core::fast::HashMap;
use std::sync::OnceLock;

use emath::{Pos2, Rect, Vec2, pos2, vec2};

use super::model::{Arrangement, Leader, LeaderId, LineKind, OrgChart};

mod assist;
pub mod metrics;
mod route;
mod tidy;

pub use self::route::route;
use self::tidy::Forest;
pub use self::tidy::{WRAP_LEAF_REPORTS_AT, placed_under};

/// Horizontal gap between neighbouring cards, in chart units.
pub const SIBLING_GAP: f64 = 28.0;
/// Horizontal gap between two root trees.
pub const ROOT_GAP: f64 = 72.0;
/// Vertical gap between rows.
pub const ROW_GAP: f64 = 40.0;

/// One node of a layout request.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeSpec {
    /// The leader it draws.
    pub id: LeaderId,
    /// Card size in chart units.
    pub size: Vec2,
    /// Index of the direct manager in [`LayoutRequest::nodes`]; must come
    /// before this node's own index is not required.
    pub parent: Option<usize>,
    /// Hand-placed top-left corner, if any.
    pub pinned: Option<Pos2>,
    /// An assistant or staff role: beside its manager's line, not in the
    /// row of reports.
    pub assistant: bool,
}

/// Everything the layout depends on; compare two requests to know whether a
/// cached [`Layout`] is still good.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LayoutRequest {
    /// Nodes in sibling order (children are ordered by their index here).
    pub nodes: Vec<NodeSpec>,
    /// Lines to route: (manager index, report index, kind).
    pub lines: Vec<(usize, usize, LineKind)>,
    /// Leaf reports in rows or in stacked columns.
    pub arrangement: Arrangement,
}

/// A routed reporting line.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgePath {
    /// Manager node index.
    pub from: usize,
    /// Report node index.
    pub to: usize,
    /// Direct or dotted.
    pub kind: LineKind,
    /// How the line runs: an elbow, round the card above (a wrapped second
    /// row), or down a stacked column's rail.
    pub via: Via,
    /// The polyline, from the manager's card to the report's.
    pub points: Vec<Pos2>,
}

/// How a reporting line runs between two placed cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// Down from the manager, across, down to the report.
    Elbow,
    /// For a report in the second row of a wrapped group: round the
    /// report above it (this index), down the gap beside that column.
    Beside(usize),
    /// To a stacked report: down the column's rail, across to the card.
    Rail,
    /// To an assistant: down the manager's line, across to the card.
    Assistant,
}

/// Gap between the cards of a stacked column.
pub const STACK_GAP: f32 = 14.0;

/// Result of a layout: card rectangles and routed lines in chart space.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Ids, in request order.
    pub ids: Vec<LeaderId>,
    /// Card rectangles, in request order.
    pub rects: Vec<Rect>,
    /// Routed lines.
    pub edges: Vec<EdgePath>,
    /// The rectangle holding every card.
    pub bounds: Rect,
    /// Where each id is in `ids`, made on first use (the layout itself
    /// does not pay for it).
    positions: OnceLock<HashMap<LeaderId, usize>>,
}

impl PartialEq for Layout {
    fn eq(&self, other: &Self) -> bool {
        self.ids == other.ids
            && self.rects == other.rects
            && self.edges == other.edges
            && self.bounds == other.bounds
    }
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            ids: Vec::new(),
            rects: Vec::new(),
            edges: Vec::new(),
            bounds: Rect::NOTHING,
            positions: OnceLock::new(),
        }
    }
}

impl Layout {
    /// Where a leader's card is in `ids` and `rects`.
    pub fn index_of(&self, id: &LeaderId) -> Option<usize> {
        let positions = self.positions.get_or_init(|| {
            self.ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        });
        positions.get(id).copied()
    }

    /// The card rectangle of a leader.
    pub fn rect_of(&self, id: &LeaderId) -> Option<Rect> {
        self.index_of(id).map(|i| self.rects[i])
    }
}

/// The card size the canvas uses for a leader, from its text measured in
/// the bundled font: wide enough for the name (beside the role badge, if
/// the card shows one) or the title up to a limit, then a name/title row
/// and one row per wrapped responsibility line.
pub fn card_size(leader: &Leader) -> Vec2 {
    use metrics::{NAME_SIZE, PAD, TITLE_SIZE};
    let (name, title) = (leader.card_name(), leader.title.as_str());
    let name_w = metrics::text_width(name, NAME_SIZE, true) + metrics::name_reserve(leader.role);
    let title_w = metrics::text_width(title, TITLE_SIZE, false) + 2.0 * PAD;
    // Room for responsibilities to wrap readably; a card without any is
    // as narrow as its name and title.
    let least = if leader.responsibilities.is_empty() {
        140.0
    } else {
        190.0
    };
    let width = name_w.max(title_w).ceil().clamp(least, 300.0);
    card_size_at(width, leader)
}

/// The card size for a leader on a card `width` wide (a stacked column's
/// cards take its widest card's width, and wrap less).
pub fn card_size_at(width: f32, leader: &Leader) -> Vec2 {
    use metrics::{HEADER_H, LINE_H, PAD_BOTTOM, PAD_Y};
    let wrapped: usize = leader
        .responsibilities
        .iter()
        .map(|r| metrics::phrase_lines(&r.phrase, width).len())
        .sum();
    let title_lines = metrics::title_lines(&leader.title, width).len();
    let name_lines = metrics::name_lines(leader.card_name(), leader.role, width).len();
    let name_extra = (name_lines - 1) as f32 * metrics::NAME_LINE_H;
    let height = PAD_Y
        + PAD_BOTTOM
        + HEADER_H
        + name_extra
        + title_lines as f32 * LINE_H
        + wrapped as f32 * LINE_H;
    vec2(width, height.max(MIN_CARD_H))
}

/// The least height of a card (one holding a name alone).
const MIN_CARD_H: f32 = 44.0;

/// Builds the request for a chart, with [`card_size`] for every card shown:
/// the people under a collapsed leader are left out, and so are lines to
/// them.
pub fn request_for(chart: &OrgChart) -> LayoutRequest {
    let (all, all_parents) = chart.tree();
    let hidden = folded_away(&all, &all_parents);
    // Position among the shown cards, by position in the chart.
    let mut shown_at = vec![usize::MAX; all.len()];
    let mut shown = 0;
    for (i, h) in hidden.iter().enumerate() {
        if !h {
            shown_at[i] = shown;
            shown += 1;
        }
    }
    let shown_leaders: Vec<&Leader> = all
        .iter()
        .zip(&hidden)
        .filter(|(_, h)| !**h)
        .map(|(l, _)| *l)
        .collect();
    let mut nodes: Vec<NodeSpec> = all
        .iter()
        .zip(&all_parents)
        .zip(&hidden)
        .filter(|(_, h)| !**h)
        .map(|((l, parent), _)| NodeSpec {
            id: l.id.clone(),
            size: card_size(l),
            parent: parent.map(|p| shown_at[p]),
            pinned: l.pinned,
            assistant: l.assistant,
        })
        .collect();
    if chart.arrangement() == Arrangement::Stacked {
        size_stacked_cards(&mut nodes, &shown_leaders);
    }
    let lines = request_lines(chart, &nodes);
    LayoutRequest {
        nodes,
        lines,
        arrangement: chart.arrangement(),
    }
}

/// A stacked column's cards are as wide as its widest: each is sized at
/// that width (and wraps less).
fn size_stacked_cards(nodes: &mut [NodeSpec], leaders: &[&Leader]) {
    let widths = tidy::stacked_widths(nodes);
    for ((node, leader), width) in nodes.iter_mut().zip(leaders).zip(widths) {
        if let Some(width) = width {
            node.size = card_size_at(width, leader);
        }
    }
}

/// The lines to route: the direct lines of the shown leaders, and the
/// dotted lines between them, by manager, report and kind.
fn request_lines(chart: &OrgChart, nodes: &[NodeSpec]) -> Vec<(usize, usize, LineKind)> {
    // The direct lines of the shown leaders, and the dotted lines between
    // them, in the chart's line order (by manager, report, kind).
    let direct = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((n.parent?, i, LineKind::Direct)));
    let dotted_lines = chart.dotted_lines();
    let index: HashMap<&LeaderId, usize> = if dotted_lines.is_empty() {
        HashMap::default()
    } else {
        nodes.iter().enumerate().map(|(i, n)| (&n.id, i)).collect()
    };
    let dotted = dotted_lines.iter().filter_map(|line| {
        Some((
            *index.get(&line.manager)?,
            *index.get(&line.report)?,
            line.kind,
        ))
    });
    let mut lines: Vec<(usize, usize, LineKind)> = direct.chain(dotted).collect();
    // Each (manager, report, kind) is there once: an unstable sort is as
    // good and quicker.
    lines.sort_unstable_by(|a, b| {
        (&nodes[a.0].id, &nodes[a.1].id, a.2).cmp(&(&nodes[b.0].id, &nodes[b.1].id, b.2))
    });
    lines
}

/// For each leader (in the order of `parent`, the position of each one's
/// manager, as [`OrgChart::tree`] gives), whether a leader above them is
/// collapsed. Each leader is resolved once: linear, no recursion.
pub fn folded_away(leaders: &[&Leader], parent: &[Option<usize>]) -> Vec<bool> {
    let mut hidden: Vec<Option<bool>> = vec![None; leaders.len()];
    let mut path = Vec::new();
    for i in 0..leaders.len() {
        let mut j = i;
        while hidden[j].is_none() {
            path.push(j);
            match parent[j] {
                Some(p) => j = p,
                None => break,
            }
        }
        // From the top of the path down, each under a resolved manager.
        while let Some(k) = path.pop() {
            hidden[k] =
                Some(parent[k].is_some_and(|p| leaders[p].collapsed || hidden[p] == Some(true)));
        }
    }
    hidden.into_iter().map(|h| h == Some(true)).collect()
}

/// Lays out a request. Deterministic; linear in the number of nodes.
pub fn layout(request: &LayoutRequest) -> Layout {
    let forest = Forest::of(request);
    let row_top = row_tops(request, &forest);
    let centre_x = tidy::centres(request, &forest);
    let mut rects: Vec<Rect> = request
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let width = forest.width[i];
            let min = node.pinned.unwrap_or_else(|| {
                pos2(
                    (centre_x[i] - width / 2.0) as f32,
                    row_top[forest.depth[i]] as f32,
                )
            });
            Rect::from_min_size(min, vec2(width as f32, node.size.y))
        })
        .collect();
    close_up_columns(request, &forest, &mut rects);
    forest.assistants.place(request, &mut rects);
    let edges = route_lines(request, &forest, &rects);
    // Lines can run outside the cards (dotted lines under a row).
    let bounds = edges.iter().flat_map(|e| e.points.iter().copied()).fold(
        rects
            .iter()
            .copied()
            .reduce(Rect::union)
            .unwrap_or(Rect::NOTHING),
        |b, p| b.union(Rect::from_min_max(p, p)),
    );
    let ids: Vec<LeaderId> = request.nodes.iter().map(|n| n.id.clone()).collect();
    Layout {
        ids,
        rects,
        edges,
        bounds,
        positions: OnceLock::new(),
    }
}

/// The top of each row: rows are as tall as their tallest card, and a
/// row with assistants under a manager keeps a band for them below it.
fn row_tops(request: &LayoutRequest, forest: &Forest) -> Vec<f64> {
    let depth = &forest.depth;
    let rows = depth.iter().copied().max().map_or(0, |d| d + 1);
    let (mut row_height, mut band) = (vec![0.0f64; rows], vec![0.0f64; rows]);
    for (i, node) in request.nodes.iter().enumerate() {
        if forest.assistants.is(i) {
            continue;
        }
        row_height[depth[i]] = row_height[depth[i]].max(f64::from(node.size.y));
        band[depth[i]] = band[depth[i]].max(forest.assistants.band[i]);
    }
    let mut row_top = vec![0.0f64; rows];
    for d in 1..rows {
        row_top[d] = row_top[d - 1] + row_height[d - 1] + band[d - 1] + ROW_GAP;
    }
    row_top
}

/// A stacked column's cards one under another with [`STACK_GAP`]
/// between them, not a row apart (pre-order: the card above is placed
/// first). Pinned cards stay where they were put.
fn close_up_columns(request: &LayoutRequest, forest: &Forest, rects: &mut [Rect]) {
    for &i in &forest.order {
        let above = match forest.placed_under[i] {
            Some(a) if forest.stacked[i] && forest.stacked[a] => a,
            _ => continue,
        };
        if request.nodes[i].pinned.is_none() {
            let top = rects[above].bottom() + STACK_GAP;
            rects[i] = rects[i].translate(vec2(0.0, top - rects[i].top()));
        }
    }
}

/// Every line of the request, routed between the placed cards.
fn route_lines(request: &LayoutRequest, forest: &Forest, rects: &[Rect]) -> Vec<EdgePath> {
    let n = rects.len();
    request
        .lines
        .iter()
        .filter(|(from, to, _)| *from < n && *to < n)
        .map(|&(from, to, kind)| {
            let via = if kind == LineKind::Direct && forest.assistants.is(to) {
                Via::Assistant
            } else if kind == LineKind::Direct && forest.stacked[to] {
                Via::Rail
            } else {
                route::wrapped_above(&forest.placed_under, from, to, kind)
                    .map_or(Via::Elbow, Via::Beside)
            };
            EdgePath {
                from,
                to,
                kind,
                via,
                points: route(rects, from, to, kind, via),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
