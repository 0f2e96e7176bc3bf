//! The chart canvas: draws one model and turns pointer input into edits.
//!
//! Where a drag becomes a reparent: [`finish_drag`]. The canvas never changes
//! the chart; it returns [`CanvasEvent`]s that the app applies through the
//! core's editor.

use std::collections::BTreeMap;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

use crate::core::analysis::Finding;
use crate::core::layout::{self, Layout, LayoutRequest};
use crate::core::model::{Leader, LeaderId, Line, LineKind, OrgChart};
use crate::core::text::visible;
use crate::core::workspace::Edit;

mod camera;

use self::camera::{Glide, handle_pan_and_zoom, update_camera};
use super::paint::{Frame, HANDLE_RADIUS, paint_canvas};
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
    /// The chart's graded findings (conflicts, shared, gaps).
    pub findings: &'a [Finding],
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

/// A drag in progress, with everything in chart space measured from where
/// it started (never summed from per-frame deltas).
#[derive(Clone, Debug)]
enum Drag {
    /// A card follows the pointer; `grab` is the pointer's offset from the
    /// card's top-left corner.
    Card { id: LeaderId, grab: Vec2 },
    /// The report end of a direct line is being moved to another manager.
    LineEnd { report: LeaderId },
    /// A new line is being drawn from a card's connector.
    Connector { from: LeaderId, dotted: bool },
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
    /// The next fit glides there instead of jumping.
    glide_next_fit: bool,
    glide: Option<Glide>,
    drag: Option<Drag>,
    /// Last pointer position seen during a drag, in screen space.
    last_pointer: Option<Pos2>,
    cache: Option<(LayoutRequest, Arc<Layout>)>,
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
            glide_next_fit: false,
            glide: None,
            drag: None,
            last_pointer: None,
            cache: None,
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

    /// The layout of `chart`, recomputed only when its request changed.
    pub fn layout(&mut self, chart: &OrgChart) -> Arc<Layout> {
        let request = layout::request_for(chart);
        match &self.cache {
            Some((cached, layout)) if *cached == request => Arc::clone(layout),
            _ => {
                let computed = Arc::new(layout::layout(&request));
                self.cache = Some((request, Arc::clone(&computed)));
                computed
            }
        }
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

    fn zoom_around(&mut self, factor: f32, screen_point: Pos2) {
        let current = self.zoom();
        let factor = (current * factor).clamp(MIN_ZOOM, MAX_ZOOM) / current;
        self.screen_from_chart = TSTransform::from_translation(screen_point.to_vec2())
            * TSTransform::from_scaling(factor)
            * TSTransform::from_translation(-screen_point.to_vec2())
            * self.screen_from_chart;
    }
}

/// Draws the chart into the remaining space of `ui` and returns what the
/// user asked for.
pub fn canvas_ui(ui: &mut Ui, state: &mut CanvasState, view: &CanvasView<'_>) -> Vec<CanvasEvent> {
    let mut events = Vec::new();
    let (viewport, background) =
        ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let layout = state.layout(view.chart);
    update_camera(ui, state, view, &layout, viewport);
    state.last_viewport = viewport;
    handle_pan_and_zoom(ui, state, viewport, &background);

    let (pointer, primary_down) = ui.input(|i| {
        (
            i.pointer.interact_pos().or(i.pointer.latest_pos()),
            i.pointer.primary_down(),
        )
    });
    if state.drag.is_some() {
        if let Some(p) = pointer {
            state.last_pointer = Some(p);
        }
        if !primary_down {
            finish_drag(state, view.chart, &layout, &mut events);
        }
    }

    let leaders: Vec<&Leader> = view.chart.leaders().collect();
    let mut rects = layout.rects.clone();
    if let (Some(Drag::Card { id, grab }), Some(p)) = (&state.drag, state.last_pointer)
        && let Some(i) = layout.ids.iter().position(|x| x == id)
    {
        let at = state.screen_from_chart.inverse() * p - *grab;
        rects[i] = Rect::from_min_size(at, rects[i].size());
    }

    // Cards take input before the background, and handles before cards:
    // dragging a card never pans, and a handle on a card's edge wins.
    let cards = interact_cards(
        ui,
        state,
        view.editable,
        viewport,
        &leaders,
        &rects,
        &mut events,
    );
    let handles = if view.editable {
        interact_handles(ui, state, view, viewport, &leaders, &layout, &rects, &cards)
    } else {
        Vec::new()
    };

    // A click on empty space selects the line under it, or nothing.
    if background.clicked() {
        let picked = background
            .interact_pointer_pos()
            .and_then(|p| pick_line(state, &layout, &rects, p))
            .map(|e| {
                Selection::Line(Line {
                    manager: leaders[e.from].id.clone(),
                    report: leaders[e.to].id.clone(),
                    kind: e.kind,
                })
            });
        events.push(CanvasEvent::Select(picked));
    }
    if background.is_pointer_button_down_on()
        || cards
            .iter()
            .flatten()
            .any(egui::Response::is_pointer_button_down_on)
        || state.drag.is_some()
    {
        state.auto_fit = false;
    }

    let frame = Frame {
        screen_from_chart: state.screen_from_chart,
        leaders: &leaders,
        layout: &layout,
        rects: &rects,
        handles: &handles,
        drop_target: drop_target(state, &layout, &leaders),
        rubber_band: rubber_band(state, view.chart, &layout),
    };
    paint_canvas(&ui.painter_at(viewport), view, &frame);
    events
}

/// One response per card (`None` for cards out of view); starts card drags.
fn interact_cards(
    ui: &Ui,
    state: &mut CanvasState,
    editable: bool,
    viewport: Rect,
    leaders: &[&Leader],
    rects: &[Rect],
    events: &mut Vec<CanvasEvent>,
) -> Vec<Option<egui::Response>> {
    let scope = ui.scope_id().with("canvas-card");
    let mut responses = Vec::with_capacity(leaders.len());
    for (leader, rect) in leaders.iter().zip(rects) {
        let screen = state.screen_from_chart * *rect;
        if !screen.intersects(viewport) {
            responses.push(None);
            continue;
        }
        let resp = ui.interact(
            screen.intersect(viewport),
            scope.with(leader.id.as_str()),
            Sense::click_and_drag(),
        );
        let name = visible(&leader.name).into_owned();
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
        if resp.clicked() {
            events.push(CanvasEvent::Select(Some(Selection::Leader(
                leader.id.clone(),
            ))));
        }
        if editable
            && resp.drag_started()
            && state.drag.is_none()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            let grab = state.screen_from_chart.inverse() * origin - rect.min;
            state.drag = Some(Drag::Card {
                id: leader.id.clone(),
                grab,
            });
            state.last_pointer = Some(origin);
            events.push(CanvasEvent::Select(Some(Selection::Leader(
                leader.id.clone(),
            ))));
        }
        responses.push(Some(resp));
    }
    responses
}

/// Line-end handles (where a direct line meets its report) and connector
/// handles (under each card); starts line drags. Returns the handles to
/// draw: those of the hovered and the selected card.
#[expect(clippy::too_many_arguments, reason = "the canvas's per-frame context")]
fn interact_handles(
    ui: &Ui,
    state: &mut CanvasState,
    view: &CanvasView<'_>,
    viewport: Rect,
    leaders: &[&Leader],
    layout: &Layout,
    rects: &[Rect],
    cards: &[Option<egui::Response>],
) -> Vec<(Pos2, bool)> {
    let scope = ui.scope_id().with("canvas-handle");
    let (pointer, shift) = ui.input(|i| (i.pointer.press_origin(), i.modifiers.shift));
    let line_ends = layout
        .edges
        .iter()
        .filter(|e| e.kind == LineKind::Direct)
        .map(|e| (e.to, rects[e.to].center_top(), "line end of"));
    let connectors = rects
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.center_bottom(), "connector of"));
    let selected = match view.selection {
        Some(Selection::Leader(id)) => Some(id),
        _ => None,
    };
    let mut shown = Vec::new();
    for (owner, chart_at, what) in line_ends.chain(connectors) {
        let at = state.screen_from_chart * chart_at;
        if !viewport.contains(at) {
            continue;
        }
        let leader = leaders[owner];
        let resp = ui.interact(
            Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE_RADIUS + 4.0)),
            scope.with((what, leader.id.as_str())),
            Sense::drag(),
        );
        let label = format!("{what} {}", visible(&leader.name));
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.drag_started() && state.drag.is_none() {
            state.drag = Some(if what == "line end of" {
                Drag::LineEnd {
                    report: leader.id.clone(),
                }
            } else {
                Drag::Connector {
                    from: leader.id.clone(),
                    dotted: view.dotted_tool || shift,
                }
            });
            state.last_pointer = pointer;
        }
        // Handles show on the card under the pointer and the selected one,
        // so a chart on a projector is not covered in dots.
        let owner_hovered = cards[owner].as_ref().is_some_and(egui::Response::hovered);
        if resp.hovered() || owner_hovered || selected == Some(&leader.id) {
            shown.push((at, resp.hovered()));
        }
    }
    shown
}

/// The line being drawn by a line-end or connector drag, in screen space.
fn rubber_band(
    state: &CanvasState,
    chart: &OrgChart,
    layout: &Layout,
) -> Option<(Pos2, Pos2, bool)> {
    let to = state.last_pointer?;
    let (from, dotted) = match state.drag.as_ref()? {
        Drag::LineEnd { report } => (layout.rect_of(chart.manager_of(report)?)?, false),
        Drag::Connector { from, dotted } => (layout.rect_of(from)?, *dotted),
        Drag::Card { .. } => return None,
    };
    Some((state.screen_from_chart * from.center_bottom(), to, dotted))
}

/// The card under the pointer that the current drag would land on.
fn drop_target<'a>(
    state: &CanvasState,
    layout: &Layout,
    leaders: &[&'a Leader],
) -> Option<&'a LeaderId> {
    let drag = state.drag.as_ref()?;
    let at = state.screen_from_chart.inverse() * state.last_pointer?;
    let source = match drag {
        Drag::Card { id, .. } => id,
        Drag::LineEnd { report } => report,
        Drag::Connector { from, .. } => from,
    };
    // Later cards are drawn on top: the last hit wins, skipping the source.
    layout
        .rects
        .iter()
        .enumerate()
        .rev()
        .find(|(i, r)| r.contains(at) && leaders[*i].id != *source)
        .map(|(i, _)| &leaders[i].id)
}

/// Where a drag becomes an edit: a card or line end dropped on a card
/// reparents; a connector dropped on a card adds a line; a card dropped on
/// empty space is pinned there.
fn finish_drag(
    state: &mut CanvasState,
    chart: &OrgChart,
    layout: &Layout,
    events: &mut Vec<CanvasEvent>,
) {
    let leaders: Vec<&Leader> = chart.leaders().collect();
    let target = drop_target(state, layout, &leaders).cloned();
    let Some(drag) = state.drag.take() else {
        return;
    };
    let pointer = state.last_pointer.take();
    let edit = match (drag, target) {
        (Drag::Card { id, .. } | Drag::LineEnd { report: id }, Some(manager)) => {
            if chart.manager_of(&id) == Some(&manager) {
                None
            } else {
                Some(Edit::SetManager {
                    report: id,
                    manager: Some(manager),
                })
            }
        }
        (Drag::Card { id, grab }, None) => pointer.and_then(|p| {
            let to = state.screen_from_chart.inverse() * p - grab;
            let from = layout.rect_of(&id)?.min;
            // A press that barely moved is a click, not a move.
            ((to - from).length() * state.zoom() > 2.0)
                .then_some(Edit::MoveCard { id, to: Some(to) })
        }),
        (Drag::Connector { from, dotted }, Some(to)) => Some(if dotted {
            Edit::AddDotted {
                manager: from,
                report: to,
            }
        } else {
            Edit::SetManager {
                report: to,
                manager: Some(from),
            }
        }),
        (Drag::LineEnd { .. } | Drag::Connector { .. }, None) => None,
    };
    events.extend(edit.map(CanvasEvent::Edit));
}

fn pick_line<'a>(
    state: &CanvasState,
    layout: &'a Layout,
    rects: &[Rect],
    screen: Pos2,
) -> Option<&'a layout::EdgePath> {
    layout
        .edges
        .iter()
        .map(|e| {
            let points = layout::route(rects, e.from, e.to, e.kind, e.beside);
            let d = points
                .windows(2)
                .map(|w| {
                    distance_to_segment(
                        screen,
                        state.screen_from_chart * w[0],
                        state.screen_from_chart * w[1],
                    )
                })
                .fold(f32::INFINITY, f32::min);
            (e, d)
        })
        .filter(|(_, d)| *d <= LINE_PICK_DISTANCE)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| e)
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
