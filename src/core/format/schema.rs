//! The serde shape of the file, kept apart from the model. Unknown fields
//! are collected in `extra` so that they are written back, not dropped.

use crate::core::workspace::PageSize;
use serde::{Deserialize, Serialize};

use crate::core::model::{Assignment, Raci, Role};
use crate::core::workspace::JsonMap;

/// Just enough to tell a Chartroom document and its version.
#[derive(Deserialize)]
pub(super) struct Header {
    pub format: Option<serde_json::Value>,
    pub version: Option<serde_json::Value>,
}

/// Read by [`FileDocument`]'s own `Deserialize` (in `read.rs`): a
/// `#[serde(flatten)]` here would buffer the whole document before reading
/// it, which makes a 100,000-leader file several times slower to open.
#[derive(Serialize)]
pub(super) struct FileDocument {
    pub format: String,
    pub version: u32,
    pub models: Vec<FileModel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub storyboard: Vec<FileScene>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_pack: Option<FilePack>,
    /// Version 5: which models are scenarios of which.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<FileScenario>,
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A scenario's link to its baseline (version 5).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileScenario {
    pub model: String,
    pub baseline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
}

/// The board pack's title page (version 4).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FilePack {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subtitle: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Version 6: the paper ("A4", "Letter", "A3").
    #[serde(default, skip_serializing_if = "is_a4")]
    pub paper: PageSize,
    /// Version 6: every page landscape.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_a4(paper: &PageSize) -> bool {
    *paper == PageSize::A4
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileScene {
    pub model: String,
    /// The model on the right of a comparison scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Read by its own `Deserialize` (in `read.rs`), for the same reason.
#[derive(Serialize)]
pub(super) struct FileModel {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Optional: "stacked" lays leaf reports out in columns (older files,
    /// and "wide", in rows).
    #[serde(default, skip_serializing_if = "is_wide")]
    pub layout: crate::core::model::Arrangement,
    pub leaders: Vec<FileLeader>,
    #[serde(default)]
    pub dotted_lines: Vec<FileLine>,
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// Read by its own `Deserialize` (in `read.rs`), for the same reason.
#[derive(Serialize)]
pub(super) struct FileLeader {
    pub id: String,
    pub role: Role,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub manager: Option<String>,
    #[serde(default)]
    pub responsibilities: Vec<FileAssignment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<[f32; 2]>,
    /// Optional (version 3 files may have it; older ones open expanded).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
    /// Optional (from an HR import; older files have none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// Optional, as `department`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Optional, as `department`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Optional: an open position (older files have none, and older
    /// builds keep the field as they found it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Optional: a year's cost of the person (older files have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Optional: an assistant or staff role (older files have none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assistant: bool,
    #[serde(flatten)]
    pub extra: JsonMap,
}

#[derive(Serialize, Deserialize)]
pub(super) struct FileLine {
    pub manager: String,
    pub report: String,
    #[serde(flatten)]
    pub extra: JsonMap,
}

/// A responsibility as written: a bare phrase (accountable, as every
/// version-1 file has it) or a phrase with its RACI letter. Read by its own
/// `Deserialize` (in `read.rs`), so that a bad letter is named as such.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum FileAssignment {
    Accountable(String),
    Lettered { phrase: String, raci: Raci },
}

impl From<FileAssignment> for Assignment {
    fn from(a: FileAssignment) -> Self {
        match a {
            FileAssignment::Accountable(phrase) => Assignment::accountable(phrase),
            FileAssignment::Lettered { phrase, raci } => Assignment::new(phrase, raci),
        }
    }
}

impl From<&Assignment> for FileAssignment {
    fn from(a: &Assignment) -> Self {
        match a.raci {
            Raci::Accountable => Self::Accountable(a.phrase.clone()),
            raci => Self::Lettered {
                phrase: a.phrase.clone(),
                raci,
            },
        }
    }
}

impl FileAssignment {
    pub fn phrase(&self) -> &str {
        match self {
            Self::Accountable(phrase) | Self::Lettered { phrase, .. } => phrase,
        }
    }
}

/// True for the default arrangement, which files leave out.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_wide(arrangement: &crate::core::model::Arrangement) -> bool {
    *arrangement == crate::core::model::Arrangement::Wide
}
