//! Changing the models and the leaders of the shown one from the toolbar
//! and the model list: add, delete, new model, duplicate, reset.

use crate::core::model::{Leader, OrgChart, Role};
use crate::core::presets;
use crate::core::workspace::{Edit, Model};
use crate::ui::canvas::Selection;
use crate::ui::panels::ModelListAction;

use super::ChartroomApp;

impl ChartroomApp {
    /// Adds a leader reporting to the selected one (or a root).
    pub fn add_leader(&mut self) {
        let Some(model) = self.doc.editor.model(self.current) else {
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
            .model(self.current)
            .is_some_and(|m| m.chart.contains(&id))
        {
            self.selection = Some(Selection::Leader(id));
            self.inspector.focus_name = true;
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
            ModelListAction::Show(i) => self.show_model(i),
            ModelListAction::New => {
                let mut chart = OrgChart::new();
                let _ = chart.add_leader(
                    Leader::new("ceo", Role::Ceo, "CEO").with_title("Chief Executive Officer"),
                );
                let id = self.doc.editor.workspace().fresh_model_id("model");
                let i = self.doc.editor.add_model(Model {
                    id,
                    title: "New model".into(),
                    description: String::new(),
                    preset: None,
                    chart,
                });
                self.show_model(i);
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
                let copy = Model {
                    id,
                    title: format!("{} (copy)", model.title),
                    ..model
                };
                let i = self.doc.editor.add_model(copy);
                self.show_model(i);
            }
            ModelListAction::Delete => {
                if let Some(removed) = self.doc.editor.remove_model(self.current) {
                    self.views.remove(&removed.id);
                    self.current = self.current.saturating_sub(1);
                    self.selection = None;
                }
            }
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
}
