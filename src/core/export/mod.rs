//! Pictures of a model for the board pack: SVG (here), PNG and the PDF board
//! pack (through it), built from the same layout,
//! palette and findings as the screen. Text stays text, dotted lines are
//! dashed, overlap markers keep their shapes, and nothing is ever cropped:
//! the picture is the layout's bounds plus a margin.

mod pack;
mod raster;

use std::collections::HashMap;
use std::fmt::Write;

pub use self::pack::{FINDINGS_PT, PackPage, board_pack, pack_pages};
pub use self::raster::{MAX_PIXELS, RenderError, png};

use emath::{Pos2, Rect, pos2, vec2};

use super::analysis::{Finding, Grade, findings, phrase_key};
use super::layout::{self, metrics};
use super::model::{Leader, LineKind, Raci};
use super::text::visible;
use super::theme::{Palette, Rgb};
use super::workspace::Model;

/// Space around the chart, in chart units.
const MARGIN: f32 = 32.0;
/// Room at the top for the model's title.
const TITLE_H: f32 = 44.0;
/// Body text size (the metrics are for this size).
const FONT: f32 = 13.0;

/// Escapes text for XML, after making control and bidirectional characters
/// visible (XML cannot hold most control characters at all).
fn xml(text: &str) -> String {
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

fn fill(c: Rgb) -> String {
    c.hex()
}

/// Writes into the SVG string; writing to a String cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        let _ = writeln!($out, $($arg)*);
    };
}

/// The model as an SVG document in the given palette.
pub fn svg(model: &Model, palette: &Palette) -> String {
    let chart = &model.chart;
    let layout = layout::layout(&layout::request_for(chart));
    let found = findings(chart);
    let grades: HashMap<&str, Grade> = found.iter().map(|f| (f.key.as_str(), f.grade)).collect();
    let bounds = if layout.bounds.is_positive() {
        layout.bounds
    } else {
        Rect::from_min_size(Pos2::ZERO, vec2(200.0, 80.0))
    };
    // Badges stick out above cards; the title sits above everything.
    let frame = Rect::from_min_max(
        bounds.min - vec2(MARGIN, MARGIN + TITLE_H),
        bounds.max + vec2(MARGIN, MARGIN),
    );
    let mut out = String::new();
    put!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}" font-family="DejaVu Sans, Ubuntu, Arial, sans-serif">"#,
        x = frame.min.x,
        y = frame.min.y,
        w = frame.width(),
        h = frame.height()
    );
    put!(out, "<title>{}</title>", xml(&model.title));
    put!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
        frame.min.x,
        frame.min.y,
        frame.width(),
        frame.height(),
        fill(palette.background)
    );
    put!(
        out,
        r#"<text class="model-title" x="{}" y="{}" font-size="20" font-weight="bold" fill="{}">{}</text>"#,
        bounds.min.x,
        bounds.min.y - MARGIN,
        fill(palette.text),
        xml(&model.title)
    );
    put!(
        out,
        r#"<g class="lines" fill="none" stroke-width="{}">"#,
        palette.line_width
    );
    for edge in &layout.edges {
        let points: Vec<String> = edge
            .points
            .iter()
            .map(|p| format!("{} {}", p.x, p.y))
            .collect();
        let (colour, dash) = match edge.kind {
            LineKind::Direct => (palette.direct_line, ""),
            LineKind::Dotted => (palette.dotted_line, r#" stroke-dasharray="8 6""#),
        };
        put!(
            out,
            r#"<path d="M {}" stroke="{}"{dash}/>"#,
            points.join(" L "),
            fill(colour)
        );
    }
    put!(out, "</g>");
    let leaders: Vec<&Leader> = chart.leaders().collect();
    for (leader, rect) in leaders.iter().zip(&layout.rects) {
        card(&mut out, palette, leader, *rect, &found, &grades);
    }
    put!(out, "</svg>");
    out
}

fn card(
    out: &mut String,
    p: &Palette,
    leader: &Leader,
    r: Rect,
    found: &[Finding],
    grades: &HashMap<&str, Grade>,
) {
    let role = p.role(leader.role);
    put!(
        out,
        r#"<g class="card" id="leader-{}">"#,
        xml(leader.id.as_str())
    );
    put!(
        out,
        r#"<rect class="card-box" x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}" stroke-width="{}"/>"#,
        r.min.x,
        r.min.y,
        r.width(),
        r.height(),
        fill(p.card),
        fill(p.card_outline),
        p.card_outline_width
    );
    put!(
        out,
        r#"<rect x="{}" y="{}" width="5" height="{}" fill="{}"/>"#,
        r.min.x,
        r.min.y,
        r.height(),
        fill(role)
    );
    let pad = metrics::PAD;
    let badge_w = leader.role.badge().chars().count() as f32 * 7.0 + 10.0;
    put!(
        out,
        r#"<rect x="{}" y="{}" width="{badge_w}" height="18" rx="4" fill="{}"/>"#,
        r.min.x + pad,
        r.min.y + pad,
        fill(role)
    );
    put!(
        out,
        r#"<text x="{}" y="{}" font-size="10.5" font-weight="bold" fill="{}">{}</text>"#,
        r.min.x + pad + 5.0,
        r.min.y + pad + 13.0,
        fill(p.badge_text),
        xml(leader.role.badge())
    );
    put!(
        out,
        r#"<text class="name" x="{}" y="{}" font-size="15" font-weight="bold" fill="{}">{}</text>"#,
        r.min.x + pad + badge_w + 6.0,
        r.min.y + pad + 14.0,
        fill(p.text),
        xml(&leader.name)
    );
    let mut y = r.min.y + pad + metrics::HEADER_H;
    for line in metrics::title_lines(&leader.title, r.width()) {
        y += metrics::LINE_H;
        put!(
            out,
            r#"<text x="{}" y="{}" font-size="11.5" fill="{}">{}</text>"#,
            r.min.x + pad,
            y - 4.0,
            fill(p.weak_text),
            xml(&line)
        );
    }
    responsibility_rows(out, p, leader, r, y, grades);
    badges(out, p, leader, r, found);
    put!(out, "</g>");
}

/// Each responsibility: its grade's row and marker, its letter, its text.
fn responsibility_rows(
    out: &mut String,
    p: &Palette,
    leader: &Leader,
    r: Rect,
    top_y: f32,
    grades: &HashMap<&str, Grade>,
) {
    let pad = metrics::PAD;
    let mut y = top_y;
    for assignment in &leader.responsibilities {
        let grade = grades.get(phrase_key(&assignment.phrase).as_str()).copied();
        let lines = metrics::phrase_lines(&assignment.phrase, r.width());
        let top = y + 2.0;
        let row_h = lines.len() as f32 * metrics::LINE_H;
        if let Some(row_fill) = match grade {
            Some(Grade::Conflict) => Some(p.conflict_row),
            Some(Grade::Shared) => Some(p.overlap_row),
            Some(Grade::Gap) => Some(p.gap_row),
            None => None,
        } {
            put!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>"#,
                r.min.x + pad - 2.0,
                top,
                r.width() - 2.0 * pad + 4.0,
                row_h,
                fill(row_fill)
            );
        }
        let middle = top + metrics::LINE_H / 2.0;
        marker(out, p, pos2(r.min.x + pad + 5.0, middle), grade);
        letter(
            out,
            p,
            pos2(r.min.x + pad + 14.0, top + 2.0),
            assignment.raci,
        );
        for (i, line) in lines.iter().enumerate() {
            put!(
                out,
                r#"<text x="{}" y="{}" font-size="{FONT}" fill="{}">{}</text>"#,
                r.min.x + pad + metrics::ROW_PREFIX,
                top + (i + 1) as f32 * metrics::LINE_H - 4.0,
                fill(if grade.is_some() { p.text } else { p.weak_text }),
                xml(line)
            );
        }
        y += row_h;
    }
}

/// A triangle for a conflict, a diamond for a shared responsibility, a ring
/// for a gap, a dot otherwise: the shape says it, the colour repeats it.
fn marker(out: &mut String, p: &Palette, at: Pos2, grade: Option<Grade>) {
    let (x, y) = (at.x, at.y);
    match grade {
        Some(Grade::Conflict) => {
            put!(
                out,
                r#"<polygon class="marker-conflict" points="{},{} {},{} {},{}" fill="{}"/>"#,
                x,
                y - 5.0,
                x + 5.0,
                y + 4.0,
                x - 5.0,
                y + 4.0,
                fill(p.conflict)
            );
        }
        Some(Grade::Shared) => {
            put!(
                out,
                r#"<polygon class="marker-shared" points="{},{} {},{} {},{} {},{}" fill="{}"/>"#,
                x,
                y - 4.5,
                x + 4.5,
                y,
                x,
                y + 4.5,
                x - 4.5,
                y,
                fill(p.overlap)
            );
        }
        Some(Grade::Gap) => {
            put!(
                out,
                r#"<circle class="marker-gap" cx="{x}" cy="{y}" r="3.8" fill="none" stroke="{}" stroke-width="1.5"/>"#,
                fill(p.gap)
            );
        }
        None => {
            put!(
                out,
                r#"<circle cx="{x}" cy="{y}" r="2" fill="{}"/>"#,
                fill(p.weak_text)
            );
        }
    }
}

fn letter(out: &mut String, p: &Palette, at: Pos2, raci: Raci) {
    put!(
        out,
        r#"<rect x="{}" y="{}" width="14" height="13" rx="2" fill="none" stroke="{}"/>"#,
        at.x,
        at.y,
        fill(p.weak_text)
    );
    put!(
        out,
        r#"<text x="{}" y="{}" font-size="10.5" text-anchor="middle" fill="{}">{}</text>"#,
        at.x + 7.0,
        at.y + 10.5,
        fill(p.text),
        raci.letter()
    );
}

/// "N shared" and "N conflicts" on the card's top edge, as on screen.
fn badges(out: &mut String, p: &Palette, leader: &Leader, r: Rect, found: &[Finding]) {
    let held: Vec<&Finding> = found
        .iter()
        .filter(|f| f.holders.len() > 1 && f.held_by(&leader.id))
        .collect();
    let conflicts = held.iter().filter(|f| f.grade == Grade::Conflict).count();
    let conflict_word = if conflicts == 1 {
        "conflict"
    } else {
        "conflicts"
    };
    let mut right = r.max.x - 14.0;
    for (count, word, colour) in [
        (conflicts, conflict_word, p.conflict),
        (held.len(), "shared", p.overlap),
    ] {
        if count == 0 {
            continue;
        }
        let text = format!("{count} {word}");
        let w = text.chars().count() as f32 * 6.2 + 12.0;
        put!(
            out,
            r#"<rect x="{}" y="{}" width="{w}" height="16" rx="8" fill="{}"/>"#,
            right - w,
            r.min.y - 8.0,
            fill(colour)
        );
        put!(
            out,
            r#"<text x="{}" y="{}" font-size="10.5" fill="{}">{text}</text>"#,
            right - w + 6.0,
            r.min.y + 4.0,
            fill(p.badge_text)
        );
        right -= w + 4.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::presets;

    #[test]
    fn text_is_escaped_and_steering_characters_shown() {
        assert_eq!(
            xml("R&D <ops> \"x\" 'y'"),
            "R&amp;D &lt;ops&gt; &quot;x&quot; &apos;y&apos;"
        );
        assert_eq!(xml("a\u{202E}b"), "a[U+202E]b");
    }

    #[test]
    fn every_leader_and_line_is_drawn() {
        let model = presets::model("cdio").unwrap();
        let out = svg(&model, &Palette::light());
        for leader in model.chart.leaders() {
            assert!(
                out.contains(&format!(">{}</text>", xml(&leader.name))),
                "{}",
                leader.name
            );
        }
        assert_eq!(out.matches("<path ").count(), model.chart.lines().len());
        assert_eq!(
            out.matches("stroke-dasharray").count(),
            1,
            "the one dotted line is dashed"
        );
        assert_eq!(
            out.matches("marker-shared").count(),
            2,
            "digital transformation on two cards"
        );
    }
}
