//! The SVG backend of the scene: each primitive becomes one element, with
//! its part as the class. Text stays text.

use std::fmt::Write;

use emath::{Pos2, Rect};

use crate::core::scene::{Anchor, Corners, Paint, Prim, Shape, Stroke};
use crate::core::text::visible;

/// Escapes text for XML, after making control and bidirectional characters
/// visible (XML cannot hold most control characters at all).
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `fill="#rrggbb"` (and its opacity when not opaque) for an attribute name.
fn paint(attr: &str, p: Option<Paint>) -> String {
    match p {
        None => format!(r#" {attr}="none""#),
        Some(p) if p.opacity < 1.0 => {
            format!(
                r#" {attr}="{}" {attr}-opacity="{}""#,
                p.rgb.hex(),
                p.opacity
            )
        }
        Some(p) => format!(r#" {attr}="{}""#, p.rgb.hex()),
    }
}

fn stroke(s: Option<Stroke>) -> String {
    match s {
        None => String::new(),
        Some(s) => format!(
            r#"{} stroke-width="{}""#,
            paint("stroke", Some(s.paint)),
            s.width
        ),
    }
}

/// A rectangle whose left and right corner radii differ, as a path.
fn rounded_path(r: Rect, c: Corners) -> String {
    let limit = r.width().min(r.height()) / 2.0;
    let (a, b) = (c.left.min(limit), c.right.min(limit));
    format!(
        "M {} {} H {} A {b} {b} 0 0 1 {} {} V {} A {b} {b} 0 0 1 {} {} H {} A {a} {a} 0 0 1 {} {} V {} A {a} {a} 0 0 1 {} {} Z",
        r.min.x + a,
        r.min.y,
        r.max.x - b,
        r.max.x,
        r.min.y + b,
        r.max.y - b,
        r.max.x - b,
        r.max.y,
        r.min.x + a,
        r.min.x,
        r.max.y - a,
        r.min.y + a,
        r.min.x + a,
        r.min.y,
    )
}

/// How far below a line's middle its baseline sits, as a fraction of the
/// font size (for `DejaVu Sans`: the middle of the x-height-weighted box).
const BASELINE_DROP: f32 = 0.35;

/// Appends the primitives as SVG elements.
pub fn write_prims(out: &mut String, prims: &[Prim]) {
    for prim in prims {
        let class = prim.part.class();
        let element = match &prim.shape {
            Shape::Rect {
                rect,
                corners,
                fill,
                stroke: s,
            } => rect_element(class, *rect, *corners, *fill, *s),
            Shape::Text {
                at,
                text,
                size,
                bold,
                anchor,
                paint: p,
            } => format!(
                r#"<text class="{class}" x="{}" y="{}" font-size="{size}"{}{}{}>{}</text>"#,
                at.x,
                at.y + size * BASELINE_DROP,
                if *bold { r#" font-weight="bold""# } else { "" },
                if *anchor == Anchor::Middle {
                    r#" text-anchor="middle""#
                } else {
                    ""
                },
                paint("fill", Some(*p)),
                xml(text)
            ),
            Shape::Polygon { points, fill } => format!(
                r#"<polygon class="{class}" points="{}"{}/>"#,
                joined(points, ",", " "),
                paint("fill", Some(*fill))
            ),
            Shape::Circle {
                centre,
                radius,
                fill,
                stroke: s,
            } => format!(
                r#"<circle class="{class}" cx="{}" cy="{}" r="{radius}"{}{}/>"#,
                centre.x,
                centre.y,
                paint("fill", *fill),
                stroke(*s)
            ),
            Shape::Path {
                points,
                stroke: s,
                dashed,
            } => path_element(class, points, *s, *dashed),
        };
        out.push_str(&element);
        out.push('\n');
    }
}

/// Points as `x{within}y`, `between` each pair.
fn joined(points: &[Pos2], within: &str, between: &str) -> String {
    let mut out = String::new();
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            out.push_str(between);
        }
        let _ = write!(out, "{}{within}{}", p.x, p.y);
    }
    out
}

fn rect_element(
    class: &str,
    rect: Rect,
    corners: Corners,
    fill: Option<Paint>,
    s: Option<Stroke>,
) -> String {
    // An outline is drawn inside the rectangle, as on screen.
    let r = rect.shrink(s.map_or(0.0, |s| s.width / 2.0));
    if (corners.left - corners.right).abs() < f32::EPSILON {
        format!(
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" rx="{}"{}{}/>"#,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            corners.left,
            paint("fill", fill),
            stroke(s)
        )
    } else {
        format!(
            r#"<path class="{class}" d="{}"{}{}/>"#,
            rounded_path(r, corners),
            paint("fill", fill),
            stroke(s)
        )
    }
}

fn path_element(class: &str, points: &[Pos2], s: Stroke, dashed: bool) -> String {
    let (dash, gap) = crate::core::scene::DASH;
    format!(
        r#"<path class="{class}" d="M {}" fill="none"{}{}/>"#,
        joined(points, " ", " L "),
        stroke(Some(s)),
        if dashed {
            format!(r#" stroke-dasharray="{dash} {gap}""#)
        } else {
            String::new()
        }
    )
}
