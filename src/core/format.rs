//! The Chartroom document on disk: versioned JSON, kept apart from the model.
//!
//! The file is flat (each leader names its manager) so no nesting limit is hit
//! however deep a chart is, and every check runs without recursion.
//!
//! ```json
//! { "format": "chartroom", "version": 1,
//!   "models": [ { "id": "peers", "title": "...", "leaders": [
//!       { "id": "ceo", "role": "CEO", "name": "CEO", "manager": null,
//!         "responsibilities": [], "position": [10.0, 20.0] } ],
//!     "dotted_lines": [ { "manager": "ciso", "report": "vp-change" } ] } ] }
//! ```

use std::collections::{HashMap, HashSet};
use std::path::Path;

use emath::pos2;
use serde::{Deserialize, Serialize};

use super::model::{Leader, LeaderId, OrgChart, Role};
use super::workspace::{Model, Workspace};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "chartroom";
/// The newest document version this build reads and the one it writes.
pub const CURRENT_VERSION: u32 = 1;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a document could not be loaded. Every variant names the problem in
/// words a user can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("{path} is {size} bytes; Chartroom opens files up to {limit} bytes (64 MiB)")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not JSON.
    #[error("not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        /// The JSON parser's reason.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but no Chartroom document.
    #[error("not a Chartroom document: it has no \"format\": \"chartroom\" field")]
    NotChartroom,
    /// A version this build does not know.
    #[error(
        "made by a newer Chartroom: the file is version {found}, this build reads up to version {supported}"
    )]
    NewerVersion {
        /// The file's version.
        found: u64,
        /// [`CURRENT_VERSION`].
        supported: u32,
    },
    /// Well-formed JSON whose fields have the wrong shape.
    #[error("the document's structure is wrong: {message} (line {line}, column {column})")]
    Structure {
        /// The JSON parser's reason.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// No model at all.
    #[error("the document holds no model")]
    NoModels,
    /// Two models share an id.
    #[error("two models have the id \"{0}\"")]
    DuplicateModel(String),
    /// Two leaders of a model share an id.
    #[error("model \"{model}\": two leaders have the id \"{leader}\"")]
    DuplicateLeader {
        /// Model id.
        model: String,
        /// The repeated leader id.
        leader: String,
    },
    /// A manager reference to a leader that does not exist.
    #[error(
        "model \"{model}\": leader \"{leader}\" reports to \"{manager}\", which is not a leader of this model"
    )]
    DanglingManager {
        /// Model id.
        model: String,
        /// The report.
        leader: String,
        /// The missing manager.
        manager: String,
    },
    /// A dotted line with an end that does not exist.
    #[error(
        "model \"{model}\": a dotted line names \"{leader}\", which is not a leader of this model"
    )]
    DanglingDotted {
        /// Model id.
        model: String,
        /// The missing end.
        leader: String,
    },
    /// A dotted line from a leader to themself, or twice the same.
    #[error("model \"{model}\": the dotted line from \"{manager}\" to \"{report}\" is {why}")]
    BadDotted {
        /// Model id.
        model: String,
        /// Manager end.
        manager: String,
        /// Report end.
        report: String,
        /// "a loop" or "repeated".
        why: &'static str,
    },
    /// Direct lines that form a loop.
    #[error("model \"{model}\": direct reporting lines form a cycle: {}", cycle_text(.leaders))]
    Cycle {
        /// Model id.
        model: String,
        /// The leaders on the loop, the first repeated at the end.
        leaders: Vec<String>,
    },
}

/// "a reports to b, b reports to a".
fn cycle_text(leaders: &[String]) -> String {
    leaders
        .windows(2)
        .map(|w| format!("{} reports to {}", w[0], w[1]))
        .collect::<Vec<_>>()
        .join(", ")
}

impl LoadError {
    fn from_serde(err: &serde_json::Error, structure: bool) -> Self {
        let full = err.to_string();
        // serde_json appends " at line L column C"; we say it our way.
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m)
            .to_owned();
        let (line, column) = (err.line(), err.column());
        if structure {
            Self::Structure {
                message,
                line,
                column,
            }
        } else {
            Self::Syntax {
                message,
                line,
                column,
            }
        }
    }
}

/// Why a document could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A coordinate is NaN or infinite; JSON cannot hold it.
    #[error("model \"{model}\": the position of \"{leader}\" is not a finite number")]
    NonFinite {
        /// Model id.
        model: String,
        /// Leader id.
        leader: String,
    },
    /// The text would not load back; nothing was written.
    #[error("refused to save a document that would not open again: {0}")]
    Unreadable(String),
    /// Writing failed; the old file is untouched.
    #[error("cannot write {path}: {reason}")]
    Io {
        /// Target path.
        path: String,
        /// The system's reason.
        reason: String,
    },
}

#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDocument {
    format: String,
    version: u32,
    models: Vec<FileModel>,
}

#[derive(Serialize, Deserialize)]
struct FileModel {
    id: String,
    title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preset: Option<String>,
    leaders: Vec<FileLeader>,
    #[serde(default)]
    dotted_lines: Vec<FileLine>,
}

#[derive(Serialize, Deserialize)]
struct FileLeader {
    id: String,
    role: Role,
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    manager: Option<String>,
    #[serde(default)]
    responsibilities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<[f32; 2]>,
}

#[derive(Serialize, Deserialize)]
struct FileLine {
    manager: String,
    report: String,
}

/// Parses and validates a document.
pub fn load(text: &str) -> Result<Workspace, LoadError> {
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        // Valid JSON of another shape (an array, a string) is no document of ours.
        Err(e) if e.is_data() => return Err(LoadError::NotChartroom),
        Err(e) => return Err(LoadError::from_serde(&e, false)),
    };
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(LoadError::NotChartroom);
    }
    if let Some(found) = header.version.as_ref().and_then(serde_json::Value::as_u64)
        && found > u64::from(CURRENT_VERSION)
    {
        return Err(LoadError::NewerVersion {
            found,
            supported: CURRENT_VERSION,
        });
    }
    let doc: FileDocument =
        serde_json::from_str(text).map_err(|e| LoadError::from_serde(&e, true))?;
    if doc.models.is_empty() {
        return Err(LoadError::NoModels);
    }
    let mut model_ids = HashSet::new();
    let mut models = Vec::with_capacity(doc.models.len());
    for file_model in doc.models {
        if !model_ids.insert(file_model.id.clone()) {
            return Err(LoadError::DuplicateModel(file_model.id));
        }
        models.push(model_from_file(file_model)?);
    }
    Ok(Workspace { models })
}

/// Reads and loads a file, refusing one over [`MAX_FILE_BYTES`] before reading.
pub fn load_path(path: &Path) -> Result<Workspace, LoadError> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| LoadError::Io {
        path: shown.clone(),
        reason: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::fs::read_to_string(path).map_err(io)?;
    load(&text)
}

fn model_from_file(m: FileModel) -> Result<Model, LoadError> {
    let model_id = m.id.clone();
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(m.leaders.len());
    for (i, l) in m.leaders.iter().enumerate() {
        if index.insert(l.id.as_str(), i).is_some() {
            return Err(LoadError::DuplicateLeader {
                model: model_id,
                leader: l.id.clone(),
            });
        }
    }
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(m.leaders.len());
    for l in &m.leaders {
        parent.push(match &l.manager {
            None => None,
            Some(manager) => {
                Some(
                    *index
                        .get(manager.as_str())
                        .ok_or_else(|| LoadError::DanglingManager {
                            model: model_id.clone(),
                            leader: l.id.clone(),
                            manager: manager.clone(),
                        })?,
                )
            }
        });
    }
    if let Some(cycle) = find_cycle(&parent) {
        return Err(LoadError::Cycle {
            model: model_id,
            leaders: cycle.into_iter().map(|i| m.leaders[i].id.clone()).collect(),
        });
    }
    let mut dotted_seen = HashSet::new();
    for line in &m.dotted_lines {
        for end in [&line.manager, &line.report] {
            if !index.contains_key(end.as_str()) {
                return Err(LoadError::DanglingDotted {
                    model: model_id,
                    leader: end.clone(),
                });
            }
        }
        let why = if line.manager == line.report {
            Some("a loop")
        } else if !dotted_seen.insert((line.manager.as_str(), line.report.as_str())) {
            Some("repeated")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(LoadError::BadDotted {
                model: model_id,
                manager: line.manager.clone(),
                report: line.report.clone(),
                why,
            });
        }
    }

    let mut chart = OrgChart::new();
    let ids: Vec<LeaderId> = m.leaders.iter().map(|l| LeaderId::new(&l.id)).collect();
    for l in m.leaders {
        // Ids were checked unique above, so this cannot fail.
        let leader = Leader {
            id: LeaderId::new(l.id),
            role: l.role,
            name: l.name,
            title: l.title,
            responsibilities: l.responsibilities,
            pinned: l.position.map(|[x, y]| pos2(x, y)),
        };
        chart
            .add_leader(leader)
            .map_err(|_| LoadError::DuplicateModel(model_id.clone()))?;
    }
    for (i, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            chart.attach_validated(&ids[*p], &ids[i]);
        }
    }
    for line in m.dotted_lines {
        // Ends exist and the line is new: checked above.
        let _ = chart.add_dotted(&LeaderId::new(line.manager), &LeaderId::new(line.report));
    }
    Ok(Model {
        id: m.id,
        title: m.title,
        description: m.description,
        preset: m.preset,
        chart,
    })
}

/// Finds a loop of parent links in linear time without recursion. Returns
/// the indices on the loop, each reporting to the next, with the first
/// repeated at the end.
fn find_cycle(parent: &[Option<usize>]) -> Option<Vec<usize>> {
    // 0 = unvisited, 1 = on the current walk, 2 = known to reach a root.
    let mut state = vec![0u8; parent.len()];
    for start in 0..parent.len() {
        if state[start] != 0 {
            continue;
        }
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                0 => {
                    state[i] = 1;
                    walk.push(i);
                    at = parent[i];
                }
                1 => {
                    let from = walk.iter().position(|w| *w == i).unwrap_or(0);
                    let mut cycle: Vec<usize> = walk[from..].to_vec();
                    cycle.push(cycle[0]);
                    return Some(cycle);
                }
                _ => break,
            }
        }
        for i in walk {
            state[i] = 2;
        }
    }
    None
}

/// Serialises a workspace. Refuses a non-finite coordinate, which JSON could
/// not give back.
pub fn save(workspace: &Workspace) -> Result<String, SaveError> {
    let mut models = Vec::with_capacity(workspace.models.len());
    for model in &workspace.models {
        let chart = &model.chart;
        let mut leaders = Vec::with_capacity(chart.len());
        for l in chart.leaders() {
            if let Some(p) = l.pinned
                && !(p.x.is_finite() && p.y.is_finite())
            {
                return Err(SaveError::NonFinite {
                    model: model.id.clone(),
                    leader: l.id.to_string(),
                });
            }
            leaders.push(FileLeader {
                id: l.id.to_string(),
                role: l.role,
                name: l.name.clone(),
                title: l.title.clone(),
                manager: chart.manager_of(&l.id).map(ToString::to_string),
                responsibilities: l.responsibilities.clone(),
                position: l.pinned.map(|p| [p.x, p.y]),
            });
        }
        let dotted_lines = chart
            .dotted_lines()
            .into_iter()
            .map(|line| FileLine {
                manager: line.manager.to_string(),
                report: line.report.to_string(),
            })
            .collect();
        models.push(FileModel {
            id: model.id.clone(),
            title: model.title.clone(),
            description: model.description.clone(),
            preset: model.preset.clone(),
            leaders,
            dotted_lines,
        });
    }
    let doc = FileDocument {
        format: FORMAT_NAME.to_owned(),
        version: CURRENT_VERSION,
        models,
    };
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| SaveError::Io {
        path: String::new(),
        reason: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// Saves to a path without ever leaving a half-written file: the text goes
/// to a temporary file in the same folder, is flushed to disk, and then
/// replaces the target in one rename. The written text is checked to load
/// back before anything is written.
pub fn save_path(workspace: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = save(workspace)?;
    if let Err(e) = load(&text) {
        return Err(SaveError::Unreadable(e.to_string()));
    }
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` through a temporary file, fsync and rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    use std::io::Write;
    let io = |e: std::io::Error| SaveError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".chartroom-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(leaders: &str, dotted: &str) -> String {
        format!(
            r#"{{"format":"chartroom","version":1,"models":[{{"id":"m","title":"M","leaders":[{leaders}],"dotted_lines":[{dotted}]}}]}}"#
        )
    }

    fn leader(id: &str, manager: Option<&str>) -> String {
        let manager = manager.map_or("null".to_owned(), |m| format!("\"{m}\""));
        format!(r#"{{"id":"{id}","role":"CIO","name":"{id}","manager":{manager}}}"#)
    }

    fn err(text: &str) -> String {
        load(text).unwrap_err().to_string()
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        assert_eq!(
            err("{\n  \"format\": \"chartroom\",\n  oops\n}"),
            "not valid JSON: key must be a string (line 3, column 3)"
        );
    }

    #[test]
    fn other_json_is_not_a_chartroom_document() {
        assert_eq!(
            err(r#"{"hello": 1}"#),
            "not a Chartroom document: it has no \"format\": \"chartroom\" field"
        );
        assert_eq!(err("[1, 2]"), err(r#"{"format": "other"}"#));
    }

    #[test]
    fn newer_versions_are_refused_by_name() {
        assert_eq!(
            err(r#"{"format":"chartroom","version":7,"models":[]}"#),
            "made by a newer Chartroom: the file is version 7, this build reads up to version 1"
        );
    }

    #[test]
    fn structure_errors_name_the_field() {
        let text = doc(r#"{"id":"a","role":"Boss","name":"A"}"#, "");
        assert!(
            err(&text).starts_with("the document's structure is wrong: unknown variant `Boss`"),
            "{}",
            err(&text)
        );
    }

    #[test]
    fn reference_errors_name_the_leaders() {
        let dup = doc(&[leader("a", None), leader("a", None)].join(","), "");
        assert_eq!(err(&dup), "model \"m\": two leaders have the id \"a\"");
        let dangling = doc(&leader("a", Some("ghost")), "");
        assert_eq!(
            err(&dangling),
            "model \"m\": leader \"a\" reports to \"ghost\", which is not a leader of this model"
        );
        let cycle = doc(
            &[
                leader("root", None),
                leader("a", Some("c")),
                leader("b", Some("a")),
                leader("c", Some("b")),
            ]
            .join(","),
            "",
        );
        assert_eq!(
            err(&cycle),
            "model \"m\": direct reporting lines form a cycle: a reports to c, c reports to b, b reports to a"
        );
        let dotted = doc(&leader("a", None), r#"{"manager":"a","report":"zz"}"#);
        assert_eq!(
            err(&dotted),
            "model \"m\": a dotted line names \"zz\", which is not a leader of this model"
        );
    }

    #[test]
    fn a_long_chain_loads_without_recursion() {
        let n = 100_000;
        let leaders: Vec<String> = (0..n)
            .map(|i| {
                leader(
                    &format!("l{i}"),
                    (i > 0).then(|| format!("l{}", i - 1)).as_deref(),
                )
            })
            .collect();
        let ws = load(&doc(&leaders.join(","), "")).unwrap();
        assert_eq!(ws.models[0].chart.len(), n);
        let mut looped = leaders.clone();
        looped[0] = leader("l0", Some(&format!("l{}", n - 1)));
        assert!(matches!(
            load(&doc(&looped.join(","), "")),
            Err(LoadError::Cycle { leaders, .. }) if leaders.len() == n + 1
        ));
    }

    #[test]
    fn non_finite_positions_are_refused_at_save() {
        let mut ws = load(&doc(&leader("a", None), "")).unwrap();
        ws.models[0]
            .chart
            .set_pinned(&LeaderId::new("a"), Some(pos2(f32::NAN, 0.0)))
            .unwrap();
        assert_eq!(
            save(&ws).unwrap_err().to_string(),
            "model \"m\": the position of \"a\" is not a finite number"
        );
    }
}
