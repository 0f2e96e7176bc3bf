//! Edits of the document around the charts: the models (add, remove,
//! rename, describe, reorder; a scenario with its link), the storyboard's
//! scenes and the board pack's details.
//!
//! Each is undone the same way: by the shell of the document as it was
//! (every model's id, title, description and preset in order, the
//! storyboard, the pack's details, the scenario links: a few kilobytes) and the models that
//! the edit removed, charts and undo histories included. Putting that back
//! returns the same pair for the state it replaces, which is the redo.

use super::{Model, ModelId, PackInfo, ScenarioLink, Scene, Workspace};
use crate::core::model::{ChartError, OrgChart};

/// One change to the document outside the charts.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentEdit {
    /// Insert a model at `at` (the end when past it). Its id must be free.
    AddModel {
        /// The model.
        model: Box<Model>,
        /// Where in the list.
        at: usize,
    },
    /// Insert a scenario at `at`, linked to its baseline.
    AddScenario {
        /// The scenario's model.
        model: Box<Model>,
        /// Where in the list.
        at: usize,
        /// Its link (its `model` is the model's id).
        link: ScenarioLink,
    },
    /// Remove a model (never the last one), with the scenes that show it.
    RemoveModel(ModelId),
    /// Retitle a model.
    RenameModel {
        /// Which model.
        id: ModelId,
        /// Its new title.
        title: String,
    },
    /// Rewrite a model's description.
    DescribeModel {
        /// Which model.
        id: ModelId,
        /// Its new description.
        description: String,
    },
    /// Move a model to place `to` in the list.
    MoveModel {
        /// Which model.
        id: ModelId,
        /// Its new place.
        to: usize,
    },
    /// Insert a scene at `at` (the end when past it).
    AddScene {
        /// The scene.
        scene: Box<Scene>,
        /// Where in the storyboard.
        at: usize,
    },
    /// Remove scene `index`.
    RemoveScene(usize),
    /// Move scene `from` to place `to`.
    MoveScene {
        /// Which scene.
        from: usize,
        /// Its new place.
        to: usize,
    },
    /// Set a scene's caption and speaker notes.
    SceneWords {
        /// Which scene.
        index: usize,
        /// What the room reads.
        caption: String,
        /// What the presenter reads.
        notes: String,
    },
    /// Set how the board pack is headed.
    PackDetails(PackInfo),
}

/// A model's fields other than its chart.
#[derive(Clone, Debug, PartialEq)]
struct Head {
    id: ModelId,
    title: String,
    description: String,
    preset: Option<String>,
}

/// Everything of the document but the charts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Shell {
    heads: Vec<Head>,
    storyboard: Vec<Scene>,
    pack: PackInfo,
    scenarios: Vec<ScenarioLink>,
}

impl Shell {
    pub(super) fn of(workspace: &Workspace) -> Self {
        Self {
            heads: workspace
                .models
                .iter()
                .map(|m| Head {
                    id: m.id.clone(),
                    title: m.title.clone(),
                    description: m.description.clone(),
                    preset: m.preset.clone(),
                })
                .collect(),
            storyboard: workspace.storyboard.clone(),
            pack: workspace.pack.clone(),
            scenarios: workspace.scenarios.clone(),
        }
    }

    /// The ids of its models, in order.
    pub(super) fn ids(&self) -> impl Iterator<Item = &ModelId> {
        self.heads.iter().map(|h| &h.id)
    }

    /// Lays `workspace` out as this shell says, its charts taken from the
    /// workspace's models and from `charts` (the models this shell has and
    /// the workspace does not). Returns the charts of the models the
    /// workspace has and this shell does not.
    pub(super) fn put(
        &self,
        workspace: &mut Workspace,
        mut charts: Vec<(ModelId, OrgChart)>,
    ) -> Vec<(ModelId, OrgChart)> {
        charts.extend(workspace.models.drain(..).map(|m| (m.id, m.chart)));
        for head in &self.heads {
            let Some(at) = charts.iter().position(|(id, _)| *id == head.id) else {
                continue; // cannot happen: every model of the shell was kept
            };
            let (_, chart) = charts.swap_remove(at);
            workspace.models.push(Model {
                id: head.id.clone(),
                title: head.title.clone(),
                description: head.description.clone(),
                preset: head.preset.clone(),
                chart,
            });
        }
        workspace.storyboard.clone_from(&self.storyboard);
        workspace.pack.clone_from(&self.pack);
        workspace.scenarios.clone_from(&self.scenarios);
        charts
    }
}

/// Applies a document edit; `Ok(false)` when it changes nothing.
pub(super) fn apply_document(
    workspace: &mut Workspace,
    edit: DocumentEdit,
) -> Result<bool, ChartError> {
    match edit {
        DocumentEdit::AddScene { .. }
        | DocumentEdit::RemoveScene(_)
        | DocumentEdit::MoveScene { .. }
        | DocumentEdit::SceneWords { .. } => apply_to_storyboard(&mut workspace.storyboard, edit),
        DocumentEdit::PackDetails(info) => Ok(replace(&mut workspace.pack, info)),
        _ => apply_to_models(workspace, edit),
    }
}

/// The edits of the model list.
fn apply_to_models(workspace: &mut Workspace, edit: DocumentEdit) -> Result<bool, ChartError> {
    match edit {
        DocumentEdit::AddModel { model, at } => {
            if workspace.index_of(&model.id).is_some() {
                return Err(ChartError::DuplicateModel(model.id.to_string()));
            }
            let at = at.min(workspace.models.len());
            workspace.models.insert(at, *model);
            Ok(true)
        }
        DocumentEdit::AddScenario { model, at, link } => {
            apply_to_models(workspace, DocumentEdit::AddModel { model, at })?;
            workspace.scenarios.retain(|l| l.model != link.model);
            workspace.scenarios.push(link);
            Ok(true)
        }
        DocumentEdit::RemoveModel(id) => {
            let at = index(workspace, &id)?;
            if workspace.models.len() <= 1 {
                return Err(ChartError::LastModel);
            }
            workspace.models.remove(at);
            // Scenes of a deleted model go with it, comparisons too.
            workspace
                .storyboard
                .retain(|s| s.model != id && s.compare.as_ref() != Some(&id));
            Ok(true)
        }
        DocumentEdit::RenameModel { id, title } => {
            let at = index(workspace, &id)?;
            Ok(replace(&mut workspace.models[at].title, title))
        }
        DocumentEdit::DescribeModel { id, description } => {
            let at = index(workspace, &id)?;
            Ok(replace(&mut workspace.models[at].description, description))
        }
        DocumentEdit::MoveModel { id, to } => {
            let from = index(workspace, &id)?;
            let to = to.min(workspace.models.len() - 1);
            let moved = workspace.models.remove(from);
            workspace.models.insert(to, moved);
            Ok(from != to)
        }
        _ => Ok(false),
    }
}

/// The edits of the storyboard.
fn apply_to_storyboard(
    storyboard: &mut Vec<Scene>,
    edit: DocumentEdit,
) -> Result<bool, ChartError> {
    let len = storyboard.len();
    let scene = |index: usize| {
        if index < len {
            Ok(index)
        } else {
            Err(ChartError::NoSuchScene(index + 1))
        }
    };
    match edit {
        DocumentEdit::AddScene { scene, at } => {
            storyboard.insert(at.min(len), *scene);
            Ok(true)
        }
        DocumentEdit::RemoveScene(index) => {
            storyboard.remove(scene(index)?);
            Ok(true)
        }
        DocumentEdit::MoveScene { from, to } => {
            let moved = storyboard.remove(scene(from)?);
            let to = to.min(len - 1);
            storyboard.insert(to, moved);
            Ok(from != to)
        }
        DocumentEdit::SceneWords {
            index,
            caption,
            notes,
        } => {
            let scene = &mut storyboard[scene(index)?];
            let caption_changed = replace(&mut scene.caption, caption);
            Ok(replace(&mut scene.notes, notes) || caption_changed)
        }
        _ => Ok(false),
    }
}

/// Where the model with this id is.
fn index(workspace: &Workspace, id: &ModelId) -> Result<usize, ChartError> {
    workspace
        .index_of(id)
        .ok_or_else(|| ChartError::UnknownModel(id.to_string()))
}

/// Sets `slot` to `new`; true when that changed it.
fn replace<T: PartialEq>(slot: &mut T, new: T) -> bool {
    if *slot == new {
        return false;
    }
    *slot = new;
    true
}
