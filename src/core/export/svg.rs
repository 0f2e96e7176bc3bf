//! The SVG backend of the scene: each primitive becomes one element, with
//! its part as the class. Text stays text.

use std::fmt::{self, Write};

use emath::{Pos2, Rect};

use crate::core::draw::{Anchor, Corners, Paint, Prim, Shape, Stroke};
use crate::core::text::visible;
use crate::core::theme::Rgb;

/// Escapes text for XML, after making control and bidirectional characters
/// visible (XML cannot hold most control characters at all).
pub fn xml(text: &str) -> String {
    Xml(text).to_string()
}

/// Text escaped for XML as it is written (no copy), after making control
/// and bidirectional characters visible.
struct Xml<'a>(&'a str);

impl fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = visible(self.0);
        if !text.contains(['&', '<', '>', '"', '\'']) {
            // Most names and titles: written whole.
            return f.write_str(&text);
        }
        for c in text.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&apos;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// A coordinate or length to a tenth of a unit (a tenth of a point at 100%,
/// finer than any pixel the picture is drawn at), written as an integer
/// pair: much faster than shortest-float formatting, and a smaller file.
#[derive(Clone, Copy)]
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (f64::from(self.0) * 10.0).round() as i64;
        if tenths < 0 {
            f.write_char('-')?;
        }
        let tenths = tenths.unsigned_abs();
        // Digits by hand into a small buffer, written once: the formatting
        // machinery is most of the time of a big export otherwise.
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let tenth = tenths % 10;
        if tenth != 0 {
            at -= 2;
            buf[at] = b'.';
            buf[at + 1] = b'0' + tenth as u8;
        }
        let mut whole = tenths / 10;
        loop {
            at -= 1;
            buf[at] = b'0' + (whole % 10) as u8;
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        // Only ASCII digits and a dot were written.
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or("0"))
    }
}

/// `#rrggbb`, written in place.
struct Hex(Rgb);

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut buf = [b'#'; 7];
        for (i, byte) in [self.0.0, self.0.1, self.0.2].into_iter().enumerate() {
            buf[1 + 2 * i] = DIGITS[usize::from(byte >> 4)];
            buf[2 + 2 * i] = DIGITS[usize::from(byte & 0xf)];
        }
        f.write_str(std::str::from_utf8(&buf).unwrap_or("#000000"))
    }
}

/// ` fill="#rrggbb"` (and its opacity when not opaque) for an attribute.
struct PaintAttr(&'static str, Option<Paint>);

impl fmt::Display for PaintAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attr = self.0;
        match self.1 {
            None => write!(f, r#" {attr}="none""#),
            Some(p) if p.opacity < 1.0 => write!(
                f,
                r#" {attr}="{}" {attr}-opacity="{}""#,
                Hex(p.rgb),
                p.opacity
            ),
            Some(p) => write!(f, r#" {attr}="{}""#, Hex(p.rgb)),
        }
    }
}

fn paint(attr: &'static str, p: Option<Paint>) -> PaintAttr {
    PaintAttr(attr, p)
}

/// ` stroke="..." stroke-width="..."`, or nothing.
struct StrokeAttr(Option<Stroke>);

impl fmt::Display for StrokeAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => Ok(()),
            Some(s) => write!(
                f,
                r#"{} stroke-width="{}""#,
                paint("stroke", Some(s.paint)),
                N(s.width)
            ),
        }
    }
}

fn stroke(s: Option<Stroke>) -> StrokeAttr {
    StrokeAttr(s)
}

/// A rectangle whose left and right corner radii differ, as a path.
fn rounded_path(r: Rect, c: Corners) -> String {
    let limit = r.width().min(r.height()) / 2.0;
    let (a, b) = (c.left.min(limit), c.right.min(limit));
    let (na, nb) = (N(a), N(b));
    format!(
        "M {} {} H {} A {nb} {nb} 0 0 1 {} {} V {} A {nb} {nb} 0 0 1 {} {} H {} A {na} {na} 0 0 1 {} {} V {} A {na} {na} 0 0 1 {} {} Z",
        N(r.min.x + a),
        N(r.min.y),
        N(r.max.x - b),
        N(r.max.x),
        N(r.min.y + b),
        N(r.max.y - b),
        N(r.max.x - b),
        N(r.max.y),
        N(r.min.x + a),
        N(r.min.x),
        N(r.max.y - a),
        N(r.min.y + a),
        N(r.min.x + a),
        N(r.min.y),
    )
}

/// How far below a line's middle its baseline sits, as a fraction of the
/// font size (for `DejaVu Sans`: the middle of the x-height-weighted box).
const BASELINE_DROP: f32 = 0.35;

/// The fonts an exported picture asks for; the first one found is used.
pub const FONT_FAMILY: &str = "DejaVu Sans, Ubuntu, Arial, sans-serif";

/// A whole SVG document: `view` (user units) is also its size, the
/// background fills it, `title` names it for screen readers, then `body`.
/// Every picture, page and slide Chartroom writes starts here.
pub fn document(view: Rect, background: Rgb, title: Option<&str>, body: &str) -> String {
    let (x, y, w, h) = (view.min.x, view.min.y, view.width(), view.height());
    let mut out = String::with_capacity(body.len() + 400);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}" font-family="{FONT_FAMILY}">"#
    );
    if let Some(title) = title {
        let _ = write!(out, "<title>{}</title>", Xml(title));
    }
    let _ = write!(
        out,
        r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{}"/>"#,
        background.hex()
    );
    out.push_str(body);
    out.push_str("</svg>");
    out
}

/// Appends the primitives as SVG elements, written in place.
pub fn write_prims(out: &mut String, prims: &[Prim]) {
    out.reserve(prims.len() * 120);
    for prim in prims {
        // Writing to a String cannot fail.
        let _ = write_prim(out, prim.part.class(), &prim.shape);
        out.push('\n');
    }
}

fn write_prim(out: &mut String, class: &str, shape: &Shape) -> fmt::Result {
    match shape {
        Shape::Rect {
            rect,
            corners,
            fill,
            stroke: s,
        } => rect_element(out, class, *rect, *corners, *fill, *s),
        Shape::Text {
            at,
            text,
            size,
            bold,
            anchor,
            paint: p,
        } => write!(
            out,
            r#"<text class="{class}" x="{}" y="{}" font-size="{}"{}{}{}>{}</text>"#,
            N(at.x),
            N(at.y + size * BASELINE_DROP),
            N(*size),
            if *bold { r#" font-weight="bold""# } else { "" },
            if *anchor == Anchor::Middle {
                r#" text-anchor="middle""#
            } else {
                ""
            },
            paint("fill", Some(*p)),
            Xml(text)
        ),
        Shape::Polygon { points, fill } => write!(
            out,
            r#"<polygon class="{class}" points="{}"{}/>"#,
            Points(points, ",", " "),
            paint("fill", Some(*fill))
        ),
        Shape::Circle {
            centre,
            radius,
            fill,
            stroke: s,
        } => write!(
            out,
            r#"<circle class="{class}" cx="{}" cy="{}" r="{}"{}{}/>"#,
            N(centre.x),
            N(centre.y),
            N(*radius),
            paint("fill", *fill),
            stroke(*s)
        ),
        Shape::Path {
            points,
            stroke: s,
            dashed,
        } => path_element(out, class, points, *s, *dashed),
    }
}

fn path_element(
    out: &mut String,
    class: &str,
    points: &[Pos2],
    s: Stroke,
    dashed: bool,
) -> fmt::Result {
    let (dash, gap) = crate::core::draw::DASH;
    write!(
        out,
        r#"<path class="{class}" d="M {}" fill="none"{}"#,
        Points(points, " ", " L "),
        stroke(Some(s))
    )?;
    if dashed {
        write!(out, r#" stroke-dasharray="{dash} {gap}""#)?;
    }
    out.write_str("/>")
}

/// Points as `x{within}y`, `between` each pair, written in place.
struct Points<'a>(&'a [Pos2], &'static str, &'static str);

impl fmt::Display for Points<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(self.2)?;
            }
            write!(f, "{}{}{}", N(p.x), self.1, N(p.y))?;
        }
        Ok(())
    }
}

fn rect_element(
    out: &mut String,
    class: &str,
    rect: Rect,
    corners: Corners,
    fill: Option<Paint>,
    s: Option<Stroke>,
) -> fmt::Result {
    // An outline is drawn inside the rectangle, as on screen.
    let r = rect.shrink(s.map_or(0.0, |s| s.width / 2.0));
    if (corners.left - corners.right).abs() < f32::EPSILON {
        write!(
            out,
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" rx="{}"{}{}/>"#,
            N(r.min.x),
            N(r.min.y),
            N(r.width()),
            N(r.height()),
            N(corners.left),
            paint("fill", fill),
            stroke(s)
        )
    } else {
        write!(
            out,
            r#"<path class="{class}" d="{}"{}{}/>"#,
            rounded_path(r, corners),
            paint("fill", fill),
            stroke(s)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{Hex, N, xml};
    use crate::core::theme::Rgb;

    #[test]
    fn colours_and_text_are_written_by_hand_as_before() {
        assert_eq!(Hex(Rgb(0x46, 0x4c, 0x58)).to_string(), "#464c58");
        assert_eq!(Hex(Rgb(0, 255, 10)).to_string(), "#00ff0a");
        assert_eq!(xml("Ben Okafor"), "Ben Okafor");
        assert_eq!(
            xml(r#"R&D <"core"> 'ops'"#),
            "R&amp;D &lt;&quot;core&quot;&gt; &apos;ops&apos;"
        );
    }

    #[test]
    fn coordinates_are_written_to_a_tenth() {
        let n = |v: f32| N(v).to_string();
        assert_eq!(n(12.0), "12");
        assert_eq!(n(-81.27), "-81.3");
        assert_eq!(n(-0.34), "-0.3");
        assert_eq!(n(0.04), "0");
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(1234.96), "1235");
        assert_eq!(n(7.05), "7.1");
    }
}
