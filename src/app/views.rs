//! The three views of the app: the chart, the responsibility matrix (both
//! of the shown model, with the model list and the details panel), and the
//! side-by-side comparison of two models.

use std::borrow::Cow;

use egui::{RichText, Ui};

use crate::core::facts::Facts;
use crate::core::format;
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::workspace::{DocumentEdit, Edit, Scene};
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

/// What the details panel asks for in one frame.
#[derive(Default)]
struct DetailsOutput {
    /// The finding under the pointer (spotlighted while hovered).
    hovered: Option<String>,
    /// An edit from the inspector or a finding's letter.
    edit: Option<Edit>,
    /// A storyboard change.
    storyboard: Option<StoryboardAction>,
    /// A button of the scenario note was clicked (a scenario is shown).
    scenario: Option<super::scenario::NoteAction>,
}

impl ChartroomApp {
    /// The view the central area shows.
    pub fn view(&self) -> ViewMode {
        self.view
    }

    /// Shows `view` (as the toolbar's tabs do).
    pub fn set_view(&mut self, view: ViewMode) {
        self.view = view;
    }

    /// True while the Compare tab's comparison is being worked out aside.
    pub fn comparison_pending(&self) -> bool {
        self.tabs.compare.is_working()
    }

    /// The chart or the matrix of the shown model, with the model list on
    /// the left and the inspector and findings on the right.
    pub(super) fn model_view_ui(&mut self, ui: &mut Ui) {
        egui::Panel::left("models")
            .default_size(250.0)
            .show(ui, |ui| {
                let models = &self.doc.editor.workspace().models;
                if let Some(action) = model_list_ui(ui, models, &self.current) {
                    self.model_list_action(action);
                }
            });
        // After the model list: a click there may have changed the model.
        let Some(facts) = self.current_facts() else {
            return;
        };
        let details = self.details_ui(ui, &facts);
        self.find_ui(ui);
        let spotlight_key = details
            .hovered
            .or_else(|| self.panels.pinned_overlap.clone());
        let mut edits: Vec<Edit> = details.edit.into_iter().collect();
        if self.view == ViewMode::Matrix {
            edits.extend(self.matrix_panel_ui(ui, &facts));
        } else {
            for event in self.canvas_panel_ui(ui, &facts, spotlight_key) {
                match event {
                    CanvasEvent::Edit(edit) => edits.push(edit),
                    CanvasEvent::Select(selection) => self.selection = selection,
                }
            }
        }
        // The inspector's edit first, then the canvas's, as before.
        for edit in edits {
            self.apply(edit);
        }
        self.apply_storyboard(details.storyboard);
        match details.scenario {
            Some(super::scenario::NoteAction::CompareBaseline) => self.compare_with_baseline(),
            Some(super::scenario::NoteAction::CompareAll) => self.compare_scenarios(),
            None => {}
        }
    }

    /// The right panel: the inspector (or the model's description), the
    /// findings and the storyboard.
    fn details_ui(&mut self, ui: &mut Ui, facts: &Facts) -> DetailsOutput {
        let mut out = DetailsOutput::default();
        let Some(model) = self.doc.editor.model(&self.current) else {
            return out;
        };
        let chart_revision = self.doc.editor.chart_revision(&model.id);
        let unowned = self
            .views
            .unowned(model, chart_revision, &self.panels.catalogue);
        let panel = egui::Panel::right("details")
            .resizable(false)
            .exact_size(320.0);
        panel.show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                let chart = &model.chart;
                if let Some(Selection::Leader(id)) = &self.selection {
                    out.edit = inspector_ui(
                        ui,
                        &mut self.panels.inspector,
                        chart,
                        id,
                        &self.panels.catalogue,
                        &facts.headcount,
                    );
                    ui.separator();
                } else {
                    ui.heading(visible(&model.title));
                    ui.label(RichText::new(&model.description).weak());
                    out.scenario =
                        super::scenario::scenario_note_ui(ui, self.doc.editor.workspace(), model);
                    ui.label(
                        "Select a card to edit it. Drag a card onto another to change who it reports to.",
                    );
                    ui.separator();
                }
                let pinned = &mut self.panels.pinned_overlap;
                let found = findings_ui(ui, &self.theme, chart, &facts.findings, &unowned, pinned);
                out.hovered = found.hovered;
                out.edit = out.edit.take().or(found.edit);
                ui.separator();
                let current = Scene {
                    model: model.id.clone(),
                    compare: None,
                    focus: match &self.selection {
                        Some(Selection::Leader(id)) => Some(id.clone()),
                        _ => None,
                    },
                    highlight: self.panels.pinned_overlap.clone(),
                    caption: String::new(),
                    notes: String::new(),
                };
                let workspace = self.doc.editor.workspace();
                let defaults = self.views.default_captions(&self.doc.editor);
                out.storyboard = storyboard_ui(ui, workspace, current, &defaults);
            });
        });
        out
    }

    /// The matrix of the shown model.
    fn matrix_panel_ui(&mut self, ui: &mut Ui, facts: &Facts) -> Option<Edit> {
        let model = self.doc.editor.model(&self.current)?;
        let (matrix, theme) = (&mut self.tabs.matrix, &self.theme);
        egui::CentralPanel::default_margins()
            .show(ui, |ui| {
                matrix_ui(ui, matrix, theme, &model.chart, &facts.findings)
            })
            .inner
    }

    /// The canvas of the shown model, the holders of the finding
    /// `spotlight_key` (else find's matches) spotlighted.
    fn canvas_panel_ui(
        &mut self,
        ui: &mut Ui,
        facts: &Facts,
        spotlight_key: Option<String>,
    ) -> Vec<CanvasEvent> {
        // Lent apart: find's matches (there may be thousands) are read,
        // not copied, while the canvas keeps its own state.
        let Self {
            doc,
            views,
            current,
            selection,
            panels,
            theme,
            ..
        } = self;
        let Some(model) = doc.editor.model(current) else {
            return Vec::new();
        };
        let spotlight: Option<Cow<'_, [LeaderId]>> = spotlight_key
            .and_then(|key| {
                facts
                    .findings
                    .iter()
                    .find(|o| o.key == key)
                    .map(|f| Cow::Owned(f.holder_ids()))
            })
            .or_else(|| {
                panels
                    .find
                    .as_ref()
                    .map(super::find::FindState::matches)
                    .filter(|m| !m.is_empty())
                    .map(Cow::Borrowed)
            });
        let view = CanvasView {
            chart: &model.chart,
            facts,
            selection: selection.as_ref(),
            spotlight: spotlight.as_deref(),
            dotted_tool: panels.dotted_tool,
            theme,
            editable: true,
            badges: None,
        };
        egui::CentralPanel::no_frame()
            .show(ui, |ui| {
                canvas_ui(ui, &mut views.of(&model.id).canvas, &view)
            })
            .inner
    }

    fn apply_storyboard(&mut self, action: Option<StoryboardAction>) {
        let Some(action) = action else {
            return;
        };
        let scenes = self.doc.editor.workspace().storyboard.len();
        self.apply_document(match action {
            StoryboardAction::Add(scene) => DocumentEdit::AddScene {
                scene: Box::new(scene),
                at: scenes,
            },
            StoryboardAction::Up(i) => DocumentEdit::MoveScene {
                from: i,
                to: i.saturating_sub(1),
            },
            StoryboardAction::Remove(i) => DocumentEdit::RemoveScene(i),
            StoryboardAction::Words(index, caption, notes) => DocumentEdit::SceneWords {
                index,
                caption,
                notes,
            },
        });
    }

    /// Two models side by side.
    pub(super) fn compare_view_ui(&mut self, ui: &mut Ui) {
        let revision = self.doc.editor.revision();
        let out = compare_ui(
            ui,
            &mut self.tabs.compare,
            &self.doc.editor.workspace().models,
            revision,
            &self.theme,
        );
        if out.open_other {
            self.open_for_compare();
        }
        if let Some(scene) = out.add_scene {
            let workspace = self.doc.editor.workspace();
            let said = format!(
                "Added scene {}: {}",
                workspace.storyboard.len() + 1,
                scene.describe(workspace)
            );
            let at = workspace.storyboard.len();
            self.apply_document(DocumentEdit::AddScene {
                scene: Box::new(scene),
                at,
            });
            self.say(said);
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
                self.tabs.compare.add_other(workspace.models);
                self.say(format!("Comparing with {}", path.display()));
            }
            Err(e) => self.complain(format!("Could not open {}: {e}", path.display())),
        }
    }
}
