//! Text metrics of a card at zoom 1 (13 pt body text), shared by the card
//! size estimate here and the scene, so the text fits the card. Widths are
//! counted in terminal columns (`unicode-width`): a CJK character or an
//! emoji takes two, a combining mark none.

use unicode_width::UnicodeWidthStr;

/// Average glyph advance of one column, a little generous.
pub const CHAR_W: f32 = 7.4;
/// Inner padding.
pub const PAD: f32 = 12.0;
/// Height of one text line.
pub const LINE_H: f32 = 17.0;
/// Height of the badge-and-name row.
pub const HEADER_H: f32 = 26.0;
/// Each responsibility row starts with a marker and its RACI letter.
pub const ROW_PREFIX: f32 = 32.0;
/// Advance of one column as a fraction of the font size (regular, bold).
const ADVANCE: (f32, f32) = (0.56, 0.66);
/// The name's font size (bold): 1.15 times the 13 pt body text.
pub const NAME_SIZE: f32 = 13.0 * 1.15;
/// Height of a second line of the name.
pub const NAME_LINE_H: f32 = 19.0;
/// Room the header keeps left of the name: padding, the widest role
/// badge ("Other") and the gap after it, and the right padding.
pub const NAME_RESERVE: f32 = 2.0 * PAD + 44.0 + 6.0;
/// A name wraps onto at most this many lines; the last is shortened.
pub const NAME_MAX_LINES: usize = 2;

/// The lines a card of `card_width` shows for the name, shown as
/// written (control characters written out): one, or two when it is
/// too wide, the second shortened with an ellipsis if need be.
pub fn name_lines(name: &str, card_width: f32) -> Vec<String> {
    let room = card_width - NAME_RESERVE;
    let shown = crate::core::text::visible(name);
    if text_width(&shown, NAME_SIZE, true) <= room {
        return vec![shown.into_owned()];
    }
    let per_line = (room / (NAME_SIZE * ADVANCE.1)).floor() as usize;
    let mut lines = wrap(&shown, per_line);
    if lines.len() > NAME_MAX_LINES {
        let rest = lines.split_off(NAME_MAX_LINES - 1).join(" ");
        lines.push(rest);
    }
    if let Some(last) = lines.last_mut() {
        *last = fit_line(last, room, NAME_SIZE, true);
    }
    lines
}

/// How many columns of a responsibility fit on one line of a card.
pub fn row_chars(card_width: f32) -> usize {
    (((card_width - 2.0 * PAD - ROW_PREFIX) / CHAR_W).floor() as usize).max(8)
}

/// How many columns of the title fit on one line.
pub fn title_chars(card_width: f32) -> usize {
    row_chars(card_width) + 4
}

/// Display columns of a text.
pub fn columns(text: &str) -> usize {
    text.width()
}

/// Estimated width of one line of text at `size`, in chart units.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let advance = if bold { ADVANCE.1 } else { ADVANCE.0 };
    columns(text) as f32 * size * advance
}

/// The text, shortened with an ellipsis if it is wider than `width`.
pub fn fit_line(text: &str, width: f32, size: f32, bold: bool) -> String {
    if text_width(text, size, bold) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size, bold) + text_width("…", size, bold) > width {
            out.pop();
            break;
        }
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The lines a card of `card_width` shows for its title: the title as
/// shown (control characters written out), wrapped. None when empty.
pub fn title_lines(title: &str, card_width: f32) -> Vec<String> {
    if title.is_empty() {
        return Vec::new();
    }
    wrap(&crate::core::text::visible(title), title_chars(card_width))
}

/// The lines a card of `card_width` shows for one responsibility.
pub fn phrase_lines(phrase: &str, card_width: f32) -> Vec<String> {
    wrap(&crate::core::text::visible(phrase), row_chars(card_width))
}

/// Breaks text into lines of at most `width` columns at spaces (a wider
/// word is cut between characters). Never empty: blank text is one
/// empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while columns(&word) > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let cut = cut_at(&word, width);
            lines.push(word[..cut].to_owned());
            word.drain(..cut);
        }
        let needed = columns(&line) + usize::from(!line.is_empty()) + columns(&word);
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The byte index where the first `width` columns of `word` end (at
/// least one character, so a cut always makes progress).
fn cut_at(word: &str, width: usize) -> usize {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && i > 0 {
            return i;
        }
        used += w;
    }
    word.len()
}
