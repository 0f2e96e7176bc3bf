//! The farthest level of detail: when thousands of cards are in view and
//! each is a few pixels wide, the cards of a row that touch on screen are
//! drawn as one bar. The shape of the organisation stays (its rows, its
//! wide and narrow parts) at a cost that depends on the screen, not on the
//! number of people.

use std::collections::BTreeMap;

use emath::{Rect, pos2};

use super::{Corners, Paint, Part, Prim, Shape};
use crate::core::layout::Layout;
use crate::core::theme::Palette;

/// Cards in view beyond which the canvas draws the silhouette.
pub const SILHOUETTE_OVER: usize = 4_000;

/// Gaps narrower than this many screen points are closed up.
const MERGE_GAP_POINTS: f32 = 2.0;

/// One row of cards: its vertical extent and the cards' horizontal extents,
/// sorted left to right.
#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    top: f32,
    bottom: f32,
    spans: Vec<(f32, f32)>,
}

/// The layout's cards by row, made once per layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    rows: Vec<Row>,
}

impl Rows {
    /// Groups a layout's cards by the top of their row.
    pub fn of(layout: &Layout) -> Self {
        let mut by_top: BTreeMap<i64, Row> = BTreeMap::new();
        for r in &layout.rects {
            // Quarter-point buckets: cards of one layout row share a top.
            let row = by_top.entry((r.top() * 4.0).round() as i64).or_insert(Row {
                top: r.top(),
                bottom: r.bottom(),
                spans: Vec::new(),
            });
            row.top = row.top.min(r.top());
            row.bottom = row.bottom.max(r.bottom());
            row.spans.push((r.left(), r.right()));
        }
        let mut rows: Vec<Row> = by_top.into_values().collect();
        for row in &mut rows {
            row.spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        Self { rows }
    }
}

/// The bars of the rows in `area` at `zoom`, appended to `out`.
pub fn silhouette(out: &mut Vec<Prim>, rows: &Rows, area: Rect, zoom: f32, palette: &Palette) {
    let gap = MERGE_GAP_POINTS / zoom.max(1e-6);
    let fill = Paint::solid(palette.card_outline);
    for row in rows
        .rows
        .iter()
        .filter(|r| r.bottom >= area.top() && r.top <= area.bottom())
    {
        let first = row
            .spans
            .partition_point(|s| s.0 < area.left())
            .saturating_sub(1);
        let mut bar: Option<(f32, f32)> = None;
        for &(left, right) in row.spans[first..]
            .iter()
            .take_while(|s| s.0 <= area.right())
        {
            bar = match bar {
                Some((l, r)) if left - r <= gap => Some((l, r.max(right))),
                Some(done) => {
                    push_bar(out, done, row, fill);
                    Some((left, right))
                }
                None => Some((left, right)),
            };
        }
        if let Some(done) = bar {
            push_bar(out, done, row, fill);
        }
    }
}

fn push_bar(out: &mut Vec<Prim>, (left, right): (f32, f32), row: &Row, fill: Paint) {
    out.push(Prim {
        part: Part::Silhouette,
        shape: Shape::Rect {
            rect: Rect::from_min_max(pos2(left, row.top), pos2(right, row.bottom)),
            corners: Corners::same(0.0),
            fill: Some(fill),
            stroke: None,
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::{LayoutRequest, NodeSpec, layout};
    use crate::core::model::LeaderId;
    use emath::vec2;

    fn wide_org(reports: usize) -> Layout {
        let mut nodes = vec![NodeSpec {
            id: LeaderId::new("root"),
            size: vec2(200.0, 60.0),
            parent: None,
            pinned: None,
            assistant: false,
        }];
        for i in 0..reports {
            // Managers of one report each, so their rows do not wrap.
            nodes.push(NodeSpec {
                id: LeaderId::new(format!("m{i}")),
                size: vec2(200.0, 60.0),
                parent: Some(0),
                pinned: None,
                assistant: false,
            });
            let m = nodes.len() - 1;
            nodes.push(NodeSpec {
                id: LeaderId::new(format!("r{i}")),
                size: vec2(200.0, 60.0),
                parent: Some(m),
                pinned: None,
                assistant: false,
            });
        }
        layout(&LayoutRequest {
            nodes,
            lines: Vec::new(),
            arrangement: crate::core::model::Arrangement::Wide,
        })
    }

    #[test]
    fn far_out_a_row_of_touching_cards_is_one_bar() {
        let l = wide_org(1_000);
        let rows = Rows::of(&l);
        let mut out = Vec::new();
        // 1,000 cards a row, 228 units apart: at zoom 0.005 the gaps are
        // 0.14 points, so each row is one bar.
        silhouette(&mut out, &rows, l.bounds, 0.005, &Palette::light());
        assert_eq!(out.len(), 3, "one bar per row");
        // Close in, every card is its own bar.
        let mut near = Vec::new();
        silhouette(&mut near, &rows, l.bounds, 1.0, &Palette::light());
        assert_eq!(near.len(), l.rects.len());
        // Only what is in the area.
        let mut part = Vec::new();
        let left = Rect::from_min_max(l.bounds.min, pos2(l.bounds.min.x + 500.0, l.bounds.max.y));
        silhouette(&mut part, &rows, left, 1.0, &Palette::light());
        assert!(part.len() < 10, "{}", part.len());
    }
}
