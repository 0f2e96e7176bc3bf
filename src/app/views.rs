//! The three views of the app: the chart, the responsibility matrix (both
//! of the shown model, with the model list and the details panel), and the
//! side-by-side comparison of two models.

use egui::{RichText, Ui};

use crate::core::analysis::{self, Finding};
use crate::core::format;
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::workspace::Scene;
use crate::ui::canvas::{CanvasEvent, CanvasView, Selection, canvas_ui};
use crate::ui::compare::compare_ui;
use crate::ui::findings::findings_ui;
use crate::ui::matrix::matrix_ui;
use crate::ui::panels::{inspector_ui, model_list_ui};
use crate::ui::storyboard::{StoryboardAction, storyboard_ui};

use super::ChartroomApp;

/// What the central area shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewMode {
    /// The org chart of the shown model.
    #[default]
    Chart,
    /// The shown model as a responsibility grid.
    Matrix,
    /// Two models side by side with what changes.
    Compare,
}

impl ChartroomApp {
    /// The view the central area shows.
    pub fn view(&self) -> ViewMode {
        self.view
    }

    /// The chart or the matrix of the shown model, with the model list on
    /// the left and the inspector and findings on the right.
    pub(super) fn model_view_ui(&mut self, ui: &mut Ui) {
        egui::Panel::left("models")
            .default_size(250.0)
            .show(ui, |ui| {
                let models = &self.doc.editor.workspace().models;
                if let Some(action) = model_list_ui(ui, models, self.current) {
                    self.model_list_action(action);
                }
            });
        // After the model list: a click there may have changed the model.
        let Some(facts) = self.current_facts() else {
            return;
        };
        let findings = facts.findings.as_slice();
        let Some(model) = self.doc.editor.model(self.current) else {
            return;
        };
        let unowned = analysis::unowned(&model.chart, &self.catalogue);
        let mut hovered_overlap = None;
        let mut inspector_edit = None;
        let mut storyboard_action = None;
        egui::Panel::right("details").resizable(false).exact_size(320.0).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let chart = &model.chart;
                    if let Some(Selection::Leader(id)) = &self.selection {
                        inspector_edit = inspector_ui(ui, &mut self.inspector, chart, id, &self.catalogue);
                        ui.separator();
                    } else {
                        ui.heading(visible(&model.title));
                        ui.label(RichText::new(&model.description).weak());
                        ui.label("Select a card to edit it. Drag a card onto another to change who it reports to.");
                        ui.separator();
                    }
                    let out = findings_ui(
                        ui,
                        &self.theme,
                        chart,
                        findings,
                        &unowned,
                        &mut self.pinned_overlap,
                    );
                    hovered_overlap = out.hovered;
                    inspector_edit = inspector_edit.take().or(out.edit);
                    ui.separator();
                    let current = Scene {
                        model: model.id.clone(),
                        focus: match &self.selection {
                            Some(Selection::Leader(id)) => Some(id.clone()),
                            _ => None,
                        },
                        highlight: self.pinned_overlap.clone(),
                    };
                    storyboard_action = storyboard_ui(ui, self.doc.editor.workspace(), current);
                });
            });
        let spotlight_key = hovered_overlap.or_else(|| self.pinned_overlap.clone());
        let spotlight: Option<Vec<LeaderId>> = spotlight_key.and_then(|key| {
            findings
                .iter()
                .find(|o| o.key == key)
                .map(Finding::holder_ids)
        });
        if self.view == ViewMode::Matrix {
            let edit = egui::CentralPanel::default_margins()
                .show(ui, |ui| {
                    matrix_ui(ui, &mut self.matrix, &self.theme, &model.chart, findings)
                })
                .inner;
            if let Some(edit) = inspector_edit.or(edit) {
                self.apply(edit);
            }
            self.apply_storyboard(storyboard_action);
            return;
        }
        let events = egui::CentralPanel::no_frame()
            .show(ui, |ui| {
                let view = CanvasView {
                    chart: &model.chart,
                    facts: &facts,
                    selection: self.selection.as_ref(),
                    spotlight: spotlight.as_deref(),
                    dotted_tool: self.dotted_tool,
                    theme: &self.theme,
                    editable: true,
                    badges: None,
                };
                canvas_ui(ui, &mut self.views.of(&model.id).canvas, &view)
            })
            .inner;
        if let Some(edit) = inspector_edit {
            self.apply(edit);
        }
        self.apply_storyboard(storyboard_action);
        for event in events {
            match event {
                CanvasEvent::Edit(edit) => self.apply(edit),
                CanvasEvent::Select(selection) => self.selection = selection,
            }
        }
    }

    fn apply_storyboard(&mut self, action: Option<StoryboardAction>) {
        match action {
            Some(StoryboardAction::Add(scene)) => self.doc.editor.add_scene(scene),
            Some(StoryboardAction::Up(i)) => self.doc.editor.move_scene_up(i),
            Some(StoryboardAction::Remove(i)) => self.doc.editor.remove_scene(i),
            None => {}
        }
    }

    /// Two models side by side.
    pub(super) fn compare_view_ui(&mut self, ui: &mut Ui) {
        let revision = self.doc.editor.revision();
        let out = compare_ui(
            ui,
            &mut self.compare,
            &self.doc.editor.workspace().models,
            revision,
            &self.theme,
        );
        if out.open_other {
            self.open_for_compare();
        }
    }

    /// Adds the models of another file to the compare view's choices and
    /// puts the first on the right.
    fn open_for_compare(&mut self) {
        let Some(path) = self.dialogs.pick_open() else {
            return;
        };
        match format::load_path(&path) {
            Ok(workspace) => {
                let first = self.doc.editor.workspace().models.len() + self.compare.extra.len();
                self.compare.extra.extend(workspace.models);
                self.compare.set_right(first);
                self.say(format!("Comparing with {}", path.display()));
            }
            Err(e) => self.complain(format!("Could not open {}: {e}", path.display())),
        }
    }
}
