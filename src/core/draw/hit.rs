//! Hit-tests over a laid-out chart: which card, line or handle is under a
//! point, and which cards and lines fall in a rectangle (what to draw). A
//! uniform grid over the layout's bounds answers in time proportional to
//! what is near the point, not to the size of the chart.

use emath::{Pos2, Rect, Vec2};

use crate::core::layout::Layout;
use crate::core::model::LineKind;

/// The two kinds of handle a card has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HandleKind {
    /// Where a direct line meets its report (top centre): drag it to give
    /// the report another manager.
    LineEnd,
    /// Under a card (bottom centre): drag it to another card to add a line.
    Connector,
}

impl HandleKind {
    /// How a screen reader names the handle of a leader.
    pub fn label(self, name: &str) -> String {
        match self {
            Self::LineEnd => format!("line end of {name}"),
            Self::Connector => format!("connector of {name}"),
        }
    }
}

/// A handle: its kind, and the card (layout index) it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Handle {
    /// Which handle.
    pub kind: HandleKind,
    /// The card's index in the layout.
    pub card: usize,
}

impl Handle {
    /// Where the handle sits, in chart space.
    pub fn at(self, layout: &Layout) -> Pos2 {
        let r = layout.rects[self.card];
        match self.kind {
            HandleKind::LineEnd => r.center_top(),
            HandleKind::Connector => r.center_bottom(),
        }
    }
}

/// A grid of buckets over the layout: each holds the cards and lines that
/// touch it.
#[derive(Clone, Debug, Default)]
pub struct SpatialIndex {
    origin: Pos2,
    cell: f32,
    cols: usize,
    rows: usize,
    cards: Vec<Vec<u32>>,
    edges: Vec<Vec<u32>>,
    /// Cards that have a direct manager (and so a line-end handle).
    has_manager: Vec<bool>,
}

impl SpatialIndex {
    /// Indexes a layout. Linear in cards and line segments.
    pub fn of(layout: &Layout) -> Self {
        let n = layout.rects.len();
        if n == 0 || !layout.bounds.is_positive() {
            return Self::default();
        }
        let bounds = layout.bounds.expand(8.0);
        let mean = layout
            .rects
            .iter()
            .fold(Vec2::ZERO, |sum, r| sum + r.size())
            / n as f32;
        // About one card per bucket, never more buckets than four per card.
        let by_count = (bounds.area() / (4.0 * n as f32)).sqrt();
        let cell = (mean.max_elem() * 1.5).max(by_count).max(1.0);
        let cols = (bounds.width() / cell).ceil() as usize + 1;
        let rows = (bounds.height() / cell).ceil() as usize + 1;
        let mut index = Self {
            origin: bounds.min,
            cell,
            cols,
            rows,
            cards: vec![Vec::new(); cols * rows],
            edges: vec![Vec::new(); cols * rows],
            has_manager: vec![false; n],
        };
        for (i, r) in layout.rects.iter().enumerate() {
            for b in index.buckets(*r) {
                index.cards[b].push(i as u32);
            }
        }
        for (e, edge) in layout.edges.iter().enumerate() {
            if edge.kind == LineKind::Direct {
                index.has_manager[edge.to] = true;
            }
            for w in edge.points.windows(2) {
                for b in index.buckets(Rect::from_two_pos(w[0], w[1])) {
                    if index.edges[b].last() != Some(&(e as u32)) {
                        index.edges[b].push(e as u32);
                    }
                }
            }
        }
        index
    }

    /// The buckets a rectangle touches (clamped to the grid).
    fn buckets(&self, r: Rect) -> impl Iterator<Item = usize> + use<> {
        let (cols, rows) = (self.cols, self.rows);
        let cell = |v: f32, o: f32, len: usize| {
            (((v - o) / self.cell).floor().max(0.0) as usize).min(len.saturating_sub(1))
        };
        let (x0, x1) = (
            cell(r.min.x, self.origin.x, cols),
            cell(r.max.x, self.origin.x, cols),
        );
        let (y0, y1) = (
            cell(r.min.y, self.origin.y, rows),
            cell(r.max.y, self.origin.y, rows),
        );
        let empty = cols == 0 || rows == 0 || !r.is_finite();
        (y0..=y1)
            .flat_map(move |y| (x0..=x1).map(move |x| y * cols + x))
            .filter(move |_| !empty)
    }

    fn collect(&self, lists: &[Vec<u32>], area: Rect) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .buckets(area)
            .flat_map(|b| lists[b].iter().map(|&i| i as usize))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// About how many cards meet `area` (a card over several buckets counts
    /// more than once): cheap, to choose a level of detail.
    pub fn approx_cards_in(&self, area: Rect) -> usize {
        self.buckets(area).map(|b| self.cards[b].len()).sum()
    }

    /// Cards whose rectangle meets `area`, in layout (drawing) order.
    pub fn cards_in(&self, layout: &Layout, area: Rect) -> Vec<usize> {
        let mut found = self.collect(&self.cards, area);
        found.retain(|&i| layout.rects[i].intersects(area));
        found
    }

    /// Lines with a segment in a bucket that meets `area`, in order.
    pub fn edges_in(&self, area: Rect) -> Vec<usize> {
        self.collect(&self.edges, area)
    }

    /// The topmost card under a point (later cards are drawn on top),
    /// skipping `except`.
    pub fn card_at(&self, layout: &Layout, point: Pos2, except: Option<usize>) -> Option<usize> {
        let area = Rect::from_center_size(point, Vec2::ZERO);
        self.cards_in(layout, area)
            .into_iter()
            .rev()
            .find(|&i| Some(i) != except && layout.rects[i].contains(point))
    }

    /// The line nearest to a point, within `tolerance` chart units.
    pub fn line_at(&self, layout: &Layout, point: Pos2, tolerance: f32) -> Option<usize> {
        let area = Rect::from_center_size(point, Vec2::splat(2.0 * tolerance));
        self.edges_in(area)
            .into_iter()
            .map(|e| (e, distance_to_path(point, &layout.edges[e].points)))
            .filter(|(_, d)| *d <= tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(e, _)| e)
    }

    /// Every handle within `area`: line ends first, then connectors, each
    /// in layout order.
    pub fn handles_in(&self, layout: &Layout, area: Rect) -> Vec<Handle> {
        let cards = self.cards_in(layout, area);
        let line_ends = cards
            .iter()
            .filter(|&&i| self.has_manager[i])
            .map(|&card| Handle {
                kind: HandleKind::LineEnd,
                card,
            });
        let connectors = cards.iter().map(|&card| Handle {
            kind: HandleKind::Connector,
            card,
        });
        line_ends
            .chain(connectors)
            .filter(|h| area.contains(h.at(layout)))
            .collect()
    }

    /// The handle within `radius` of a point, nearest first.
    pub fn handle_at(&self, layout: &Layout, point: Pos2, radius: f32) -> Option<Handle> {
        let area = Rect::from_center_size(point, Vec2::splat(2.0 * radius));
        self.handles_in(layout, area)
            .into_iter()
            .map(|h| (h, h.at(layout).distance(point)))
            .filter(|(_, d)| *d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(h, _)| h)
    }
}

/// Shortest distance from a point to a polyline.
pub fn distance_to_path(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::layout::{layout, request_for};
    use crate::core::presets;

    fn cdio() -> Layout {
        layout(&request_for(&presets::model("cdio").unwrap().chart))
    }

    #[test]
    fn a_card_is_found_at_every_point_inside_it_and_nowhere_else() {
        let l = cdio();
        let index = SpatialIndex::of(&l);
        for (i, r) in l.rects.iter().enumerate() {
            assert_eq!(index.card_at(&l, r.center(), None), Some(i));
            assert_eq!(index.card_at(&l, r.min + Vec2::splat(1.0), None), Some(i));
            assert_eq!(index.card_at(&l, r.center(), Some(i)), None, "skipped");
        }
        let outside = l.bounds.max + Vec2::splat(50.0);
        assert_eq!(index.card_at(&l, outside, None), None);
    }

    #[test]
    fn cards_in_an_area_match_a_scan() {
        let l = cdio();
        let index = SpatialIndex::of(&l);
        let area = Rect::from_min_size(l.bounds.min, l.bounds.size() * 0.5);
        let scan: Vec<usize> = (0..l.rects.len())
            .filter(|&i| l.rects[i].intersects(area))
            .collect();
        assert_eq!(index.cards_in(&l, area), scan);
        assert_eq!(index.cards_in(&l, l.bounds).len(), l.rects.len());
    }

    #[test]
    fn lines_and_handles_are_picked_near_their_points() {
        let l = cdio();
        let index = SpatialIndex::of(&l);
        for (e, edge) in l.edges.iter().enumerate() {
            let mid = edge.points[0].lerp(edge.points[1], 0.5);
            let found = index.line_at(&l, mid + Vec2::new(3.0, 0.0), 6.0).unwrap();
            assert!(
                distance_to_path(mid, &l.edges[found].points) < 1e-3,
                "line {e} or one sharing its segment"
            );
            if edge.kind == LineKind::Direct {
                let at = l.rects[edge.to].center_top();
                let h = index.handle_at(&l, at + Vec2::new(1.0, 1.0), 6.0).unwrap();
                assert_eq!(h.kind, HandleKind::LineEnd);
                assert_eq!(h.card, edge.to);
            }
        }
        let far = l.bounds.max + Vec2::splat(500.0);
        assert_eq!(index.line_at(&l, far, 6.0), None);
        let root = l.rects[0].center_bottom();
        assert_eq!(
            index.handle_at(&l, root, 6.0),
            Some(Handle {
                kind: HandleKind::Connector,
                card: 0
            })
        );
    }
}
