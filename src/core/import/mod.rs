//! Bringing in the real organisation from an HR export (`Workday`,
//! `BambooHR`, `SuccessFactors`, `Personio`, a Visio org-chart wizard file): read the file
//! into a [`Table`], recognise its columns as a [`Mapping`] the user may
//! change, and [`import`] a chart from them, naming every [`Problem`] with
//! its row. [`update`] re-imports into a model made before, as a change
//! list; [`to_csv`] writes a model back out in the same shape.

mod build;
mod cells;
mod columns;
mod evidence;
mod history;
mod json;
mod lookup;
mod problems;
mod read;
mod roles;
mod said;
mod table;
mod update;
mod write;

use std::borrow::Cow;
use std::fmt::Write;

pub use self::build::import;
pub use self::columns::{Field, Mapping, normalise};
pub use self::evidence::canonical;
pub use self::problems::{ImportError, Problem, Warning};
pub use self::read::{read_bytes, read_path};
pub use self::roles::{parse_responsibilities, role_from_badge, role_from_title};
pub use self::table::{MAX_IMPORT_BYTES, Row, Table, decode, read_text};
pub use self::update::{Update, update};
pub use self::write::to_csv;

use crate::core::model::{LeaderId, OrgChart};
use crate::core::wording::{comma_list, count, thousands};
use crate::core::workspace::{Model, ModelId};

/// What the manager column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ManagerKey {
    /// The manager's identifier.
    Id,
    /// The manager's email.
    Email,
    /// The manager's full name.
    Name,
}

impl ManagerKey {
    /// Every key, in the order the mapping step offers them.
    pub const ALL: [Self; 3] = [Self::Id, Self::Email, Self::Name];

    /// "identifier", "email", "name".
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "identifier",
            Self::Email => "email",
            Self::Name => "name",
        }
    }
}

/// Where each person's identifier comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdSource {
    /// The identifier column, by its header.
    Column(String),
    /// No identifier column: the (unique) email.
    Email,
    /// Neither: the full name.
    Name,
}

impl IdSource {
    /// The identifier as named in messages: the header, "email" or "name".
    pub fn label(&self) -> String {
        match self {
            Self::Column(header) => header.clone(),
            Self::Email => "email".to_owned(),
            Self::Name => "name".to_owned(),
        }
    }
}

/// The chart made from a file, and what was wrong on the way.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The people and their reporting lines, in file order.
    pub chart: OrgChart,
    /// Every problem, by row.
    pub problems: Vec<Problem>,
    /// Data rows read (blank ones included).
    pub rows: usize,
    /// What the manager column was matched against (none without one).
    pub manager_key: Option<ManagerKey>,
    /// Where identifiers came from.
    pub id_source: IdSource,
    /// Leaders with no manager.
    pub roots: usize,
    /// Each imported leader's row number, in file order.
    pub order: Vec<(usize, LeaderId)>,
    /// What looks wrong about the whole result, said first.
    pub warnings: Vec<Warning>,
    /// How the reporting lines were found: which columns, matched how,
    /// decided by what.
    pub hierarchy: String,
    /// What was read generously ("84 manager references matched after
    /// dropping leading zeros"), for the summary.
    pub notes: Vec<String>,
}

impl Imported {
    /// "10,482 rows -> 10,480 leaders, 3 top-level, managers matched by
    /// identifier; 2 rows skipped: row 12 (duplicate id "E7"), row 40 (blank)",
    /// after what looks wrong ("Looks wrong: ...").
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for warning in &self.warnings {
            let _ = write!(out, "Looks wrong: {warning}. ");
        }
        out.push_str(&self.counts());
        out
    }

    /// The summary without its warnings: rows, leaders, top level, what
    /// was skipped, what was read generously.
    pub fn counts(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "{} rows -> {} leaders, {} top-level",
            thousands(self.rows),
            thousands(self.chart.len()),
            thousands(self.roots)
        );
        if let Some(key) = self.manager_key {
            out.push_str(", managers matched by ");
            out.push_str(key.label());
        }
        let skipped: Vec<&Problem> = self.problems.iter().filter(|p| p.skips_row()).collect();
        if !skipped.is_empty() {
            let each = skipped
                .iter()
                .map(|p| Cow::Owned(format!("row {} ({})", p.row(), p.short())));
            let _ = write!(
                out,
                "; {} skipped: {}",
                count(skipped.len(), "row", "rows"),
                comma_list(each, skipped.len())
            );
        }
        let others = self.problems.len() - skipped.len();
        if others > 0 {
            let _ = write!(
                out,
                "; {}",
                count(others, "other problem", "other problems")
            );
        }
        for note in &self.notes {
            let _ = write!(out, "; {note}");
        }
        out
    }
}

impl Imported {
    /// A model of the chart, its description saying where it came from.
    pub fn into_model(self, id: ModelId, title: String, file: &str) -> Model {
        Model {
            id,
            title,
            description: format!(
                "Imported from {file}: {}. Reporting lines: {}.",
                self.summary(),
                self.hierarchy
            ),
            preset: None,
            chart: self.chart,
        }
    }
}

/// The file extensions of HR exports the import reads.
pub const EXTENSIONS: [&str; 9] = [
    "csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods", "json",
];

/// True when the path's extension is one of [`EXTENSIONS`] (any case).
pub fn is_hr_export(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// A model id from a title: lower case, words joined by `-`.
pub fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "imported".to_owned()
    } else {
        words.join("-")
    }
}

/// What the user chose in the mapping step (or with `--map`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// The column of each field.
    pub mapping: Mapping,
    /// What the manager column holds; `None` works it out.
    pub manager_key: Option<ManagerKey>,
    /// Why the identifier and manager columns are the ones they are, when
    /// their values (not their headers) decided it.
    pub evidence: Option<String>,
}

impl Choices {
    /// The columns recognised from the headers, then checked against the
    /// values: an identifier that is unique and that the manager column
    /// names (see `evidence.rs`).
    pub fn detect(table: &Table) -> Self {
        let mut mapping = Mapping::detect(&table.headers);
        let evidence = evidence::refine(table, &mut mapping);
        Self {
            mapping,
            manager_key: None,
            evidence,
        }
    }

    /// The detected mapping, with `--map FIELD=COLUMN` choices applied.
    pub fn from_args(table: &Table, maps: &[String]) -> Result<Self, ImportError> {
        let mut choices = Self::detect(table);
        let keys = |m: &Mapping| (m.get(Field::Id), m.get(Field::Manager));
        let detected = keys(&choices.mapping);
        for choice in maps {
            choices
                .mapping
                .apply_choice(choice, &table.headers)
                .map_err(ImportError::BadChoice)?;
        }
        if keys(&choices.mapping) != detected {
            // The user chose: the evidence no longer explains the columns.
            choices.evidence = None;
        }
        Ok(choices)
    }

    /// Imports the table with these choices.
    pub fn import(&self, table: &Table) -> Result<Imported, ImportError> {
        let mut imported = import(table, &self.mapping, self.manager_key)?;
        if let Some(evidence) = &self.evidence {
            imported.hierarchy.push_str("; ");
            imported.hierarchy.push_str(evidence);
        }
        Ok(imported)
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod shape_tests;
#[cfg(test)]
mod tests;
