//! The editor: a workspace with undo, redo, the unsaved mark and a
//! revision counter. Every change to a model goes through [`Editor::apply`].

use std::collections::{HashMap, VecDeque};

use super::{Edit, EditError, Model, ModelId, Scene, Workspace, apply_to};
use crate::core::model::{ChartError, LeaderId, OrgChart};

/// Undo and redo stacks of one model, as whole-chart snapshots: a snapshot
/// cannot get out of step with the edit it undoes.
#[derive(Clone, Debug, Default)]
struct History {
    /// Oldest first; the oldest step is dropped past [`UNDO_DEPTH`].
    undo: VecDeque<OrgChart>,
    redo: Vec<OrgChart>,
    /// What the last edit changed, so that typing a name letter by letter
    /// makes one undo step.
    last_key: Option<Coalesce>,
}

/// The field an edit changed, for merging keystrokes into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Title,
}

/// An edit of one field of one leader.
type Coalesce = (LeaderId, Field);

/// How many steps each model remembers.
pub const UNDO_DEPTH: usize = 500;

/// A workspace with undo, redo and the unsaved mark. Each model's history
/// is kept by its id, so adding, removing or reordering models cannot put
/// a history on the wrong model.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    workspace: Workspace,
    history: HashMap<ModelId, History>,
    dirty: bool,
    /// Counts every change, so autosave and caches can tell what changed.
    revision: u64,
}

impl Editor {
    /// Starts editing a workspace; it counts as saved.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            history: HashMap::new(),
            dirty: false,
            revision: 0,
        }
    }

    /// The workspace as it is now.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// A model by index.
    pub fn model(&self, index: usize) -> Option<&Model> {
        self.workspace.models.get(index)
    }

    /// True when there are changes since the last save or load.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Marks the workspace saved.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    /// Marks the workspace as holding unsaved work (e.g. restored after a crash).
    pub fn mark_dirty(&mut self) {
        self.touch();
    }

    /// A number that changes with every change to the workspace.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn touch(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    fn history_mut(&mut self, index: usize) -> Option<&mut History> {
        let id = self.workspace.models.get(index)?.id.clone();
        Some(self.history.entry(id).or_default())
    }

    /// Applies an edit to model `index`. On refusal nothing changes.
    pub fn apply(&mut self, index: usize, edit: Edit) -> Result<(), EditError> {
        let Some(model) = self.workspace.models.get_mut(index) else {
            return Err(ChartError::NoSuchLine);
        };
        let before = model.chart.clone();
        let key = coalesce_key(&before, &edit);
        let mut chart = before.clone();
        apply_to(&mut chart, edit)?;
        if chart == before && key.is_none() {
            return Ok(());
        }
        model.chart = chart;
        let Some(history) = self.history_mut(index) else {
            return Ok(());
        };
        let merge = key.is_some() && key == history.last_key && !history.undo.is_empty();
        if !merge {
            history.undo.push_back(before);
            if history.undo.len() > UNDO_DEPTH {
                history.undo.pop_front();
            }
        }
        history.redo.clear();
        history.last_key = key;
        self.touch();
        Ok(())
    }

    /// Undoes the last edit of model `index`; false when there is none.
    pub fn undo(&mut self, index: usize) -> bool {
        let Some(chart) = self.history_mut(index).and_then(|h| h.undo.pop_back()) else {
            return false;
        };
        let was = std::mem::replace(&mut self.workspace.models[index].chart, chart);
        if let Some(h) = self.history_mut(index) {
            h.redo.push(was);
            h.last_key = None;
        }
        self.touch();
        true
    }

    /// Redoes the last undone edit of model `index`; false when there is none.
    pub fn redo(&mut self, index: usize) -> bool {
        let Some(chart) = self.history_mut(index).and_then(|h| h.redo.pop()) else {
            return false;
        };
        let was = std::mem::replace(&mut self.workspace.models[index].chart, chart);
        if let Some(h) = self.history_mut(index) {
            h.undo.push_back(was);
            h.last_key = None;
        }
        self.touch();
        true
    }

    fn history(&self, index: usize) -> Option<&History> {
        self.history.get(&self.workspace.models.get(index)?.id)
    }

    /// True when model `index` has something to undo.
    pub fn can_undo(&self, index: usize) -> bool {
        self.history(index).is_some_and(|h| !h.undo.is_empty())
    }

    /// True when model `index` has something to redo.
    pub fn can_redo(&self, index: usize) -> bool {
        self.history(index).is_some_and(|h| !h.redo.is_empty())
    }

    /// Appends a model (e.g. a new blank one or a copy); returns its index.
    /// Its id must be free ([`Workspace::fresh_model_id`]).
    pub fn add_model(&mut self, model: Model) -> usize {
        self.history.remove(&model.id);
        self.workspace.models.push(model);
        self.touch();
        self.workspace.models.len() - 1
    }

    /// Removes a model, unless it is the last one.
    pub fn remove_model(&mut self, index: usize) -> Option<Model> {
        if self.workspace.models.len() <= 1 || index >= self.workspace.models.len() {
            return None;
        }
        self.touch();
        let model = self.workspace.models.remove(index);
        self.history.remove(&model.id);
        // Scenes of a deleted model go with it, comparisons too.
        self.workspace
            .storyboard
            .retain(|s| s.model != model.id && s.compare.as_ref() != Some(&model.id));
        Some(model)
    }

    /// Appends a scene to the storyboard.
    pub fn add_scene(&mut self, scene: Scene) {
        self.workspace.storyboard.push(scene);
        self.touch();
    }

    /// Removes scene `index`.
    pub fn remove_scene(&mut self, index: usize) {
        if index < self.workspace.storyboard.len() {
            self.workspace.storyboard.remove(index);
            self.touch();
        }
    }

    /// Sets how the board pack is headed.
    pub fn set_pack_info(&mut self, info: super::PackInfo) {
        if self.workspace.pack != info {
            self.workspace.pack = info;
            self.touch();
        }
    }

    /// Sets the caption and the speaker notes of scene `index`.
    pub fn set_scene_words(&mut self, index: usize, caption: String, notes: String) {
        if let Some(scene) = self.workspace.storyboard.get_mut(index)
            && (scene.caption != caption || scene.notes != notes)
        {
            scene.caption = caption;
            scene.notes = notes;
            self.touch();
        }
    }

    /// Swaps scene `index` with the one before it.
    pub fn move_scene_up(&mut self, index: usize) {
        if index > 0 && index < self.workspace.storyboard.len() {
            self.workspace.storyboard.swap(index - 1, index);
            self.touch();
        }
    }

    /// Renames a model.
    pub fn rename_model(&mut self, index: usize, title: String) {
        if let Some(model) = self.workspace.models.get_mut(index)
            && model.title != title
        {
            model.title = title;
            self.touch();
        }
    }
}

/// Edits that merge into the previous one when they touch the same field of
/// the same leader.
fn coalesce_key(chart: &OrgChart, edit: &Edit) -> Option<Coalesce> {
    let Edit::UpdateLeader(new) = edit else {
        return None;
    };
    let old = chart.leader(&new.id)?;
    let field = if old.name != new.name {
        Field::Name
    } else if old.title != new.title {
        Field::Title
    } else {
        return None;
    };
    Some((new.id.clone(), field))
}
