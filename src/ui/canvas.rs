//! The chart canvas: draws one model and turns pointer input into edits.
//!
//! Where a drag becomes a reparent: [`finish_drag`]. The canvas never changes
//! the chart; it returns [`CanvasEvent`]s that the app applies through the
//! core's editor.

use std::collections::{BTreeMap, HashSet};

use egui::emath::TSTransform;
use egui::{CornerRadius, Pos2, Rect, Sense, Ui, Vec2};

use crate::core::draw::{self, CardState, Detail, LineState, Prim};
use crate::core::facts::Facts;
use crate::core::layout::{self, Layout};
use crate::core::model::{LeaderId, Line, OrgChart};
use crate::core::workspace::Edit;

mod camera;
mod drag;
mod input;

use self::camera::{Glide, handle_pan_and_zoom, update_camera};
use self::drag::{Drag, dragged_rect, drop_target, finish_drag, rubber_band};
use self::input::{fold_shown, interact_all};
use super::paint::{paint_handles, paint_prims, paint_rubber_band};
use super::theme::Theme;

/// What is selected on the canvas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A leader's card.
    Leader(LeaderId),
    /// A reporting line.
    Line(Line),
}

/// What the canvas asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasEvent {
    /// Apply an edit to the shown model.
    Edit(Edit),
    /// Change the selection.
    Select(Option<Selection>),
}

/// What the canvas shows besides the chart itself.
pub struct CanvasView<'a> {
    /// The chart to draw.
    pub chart: &'a OrgChart,
    /// Its findings, marks, layout and index, worked out once per change.
    pub facts: &'a Facts,
    /// The current selection.
    pub selection: Option<&'a Selection>,
    /// Leaders to spotlight (others are dimmed), if any.
    pub spotlight: Option<&'a [LeaderId]>,
    /// When true, connector drags add dotted lines.
    pub dotted_tool: bool,
    /// Colours and sizes.
    pub theme: &'a Theme,
    /// False for a chart shown read-only (compare view): no drags, no handles.
    pub editable: bool,
    /// Extra badges per leader (e.g. "moved" in the compare view).
    pub badges: Option<&'a BTreeMap<LeaderId, Vec<String>>>,
}

impl CanvasView<'_> {
    /// True when this leader's card is the selection (no copy of the id,
    /// as this is asked for every card in view every frame).
    fn is_selected(&self, id: &LeaderId) -> bool {
        matches!(self.selection, Some(Selection::Leader(selected)) if selected == id)
    }
}

/// Pan, zoom and drag state of one model's canvas.
#[derive(Clone, Debug)]
pub struct CanvasState {
    /// Maps chart space to screen space (pan and zoom in one transform).
    pub screen_from_chart: TSTransform,
    fit_pending: bool,
    /// Until the user touches the canvas, the chart stays fitted to the
    /// viewport as panels settle and the window is resized.
    auto_fit: bool,
    last_viewport: Rect,
    /// Largest zoom a fit may choose.
    pub max_fit_zoom: f32,
    /// Fit this leader's part of the chart instead of the whole.
    pub focus: Option<LeaderId>,
    /// Bring this leader's card to the middle, readable, on the next frame
    /// it is laid out.
    reveal: Option<LeaderId>,
    /// The next fit glides there instead of jumping.
    glide_next_fit: bool,
    glide: Option<Glide>,
    drag: Option<Drag>,
    /// Last pointer position seen during a drag, in screen space.
    last_pointer: Option<Pos2>,
    /// The primitives of the last frame (kept to reuse the allocation).
    prims: Vec<Prim>,
    /// The pass Tab was last pressed in: Shift+Tab moves the focus a pass
    /// later than Tab does, and a card that gains it is still selected.
    tab_pass: Option<u64>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            screen_from_chart: TSTransform::IDENTITY,
            fit_pending: true,
            auto_fit: true,
            last_viewport: Rect::NOTHING,
            max_fit_zoom: 1.5,
            focus: None,
            reveal: None,
            glide_next_fit: false,
            glide: None,
            drag: None,
            last_pointer: None,
            prims: Vec::new(),
            tab_pass: None,
        }
    }
}

/// How close a click must be to a line to select it, in screen points.
const LINE_PICK_DISTANCE: f32 = 6.0;
/// Zoom limits.
const MIN_ZOOM: f32 = 0.05;
const MAX_ZOOM: f32 = 4.0;

impl CanvasState {
    /// Zooms to fit the whole chart on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
        self.auto_fit = true;
    }

    /// Fits the chart on the next frame with a smooth camera move.
    pub fn glide_to_fit(&mut self) {
        self.request_fit();
        self.glide_next_fit = true;
    }

    /// The screen rectangle the canvas had on its last frame.
    pub fn viewport(&self) -> Rect {
        self.last_viewport
    }

    /// Sets pan and zoom (e.g. to follow a linked canvas); the chart is no
    /// longer kept fitted.
    pub fn set_transform(&mut self, screen_from_chart: TSTransform) {
        self.screen_from_chart = screen_from_chart;
        self.auto_fit = false;
        self.fit_pending = false;
    }

    /// True while the chart is kept fitted (the user has not panned or
    /// zoomed it yet).
    pub fn is_auto_fit(&self) -> bool {
        self.auto_fit
    }

    /// The current zoom factor.
    pub fn zoom(&self) -> f32 {
        self.screen_from_chart.scaling
    }

    /// Centres a leader's card on the next frame where it is laid out, at a
    /// zoom where its text reads (never zooming out).
    pub fn show_card(&mut self, id: LeaderId) {
        self.reveal = Some(id);
        self.auto_fit = false;
        self.fit_pending = false;
    }

    /// The primitives the last frame drew (what is on screen, in chart
    /// space).
    pub fn last_scene(&self) -> &[Prim] {
        &self.prims
    }

    fn fit(&mut self, bounds: Rect, viewport: Rect) {
        if !bounds.is_positive() {
            self.screen_from_chart = TSTransform::from_translation(viewport.min.to_vec2());
            return;
        }
        let margin = 40.0;
        let avail = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        let scale = (avail.x / bounds.width())
            .min(avail.y / bounds.height())
            .clamp(MIN_ZOOM, self.max_fit_zoom.max(MIN_ZOOM));
        self.screen_from_chart = TSTransform::from_translation(viewport.center().to_vec2())
            * TSTransform::from_scaling(scale)
            * TSTransform::from_translation(-bounds.center().to_vec2());
    }

    /// Zooms to `zoom` (1 is 100%: chart units are points) around the
    /// viewport's centre; the chart is no longer kept fitted.
    pub fn zoom_to(&mut self, zoom: f32) {
        let centre = if self.last_viewport.is_positive() {
            self.last_viewport.center()
        } else {
            Pos2::ZERO
        };
        self.zoom_around(zoom / self.zoom(), centre);
        self.auto_fit = false;
        self.fit_pending = false;
    }

    fn zoom_around(&mut self, factor: f32, screen_point: Pos2) {
        let current = self.zoom();
        let factor = (current * factor).clamp(MIN_ZOOM, MAX_ZOOM) / current;
        self.screen_from_chart = TSTransform::from_translation(screen_point.to_vec2())
            * TSTransform::from_scaling(factor)
            * TSTransform::from_translation(-screen_point.to_vec2())
            * self.screen_from_chart;
    }
}

/// One frame's geometry: the layout, and a dragged card where the pointer
/// has it.
struct FrameGeometry<'a> {
    layout: &'a Layout,
    dragged: Option<(usize, Rect)>,
    /// The card under the pointer.
    hovered: Option<usize>,
    /// The card a drag would land on.
    drop: Option<usize>,
}

impl FrameGeometry<'_> {
    fn rect(&self, i: usize) -> Rect {
        match self.dragged {
            Some((d, r)) if d == i => r,
            _ => self.layout.rects[i],
        }
    }
}

/// Draws the chart into the remaining space of `ui` and returns what the
/// user asked for.
pub fn canvas_ui(ui: &mut Ui, state: &mut CanvasState, view: &CanvasView<'_>) -> Vec<CanvasEvent> {
    let mut events = Vec::new();
    let (viewport, background) =
        ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let facts = view.facts;
    let layout = &facts.layout;
    update_camera(ui, state, view, layout, viewport);
    state.last_viewport = viewport;
    handle_pan_and_zoom(ui, state, viewport, &background);

    track_drag(ui, state, view, &mut events);
    let mut geometry = FrameGeometry {
        layout,
        dragged: dragged_rect(state, layout),
        hovered: None,
        drop: drop_target(state, facts),
    };
    let area = state.screen_from_chart.inverse() * viewport;
    let detail = frame_detail(state, view, area);
    let mut shown = if detail == FrameDetail::Silhouette {
        Vec::new()
    } else {
        facts.index.cards_in(layout, area)
    };
    if let Some((i, _)) = geometry.dragged
        && shown.binary_search(&i).is_err()
    {
        shown.push(i);
    }

    let handles = interact_all(
        ui,
        state,
        view,
        (viewport, area),
        detail,
        &shown,
        &mut geometry,
        &mut events,
    );
    if background.clicked() {
        events.push(CanvasEvent::Select(
            background
                .interact_pointer_pos()
                .and_then(|p| pick_at(state, view, p)),
        ));
    }
    if background.is_pointer_button_down_on() || state.drag.is_some() {
        state.auto_fit = false;
    }

    paint_frame(
        ui, state, view, &geometry, &shown, &handles, detail, area, viewport,
    );
    events
}

/// Builds the frame's primitives for its level of detail and paints them,
/// then the handles and a rubber band over them.
#[expect(clippy::too_many_arguments, reason = "one frame's context")]
fn paint_frame(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    geometry: &FrameGeometry<'_>,
    shown: &[usize],
    handles: &[(Pos2, bool)],
    detail: FrameDetail,
    area: Rect,
    viewport: Rect,
) {
    let mut prims = std::mem::take(&mut state.prims);
    prims.clear();
    match detail {
        FrameDetail::Silhouette => {
            let palette = &view.theme.palette;
            draw::silhouette(&mut prims, &view.facts.rows, area, state.zoom(), palette);
        }
        FrameDetail::Cards(detail) => {
            build_frame(&mut prims, view, area, shown, geometry, detail);
        }
    }
    let painter = ui.painter_at(viewport);
    painter.rect_filled(
        painter.clip_rect(),
        CornerRadius::ZERO,
        view.theme.canvas_bg,
    );
    paint_prims(&painter, &prims, state.screen_from_chart);
    paint_handles(&painter, view.theme, handles, state.zoom());
    if let Some((from, to, dotted)) = rubber_band(state, view.chart, view.facts) {
        paint_rubber_band(&painter, view.theme, from, to, dotted);
    }
    state.prims = prims;
}

/// Follows the pointer while a drag is on; a release ends it (an edit).
fn track_drag(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    events: &mut Vec<CanvasEvent>,
) {
    if state.drag.is_none() {
        return;
    }
    let (pointer, primary_down) = ui.input(|i| {
        (
            i.pointer.interact_pos().or(i.pointer.latest_pos()),
            i.pointer.primary_down(),
        )
    });
    if let Some(p) = pointer {
        state.last_pointer = Some(p);
    }
    if !primary_down {
        finish_drag(state, view.chart, view.facts, events);
    }
}

/// The frame's primitives: the lines in view (a dragged card's rerouted),
/// then the cards in view, each as the scene draws it.
fn build_frame(
    out: &mut Vec<Prim>,
    view: &CanvasView<'_>,
    area: Rect,
    shown: &[usize],
    geometry: &FrameGeometry<'_>,
    detail: Detail,
) {
    let (facts, palette) = (view.facts, &view.theme.palette);
    let spotlight: Option<HashSet<&LeaderId>> = view.spotlight.map(|s| s.iter().collect());
    let dimmed = |id: &LeaderId| spotlight.as_ref().is_some_and(|s| !s.contains(id));
    lines_into(out, view, area, geometry, &dimmed);
    let drop = geometry.drop;
    for &i in shown {
        let Some(leader) = facts.leader(view.chart, i) else {
            continue;
        };
        let selected = view.is_selected(&leader.id);
        let card_state = CardState {
            fold: fold_shown(view, leader, selected, geometry.hovered == Some(i)),
            selected,
            drop_target: drop == Some(i),
            dimmed: dimmed(&leader.id),
            labels: view
                .badges
                .and_then(|b| b.get(&leader.id))
                .map_or(&[][..], Vec::as_slice),
        };
        draw::card(
            out,
            leader,
            geometry.rect(i),
            &facts.marks,
            palette,
            &card_state,
            detail,
        );
    }
}

/// The lines in view, a dragged card's rerouted to where it is.
fn lines_into(
    out: &mut Vec<Prim>,
    view: &CanvasView<'_>,
    area: Rect,
    geometry: &FrameGeometry<'_>,
    dimmed: &dyn Fn(&LeaderId) -> bool,
) {
    let (facts, palette) = (view.facts, &view.theme.palette);
    let layout = &facts.layout;
    let selected_line = match view.selection {
        Some(Selection::Line(line)) => Some(line),
        _ => None,
    };
    let mut edges = facts.index.edges_in(area);
    let rerouted = geometry.dragged.map(|(d, r)| {
        let mut rects = layout.rects.clone();
        rects[d] = r;
        (d, rects)
    });
    if let Some((d, _)) = &rerouted {
        edges.extend((0..layout.edges.len()).filter(|&e| {
            let edge = &layout.edges[e];
            edge.from == *d || edge.to == *d
        }));
        edges.sort_unstable();
        edges.dedup();
    }
    for e in edges {
        let edge = &layout.edges[e];
        let (manager, report) = (&layout.ids[edge.from], &layout.ids[edge.to]);
        let points = match &rerouted {
            Some((d, rects)) if edge.from == *d || edge.to == *d => {
                layout::route(rects, edge.from, edge.to, edge.kind, edge.via)
            }
            _ => edge.points.clone(),
        };
        let line_state = LineState {
            selected: selected_line.is_some_and(|l| {
                l.kind == edge.kind && l.manager == *manager && l.report == *report
            }),
            dimmed: dimmed(manager) || dimmed(report),
        };
        out.push(draw::line(points, edge.kind, palette, line_state));
    }
}

/// How much a frame draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrameDetail {
    /// Each card in view, with text or as a block.
    Cards(Detail),
    /// Thousands of tiny cards: rows of bars, no per-card widgets.
    Silhouette,
}

fn frame_detail(state: &CanvasState, view: &CanvasView<'_>, area: Rect) -> FrameDetail {
    match Detail::for_zoom(view.theme.card_font, state.zoom()) {
        Detail::Blocks if view.facts.index.approx_cards_in(area) > draw::SILHOUETTE_OVER => {
            FrameDetail::Silhouette
        }
        detail => FrameDetail::Cards(detail),
    }
}

/// What a click on empty canvas picks: a card far out (where cards have no
/// widgets of their own), else the line under the pointer.
fn pick_at(state: &CanvasState, view: &CanvasView<'_>, screen: Pos2) -> Option<Selection> {
    let layout = &view.facts.layout;
    let at = state.screen_from_chart.inverse() * screen;
    if let Some(i) = view.facts.index.card_at(layout, at, None) {
        return Some(Selection::Leader(layout.ids[i].clone()));
    }
    let e = view
        .facts
        .index
        .line_at(layout, at, LINE_PICK_DISTANCE / state.zoom())?;
    let edge = &layout.edges[e];
    Some(Selection::Line(Line {
        manager: layout.ids[edge.from].clone(),
        report: layout.ids[edge.to].clone(),
        kind: edge.kind,
    }))
}
