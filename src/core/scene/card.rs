//! A card's primitives: box, role stripe and badge, name, title, one row
//! per responsibility (grade highlight, marker, RACI letter, text), and the
//! count and change badges. Every card constant is here.

use emath::{Pos2, Rect, pos2, vec2};

use super::{Anchor, Corners, Detail, Marks, Paint, Part, Prim, Shape, Stroke};
use crate::core::analysis::Grade;
use crate::core::layout::metrics::{
    self, HEADER_H, LINE_H, NAME_LINE_H, PAD, ROW_PREFIX, text_width,
};
use crate::core::model::{Leader, LeaderId, Raci};
use crate::core::theme::Palette;

/// Corner radius of a card.
const CARD_RADIUS: f32 = 6.0;
/// Width of the role stripe.
const STRIPE_W: f32 = 5.0;
/// How far the selection outline stands off the card.
const OUTLINE_GAP: f32 = 2.0;
/// Width of the selection and drop-target outline.
const OUTLINE_W: f32 = 3.0;
/// Text sizes, as fractions of the palette's card font.
const ROLE_SIZE: f32 = 0.8;
const NAME_SIZE: f32 = metrics::NAME_SIZE / 13.0;
const TITLE_SIZE: f32 = 0.9;
const BADGE_SIZE: f32 = 0.8;
const CHANGE_SIZE: f32 = 0.85;
/// Padding inside a badge: horizontal, vertical.
const BADGE_PAD: (f32, f32) = (5.0, 2.0);
/// Space between the role badge and the name.
const NAME_GAP: f32 = 6.0;
/// Where count badges end on the top edge, from the card's right.
const COUNT_INSET: f32 = 14.0;
/// Space between badges.
const BADGE_GAP: f32 = 4.0;
/// Width of the marker column; the letter box starts after it.
const MARKER_W: f32 = 14.0;
/// Half size of a marker shape.
const MARKER_S: f32 = 4.0;
/// The RACI letter box.
const LETTER_BOX: (f32, f32) = (14.0, 13.0);

/// How one card is shown, beyond what the leader and the marks say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardState<'a> {
    /// The card is selected.
    pub selected: bool,
    /// A drag would land on this card.
    pub drop_target: bool,
    /// The card is outside a spotlight.
    pub dimmed: bool,
    /// Change badges under the card (compare view).
    pub labels: &'a [String],
}

/// The primitives of one card at `rect`, appended to `out`.
pub fn card(
    out: &mut Vec<Prim>,
    leader: &Leader,
    rect: Rect,
    marks: &Marks,
    palette: &Palette,
    state: &CardState<'_>,
    detail: Detail,
) {
    let opacity = if state.dimmed { palette.dim } else { 1.0 };
    frame(out, leader, rect, palette, state, opacity);
    if detail == Detail::Blocks {
        return;
    }
    let ink = Ink {
        palette,
        opacity,
        font: palette.card_font,
    };
    count_badges(out, &ink, rect, marks, &leader.id);
    change_badges(out, &ink, rect, state.labels);
    let top = header(out, &ink, rect, leader);
    responsibilities(out, &ink, rect, top, leader, marks);
}

/// The card's box, its role stripe and, if any, its outline.
fn frame(
    out: &mut Vec<Prim>,
    leader: &Leader,
    rect: Rect,
    palette: &Palette,
    state: &CardState<'_>,
    opacity: f32,
) {
    let fade = |rgb| Paint::solid(rgb).faded(opacity);
    let role = palette.role(leader.role);
    out.push(Prim {
        part: Part::CardBox,
        shape: Shape::Rect {
            rect,
            corners: Corners::same(CARD_RADIUS),
            fill: Some(fade(palette.card)),
            stroke: Some(Stroke {
                width: palette.card_outline_width,
                paint: Paint::solid(palette.card_outline),
            }),
        },
    });
    out.push(Prim {
        part: Part::Stripe,
        shape: Shape::Rect {
            rect: Rect::from_min_max(rect.min, pos2(rect.min.x + STRIPE_W, rect.max.y)),
            corners: Corners {
                left: CARD_RADIUS,
                right: 0.0,
            },
            fill: Some(fade(role)),
            stroke: None,
        },
    });
    let outline = if state.drop_target {
        Some(palette.drop_target)
    } else if state.selected {
        Some(palette.selection)
    } else {
        None
    };
    if let Some(colour) = outline {
        out.push(Prim {
            part: Part::Outline,
            shape: Shape::Rect {
                rect: rect.expand(OUTLINE_GAP + OUTLINE_W),
                corners: Corners::same(CARD_RADIUS + OUTLINE_GAP + OUTLINE_W),
                fill: None,
                stroke: Some(Stroke {
                    width: OUTLINE_W,
                    paint: Paint::solid(colour),
                }),
            },
        });
    }
}

/// The palette, the fade and the font size a card is drawn with.
struct Ink<'a> {
    palette: &'a Palette,
    opacity: f32,
    font: f32,
}

impl Ink<'_> {
    fn paint(&self, rgb: crate::core::theme::Rgb) -> Paint {
        Paint::solid(rgb).faded(self.opacity)
    }
}

fn text(part: Part, at: Pos2, text: String, size: f32, bold: bool, paint: Paint) -> Prim {
    Prim {
        part,
        shape: Shape::Text {
            at,
            text,
            size,
            bold,
            anchor: Anchor::Start,
            paint,
        },
    }
}

/// A badge: a filled rounded box at `min` around one line of text.
fn badge(
    part: Part,
    min: Pos2,
    label: String,
    size: f32,
    bold: bool,
    fill: Paint,
    ink: Paint,
) -> [Prim; 2] {
    let box_size = badge_size(&label, size, bold);
    let rect = Rect::from_min_size(min, box_size);
    [
        Prim {
            part,
            shape: Shape::Rect {
                rect,
                corners: Corners::same(box_size.y / 2.0),
                fill: Some(fill),
                stroke: None,
            },
        },
        text(
            part,
            pos2(rect.min.x + BADGE_PAD.0, rect.center().y),
            label,
            size,
            bold,
            ink,
        ),
    ]
}

fn badge_size(label: &str, size: f32, bold: bool) -> emath::Vec2 {
    vec2(
        text_width(label, size, bold) + 2.0 * BADGE_PAD.0,
        size * 1.2 + 2.0 * BADGE_PAD.1,
    )
}

/// "N conflicts" and "N shared" on the card's top edge, right-aligned:
/// words and counts, not colour alone.
fn count_badges(out: &mut Vec<Prim>, ink: &Ink<'_>, rect: Rect, marks: &Marks, id: &LeaderId) {
    let (shared, conflicts) = (marks.shared(id), marks.conflicts(id));
    let conflict_word = if conflicts == 1 {
        "conflict"
    } else {
        "conflicts"
    };
    let size = ink.font * BADGE_SIZE;
    let mut right = rect.right() - COUNT_INSET;
    for (count, word, fill) in [
        (conflicts, conflict_word, ink.palette.conflict),
        (shared, "shared", ink.palette.overlap),
    ] {
        if count == 0 {
            continue;
        }
        let label = format!("{count} {word}");
        let box_size = badge_size(&label, size, false);
        let min = pos2(right - box_size.x, rect.top() - box_size.y / 2.0);
        out.extend(badge(
            Part::CountBadge,
            min,
            label,
            size,
            false,
            ink.paint(fill),
            ink.paint(ink.palette.badge_text),
        ));
        right = min.x - BADGE_GAP;
    }
}

/// Change badges just under the card, clear of its text, left-aligned.
fn change_badges(out: &mut Vec<Prim>, ink: &Ink<'_>, rect: Rect, labels: &[String]) {
    let size = ink.font * CHANGE_SIZE;
    let mut left = rect.left() + COUNT_INSET;
    for label in labels {
        let width = badge_size(label, size, false).x;
        out.extend(badge(
            Part::ChangeBadge,
            pos2(left, rect.bottom() + 3.0),
            label.clone(),
            size,
            false,
            ink.paint(ink.palette.change),
            ink.paint(ink.palette.badge_text),
        ));
        left += width + BADGE_GAP;
    }
}

/// Role badge, name (one line, shortened to fit) and title lines; returns
/// where the responsibilities start.
fn header(out: &mut Vec<Prim>, ink: &Ink<'_>, rect: Rect, leader: &Leader) -> f32 {
    let origin = rect.min + vec2(PAD, PAD);
    let role_size = ink.font * ROLE_SIZE;
    let role_badge = leader.role.badge();
    let badge_w = badge_size(role_badge, role_size, true).x;
    let badge_rect = Rect::from_min_size(origin, vec2(badge_w, HEADER_H - 8.0));
    out.push(Prim {
        part: Part::RoleBadge,
        shape: Shape::Rect {
            rect: badge_rect,
            corners: Corners::same(4.0),
            fill: Some(ink.paint(ink.palette.role(leader.role))),
            stroke: None,
        },
    });
    out.push(text(
        Part::RoleBadge,
        pos2(badge_rect.min.x + BADGE_PAD.0, badge_rect.center().y),
        role_badge.to_owned(),
        role_size,
        true,
        ink.paint(ink.palette.badge_text),
    ));
    let name_x = badge_rect.right() + NAME_GAP;
    let mut y = origin.y + HEADER_H;
    for (i, line) in metrics::name_lines(&leader.name, rect.width())
        .into_iter()
        .enumerate()
    {
        let (x, middle) = if i == 0 {
            (name_x, badge_rect.center().y)
        } else {
            (origin.x, y + NAME_LINE_H / 2.0 - 2.0)
        };
        out.push(text(
            Part::Name,
            pos2(x, middle),
            line,
            ink.font * NAME_SIZE,
            true,
            ink.paint(ink.palette.text),
        ));
        if i > 0 {
            y += NAME_LINE_H;
        }
    }
    for line in metrics::title_lines(&leader.title, rect.width()) {
        out.push(text(
            Part::Title,
            pos2(origin.x, y + LINE_H / 2.0),
            line,
            ink.font * TITLE_SIZE,
            false,
            ink.paint(ink.palette.weak_text),
        ));
        y += LINE_H;
    }
    y
}

/// Each responsibility: its grade's row and marker, its letter, its text.
fn responsibilities(
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
            pos2(row.left() + MARKER_W, y + 2.0),
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
            size: ink.font * if accountable { 0.8 } else { 0.75 },
            bold: accountable,
            anchor: Anchor::Middle,
            paint: ink.paint(if accountable { p.text } else { p.weak_text }),
        },
    });
}
