//! Writing a workspace: the current version, unknown fields kept, through
//! the safe writer, checked to load back first.

use std::path::Path;

use super::error::SaveError;
use super::schema::{
    FileDocument, FileLeader, FileLine, FileModel, FilePack, FileScenario, FileScene,
};
use super::{CURRENT_VERSION, FORMAT_NAME, load};
use crate::core::safe_write::{self, Backup};
use crate::core::workspace::{Extras, JsonMap, Model, PackInfo, Workspace};

/// Serialises a workspace, unknown fields included. Refuses a non-finite
/// coordinate, which JSON could not give back.
pub fn save(workspace: &Workspace) -> Result<String, SaveError> {
    let extras = &workspace.extras;
    let models = workspace
        .models
        .iter()
        .map(|m| file_model(m, extras))
        .collect::<Result<Vec<_>, _>>()?;
    let storyboard = workspace
        .storyboard
        .iter()
        .map(|s| FileScene {
            model: s.model.to_string(),
            compare: s.compare.as_ref().map(ToString::to_string),
            focus: s.focus.as_ref().map(ToString::to_string),
            highlight: s.highlight.clone(),
            caption: s.caption.clone(),
            notes: s.notes.clone(),
        })
        .collect();
    let pack = &workspace.pack;
    let board_pack = (*pack != PackInfo::default()).then(|| FilePack {
        title: pack.title.clone(),
        subtitle: pack.subtitle.clone(),
        author: pack.author.clone(),
        date: pack.date.clone(),
        paper: pack.paper,
        landscape: pack.landscape,
    });
    let scenarios = workspace
        .scenarios
        .iter()
        .filter(|l| workspace.scenario_of(&l.model) == Some(l))
        .map(|l| FileScenario {
            model: l.model.to_string(),
            baseline: l.baseline.to_string(),
            target: l.target.clone(),
        })
        .collect();
    let doc = FileDocument {
        format: FORMAT_NAME.to_owned(),
        version: CURRENT_VERSION,
        models,
        storyboard,
        board_pack,
        scenarios,
        extra: extras.document.clone(),
    };
    let mut text =
        serde_json::to_string_pretty(&doc).map_err(|e| SaveError::Unreadable(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn extra_of(map: Option<&JsonMap>) -> JsonMap {
    map.cloned().unwrap_or_default()
}

/// One model as written, with its unknown fields put back.
fn file_model(model: &Model, extras: &Extras) -> Result<FileModel, SaveError> {
    let chart = &model.chart;
    let mut leaders = Vec::with_capacity(chart.len());
    for l in chart.leaders() {
        if let Some(p) = l.pinned
            && !(p.x.is_finite() && p.y.is_finite())
        {
            return Err(SaveError::NonFinite {
                model: model.id.to_string(),
                leader: l.id.to_string(),
            });
        }
        leaders.push(file_leader(model, l, extras));
    }
    let dotted_lines = dotted_of(model, extras);
    Ok(FileModel {
        id: model.id.to_string(),
        title: model.title.clone(),
        description: model.description.clone(),
        preset: model.preset.clone(),
        layout: model.chart.arrangement(),
        leaders,
        dotted_lines,
        extra: extra_of(extras.models.get(model.id.as_str())),
    })
}

/// One leader as written, with its unknown fields put back.
fn file_leader(model: &Model, l: &crate::core::model::Leader, extras: &Extras) -> FileLeader {
    let chart = &model.chart;
    FileLeader {
        id: l.id.to_string(),
        role: l.role,
        name: l.name.clone(),
        title: l.title.clone(),
        manager: chart.manager_of(&l.id).map(ToString::to_string),
        responsibilities: l.responsibilities.iter().map(Into::into).collect(),
        position: l.pinned.map(|p| [p.x, p.y]),
        collapsed: l.collapsed,
        department: l.department.clone(),
        email: l.email.clone(),
        location: l.location.clone(),
        open: l.open,
        cost: l.cost,
        assistant: l.assistant,
        extra: extra_of(
            extras
                .leaders
                .get(&(model.id.to_string(), l.id.to_string())),
        ),
    }
}

/// A model's dotted lines as written, with their unknown fields.
fn dotted_of(model: &Model, extras: &Extras) -> Vec<FileLine> {
    model
        .chart
        .dotted_lines()
        .into_iter()
        .map(|line| {
            let key = (
                model.id.to_string(),
                line.manager.to_string(),
                line.report.to_string(),
            );
            FileLine {
                extra: extra_of(extras.lines.get(&key)),
                manager: key.1,
                report: key.2,
            }
        })
        .collect()
}

/// Saves through the safe writer (temporary file, fsync, rename, `.bak` of
/// the previous version, read back). The text is checked to load back
/// before anything is written.
pub fn save_path(workspace: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = save(workspace)?;
    if let Err(e) = load(&text) {
        return Err(SaveError::Unreadable(e.to_string()));
    }
    safe_write::write_atomic(path, text.as_bytes(), Backup::Keep)?;
    Ok(())
}
