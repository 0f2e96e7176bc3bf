//! What the import says about how it read the file: how the reporting
//! lines were found, and what it read generously (identifiers with their
//! zeros dropped, history rows set aside, posts nobody holds).

use crate::core::wording::count;

use super::cells::{is_open_post, is_placeholder, placeholder_note};
use super::history::History;
use super::table::Table;
use super::{IdSource, ManagerKey};

/// How the reporting lines were found, in the user's words.
pub(super) fn hierarchy(
    table: &Table,
    manager_column: Option<usize>,
    key: Option<ManagerKey>,
    id_source: &IdSource,
) -> String {
    let (Some(column), Some(key)) = (manager_column, key) else {
        return "no manager column: nobody reports to anyone".to_owned();
    };
    let header = table.headers.get(column).map_or("", String::as_str);
    match (key, id_source) {
        (ManagerKey::Id, IdSource::Column(id)) => {
            format!("managers from \"{header}\", matched by identifier (\"{id}\")")
        }
        _ => format!("managers from \"{header}\", matched by {}", key.label()),
    }
}

/// What was read generously, counted while reading.
pub(super) struct Read<'h> {
    /// Manager references matched only without their zeros or spaces.
    pub loose: usize,
    /// Manager references to an earlier row followed to the current one.
    pub followed: usize,
    /// The history rows set aside, if the table has them.
    pub history: Option<&'h History>,
}

impl Read<'_> {
    /// The summary's notes, given the names of the people imported.
    pub fn notes<'n>(&self, names: impl Iterator<Item = &'n str> + Clone) -> Vec<String> {
        let mut notes = Vec::new();
        if self.loose > 0 {
            notes.push(format!(
                "{} matched after dropping leading zeros or spaces",
                count(self.loose, "manager reference", "manager references")
            ));
        }
        let open: Vec<&str> = names.clone().filter(|n| is_open_post(n)).collect();
        let unnamed: Vec<&str> = names
            .filter(|n| is_placeholder(n) && !is_open_post(n))
            .collect();
        notes.extend(placeholder_note(&open, "open position", "open positions"));
        notes.extend(placeholder_note(
            &unnamed,
            "post without a named holder",
            "posts without a named holder",
        ));
        if let Some(history) = self.history {
            notes.push(format!(
                "{} set aside (not current by \"{}\")",
                count(history.set_aside, "history row", "history rows"),
                history.column
            ));
            if self.followed > 0 {
                notes.push(format!(
                    "{} to earlier rows followed to the person's current row",
                    count(self.followed, "manager reference", "manager references")
                ));
            }
        }
        notes
    }
}
