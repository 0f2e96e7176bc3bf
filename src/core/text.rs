//! Text from files shown safely: control, bidirectional and invisible
//! characters are written out as `[U+XXXX]` rather than interpreted, so a
//! name cannot reorder what is drawn after it or hide part of itself.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that must be shown, not obeyed.
fn is_hidden_or_steering(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// `text` with every control, bidirectional or zero-width character
/// replaced by `[U+XXXX]`. Borrowed when there is nothing to replace.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_or_steering) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_or_steering(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            visible("Chief Information Officer — CIO"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn steering_characters_are_written_out() {
        assert_eq!(visible("abc\u{202E}def"), "abc[U+202E]def");
        assert_eq!(
            visible("a\u{200B}b\u{2066}c\u{FEFF}"),
            "a[U+200B]b[U+2066]c[U+FEFF]"
        );
        assert_eq!(
            visible("line\nbreak\ttab\u{7}"),
            "line[U+000A]break[U+0009]tab[U+0007]"
        );
    }
}
