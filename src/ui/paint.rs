//! The egui backend of the scene (`core::draw`): primitives in chart space
//! become egui shapes on screen. No card constant lives here; the canvas's
//! own overlays (handles, the rubber band) are drawn here too.

use egui::emath::TSTransform;
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Shape, StrokeKind};

use crate::core::draw::{self, Anchor, Corners, Paint, Prim};

use super::theme::Theme;

/// Radius of the line-end and connector handles at zoom 1, in points.
pub const HANDLE_RADIUS: f32 = 6.0;

/// The bundled font at `size`, bold or regular.
fn font_id(size: f32, bold: bool) -> FontId {
    if bold {
        FontId::new(size, egui::FontFamily::Name(super::theme::BOLD.into()))
    } else {
        FontId::proportional(size)
    }
}

fn colour(p: Paint) -> Color32 {
    let c = Color32::from_rgb(p.rgb.0, p.rgb.1, p.rgb.2);
    if p.opacity < 1.0 {
        c.gamma_multiply(p.opacity)
    } else {
        c
    }
}

fn stroke(s: draw::Stroke) -> egui::Stroke {
    egui::Stroke::new(s.width, colour(s.paint))
}

fn corners(c: Corners, zoom: f32) -> CornerRadius {
    let r = |v: f32| (v * zoom).clamp(0.0, 255.0) as u8;
    CornerRadius {
        nw: r(c.left),
        sw: r(c.left),
        ne: r(c.right),
        se: r(c.right),
    }
}

/// Paints primitives through `screen_from_chart`.
pub fn paint_prims(painter: &Painter, prims: &[Prim], screen_from_chart: TSTransform) {
    for prim in prims {
        paint_shape(painter, &prim.shape, screen_from_chart);
    }
}

fn paint_shape(painter: &Painter, shape: &draw::Shape, t: TSTransform) {
    let zoom = t.scaling;
    let fill_of = |f: &Option<Paint>| f.map_or(Color32::TRANSPARENT, colour);
    let stroke_of = |s: &Option<draw::Stroke>| s.map_or(egui::Stroke::NONE, stroke);
    match shape {
        draw::Shape::Rect {
            rect,
            corners: c,
            fill,
            stroke: s,
        } => {
            let r = corners(*c, zoom);
            painter.rect(
                t * *rect,
                r,
                fill_of(fill),
                stroke_of(s),
                StrokeKind::Inside,
            );
        }
        draw::Shape::Text {
            at,
            text,
            size,
            anchor,
            paint,
            bold,
        } => {
            let align = match anchor {
                Anchor::Start => Align2::LEFT_CENTER,
                Anchor::Middle => Align2::CENTER_CENTER,
            };
            let font = font_id(size * zoom, *bold);
            painter.text(t * *at, align, text, font, colour(*paint));
        }
        draw::Shape::Polygon { points, fill } => {
            let points = points.iter().map(|p| t * *p).collect();
            painter.add(Shape::convex_polygon(
                points,
                colour(*fill),
                egui::Stroke::NONE,
            ));
        }
        draw::Shape::Circle {
            centre,
            radius,
            fill,
            stroke: s,
        } => {
            painter.circle(t * *centre, radius * zoom, fill_of(fill), stroke_of(s));
        }
        draw::Shape::Path {
            points,
            stroke: s,
            dashed,
        } => paint_path(painter, points, *s, *dashed, t),
    }
}

fn paint_path(painter: &Painter, points: &[Pos2], s: draw::Stroke, dashed: bool, t: TSTransform) {
    let points: Vec<Pos2> = points.iter().map(|p| t * *p).collect();
    if dashed {
        let (dash, gap) = draw::DASH;
        painter.extend(Shape::dashed_line(&points, stroke(s), dash, gap));
    } else {
        painter.add(Shape::line(points, stroke(s)));
    }
}

/// Paints handles at screen positions; a hovered one is larger.
pub fn paint_handles(painter: &Painter, theme: &Theme, handles: &[(Pos2, bool)], zoom: f32) {
    let radius = (HANDLE_RADIUS * zoom).clamp(3.0, HANDLE_RADIUS);
    for (at, hovered) in handles {
        let r = if *hovered { radius * 1.4 } else { radius };
        painter.circle(*at, r, theme.card_fill, theme.direct_line);
    }
}

/// Paints the line being drawn by a drag, in screen space.
pub fn paint_rubber_band(painter: &Painter, theme: &Theme, from: Pos2, to: Pos2, dotted: bool) {
    let stroke = egui::Stroke::new(2.0, theme.selection.color);
    if dotted {
        let (dash, gap) = draw::DASH;
        painter.extend(Shape::dashed_line(&[from, to], stroke, dash, gap));
    } else {
        painter.line_segment([from, to], stroke);
    }
}
