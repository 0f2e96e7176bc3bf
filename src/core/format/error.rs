//! What can go wrong loading or saving a document, in words a user can act on.

use crate::core::safe_write::WriteError;

/// Why a document could not be loaded. Every variant names the problem in
/// words a user can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("{path} is {size} bytes; Chartroom opens files up to {limit} bytes (64 MiB)")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A model named in `FILE#MODEL` that the file does not hold, or a file
    /// of several models where one must be named.
    #[error("{input}: {reason} (its models: {})", .available.join(", "))]
    WhichModel {
        /// What was asked for.
        input: String,
        /// Why it cannot be picked.
        reason: &'static str,
        /// The ids it holds.
        available: Vec<String>,
    },
    /// A storyboard scene that names no model or leader of the document.
    #[error("storyboard scene {scene}: {problem}")]
    BadScene {
        /// 1-based scene number.
        scene: usize,
        /// What is wrong.
        problem: String,
    },
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8 text.
    #[error("{path} is not text: invalid UTF-8 at byte {offset}")]
    NotText {
        /// The path as given.
        path: String,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// More items than this build accepts.
    #[error("too many {what}: {count} (Chartroom accepts up to {limit})")]
    TooMany {
        /// What is counted, e.g. "leaders in one model".
        what: &'static str,
        /// How many the file has.
        count: usize,
        /// The cap.
        limit: usize,
    },
    /// A text field longer than this build accepts.
    #[error("{place}: the {field} is longer than {limit} characters")]
    TooLong {
        /// Whose field, e.g. `model "m", leader "a"`.
        place: String,
        /// Which field.
        field: &'static str,
        /// The cap.
        limit: usize,
    },
    /// A cost that is negative or not a number.
    #[error("model \"{model}\": the cost of \"{leader}\" is not a number of zero or more")]
    BadCost {
        /// Model id.
        model: String,
        /// Leader id.
        leader: String,
    },
    /// A position that is not a finite number.
    #[error("model \"{model}\": the position of \"{leader}\" is not a finite number")]
    NonFinite {
        /// Model id.
        model: String,
        /// Leader id.
        leader: String,
    },
    /// Not JSON.
    #[error("not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// The JSON parser's reason.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but no Chartroom document.
    #[error("not a Chartroom document: it has no \"format\": \"chartroom\" field")]
    NotChartroom,
    /// A version this build does not know.
    #[error(
        "made by a newer Chartroom: the file is version {found}, this build reads up to version {supported}"
    )]
    NewerVersion {
        /// The file's version.
        found: u64,
        /// [`super::CURRENT_VERSION`].
        supported: u32,
    },
    /// Well-formed JSON whose fields have the wrong shape.
    #[error("the document's structure is wrong: {message} (line {line}, column {column})")]
    Structure {
        /// The JSON parser's reason.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// No model at all.
    #[error("the document holds no model")]
    NoModels,
    /// Two models share an id.
    #[error("two models have the id \"{0}\"")]
    DuplicateModel(String),
    /// An id that is empty or has spaces around it.
    #[error("{place} \"{id}\" {why}; ids must be non-empty, with no spaces around them")]
    BadId {
        /// Whose id ("model \"m\": a leader's id").
        place: String,
        /// The id as written.
        id: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// Two leaders of a model share an id.
    #[error("model \"{model}\": two leaders have the id \"{leader}\"")]
    DuplicateLeader {
        /// Model id.
        model: String,
        /// The repeated leader id.
        leader: String,
    },
    /// A manager reference to a leader that does not exist.
    #[error(
        "model \"{model}\": leader \"{leader}\" reports to \"{manager}\", which is not a leader of this model"
    )]
    DanglingManager {
        /// Model id.
        model: String,
        /// The report.
        leader: String,
        /// The missing manager.
        manager: String,
    },
    /// A dotted line with an end that does not exist.
    #[error(
        "model \"{model}\": a dotted line names \"{leader}\", which is not a leader of this model"
    )]
    DanglingDotted {
        /// Model id.
        model: String,
        /// The missing end.
        leader: String,
    },
    /// A dotted line from a leader to themself, or twice the same.
    #[error("model \"{model}\": the dotted line from \"{manager}\" to \"{report}\" is {why}")]
    BadDotted {
        /// Model id.
        model: String,
        /// Manager end.
        manager: String,
        /// Report end.
        report: String,
        /// "a loop", "repeated" or "also a direct line".
        why: &'static str,
    },
    /// Direct lines that form a loop.
    #[error("model \"{model}\": direct reporting lines form a cycle: {}", cycle_text(.leaders))]
    Cycle {
        /// Model id.
        model: String,
        /// The leaders on the loop, the first repeated at the end.
        leaders: Vec<String>,
    },
}

/// "a reports to b, b reports to a"; a long loop is shortened to its first
/// and last links around a count, so the message stays readable.
fn cycle_text(leaders: &[String]) -> String {
    const SHOWN: usize = 3;
    let links: Vec<String> = leaders
        .windows(2)
        .map(|w| format!("{} reports to {}", w[0], w[1]))
        .collect();
    if links.len() <= 2 * SHOWN + 1 {
        return links.join(", ");
    }
    format!(
        "{}, ... {} more links ..., {} ({} leaders in the loop)",
        links[..SHOWN].join(", "),
        links.len() - 2 * SHOWN,
        links[links.len() - SHOWN..].join(", "),
        links.len()
    )
}

impl LoadError {
    pub(super) fn from_serde(err: &serde_json::Error, structure: bool) -> Self {
        let full = err.to_string();
        // serde_json appends " at line L column C"; we say it our way.
        let bare = without_position(&full);
        let (message, place) = plain_words(bare);
        let (line, column) = place.unwrap_or((err.line(), err.column()));
        if structure {
            Self::Structure {
                message,
                line,
                column,
            }
        } else {
            Self::Syntax {
                message,
                line,
                column,
            }
        }
    }
}

/// Why a document could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A coordinate is NaN or infinite; JSON cannot hold it.
    #[error("model \"{model}\": the position of \"{leader}\" is not a finite number")]
    NonFinite {
        /// Model id.
        model: String,
        /// Leader id.
        leader: String,
    },
    /// The text would not load back; nothing was written.
    #[error("refused to save a document that would not open again: {0}")]
    Unreadable(String),
    /// Writing failed; the old file is untouched.
    #[error(transparent)]
    Io(#[from] WriteError),
}

/// A message without the " at line L column C" that `serde_json` appends.
pub(super) fn without_position(message: &str) -> &str {
    match message.rsplit_once(" at line ") {
        Some((text, at)) if at.split(" column ").all(|n| n.parse::<u64>().is_ok()) => text,
        _ => message,
    }
}

/// The prefix the readers put before a field's error: `in "leaders": `.
const IN_FIELD: &str = "in \"";

/// A reader's error said in the file's language instead of serde's: which
/// field holds what, and what belongs there; with the value's place when
/// the reader carried it. Errors the readers word themselves (a role, a
/// RACI letter) pass through as they are.
fn plain_words(message: &str) -> (String, Option<(usize, usize)>) {
    let (field, rest, place) = match message.strip_prefix(IN_FIELD) {
        Some(inner) => match inner.split_once("\": ") {
            Some((name, after)) => {
                let (rest, place) = carried_place(after);
                (Some(name), rest, place)
            }
            None => (None, message, None),
        },
        None => (None, message, None),
    };
    if let Some(kinds) = rest
        .strip_prefix("invalid type: ")
        .or_else(|| rest.strip_prefix("invalid value: "))
        && let Some((found, wanted)) = kinds.split_once(", expected ")
    {
        let field = field.map_or_else(|| "a value".to_owned(), |f| format!("\"{f}\""));
        let text = format!(
            "{field} should be {}, but it is {}",
            wanted_words(wanted),
            found_words(found)
        );
        return (text, place);
    }
    (other_words(rest), place)
}

/// "... (line L column C)" at the end of a field's error: the message and
/// the place.
fn carried_place(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some((message, at)) = text.rsplit_once(" (line ") else {
        return (text, None);
    };
    let numbers: Vec<usize> = at
        .trim_end_matches(')')
        .split(" column ")
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [line, column] => (message, Some((line, column))),
        _ => (text, None),
    }
}

/// serde's other sentences, in the file's language.
fn other_words(rest: &str) -> String {
    if let Some(name) = rest.strip_prefix("missing field `") {
        return format!("the field \"{}\" is missing", name.trim_end_matches('`'));
    }
    if let Some(name) = rest.strip_prefix("duplicate field `") {
        return format!(
            "the field \"{}\" is given twice",
            name.trim_end_matches('`')
        );
    }
    if rest == "number out of range" {
        return "a number is too large for Chartroom to hold".to_owned();
    }
    rest.to_owned()
}

/// What serde says a reader expected, as a user would say it.
fn wanted_words(wanted: &str) -> String {
    let words = match wanted {
        "a sequence" => "a list ([...])",
        "a map" => "an object ({...})",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "f32" | "f64" => "a number",
        "a sequence of 2 numbers" | "a tuple of size 2" => "a pair of numbers ([x, y])",
        other => other,
    };
    words.to_owned()
}

/// What serde says it found, as a user would say it.
fn found_words(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_owned())
    };
    if let Some(n) = quoted("floating point ").or_else(|| quoted("integer ")) {
        return format!("the number {n}");
    }
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    if let Some(b) = quoted("boolean ") {
        return b;
    }
    match found {
        "map" => "an object ({...})".to_owned(),
        "sequence" => "a list ([...])".to_owned(),
        "null" => "null".to_owned(),
        other => other.to_owned(),
    }
}
