//! Painting the canvas: lines, cards, handles and the rubber band. Pure
//! drawing from what the canvas worked out; no input is read here.

use std::collections::{HashMap, HashSet};

use egui::emath::TSTransform;
use egui::{
    Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

use crate::core::analysis::phrase_key;
use crate::core::layout::{self, Layout};
use crate::core::model::{Leader, LeaderId, LineKind};
use crate::core::text::visible;

use super::canvas::{CanvasView, Selection};
use super::theme::Theme;

/// Everything one frame of the canvas draws.
pub struct Frame<'a> {
    /// Chart to screen.
    pub screen_from_chart: TSTransform,
    /// Leaders in layout order.
    pub leaders: &'a [&'a Leader],
    /// The layout (for line kinds and ends).
    pub layout: &'a Layout,
    /// Card rectangles in chart space, with a dragged card at its drag position.
    pub rects: &'a [Rect],
    /// Visible handles: screen position, hovered.
    pub handles: &'a [(Pos2, bool)],
    /// The card a drop would land on.
    pub drop_target: Option<&'a LeaderId>,
    /// A line being drawn: from, to (screen), dotted.
    pub rubber_band: Option<(Pos2, Pos2, bool)>,
}

/// Radius of the line-end and connector handles at zoom 1, in points.
pub const HANDLE_RADIUS: f32 = 6.0;

/// Paints one frame of the canvas.
pub fn paint_canvas(painter: &Painter, view: &CanvasView<'_>, frame: &Frame<'_>) {
    let theme = view.theme;
    painter.rect_filled(painter.clip_rect(), CornerRadius::ZERO, theme.canvas_bg);
    let marks = Marks::of(view);
    paint_lines(painter, view, frame, &marks);

    let t = frame.screen_from_chart;
    let overlap_keys: HashSet<&str> = view.overlaps.iter().map(|o| o.key.as_str()).collect();
    for (i, leader) in frame.leaders.iter().enumerate() {
        let screen = t * frame.rects[i];
        if !screen.intersects(painter.clip_rect()) {
            continue;
        }
        let style = CardStyle {
            selected: view.selection == Some(&Selection::Leader(leader.id.clone())),
            drop_target: frame.drop_target == Some(&leader.id),
            dimmed: marks.dimmed(&leader.id),
            shared: marks.shared.get(&leader.id).copied().unwrap_or(0),
        };
        paint_card(
            painter,
            theme,
            screen,
            t.scaling,
            leader,
            &overlap_keys,
            &style,
        );
    }

    let radius = (HANDLE_RADIUS * t.scaling).clamp(3.0, HANDLE_RADIUS);
    for (at, hovered) in frame.handles {
        let r = if *hovered { radius * 1.4 } else { radius };
        painter.circle(*at, r, theme.card_fill, theme.direct_line);
    }

    if let Some((from, to, dotted)) = frame.rubber_band {
        let stroke = Stroke::new(2.0, theme.selection.color);
        if dotted {
            painter.extend(Shape::dashed_line(&[from, to], stroke, 8.0, 6.0));
        } else {
            painter.line_segment([from, to], stroke);
        }
    }
}

/// Per-leader marks, looked up once a frame (a chart may hold many
/// thousands of leaders and an overlap as many holders).
struct Marks<'a> {
    /// How many overlaps each leader is part of.
    shared: HashMap<&'a LeaderId, usize>,
    /// The spotlighted leaders, if a spotlight is on.
    spotlight: Option<HashSet<&'a LeaderId>>,
}

impl<'a> Marks<'a> {
    fn of(view: &CanvasView<'a>) -> Self {
        let mut shared = HashMap::new();
        for holder in view.overlaps.iter().flat_map(|o| &o.holders) {
            *shared.entry(holder).or_insert(0) += 1;
        }
        let spotlight = view.spotlight.map(|s| s.iter().collect());
        Self { shared, spotlight }
    }

    fn dimmed(&self, id: &LeaderId) -> bool {
        self.spotlight.as_ref().is_some_and(|s| !s.contains(id))
    }
}

fn paint_lines(painter: &Painter, view: &CanvasView<'_>, frame: &Frame<'_>, marks: &Marks<'_>) {
    let theme = view.theme;
    let selected_line = match view.selection {
        Some(Selection::Line(line)) => Some(line),
        _ => None,
    };
    for edge in &frame.layout.edges {
        let (manager, report) = (&frame.leaders[edge.from].id, &frame.leaders[edge.to].id);
        let reach = frame.rects[edge.from].union(frame.rects[edge.to]);
        if edge.kind == LineKind::Direct
            && !(frame.screen_from_chart * reach).intersects(painter.clip_rect())
        {
            continue; // off screen
        }
        let points: Vec<Pos2> = layout::route(frame.rects, edge.from, edge.to, edge.kind)
            .into_iter()
            .map(|p| frame.screen_from_chart * p)
            .collect();
        let mut stroke = match edge.kind {
            LineKind::Direct => theme.direct_line,
            LineKind::Dotted => theme.dotted_line,
        };
        if selected_line
            .is_some_and(|l| l.kind == edge.kind && l.manager == *manager && l.report == *report)
        {
            stroke = Stroke::new(stroke.width + 2.0, theme.selection.color);
        }
        if marks.dimmed(manager) || marks.dimmed(report) {
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
}

struct CardStyle {
    selected: bool,
    drop_target: bool,
    dimmed: bool,
    shared: usize,
}

/// Scales a length in points by the zoom and makes it a corner radius.
fn corner(points: f32, zoom: f32) -> CornerRadius {
    CornerRadius::same((points * zoom).clamp(0.0, 255.0) as u8)
}

fn paint_card(
    painter: &Painter,
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
    let radius = corner(6.0, zoom);
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
    if style.shared > 0 {
        paint_shared_badge(painter, theme, rect, zoom, style.shared, &fade);
    }
    if theme.card_font * zoom < 4.0 {
        return; // Too small to read: the card's colour and shape say enough.
    }
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let text_top = paint_card_header(&painter, theme, rect, zoom, leader, &fade);
    paint_responsibilities(
        &painter,
        theme,
        rect,
        text_top,
        zoom,
        leader,
        overlap_keys,
        &fade,
    );
}

/// Role badge, name and title; returns where the responsibilities start.
fn paint_card_header(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    leader: &Leader,
    fade: &dyn Fn(Color32) -> Color32,
) -> f32 {
    let font = theme.card_font * zoom;
    let pad = 12.0 * zoom;
    let origin = rect.min + vec2(pad, pad);
    let badge_text = painter.layout_no_wrap(
        leader.role.badge().to_owned(),
        FontId::proportional(font * 0.8),
        Color32::WHITE,
    );
    let badge = Rect::from_min_size(origin, badge_text.size() + vec2(10.0, 4.0) * zoom);
    painter.rect_filled(
        badge,
        corner(4.0, zoom),
        fade(theme.role_colour(leader.role)),
    );
    painter.galley(
        badge.min + vec2(5.0, 2.0) * zoom,
        badge_text,
        fade(Color32::WHITE),
    );
    let name = painter.layout(
        visible(&leader.name).into_owned(),
        FontId::proportional(font * 1.15),
        fade(theme.text),
        rect.right() - badge.right() - pad * 1.6,
    );
    let first_row = name.rows.first().map_or(0.0, |r| r.height());
    let name_pos = pos2(
        badge.right() + 6.0 * zoom,
        origin.y + (badge.height() - first_row) / 2.0,
    );
    let mut y = origin.y + badge.height().max(name.size().y) + 4.0 * zoom;
    painter.galley(name_pos, name, fade(theme.text));
    if !leader.title.is_empty() {
        let title = painter.layout(
            visible(&leader.title).into_owned(),
            FontId::proportional(font * 0.9),
            fade(theme.weak_text),
            rect.width() - 2.0 * pad,
        );
        let height = title.size().y;
        painter.galley(pos2(origin.x, y), title, fade(theme.weak_text));
        y += height + 4.0 * zoom;
    }
    y
}

/// The overlap badge: a count and the word "shared", so it does not rely on
/// colour alone.
fn paint_shared_badge(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    shared: usize,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let font = theme.card_font * zoom;
    if font < 4.0 {
        return;
    }
    let text = painter.layout_no_wrap(
        format!("{shared} shared"),
        FontId::proportional(font * 0.8),
        theme.overlap_text,
    );
    let badge = Rect::from_min_size(
        pos2(
            rect.right() - text.size().x - 14.0 * zoom,
            rect.top() - text.size().y * 0.5,
        ),
        text.size() + vec2(10.0, 4.0) * zoom,
    );
    painter.rect_filled(badge, corner(8.0, zoom), fade(theme.overlap));
    painter.galley(
        badge.min + vec2(5.0, 2.0) * zoom,
        text,
        fade(theme.overlap_text),
    );
}

#[expect(
    clippy::too_many_arguments,
    reason = "one card's text block and its context"
)]
fn paint_responsibilities(
    painter: &Painter,
    theme: &Theme,
    rect: Rect,
    top: f32,
    zoom: f32,
    leader: &Leader,
    overlap_keys: &HashSet<&str>,
    fade: &dyn Fn(Color32) -> Color32,
) {
    let font = theme.card_font * zoom;
    let pad = 12.0 * zoom;
    let wrap = rect.width() - 2.0 * pad;
    let bullet_w = 14.0 * zoom;
    let mut cursor = pos2(rect.left() + pad, top);
    for phrase in &leader.responsibilities {
        let overlapped = overlap_keys.contains(phrase_key(phrase).as_str());
        let colour = if overlapped {
            theme.text
        } else {
            theme.weak_text
        };
        let text = painter.layout(
            visible(phrase).into_owned(),
            FontId::proportional(font),
            fade(colour),
            wrap - bullet_w,
        );
        let first_row = text.rows.first().map_or(0.0, |r| r.height());
        let marker = pos2(cursor.x + bullet_w * 0.35, cursor.y + first_row / 2.0);
        if overlapped {
            let row = Rect::from_min_size(cursor, vec2(wrap, text.size().y));
            painter.rect_filled(
                row.expand(1.5 * zoom),
                corner(3.0, zoom),
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
        let height = text.size().y;
        painter.galley(cursor + vec2(bullet_w, 0.0), text, fade(colour));
        cursor.y += height + 2.0 * zoom;
    }
}
