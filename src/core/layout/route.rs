//! Routing reporting lines between placed cards.

use emath::{Pos2, Rect, pos2};

use super::{ROW_GAP, SIBLING_GAP, Via};
use crate::core::model::LineKind;

/// The report placed above `to` when the direct line from `from` reaches it
/// past another card (a wrapped second row).
pub(super) fn wrapped_above(
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
/// `via` names the card above it, and the line goes round it; to a
/// stacked report it runs down the column's rail and across to the card's
/// side). A dotted line between cards that share a row runs under the row
/// instead, below every card in its span (`cards` are all card
/// rectangles), so it never runs through a card.
pub fn route(cards: &[Rect], manager: usize, report: usize, kind: LineKind, via: Via) -> Vec<Pos2> {
    let (from, to) = (cards[manager], cards[report]);
    if via == Via::Rail {
        return rail(from, to);
    }
    if via == Via::Assistant {
        return super::assist::line(from, to);
    }
    let beside = match via {
        Via::Beside(i) => cards.get(i),
        _ => None,
    };
    if let Some(above) = beside {
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
    if kind == LineKind::Dotted && crosses_a_card(cards, [from, to], a, b) {
        // Down a stacked column, say: along the right of the cards.
        let side = from.right().max(to.right()) + DOTTED_DROP / 2.0;
        let (start, end) = (from.right_center(), to.right_center());
        return vec![start, pos2(side, start.y), pos2(side, end.y), end];
    }
    // Across just above the reports' row (clear of any assistants in the
    // band over it), or halfway when the cards are closer than a row gap.
    let bus_y = if b.y - a.y > ROW_GAP as f32 {
        b.y - ROW_GAP as f32 / 2.0
    } else {
        f32::midpoint(a.y, b.y)
    };
    vec![a, pos2(a.x, bus_y), pos2(b.x, bus_y), b]
}

/// True when a card other than `ends` lies between them, across the
/// elbow from `a` down to `b`.
fn crosses_a_card(cards: &[Rect], ends: [Rect; 2], a: Pos2, b: Pos2) -> bool {
    let (left, right) = (a.x.min(b.x), a.x.max(b.x));
    let (top, bottom) = (a.y.min(b.y), a.y.max(b.y));
    cards.iter().any(|c| {
        !ends.contains(c)
            && c.top() >= top
            && c.bottom() <= bottom
            && c.left() <= right
            && c.right() >= left
    })
}

/// Down a stacked column's rail (beside the column: left of a column that
/// stands right of the manager's centre, right of one left of it), then
/// across to the middle of the card's side. A rail under the manager's
/// card starts from it; one beside it (a column among managing siblings)
/// is reached across the gap under the manager, as an elbow would.
fn rail(from: Rect, to: Rect) -> Vec<Pos2> {
    let half_gap = SIBLING_GAP as f32 / 2.0;
    let (rail_x, side_x) = if to.center().x < from.center().x {
        (to.right() + half_gap, to.right())
    } else {
        (to.left() - half_gap, to.left())
    };
    let y = to.center().y;
    if rail_x > from.left() + 4.0 && rail_x < from.right() - 4.0 {
        return vec![
            pos2(rail_x, from.bottom()),
            pos2(rail_x, y),
            pos2(side_x, y),
        ];
    }
    let start = from.center_bottom();
    let bus_y = start.y + ROW_GAP as f32 / 2.0;
    vec![
        start,
        pos2(start.x, bus_y),
        pos2(rail_x, bus_y),
        pos2(rail_x, y),
        pos2(side_x, y),
    ]
}
