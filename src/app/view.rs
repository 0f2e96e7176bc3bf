//! View state per model, keyed by model id (never a vector kept parallel
//! to the models): the canvas camera and drag, and the model's derived
//! facts, worked out once per change of its chart.

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::analysis;
use crate::core::facts::{Facts, Memo};
use crate::core::workspace::{Editor, Model, ModelId};
use crate::ui::canvas::CanvasState;

/// What a scene's default caption derives from.
type CaptionKey = (ModelId, Option<String>, Option<ModelId>, u64);

/// What one model's view keeps between frames.
#[derive(Default)]
pub struct ModelView {
    /// Pan, zoom and drag of its canvas.
    pub canvas: CanvasState,
    /// By the chart's revision.
    facts: Memo<u64, Facts>,
    /// By the chart's revision and the catalogue's length (it only grows).
    unowned: Memo<(u64, usize), Vec<String>>,
}

impl ModelView {
    /// How many times this model's facts were worked out (a cache that
    /// holds works them out once per change of the chart).
    pub fn facts_made(&self) -> u64 {
        self.facts.times_made()
    }
}

/// Every model's view, by model id.
#[derive(Default)]
pub(super) struct Views {
    by_model: HashMap<ModelId, ModelView>,
    /// The storyboard's default captions, by what each derives from: the
    /// scene's model, highlight and comparison, and the chart's revision
    /// (a caption typed leaves them be).
    captions: Memo<Vec<CaptionKey>, Vec<String>>,
}

impl Views {
    /// The view of a model, made when first asked for.
    pub fn of(&mut self, id: &ModelId) -> &mut ModelView {
        self.by_model.entry(id.clone()).or_default()
    }

    /// The view of a model, if it was ever shown.
    pub fn get(&self, id: &ModelId) -> Option<&ModelView> {
        self.by_model.get(id)
    }

    /// A model's facts at `revision` (its chart's), worked out only when
    /// the chart changed.
    pub fn facts(&mut self, model: &Model, revision: u64) -> Arc<Facts> {
        self.of(&model.id)
            .facts
            .get(revision, || Facts::of(&model.chart))
    }

    /// The catalogue phrases nobody in the model holds, at `revision` (the
    /// chart's; the catalogue only grows, so its length tells a change).
    pub fn unowned(
        &mut self,
        model: &Model,
        revision: u64,
        catalogue: &[String],
    ) -> Arc<Vec<String>> {
        self.of(&model.id)
            .unowned
            .get((revision, catalogue.len()), || {
                analysis::unowned(&model.chart, catalogue)
            })
    }

    /// The default caption of each storyboard scene, worked out again
    /// only when a scene's model, highlight or chart changed.
    pub fn default_captions(&mut self, editor: &Editor) -> Arc<Vec<String>> {
        let workspace = editor.workspace();
        let key = workspace
            .storyboard
            .iter()
            .map(|s| {
                let revision = editor.chart_revision(&s.model);
                (
                    s.model.clone(),
                    s.highlight.clone(),
                    s.compare.clone(),
                    revision,
                )
            })
            .collect();
        self.captions.get(key, || {
            workspace
                .storyboard
                .iter()
                .map(|scene| {
                    // A comparison's default (its first change) takes a
                    // diff of both models: seconds at 100,000 leaders,
                    // too long for the UI thread; presenting works it out
                    // aside.
                    if scene.compare.is_some() {
                        "Default: the first change between the two models".to_owned()
                    } else {
                        scene.default_caption(workspace)
                    }
                })
                .collect()
        })
    }

    /// Forgets every view (a new workspace).
    pub fn clear(&mut self) {
        self.by_model.clear();
        self.captions.clear();
    }
}
