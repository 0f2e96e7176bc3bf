//! From a table and a mapping to a chart: people by identifier, managers
//! resolved by identifier, email or name, loops broken, every problem named.
//! Linear in the rows: every lookup goes through a hash map.

use std::cell::{Cell, OnceCell};
use std::ops::ControlFlow;

use crate::core::analysis::phrase_key;
use crate::core::fast::HashMap;
use crate::core::forest::walk_loops;
use crate::core::format::{MAX_LEADERS, MAX_TEXT_CHARS};
use crate::core::model::{Leader, LeaderId, OrgChart};
use crate::core::wording::count;

use super::columns::{Field, Mapping, normalise, quoted_list};
use super::evidence::canonical;
use super::history;
use super::roles::{parse_responsibilities, role_from_badge, role_from_title};
use super::table::{Row, Table};
use super::{IdSource, ImportError, Imported, ManagerKey, Problem, Warning};

/// One person read from a row, before the chart is made.
struct Person<'t> {
    row: &'t Row,
    id: String,
    name: String,
}

/// How many manager cells the guess of what they hold looks at.
const GUESS_SAMPLE: usize = 2_000;

/// What a manager cell points at.
enum Target {
    Nobody,
    One(usize),
    NotFound,
    Several(Vec<usize>),
}

/// The people of the file, looked up three ways.
#[allow(
    clippy::struct_field_names,
    reason = "three maps of the same people, by what they are keyed on"
)]
struct Lookup<'a, 't> {
    people: &'a [Person<'t>],
    by_id: HashMap<String, usize>,
    by_email: HashMap<String, usize>,
    /// Made on first use: most files name managers by identifier.
    by_name: OnceCell<HashMap<String, Vec<usize>>>,
    /// Identifiers as [`canonical`] writes them, made on first use: for
    /// `00042` when the identifier is `42`.
    by_canonical: OnceCell<HashMap<String, usize>>,
    /// Identifiers found only in their canonical form.
    loose_matches: Cell<usize>,
    /// History tables: an earlier row's identifier -> the current row's.
    redirect: HashMap<String, String>,
    /// Identifiers found through `redirect`.
    followed: Cell<usize>,
}

/// Makes the chart. Refuses only when no chart can be made.
pub fn import(
    table: &Table,
    mapping: &Mapping,
    key: Option<ManagerKey>,
) -> Result<Imported, ImportError> {
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
    let id_source = id_source(table, mapping);
    let history = history::find(table, mapping, |row| row_id(row, mapping, &id_source));
    let mut problems = Vec::new();
    let aside = history.as_ref().map(|h| h.aside.as_slice());
    let (people, by_id) = read_people(table, mapping, &id_source, aside, &mut problems);
    if people.is_empty() {
        return Err(ImportError::NoRows);
    }
    if people.len() > MAX_LEADERS {
        return Err(ImportError::TooManyPeople {
            count: people.len(),
            limit: MAX_LEADERS,
        });
    }
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
    let (loose, followed) = (lookup.loose_matches.get(), lookup.followed.get());
    break_loops(&people, &mut parent, &mut problems);
    let chart = make_chart(&people, &parent, mapping);
    let roots = parent.iter().filter(|p| p.is_none()).count();
    let skipped = problems.iter().filter(|p| p.skips_row()).count();
    let mut imported = Imported {
        chart,
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
        hierarchy: hierarchy(table, manager_column, key, &id_source),
        notes: Vec::new(),
        id_source,
    };
    if loose > 0 {
        imported.notes.push(format!(
            "{} matched after dropping leading zeros or spaces",
            count(loose, "manager reference", "manager references")
        ));
    }
    let names = people.iter().map(|p| p.name.as_str());
    let open: Vec<&str> = names.clone().filter(|n| is_open_post(n)).collect();
    let unnamed: Vec<&str> = names
        .filter(|n| is_placeholder(n) && !is_open_post(n))
        .collect();
    imported
        .notes
        .extend(placeholder_note(&open, "open position", "open positions"));
    imported.notes.extend(placeholder_note(
        &unnamed,
        "post without a named holder",
        "posts without a named holder",
    ));
    if let Some(history) = &history {
        imported.notes.push(format!(
            "{} set aside (not current by \"{}\")",
            count(history.set_aside, "history row", "history rows"),
            history.column
        ));
        if followed > 0 {
            imported.notes.push(format!(
                "{} to earlier rows followed to the person's current row",
                count(followed, "manager reference", "manager references")
            ));
        }
    }
    if let (Some(c), Some(key)) = (mapping.get(Field::Dotted), key) {
        add_dotted(&mut imported, &people, &lookup, &parent, (c, key));
    }
    imported.problems.sort_by_key(Problem::row);
    Ok(imported)
}

/// How the reporting lines were found, in the user's words.
fn hierarchy(
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
fn is_open_post(name: &str) -> bool {
    OPEN_NAMES.contains(&normalise(name).as_str())
}

/// Names that stand for nobody named: an open post, an undisclosed
/// holder, a post that is going.
pub(super) fn is_placeholder(name: &str) -> bool {
    is_open_post(name) || UNNAMED.contains(&normalise(name).as_str())
}

/// "3 open positions (Vacant, TBC)": how many of these names, and which.
fn placeholder_note(names: &[&str], one: &str, many: &str) -> Option<String> {
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
fn check_lengths(row: &Row, mapping: &Mapping, name: &str, problems: &mut Vec<Problem>) {
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
fn cut(text: &str) -> &str {
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
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
        check_lengths(row, mapping, &name, problems);
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

impl<'a, 't> Lookup<'a, 't> {
    fn new(people: &'a [Person<'t>], by_id: HashMap<String, usize>, mapping: &Mapping) -> Self {
        let mut by_email: HashMap<String, usize> = HashMap::default();
        if let Some(c) = mapping.get(Field::Email) {
            for (i, p) in people.iter().enumerate() {
                let email = p.row.cell(c);
                if !email.is_empty() {
                    by_email.entry(email.to_lowercase()).or_insert(i);
                }
            }
        }
        Self {
            people,
            by_id,
            by_email,
            by_name: OnceCell::new(),
            by_canonical: OnceCell::new(),
            loose_matches: Cell::new(0),
            redirect: HashMap::default(),
            followed: Cell::new(0),
        }
    }

    fn by_canonical(&self) -> &HashMap<String, usize> {
        self.by_canonical.get_or_init(|| {
            let mut map: HashMap<String, usize> = HashMap::default();
            for (i, p) in self.people.iter().enumerate() {
                map.entry(canonical(&p.id).into_owned()).or_insert(i);
            }
            map
        })
    }

    /// A person by identifier: as written, else as [`canonical`] writes it.
    fn by_id(&self, value: &str) -> Option<usize> {
        if let Some(&i) = self.by_id.get(value) {
            return Some(i);
        }
        let found = self.by_canonical().get(canonical(value).as_ref()).copied();
        if found.is_some() {
            self.loose_matches.set(self.loose_matches.get() + 1);
            return found;
        }
        let now = self.redirect.get(value)?;
        let found = self.by_id.get(now).copied();
        if found.is_some() {
            self.followed.set(self.followed.get() + 1);
        }
        found
    }

    fn by_name(&self) -> &HashMap<String, Vec<usize>> {
        self.by_name.get_or_init(|| {
            let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, p) in self.people.iter().enumerate() {
                by_name.entry(phrase_key(&p.name)).or_default().push(i);
            }
            by_name
        })
    }

    /// Whichever of identifier, email and name the manager column matches
    /// most often (identifier on a tie).
    fn guess_key(&self, column: usize) -> ManagerKey {
        let sample: Vec<&str> = self
            .people
            .iter()
            .map(|p| p.row.cell(column))
            .filter(|v| !v.is_empty())
            .take(GUESS_SAMPLE)
            .collect();
        let hits = |key: ManagerKey| {
            sample
                .iter()
                .filter(|v| !matches!(self.find(v, key), Target::NotFound))
                .count()
        };
        let by_id = hits(ManagerKey::Id);
        let key = if by_id == sample.len() {
            ManagerKey::Id
        } else {
            let all = [by_id, hits(ManagerKey::Email), hits(ManagerKey::Name)];
            let best = (0..3).max_by_key(|&i| (all[i], 2 - i)).unwrap_or(0);
            ManagerKey::ALL[best]
        };
        // Only the import's own matches are counted.
        self.loose_matches.set(0);
        self.followed.set(0);
        key
    }

    fn find(&self, value: &str, key: ManagerKey) -> Target {
        if value.is_empty() {
            return Target::Nobody;
        }
        let found = match key {
            ManagerKey::Id => self.by_id(value),
            ManagerKey::Email => self.by_email.get(&value.to_lowercase()).copied(),
            ManagerKey::Name => match self.by_name().get(&phrase_key(value)) {
                Some(several) if several.len() > 1 => {
                    return Target::Several(several.clone());
                }
                Some(one) => one.first().copied(),
                None => None,
            },
        };
        found.map_or(Target::NotFound, Target::One)
    }
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
