//! Two models side by side with what changes between them: badges on the
//! cards, and the comparison in sentences; clicking a sentence highlights
//! the leaders it is about on both sides. Pan and zoom can be linked.

use std::collections::BTreeMap;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{RichText, Ui};

use crate::core::diff::{self, ModelDiff, short_title};
use crate::core::facts::Facts;
use crate::core::model::LeaderId;
use crate::core::text::{thousands, visible};
use crate::core::workspace::{Model, Scene};

use super::aside::Aside;
use super::canvas::{CanvasState, CanvasView, canvas_ui};
use super::theme::Theme;

/// The compare view's own state.
#[derive(Clone, Debug)]
pub struct CompareState {
    /// Index of the left model in the combined list (workspace, then extras).
    pub left: usize,
    /// Index of the right model.
    pub right: usize,
    /// Pan and zoom move both canvases together.
    pub linked: bool,
    /// Models opened from other files for comparing.
    pub extra: Vec<Model>,
    /// The sentence whose leaders are highlighted.
    pub selected: Option<usize>,
    left_canvas: CanvasState,
    right_canvas: CanvasState,
    /// The comparison of the shown pair, by (left, right, revision):
    /// worked out aside for big models.
    comparison: Aside<(usize, usize, u64), Comparison>,
}

#[derive(Clone, Debug)]
/// What is derived from a pair of models: the diff, each side's change
/// badges and each side's facts. Worked out once per pair and revision.
pub(super) struct Comparison {
    diff: ModelDiff,
    badges: [BTreeMap<LeaderId, Vec<String>>; 2],
    facts: [Facts; 2],
}

impl Comparison {
    /// The first change in words, or that there is none: a comparison
    /// scene's default caption.
    pub(super) fn first_change(&self) -> String {
        self.diff.first_change()
    }

    pub(super) fn of(a: &Model, b: &Model) -> Self {
        let diff = diff::diff(a, b);
        let badges = [
            diff::badge_labels(&diff.left_marks),
            diff::badge_labels(&diff.right_marks),
        ];
        Self {
            diff,
            badges,
            facts: [Facts::of(&a.chart), Facts::of(&b.chart)],
        }
    }
}

impl Default for CompareState {
    fn default() -> Self {
        Self {
            left: 0,
            right: 1,
            linked: true,
            extra: Vec::new(),
            selected: None,
            left_canvas: CanvasState::default(),
            right_canvas: CanvasState::default(),
            comparison: Aside::default(),
        }
    }
}

/// Leaders in both models together up to which a comparison is worked out
/// in the frame (a few milliseconds); past it, on a worker.
const SMALL_COMPARISON: usize = 10_000;

/// What the compare view asks of the app.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CompareOutput {
    /// The user asked to compare with a model from another file.
    pub open_other: bool,
    /// The user asked for the shown pair as a storyboard scene.
    pub add_scene: Option<Scene>,
}

fn model_label(model: &Model, extra: bool) -> String {
    let title = visible(&model.title).into_owned();
    if extra {
        format!("{title} (other file)")
    } else {
        title
    }
}

impl CompareState {
    /// The status line of the view: "Comparing A (4 leaders) with B (5
    /// leaders)", from the models the view shows.
    pub fn status_line(&self, workspace: &[Model]) -> Option<String> {
        let models: Vec<&Model> = workspace.iter().chain(&self.extra).collect();
        let last = models.len().checked_sub(1)?;
        let (a, b) = (models[self.left.min(last)], models[self.right.min(last)]);
        let side = |m: &Model| {
            format!(
                "{} ({} {})",
                short_title(m),
                thousands(m.chart.len()),
                if m.chart.len() == 1 {
                    "leader"
                } else {
                    "leaders"
                }
            )
        };
        Some(format!("Comparing {} with {}", side(a), side(b)))
    }

    /// True while the shown pair's comparison is being worked out aside.
    pub fn is_working(&self) -> bool {
        self.comparison.is_coming()
    }

    /// Shows model `index` (of the workspace, then the extra models) on the right.
    pub fn set_right(&mut self, index: usize) {
        self.right = index;
        self.selected = None;
        self.right_canvas.request_fit();
    }

    fn pick_ui(&mut self, ui: &mut Ui, models: &[&Model], workspace_len: usize) -> CompareOutput {
        let mut out = CompareOutput::default();
        let (left_was, right_was) = (self.left, self.right);
        let label = |i: usize| {
            models
                .get(i)
                .map_or_else(String::new, |m| model_label(m, i >= workspace_len))
        };
        ui.horizontal_wrapped(|ui| {
            for (side, which) in [("Left:", &mut self.left), ("Right:", &mut self.right)] {
                let name = ui.label(side);
                let before = *which;
                egui::ComboBox::from_id_salt(("compare-pick", side))
                    .selected_text(label(*which))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for i in 0..models.len() {
                            ui.selectable_value(which, i, label(i));
                        }
                    })
                    .response
                    .labelled_by(name.id);
                if *which != before {
                    self.selected = None;
                }
            }
            ui.checkbox(&mut self.linked, "Link pan and zoom");
            if ui.button("Compare with a model from a file…").clicked() {
                out.open_other = true;
            }
            out.add_scene = self.add_scene_ui(ui, models, workspace_len);
        });
        // A side that shows another model starts fitted to it.
        if self.left != left_was {
            self.left_canvas.request_fit();
        }
        if self.right != right_was {
            self.right_canvas.request_fit();
        }
        out
    }
}

impl CompareState {
    /// "Add current view as scene": the shown pair as a comparison scene.
    /// Only models of the document can be scenes (a model from another
    /// file is not saved with it).
    fn add_scene_ui(&self, ui: &mut Ui, models: &[&Model], workspace_len: usize) -> Option<Scene> {
        let (a, b) = (models.get(self.left)?, models.get(self.right)?);
        let ours = self.left < workspace_len && self.right < workspace_len;
        let can = ours && self.left != self.right;
        let button = ui.add_enabled(can, egui::Button::new("Add current view as scene"));
        let button = if can {
            button.on_hover_text(format!(
                "Adds to the storyboard: {} compared with {}",
                short_title(a),
                short_title(b)
            ))
        } else if ours {
            button.on_disabled_hover_text("Pick two different models")
        } else {
            button
                .on_disabled_hover_text("A model from another file is not saved with this document")
        };
        button
            .clicked()
            .then(|| Scene::comparing(a.id.clone(), b.id.clone()))
    }
}

impl CompareState {
    /// The comparison of the shown pair (`models`) at `revision`: made in
    /// the frame for small models, else on a worker (`None` until done).
    fn comparison_of(
        &mut self,
        (a, b): (&Model, &Model),
        revision: u64,
    ) -> Option<Arc<Comparison>> {
        let key = (self.left, self.right, revision);
        if !self.comparison.has(&key) {
            // Two big models take seconds (about 2 s at 100,000 leaders each).
            let small = a.chart.len() + b.chart.len() <= SMALL_COMPARISON;
            let (a, b) = (a.clone(), b.clone());
            self.comparison
                .start(key, small, move || Comparison::of(&a, &b));
        }
        self.comparison.ready()
    }
}

/// What the tab shows while a big comparison is worked out.
fn working_ui(ui: &mut Ui, a: &Model, b: &Model) {
    egui::CentralPanel::default_margins().show(ui, |ui| {
        ui.heading(format!(
            "Working out what changes from {} to {}…",
            short_title(a),
            short_title(b)
        ));
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}

/// Keeps two canvases showing the same part of their charts: whichever
/// moved this frame (from `before`) leads, in viewport-relative terms.
pub(super) fn link([left, right]: [&mut CanvasState; 2], before: [TSTransform; 2]) {
    let left_now = left.screen_from_chart;
    let right_now = right.screen_from_chart;
    let (lv, rv) = (left.viewport(), right.viewport());
    if !lv.is_positive() || !rv.is_positive() {
        return;
    }
    let shift = |from: egui::Rect, to: egui::Rect| TSTransform::from_translation(to.min - from.min);
    // Only a pan or zoom by the user leads; each side's own fitting does not.
    if left_now != before[0] && !left.is_auto_fit() {
        right.set_transform(shift(lv, rv) * left_now);
    } else if right_now != before[1] && !right.is_auto_fit() {
        left.set_transform(shift(rv, lv) * right_now);
    }
}

/// The compare view. `workspace` are the open models; `revision` changes
/// whenever they do (to know when the comparison must be redone).
pub fn compare_ui(
    ui: &mut Ui,
    state: &mut CompareState,
    workspace: &[Model],
    revision: u64,
    theme: &Theme,
) -> CompareOutput {
    // The extra models are borrowed while the state changes: take them out
    // for the frame.
    let extra = std::mem::take(&mut state.extra);
    let out = compare_models_ui(ui, state, workspace, &extra, revision, theme);
    state.extra = extra;
    out
}

fn compare_models_ui(
    ui: &mut Ui,
    state: &mut CompareState,
    workspace: &[Model],
    extra: &[Model],
    revision: u64,
    theme: &Theme,
) -> CompareOutput {
    let models: Vec<&Model> = workspace.iter().chain(extra).collect();
    if models.is_empty() {
        return CompareOutput::default();
    }
    state.left = state.left.min(models.len() - 1);
    state.right = state.right.min(models.len() - 1);
    let out = egui::Panel::top("compare-pick")
        .show(ui, |ui| state.pick_ui(ui, &models, workspace.len()))
        .inner;
    let (a, b) = (models[state.left], models[state.right]);
    let Some(comparison) = state.comparison_of((a, b), revision) else {
        working_ui(ui, a, b);
        return out;
    };
    summary_ui(ui, state, &comparison.diff, a, b);
    let chosen = state
        .selected
        .and_then(|i| comparison.diff.sentences.get(i));
    let spotlight_left: Option<Vec<LeaderId>> = chosen.map(|s| s.left.clone());
    let spotlight_right: Option<Vec<LeaderId>> = chosen.map(|s| s.right.clone());
    let before = [
        state.left_canvas.screen_from_chart,
        state.right_canvas.screen_from_chart,
    ];
    let canvases = [&mut state.left_canvas, &mut state.right_canvas];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        let sides = Sides {
            models: [a, b],
            comparison: &comparison,
            spotlights: [spotlight_left.as_deref(), spotlight_right.as_deref()],
            theme,
            title: (16.0, None),
        };
        sides_ui(ui, canvases, &sides);
    });
    if state.linked {
        link([&mut state.left_canvas, &mut state.right_canvas], before);
    }
    out
}

/// What [`sides_ui`] shows.
pub(super) struct Sides<'a> {
    /// Left and right.
    pub models: [&'a Model; 2],
    /// Their diff, badges and facts.
    pub comparison: &'a Comparison,
    /// Who is highlighted on each side.
    pub spotlights: [Option<&'a [LeaderId]>; 2],
    /// The colours.
    pub theme: &'a Theme,
    /// The size of each side's title, and its colour (else the panel's).
    pub title: (f32, Option<egui::Color32>),
}

/// The two charts side by side, read-only, with their change badges.
pub(super) fn sides_ui(ui: &mut Ui, [left, right]: [&mut CanvasState; 2], sides: &Sides<'_>) {
    let [a, b] = sides.models;
    let [spotlight_left, spotlight_right] = sides.spotlights;
    let (comparison, theme) = (sides.comparison, sides.theme);
    let half = (ui.available_width() - 8.0) / 2.0;
    ui.horizontal_top(|ui| {
        let sides_shown = [
            ("left", a, spotlight_left, left),
            ("right", b, spotlight_right, right),
        ];
        for (i, (side, model, spotlight, canvas)) in sides_shown.into_iter().enumerate() {
            let view = CanvasView {
                chart: &model.chart,
                facts: &comparison.facts[i],
                selection: None,
                spotlight,
                dotted_tool: false,
                theme,
                editable: false,
                badges: Some(&comparison.badges[i]),
            };
            // Each side its own id scope: the same leader is on both.
            ui.push_id(side, |ui| {
                ui.allocate_ui(egui::vec2(half, ui.available_height()), |ui| {
                    ui.vertical(|ui| {
                        let mut title = RichText::new(visible(&model.title))
                            .strong()
                            .size(sides.title.0);
                        if let Some(colour) = sides.title.1 {
                            title = title.color(colour);
                        }
                        ui.label(title);
                        // Read-only: selections and edits are not taken.
                        let _ = canvas_ui(ui, canvas, &view);
                    });
                });
            });
        }
    });
}

/// The comparison in sentences, the ownership summary first; clicking a
/// sentence highlights its leaders.
fn summary_ui(ui: &mut Ui, state: &mut CompareState, d: &ModelDiff, a: &Model, b: &Model) {
    egui::Panel::bottom("compare-summary")
        .resizable(true)
        .default_size(220.0)
        .show(ui, |ui| {
            ui.heading(format!(
                "What changes from {} to {}",
                short_title(a),
                short_title(b)
            ));
            // The ownership summary (the last sentence) leads.
            if let Some(summary) = d.sentences.last() {
                ui.label(RichText::new(&summary.text).strong());
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                let changes = d.sentences.len().saturating_sub(1);
                for (i, s) in d.sentences.iter().enumerate().take(changes) {
                    let selected = state.selected == Some(i);
                    if ui.selectable_label(selected, &s.text).clicked() {
                        state.selected = if selected { None } else { Some(i) };
                    }
                }
            });
        });
}
