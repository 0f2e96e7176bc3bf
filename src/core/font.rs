//! The one font Chartroom writes with, bundled: `DejaVu Sans`, regular and
//! bold (`assets/fonts`, with its licence). The screen draws with it, the
//! exports are rendered with it (no system font needed), and every text
//! width the layout, the cards and the pages work with is measured from
//! its real advances, so what is measured is what is drawn.
//!
//! A character the font lacks (CJK, most emoji) is drawn by whatever
//! fallback the renderer finds; it is measured as a generous full em (a
//! wide one, 1.2 em), so that text never runs out of its box.

use std::sync::OnceLock;

use unicode_width::UnicodeWidthChar;

/// The regular face.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// The bold face.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// The family name both faces carry, as the SVG and PPTX name it.
pub const FAMILY: &str = "DejaVu Sans";

/// Characters below this have their advance in a table.
const TABLE_END: u32 = 0x2200;
/// The advance of a character the font lacks, in em (wide ones: 1.2 em).
const MISSING_EM: f32 = 1.0;
const MISSING_WIDE_EM: f32 = 1.2;

/// One face's advances, in em.
struct Advances {
    /// By character below [`TABLE_END`]; negative when the font lacks it.
    table: Vec<f32>,
    face: ttf_parser::Face<'static>,
    per_em: f32,
}

impl Advances {
    fn of(data: &'static [u8]) -> Self {
        // The bundled faces are known good: a parse failure is a build
        // with a broken asset, caught by the tests at once.
        let face = ttf_parser::Face::parse(data, 0).expect("the bundled font parses");
        let per_em = f32::from(face.units_per_em());
        let mut advances = Self {
            table: Vec::new(),
            face,
            per_em,
        };
        advances.table = (0..TABLE_END)
            .map(|u| {
                char::from_u32(u)
                    .and_then(|c| advances.lookup(c))
                    .unwrap_or(-1.0)
            })
            .collect();
        advances
    }

    fn lookup(&self, c: char) -> Option<f32> {
        let glyph = self.face.glyph_index(c)?;
        let advance = self.face.glyph_hor_advance(glyph)?;
        Some(f32::from(advance) / self.per_em)
    }

    fn em(&self, c: char) -> f32 {
        let known = match self.table.get(c as usize) {
            Some(&a) if a >= 0.0 => Some(a),
            Some(_) => None,
            None => self.lookup(c),
        };
        known.unwrap_or_else(|| match c.width() {
            Some(2) => MISSING_WIDE_EM,
            Some(0) => 0.0,
            _ => MISSING_EM,
        })
    }
}

fn faces() -> &'static [Advances; 2] {
    static FACES: OnceLock<[Advances; 2]> = OnceLock::new();
    FACES.get_or_init(|| [Advances::of(REGULAR), Advances::of(BOLD)])
}

/// The advance of one character at `size`, in the units of `size`.
pub fn advance(c: char, size: f32, bold: bool) -> f32 {
    faces()[usize::from(bold)].em(c) * size
}

/// The width of one line of text at `size` (no kerning, which only
/// narrows), in the units of `size`. Control characters take no room (the
/// cards show them written out: measure what is shown).
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let face = &faces()[usize::from(bold)];
    text.chars().map(|c| face.em(c)).sum::<f32>() * size
}

/// True when the font draws `c` itself (not a fallback).
pub fn has(c: char) -> bool {
    faces()[0].lookup(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_fonts_own_advances() {
        // DejaVu Sans: "M" is 1767/2048 em wide regular, 2038/2048 bold
        // (read with fontTools).
        assert!((width("M", 2048.0, false) - 1767.0).abs() < 0.01);
        assert!((width("M", 2048.0, true) - 2038.0).abs() < 0.01);
        // A narrow letter is narrower than a wide one: no column counting.
        assert!(width("iiii", 13.0, false) < width("MMMM", 13.0, false) / 2.0);
        assert!(
            (width("ab", 13.0, false) - advance('a', 13.0, false) - advance('b', 13.0, false))
                .abs()
                < 1e-4
        );
        // Accented letters are in the font; CJK is not and is measured wide.
        assert!(has('é') && has('Ł'));
        assert!(!has('情'));
        assert!((width("情", 10.0, false) - 12.0).abs() < 1e-4);
        assert!(width("", 13.0, true).abs() < f32::EPSILON);
    }
}
