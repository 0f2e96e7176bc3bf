//! Deciding the identifier and manager columns by what their values are,
//! when the headers do not say it (`EmployeeKey`/`ParentEmployeeKey`,
//! `Post Unique Reference`/`Reports to Senior Post`, `id`/`pid` under other
//! names): the identifier is unique on every row, and the manager column's
//! values name one of them. The sentence saying which evidence decided it
//! goes into the import's summary.

use std::borrow::Cow;

use crate::core::fast::{HashMap, HashSet};
use crate::core::wording::thousands;

use super::columns::{Field, Mapping};
use super::table::Table;

/// How many rows the values are read from (the first ones).
const SAMPLE: usize = 5_000;

/// A manager column must name someone on at least this share of its
/// filled cells to be taken as one.
const ENOUGH: f64 = 0.8;

/// An identifier as people write it, for matching: trimmed, a workbook's
/// `2.0` read as `2`, leading zeros dropped from a number (`00042` is `42`).
pub fn canonical(value: &str) -> Cow<'_, str> {
    let value = value.trim();
    let whole = value
        .strip_suffix(".0")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(value);
    if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) {
        let digits = whole.trim_start_matches('0');
        return Cow::Borrowed(if digits.is_empty() { "0" } else { digits });
    }
    Cow::Borrowed(whole)
}

/// The filled cells of one column over the sample.
fn column_values(table: &Table, column: usize) -> Vec<&str> {
    table
        .rows
        .iter()
        .filter(|r| !r.is_blank())
        .take(SAMPLE)
        .map(|r| r.cell(column))
        .collect()
}

/// How well a column works as the identifier another column points to.
struct Pair {
    id: usize,
    manager: usize,
    /// Filled manager cells that name someone (not their own row).
    named: usize,
    /// Filled manager cells.
    filled: usize,
}

impl Pair {
    fn share(&self) -> f64 {
        if self.filled == 0 {
            0.0
        } else {
            self.named as f64 / self.filled as f64
        }
    }
}

/// Columns whose values are filled and unique over the sample, with the
/// set of their canonical values.
fn unique_columns(table: &Table) -> Vec<(usize, HashSet<String>)> {
    let width = table.headers.len();
    let mut out = Vec::new();
    for c in 0..width {
        let values = column_values(table, c);
        if values.is_empty() || values.iter().any(|v| v.is_empty()) {
            continue;
        }
        let mut set: HashSet<String> = HashSet::default();
        if values.iter().all(|v| set.insert(canonical(v).into_owned())) {
            out.push((c, set));
        }
    }
    out
}

/// How many of `manager`'s filled cells name a value of `ids` other than
/// the row's own.
fn pair(table: &Table, id: (usize, &HashSet<String>), manager: usize) -> Pair {
    let (id_column, set) = id;
    let (mut named, mut filled) = (0, 0);
    for row in table.rows.iter().filter(|r| !r.is_blank()).take(SAMPLE) {
        let value = row.cell(manager);
        if value.is_empty() {
            continue;
        }
        filled += 1;
        let value = canonical(value);
        if set.contains(value.as_ref()) && value != canonical(row.cell(id_column)) {
            named += 1;
        }
    }
    Pair {
        id: id_column,
        manager,
        named,
        filled,
    }
}

/// Checks the identifier and manager columns against their values. When
/// the headers give none, or a pair whose values do not point at each
/// other, and another pair of columns does (a unique column, and one
/// whose values name its values), that pair is taken. Returns the
/// evidence, in the user's words, when the values decided.
pub fn refine(table: &Table, mapping: &mut Mapping) -> Option<String> {
    let unique = unique_columns(table);
    let by_column: HashMap<usize, &HashSet<String>> =
        unique.iter().map(|(c, set)| (*c, set)).collect();
    if let Some(manager) = mapping.get(Field::Manager) {
        // Names and emails are matched by the import itself; only an
        // identifier pair is checked here.
        let id = mapping.get(Field::Id);
        let fits = |c: Option<usize>| {
            c.and_then(|c| by_column.get(&c).map(|set| pair(table, (c, set), manager)))
                .is_some_and(|p| p.share() >= ENOUGH)
        };
        let by_name_or_email = [Field::Email, Field::Name]
            .iter()
            .any(|f| mapping.get(*f).is_some_and(|c| c != manager))
            && names_or_emails_match(table, mapping, manager);
        if fits(id) || by_name_or_email {
            return None;
        }
    }
    // Columns that hold a name, a title or the like are not keys.
    let free = |c: usize| {
        mapping
            .field_of(c)
            .is_none_or(|f| matches!(f, Field::Id | Field::Manager))
    };
    let best = unique
        .iter()
        .filter(|(id, _)| free(*id))
        .flat_map(|(id, set)| {
            (0..table.headers.len())
                .filter(move |m| m != id && free(*m))
                .map(move |m| pair(table, (*id, set), m))
        })
        .filter(|p| p.named > 0 && p.share() >= ENOUGH)
        .max_by_key(|p| (p.named, usize::MAX - p.id))?;
    if mapping.get(Field::Id) == Some(best.id) && mapping.get(Field::Manager) == Some(best.manager)
    {
        return None;
    }
    mapping.set(Field::Id, Some(best.id));
    mapping.set(Field::Manager, Some(best.manager));
    Some(format!(
        "identifier \"{}\" and manager \"{}\" found by their values: \"{}\" is unique on every row, and {} of the {} filled \"{}\" cells name one of them",
        table.headers[best.id],
        table.headers[best.manager],
        table.headers[best.id],
        thousands(best.named),
        thousands(best.filled),
        table.headers[best.manager],
    ))
}

/// True when the manager column's values are mostly names or emails of
/// people in the file (the import matches those itself).
fn names_or_emails_match(table: &Table, mapping: &Mapping, manager: usize) -> bool {
    let known: HashSet<String> = [Field::Name, Field::Email]
        .iter()
        .filter_map(|f| mapping.get(*f))
        .flat_map(|c| column_values(table, c))
        .map(|v| v.trim().to_lowercase())
        .collect();
    let values = column_values(table, manager);
    let filled: Vec<&&str> = values.iter().filter(|v| !v.is_empty()).collect();
    let named = filled
        .iter()
        .filter(|v| known.contains(&v.trim().to_lowercase()))
        .count();
    !filled.is_empty() && named as f64 >= ENOUGH * filled.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_matched_as_people_write_them() {
        assert_eq!(canonical("00005654"), "5654");
        assert_eq!(canonical(" 5654 "), "5654");
        assert_eq!(canonical("2.0"), "2");
        assert_eq!(canonical("000"), "0");
        assert_eq!(canonical("E007"), "E007");
        assert_eq!(canonical("2.5"), "2.5");
        assert_eq!(canonical(".0"), ".0");
    }
}
