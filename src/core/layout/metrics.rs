//! Text metrics of a card at zoom 1 (13 pt body text), shared by the card
//! size here and the scene, so the text fits the card. Every width is the
//! bundled font's own ([`crate::core::font`]): what is measured is what the
//! screen and the exports draw.

use crate::core::font;
use crate::core::model::Role;

/// The body text's size: responsibilities.
pub const BODY_SIZE: f32 = 13.0;
/// The title's size (regular): 0.9 times the body text.
pub const TITLE_SIZE: f32 = 13.0 * 0.9;
/// Inner padding, left and right (the role stripe is inside it).
pub const PAD: f32 = 10.0;
/// Inner padding at the top.
pub const PAD_Y: f32 = 6.0;
/// Inner padding at the bottom: room for a badge on the bottom edge
/// ("continued on page 4", "moved") clear of the last line's text.
pub const PAD_BOTTOM: f32 = 8.0;
/// Height of one text line.
pub const LINE_H: f32 = 17.0;
/// Height of the badge-and-name row.
pub const HEADER_H: f32 = 24.0;
/// Each responsibility row starts with a marker and its RACI letter.
pub const ROW_PREFIX: f32 = 32.0;
/// The name's font size (bold): 1.15 times the 13 pt body text.
pub const NAME_SIZE: f32 = 13.0 * 1.15;
/// Height of a second line of the name.
pub const NAME_LINE_H: f32 = 19.0;
/// Room the header keeps left of a role badge's name: the widest badge
/// ("CDIO") and the gap after it.
pub const BADGE_RESERVE: f32 = 40.0 + 6.0;
/// A name wraps onto at most this many lines; the last is shortened.
pub const NAME_MAX_LINES: usize = 2;

/// The room the header keeps beside the name on a card of `role`: the
/// padding, and the role badge's when the card shows one.
pub fn name_reserve(role: Role) -> f32 {
    if role.on_card() {
        2.0 * PAD + BADGE_RESERVE
    } else {
        2.0 * PAD
    }
}

/// The lines a card of `card_width` shows for the name, shown as
/// written (control characters written out): one, or two when it is
/// too wide, the second shortened with an ellipsis if need be.
pub fn name_lines(name: &str, role: Role, card_width: f32) -> Vec<String> {
    let room = card_width - name_reserve(role);
    let shown = crate::core::text::visible(name);
    if text_width(&shown, NAME_SIZE, true) <= room {
        return vec![shown.into_owned()];
    }
    let mut lines = wrap_to(&shown, room, NAME_SIZE, true);
    if lines.len() > NAME_MAX_LINES {
        let rest = lines.split_off(NAME_MAX_LINES - 1).join(" ");
        lines.push(rest);
    }
    if let Some(last) = lines.last_mut() {
        *last = fit_line(last, room, NAME_SIZE, true);
    }
    lines
}

/// The room for a responsibility's text on a card of `card_width`.
pub fn phrase_room(card_width: f32) -> f32 {
    card_width - 2.0 * PAD - ROW_PREFIX
}

/// The width of one line of text at `size`, in chart units, by the
/// bundled font's advances.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    font::width(text, size, bold)
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
    wrap_to(
        &crate::core::text::visible(title),
        card_width - 2.0 * PAD,
        TITLE_SIZE,
        false,
    )
}

/// The lines a card of `card_width` shows for one responsibility.
pub fn phrase_lines(phrase: &str, card_width: f32) -> Vec<String> {
    wrap_to(
        &crate::core::text::visible(phrase),
        phrase_room(card_width),
        BODY_SIZE,
        false,
    )
}

/// Breaks text into lines no wider than `width` at `size` at spaces (a
/// wider word is cut between characters). Never empty: blank text is one
/// empty line.
pub fn wrap_to(text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let measure = |t: &str| font::width(t, size, bold);
    let space = measure(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        let mut word_w = measure(&word);
        while word_w > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            let cut = cut_at(&word, width, size, bold);
            lines.push(word[..cut].to_owned());
            word.drain(..cut);
            word_w = measure(&word);
        }
        let needed = if line.is_empty() {
            word_w
        } else {
            used + space + word_w
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        if line.is_empty() {
            used = word_w;
        } else {
            line.push(' ');
            used += space + word_w;
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The byte index where the first characters of `word` that fit `width`
/// end (at least one character, so a cut always makes progress).
fn cut_at(word: &str, width: f32, size: f32, bold: bool) -> usize {
    let mut used = 0.0;
    for (i, c) in word.char_indices() {
        used += font::advance(c, size, bold);
        if used > width && i > 0 {
            return i;
        }
    }
    word.len()
}
