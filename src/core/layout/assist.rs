//! Assistants and staff roles: drawn beside their manager's line, in a
//! band between the manager's row and the reports' row, not among the
//! reports. The tidy layout leaves them out of the rows and keeps room for
//! them beside their manager (the manager's card counts as wide as its
//! assistants reach); they are placed once their manager is.

use emath::{Rect, pos2, vec2};

use super::LayoutRequest;

/// How far right of the manager's centre line an assistant's card starts.
pub const ASSIST_INDENT: f32 = 18.0;
/// Room above, between and below assistants in their band.
pub const ASSIST_GAP: f32 = 12.0;

/// Who is an assistant of whom, and what room they take.
#[derive(Debug, Default)]
pub(super) struct Assistants {
    /// For each node: the manager it assists, if it is an assistant.
    pub of: Vec<Option<usize>>,
    /// For each manager: how far right of its centre its assistants reach.
    pub reach: Vec<f64>,
    /// For each manager: its assistants' cards one under another, with
    /// the gaps, from its bottom edge.
    pub band: Vec<f64>,
}

impl Assistants {
    /// The assistants of a request: nodes marked so that have a manager
    /// and no reports of their own shown (an assistant with a team is
    /// drawn as a report, over the team).
    pub fn of(request: &LayoutRequest) -> Self {
        let n = request.nodes.len();
        let mut out = Self {
            of: vec![None; n],
            reach: vec![0.0; n],
            band: vec![0.0; n],
        };
        let parent = |i: usize| request.nodes[i].parent.filter(|&p| p < n && p != i);
        let mut manages = vec![false; n];
        for i in 0..n {
            if let Some(p) = parent(i) {
                manages[p] = true;
            }
        }
        for (i, node) in request.nodes.iter().enumerate() {
            let Some(p) = parent(i) else {
                continue;
            };
            if !node.assistant || manages[i] {
                continue;
            }
            out.of[i] = Some(p);
            let reach = f64::from(ASSIST_INDENT + node.size.x);
            out.reach[p] = out.reach[p].max(reach);
            out.band[p] += f64::from(node.size.y + ASSIST_GAP);
        }
        for band in &mut out.band {
            if *band > 0.0 {
                *band += f64::from(ASSIST_GAP);
            }
        }
        out
    }

    /// True when node `i` is an assistant (left out of the rows).
    pub fn is(&self, i: usize) -> bool {
        self.of[i].is_some()
    }

    /// Places every assistant beside its manager's line, under the
    /// manager's card, one under another in request order (pinned ones
    /// stay where they were put).
    pub fn place(&self, request: &LayoutRequest, rects: &mut [Rect]) {
        let mut next_top: Vec<Option<f32>> = vec![None; rects.len()];
        for (i, node) in request.nodes.iter().enumerate() {
            let Some(p) = self.of[i] else {
                continue;
            };
            let manager = rects[p];
            let top = next_top[p].unwrap_or(manager.bottom() + ASSIST_GAP);
            next_top[p] = Some(top + node.size.y + ASSIST_GAP);
            let min = node
                .pinned
                .unwrap_or_else(|| pos2(manager.center().x + ASSIST_INDENT, top));
            rects[i] = Rect::from_min_size(min, vec2(node.size.x, node.size.y));
        }
    }
}

/// The line to an assistant: down the manager's centre line to the
/// assistant's middle, then across to its card.
pub fn line(manager: Rect, assistant: Rect) -> Vec<emath::Pos2> {
    let start = manager.center_bottom();
    let y = assistant.center().y;
    let side = if assistant.center().x >= start.x {
        assistant.left()
    } else {
        assistant.right()
    };
    vec![start, pos2(start.x, y), pos2(side, y)]
}
