//! The editor: a workspace with undo, redo, the unsaved mark and revision
//! counters. Every change goes through [`Editor::apply`] (a chart) or
//! [`Editor::apply_document`] (the models, the storyboard, the pack).
//!
//! Each model keeps its own chart history; the document keeps one more for
//! its own edits. Every step carries a number in the order it was made, so
//! undo takes the latest of the shown model's and the document's steps:
//! delete a model, and Ctrl+Z brings it back, whichever model is shown.

use std::collections::{HashMap, VecDeque};

use super::document_edit::{Shell, apply_document};
use super::undo::{ChartUndo, apply_with_undo};
use super::{DocumentEdit, Edit, EditError, Model, ModelId, Workspace};
use crate::core::model::{ChartError, LeaderId, OrgChart};

/// How many steps each model, and the document, remembers.
pub const UNDO_DEPTH: usize = 500;

/// A step of a history: what undoes it, and when it was made.
#[derive(Clone, Debug)]
struct Step<T> {
    order: u64,
    undo: T,
}

/// Undo and redo stacks, oldest first; past [`UNDO_DEPTH`] the oldest
/// step is dropped.
#[derive(Clone, Debug)]
struct Stacks<T, K> {
    undo: VecDeque<Step<T>>,
    redo: Vec<Step<T>>,
    /// What the last edit changed, so that typing letter by letter makes
    /// one undo step.
    last_key: Option<K>,
}

impl<T, K> Default for Stacks<T, K> {
    fn default() -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            last_key: None,
        }
    }
}

impl<T, K: PartialEq> Stacks<T, K> {
    /// Records a step unless it merges into the last one (same key).
    fn record(&mut self, order: u64, undo: T, key: Option<K>) {
        let merge = key.is_some() && key == self.last_key && !self.undo.is_empty();
        if !merge {
            self.undo.push_back(Step { order, undo });
            if self.undo.len() > UNDO_DEPTH {
                self.undo.pop_front();
            }
        }
        self.redo.clear();
        self.last_key = key;
    }

    fn newest_undo(&self) -> Option<u64> {
        self.undo.back().map(|s| s.order)
    }

    fn newest_redo(&self) -> Option<u64> {
        self.redo.last().map(|s| s.order)
    }
}

/// A model's chart history.
type History = Stacks<ChartUndo, (LeaderId, Field)>;

/// What puts the document back: its shell, the charts and histories of the
/// models the edit removed.
#[derive(Clone, Debug)]
struct DocumentUndo {
    shell: Shell,
    charts: Vec<(ModelId, OrgChart)>,
    histories: Vec<(ModelId, History)>,
}

/// What a document edit merges on: typing in one field.
#[derive(Clone, Debug, PartialEq)]
enum DocumentKey {
    Title(ModelId),
    Description(ModelId),
    SceneWords(usize),
    Pack,
}

/// The field of a leader an edit changed, for merging keystrokes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Title,
}

/// What an undo or redo changed, for the app to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undone {
    /// A step of this model's chart.
    Chart(ModelId),
    /// A step of the document; the model to show afterwards when one came
    /// back or was the subject (a rename), else `None`.
    Document(Option<ModelId>),
}

/// A workspace with undo, redo and the unsaved mark. Histories are kept by
/// model id, so adding, removing or reordering models cannot put a history
/// on the wrong model.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    workspace: Workspace,
    history: HashMap<ModelId, History>,
    document: Stacks<DocumentUndo, DocumentKey>,
    dirty: bool,
    /// Counts every change, so autosave can tell what changed.
    revision: u64,
    /// The revision at which each model's chart last changed.
    chart_revisions: HashMap<ModelId, u64>,
}

impl Editor {
    /// Starts editing a workspace; it counts as saved.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            ..Self::default()
        }
    }

    /// The workspace as it is now.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// A model by id.
    pub fn model(&self, id: &ModelId) -> Option<&Model> {
        self.workspace.model_by_id(id)
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

    /// A number that changes with every change to the document.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A number that changes with every change to this model's chart (and
    /// only then): what the chart's derived facts are kept by.
    pub fn chart_revision(&self, id: &ModelId) -> u64 {
        self.chart_revisions.get(id).copied().unwrap_or(0)
    }

    fn touch(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    fn touch_chart(&mut self, id: &ModelId) {
        self.touch();
        self.chart_revisions.insert(id.clone(), self.revision);
    }

    /// Applies an edit to the chart of model `id`. On refusal nothing changes.
    pub fn apply(&mut self, id: &ModelId, edit: Edit) -> Result<(), EditError> {
        let at = self
            .workspace
            .index_of(id)
            .ok_or_else(|| ChartError::UnknownModel(id.to_string()))?;
        let chart = &mut self.workspace.models[at].chart;
        let key = coalesce_key(chart, &edit);
        let Some(undo) = apply_with_undo(chart, edit)? else {
            return Ok(());
        };
        self.touch_chart(id);
        self.document.redo.clear();
        let order = self.revision;
        self.history
            .entry(id.clone())
            .or_default()
            .record(order, undo, key);
        Ok(())
    }

    /// Applies a document edit (models, storyboard, pack). On refusal
    /// nothing changes.
    pub fn apply_document(&mut self, edit: DocumentEdit) -> Result<(), EditError> {
        let key = document_key(&edit);
        // The edit is tried on a copy of the shell (charts left empty).
        let mut trial = self.workspace.shell_copy();
        if !apply_document(&mut trial, edit)? {
            return Ok(());
        }
        let added: Vec<(ModelId, OrgChart)> = trial
            .models
            .iter_mut()
            .filter(|m| self.workspace.index_of(&m.id).is_none())
            .map(|m| (m.id.clone(), std::mem::take(&mut m.chart)))
            .collect();
        let (undo, _) = self.lay_out(&Shell::of(&trial), added, Vec::new());
        for history in self.history.values_mut() {
            history.redo.clear();
        }
        let order = self.revision;
        self.document.record(order, undo, key);
        Ok(())
    }

    /// Lays the document out as `shell` says, with the charts and
    /// histories of models it has and the workspace does not. Returns
    /// what puts the document back as it was, and a model that came back.
    fn lay_out(
        &mut self,
        shell: &Shell,
        charts: Vec<(ModelId, OrgChart)>,
        histories: Vec<(ModelId, History)>,
    ) -> (DocumentUndo, Option<ModelId>) {
        let now = Shell::of(&self.workspace);
        let before: Vec<ModelId> = now.ids().cloned().collect();
        let gone = shell.put(&mut self.workspace, charts);
        let gone_histories = gone
            .iter()
            .filter_map(|(id, _)| Some((id.clone(), self.history.remove(id)?)))
            .collect();
        self.history.extend(histories);
        self.touch();
        let mut came = None;
        for model in &self.workspace.models {
            if !before.contains(&model.id) {
                self.chart_revisions.insert(model.id.clone(), self.revision);
                came = Some(model.id.clone());
            }
        }
        for (id, _) in &gone {
            self.chart_revisions.remove(id);
        }
        let undo = DocumentUndo {
            shell: now,
            charts: gone,
            histories: gone_histories,
        };
        (undo, came)
    }

    /// Puts a document step back; returns the step that undoes that.
    fn put_document(&mut self, step: DocumentUndo) -> (DocumentUndo, Option<ModelId>) {
        self.lay_out(&step.shell, step.charts, step.histories)
    }

    /// Undoes the latest step of model `shown`'s chart or of the document,
    /// whichever was made last; `None` when there is none.
    pub fn undo(&mut self, shown: &ModelId) -> Option<Undone> {
        let chart = self.history.get(shown).and_then(Stacks::newest_undo);
        let document = self.document.newest_undo();
        if document.is_some() && document > chart {
            let step = self.document.undo.pop_back()?;
            let (redo, model) = self.put_document(step.undo);
            self.document.redo.push(Step {
                order: step.order,
                undo: redo,
            });
            self.document.last_key = None;
            return Some(Undone::Document(model));
        }
        let step = self.history.get_mut(shown)?.undo.pop_back()?;
        self.put_chart(shown, step, true)
    }

    /// Redoes the step undone last, of model `shown`'s chart or of the
    /// document; `None` when there is none.
    pub fn redo(&mut self, shown: &ModelId) -> Option<Undone> {
        let chart = self.history.get(shown).and_then(Stacks::newest_redo);
        let document = self.document.newest_redo();
        // The step undone last is the one made earliest of the two tops.
        if document.is_some() && (chart.is_none() || document < chart) {
            let step = self.document.redo.pop()?;
            let (undo, model) = self.put_document(step.undo);
            self.document.undo.push_back(Step {
                order: step.order,
                undo,
            });
            self.document.last_key = None;
            return Some(Undone::Document(model));
        }
        let step = self.history.get_mut(shown)?.redo.pop()?;
        self.put_chart(shown, step, false)
    }

    fn put_chart(&mut self, id: &ModelId, step: Step<ChartUndo>, undoing: bool) -> Option<Undone> {
        let at = self.workspace.index_of(id)?;
        let back = step.undo.put_back(&mut self.workspace.models[at].chart);
        let history = self.history.get_mut(id)?;
        let step = Step {
            order: step.order,
            undo: back,
        };
        if undoing {
            history.redo.push(step);
        } else {
            history.undo.push_back(step);
        }
        history.last_key = None;
        self.touch_chart(id);
        Some(Undone::Chart(id.clone()))
    }

    /// True when undo has something to do with model `shown` on screen.
    pub fn can_undo(&self, shown: &ModelId) -> bool {
        !self.document.undo.is_empty()
            || self.history.get(shown).is_some_and(|h| !h.undo.is_empty())
    }

    /// True when redo has something to do with model `shown` on screen.
    pub fn can_redo(&self, shown: &ModelId) -> bool {
        !self.document.redo.is_empty()
            || self.history.get(shown).is_some_and(|h| !h.redo.is_empty())
    }
}

impl Workspace {
    /// A copy of everything but the charts (each left empty), to try a
    /// document edit on.
    fn shell_copy(&self) -> Workspace {
        Workspace {
            models: self
                .models
                .iter()
                .map(|m| Model {
                    id: m.id.clone(),
                    title: m.title.clone(),
                    description: m.description.clone(),
                    preset: m.preset.clone(),
                    chart: OrgChart::new(),
                })
                .collect(),
            storyboard: self.storyboard.clone(),
            extras: super::Extras::default(),
            pack: self.pack.clone(),
            scenarios: self.scenarios.clone(),
        }
    }
}

/// Edits that merge into the previous one when they touch the same field of
/// the same leader.
fn coalesce_key(chart: &OrgChart, edit: &Edit) -> Option<(LeaderId, Field)> {
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

fn document_key(edit: &DocumentEdit) -> Option<DocumentKey> {
    match edit {
        DocumentEdit::RenameModel { id, .. } => Some(DocumentKey::Title(id.clone())),
        DocumentEdit::DescribeModel { id, .. } => Some(DocumentKey::Description(id.clone())),
        DocumentEdit::SceneWords { index, .. } => Some(DocumentKey::SceneWords(*index)),
        DocumentEdit::PackDetails(_) => Some(DocumentKey::Pack),
        _ => None,
    }
}
