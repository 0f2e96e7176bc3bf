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

mod error;
mod read;
mod save;
mod schema;

use std::collections::HashSet;
use std::ops::ControlFlow;

use crate::core::fast::HashMap;
use std::path::Path;

use emath::pos2;

pub use self::error::{LoadError, SaveError};
pub use self::save::{save, save_path};
use self::schema::{
    FileDocument, FileLeader, FileLine, FileModel, FileScenario, FileScene, Header,
};
use super::forest::walk_loops;
use super::model::{Leader, LeaderId, OrgChart};
use super::workspace::{Extras, Model, ModelId, PackInfo, ScenarioLink, Scene, Workspace};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "chartroom";
/// The file name extension Chartroom saves with (`.json` opens too): the
/// package registers it, and the content, as `application/x-chartroom+json`.
pub const EXTENSION: &str = "chartroom";
/// The newest document version this build reads and the one it writes.
///
/// Version history: 1, leaders with plain responsibility phrases; 2, a
/// responsibility may carry a RACI letter (`{"phrase": ..., "raci": "R"}`;
/// a plain phrase is accountable); 3, a `storyboard` of presentation scenes;
/// 4, a scene may carry a `caption` and speaker `notes`, and the document a
/// `board_pack` title page (title, subtitle, author, date); 5, leaders may
/// carry `open` and `cost`, and the document `scenarios`: which model is
/// a scenario of which baseline (`{"model", "baseline", "target"}`); 6,
/// the `board_pack` may name its `paper` ("A4", "Letter", "A3") and keep
/// every page `landscape`.
/// Older versions read as the current one: every responsibility of version 1
/// is accountable, which is what it meant, and no storyboard means one scene
/// per model.
pub const CURRENT_VERSION: u32 = 6;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most models one document may hold.
pub const MAX_MODELS: usize = 1_000;
/// Most leaders one model may hold.
pub const MAX_LEADERS: usize = 250_000;
/// Longest id, name, title, responsibility or model title, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Parses and validates a document.
pub fn load(text: &str) -> Result<Workspace, LoadError> {
    // A byte-order mark, as Windows editors write it, is no part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // One pass over the text when the file is good; only a failure reads
    // the header alone, to say whether it is ours and which version.
    let doc: FileDocument = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(e) => return Err(header_error(text).unwrap_or_else(|| LoadError::from_serde(&e, true))),
    };
    if doc.format != FORMAT_NAME {
        return Err(LoadError::NotChartroom);
    }
    if doc.version > CURRENT_VERSION {
        return Err(LoadError::NewerVersion {
            found: u64::from(doc.version),
            supported: CURRENT_VERSION,
        });
    }
    if doc.models.is_empty() {
        return Err(LoadError::NoModels);
    }
    check_count("models in the document", doc.models.len(), MAX_MODELS)?;
    let mut extras = Extras {
        document: doc.extra,
        ..Extras::default()
    };
    let mut model_ids = HashSet::new();
    let mut models = Vec::with_capacity(doc.models.len());
    for file_model in doc.models {
        if !model_ids.insert(file_model.id.clone()) {
            return Err(LoadError::DuplicateModel(file_model.id));
        }
        models.push(model_from_file(file_model, &mut extras)?);
    }
    let storyboard = scenes_from_file(doc.storyboard, &models)?;
    let pack = doc.board_pack.map_or_else(PackInfo::default, |p| PackInfo {
        title: p.title,
        subtitle: p.subtitle,
        author: p.author,
        date: p.date,
        paper: p.paper,
        landscape: p.landscape,
    });
    let scenarios = links_from_file(doc.scenarios, &model_ids);
    Ok(Workspace {
        models,
        storyboard,
        extras,
        pack,
        scenarios,
    })
}

/// The scenario links of the file; a link naming a model the file does
/// not have means nothing and is left out.
fn links_from_file(links: Vec<FileScenario>, models: &HashSet<String>) -> Vec<ScenarioLink> {
    links
        .into_iter()
        .filter(|s| models.contains(&s.model) && models.contains(&s.baseline))
        .map(|s| ScenarioLink {
            model: ModelId::new(s.model),
            baseline: ModelId::new(s.baseline),
            target: s.target,
        })
        .collect()
}

/// Why a document that did not parse is not ours (not JSON, another kind
/// of JSON, a newer version), or `None` when it is ours and the parse
/// error itself is the reason.
fn header_error(text: &str) -> Option<LoadError> {
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        // Valid JSON of another shape (an array, a string) is no document of ours.
        Err(e) if e.is_data() => return Some(LoadError::NotChartroom),
        Err(e) => return Some(LoadError::from_serde(&e, false)),
    };
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Some(LoadError::NotChartroom);
    }
    match header.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(found) if found > u64::from(CURRENT_VERSION) => Some(LoadError::NewerVersion {
            found,
            supported: CURRENT_VERSION,
        }),
        _ => None,
    }
}

/// Checks that every scene names a model of the document, and a leader of
/// that model if it focuses on one.
fn scenes_from_file(scenes: Vec<FileScene>, models: &[Model]) -> Result<Vec<Scene>, LoadError> {
    scenes
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let problem = |what: String| LoadError::BadScene {
                scene: i + 1,
                problem: what,
            };
            let find = |id: &str| {
                models
                    .iter()
                    .find(|m| m.id.as_str() == id)
                    .ok_or_else(|| problem(format!("there is no model \"{id}\"")))
            };
            let model = find(&s.model)?;
            let compare = match s.compare {
                Some(id) => Some(find(&id)?.id.clone()),
                None => None,
            };
            let focus = s.focus.map(LeaderId::new);
            if let Some(focus) = &focus
                && !model.chart.contains(focus)
            {
                return Err(problem(format!(
                    "model \"{}\" has no leader \"{focus}\" to focus on",
                    s.model
                )));
            }
            Ok(Scene {
                model: ModelId(s.model),
                compare,
                focus,
                highlight: s.highlight,
                caption: s.caption,
                notes: s.notes,
            })
        })
        .collect()
}

/// True when the bytes begin as a Chartroom document does: a JSON object
/// whose `format` field, near the top, is `"chartroom"` (what the MIME
/// type's magic looks for). Tells a Chartroom `.json` from an org chart
/// exported by another tool without reading the whole file.
pub fn is_document(start: &[u8]) -> bool {
    let start = &start[..start.len().min(4096)];
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('{') {
        return false;
    }
    text.match_indices("\"format\"").any(|(at, key)| {
        let rest = text[at + key.len()..].trim_start();
        rest.strip_prefix(':')
            .is_some_and(|v| v.trim_start().starts_with(&format!("\"{FORMAT_NAME}\"")))
    })
}

/// [`is_document`] for a file's first bytes; false when it cannot be read.
pub fn is_document_path(path: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut start))
        .is_ok_and(|_| is_document(&start))
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
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotText {
        path: shown.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    load(&text)
}

fn check_count(what: &'static str, count: usize, limit: usize) -> Result<(), LoadError> {
    if count > limit {
        return Err(LoadError::TooMany { what, count, limit });
    }
    Ok(())
}

/// Refuses text longer than [`MAX_TEXT_CHARS`]; `place` says whose it is.
fn check_text(
    place: impl FnOnce() -> String,
    field: &'static str,
    text: &str,
) -> Result<(), LoadError> {
    // Bytes bound characters from above: count only when it could matter.
    if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
        return Err(LoadError::TooLong {
            place: place(),
            field,
            limit: MAX_TEXT_CHARS,
        });
    }
    Ok(())
}

/// Refuses an empty id, or one with spaces around it (it could not be told
/// from the trimmed one on screen).
fn check_id(place: impl FnOnce() -> String, id: &str) -> Result<(), LoadError> {
    let why = if id.is_empty() {
        "is empty"
    } else if id.trim() != id {
        "has spaces around it"
    } else {
        return Ok(());
    };
    Err(LoadError::BadId {
        place: place(),
        id: id.to_owned(),
        why,
    })
}

fn check_leader_texts(model: &str, l: &FileLeader) -> Result<(), LoadError> {
    let place = || format!("model \"{model}\", leader \"{}\"", l.id);
    check_id(|| format!("model \"{model}\": a leader's id"), &l.id)?;
    check_text(place, "id", &l.id)?;
    check_text(place, "name", &l.name)?;
    check_text(place, "title", &l.title)?;
    check_text(place, "department", &l.department)?;
    check_text(place, "email", &l.email)?;
    check_text(place, "location", &l.location)?;
    for r in &l.responsibilities {
        check_text(place, "responsibility", r.phrase())?;
    }
    if l.cost.is_some_and(|c| !c.is_finite() || c < 0.0) {
        return Err(LoadError::BadCost {
            model: model.to_owned(),
            leader: l.id.clone(),
        });
    }
    if let Some([x, y]) = l.position
        && !(x.is_finite() && y.is_finite())
    {
        return Err(LoadError::NonFinite {
            model: model.to_owned(),
            leader: l.id.clone(),
        });
    }
    Ok(())
}

fn model_from_file(m: FileModel, extras: &mut Extras) -> Result<Model, LoadError> {
    let model_id = m.id.clone();
    let place = || format!("model \"{model_id}\"");
    check_text(place, "id", &m.id)?;
    check_id(|| "a model's id".to_owned(), &m.id)?;
    check_text(place, "title", &m.title)?;
    check_count("leaders in one model", m.leaders.len(), MAX_LEADERS)?;
    let mut index: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(m.leaders.len(), foldhash::fast::RandomState::default());
    for (i, l) in m.leaders.iter().enumerate() {
        check_leader_texts(&model_id, l)?;
        if index.insert(l.id.as_str(), i).is_some() {
            return Err(LoadError::DuplicateLeader {
                model: model_id,
                leader: l.id.clone(),
            });
        }
    }
    let mut parent = parents(&model_id, &m.leaders, &index)?;
    if let Some(cycle) = find_cycle(&mut parent) {
        return Err(LoadError::Cycle {
            model: model_id,
            leaders: cycle.into_iter().map(|i| m.leaders[i].id.clone()).collect(),
        });
    }
    check_dotted(&model_id, &m.dotted_lines, &index, &parent)?;

    let mut chart = chart_from_file(&model_id, m.leaders, m.dotted_lines, &parent, extras);
    chart.set_arrangement(m.layout);
    if !m.extra.is_empty() {
        extras.models.insert(model_id.clone(), m.extra);
    }
    Ok(Model {
        id: ModelId(m.id),
        title: m.title,
        description: m.description,
        preset: m.preset,
        chart,
    })
}

/// Each leader's manager as an index, or the dangling manager named.
fn parents(
    model_id: &str,
    leaders: &[FileLeader],
    index: &HashMap<&str, usize>,
) -> Result<Vec<Option<usize>>, LoadError> {
    leaders
        .iter()
        .map(|l| match &l.manager {
            None => Ok(None),
            Some(manager) => index
                .get(manager.as_str())
                .copied()
                .map(Some)
                .ok_or_else(|| LoadError::DanglingManager {
                    model: model_id.to_owned(),
                    leader: l.id.clone(),
                    manager: manager.clone(),
                }),
        })
        .collect()
}

/// The chart of checked leaders and lines; unknown fields go to `extras`.
fn chart_from_file(
    model_id: &str,
    leaders: Vec<FileLeader>,
    dotted_lines: Vec<FileLine>,
    parent: &[Option<usize>],
    extras: &mut Extras,
) -> OrgChart {
    let model_id = model_id.to_owned();
    let mut checked = Vec::with_capacity(leaders.len());
    for l in leaders {
        if !l.extra.is_empty() {
            extras
                .leaders
                .insert((model_id.clone(), l.id.clone()), l.extra);
        }
        checked.push(Leader {
            id: LeaderId::new(l.id),
            role: l.role,
            name: l.name,
            title: l.title,
            responsibilities: l.responsibilities.into_iter().map(Into::into).collect(),
            pinned: l.position.map(|[x, y]| pos2(x, y)),
            collapsed: l.collapsed,
            department: l.department,
            email: l.email,
            location: l.location,
            open: l.open,
            cost: l.cost,
            assistant: l.assistant,
        });
    }
    // Ids were checked unique, managers found and loops refused above.
    let mut chart = OrgChart::from_checked(checked, parent);
    for line in dotted_lines {
        let (manager, report) = (LeaderId::new(&line.manager), LeaderId::new(&line.report));
        if !line.extra.is_empty() {
            extras
                .lines
                .insert((model_id.clone(), line.manager, line.report), line.extra);
        }
        // Ends exist and the line is new: checked above.
        let _ = chart.add_dotted(&manager, &report);
    }
    chart
}

/// Dotted lines must join two leaders of the model, not a leader to
/// themself, once each, and not double a direct line.
fn check_dotted(
    model: &str,
    lines: &[FileLine],
    index: &HashMap<&str, usize>,
    parent: &[Option<usize>],
) -> Result<(), LoadError> {
    let mut seen = HashSet::new();
    for line in lines {
        let mut ends = [0; 2];
        for (slot, end) in ends.iter_mut().zip([&line.manager, &line.report]) {
            *slot = *index
                .get(end.as_str())
                .ok_or_else(|| LoadError::DanglingDotted {
                    model: model.to_owned(),
                    leader: end.clone(),
                })?;
        }
        let why = if ends[0] == ends[1] {
            Some("a loop")
        } else if parent[ends[1]] == Some(ends[0]) {
            Some("also a direct line")
        } else if !seen.insert(ends) {
            Some("repeated")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(LoadError::BadDotted {
                model: model.to_owned(),
                manager: line.manager.clone(),
                report: line.report.clone(),
                why,
            });
        }
    }
    Ok(())
}

/// The first loop of parent links, each reporting to the next, with the
/// first repeated at the end.
fn find_cycle(parent: &mut [Option<usize>]) -> Option<Vec<usize>> {
    walk_loops(parent, |ring, _| {
        let mut cycle = ring.to_vec();
        cycle.push(ring[0]);
        ControlFlow::Break(cycle)
    })
}

#[cfg(test)]
mod tests;
