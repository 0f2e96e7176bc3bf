//! A workspace of models, and the one place every edit goes through.
//!
//! [`Editor::apply`] validates an [`Edit`], applies it to one model, records
//! the model's previous state for undo, and marks the workspace dirty. The UI
//! turns pointer and keyboard input into edits and never changes a chart
//! itself, so validation, undo and the unsaved mark cannot be forgotten.

use std::collections::BTreeMap;

use emath::Pos2;

use super::model::{ChartError, Leader, LeaderId, Line, OrgChart};

/// One org model: a title, where it came from, and its chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Stable id, unique in the workspace (e.g. `"peers"`).
    pub id: String,
    /// The title shown in the model list.
    pub title: String,
    /// A paragraph saying what the model is and where it comes from.
    pub description: String,
    /// The preset it was made from, for "Reset to preset".
    pub preset: Option<String>,
    /// Leaders and lines.
    pub chart: OrgChart,
}

/// A JSON object's fields.
pub type JsonMap = serde_json::Map<String, serde_json::Value>;

/// Fields of an opened file that this build does not know, kept so that
/// saving writes them back instead of dropping them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Extras {
    /// Unknown fields of the document object.
    pub document: JsonMap,
    /// Of each model, by model id.
    pub models: BTreeMap<String, JsonMap>,
    /// Of each leader, by (model id, leader id).
    pub leaders: BTreeMap<(String, String), JsonMap>,
    /// Of each dotted line, by (model id, manager id, report id).
    pub lines: BTreeMap<(String, String, String), JsonMap>,
}

/// One scene of a presentation: a model, optionally zoomed to one leader's
/// part of it, optionally with one responsibility highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scene {
    /// The model's id.
    pub model: String,
    /// The leader whose subtree fills the screen.
    pub focus: Option<LeaderId>,
    /// The key of the responsibility whose holders are highlighted.
    pub highlight: Option<String>,
}

impl Scene {
    /// The scene in words: "Peers, focus on CIO, highlighting information
    /// security".
    pub fn describe(&self, workspace: &Workspace) -> String {
        let Some(model) = workspace.models.iter().find(|m| m.id == self.model) else {
            return crate::core::text::visible(&self.model).into_owned();
        };
        let short = model.title.split(':').next().unwrap_or_default().trim();
        let mut text = crate::core::text::visible(short).into_owned();
        if let Some(focus) = &self.focus {
            let name = model
                .chart
                .leader(focus)
                .map_or_else(|| focus.to_string(), |l| l.name.clone());
            text.push_str(", focus on ");
            text.push_str(&crate::core::text::visible(&name));
        }
        if let Some(key) = &self.highlight {
            text.push_str(", highlighting ");
            text.push_str(&crate::core::text::visible(key));
        }
        text
    }
}

/// The whole document: every model, in order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    /// Models in list order.
    pub models: Vec<Model>,
    /// The presentation's scenes, in order; empty means one scene per model.
    pub storyboard: Vec<Scene>,
    /// Unknown fields from the file it was opened from.
    pub extras: Extras,
}

impl Workspace {
    /// A workspace of these models.
    pub fn new(models: Vec<Model>) -> Self {
        Self {
            models,
            storyboard: Vec::new(),
            extras: Extras::default(),
        }
    }

    /// The scenes to present: the storyboard, or one scene per model.
    pub fn scenes(&self) -> Vec<Scene> {
        if self.storyboard.is_empty() {
            self.models
                .iter()
                .map(|m| Scene {
                    model: m.id.clone(),
                    focus: None,
                    highlight: None,
                })
                .collect()
        } else {
            self.storyboard.clone()
        }
    }

    /// An id for a new model not used by any other.
    pub fn fresh_model_id(&self, stem: &str) -> String {
        let taken = |id: &str| self.models.iter().any(|m| m.id == id);
        if !taken(stem) {
            return stem.to_owned();
        }
        // Of len + 1 candidates at least one is free.
        (2..=self.models.len() + 2)
            .map(|n| format!("{stem}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| stem.to_owned())
    }
}

/// One change to one model's chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// `report` now reports directly to `manager` (or to nobody).
    SetManager {
        /// Who moves.
        report: LeaderId,
        /// The new manager.
        manager: Option<LeaderId>,
    },
    /// A new dotted line.
    AddDotted {
        /// Manager end.
        manager: LeaderId,
        /// Report end.
        report: LeaderId,
    },
    /// Remove a line (a direct one makes the report a root).
    RemoveLine(Line),
    /// Place a card by hand, or hand it back to the automatic layout.
    MoveCard {
        /// Whose card.
        id: LeaderId,
        /// New top-left corner in chart space, or `None`.
        to: Option<Pos2>,
    },
    /// Add a leader, reporting to `manager`.
    AddLeader {
        /// The new leader (its id must be free).
        leader: Leader,
        /// Their manager.
        manager: Option<LeaderId>,
    },
    /// Remove a leader; their reports move up.
    RemoveLeader(LeaderId),
    /// Replace a leader's role, name, title, responsibilities.
    UpdateLeader(Leader),
    /// Hand every card back to the automatic layout.
    AutoLayout,
    /// Replace the whole chart (e.g. reset to the preset).
    ReplaceChart(OrgChart),
}

/// Why an edit was refused; the chart is unchanged.
pub type EditError = ChartError;

/// Undo and redo stacks of one model, as whole-chart snapshots: charts are
/// small, and a snapshot cannot get out of step with the edit it undoes.
#[derive(Clone, Debug, Default)]
struct History {
    undo: Vec<OrgChart>,
    redo: Vec<OrgChart>,
    /// What the last edit changed, so that typing a name letter by letter
    /// makes one undo step.
    last_key: Option<(LeaderId, &'static str)>,
}

/// How many steps each model remembers.
pub const UNDO_DEPTH: usize = 500;

/// A workspace with undo, redo and the unsaved mark.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    workspace: Workspace,
    history: Vec<History>,
    dirty: bool,
    /// Counts every change, so autosave can tell what it has written.
    revision: u64,
}

impl Editor {
    /// Starts editing a workspace; it counts as saved.
    pub fn new(workspace: Workspace) -> Self {
        let history = vec![History::default(); workspace.models.len()];
        Self {
            workspace,
            history,
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
        let history = &mut self.history[index];
        let merge = key.is_some() && key == history.last_key && !history.undo.is_empty();
        if !merge {
            history.undo.push(before);
            if history.undo.len() > UNDO_DEPTH {
                history.undo.remove(0);
            }
        }
        history.redo.clear();
        history.last_key = key;
        self.touch();
        Ok(())
    }

    /// Undoes the last edit of model `index`; false when there is none.
    pub fn undo(&mut self, index: usize) -> bool {
        self.step(index, true)
    }

    /// Redoes the last undone edit of model `index`; false when there is none.
    pub fn redo(&mut self, index: usize) -> bool {
        self.step(index, false)
    }

    fn step(&mut self, index: usize, back: bool) -> bool {
        let (Some(model), Some(history)) = (
            self.workspace.models.get_mut(index),
            self.history.get_mut(index),
        ) else {
            return false;
        };
        let (from, to) = if back {
            (&mut history.undo, &mut history.redo)
        } else {
            (&mut history.redo, &mut history.undo)
        };
        let Some(chart) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(&mut model.chart, chart));
        history.last_key = None;
        self.touch();
        true
    }

    /// True when model `index` has something to undo.
    pub fn can_undo(&self, index: usize) -> bool {
        self.history.get(index).is_some_and(|h| !h.undo.is_empty())
    }

    /// True when model `index` has something to redo.
    pub fn can_redo(&self, index: usize) -> bool {
        self.history.get(index).is_some_and(|h| !h.redo.is_empty())
    }

    /// Appends a model (e.g. a new blank one or a copy); returns its index.
    pub fn add_model(&mut self, model: Model) -> usize {
        self.workspace.models.push(model);
        self.history.push(History::default());
        self.touch();
        self.workspace.models.len() - 1
    }

    /// Removes a model, unless it is the last one.
    pub fn remove_model(&mut self, index: usize) -> Option<Model> {
        if self.workspace.models.len() <= 1 || index >= self.workspace.models.len() {
            return None;
        }
        self.history.remove(index);
        self.touch();
        let model = self.workspace.models.remove(index);
        // Scenes of a deleted model go with it.
        self.workspace.storyboard.retain(|s| s.model != model.id);
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
/// the same leader: (leader, field).
fn coalesce_key(chart: &OrgChart, edit: &Edit) -> Option<(LeaderId, &'static str)> {
    let Edit::UpdateLeader(new) = edit else {
        return None;
    };
    let old = chart.leader(&new.id)?;
    let field = if old.name != new.name {
        "name"
    } else if old.title != new.title {
        "title"
    } else {
        return None;
    };
    Some((new.id.clone(), field))
}

fn apply_to(chart: &mut OrgChart, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetManager { report, manager } => {
            chart.set_manager(&report, manager.as_ref())?;
            // A card that changes manager joins the tidy layout there.
            chart.set_pinned(&report, None)
        }
        Edit::AddDotted { manager, report } => chart.add_dotted(&manager, &report),
        Edit::RemoveLine(line) => chart.remove_line(&line),
        Edit::MoveCard { id, to } => chart.set_pinned(&id, to),
        Edit::AddLeader { leader, manager } => {
            let id = leader.id.clone();
            if let Some(m) = &manager
                && !chart.contains(m)
            {
                return Err(ChartError::UnknownLeader(m.clone()));
            }
            chart.add_leader(leader)?;
            chart.set_manager(&id, manager.as_ref())
        }
        Edit::RemoveLeader(id) => chart.remove_leader(&id).map(|_| ()),
        Edit::UpdateLeader(leader) => chart.update_leader(leader),
        Edit::AutoLayout => {
            chart.clear_pins();
            Ok(())
        }
        Edit::ReplaceChart(new) => {
            *chart = new;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Role;
    use emath::pos2;

    fn editor() -> Editor {
        let mut chart = OrgChart::new();
        chart
            .add_leader(Leader::new("ceo", Role::Ceo, "CEO"))
            .unwrap();
        chart
            .add_leader(Leader::new("cio", Role::Cio, "CIO"))
            .unwrap();
        chart
            .add_leader(Leader::new("cto", Role::Cto, "CTO"))
            .unwrap();
        let id = LeaderId::new;
        chart.add_direct(&id("ceo"), &id("cio")).unwrap();
        chart.add_direct(&id("ceo"), &id("cto")).unwrap();
        Editor::new(Workspace::new(vec![Model {
            id: "m".into(),
            title: "M".into(),
            description: String::new(),
            preset: None,
            chart,
        }]))
    }

    #[test]
    fn edits_mark_dirty_and_undo_redo() {
        let mut e = editor();
        let id = LeaderId::new;
        let original = e.model(0).unwrap().chart.clone();
        assert!(!e.is_dirty());
        e.apply(
            0,
            Edit::SetManager {
                report: id("cto"),
                manager: Some(id("cio")),
            },
        )
        .unwrap();
        assert!(e.is_dirty());
        let moved = e.model(0).unwrap().chart.clone();
        assert!(e.undo(0));
        assert_eq!(e.model(0).unwrap().chart, original);
        assert!(e.redo(0));
        assert_eq!(e.model(0).unwrap().chart, moved);
        assert!(!e.redo(0));
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_records_nothing() {
        let mut e = editor();
        let id = LeaderId::new;
        let err = e
            .apply(
                0,
                Edit::SetManager {
                    report: id("ceo"),
                    manager: Some(id("cto")),
                },
            )
            .unwrap_err();
        assert!(err.to_string().contains("CTO already reports to CEO"));
        assert!(!e.is_dirty());
        assert!(!e.can_undo(0));
    }

    #[test]
    fn typing_a_name_is_one_undo_step() {
        let mut e = editor();
        let id = LeaderId::new;
        for name in ["C", "Ch", "Chi"] {
            let mut l = e
                .model(0)
                .unwrap()
                .chart
                .leader(&id("cto"))
                .unwrap()
                .clone();
            l.name = name.into();
            e.apply(0, Edit::UpdateLeader(l)).unwrap();
        }
        e.apply(
            0,
            Edit::MoveCard {
                id: id("cto"),
                to: Some(pos2(1.0, 2.0)),
            },
        )
        .unwrap();
        assert!(e.undo(0));
        assert_eq!(
            e.model(0).unwrap().chart.leader(&id("cto")).unwrap().name,
            "Chi"
        );
        assert!(e.undo(0));
        assert_eq!(
            e.model(0).unwrap().chart.leader(&id("cto")).unwrap().name,
            "CTO"
        );
        assert!(!e.undo(0));
    }

    #[test]
    fn reparenting_unpins_the_card() {
        let mut e = editor();
        let id = LeaderId::new;
        e.apply(
            0,
            Edit::MoveCard {
                id: id("cto"),
                to: Some(pos2(500.0, 500.0)),
            },
        )
        .unwrap();
        e.apply(
            0,
            Edit::SetManager {
                report: id("cto"),
                manager: Some(id("cio")),
            },
        )
        .unwrap();
        assert_eq!(
            e.model(0).unwrap().chart.leader(&id("cto")).unwrap().pinned,
            None
        );
    }

    #[test]
    fn the_last_model_cannot_be_removed() {
        let mut e = editor();
        assert!(e.remove_model(0).is_none());
        let copy = e.model(0).unwrap().clone();
        let i = e.add_model(copy);
        assert_eq!(i, 1);
        assert!(e.remove_model(1).is_some());
    }
}
