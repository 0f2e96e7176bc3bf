//! The people of an import, looked up by identifier (as written, then as
//! people write them, then through a history table's earlier rows), by
//! email and by name; and the guess of which of these a manager column
//! holds.

use std::cell::{Cell, OnceCell};

use crate::core::analysis::phrase_key;
use crate::core::fast::HashMap;

use super::ManagerKey;
use super::columns::{Field, Mapping};
use super::evidence::canonical;
use super::table::Row;

/// One person read from a row, before the chart is made.
pub(super) struct Person<'t> {
    /// The row.
    pub row: &'t Row,
    /// The identifier.
    pub id: String,
    /// The name shown.
    pub name: String,
}

/// How many manager cells the guess of what they hold looks at.
const GUESS_SAMPLE: usize = 2_000;

/// What a manager cell points at.
pub(super) enum Target {
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
pub(super) struct Lookup<'a, 't> {
    pub people: &'a [Person<'t>],
    by_id: HashMap<String, usize>,
    by_email: HashMap<String, usize>,
    /// Made on first use: most files name managers by identifier.
    by_name: OnceCell<HashMap<String, Vec<usize>>>,
    /// Identifiers as [`canonical`] writes them, made on first use: for
    /// `00042` when the identifier is `42`.
    by_canonical: OnceCell<HashMap<String, usize>>,
    /// Identifiers found only in their canonical form.
    pub loose_matches: Cell<usize>,
    /// History tables: an earlier row's identifier -> the current row's.
    pub redirect: HashMap<String, String>,
    /// Identifiers found through `redirect`.
    pub followed: Cell<usize>,
}

impl<'a, 't> Lookup<'a, 't> {
    pub fn new(people: &'a [Person<'t>], by_id: HashMap<String, usize>, mapping: &Mapping) -> Self {
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
    pub fn guess_key(&self, column: usize) -> ManagerKey {
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

    pub fn find(&self, value: &str, key: ManagerKey) -> Target {
        if value.is_empty() {
            return Target::Nobody;
        }
        let found = match key {
            ManagerKey::Id => self.by_id(value),
            ManagerKey::Email => self.by_email.get(&value.to_lowercase()).copied(),
            ManagerKey::Name => {
                // "Smith, John" names John Smith when no one is called so.
                let swapped = || {
                    let (last, first) = value.split_once(',')?;
                    (!first.contains(','))
                        .then(|| self.by_name().get(&phrase_key(&format!("{first} {last}"))))
                        .flatten()
                };
                match self.by_name().get(&phrase_key(value)).or_else(swapped) {
                    Some(several) if several.len() > 1 => {
                        return Target::Several(several.clone());
                    }
                    Some(one) => one.first().copied(),
                    None => None,
                }
            }
        };
        found.map_or(Target::NotFound, Target::One)
    }
}
