//! The canvas camera: fitting the chart (or a focused part) to the
//! viewport, gliding between views, and panning and zooming by hand.

use egui::emath::TSTransform;
use egui::{Rect, Ui, Vec2};

use super::{CanvasState, CanvasView};
use crate::core::layout::Layout;
use crate::core::model::{LeaderId, OrgChart};

/// The zoom a card is brought to when it is shown (text about 10 pt).
const READABLE_ZOOM: f32 = 0.8;

/// How long a camera move between scenes takes.
const GLIDE_SECS: f64 = 0.45;

/// A camera move in progress: from one transform to another, eased.
#[derive(Clone, Copy, Debug)]
pub(super) struct Glide {
    from: TSTransform,
    to: TSTransform,
    start_secs: f64,
}

impl Glide {
    /// The transform at `now`, and whether the move is over.
    fn at(&self, now: f64) -> (TSTransform, bool) {
        let t = ((now - self.start_secs) / GLIDE_SECS).clamp(0.0, 1.0) as f32;
        let ease = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f32, b: f32| a + (b - a) * ease;
        let transform = TSTransform {
            scaling: lerp(self.from.scaling, self.to.scaling),
            translation: self.from.translation
                + (self.to.translation - self.from.translation) * ease,
        };
        (transform, t >= 1.0)
    }
}

/// Fits the chart (or the focused leader's part) when asked or when the
/// viewport changed while fitted, and moves the camera along a glide.
pub(super) fn update_camera(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    layout: &Layout,
    viewport: Rect,
) {
    if state.fit_pending || (state.auto_fit && viewport != state.last_viewport) {
        let from = state.screen_from_chart;
        let bounds = state
            .focus
            .as_ref()
            .and_then(|id| subtree_bounds(view.chart, layout, id))
            .unwrap_or(layout.bounds);
        state.fit(bounds, viewport);
        state.fit_pending = false;
        if std::mem::take(&mut state.glide_next_fit) && state.last_viewport.is_positive() {
            state.glide = Some(Glide {
                from,
                to: state.screen_from_chart,
                start_secs: ui.input(|i| i.time),
            });
        }
    }
    if let Some(rect) = state.reveal.as_ref().and_then(|id| layout.rect_of(id)) {
        state.reveal = None;
        let from = state.screen_from_chart;
        let zoom = from.scaling.max(READABLE_ZOOM);
        let to = TSTransform::from_translation(viewport.center().to_vec2())
            * TSTransform::from_scaling(zoom)
            * TSTransform::from_translation(-rect.center().to_vec2());
        state.glide = Some(Glide {
            from,
            to,
            start_secs: ui.input(|i| i.time),
        });
    }
    if let Some(glide) = state.glide {
        let (transform, done) = glide.at(ui.input(|i| i.time));
        state.screen_from_chart = transform;
        if done {
            state.glide = None;
        } else {
            ui.ctx().request_repaint();
        }
    }
}

/// The rectangle around a leader's card and all the cards below it.
fn subtree_bounds(chart: &OrgChart, layout: &Layout, root: &LeaderId) -> Option<Rect> {
    let mut members = std::collections::HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if members.insert(id) {
            stack.extend(chart.reports_of(id));
        }
    }
    layout
        .ids
        .iter()
        .zip(&layout.rects)
        .filter(|(id, _)| members.contains(id))
        .map(|(_, r)| *r)
        .reduce(Rect::union)
}

pub(super) fn handle_pan_and_zoom(
    ui: &Ui,
    state: &mut CanvasState,
    viewport: Rect,
    background: &egui::Response,
) {
    if background.dragged() && state.drag.is_none() {
        state.screen_from_chart =
            TSTransform::from_translation(background.drag_delta()) * state.screen_from_chart;
        state.auto_fit = false;
    }
    if !ui.rect_contains_pointer(viewport) {
        return;
    }
    let (zoom, scroll, hover) =
        ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
    if (zoom - 1.0).abs() > f32::EPSILON {
        state.zoom_around(zoom, hover.unwrap_or_else(|| viewport.center()));
        state.auto_fit = false;
    }
    if scroll != Vec2::ZERO {
        state.screen_from_chart = TSTransform::from_translation(scroll) * state.screen_from_chart;
        state.auto_fit = false;
    }
}
