//! Which column holds what: the fields an import fills, the headers HR
//! systems and diagram tools write for each, and the mapping the user can
//! change before anything is imported.

use std::fmt;

/// Something a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A unique identifier (employee number, user id, work email).
    Id,
    /// The full name.
    Name,
    /// The first (given) name, joined with the last name when there is no name.
    FirstName,
    /// The last (family) name.
    LastName,
    /// The job title.
    Title,
    /// The manager: their identifier, email or full name.
    Manager,
    /// The department.
    Department,
    /// The office or country.
    Location,
    /// The work email.
    Email,
    /// Responsibilities, separated by `;`, each optionally with `(R)` etc.
    Responsibilities,
    /// Chartroom's role badge (CEO, CIO, ...), as `export --format csv` writes it.
    Role,
    /// Dotted-line managers, separated by `;`.
    Dotted,
    /// A year's cost of the person (salary, full cost).
    Cost,
    /// Whether they are an assistant or staff role ("yes", "true", "1",
    /// "x", "assistant", "staff").
    Assistant,
}

impl Field {
    /// Every field, in the order the mapping step lists them.
    pub const ALL: [Self; 14] = [
        Self::Id,
        Self::Name,
        Self::FirstName,
        Self::LastName,
        Self::Title,
        Self::Manager,
        Self::Department,
        Self::Location,
        Self::Email,
        Self::Responsibilities,
        Self::Role,
        Self::Dotted,
        Self::Cost,
        Self::Assistant,
    ];

    /// The name used by `--map FIELD=COLUMN` and shown in the mapping step.
    pub fn key(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::FirstName => "first-name",
            Self::LastName => "last-name",
            Self::Title => "title",
            Self::Manager => "manager",
            Self::Department => "department",
            Self::Location => "location",
            Self::Email => "email",
            Self::Responsibilities => "responsibilities",
            Self::Role => "role",
            Self::Dotted => "dotted",
            Self::Cost => "cost",
            Self::Assistant => "assistant",
        }
    }

    /// A field by its `--map` name (case and punctuation ignored).
    pub fn from_key(key: &str) -> Option<Self> {
        let wanted = normalise(key);
        Self::ALL.into_iter().find(|f| normalise(f.key()) == wanted)
    }

    /// The label in the mapping step.
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "Identifier",
            Self::Name => "Name",
            Self::FirstName => "First name",
            Self::LastName => "Last name",
            Self::Title => "Title",
            Self::Manager => "Manager",
            Self::Department => "Department",
            Self::Location => "Location",
            Self::Email => "Email",
            Self::Responsibilities => "Responsibilities",
            Self::Role => "Role",
            Self::Dotted => "Dotted-line managers",
            Self::Cost => "Cost (a year)",
            Self::Assistant => "Assistant / staff",
        }
    }

    /// Headers that name this field, normalised (see [`normalise`]).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Self::Id => ID_HEADERS,
            Self::Name => NAME_HEADERS,
            Self::FirstName => FIRST_NAME_HEADERS,
            Self::LastName => LAST_NAME_HEADERS,
            Self::Title => TITLE_HEADERS,
            Self::Manager => MANAGER_HEADERS,
            Self::Department => DEPARTMENT_HEADERS,
            Self::Location => LOCATION_HEADERS,
            Self::Email => EMAIL_HEADERS,
            Self::Responsibilities => RESPONSIBILITIES_HEADERS,
            Self::Role => ROLE_HEADERS,
            Self::Dotted => DOTTED_HEADERS,
            Self::Cost => COST_HEADERS,
            Self::Assistant => ASSISTANT_HEADERS,
        }
    }

    /// Words that, inside a longer header, suggest this field.
    fn hints(self) -> &'static [&'static str] {
        match self {
            Self::Manager => &[
                "manager",
                "supervisor",
                "reportsto",
                "reportingto",
                "parent",
            ],
            Self::Email => &["email"],
            Self::Title => &["title"],
            Self::Department => &["department"],
            _ => &[],
        }
    }
}

// The headers that name each field, normalised (see [`normalise`]), in
// order of preference.
const ID_HEADERS: &[&str] = &[
    "employeeid",
    "employeeno",
    "employeenumber",
    "empid",
    "empno",
    "id",
    "userid",
    "personid",
    "personnumber",
    "personnelnumber",
    "workerid",
    "staffid",
    "staffno",
    "associateid",
    "badgeid",
    "uniqueid",
    "uniqueidentifier",
    "employeecode",
    "identifier",
    "eid",
    // Database and position-based exports.
    "employeekey",
    "personkey",
    "positionid",
    "postuniquereference",
    "postid",
    "postreference",
    "positionnumber",
    "positioncode",
    "positionreference",
    "nodeid",
    "node",
    "key",
];
const NAME_HEADERS: &[&str] = &[
    "name",
    "fullname",
    "worker",
    "displayname",
    "employeename",
    "employee",
    "preferredname",
    "legalname",
    "personname",
    "workername",
    "staffname",
    "fullnamefirstlast",
];
const FIRST_NAME_HEADERS: &[&str] = &[
    "firstname",
    "givenname",
    "forename",
    "preferredfirstname",
    "first",
];
const LAST_NAME_HEADERS: &[&str] = &["lastname", "surname", "familyname", "last"];
const TITLE_HEADERS: &[&str] = &[
    "title",
    "jobtitle",
    "businesstitle",
    "position",
    "positiontitle",
    "jobname",
    "jobprofile",
    "designation",
    "jobposition",
    "job",
    "positionname",
    "roletitle",
    "jobroletitle",
    "jobrole",
];
const MANAGER_HEADERS: &[&str] = &[
    "managerid",
    "reportsto",
    "supervisorid",
    "manager",
    "managerbyemail",
    "manageremail",
    "managername",
    "supervisor",
    "supervisoremail",
    "supervisorname",
    "linemanager",
    "reportingto",
    "managerno",
    "manageremployeeid",
    "manageremployeeno",
    "parentid",
    "parent",
    "directmanager",
    "reportstoid",
    "managerworkerid",
    "managerpersonid",
    "manageruserid",
    // Database keys, position-based exports, JavaScript org-chart tools.
    "parentemployeekey",
    "parentpersonkey",
    "managerkey",
    "parentkey",
    "pid",
    "parentpositionid",
    "managerpositionid",
    "reportstopositionid",
    "reportstoseniorpost",
    "reportstopost",
    "reportstoposition",
    "parentpost",
    "parentposition",
    "reportstoemployeeid",
];
const DEPARTMENT_HEADERS: &[&str] = &[
    "department",
    "dept",
    "division",
    "team",
    "unit",
    "organization",
    "organisation",
    "supervisoryorganization",
    "businessunit",
    "orgunit",
    "costcenter",
    "costcentre",
    "departmentname",
];
const LOCATION_HEADERS: &[&str] = &[
    "location",
    "office",
    "site",
    "worklocation",
    "country",
    "city",
    "officelocation",
];
const EMAIL_HEADERS: &[&str] = &[
    "email",
    "workemail",
    "emailaddress",
    "mail",
    "businessemail",
    "primaryworkemail",
    "workemailaddress",
];
const RESPONSIBILITIES_HEADERS: &[&str] = &[
    "responsibilities",
    "responsibility",
    "accountabilities",
    "raci",
    "owns",
];
const ROLE_HEADERS: &[&str] = &["role", "chartroomrole", "badge"];
const DOTTED_HEADERS: &[&str] = &[
    "dotted",
    "dottedline",
    "dottedlines",
    "dottedlineto",
    "dottedlinemanager",
    "dottedlinemanagers",
    "matrixmanager",
    "dottedmanagers",
];

const ASSISTANT_HEADERS: &[&str] = &[
    "assistant",
    "isassistant",
    "assistantflag",
    "staff",
    "staffrole",
    "isstaff",
    "executiveassistant",
];

const COST_HEADERS: &[&str] = &[
    "cost",
    "annualcost",
    "ftecost",
    "fullcost",
    "totalcost",
    "employeecost",
    "salary",
    "annualsalary",
    "basesalary",
    "basepay",
    "salarycost",
    "yearlycost",
];

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A header as compared: lower case, letters and digits only, `#` read as
/// "no" ("Employee #" is "employeeno").
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars() {
        if c == '#' {
            out.push_str("no");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// How many of the cells are, exactly, a header some field is known by:
/// how header-like a row is.
pub fn header_count(cells: &[String]) -> usize {
    cells
        .iter()
        .filter(|c| {
            let c = normalise(c);
            !c.is_empty()
                && Field::ALL
                    .iter()
                    .any(|f| f.synonyms().contains(&c.as_str()))
        })
        .count()
}

/// The column (0-based) of each field, or none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    /// Recognises the columns from the headers: exact names first, then
    /// headers that contain a telling word; each column serves one field.
    pub fn detect(headers: &[String]) -> Self {
        let normal: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut mapping = Self::default();
        let mut taken = vec![false; headers.len()];
        for field in Field::ALL {
            let found = field
                .synonyms()
                .iter()
                .find_map(|syn| (0..normal.len()).find(|&c| !taken[c] && normal[c] == *syn));
            if let Some(c) = found {
                mapping.set(field, Some(c));
                taken[c] = true;
            }
        }
        for field in Field::ALL {
            if mapping.get(field).is_some() {
                continue;
            }
            // "Manager Email" or "Supervisor Title" describe the manager.
            let about_manager =
                |c: usize| Field::Manager.hints().iter().any(|h| normal[c].contains(h));
            let found = (0..normal.len()).find(|&c| {
                !taken[c]
                    && (field == Field::Manager || !about_manager(c))
                    && field.hints().iter().any(|h| normal[c].contains(h))
            });
            if let Some(c) = found {
                mapping.set(field, Some(c));
                taken[c] = true;
            }
        }
        mapping
    }

    /// The column of a field.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.columns[field as usize]
    }

    /// The field a column serves, if any.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| self.columns[*f as usize] == Some(column))
    }

    /// Sets (or clears) the column of a field. A column serves one field:
    /// any other field it served is cleared.
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if column.is_some() {
            for slot in &mut self.columns {
                if *slot == column {
                    *slot = None;
                }
            }
        }
        self.columns[field as usize] = column;
    }

    /// Applies `FIELD=COLUMN` (COLUMN a header, or `#N` for the Nth
    /// column; empty to ignore the field).
    pub fn apply_choice(&mut self, choice: &str, headers: &[String]) -> Result<(), String> {
        let (key, column) = choice
            .split_once('=')
            .ok_or_else(|| format!("\"{choice}\" is not FIELD=COLUMN"))?;
        let field = Field::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            format!("no field \"{key}\"; the fields are {}", keys.join(", "))
        })?;
        let column = column.trim();
        if column.is_empty() {
            self.set(field, None);
            return Ok(());
        }
        let by_number = column
            .strip_prefix('#')
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=headers.len()).contains(n))
            .map(|n| n - 1);
        let wanted = normalise(column);
        let found = by_number
            .or_else(|| headers.iter().position(|h| h == column))
            .or_else(|| headers.iter().position(|h| normalise(h) == wanted));
        match found {
            Some(c) => {
                self.set(field, Some(c));
                Ok(())
            }
            None => Err(format!(
                "no column \"{column}\"; the columns are {}",
                quoted_list(headers)
            )),
        }
    }
}

/// `"A", "B", "C"`.
pub fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|h| format!("\"{h}\"")).collect();
    if quoted.is_empty() {
        "none".to_owned()
    } else {
        quoted.join(", ")
    }
}
