//! What can be wrong with an HR export: problems that leave a chart to be
//! made (each named with its row and value) and refusals (nothing to make).

use std::borrow::Cow;
use std::fmt;

use crate::core::format::MAX_TEXT_CHARS;
use crate::core::text::visible;
use crate::core::wording::{comma_list, thousands};

/// Why nothing was imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("could not read {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// Larger than any HR export should be.
    #[error("the file is {size} bytes; imports are limited to {limit} bytes")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Text that is not delimited text.
    #[error("line {line} cannot be read as CSV: {reason}")]
    BadText {
        /// The line.
        line: usize,
        /// What the CSV reader said.
        reason: String,
    },
    /// A workbook that cannot be read.
    #[error("the workbook cannot be read: {0}")]
    BadWorkbook(String),
    /// `--sheet` names no sheet of the workbook.
    #[error("there is no sheet \"{name}\"{}", sheet_list(.sheets))]
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The sheets there are (none for a text file).
        sheets: Vec<String>,
    },
    /// No header row.
    #[error("the file is empty")]
    Empty,
    /// A header but no rows under it.
    #[error("the file has a header row but no people under it")]
    NoRows,
    /// No column holds names.
    #[error(
        "no column holds people's names (looked for Name, Full Name, Worker, Display Name, \
         or First Name and Last Name); the columns found are {found}"
    )]
    NoNameColumn {
        /// The headers, quoted.
        found: String,
    },
    /// A `--map` choice that does not fit the file.
    #[error("--map {0}")]
    BadChoice(String),
    /// More people than a chart holds.
    #[error(
        "the file has {count} people; a chart holds up to {limit} (split the export, e.g. by division)"
    )]
    TooManyPeople {
        /// People read.
        count: usize,
        /// The file format's limit.
        limit: usize,
    },
    /// JSON that does not parse.
    #[error("line {line} cannot be read as JSON: {reason}")]
    BadJson {
        /// The line, 1-based.
        line: usize,
        /// What the JSON reader said.
        reason: String,
    },
    /// The file is a Chartroom document, not an HR export.
    #[error(
        "this is a Chartroom document, not an HR export: open it instead (chartroom FILE, or File > Open)"
    )]
    ChartroomDocument,
    /// JSON in a shape the import does not read.
    #[error(
        "this JSON is not an org chart the import reads: it reads a tree of people with \"children\" \
         arrays, or a list of records each with an id and a parent or manager field \
         (\"id\"/\"pid\", \"id\"/\"parentId\", \"key\"/\"parent\"); {found}"
    )]
    UnknownJson {
        /// What was found instead.
        found: String,
    },
    /// Problems were found and `--strict` was given.
    #[error("{count} problems found (and --strict was given)")]
    Strict {
        /// How many.
        count: usize,
    },
}

fn sheet_list(sheets: &[String]) -> String {
    if sheets.is_empty() {
        " (the file is text, not a workbook)".to_owned()
    } else {
        let names = sheets.iter().map(|s| Cow::Owned(format!("\"{s}\"")));
        format!("; the sheets are {}", comma_list(names, sheets.len()))
    }
}

/// Something about the whole import that looks wrong: said before
/// anything else, and `--strict` fails on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// No column holds managers: everyone is at the top.
    NoManagerColumn,
    /// More than a fifth of the people are at the top level.
    ManyAtTop {
        /// People at the top.
        roots: usize,
        /// People imported.
        people: usize,
    },
    /// More than a tenth of the rows were skipped.
    ManySkipped {
        /// Rows skipped.
        skipped: usize,
        /// Rows read.
        rows: usize,
    },
}

impl Warning {
    /// The size from which shares are judged.
    const FROM: usize = 10;

    /// The whole-import warnings of a result: none when it looks right.
    /// Shares are judged from ten people (or rows) up: two of three at the
    /// top is a small file, not a wrong column.
    pub fn find(
        has_manager_column: bool,
        roots: usize,
        people: usize,
        skipped: usize,
        rows: usize,
    ) -> Vec<Self> {
        let mut out = Vec::new();
        if !has_manager_column && people > 1 {
            out.push(Self::NoManagerColumn);
        } else if people >= Self::FROM && roots * 5 > people {
            out.push(Self::ManyAtTop { roots, people });
        }
        if rows >= Self::FROM && skipped * 10 > rows {
            out.push(Self::ManySkipped { skipped, rows });
        }
        out
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoManagerColumn => f.write_str(
                "no column says who each person reports to, so everyone is at the top: \
                 choose the manager column",
            ),
            Self::ManyAtTop { roots, people } => write!(
                f,
                "{} of the {} people are at the top level: the manager column may be the \
                 wrong one, or name managers another way",
                thousands(*roots),
                thousands(*people)
            ),
            Self::ManySkipped { skipped, rows } => write!(
                f,
                "{} of the {} rows were skipped: the identifier column may be the wrong one",
                thousands(*skipped),
                thousands(*rows)
            ),
        }
    }
}

/// "the title is 52,311 characters long (a chart allows 10,000)".
fn too_long(field: &str, chars: usize) -> String {
    format!(
        "the {field} is {} characters long (a chart allows {})",
        thousands(chars),
        thousands(MAX_TEXT_CHARS)
    )
}

/// A problem with one row; the import goes on around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Every cell empty; skipped.
    BlankRow {
        /// Row number.
        row: usize,
    },
    /// No identifier (and no name to stand in for it); skipped.
    MissingId {
        /// Row number.
        row: usize,
        /// The identifier column's header.
        column: String,
    },
    /// No name: the card shows the identifier.
    MissingName {
        /// Row number.
        row: usize,
        /// The identifier shown instead.
        id: String,
    },
    /// An identifier longer than a chart allows; skipped.
    IdTooLong {
        /// Row number.
        row: usize,
        /// Its length in characters.
        chars: usize,
    },
    /// A cell longer than a chart allows: cut to the limit.
    CutToLimit {
        /// Row number.
        row: usize,
        /// The field ("title", "name", ...).
        field: &'static str,
        /// Its length in characters.
        chars: usize,
    },
    /// A cost that is not a number of zero or more: left out.
    BadCost {
        /// Row number.
        row: usize,
        /// The value.
        value: String,
    },
    /// The identifier is on an earlier row; this row is skipped.
    DuplicateId {
        /// Row number.
        row: usize,
        /// The identifier.
        id: String,
        /// Where it first is.
        first_row: usize,
    },
    /// The manager named is nobody in the file; the person is put at the top.
    ManagerNotFound {
        /// Row number.
        row: usize,
        /// Whose manager.
        name: String,
        /// The value in the manager column.
        manager: String,
    },
    /// The manager's name is shared by several people; put at the top.
    AmbiguousManager {
        /// Row number.
        row: usize,
        /// Whose manager.
        name: String,
        /// The value in the manager column.
        manager: String,
        /// The rows of the people with that name.
        rows: Vec<usize>,
    },
    /// Reporting lines loop; broken here, this person is put at the top.
    Loop {
        /// Row number of the person put at the top.
        row: usize,
        /// Their name.
        name: String,
        /// The names around the loop, from this person up to them again.
        path: Vec<String>,
    },
    /// A dotted-line manager that cannot be drawn.
    BadDotted {
        /// Row number.
        row: usize,
        /// Whose line.
        name: String,
        /// The value.
        manager: String,
        /// Why.
        why: &'static str,
    },
}

impl Problem {
    /// The row the problem is on.
    pub fn row(&self) -> usize {
        match self {
            Self::BlankRow { row }
            | Self::MissingId { row, .. }
            | Self::MissingName { row, .. }
            | Self::IdTooLong { row, .. }
            | Self::CutToLimit { row, .. }
            | Self::BadCost { row, .. }
            | Self::DuplicateId { row, .. }
            | Self::ManagerNotFound { row, .. }
            | Self::AmbiguousManager { row, .. }
            | Self::Loop { row, .. }
            | Self::BadDotted { row, .. } => *row,
        }
    }

    /// True when the row is left out of the chart.
    pub fn skips_row(&self) -> bool {
        matches!(
            self,
            Self::BlankRow { .. }
                | Self::MissingId { .. }
                | Self::DuplicateId { .. }
                | Self::IdTooLong { .. }
        )
    }

    /// The short reason, for the summary's list of skipped rows.
    pub fn short(&self) -> String {
        match self {
            Self::BlankRow { .. } => "blank".to_owned(),
            Self::MissingId { column, .. } => format!("no {column}"),
            Self::DuplicateId { id, .. } => format!("duplicate id \"{}\"", visible(id)),
            Self::IdTooLong { .. } => "identifier too long".to_owned(),
            _ => self.to_string(),
        }
    }
}

impl Problem {
    /// What is wrong with reading the row itself (not whom it names), and
    /// what was done about it; none for the others.
    fn reading(&self) -> Option<String> {
        let v = |s: &str| visible(s).into_owned();
        Some(match self {
            Self::BlankRow { row } => format!("row {row}: blank; skipped"),
            Self::MissingId { row, column } => format!("row {row}: no {column}; skipped"),
            Self::MissingName { row, id } => {
                format!("row {row}: no name; the card shows the id \"{}\"", v(id))
            }
            Self::IdTooLong { row, chars } => {
                format!("row {row}: {}; skipped", too_long("identifier", *chars))
            }
            Self::CutToLimit { row, field, chars } => format!(
                "row {row}: {}; cut to the first {}",
                too_long(field, *chars),
                thousands(MAX_TEXT_CHARS)
            ),
            Self::BadCost { row, value } => format!(
                "row {row}: the cost \"{}\" is not a number; left out",
                v(value)
            ),
            Self::DuplicateId { row, id, first_row } => format!(
                "row {row}: the id \"{}\" is already on row {first_row}; row {row} skipped",
                v(id)
            ),
            _ => return None,
        })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(reading) = self.reading() {
            return f.write_str(&reading);
        }
        let v = |s: &str| visible(s).into_owned();
        match self {
            Self::ManagerNotFound { row, name, manager } => write!(
                f,
                "row {row}: {}'s manager \"{}\" is not in the file; {} is put at the top",
                v(name),
                v(manager),
                v(name)
            ),
            Self::AmbiguousManager {
                row,
                name,
                manager,
                rows,
            } => {
                let count = rows.len();
                let list = comma_list(rows.iter().map(|r| Cow::Owned(r.to_string())), count);
                write!(
                    f,
                    "row {row}: {}'s manager \"{}\" could be any of {count} people \
                     (rows {list}); {} is put at the top",
                    v(name),
                    v(manager),
                    v(name)
                )
            }
            Self::Loop { row, name, path } => write!(
                f,
                "row {row}: reporting lines loop ({}); broken here, {} is put at the top",
                path.iter().map(|p| v(p)).collect::<Vec<_>>().join(" -> "),
                v(name)
            ),
            Self::BadDotted {
                row,
                name,
                manager,
                why,
            } => write!(
                f,
                "row {row}: {}'s dotted-line manager \"{}\" {why}; not drawn",
                v(name),
                v(manager)
            ),
            // Said by `reading` above.
            _ => Ok(()),
        }
    }
}
