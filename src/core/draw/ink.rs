//! What every part of a card is drawn with: the palette, the fade and the
//! font size, and a line of text as a primitive.

use emath::Pos2;

use super::{Anchor, Paint, Part, Prim, Shape};
use crate::core::theme::Palette;

/// The palette, the fade and the font size a card is drawn with.
pub(super) struct Ink<'a> {
    pub palette: &'a Palette,
    pub opacity: f32,
    pub font: f32,
}

impl Ink<'_> {
    pub fn paint(&self, rgb: crate::core::theme::Rgb) -> Paint {
        Paint::solid(rgb).faded(self.opacity)
    }
}

pub(super) fn text(
    part: Part,
    at: Pos2,
    text: String,
    size: f32,
    bold: bool,
    paint: Paint,
) -> Prim {
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
