//! History tables: several rows per person, one of them current (a
//! current or active flag, a status, or an end date left empty). The
//! current row is imported, the others set aside, and a manager named by
//! one of their earlier rows' identifiers is found at their current row.

use crate::core::fast::HashMap;

use super::columns::{Field, Mapping, normalise};
use super::table::{Row, Table};

/// What says whether a row is current.
#[derive(Clone, Copy)]
enum Says {
    /// A flag or a status: current when it reads yes, 1, current, active.
    Flag,
    /// An end date: current when empty (or the far future).
    EndDate,
}

const FLAG_HEADERS: [&str; 12] = [
    "currentflag",
    "current",
    "iscurrent",
    "currentrecord",
    "currentrow",
    "active",
    "isactive",
    "activeflag",
    "status",
    "employmentstatus",
    "recordstatus",
    "rowstatus",
];
const END_HEADERS: [&str; 8] = [
    "enddate",
    "validto",
    "effectiveto",
    "effectiveenddate",
    "endeffectivedate",
    "todate",
    "dateto",
    "validuntil",
];
/// Headers of a column that names the person across their rows.
const PERSON_HINTS: [&str; 7] = [
    "alternatekey",
    "nationalid",
    "personid",
    "personnumber",
    "loginid",
    "username",
    "email",
];

/// The rows set aside and where their identifiers lead now.
pub struct History {
    /// By row index in the table: true when set aside.
    pub aside: Vec<bool>,
    /// The column that said so.
    pub column: String,
    /// Rows set aside.
    pub set_aside: usize,
    /// An identifier of a row set aside -> the identifier of the same
    /// person's current row.
    pub redirect: HashMap<String, String>,
}

fn says_yes(v: &str) -> bool {
    matches!(
        v,
        "1" | "true" | "yes" | "y" | "t" | "current" | "active" | "a"
    )
}

fn says_no(v: &str) -> bool {
    matches!(
        v,
        "0" | "false"
            | "no"
            | "n"
            | "f"
            | "inactive"
            | "terminated"
            | "former"
            | "historic"
            | "history"
            | "expired"
            | "ended"
            | "left"
            | "superseded"
    )
}

/// Whether a row is current. A flag that is empty counts as "no" only
/// where other rows say "yes" (a status written on current rows only);
/// other words ("on leave") count as current.
fn is_current(value: &str, says: Says, flags_say_yes: bool) -> bool {
    let v = normalise(value);
    match says {
        Says::Flag if v.is_empty() => !flags_say_yes,
        Says::Flag => !says_no(&v),
        Says::EndDate => v.is_empty() || v.contains("9999"),
    }
}

/// The column saying which rows are current, if the table has one.
fn current_column(headers: &[String]) -> Option<(usize, Says)> {
    let normal: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| normal.iter().position(|h| h == name))
    };
    find(&FLAG_HEADERS)
        .map(|c| (c, Says::Flag))
        .or_else(|| find(&END_HEADERS).map(|c| (c, Says::EndDate)))
}

/// The column naming a person across their rows: one whose header says
/// so (not the identifier), else the name.
fn person_column(table: &Table, mapping: &Mapping) -> Option<usize> {
    let id = mapping.get(Field::Id);
    let hinted = table.headers.iter().enumerate().find_map(|(c, h)| {
        let h = normalise(h);
        (Some(c) != id && !h.starts_with("parent") && PERSON_HINTS.iter().any(|p| h.contains(p)))
            .then_some(c)
    });
    hinted.or_else(|| mapping.get(Field::Name))
}

/// Works out which rows are history, when the table says which are
/// current and some are not. `id_of` gives a row's identifier.
pub fn find(table: &Table, mapping: &Mapping, id_of: impl Fn(&Row) -> String) -> Option<History> {
    let (column, says) = current_column(&table.headers)?;
    let yes = table
        .rows
        .iter()
        .any(|r| says_yes(&normalise(r.cell(column))));
    let current: Vec<bool> = table
        .rows
        .iter()
        .map(|r| r.is_blank() || is_current(r.cell(column), says, yes))
        .collect();
    let set_aside = current.iter().filter(|c| !**c).count();
    if set_aside == 0 || set_aside == current.len() {
        return None;
    }
    let person = person_column(table, mapping);
    let person_of = |r: &Row| {
        person
            .map(|c| normalise(r.cell(c)))
            .filter(|p| !p.is_empty())
    };
    let mut now: HashMap<String, String> = HashMap::default();
    for (row, _) in table.rows.iter().zip(&current).filter(|(_, c)| **c) {
        if let Some(p) = person_of(row) {
            now.entry(p).or_insert_with(|| id_of(row));
        }
    }
    let mut redirect = HashMap::default();
    for (row, _) in table.rows.iter().zip(&current).filter(|(_, c)| !**c) {
        let old = id_of(row);
        if let Some(id) = person_of(row).and_then(|p| now.get(&p))
            && *id != old
        {
            redirect.entry(old).or_insert_with(|| id.clone());
        }
    }
    Some(History {
        aside: current.iter().map(|c| !c).collect(),
        column: table.headers[column].clone(),
        set_aside,
        redirect,
    })
}
