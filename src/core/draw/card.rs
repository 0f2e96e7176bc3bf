//! A card's primitives: box, role stripe and badge, name, title, one row
//! per responsibility (grade highlight, marker, RACI letter, text), and the
//! count and change badges. Every card constant is here.

use emath::{Pos2, Rect, pos2, vec2};

use super::ink::{Ink, text};
use super::{Anchor, Corners, Detail, Marks, Paint, Part, Prim, Shape, Stroke};
use crate::core::headcount::Headcount;
use crate::core::layout::metrics::{self, HEADER_H, LINE_H, NAME_LINE_H, PAD, PAD_Y, text_width};
use crate::core::model::{Assignment, Leader, Role};
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
const ROLE_SIZE: f32 = 0.9;
const NAME_SIZE: f32 = metrics::NAME_SIZE / 13.0;
const TITLE_SIZE: f32 = 0.9;
const BADGE_SIZE: f32 = 0.9;
const CHANGE_SIZE: f32 = 0.9;
/// Padding inside a badge: horizontal, vertical.
const BADGE_PAD: (f32, f32) = (5.0, 2.0);
/// Space between the role badge and the name.
const NAME_GAP: f32 = 6.0;
/// Where count badges end on the top edge, from the card's right.
const COUNT_INSET: f32 = 14.0;
/// Space between badges.
const BADGE_GAP: f32 = 4.0;

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
    /// The fold control, for a leader with reports.
    pub fold: Option<Fold>,
}

/// The fold control of a leader with reports: collapsed, with how many
/// people are folded away, or expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Reports shown; the control folds them away.
    Expanded,
    /// Folded away: this many people in all.
    Collapsed(usize),
}

impl Fold {
    /// What the control says: "+1,234" when collapsed, "−" when expanded.
    pub fn label(self) -> String {
        match self {
            Self::Expanded => "\u{2212}".to_owned(),
            Self::Collapsed(n) => format!("+{}", crate::core::wording::thousands(n)),
        }
    }
}

/// The fold control a card always shows: "+N" when its leader is collapsed
/// and has people under them. (The "−" of an expanded card is shown only
/// where the pointer or the selection is: the canvas asks for it.)
pub fn fold_of(leader: &Leader, headcount: &Headcount) -> Option<Fold> {
    let under = headcount.under(&leader.id);
    (leader.collapsed && under > 0).then_some(Fold::Collapsed(under))
}

/// Where a card's fold control sits: a pill on its bottom edge, at the
/// right (clear of the connector handle in the middle).
pub fn fold_rect(card: Rect, fold: Fold, font: f32) -> Rect {
    let size = badge_size(&fold.label(), font * BADGE_SIZE, true);
    let size = vec2(size.x.max(size.y * 1.4), size.y);
    Rect::from_min_size(
        pos2(
            card.right() - COUNT_INSET - size.x,
            card.bottom() - size.y / 2.0,
        ),
        size,
    )
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
    count_badges(out, &ink, rect, marks, &leader.responsibilities);
    change_badges(out, &ink, rect, state.labels);
    if let Some(fold) = state.fold {
        fold_control(out, &ink, rect, fold);
    }
    let top = header(out, &ink, rect, leader);
    super::duties::responsibilities(out, &ink, rect, top, leader, marks);
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
    let outline = Stroke {
        width: palette.card_outline_width,
        paint: Paint::solid(palette.card_outline),
    };
    out.push(Prim {
        part: Part::CardBox,
        shape: Shape::Rect {
            rect,
            corners: Corners::same(CARD_RADIUS),
            fill: Some(fade(palette.card)),
            stroke: (!leader.open).then_some(outline),
        },
    });
    if leader.open {
        out.push(open_edge(rect, outline));
    }
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

/// An open position's edge: the box's outline dashed, as a vacancy is
/// drawn on paper.
fn open_edge(rect: Rect, outline: Stroke) -> Prim {
    let (a, b) = (rect.min, rect.max);
    Prim {
        part: Part::CardBox,
        shape: Shape::Path {
            points: vec![a, pos2(b.x, a.y), b, pos2(a.x, b.y), a],
            stroke: Stroke {
                width: outline.width.max(1.5),
                ..outline
            },
            dashed: true,
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
fn count_badges(
    out: &mut Vec<Prim>,
    ink: &Ink<'_>,
    rect: Rect,
    marks: &Marks,
    held: &[Assignment],
) {
    let (shared, conflicts) = marks.counts(held);
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

/// The fold control: "+N" on a collapsed card, "−" on an expanded one.
fn fold_control(out: &mut Vec<Prim>, ink: &Ink<'_>, rect: Rect, fold: Fold) {
    let at = fold_rect(rect, fold, ink.font);
    let fill = match fold {
        Fold::Collapsed(_) => ink.palette.direct_line,
        Fold::Expanded => ink.palette.weak_text,
    };
    out.push(Prim {
        part: Part::Fold,
        shape: Shape::Rect {
            rect: at,
            corners: Corners::same(at.height() / 2.0),
            fill: Some(ink.paint(fill)),
            stroke: None,
        },
    });
    out.push(Prim {
        part: Part::Fold,
        shape: Shape::Text {
            at: at.center(),
            text: fold.label(),
            size: ink.font * BADGE_SIZE,
            bold: true,
            anchor: Anchor::Middle,
            paint: ink.paint(ink.palette.badge_text),
        },
    });
}

/// Change badges on the card's bottom edge, clear of its text, left-aligned.
fn change_badges(out: &mut Vec<Prim>, ink: &Ink<'_>, rect: Rect, labels: &[String]) {
    let size = ink.font * CHANGE_SIZE;
    let mut left = rect.left() + COUNT_INSET;
    for label in labels {
        let badge_box = badge_size(label, size, false);
        let width = badge_box.x;
        // On the card's bottom edge, as the counts are on its top edge: a
        // stacked card below is clear of it.
        out.extend(badge(
            Part::ChangeBadge,
            pos2(left, rect.bottom() - badge_box.y / 2.0),
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
    let origin = rect.min + vec2(PAD, PAD_Y);
    let row = Rect::from_min_size(origin, vec2(0.0, HEADER_H - 8.0));
    let name_x = if leader.role.on_card() {
        role_badge(out, ink, row, leader.role).right() + NAME_GAP
    } else {
        origin.x
    };
    let mut y = origin.y + HEADER_H;
    for (i, line) in metrics::name_lines(leader.card_name(), leader.role, rect.width())
        .into_iter()
        .enumerate()
    {
        let (x, middle) = if i == 0 {
            (name_x, row.center().y)
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

/// The role's badge at the start of the header `row` (as tall as the
/// badge); returns its box.
fn role_badge(out: &mut Vec<Prim>, ink: &Ink<'_>, row: Rect, role: Role) -> Rect {
    let size = ink.font * ROLE_SIZE;
    let label = role.badge();
    let badge_w = badge_size(label, size, true).x;
    let rect = Rect::from_min_size(row.min, vec2(badge_w, row.height()));
    out.push(Prim {
        part: Part::RoleBadge,
        shape: Shape::Rect {
            rect,
            corners: Corners::same(4.0),
            fill: Some(ink.paint(ink.palette.role(role))),
            stroke: None,
        },
    });
    out.push(text(
        Part::RoleBadge,
        pos2(rect.min.x + BADGE_PAD.0, rect.center().y),
        label.to_owned(),
        size,
        true,
        ink.paint(ink.palette.badge_text),
    ));
    rect
}
