//! The people on the chart and the lines between them, as plain values:
//! ids, roles, RACI letters, responsibilities, leaders and lines.

use std::fmt;
use std::sync::Arc;

use emath::Pos2;
use serde::{Deserialize, Serialize};

/// A leader's stable identifier, unique within a model (e.g. `"cio"`).
///
/// Shared text: a clone (and there are many, in layouts, selections and
/// edits) is a reference count, not a copy of the string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LeaderId(Arc<str>);

impl LeaderId {
    /// Makes an id from anything string-like.
    pub fn new(id: impl AsRef<str>) -> Self {
        Self(Arc::from(id.as_ref()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for LeaderId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LeaderId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the text straight into the shared string: one allocation
        /// per id, not a `String` and then a copy.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = LeaderId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (text)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LeaderId, E> {
                Ok(LeaderId(Arc::from(v)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

impl fmt::Display for LeaderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kind of executive a leader is; drives the card's colour and badge.
/// Read in any case ("cio", "Cio"), written as the badge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Role {
    /// Chief executive officer.
    #[serde(rename = "CEO")]
    Ceo,
    /// Chief information officer.
    #[serde(rename = "CIO")]
    Cio,
    /// Chief technology officer.
    #[serde(rename = "CTO")]
    Cto,
    /// Chief information security officer.
    #[serde(rename = "CISO")]
    Ciso,
    /// Chief digital officer.
    #[serde(rename = "CDO")]
    Cdo,
    /// Chief digital and information officer (a dual role).
    #[serde(rename = "CDIO")]
    Cdio,
    /// A vice president.
    #[serde(rename = "VP")]
    Vp,
    /// Anyone else.
    #[serde(rename = "Other")]
    Other,
}

impl Role {
    /// Every role, in the order the inspector offers them.
    pub const ALL: [Self; 8] = [
        Self::Ceo,
        Self::Cio,
        Self::Cto,
        Self::Ciso,
        Self::Cdo,
        Self::Cdio,
        Self::Vp,
        Self::Other,
    ];

    /// The short badge text, as written in files.
    pub fn badge(self) -> &'static str {
        match self {
            Self::Ceo => "CEO",
            Self::Cio => "CIO",
            Self::Cto => "CTO",
            Self::Ciso => "CISO",
            Self::Cdo => "CDO",
            Self::Cdio => "CDIO",
            Self::Vp => "VP",
            Self::Other => "Other",
        }
    }

    /// Whether a card shows the role as a badge: every named role does;
    /// "Other" would say nothing (an imported organisation is mostly
    /// Other), so its card shows the role stripe alone.
    pub fn on_card(self) -> bool {
        self != Self::Other
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::ALL
            .into_iter()
            .find(|r| r.badge().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                let all: Vec<&str> = Self::ALL.iter().map(|r| r.badge()).collect();
                serde::de::Error::custom(format!(
                    "role \"{text}\" is not one of {}",
                    all.join(", ")
                ))
            })
    }
}

/// The kind of a reporting line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// The one line a leader reports through; drawn solid.
    Direct,
    /// A secondary (matrix, advisory) line; drawn dashed.
    Dotted,
}

/// A leader's part in a responsibility (the RACI letters).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Raci {
    /// Does the work.
    #[serde(rename = "R")]
    Responsible,
    /// Owns the outcome; by the rule of one accountable owner, exactly one
    /// leader should hold each responsibility with this letter.
    #[default]
    #[serde(rename = "A")]
    Accountable,
    /// Is asked before.
    #[serde(rename = "C")]
    Consulted,
    /// Is told after.
    #[serde(rename = "I")]
    Informed,
}

impl Raci {
    /// Every letter, in the order a click cycles them.
    pub const ALL: [Self; 4] = [
        Self::Accountable,
        Self::Responsible,
        Self::Consulted,
        Self::Informed,
    ];

    /// The letter.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Responsible => "R",
            Self::Accountable => "A",
            Self::Consulted => "C",
            Self::Informed => "I",
        }
    }

    /// The word, for tooltips and sentences.
    pub fn word(self) -> &'static str {
        match self {
            Self::Responsible => "responsible",
            Self::Accountable => "accountable",
            Self::Consulted => "consulted",
            Self::Informed => "informed",
        }
    }

    /// The next letter in the cycle A → R → C → I, and `None` after I (a
    /// click on I removes the assignment).
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Accountable => Some(Self::Responsible),
            Self::Responsible => Some(Self::Consulted),
            Self::Consulted => Some(Self::Informed),
            Self::Informed => None,
        }
    }
}

/// One responsibility a leader holds, with their letter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assignment {
    /// The responsibility, a short phrase.
    pub phrase: String,
    /// The leader's part in it.
    pub raci: Raci,
}

impl Assignment {
    /// An assignment with the given letter.
    pub fn new(phrase: impl Into<String>, raci: Raci) -> Self {
        Self {
            phrase: phrase.into(),
            raci,
        }
    }

    /// An accountable assignment (the default letter).
    pub fn accountable(phrase: impl Into<String>) -> Self {
        Self::new(phrase, Raci::Accountable)
    }
}

/// The name line of an open position's card.
pub const OPEN_POSITION: &str = "Open position";

/// One leader: who they are, what they hold, and where their card was put by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct Leader {
    /// Stable id, unique in the model.
    pub id: LeaderId,
    /// CEO, CIO, ...
    pub role: Role,
    /// The name on the card (presets use the role, e.g. "CIO").
    pub name: String,
    /// The title under the name.
    pub title: String,
    /// Responsibilities (short phrases) with the leader's RACI letter.
    pub responsibilities: Vec<Assignment>,
    /// Chart-space top-left corner of a card placed by hand; `None` follows the
    /// automatic layout.
    pub pinned: Option<Pos2>,
    /// The leader's reports (and everyone under them) are folded away on
    /// the chart and in pictures; the card says how many.
    pub collapsed: bool,
    /// Where they sit in the organisation (from an HR import); may be empty.
    pub department: String,
    /// Work email (from an HR import); may be empty.
    pub email: String,
    /// Office or country (from an HR import); may be empty.
    pub location: String,
    /// An open position: the post is there, nobody holds it (a vacancy in
    /// an HR export). The card is drawn dashed and says so.
    pub open: bool,
    /// What the person costs a year (salary or full cost, in the file's
    /// currency), when known: from an HR import's cost column or typed in
    /// the inspector. Finite and not negative.
    pub cost: Option<f64>,
    /// An assistant or staff role: drawn beside their manager's line, not
    /// among the reports, and not counted in the manager's span.
    pub assistant: bool,
}

impl Leader {
    /// A leader with no responsibilities and no hand-placed position.
    pub fn new(id: impl AsRef<str>, role: Role, name: impl Into<String>) -> Self {
        Self {
            id: LeaderId::new(id),
            role,
            name: name.into(),
            title: String::new(),
            responsibilities: Vec::new(),
            pinned: None,
            collapsed: false,
            department: String::new(),
            email: String::new(),
            location: String::new(),
            open: false,
            cost: None,
            assistant: false,
        }
    }

    /// What the card's name line says: the name, or "Open position".
    pub fn card_name(&self) -> &str {
        if self.open { OPEN_POSITION } else { &self.name }
    }

    /// Builder: sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Builder: sets the responsibilities, each accountable (A).
    #[must_use]
    pub fn with_responsibilities<S: Into<String>>(
        mut self,
        items: impl IntoIterator<Item = S>,
    ) -> Self {
        self.responsibilities = items.into_iter().map(Assignment::accountable).collect();
        self
    }

    /// Builder: sets the responsibilities with their letters.
    #[must_use]
    pub fn with_assignments(mut self, items: impl IntoIterator<Item = Assignment>) -> Self {
        self.responsibilities = items.into_iter().collect();
        self
    }

    /// The phrases the leader holds.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.responsibilities.iter().map(|a| a.phrase.as_str())
    }
}

/// A reporting line as seen from outside the graph.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Line {
    /// The manager end.
    pub manager: LeaderId,
    /// The report end.
    pub report: LeaderId,
    /// Direct or dotted.
    pub kind: LineKind,
}
