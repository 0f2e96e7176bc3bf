//! A card's responsibility rows: the grade's highlight and marker, the RACI
//! letter in its box, and the wrapped phrase.

use emath::{Pos2, Rect, pos2, vec2};

use super::ink::{Ink, text};
use super::{Anchor, Corners, Marks, Part, Prim, Shape, Stroke};
use crate::core::analysis::Grade;
use crate::core::layout::metrics::{self, LINE_H, PAD, ROW_PREFIX};
use crate::core::model::{Leader, Raci};

/// Width of the marker column; the letter box starts after it.
const MARKER_W: f32 = 14.0;
/// Half size of a marker shape.
const MARKER_S: f32 = 4.0;
/// The RACI letter box.
const LETTER_BOX: (f32, f32) = (15.0, 15.0);

/// Each responsibility: its grade's row and marker, its letter, its text.
pub(super) fn responsibilities(
    out: &mut Vec<Prim>,
    ink: &Ink<'_>,
    rect: Rect,
    top: f32,
    leader: &Leader,
    marks: &Marks,
) {
    let p = ink.palette;
    let mut y = top;
    for assignment in &leader.responsibilities {
        let grade = marks.grade(&assignment.phrase);
        let lines = metrics::phrase_lines(&assignment.phrase, rect.width());
        let row = Rect::from_min_size(
            pos2(rect.left() + PAD, y),
            vec2(rect.width() - 2.0 * PAD, lines.len() as f32 * LINE_H),
        );
        let row_fill = match grade {
            Some(Grade::Conflict) => Some(p.conflict_row),
            Some(Grade::Shared) => Some(p.overlap_row),
            Some(Grade::Gap) => Some(p.gap_row),
            None => None,
        };
        if let Some(fill) = row_fill {
            out.push(Prim {
                part: Part::Row,
                shape: Shape::Rect {
                    rect: row.expand(1.0),
                    corners: Corners::same(3.0),
                    fill: Some(ink.paint(fill)),
                    stroke: None,
                },
            });
        }
        let middle = pos2(row.left() + MARKER_W * 0.4, y + LINE_H / 2.0);
        out.push(marker(ink, middle, grade));
        letter(
            out,
            ink,
            pos2(row.left() + MARKER_W, y + (LINE_H - LETTER_BOX.1) / 2.0),
            assignment.raci,
        );
        let colour = if grade.is_some() { p.text } else { p.weak_text };
        for (i, line) in lines.into_iter().enumerate() {
            out.push(text(
                Part::Phrase,
                pos2(row.left() + ROW_PREFIX, y + (i as f32 + 0.5) * LINE_H),
                line,
                ink.font,
                false,
                ink.paint(colour),
            ));
        }
        y = row.bottom();
    }
}

/// A triangle for a conflict, a diamond for a shared responsibility, a ring
/// for a gap, a dot otherwise: the shape says it, the colour repeats it.
fn marker(ink: &Ink<'_>, at: Pos2, grade: Option<Grade>) -> Prim {
    let (p, s) = (ink.palette, MARKER_S);
    let shape = match grade {
        Some(Grade::Conflict) => Shape::Polygon {
            points: vec![
                at + vec2(0.0, -s * 1.1),
                at + vec2(s * 1.1, s * 0.9),
                at + vec2(-s * 1.1, s * 0.9),
            ],
            fill: ink.paint(p.conflict),
        },
        Some(Grade::Shared) => Shape::Polygon {
            points: vec![
                at + vec2(0.0, -s),
                at + vec2(s, 0.0),
                at + vec2(0.0, s),
                at + vec2(-s, 0.0),
            ],
            fill: ink.paint(p.overlap),
        },
        Some(Grade::Gap) => Shape::Circle {
            centre: at,
            radius: s * 0.9,
            fill: None,
            stroke: Some(Stroke {
                width: 1.5,
                paint: ink.paint(p.gap),
            }),
        },
        None => Shape::Circle {
            centre: at,
            radius: 2.0,
            fill: Some(ink.paint(p.weak_text)),
            stroke: None,
        },
    };
    Prim {
        part: Part::Marker(grade),
        shape,
    }
}

/// The RACI letter in its box; an accountable letter is stronger.
fn letter(out: &mut Vec<Prim>, ink: &Ink<'_>, min: Pos2, raci: Raci) {
    let p = ink.palette;
    let rect = Rect::from_min_size(min, vec2(LETTER_BOX.0, LETTER_BOX.1));
    out.push(Prim {
        part: Part::Letter,
        shape: Shape::Rect {
            rect,
            corners: Corners::same(2.0),
            fill: None,
            stroke: Some(Stroke {
                width: 1.0,
                paint: ink.paint(p.weak_text),
            }),
        },
    });
    let accountable = raci == Raci::Accountable;
    out.push(Prim {
        part: Part::Letter,
        shape: Shape::Text {
            at: rect.center(),
            text: raci.letter().to_owned(),
            size: ink.font * super::SMALLEST_TEXT,
            bold: accountable,
            anchor: Anchor::Middle,
            paint: ink.paint(if accountable { p.text } else { p.weak_text }),
        },
    });
}
