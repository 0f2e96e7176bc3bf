//! The scene: what a laid-out model looks like, as drawing primitives in
//! chart space. The screen (`ui::paint`) and the SVG export
//! (`export::svg`) are small backends that turn these primitives into GUI
//! shapes or SVG elements; PNG and PDF go through the SVG. Every size,
//! offset and colour choice of a card lives here, once.
//!
//! Units: positions and sizes are chart units (1 = one point at zoom 1).
//! Stroke widths are points at any zoom (a line stays crisp when zoomed
//! out); a backend scales geometry and text but not strokes.

mod card;
mod duties;
pub mod hit;
mod ink;
mod marks;
mod silhouette;
mod speech;

use emath::{Pos2, Rect, pos2};

use super::model::LineKind;
use super::theme::{Palette, Rgb};

pub use self::card::{CardState, Fold, card, fold_of, fold_rect};
pub use self::marks::Marks;
pub use self::silhouette::{Rows, SILHOUETTE_OVER, silhouette};
pub use self::speech::card_description;

/// A colour with an opacity (cards outside a spotlight are faded).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    /// The colour.
    pub rgb: Rgb,
    /// 1 is opaque.
    pub opacity: f32,
}

impl Paint {
    /// An opaque colour.
    pub fn solid(rgb: Rgb) -> Self {
        Self { rgb, opacity: 1.0 }
    }

    /// The same colour at `opacity` times its opacity.
    #[must_use]
    pub fn faded(self, opacity: f32) -> Self {
        Self {
            opacity: self.opacity * opacity,
            ..self
        }
    }
}

/// An outline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width in points (not scaled by zoom).
    pub width: f32,
    /// Colour.
    pub paint: Paint,
}

/// Corner radii of a rectangle, in chart units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Corners {
    /// Top and bottom left.
    pub left: f32,
    /// Top and bottom right.
    pub right: f32,
}

impl Corners {
    /// The same radius at every corner.
    pub fn same(radius: f32) -> Self {
        Self {
            left: radius,
            right: radius,
        }
    }
}

/// Where a text's anchor point is, horizontally; vertically the anchor is
/// always the middle of the text line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the anchor.
    Start,
    /// The text is centred on the anchor.
    Middle,
}

/// A dash pattern: dash and gap lengths in points.
pub const DASH: (f32, f32) = (8.0, 6.0);

/// The smallest text a card draws (a responsibility row), as a fraction
/// of the palette's card font: what decides whether print is readable.
pub const SMALLEST_TEXT: f32 = 0.9;

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rounded rectangle, filled, outlined or both. An outline is drawn
    /// inside the rectangle.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radii.
        corners: Corners,
        /// Fill, if any.
        fill: Option<Paint>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// One line of text.
    Text {
        /// Anchor point: see [`Anchor`]; vertically the line's middle.
        at: Pos2,
        /// The text, as shown (control characters already written out).
        text: String,
        /// Font size in chart units.
        size: f32,
        /// Bold weight.
        bold: bool,
        /// Horizontal anchoring.
        anchor: Anchor,
        /// Colour.
        paint: Paint,
    },
    /// A filled convex polygon.
    Polygon {
        /// Corners, clockwise.
        points: Vec<Pos2>,
        /// Fill.
        fill: Paint,
    },
    /// A circle, filled or outlined.
    Circle {
        /// Centre.
        centre: Pos2,
        /// Radius in chart units.
        radius: f32,
        /// Fill, if any.
        fill: Option<Paint>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// An open polyline, solid or dashed.
    Path {
        /// Points in order.
        points: Vec<Pos2>,
        /// Line.
        stroke: Stroke,
        /// Dashed with [`DASH`].
        dashed: bool,
    },
}

/// What part of the chart a primitive draws: the SVG backend's classes,
/// and what tests look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// A reporting line.
    Line(LineKind),
    /// A card's box.
    CardBox,
    /// The role-coloured stripe on a card's left edge.
    Stripe,
    /// The selection or drop-target outline.
    Outline,
    /// The role badge and its text.
    RoleBadge,
    /// The leader's name.
    Name,
    /// A line of the title.
    Title,
    /// The highlight behind a graded responsibility.
    Row,
    /// A responsibility's marker (shape by grade).
    Marker(Option<super::analysis::Grade>),
    /// The RACI letter box and letter.
    Letter,
    /// A line of a responsibility's text.
    Phrase,
    /// "N shared" / "N conflicts" on the card's top edge.
    CountBadge,
    /// A change badge under the card (compare view).
    ChangeBadge,
    /// The fold control: "+N" people folded away, or "−" to fold.
    Fold,
    /// A bar of touching cards, far out.
    Silhouette,
}

impl Part {
    /// The SVG class of the part.
    pub fn class(self) -> &'static str {
        use super::analysis::Grade;
        match self {
            Self::Line(LineKind::Direct) => "line-direct",
            Self::Line(LineKind::Dotted) => "line-dotted",
            Self::CardBox => "card-box",
            Self::Stripe => "stripe",
            Self::Outline => "outline",
            Self::RoleBadge => "role",
            Self::Name => "name",
            Self::Title => "title",
            Self::Row => "row",
            Self::Marker(Some(Grade::Conflict)) => "marker-conflict",
            Self::Marker(Some(Grade::Shared)) => "marker-shared",
            Self::Marker(Some(Grade::Gap)) => "marker-gap",
            Self::Marker(None) => "marker",
            Self::Letter => "letter",
            Self::Phrase => "phrase",
            Self::CountBadge => "count",
            Self::ChangeBadge => "change",
            Self::Fold => "fold",
            Self::Silhouette => "silhouette",
        }
    }
}

/// A primitive and what it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Prim {
    /// What it draws.
    pub part: Part,
    /// How.
    pub shape: Shape,
}

/// How much of a card to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything: text, markers, letters, badges.
    Full,
    /// Box, stripe and outline only: for zoom levels where text would be
    /// too small to read.
    Blocks,
}

impl Detail {
    /// The detail for a zoom: text under four points high is not drawn.
    pub fn for_zoom(palette_font: f32, zoom: f32) -> Self {
        if palette_font * zoom < 4.0 {
            Self::Blocks
        } else {
            Self::Full
        }
    }
}

/// How a reporting line is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LineState {
    /// The line is selected.
    pub selected: bool,
    /// An end of it is outside a spotlight.
    pub dimmed: bool,
}

/// A reporting line's primitive.
pub fn line(points: Vec<Pos2>, kind: LineKind, palette: &Palette, state: LineState) -> Prim {
    let (colour, dashed) = match kind {
        LineKind::Direct => (palette.direct_line, false),
        LineKind::Dotted => (palette.dotted_line, true),
    };
    let mut stroke = Stroke {
        width: palette.line_width,
        paint: Paint::solid(colour),
    };
    if state.selected {
        stroke = Stroke {
            width: stroke.width + 2.0,
            paint: Paint::solid(palette.selection),
        };
    }
    if state.dimmed {
        stroke.paint = stroke.paint.faded(palette.dim);
    }
    Prim {
        part: Part::Line(kind),
        shape: Shape::Path {
            points,
            stroke,
            dashed,
        },
    }
}

/// The area the primitives draw on: cards, badges, lines, markers and
/// text (measured with the bundled font), nothing left out.
pub fn extent(prims: &[Prim]) -> Rect {
    let point = |p: Pos2| Rect::from_min_max(p, p);
    prims.iter().fold(Rect::NOTHING, |acc, prim| {
        let more = match &prim.shape {
            Shape::Rect { rect, .. } => *rect,
            Shape::Polygon { points, .. } | Shape::Path { points, .. } => {
                points.iter().fold(Rect::NOTHING, |r, p| r.union(point(*p)))
            }
            Shape::Circle { centre, radius, .. } => {
                Rect::from_center_size(*centre, emath::vec2(2.0 * radius, 2.0 * radius))
            }
            Shape::Text {
                at,
                text,
                size,
                bold,
                anchor,
                ..
            } => {
                let w = crate::core::font::width(text, *size, *bold);
                let left = match anchor {
                    Anchor::Start => at.x,
                    Anchor::Middle => at.x - w / 2.0,
                };
                Rect::from_min_max(
                    pos2(left, at.y - size * 0.6),
                    pos2(left + w, at.y + size * 0.6),
                )
            }
        };
        acc.union(more)
    })
}
