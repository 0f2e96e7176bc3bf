//! The chart canvas: draws one model and turns pointer input into edits.
//!
//! Where a drag becomes a reparent: [`finish_drag`]. The canvas never changes
//! the chart; it returns [`CanvasEvent`]s that the app applies through the
//! core's editor.

use std::collections::HashSet;

use egui::emath::TSTransform;
use egui::{
    Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo, pos2, vec2,
};

use crate::core::analysis::{Overlap, phrase_key};
use crate::core::layout::{self, Layout, LayoutRequest};
use crate::core::model::{Leader, LeaderId, Line, LineKind, OrgChart};
use crate::core::workspace::Edit;

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
    /// The chart's overlaps.
    pub overlaps: &'a [Overlap],
    /// The current selection.
    pub selection: Option<&'a Selection>,
    /// Leaders to spotlight (others are dimmed), if any.
    pub spotlight: Option<&'a [LeaderId]>,
    /// When true, connector drags add dotted lines.
    pub dotted_tool: bool,
    /// Colours and sizes.
    pub theme: &'a Theme,
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
    drag: Option<Drag>,
    /// Last pointer position seen during a drag, in screen space.
    last_pointer: Option<Pos2>,
    cache: Option<(LayoutRequest, Layout)>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            screen_from_chart: TSTransform::IDENTITY,
            fit_pending: true,
            auto_fit: true,
            last_viewport: Rect::NOTHING,
            drag: None,
            last_pointer: None,
            cache: None,
        }
    }
}

/// Radius of the line-end and connector handles, in screen points.
const HANDLE_RADIUS: f32 = 6.0;
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

    /// The current zoom factor.
    pub fn zoom(&self) -> f32 {
        self.screen_from_chart.scaling
    }

    /// The layout of `chart`, recomputed only when its request changed.
    pub fn layout(&mut self, chart: &OrgChart) -> &Layout {
        let request = layout::request_for(chart);
        let stale = self.cache.as_ref().is_none_or(|(r, _)| *r != request);
        if stale {
            let computed = layout::layout(&request);
            self.cache = Some((request, computed));
        }
        &self.cache.get_or_insert_with(Default::default).1
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
            .clamp(MIN_ZOOM, 1.5);
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
    let layout = state.layout(view.chart).clone();
    if state.fit_pending || (state.auto_fit && viewport != state.last_viewport) {
        state.fit(layout.bounds, viewport);
        state.fit_pending = false;
    }
    state.last_viewport = viewport;
    handle_pan_and_zoom(ui, state, viewport, &background);

    let (pointer, modifiers, primary_down) = ui.input(|i| {
        (
            i.pointer.interact_pos().or(i.pointer.latest_pos()),
            i.modifiers,
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
    if let (Some(Drag::Card { id, grab }), Some(p)) = (&state.drag, state.last_pointer) {
        if let Some(i) = layout.ids.iter().position(|x| x == id) {
            let at = state.screen_from_chart.inverse() * p - *grab;
            rects[i] = Rect::from_min_size(at, rects[i].size());
        }
    }

    let painter = ui.painter_at(viewport);
    painter.rect_filled(viewport, CornerRadius::ZERO, view.theme.canvas_bg);

    // Cards take input before the background: dragging a card never pans.
    let scope = ui.scope_id().with("canvas-card");
    let mut card_responses = Vec::with_capacity(leaders.len());
    for (i, leader) in leaders.iter().enumerate() {
        let screen = state.screen_from_chart * rects[i];
        if !screen.intersects(viewport) {
            card_responses.push(None);
            continue;
        }
        let resp = ui.interact(
            screen.intersect(viewport),
            scope.with(leader.id.as_str()),
            Sense::click_and_drag(),
        );
        let name = leader.name.clone();
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
        if resp.clicked() {
            events.push(CanvasEvent::Select(Some(Selection::Leader(
                leader.id.clone(),
            ))));
        }
        if resp.drag_started() && state.drag.is_none() {
            let origin = ui.input(|inp| inp.pointer.press_origin()).or(pointer);
            if let Some(origin) = origin {
                let grab = state.screen_from_chart.inverse() * origin - rects[i].min;
                state.drag = Some(Drag::Card {
                    id: leader.id.clone(),
                    grab,
                });
                state.last_pointer = Some(origin);
                events.push(CanvasEvent::Select(Some(Selection::Leader(
                    leader.id.clone(),
                ))));
            }
        }
        card_responses.push(Some(resp));
    }

    // Handles sit on top of cards.
    let handle_scope = ui.scope_id().with("canvas-handle");
    let mut handles = Vec::new();
    for edge in &layout.edges {
        if edge.kind != LineKind::Direct {
            continue;
        }
        let report = leaders[edge.to];
        let at = state.screen_from_chart * rects[edge.to].center_top();
        if !viewport.contains(at) {
            continue;
        }
        let resp = ui.interact(
            Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE_RADIUS + 4.0)),
            handle_scope.with(("end", report.id.as_str())),
            Sense::drag(),
        );
        let label = format!("line end of {}", report.name);
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.drag_started() && state.drag.is_none() {
            state.drag = Some(Drag::LineEnd {
                report: report.id.clone(),
            });
            state.last_pointer = pointer;
        }
        handles.push((at, resp.hovered()));
    }
    for (i, leader) in leaders.iter().enumerate() {
        let at = state.screen_from_chart * rects[i].center_bottom();
        if !viewport.contains(at) {
            continue;
        }
        let resp = ui.interact(
            Rect::from_center_size(at, Vec2::splat(2.0 * HANDLE_RADIUS + 4.0)),
            handle_scope.with(("connector", leader.id.as_str())),
            Sense::drag(),
        );
        let label = format!("connector of {}", leader.name);
        resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.drag_started() && state.drag.is_none() {
            state.drag = Some(Drag::Connector {
                from: leader.id.clone(),
                dotted: view.dotted_tool || modifiers.shift,
            });
            state.last_pointer = pointer;
        }
        handles.push((at, resp.hovered()));
    }

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
        || card_responses
            .iter()
            .flatten()
            .any(egui::Response::is_pointer_button_down_on)
        || state.drag.is_some()
    {
        state.auto_fit = false;
    }

    paint(
        &painter,
        state,
        view,
        &leaders,
        &layout,
        &rects,
        &handles,
        drop_target(state, &layout, &leaders),
    );
    events
}

fn handle_pan_and_zoom(
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
            let points = layout::route(rects[e.from], rects[e.to], e.kind);
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

#[expect(
    clippy::too_many_arguments,
    reason = "one paint pass over the canvas's parts"
)]
fn paint(
    painter: &egui::Painter,
    state: &CanvasState,
    view: &CanvasView<'_>,
    leaders: &[&Leader],
    layout: &Layout,
    rects: &[Rect],
    handles: &[(Pos2, bool)],
    target: Option<&LeaderId>,
) {
    let theme = view.theme;
    let t = state.screen_from_chart;
    let zoom = state.zoom();
    let dimmed = |id: &LeaderId| view.spotlight.is_some_and(|s| !s.contains(id));
    let selected_line = match view.selection {
        Some(Selection::Line(line)) => Some(line),
        _ => None,
    };

    for edge in &layout.edges {
        let points: Vec<Pos2> = layout::route(rects[edge.from], rects[edge.to], edge.kind)
            .into_iter()
            .map(|p| t * p)
            .collect();
        let is_selected = selected_line.is_some_and(|l| {
            l.kind == edge.kind
                && l.manager == leaders[edge.from].id
                && l.report == leaders[edge.to].id
        });
        let mut stroke = match edge.kind {
            LineKind::Direct => theme.direct_line,
            LineKind::Dotted => theme.dotted_line,
        };
        if is_selected {
            stroke = Stroke::new(stroke.width + 2.0, theme.selection.color);
        }
        if dimmed(&leaders[edge.from].id) || dimmed(&leaders[edge.to].id) {
            stroke.color = stroke.color.gamma_multiply(theme.dim);
        }
        match edge.kind {
            LineKind::Direct => {
                painter.add(Shape::line(points, stroke));
            }
            LineKind::Dotted => {
                painter.extend(Shape::dashed_line(&points, stroke, 8.0, 6.0));
            }
        }
    }

    let overlap_keys: HashSet<&str> = view.overlaps.iter().map(|o| o.key.as_str()).collect();
    for (i, leader) in leaders.iter().enumerate() {
        let screen = t * rects[i];
        if !screen.intersects(painter.clip_rect()) {
            continue;
        }
        let shared = view
            .overlaps
            .iter()
            .filter(|o| o.holders.contains(&leader.id))
            .count();
        let style = CardStyle {
            selected: view.selection == Some(&Selection::Leader(leader.id.clone())),
            drop_target: target == Some(&leader.id),
            dimmed: dimmed(&leader.id),
            shared,
        };
        paint_card(painter, theme, screen, zoom, leader, &overlap_keys, &style);
    }

    for (at, hovered) in handles {
        let r = if *hovered {
            HANDLE_RADIUS
        } else {
            HANDLE_RADIUS * 0.6
        };
        painter.circle(*at, r, theme.card_fill, theme.direct_line);
    }

    // Rubber band for line drags.
    if let (Some(drag), Some(p)) = (&state.drag, state.last_pointer) {
        let from = match drag {
            Drag::LineEnd { report } => view
                .chart
                .manager_of(report)
                .and_then(|m| layout.rect_of(m))
                .map(|r| t * r.center_bottom()),
            Drag::Connector { from, .. } => layout.rect_of(from).map(|r| t * r.center_bottom()),
            Drag::Card { .. } => None,
        };
        if let Some(from) = from {
            let dotted = matches!(drag, Drag::Connector { dotted: true, .. });
            let stroke = Stroke::new(2.0, theme.selection.color);
            if dotted {
                painter.extend(Shape::dashed_line(&[from, p], stroke, 8.0, 6.0));
            } else {
                painter.line_segment([from, p], stroke);
            }
        }
    }
}

struct CardStyle {
    selected: bool,
    drop_target: bool,
    dimmed: bool,
    shared: usize,
}

fn paint_card(
    painter: &egui::Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    leader: &Leader,
    overlap_keys: &HashSet<&str>,
    style: &CardStyle,
) {
    let fade = |c: Color32| {
        if style.dimmed {
            c.gamma_multiply(theme.dim)
        } else {
            c
        }
    };
    let radius = CornerRadius::same((6.0 * zoom).clamp(0.0, 255.0) as u8);
    let role_colour = theme.role_colour(leader.role);
    painter.rect(
        rect,
        radius,
        fade(theme.card_fill),
        theme.card_stroke,
        StrokeKind::Inside,
    );
    let stripe = Rect::from_min_max(rect.min, pos2(rect.min.x + 5.0 * zoom, rect.max.y));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: radius.nw,
            sw: radius.sw,
            ne: 0,
            se: 0,
        },
        fade(role_colour),
    );
    let outline = if style.drop_target {
        Some(theme.drop_target)
    } else if style.selected {
        Some(theme.selection)
    } else {
        None
    };
    if let Some(stroke) = outline {
        painter.rect_stroke(rect.expand(2.0), radius, stroke, StrokeKind::Outside);
    }
    let font = theme.card_font * zoom;
    if font < 4.0 {
        return;
    }
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let pad = 12.0 * zoom;
    let mut cursor = rect.min + vec2(pad, pad);

    // Header: role badge, then the name.
    let badge_galley = painter.layout_no_wrap(
        leader.role.badge().to_owned(),
        FontId::proportional(font * 0.8),
        Color32::WHITE,
    );
    let badge = Rect::from_min_size(cursor, badge_galley.size() + vec2(10.0, 4.0) * zoom);
    painter.rect_filled(
        badge,
        CornerRadius::same((4.0 * zoom) as u8),
        fade(role_colour),
    );
    painter.galley(
        badge.min + vec2(5.0, 2.0) * zoom,
        badge_galley,
        fade(Color32::WHITE),
    );
    let name_galley = painter.layout(
        leader.name.clone(),
        FontId::proportional(font * 1.15),
        fade(theme.text),
        rect.right() - badge.right() - pad * 1.6,
    );
    let name_pos = pos2(
        badge.right() + 6.0 * zoom,
        cursor.y + (badge.height() - name_galley.rows[0].height()) / 2.0,
    );
    let name_height = name_galley.size().y;
    painter.galley(name_pos, name_galley, fade(theme.text));
    cursor.y += badge.height().max(name_height) + 4.0 * zoom;

    // Overlap badge: a count and the word "shared", not colour alone.
    if style.shared > 0 {
        let text = format!("{} shared", style.shared);
        let g = painter.layout_no_wrap(text, FontId::proportional(font * 0.8), theme.overlap_text);
        let r = Rect::from_min_size(
            pos2(
                rect.right() - g.size().x - 14.0 * zoom,
                rect.top() - g.size().y * 0.5,
            ),
            g.size() + vec2(10.0, 4.0) * zoom,
        );
        let outer = painter.clip_rect().expand(g.size().y);
        let badge_painter = painter.with_clip_rect(outer);
        badge_painter.rect_filled(
            r,
            CornerRadius::same((8.0 * zoom) as u8),
            fade(theme.overlap),
        );
        badge_painter.galley(r.min + vec2(5.0, 2.0) * zoom, g, fade(theme.overlap_text));
    }

    let wrap = rect.width() - 2.0 * pad;
    if !leader.title.is_empty() {
        let g = painter.layout(
            leader.title.clone(),
            FontId::proportional(font * 0.9),
            fade(theme.weak_text),
            wrap,
        );
        let h = g.size().y;
        painter.galley(cursor, g, fade(theme.weak_text));
        cursor.y += h + 4.0 * zoom;
    }

    let bullet_w = 14.0 * zoom;
    for phrase in &leader.responsibilities {
        let overlapped = overlap_keys.contains(phrase_key(phrase).as_str());
        let colour = if overlapped {
            theme.text
        } else {
            theme.weak_text
        };
        let g = painter.layout(
            phrase.clone(),
            FontId::proportional(font),
            fade(colour),
            wrap - bullet_w,
        );
        let row = Rect::from_min_size(cursor, vec2(wrap, g.size().y));
        let marker = pos2(
            cursor.x + bullet_w * 0.35,
            cursor.y + g.rows[0].height() / 2.0,
        );
        if overlapped {
            painter.rect_filled(
                row.expand(1.5 * zoom),
                CornerRadius::same((3.0 * zoom) as u8),
                fade(theme.overlap_row),
            );
            // A diamond, not a dot: the marker differs in shape as well as colour.
            let s = 4.0 * zoom;
            painter.add(Shape::convex_polygon(
                vec![
                    marker + vec2(0.0, -s),
                    marker + vec2(s, 0.0),
                    marker + vec2(0.0, s),
                    marker + vec2(-s, 0.0),
                ],
                fade(theme.overlap),
                Stroke::NONE,
            ));
        } else {
            painter.circle_filled(marker, 2.0 * zoom, fade(theme.weak_text));
        }
        let h = g.size().y;
        painter.galley(cursor + vec2(bullet_w, 0.0), g, fade(colour));
        cursor.y += h + 2.0 * zoom;
    }
}
