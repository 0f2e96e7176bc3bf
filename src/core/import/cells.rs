//! What a cell says beyond its text: a name that stands for nobody named
//! (an open post, an undisclosed holder), and a value longer than a chart
//! allows (cut, and said on its row).

use crate::core::format::MAX_TEXT_CHARS;
use crate::core::wording::count;

use super::Problem;
use super::columns::{Field, Mapping};
use super::table::Row;

/// Names that stand for an open post: nobody holds it (yet).
const OPEN_NAMES: [&str; 10] = [
    "vacant",
    "vacancy",
    "open",
    "openposition",
    "tobehired",
    "tbh",
    "tbc",
    "tbd",
    "tobeconfirmed",
    "newhire",
];
/// Names that stand for a holder not named: undisclosed, or a post that
/// is going.
const UNNAMED: [&str; 6] = [
    "nd",
    "notdisclosed",
    "undisclosed",
    "withheld",
    "redacted",
    "eliminated",
];

/// True when the name stands for an open post.
pub(super) fn is_open_post(name: &str) -> bool {
    Short::of(name).is_some_and(|n| n.is_any(&OPEN_NAMES))
}

/// Names that stand for nobody named: an open post, an undisclosed
/// holder, a post that is going.
pub(super) fn is_placeholder(name: &str) -> bool {
    Short::of(name).is_some_and(|n| n.is_any(&OPEN_NAMES) || n.is_any(&UNNAMED))
}

/// A name as `columns::normalise` writes it, when it is short and plain enough to
/// be a placeholder, kept on the stack: asked of every person imported,
/// so it allocates nothing (it made a 100,000-row import 17% slower when
/// it did).
struct Short {
    bytes: [u8; Self::LONGEST],
    len: usize,
}

impl Short {
    /// Longer than any placeholder's letters ("tobeconfirmed").
    const LONGEST: usize = 16;

    fn of(name: &str) -> Option<Self> {
        let mut short = Self {
            bytes: [0; Self::LONGEST],
            len: 0,
        };
        for c in name.chars().filter(|c| c.is_alphanumeric() || *c == '#') {
            if !c.is_ascii() || short.len == Self::LONGEST {
                return None;
            }
            let letters: &[u8] = if c == '#' {
                b"no"
            } else {
                &[c.to_ascii_lowercase() as u8]
            };
            for &b in letters {
                if short.len == Self::LONGEST {
                    return None;
                }
                short.bytes[short.len] = b;
                short.len += 1;
            }
        }
        Some(short)
    }

    fn is_any(&self, words: &[&str]) -> bool {
        let me = &self.bytes[..self.len];
        words.iter().any(|w| w.as_bytes() == me)
    }
}

/// "3 open positions (Vacant, TBC)": how many of these names, and which.
pub(super) fn placeholder_note(names: &[&str], one: &str, many: &str) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let mut kinds: Vec<&str> = Vec::new();
    for name in names {
        if !kinds.iter().any(|k| k.eq_ignore_ascii_case(name)) {
            kinds.push(name);
        }
    }
    Some(format!(
        "{} ({})",
        count(names.len(), one, many),
        kinds.join(", ")
    ))
}

/// The fields a chart keeps as text, with the words messages use.
const TEXT_FIELDS: [(Field, &str); 6] = [
    (Field::Title, "title"),
    (Field::Department, "department"),
    (Field::Location, "location"),
    (Field::Email, "email"),
    (Field::Responsibilities, "responsibilities"),
    (Field::Role, "role"),
];

/// Names each cell of the row longer than a chart allows (it is cut).
pub(super) fn check_lengths(row: &Row, mapping: &Mapping, name: &str, problems: &mut Vec<Problem>) {
    let mut check = |field: &'static str, text: &str| {
        // Bytes bound characters from above: count only when it could matter.
        if text.len() > MAX_TEXT_CHARS {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                problems.push(Problem::CutToLimit {
                    row: row.number,
                    field,
                    chars,
                });
            }
        }
    };
    check("name", name);
    for (field, words) in TEXT_FIELDS {
        check(words, mapping.get(field).map_or("", |c| row.cell(c)));
    }
}

/// The text cut to what a chart allows.
pub(super) fn cut(text: &str) -> &str {
    // Bytes bound characters from above: most cells are far shorter.
    if text.len() <= MAX_TEXT_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}
