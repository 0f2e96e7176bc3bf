//! `chartroom import`: an HR export to a Chartroom file, with every problem
//! named and a summary.

use std::io::Write;
use std::path::Path;

use crate::core::format;
use crate::core::import::{self, Choices, Field, ImportError, ManagerKey};
use crate::core::safe_write::{self, Backup};
use crate::core::workspace::{ModelId, Workspace};

/// What the manager column holds, for `--manager-by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ManagerBy {
    /// The manager's identifier.
    Id,
    /// The manager's email.
    Email,
    /// The manager's full name.
    Name,
}

impl From<ManagerBy> for ManagerKey {
    fn from(by: ManagerBy) -> Self {
        match by {
            ManagerBy::Id => Self::Id,
            ManagerBy::Email => Self::Email,
            ManagerBy::Name => Self::Name,
        }
    }
}

/// What `import` was asked for.
pub struct ImportRequest<'a> {
    /// The HR export.
    pub input: &'a Path,
    /// The worksheet of a workbook.
    pub sheet: Option<&'a str>,
    /// `FIELD=COLUMN` choices.
    pub maps: &'a [String],
    /// What the manager column holds, if not worked out.
    pub manager_by: Option<ManagerBy>,
    /// The model's title (the file's name by default).
    pub title: Option<&'a str>,
    /// Any problem fails the import.
    pub strict: bool,
    /// Where to write the Chartroom file.
    pub output: &'a Path,
}

/// Imports, printing the columns used, each problem and the summary.
pub fn run(request: &ImportRequest<'_>, out: &mut dyn Write) -> Result<(), String> {
    let fail = |e: ImportError| format!("{}: {e}", request.input.display());
    let table = import::read_path(request.input, request.sheet).map_err(fail)?;
    let mut choices = Choices::from_args(&table, request.maps).map_err(fail)?;
    choices.manager_key = request.manager_by.map(Into::into);
    let imported = choices.import(&table).map_err(fail)?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(
        out,
        "read {} from {}",
        table.source,
        request.input.display()
    )
    .map_err(io)?;
    let used: Vec<String> = Field::ALL
        .iter()
        .filter_map(|f| {
            let column = choices.mapping.get(*f)?;
            Some(format!("{} = \"{}\"", f.key(), table.headers[column]))
        })
        .collect();
    writeln!(out, "columns: {}", used.join(", ")).map_err(io)?;
    writeln!(out, "identifiers: {}", imported.id_source.label()).map_err(io)?;
    writeln!(out, "hierarchy: {}", imported.hierarchy).map_err(io)?;
    for problem in &imported.problems {
        writeln!(out, "{problem}").map_err(io)?;
    }
    writeln!(out, "{}", imported.summary()).map_err(io)?;
    let found = imported.problems.len() + imported.warnings.len();
    if request.strict && found > 0 {
        return Err(fail(ImportError::Strict { count: found }));
    }
    let file_name = request.input.file_stem().map_or_else(
        || "Imported".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let title = request.title.map_or(file_name, str::to_owned);
    let shown = request
        .input
        .file_name()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let model = imported.into_model(ModelId::new(import::slug(&title)), title, &shown);
    let text = format::save(&Workspace::new(vec![model])).map_err(|e| e.to_string())?;
    safe_write::write_atomic(request.output, text.as_bytes(), Backup::None)
        .map_err(|e| e.to_string())?;
    writeln!(out, "wrote {}", request.output.display()).map_err(io)
}
