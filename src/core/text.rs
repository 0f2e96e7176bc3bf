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

/// The text with its first letter in upper case ("information security"
/// as "Information security").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A count with thousands separators: `28412` as "28,412".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many names a list in a sentence or a report gives before "and N
/// more".
pub const NAMES_SHOWN: usize = 6;

/// The line that counts what a list left out: "and 1 more change", "and
/// 1,204 more changes".
pub fn and_more(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("and {} more {noun}{s}", thousands(n))
}

/// "A", "A and B", "A, B and C"; past [`NAMES_SHOWN`] names, the first ones
/// and "and 28,412 more". Only the names shown are built: `total` says how
/// many there are, `names` yields them in order.
pub fn name_list<'a>(names: impl IntoIterator<Item = Cow<'a, str>>, total: usize) -> String {
    let shown: Vec<Cow<'a, str>> = names.into_iter().take(NAMES_SHOWN).collect();
    if total > shown.len() {
        return format!(
            "{}, and {} more",
            shown.join(", "),
            thousands(total - shown.len())
        );
    }
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "A, B, C" (a report's list); past [`NAMES_SHOWN`] names, the first ones
/// and "and 28,412 more".
pub fn comma_list<'a>(names: impl IntoIterator<Item = Cow<'a, str>>, total: usize) -> String {
    let shown: Vec<Cow<'a, str>> = names.into_iter().take(NAMES_SHOWN).collect();
    let mut out = shown.join(", ");
    if total > shown.len() {
        let _ = write!(out, ", and {} more", thousands(total - shown.len()));
    }
    out
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

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn long_lists_name_the_first_few_and_count_the_rest() {
        let names = |n: usize| (1..=n).map(|i| Cow::Owned(format!("P{i}")));
        assert_eq!(name_list(names(1), 1), "P1");
        assert_eq!(name_list(names(3), 3), "P1, P2 and P3");
        assert_eq!(name_list(names(6), 6), "P1, P2, P3, P4, P5 and P6");
        assert_eq!(
            name_list(names(28_418), 28_418),
            "P1, P2, P3, P4, P5, P6, and 28,412 more"
        );
        assert_eq!(comma_list(names(2), 2), "P1, P2");
        assert_eq!(
            comma_list(names(9), 9),
            "P1, P2, P3, P4, P5, P6, and 3 more"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
