//! One scene drawn into a part of the screen: a model's chart, or two
//! charts side by side for a comparison. The audience's screen and the
//! presenter's current and next scenes are each a stage.

use std::collections::HashMap;
use std::sync::Arc;

use egui::Ui;

use crate::core::facts::Facts;
use crate::core::model::LeaderId;
use crate::core::workspace::{Model, ModelId, Scene, Workspace};

use super::super::aside::Aside;
use super::super::canvas::{CanvasEvent, CanvasState, CanvasView, canvas_ui};
use super::super::compare::{Comparison, Sides, link, sides_ui};
use super::super::theme::Theme;

/// The canvases of one stage: one for a model, both for a comparison.
pub(super) struct Stage {
    canvases: [CanvasState; 2],
    /// The scene on the stage, to fit again when it changes.
    shown: Option<(usize, Option<LeaderId>)>,
}

impl Stage {
    /// A stage whose fits zoom up to `max_fit_zoom`.
    pub(super) fn new(max_fit_zoom: f32) -> Self {
        let mut canvas = CanvasState::default();
        canvas.max_fit_zoom = max_fit_zoom;
        Self {
            canvases: [canvas.clone(), canvas],
            shown: None,
        }
    }

    /// The zoom of the stage's charts: left (or only), right.
    pub(super) fn zooms(&self) -> [f32; 2] {
        [self.canvases[0].zoom(), self.canvases[1].zoom()]
    }

    /// Puts scene `index` on the stage: fitted again (gliding there when
    /// `glide`) if it was not already shown.
    fn show(&mut self, index: usize, scene: &Scene, glide: bool) {
        let shown = Some((index, scene.focus.clone()));
        if self.shown == shown {
            return;
        }
        self.shown = shown;
        for (i, canvas) in self.canvases.iter_mut().enumerate() {
            canvas.focus = if i == 0 { scene.focus.clone() } else { None };
            if glide {
                canvas.glide_to_fit();
            } else {
                canvas.request_fit();
            }
        }
    }
}

/// What scenes derive from the document, worked out once per revision:
/// each model's facts, each comparison scene's comparison, each scene's
/// caption. Comparisons are worked out off the UI thread as soon as the
/// presentation starts (two 100,000-leader models take seconds), so a
/// comparison scene never stalls the room.
#[derive(Default)]
pub(super) struct Derived {
    revision: Option<u64>,
    facts: HashMap<ModelId, Arc<Facts>>,
    /// Each comparison scene's comparison, worked out on a worker.
    comparisons: HashMap<usize, Aside<usize, Comparison>>,
    captions: HashMap<usize, Arc<String>>,
}

impl Derived {
    /// Forgets everything if the document changed since, and starts on the
    /// comparisons of `scenes` not yet worked out.
    pub(super) fn at(&mut self, revision: u64, scenes: &[Scene], workspace: &Workspace) {
        if self.revision != Some(revision) {
            *self = Self {
                revision: Some(revision),
                ..Self::default()
            };
        }
        for (index, scene) in scenes.iter().enumerate() {
            if self.comparisons.contains_key(&index) {
                continue;
            }
            if let Some((a, b)) = scene.pair(workspace) {
                let (a, b) = (a.clone(), b.clone());
                let mut aside = Aside::default();
                aside.start(index, false, move || Comparison::of(&a, &b));
                self.comparisons.insert(index, aside);
            }
        }
    }

    /// Comparisons still being worked out.
    pub(super) fn pending(&self) -> usize {
        self.comparisons.values().filter(|a| a.is_coming()).count()
    }

    pub(super) fn facts(&mut self, model: &Model) -> Arc<Facts> {
        Arc::clone(
            self.facts
                .entry(model.id.clone())
                .or_insert_with(|| Arc::new(Facts::of(&model.chart))),
        )
    }

    /// Scene `index`'s comparison, once it is worked out.
    fn comparison(&mut self, index: usize) -> Option<Arc<Comparison>> {
        self.comparisons.get_mut(&index)?.ready()
    }

    /// Scene `index`'s caption: the one written, else its default (for a
    /// comparison, its first change, once worked out).
    pub(super) fn caption(&mut self, index: usize, scene: &Scene, ws: &Workspace) -> Arc<String> {
        if let Some(known) = self.captions.get(&index) {
            return Arc::clone(known);
        }
        let caption = if scene.compare.is_some() && scene.caption.trim().is_empty() {
            match self.comparison(index) {
                Some(comparison) => comparison.first_change(),
                None => return Arc::new(String::new()),
            }
        } else {
            scene.caption(ws)
        };
        let caption = Arc::new(caption);
        self.captions.insert(index, Arc::clone(&caption));
        caption
    }
}

/// The scene a stage shows, and how.
pub(super) struct Showing<'a> {
    /// Its place in the presentation.
    pub index: usize,
    pub scene: &'a Scene,
    pub workspace: &'a Workspace,
    pub theme: &'a Theme,
    /// Who is spotlighted (one model's scenes only).
    pub spotlight: Option<&'a [LeaderId]>,
    /// A scene change glides the camera there (the room's screen) or
    /// jumps (the presenter's small stages).
    pub glide: bool,
    /// The size of each side's title in a comparison.
    pub title_size: f32,
}

/// Draws the scene into the rest of `ui`; a click on a card comes back as
/// an event (one model's scenes only: a comparison is for looking at).
pub(super) fn stage_ui(
    ui: &mut Ui,
    stage: &mut Stage,
    derived: &mut Derived,
    showing: &Showing<'_>,
) -> Vec<CanvasEvent> {
    let (scene, workspace) = (showing.scene, showing.workspace);
    stage.show(showing.index, scene, showing.glide);
    if let Some((a, b)) = scene.pair(workspace) {
        let Some(comparison) = derived.comparison(showing.index) else {
            preparing_ui(ui, showing.theme);
            return Vec::new();
        };
        let [left, right] = &mut stage.canvases;
        let before = [left.screen_from_chart, right.screen_from_chart];
        let sides = Sides {
            models: [a, b],
            comparison: &comparison,
            spotlights: [None, None],
            theme: showing.theme,
            title: (showing.title_size, Some(showing.theme.text)),
        };
        sides_ui(ui, [&mut *left, &mut *right], &sides);
        // Pan and zoom stay linked in a comparison scene.
        link([left, right], before);
        return Vec::new();
    }
    let Some(model) = workspace.model_by_id(&scene.model) else {
        return Vec::new();
    };
    let facts = derived.facts(model);
    let view = CanvasView {
        chart: &model.chart,
        facts: &facts,
        selection: None,
        spotlight: showing.spotlight,
        dotted_tool: false,
        theme: showing.theme,
        editable: false,
        badges: None,
    };
    canvas_ui(ui, &mut stage.canvases[0], &view)
}

/// A comparison not yet worked out: said, and looked at again shortly.
fn preparing_ui(ui: &mut Ui, theme: &Theme) {
    ui.label(
        egui::RichText::new("Preparing the comparison…")
            .size(20.0)
            .color(theme.weak_text),
    );
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}
