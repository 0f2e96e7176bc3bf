//! What is derived from a chart and drawn from: its findings, the marks its
//! cards carry, its layout and the spatial index over it. Worked out once
//! per change of the chart (the shell keys a [`Memo`] by the editor's
//! revision), never once per frame.

use std::sync::Arc;

use super::analysis::{Finding, findings};
use super::draw::hit::SpatialIndex;
use super::draw::{self, Marks, Rows};
use super::headcount::Headcount;
use super::layout::{self, Layout};
use super::model::{Leader, OrgChart};
use super::theme::Palette;

/// A chart's derived facts.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Graded findings (conflicts, shared, gaps), sorted by key.
    pub findings: Vec<Finding>,
    /// Per-card marks from the findings.
    pub marks: Marks,
    /// Card rectangles and routed lines.
    pub layout: Layout,
    /// Hit-tests and culling over the layout.
    pub index: SpatialIndex,
    /// Direct reports and people under each leader; the chart's levels.
    pub headcount: Headcount,
    /// The cards by row, for the farthest level of detail.
    pub rows: Rows,
}

impl Facts {
    /// Works the facts out from a chart.
    /// The three parts that do not depend on each other run side by side
    /// (a chart of 100,000 leaders takes a fraction of a second either way).
    pub fn of(chart: &OrgChart) -> Self {
        Self::of_part(chart, None)
    }

    /// The facts of a part of a bigger chart (a board pack's page of it):
    /// laid out on its own, but marked with the `whole` chart's marks, so
    /// that a responsibility shared with someone on another page still
    /// shows as shared (the part's own findings are then not worked out:
    /// `findings` is empty). `None`: the chart is whole.
    pub fn of_part(chart: &OrgChart, whole: Option<&Marks>) -> Self {
        std::thread::scope(|scope| {
            let analysis = scope.spawn(|| {
                if let Some(marks) = whole {
                    return (Vec::new(), marks.clone());
                }
                let findings = findings(chart);
                let marks = Marks::of(&findings);
                (findings, marks)
            });
            let geometry = scope.spawn(|| {
                let layout = layout::layout(&layout::request_for(chart));
                let index = SpatialIndex::of(&layout);
                let rows = Rows::of(&layout);
                (layout, index, rows)
            });
            let headcount = Headcount::of(chart);
            // A panic in a part is a bug; it goes on as a panic.
            let (findings, marks) = analysis
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            let (layout, index, rows) = geometry
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            Self {
                findings,
                marks,
                layout,
                index,
                headcount,
                rows,
            }
        })
    }

    /// The marks of a whole chart's findings, for [`Facts::of_part`].
    pub fn marks_of(chart: &OrgChart) -> Marks {
        Marks::of(&findings(chart))
    }

    /// The leader drawn by layout card `i`.
    pub fn leader<'a>(&self, chart: &'a OrgChart, i: usize) -> Option<&'a Leader> {
        chart.leader(self.layout.ids.get(i)?)
    }
}

/// A whole laid-out model, lines under cards, as an export draws it:
/// nothing selected, no spotlight, full detail, collapsed leaders with how
/// many people they fold away.
pub fn model_drawing(facts: &Facts, chart: &OrgChart, palette: &Palette) -> Vec<draw::Prim> {
    model_drawing_with_badges(facts, chart, palette, &std::collections::BTreeMap::new())
}

/// [`model_scene`] with change badges under the cards that have them (the
/// compare view's "moved", "new", "+1 resp." ...), as a comparison page
/// prints them.
pub fn model_drawing_with_badges(
    facts: &Facts,
    chart: &OrgChart,
    palette: &Palette,
    badges: &std::collections::BTreeMap<crate::core::model::LeaderId, Vec<String>>,
) -> Vec<draw::Prim> {
    let layout = &facts.layout;
    let mut out = Vec::new();
    for edge in &layout.edges {
        out.push(draw::line(
            edge.points.clone(),
            edge.kind,
            palette,
            draw::LineState::default(),
        ));
    }
    for (i, rect) in layout.rects.iter().enumerate() {
        let Some(leader) = facts.leader(chart, i) else {
            continue;
        };
        let state = draw::CardState {
            fold: draw::fold_of(leader, &facts.headcount),
            labels: badges.get(&leader.id).map_or(&[], Vec::as_slice),
            ..draw::CardState::default()
        };
        draw::card(
            &mut out,
            leader,
            *rect,
            &facts.marks,
            palette,
            &state,
            draw::Detail::Full,
        );
    }
    out
}

/// A value computed once per key: ask with the key, get the cached value
/// while the key is the same.
#[derive(Clone, Debug)]
pub struct Memo<K, V> {
    cached: Option<(K, Arc<V>)>,
    /// How many times a value was made (for tests and benchmarks that
    /// check a cache holds).
    made: u64,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self {
            cached: None,
            made: 0,
        }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, computed by `make` only when the key changed.
    pub fn get(&mut self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        match &self.cached {
            Some((k, v)) if *k == key => Arc::clone(v),
            _ => {
                self.made += 1;
                let v = Arc::new(make());
                self.cached = Some((key, Arc::clone(&v)));
                v
            }
        }
    }

    /// How many times a value was made since the memo was new.
    pub fn times_made(&self) -> u64 {
        self.made
    }

    /// Forgets the value.
    pub fn clear(&mut self) {
        self.cached = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_computes_once_per_key() {
        let mut memo = Memo::default();
        let mut calls = 0;
        for key in [1, 1, 2, 2, 1] {
            let v = memo.get(key, || {
                calls += 1;
                key * 10
            });
            assert_eq!(*v, key * 10);
        }
        assert_eq!(calls, 3);
        assert_eq!(memo.times_made(), 3);
    }
}
