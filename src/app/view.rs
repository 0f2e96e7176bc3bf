//! View state per model, keyed by model id (never a vector kept parallel
//! to the models): the canvas camera and drag, and the model's derived
//! facts, worked out once per editor revision.

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::analysis;
use crate::core::facts::{Facts, Memo};
use crate::core::workspace::{Model, ModelId, Workspace};
use crate::ui::canvas::CanvasState;

/// What one model's view keeps between frames.
#[derive(Default)]
pub struct ModelView {
    /// Pan, zoom and drag of its canvas.
    pub canvas: CanvasState,
    facts: Memo<u64, Facts>,
    unowned: Memo<u64, Vec<String>>,
}

/// Every model's view, by model id.
#[derive(Default)]
pub(super) struct Views {
    by_model: HashMap<ModelId, ModelView>,
    /// The storyboard's default captions, by the editor's revision.
    captions: Memo<u64, Vec<String>>,
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

    /// A model's facts at `revision`, worked out only when it changed.
    pub fn facts(&mut self, model: &Model, revision: u64) -> Arc<Facts> {
        self.of(&model.id)
            .facts
            .get(revision, || Facts::of(&model.chart))
    }

    /// The catalogue phrases nobody in the model holds, at `revision` (the
    /// catalogue only changes with an edit, which changes the revision).
    pub fn unowned(
        &mut self,
        model: &Model,
        revision: u64,
        catalogue: &[String],
    ) -> Arc<Vec<String>> {
        self.of(&model.id)
            .unowned
            .get(revision, || analysis::unowned(&model.chart, catalogue))
    }

    /// The default caption of each storyboard scene at `revision`, worked
    /// out only when the document changed.
    pub fn default_captions(&mut self, workspace: &Workspace, revision: u64) -> Arc<Vec<String>> {
        self.captions.get(revision, || {
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

    /// Forgets the view of a removed model.
    pub fn remove(&mut self, id: &ModelId) {
        self.by_model.remove(id);
    }
}
