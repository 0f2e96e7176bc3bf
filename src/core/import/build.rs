//! From a table and a mapping to a chart: people by identifier, managers
//! resolved by identifier, email or name, loops broken, every problem named.
//! Linear in the rows: every lookup goes through a hash map.

use std::ops::ControlFlow;

use crate::core::fast::HashMap;
use crate::core::forest::walk_loops;
use crate::core::format::{MAX_LEADERS, MAX_TEXT_CHARS};
use crate::core::model::{Leader, LeaderId, OrgChart};

use super::cells::{check_cells, cut, is_open_post, is_placeholder, is_yes, parse_cost};
use super::columns::{Field, Mapping, normalise, quoted_list};
use super::lookup::{Lookup, Person, Target};
use super::roles::{parse_responsibilities, role_from_badge, role_from_title};
use super::table::{Row, Table};
use super::{IdSource, ImportError, Imported, ManagerKey, Problem, Warning};
use super::{history, said};

/// Makes the chart. Refuses only when no chart can be made.
pub fn import(
    table: &Table,
    mapping: &Mapping,
    key: Option<ManagerKey>,
) -> Result<Imported, ImportError> {
    check_columns(table, mapping)?;
    let id_source = id_source(table, mapping);
    let history = history::find(table, mapping, |row| row_id(row, mapping, &id_source));
    let mut problems = Vec::new();
    let aside = history.as_ref().map(|h| h.aside.as_slice());
    let (people, by_id) = read_people(table, mapping, &id_source, aside, &mut problems);
    check_count(people.len())?;
    let mut lookup = Lookup::new(&people, by_id, mapping);
    if let Some(history) = &history {
        lookup.redirect.clone_from(&history.redirect);
    }
    let manager_column = mapping.get(Field::Manager);
    let key = manager_column.map(|c| key.unwrap_or_else(|| lookup.guess_key(c)));
    let mut parent: Vec<Option<usize>> = match (manager_column, key) {
        (Some(c), Some(key)) => resolve_managers(&people, &lookup, c, key, &mut problems),
        _ => vec![None; people.len()],
    };
    break_loops(&people, &mut parent, &mut problems);
    let roots = parent.iter().filter(|p| p.is_none()).count();
    let skipped = problems.iter().filter(|p| p.skips_row()).count();
    let said = said::Read {
        loose: lookup.loose_matches.get(),
        followed: lookup.followed.get(),
        history: history.as_ref(),
    };
    let mut imported = Imported {
        chart: make_chart(&people, &parent, mapping),
        problems,
        rows: table.rows.len(),
        manager_key: key,
        roots,
        order: people
            .iter()
            .map(|p| (p.row.number, LeaderId::new(&p.id)))
            .collect(),
        warnings: Warning::find(
            manager_column.is_some(),
            roots,
            people.len(),
            skipped,
            table.rows.len(),
        ),
        hierarchy: said::hierarchy(table, manager_column, key, &id_source),
        notes: said.notes(people.iter().map(|p| p.name.as_str())),
        id_source,
    };
    if let (Some(c), Some(key)) = (mapping.get(Field::Dotted), key) {
        add_dotted(&mut imported, &people, &lookup, &parent, (c, key));
    }
    imported.problems.sort_by_key(Problem::row);
    Ok(imported)
}

/// Refuses no people, and more than a chart holds.
fn check_count(people: usize) -> Result<(), ImportError> {
    if people == 0 {
        return Err(ImportError::NoRows);
    }
    if people > MAX_LEADERS {
        return Err(ImportError::TooManyPeople {
            count: people,
            limit: MAX_LEADERS,
        });
    }
    Ok(())
}

/// Refuses a table with no header, or with no column of names.
fn check_columns(table: &Table, mapping: &Mapping) -> Result<(), ImportError> {
    if table.headers.is_empty() {
        return Err(ImportError::Empty);
    }
    let has_name = [Field::Name, Field::FirstName, Field::LastName]
        .iter()
        .any(|f| mapping.get(*f).is_some());
    if !has_name {
        return Err(ImportError::NoNameColumn {
            found: quoted_list(&table.headers),
        });
    }
    Ok(())
}

/// The identifier column; without one, a unique email, else the name.
fn id_source(table: &Table, mapping: &Mapping) -> IdSource {
    if let Some(c) = mapping.get(Field::Id) {
        return IdSource::Column(table.headers.get(c).cloned().unwrap_or_default());
    }
    if let Some(c) = mapping.get(Field::Email) {
        let mut seen = crate::core::fast::HashSet::default();
        let filled = table.rows.iter().filter(|r| !r.is_blank());
        let unique = filled.clone().all(|r| {
            let email = r.cell(c);
            !email.is_empty() && seen.insert(email.to_lowercase())
        });
        if unique && filled.count() > 0 {
            return IdSource::Email;
        }
    }
    IdSource::Name
}

/// The name in a row: the name column, else first and last name joined.
fn name_of(row: &Row, mapping: &Mapping) -> String {
    if let Some(c) = mapping.get(Field::Name) {
        let name = row.cell(c);
        if !name.is_empty() {
            return name.to_owned();
        }
    }
    let part = |f: Field| mapping.get(f).map_or("", |c| row.cell(c));
    let (first, last) = (part(Field::FirstName), part(Field::LastName));
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        _ => last.to_owned(),
    }
}

/// A row's identifier: the identifier column, the email or the name. A
/// placeholder name standing for the identifier ("Vacant", "N/D") gets
/// the row number, so that two vacant posts are not one person.
fn row_id(row: &Row, mapping: &Mapping, source: &IdSource) -> String {
    match source {
        IdSource::Column(_) => mapping
            .get(Field::Id)
            .map_or("", |c| row.cell(c))
            .to_owned(),
        IdSource::Email => mapping
            .get(Field::Email)
            .map_or("", |c| row.cell(c))
            .to_owned(),
        IdSource::Name => {
            let name = name_of(row, mapping);
            if is_placeholder(&name) {
                format!("{name} (row {})", row.number)
            } else {
                name
            }
        }
    }
}

/// Reads each row as a person, skipping blank rows, rows without an
/// identifier and repeated identifiers.
fn read_people<'t>(
    table: &'t Table,
    mapping: &Mapping,
    source: &IdSource,
    aside: Option<&[bool]>,
    problems: &mut Vec<Problem>,
) -> (Vec<Person<'t>>, HashMap<String, usize>) {
    let mut people = Vec::with_capacity(table.rows.len());
    let mut by_id: HashMap<String, usize> = HashMap::default();
    by_id.reserve(table.rows.len());
    for (i, row) in table.rows.iter().enumerate() {
        if aside.is_some_and(|a| a[i]) {
            continue;
        }
        if row.is_blank() {
            problems.push(Problem::BlankRow { row: row.number });
            continue;
        }
        let name = name_of(row, mapping);
        let id = row_id(row, mapping, source);
        let chars = id.chars().count();
        if chars > MAX_TEXT_CHARS {
            problems.push(Problem::IdTooLong {
                row: row.number,
                chars,
            });
            continue;
        }
        check_cells(row, mapping, &name, problems);
        if id.is_empty() {
            problems.push(Problem::MissingId {
                row: row.number,
                column: source.label(),
            });
            continue;
        }
        if let Some(&first) = by_id.get(&id) {
            let first_row = people.get(first).map_or(0, |p: &Person<'_>| p.row.number);
            problems.push(Problem::DuplicateId {
                row: row.number,
                id,
                first_row,
            });
            continue;
        }
        let name = if name.is_empty() {
            problems.push(Problem::MissingName {
                row: row.number,
                id: id.clone(),
            });
            id.clone()
        } else {
            name
        };
        by_id.insert(id.clone(), people.len());
        people.push(Person { row, id, name });
    }
    (people, by_id)
}

/// Values that mean "no manager" when they are nobody's identifier.
fn is_top_marker(value: &str) -> bool {
    const MARKERS: [&str; 16] = [
        "",
        "nomgr",
        "nomanager",
        "none",
        "null",
        "nil",
        "na",
        "nona",
        "self",
        "root",
        "top",
        "0",
        "nobody",
        "vacant",
        "x",
        "xx",
    ];
    MARKERS.contains(&normalise(value).as_str())
}

fn resolve_managers(
    people: &[Person<'_>],
    lookup: &Lookup<'_, '_>,
    column: usize,
    key: ManagerKey,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let mut parent = Vec::with_capacity(people.len());
    for (i, p) in people.iter().enumerate() {
        let value = p.row.cell(column);
        let row = p.row.number;
        let found = match lookup.find(value, key) {
            Target::One(m) if m != i => Some(m),
            Target::One(_) | Target::Nobody => None,
            Target::NotFound if is_top_marker(value) || value == p.id => None,
            Target::NotFound => {
                problems.push(Problem::ManagerNotFound {
                    row,
                    name: p.name.clone(),
                    manager: value.to_owned(),
                });
                None
            }
            Target::Several(rows) => {
                problems.push(Problem::AmbiguousManager {
                    row,
                    name: p.name.clone(),
                    manager: value.to_owned(),
                    rows: rows.iter().map(|&r| people[r].row.number).collect(),
                });
                None
            }
        };
        parent.push(found);
    }
    parent
}

/// Breaks every loop of manager links at the person on it with the lowest
/// row number, who goes to the top, naming the loop.
fn break_loops(people: &[Person<'_>], parent: &mut [Option<usize>], problems: &mut Vec<Problem>) {
    walk_loops(parent, |ring, parent| {
        let Some(at_cut) = (0..ring.len()).min_by_key(|&k| people[ring[k]].row.number) else {
            return ControlFlow::Continue(());
        };
        let cut = ring[at_cut];
        let mut path: Vec<String> = ring[at_cut..]
            .iter()
            .chain(&ring[..at_cut])
            .map(|&r| people[r].name.clone())
            .collect();
        path.push(people[cut].name.clone());
        problems.push(Problem::Loop {
            row: people[cut].row.number,
            name: people[cut].name.clone(),
            path,
        });
        parent[cut] = None;
        ControlFlow::<()>::Continue(())
    });
}

fn make_chart(people: &[Person<'_>], parent: &[Option<usize>], mapping: &Mapping) -> OrgChart {
    fn cell<'t>(p: &Person<'t>, mapping: &Mapping, f: Field) -> &'t str {
        cut(mapping.get(f).map_or("", |c| p.row.cell(c)))
    }
    let leaders = people
        .iter()
        .map(|p| {
            let title = cell(p, mapping, Field::Title);
            let role_cell = cell(p, mapping, Field::Role);
            let role = role_from_badge(role_cell).unwrap_or_else(|| {
                role_from_title(if title.is_empty() { role_cell } else { title })
            });
            let mut leader = Leader::new(p.id.as_str(), role, cut(&p.name)).with_title(title);
            leader.responsibilities =
                parse_responsibilities(cell(p, mapping, Field::Responsibilities));
            cell(p, mapping, Field::Department).clone_into(&mut leader.department);
            cell(p, mapping, Field::Email).clone_into(&mut leader.email);
            cell(p, mapping, Field::Location).clone_into(&mut leader.location);
            leader.open = is_open_post(&p.name);
            leader.cost = parse_cost(cell(p, mapping, Field::Cost));
            leader.assistant = is_yes(cell(p, mapping, Field::Assistant));
            leader
        })
        .collect();
    // Identifiers were made unique and loops broken above.
    OrgChart::from_checked(leaders, parent)
}

fn add_dotted(
    imported: &mut Imported,
    people: &[Person<'_>],
    lookup: &Lookup<'_, '_>,
    parent: &[Option<usize>],
    (column, key): (usize, ManagerKey),
) {
    for (i, p) in people.iter().enumerate() {
        for value in p.row.cell(column).split(';').map(str::trim) {
            let why = match lookup.find(value, key) {
                Target::Nobody => continue,
                Target::NotFound => "is not in the file",
                Target::Several(_) => "could be several people",
                Target::One(m) if m == i => "is themself",
                Target::One(m) if parent[i] == Some(m) => "is already their manager",
                Target::One(m) => {
                    let manager = LeaderId::new(&people[m].id);
                    match imported.chart.add_dotted(&manager, &LeaderId::new(&p.id)) {
                        Ok(()) => continue,
                        Err(_) => "is named twice",
                    }
                }
            };
            imported.problems.push(Problem::BadDotted {
                row: p.row.number,
                name: p.name.clone(),
                manager: value.to_owned(),
                why,
            });
        }
    }
}
