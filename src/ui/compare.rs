//! Two models side by side with what changes between them: badges on the
//! cards, and the comparison in sentences; clicking a sentence highlights
//! the leaders it is about on both sides. Pan and zoom can be linked.

use std::collections::BTreeMap;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{RichText, Ui};

use crate::core::diff::{self, ModelDiff};
use crate::core::facts::Facts;
use crate::core::model::LeaderId;
use crate::core::text::visible;
use crate::core::wording::thousands;
use crate::core::workspace::{Model, Scene};

mod pick;

pub use self::pick::Pick;

use super::aside::Aside;
use super::canvas::{CanvasState, CanvasView, canvas_ui};
use super::theme::Theme;

/// The compare view's own state.
#[derive(Clone, Debug)]
pub struct CompareState {
    /// The left model; `None` for the document's first.
    pub left: Option<Pick>,
    /// The right model; `None` for the document's second (else first).
    pub right: Option<Pick>,
    /// Why the shown pair changed by itself (a model deleted), said once.
    pub note: Option<String>,
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
    comparison: Aside<(Pick, Pick, u64), Comparison>,
}

#[derive(Clone, Debug)]
/// What is derived from a pair of models: the diff, each side's change
/// badges and each side's facts. Worked out once per pair and revision.
pub(super) struct Comparison {
    diff: ModelDiff,
    /// What the change does to the organisation's shape.
    impact: crate::core::impact::Impact,
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
        let (diff, impact) = crate::core::impact::diff_and_impact(a, b);
        let badges = [
            diff::badge_labels(&diff.left_marks),
            diff::badge_labels(&diff.right_marks),
        ];
        Self {
            diff,
            impact,
            badges,
            facts: [Facts::of(&a.chart), Facts::of(&b.chart)],
        }
    }
}

impl Default for CompareState {
    fn default() -> Self {
        Self {
            left: None,
            right: None,
            note: None,
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
        let (a, b) = self.pair(workspace, &self.extra)?;
        let side = |m: &Model| {
            format!(
                "{} ({} {})",
                m.short_title(),
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
}

impl CompareState {
    /// The comparison of the shown pair (`models`) at `revision`: made in
    /// the frame for small models, else on a worker (`None` until done).
    fn comparison_of(
        &mut self,
        (a, b): (&Model, &Model),
        revision: u64,
    ) -> Option<Arc<Comparison>> {
        let key = (
            self.left
                .clone()
                .unwrap_or_else(|| Pick::ours(a.id.clone())),
            self.right
                .clone()
                .unwrap_or_else(|| Pick::ours(b.id.clone())),
            revision,
        );
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
            a.short_title(),
            b.short_title()
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
    let out = egui::Panel::top("compare-pick")
        .show(ui, |ui| state.pick_ui(ui, &models, workspace.len()))
        .inner;
    let Some((a, b)) = state.pair(workspace, extra) else {
        return out;
    };
    let Some(comparison) = state.comparison_of((a, b), revision) else {
        working_ui(ui, a, b);
        return out;
    };
    summary_ui(ui, state, &comparison, a, b);
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
fn summary_ui(ui: &mut Ui, state: &mut CompareState, c: &Comparison, a: &Model, b: &Model) {
    let d = &c.diff;
    egui::Panel::bottom("compare-summary")
        .resizable(true)
        .default_size(220.0)
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                let ui = &mut cols[0];
                ui.heading(format!(
                    "What changes from {} to {}",
                    a.short_title(),
                    b.short_title()
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
                impact_ui(&mut cols[1], &c.impact, a, b);
            });
        });
}

/// What the change does to the organisation: levels, spans, and each
/// technology leader's team, before and after; changed figures in bold.
fn impact_ui(ui: &mut Ui, impact: &crate::core::impact::Impact, a: &Model, b: &Model) {
    ui.heading("Impact on the organisation");
    egui::ScrollArea::vertical()
        .id_salt("compare-impact")
        .show(ui, |ui| {
            egui::Grid::new("compare-impact-grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.label("");
                    ui.label(RichText::new(a.short_title()).strong());
                    ui.label(RichText::new(b.short_title()).strong());
                    ui.end_row();
                    for row in impact.rows() {
                        let changed = row.before != row.after;
                        let text = |t: &str| {
                            let t = RichText::new(t);
                            if changed { t.strong() } else { t }
                        };
                        ui.label(row.label);
                        ui.label(text(&row.before));
                        ui.label(text(&row.after));
                        ui.end_row();
                    }
                });
        });
}
