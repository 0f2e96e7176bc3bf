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

use std::collections::HashMap;

use emath::{Pos2, Rect, Vec2, pos2, vec2};

use super::model::{Assignment, LeaderId, LineKind, OrgChart};

/// Horizontal gap between neighbouring cards, in chart units.
pub const SIBLING_GAP: f64 = 28.0;
/// Horizontal gap between two root trees.
pub const ROOT_GAP: f64 = 72.0;
/// Vertical gap between rows.
pub const ROW_GAP: f64 = 64.0;

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
}

/// Everything the layout depends on; compare two requests to know whether a
/// cached [`Layout`] is still good.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LayoutRequest {
    /// Nodes in sibling order (children are ordered by their index here).
    pub nodes: Vec<NodeSpec>,
    /// Lines to route: (manager index, report index, kind).
    pub lines: Vec<(usize, usize, LineKind)>,
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
    /// For a report in the second row of a wrapped group, the report above
    /// it: the line runs down the gap beside that column.
    pub beside: Option<usize>,
    /// The polyline, from the manager's card to the report's.
    pub points: Vec<Pos2>,
}

/// Result of a layout: card rectangles and routed lines in chart space.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Ids, in request order.
    pub ids: Vec<LeaderId>,
    /// Card rectangles, in request order.
    pub rects: Vec<Rect>,
    /// Routed lines.
    pub edges: Vec<EdgePath>,
    /// The rectangle holding every card.
    pub bounds: Rect,
    /// Where each id is in `ids`.
    positions: HashMap<LeaderId, usize>,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            ids: Vec::new(),
            rects: Vec::new(),
            edges: Vec::new(),
            bounds: Rect::NOTHING,
            positions: HashMap::new(),
        }
    }
}

impl Layout {
    /// Where a leader's card is in `ids` and `rects`.
    pub fn index_of(&self, id: &LeaderId) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The card rectangle of a leader.
    pub fn rect_of(&self, id: &LeaderId) -> Option<Rect> {
        self.index_of(id).map(|i| self.rects[i])
    }
}

/// Text metrics of a card at zoom 1 (13 pt body text), shared by the card
/// size estimate here and the scene, so the text fits the card. Widths are
/// counted in terminal columns (`unicode-width`): a CJK character or an
/// emoji takes two, a combining mark none.
pub mod metrics {
    use unicode_width::UnicodeWidthStr;

    /// Average glyph advance of one column, a little generous.
    pub const CHAR_W: f32 = 7.4;
    /// Inner padding.
    pub const PAD: f32 = 12.0;
    /// Height of one text line.
    pub const LINE_H: f32 = 17.0;
    /// Height of the badge-and-name row.
    pub const HEADER_H: f32 = 26.0;
    /// Each responsibility row starts with a marker and its RACI letter.
    pub const ROW_PREFIX: f32 = 32.0;
    /// Advance of one column as a fraction of the font size (regular, bold).
    const ADVANCE: (f32, f32) = (0.56, 0.66);
    /// The name's font size (bold): 1.15 times the 13 pt body text.
    pub const NAME_SIZE: f32 = 13.0 * 1.15;
    /// Height of a second line of the name.
    pub const NAME_LINE_H: f32 = 19.0;
    /// Room the header keeps left of the name: padding, the widest role
    /// badge ("Other") and the gap after it, and the right padding.
    pub const NAME_RESERVE: f32 = 2.0 * PAD + 44.0 + 6.0;
    /// A name wraps onto at most this many lines; the last is shortened.
    pub const NAME_MAX_LINES: usize = 2;

    /// The lines a card of `card_width` shows for the name, shown as
    /// written (control characters written out): one, or two when it is
    /// too wide, the second shortened with an ellipsis if need be.
    pub fn name_lines(name: &str, card_width: f32) -> Vec<String> {
        let room = card_width - NAME_RESERVE;
        let shown = crate::core::text::visible(name);
        if text_width(&shown, NAME_SIZE, true) <= room {
            return vec![shown.into_owned()];
        }
        let per_line = (room / (NAME_SIZE * ADVANCE.1)).floor() as usize;
        let mut lines = wrap(&shown, per_line);
        if lines.len() > NAME_MAX_LINES {
            let rest = lines.split_off(NAME_MAX_LINES - 1).join(" ");
            lines.push(rest);
        }
        if let Some(last) = lines.last_mut() {
            *last = fit_line(last, room, NAME_SIZE, true);
        }
        lines
    }

    /// How many columns of a responsibility fit on one line of a card.
    pub fn row_chars(card_width: f32) -> usize {
        (((card_width - 2.0 * PAD - ROW_PREFIX) / CHAR_W).floor() as usize).max(8)
    }

    /// How many columns of the title fit on one line.
    pub fn title_chars(card_width: f32) -> usize {
        row_chars(card_width) + 4
    }

    /// Display columns of a text.
    pub fn columns(text: &str) -> usize {
        text.width()
    }

    /// Estimated width of one line of text at `size`, in chart units.
    pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
        let advance = if bold { ADVANCE.1 } else { ADVANCE.0 };
        columns(text) as f32 * size * advance
    }

    /// The text, shortened with an ellipsis if it is wider than `width`.
    pub fn fit_line(text: &str, width: f32, size: f32, bold: bool) -> String {
        if text_width(text, size, bold) <= width {
            return text.to_owned();
        }
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if text_width(&out, size, bold) + text_width("…", size, bold) > width {
                out.pop();
                break;
            }
        }
        out.truncate(out.trim_end().len());
        out.push('…');
        out
    }

    /// The lines a card of `card_width` shows for its title: the title as
    /// shown (control characters written out), wrapped. None when empty.
    pub fn title_lines(title: &str, card_width: f32) -> Vec<String> {
        if title.is_empty() {
            return Vec::new();
        }
        wrap(&crate::core::text::visible(title), title_chars(card_width))
    }

    /// The lines a card of `card_width` shows for one responsibility.
    pub fn phrase_lines(phrase: &str, card_width: f32) -> Vec<String> {
        wrap(&crate::core::text::visible(phrase), row_chars(card_width))
    }

    /// Breaks text into lines of at most `width` columns at spaces (a wider
    /// word is cut between characters). Never empty: blank text is one
    /// empty line.
    pub fn wrap(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let mut word = word.to_owned();
            while columns(&word) > width {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let cut = cut_at(&word, width);
                lines.push(word[..cut].to_owned());
                word.drain(..cut);
            }
            let needed = columns(&line) + usize::from(!line.is_empty()) + columns(&word);
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// The byte index where the first `width` columns of `word` end (at
    /// least one character, so a cut always makes progress).
    fn cut_at(word: &str, width: usize) -> usize {
        let mut used = 0;
        for (i, c) in word.char_indices() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width && i > 0 {
                return i;
            }
            used += w;
        }
        word.len()
    }
}

/// The card size the canvas uses for a leader, estimated from text length so
/// the core needs no font: a name/title row, then one row per wrapped
/// responsibility line.
pub fn card_size(name: &str, title: &str, responsibilities: &[Assignment]) -> Vec2 {
    use metrics::{CHAR_W, HEADER_H, LINE_H, PAD};
    let widest = metrics::columns(name).max(metrics::columns(title)) as f32;
    let width = (widest * CHAR_W * 1.15 + 2.0 * PAD + 40.0).clamp(190.0, 300.0);
    let wrapped: usize = responsibilities
        .iter()
        .map(|r| metrics::phrase_lines(&r.phrase, width).len())
        .sum();
    let title_lines = metrics::title_lines(title, width).len();
    let name_extra = (metrics::name_lines(name, width).len() - 1) as f32 * metrics::NAME_LINE_H;
    let height =
        2.0 * PAD + HEADER_H + name_extra + title_lines as f32 * LINE_H + wrapped as f32 * LINE_H;
    vec2(width, height.max(64.0))
}

/// Builds the request for a chart, with [`card_size`] for every card.
pub fn request_for(chart: &OrgChart) -> LayoutRequest {
    let leaders: Vec<_> = chart.leaders().collect();
    let index: HashMap<&LeaderId, usize> = leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, i))
        .collect();
    let nodes = leaders
        .iter()
        .map(|l| NodeSpec {
            id: l.id.clone(),
            size: card_size(&l.name, &l.title, &l.responsibilities),
            parent: chart.manager_of(&l.id).and_then(|m| index.get(m).copied()),
            pinned: l.pinned,
        })
        .collect();
    let lines = chart
        .lines()
        .into_iter()
        .filter_map(|line| {
            Some((
                *index.get(&line.manager)?,
                *index.get(&line.report)?,
                line.kind,
            ))
        })
        .collect();
    LayoutRequest { nodes, lines }
}

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

impl Contour {
    fn leaf(half_width: f64) -> Self {
        let mut c = Self::default();
        c.left.push_top(-half_width);
        c.right.push_top(half_width);
        c
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
    fn merge_right(mut self, mut other: Self, offset: f64) -> Self {
        other.left.shift += offset;
        other.right.shift += offset;
        // Right side: the right subtree's wherever it reaches.
        let right = if other.right.depth() >= self.right.depth() {
            other.right
        } else {
            let mut r = self.right;
            for d in 0..other.right.depth() {
                r.set(d, other.right.at(d));
            }
            r
        };
        // Left side: ours wherever we reach.
        let left = if self.left.depth() >= other.left.depth() {
            self.left
        } else {
            let mut l = other.left;
            for d in 0..self.left.depth() {
                l.set(d, self.left.at(d));
            }
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
struct Forest {
    children: Vec<Vec<usize>>,
    placed_under: Vec<Option<usize>>,
    roots: Vec<usize>,
    order: Vec<usize>,
    depth: Vec<usize>,
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
        let kids = children[p].clone();
        if kids.len() < WRAP_LEAF_REPORTS_AT || kids.iter().any(|&c| !children[c].is_empty()) {
            continue;
        }
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
    fn of(request: &LayoutRequest) -> Self {
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

/// Lays out a request. Deterministic; linear in the number of nodes.
pub fn layout(request: &LayoutRequest) -> Layout {
    let n = request.nodes.len();
    let Forest {
        children,
        placed_under,
        roots,
        order,
        depth,
    } = Forest::of(request);
    let rows = depth.iter().copied().max().map_or(0, |d| d + 1);
    let mut row_height = vec![0.0f64; rows];
    for (i, node) in request.nodes.iter().enumerate() {
        row_height[depth[i]] = row_height[depth[i]].max(f64::from(node.size.y));
    }
    let mut row_top = vec![0.0f64; rows];
    for d in 1..rows {
        row_top[d] = row_top[d - 1] + row_height[d - 1] + ROW_GAP;
    }

    // Post-order: contours and offsets relative to the parent's centre.
    let mut contours: Vec<Option<Contour>> = (0..n).map(|_| None).collect();
    let mut offset = vec![0.0f64; n];
    for &i in order.iter().rev() {
        let half = f64::from(request.nodes[i].size.x) / 2.0;
        let contour = merge_row(&children[i], &mut contours, &mut offset, SIBLING_GAP);
        let mut contour = match contour {
            Some(mut c) => {
                c.left.push_top(-half);
                c.right.push_top(half);
                c
            }
            None => Contour::leaf(half),
        };
        contour.shift(0.0);
        contours[i] = Some(contour);
    }
    merge_row(&roots, &mut contours, &mut offset, ROOT_GAP);

    // Pre-order: absolute centres.
    let mut centre_x = vec![0.0f64; n];
    for &i in &order {
        centre_x[i] = match placed_under[i] {
            Some(p) if depth[i] > 0 => centre_x[p] + offset[i],
            _ => offset[i],
        };
    }

    let rects: Vec<Rect> = request
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let min = node.pinned.unwrap_or_else(|| {
                pos2(
                    (centre_x[i] - f64::from(node.size.x) / 2.0) as f32,
                    row_top[depth[i]] as f32,
                )
            });
            Rect::from_min_size(min, node.size)
        })
        .collect();
    let edges: Vec<EdgePath> = request
        .lines
        .iter()
        .filter(|(from, to, _)| *from < n && *to < n)
        .map(|&(from, to, kind)| EdgePath {
            from,
            to,
            kind,
            beside: wrapped_above(&placed_under, from, to, kind),
            points: route(
                &rects,
                from,
                to,
                kind,
                wrapped_above(&placed_under, from, to, kind),
            ),
        })
        .collect();
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
    let positions = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), i))
        .collect();
    Layout {
        ids,
        rects,
        edges,
        bounds,
        positions,
    }
}

/// Places `row` (siblings, or the roots) side by side, centred on 0, writes
/// each one's offset from that centre, and returns their merged contour.
fn merge_row(
    row: &[usize],
    contours: &mut [Option<Contour>],
    offset: &mut [f64],
    gap: f64,
) -> Option<Contour> {
    let (&first, rest) = row.split_first()?;
    let mut acc = contours[first].take().unwrap_or_default();
    offset[first] = 0.0;
    for &child in rest {
        let next = contours[child].take().unwrap_or_default();
        let at = acc.separation(&next, gap).max(0.0);
        offset[child] = at;
        acc = acc.merge_right(next, at);
    }
    let last = row[row.len() - 1];
    let mid = f64::midpoint(offset[first], offset[last]);
    for &child in row {
        offset[child] -= mid;
    }
    acc.shift(-mid);
    Some(acc)
}

/// The report placed above `to` when the direct line from `from` reaches it
/// past another card (a wrapped second row).
fn wrapped_above(
    placed_under: &[Option<usize>],
    from: usize,
    to: usize,
    kind: LineKind,
) -> Option<usize> {
    match placed_under.get(to).copied().flatten() {
        Some(above) if kind == LineKind::Direct && above != from => Some(above),
        _ => None,
    }
}

/// Gap between a dotted line running under a row and the cards above it.
const DOTTED_DROP: f32 = 18.0;

/// Routes a line as an elbow from the bottom centre of the manager's card to
/// the top centre of the report's card (for a wrapped second-row report,
/// `beside` is the card above it, and the line goes round it). A dotted line between cards that
/// share a row runs under the row instead, below every card in its span
/// (`cards` are all card rectangles), so it never runs through a card.
pub fn route(
    cards: &[Rect],
    manager: usize,
    report: usize,
    kind: LineKind,
    beside: Option<usize>,
) -> Vec<Pos2> {
    let (from, to) = (cards[manager], cards[report]);
    if let Some(above) = beside.and_then(|i| cards.get(i)) {
        // Down the gap left of the column, then across above the card.
        let a = from.center_bottom();
        let b = to.center_top();
        let bus_y = f32::midpoint(a.y, above.top());
        let side_x = above.left().min(to.left()) - SIBLING_GAP as f32 / 2.0;
        let entry_y = b.y - ROW_GAP as f32 / 2.0;
        return vec![
            a,
            pos2(a.x, bus_y),
            pos2(side_x, bus_y),
            pos2(side_x, entry_y),
            pos2(b.x, entry_y),
            b,
        ];
    }
    let same_row = from.bottom() > to.top() && to.bottom() > from.top();
    let a = from.center_bottom();
    if kind == LineKind::Dotted && same_row {
        let b = to.center_bottom();
        let (left, right) = (a.x.min(b.x), a.x.max(b.x));
        let floor = cards
            .iter()
            .filter(|c| c.right() >= left && c.left() <= right && c.top() < a.y.max(b.y))
            .map(Rect::bottom)
            .fold(a.y.max(b.y), f32::max);
        let y = floor + DOTTED_DROP;
        return vec![a, pos2(a.x, y), pos2(b.x, y), b];
    }
    let b = to.center_top();
    let mid_y = f32::midpoint(a.y, b.y);
    vec![a, pos2(a.x, mid_y), pos2(b.x, mid_y), b]
}

#[cfg(test)]
mod tests;
