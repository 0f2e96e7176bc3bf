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

/// Names each cell of the row longer than a chart allows (it is cut),
/// and a cost that is not a number (it is left out).
pub(super) fn check_cells(row: &Row, mapping: &Mapping, name: &str, problems: &mut Vec<Problem>) {
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
    let cost = mapping.get(Field::Cost).map_or("", |c| row.cell(c));
    if !cost.is_empty() && parse_cost(cost).is_none() {
        problems.push(Problem::BadCost {
            row: row.number,
            value: cost.to_owned(),
        });
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

/// True for a cell that says yes: "yes", "y", "true", "1", "x",
/// "assistant", "staff" (any case).
pub(super) fn is_yes(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "x" | "assistant" | "staff" | "ja" | "oui" | "sí" | "si"
    )
}

/// A cost as people write it: `£70,000`, `70000.00`, `EUR 70.000,00`,
/// `70 000`, `70k`. None when it is not a number of zero or more.
pub(super) fn parse_cost(text: &str) -> Option<f64> {
    let mut digits: String = text
        .trim()
        .trim_matches(|c: char| c.is_alphabetic() && !matches!(c, 'k' | 'K'))
        .chars()
        .filter(|c| {
            !matches!(c, '£' | '$' | '€' | '¥' | '\'' | '\u{a0}' | '\u{202f}') && !c.is_whitespace()
        })
        .collect();
    let thousand = digits.ends_with(['k', 'K']);
    if thousand {
        digits.pop();
    }
    let (dot, comma) = (digits.rfind('.'), digits.rfind(','));
    let plain = match (dot, comma) {
        // Both: the last is the decimal mark.
        (Some(d), Some(c)) if c > d => digits.replace('.', "").replacen(',', ".", 1),
        (Some(_), Some(_)) => digits.replace(',', ""),
        // Only commas: thousands when each is followed by three digits.
        (None, Some(_)) => {
            let groups: Vec<&str> = digits.split(',').collect();
            if groups[1..].iter().all(|g| g.len() == 3) {
                digits.replace(',', "")
            } else {
                digits.replacen(',', ".", 1)
            }
        }
        _ => digits,
    };
    let value: f64 = plain.parse().ok()?;
    let value = if thousand { value * 1000.0 } else { value };
    (value.is_finite() && value >= 0.0).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::parse_cost;

    #[test]
    fn costs_are_read_as_people_write_them() {
        for (text, want) in [
            ("70000", 70_000.0),
            ("£70,000", 70_000.0),
            ("$1,234,567.50", 1_234_567.5),
            ("EUR 70.000,00", 70_000.0),
            ("70 000", 70_000.0),
            ("70k", 70_000.0),
            ("1234,5", 1_234.5),
            ("CHF 95'000", 95_000.0),
        ] {
            assert_eq!(parse_cost(text), Some(want), "{text}");
        }
        for bad in ["", "n/a", "-5", "abc", "1e400"] {
            assert_eq!(parse_cost(bad), None, "{bad}");
        }
    }
}
