//! Changing the models and the leaders of the shown one from the toolbar
//! and the model list: add, delete, new model, duplicate, reset.

use crate::core::model::{Leader, OrgChart, Role};
use crate::core::presets;
use crate::core::text::visible;
use crate::core::workspace::{DocumentEdit, Edit, Model};
use crate::ui::canvas::Selection;
use crate::ui::panels::ModelListAction;

use super::ChartroomApp;

impl ChartroomApp {
    /// Adds a leader reporting to the selected one (or a root).
    pub fn add_leader(&mut self) {
        let Some(model) = self.doc.editor.model(&self.current) else {
            return;
        };
        let manager = match &self.selection {
            Some(Selection::Leader(id)) => Some(id.clone()),
            _ => None,
        };
        let id = model.chart.fresh_id("leader");
        let leader = Leader::new(id.as_str(), Role::Vp, "New leader").with_title("Vice President");
        self.apply(Edit::AddLeader { leader, manager });
        if self
            .doc
            .editor
            .model(&self.current)
            .is_some_and(|m| m.chart.contains(&id))
        {
            self.selection = Some(Selection::Leader(id));
            self.panels.inspector.focus_name = true;
        }
    }

    /// Deletes the selected leader (reports move up) or line.
    pub fn delete_selection(&mut self) {
        match self.selection.clone() {
            Some(Selection::Leader(id)) => self.apply(Edit::RemoveLeader(id)),
            Some(Selection::Line(line)) => self.apply(Edit::RemoveLine(line)),
            None => {}
        }
    }

    pub(super) fn model_list_action(&mut self, action: ModelListAction) {
        match action {
            ModelListAction::Show(id) => self.show_model(&id),
            ModelListAction::Move(id, by) => {
                let workspace = self.doc.editor.workspace();
                let Some(at) = workspace.index_of(&id) else {
                    return;
                };
                let to = at.saturating_add_signed(by);
                self.apply_document(DocumentEdit::MoveModel { id, to });
            }
            ModelListAction::Edit(edit) => {
                self.apply_document(edit);
            }
            ModelListAction::New => {
                let mut chart = OrgChart::new();
                let _ = chart.add_leader(
                    Leader::new("ceo", Role::Ceo, "CEO").with_title("Chief Executive Officer"),
                );
                let id = self.doc.editor.workspace().fresh_model_id("model");
                self.add_model(Model {
                    id,
                    title: "New model".into(),
                    description: String::new(),
                    preset: None,
                    chart,
                });
            }
            ModelListAction::Duplicate => {
                let Some(model) = self.current_model().cloned() else {
                    return;
                };
                let id = self
                    .doc
                    .editor
                    .workspace()
                    .fresh_model_id(model.id.as_str());
                self.add_model(Model {
                    id,
                    title: format!("{} (copy)", model.title),
                    ..model
                });
            }
            ModelListAction::Delete => self.delete_model(),
            ModelListAction::ResetToPreset => {
                let Some(id) = self.current_model().and_then(|m| m.preset.clone()) else {
                    return;
                };
                match presets::model(&id) {
                    Ok(preset) => {
                        self.apply(Edit::ReplaceChart(preset.chart));
                        if let Some(view) = self.current_view() {
                            view.canvas.request_fit();
                        }
                    }
                    Err(e) => self.complain(e.to_string()),
                }
            }
        }
    }

    /// The model list's commands, from the menus, keys or palette.
    pub(super) fn model_command(&mut self, command: super::commands::Command) {
        use super::commands::Command as C;
        let action = match command {
            C::NewModel => ModelListAction::New,
            C::DuplicateModel => ModelListAction::Duplicate,
            C::DeleteModel => ModelListAction::Delete,
            C::MoveModel(by) => ModelListAction::Move(self.current.clone(), by),
            C::ResetToPreset => ModelListAction::ResetToPreset,
            _ => return,
        };
        self.model_list_action(action);
    }

    /// Adds a model after the shown one and shows it.
    pub(super) fn add_model(&mut self, model: Model) {
        let workspace = self.doc.editor.workspace();
        let at = workspace
            .index_of(&self.current)
            .map_or(workspace.models.len(), |i| i + 1);
        let id = model.id.clone();
        if self.apply_document(DocumentEdit::AddModel {
            model: Box::new(model),
            at,
        }) {
            self.show_model(&id);
        }
    }

    /// Deletes the shown model, asking nothing: Ctrl+Z brings it back.
    fn delete_model(&mut self) {
        let Some(model) = self.current_model() else {
            return;
        };
        let (id, title) = (model.id.clone(), visible(&model.title).into_owned());
        let at = self.doc.editor.workspace().index_of(&id).unwrap_or(0);
        if !self.apply_document(DocumentEdit::RemoveModel(id.clone())) {
            return;
        }
        // The model now in its place is shown (the last, if it was last).
        let models = &self.doc.editor.workspace().models;
        self.tabs.compare.forget(&id, models);
        let next = models.get(at.min(models.len().saturating_sub(1)));
        if let Some(next) = next.map(|m| m.id.clone()) {
            self.show_model(&next);
        }
        self.say(format!("Deleted {title} (Ctrl+Z brings it back)"));
    }
}
