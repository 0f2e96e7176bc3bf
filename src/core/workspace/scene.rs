//! A scene of the presentation: one model (whole, or one leader's part,
//! with a responsibility highlighted) or two compared side by side, with
//! the caption the room sees and the presenter's notes.

use super::{Model, ModelId, Workspace};
use crate::core::model::LeaderId;

/// One scene of a presentation: a model, optionally zoomed to one leader's
/// part of it, optionally with one responsibility highlighted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scene {
    /// The model's id (the left one of a comparison).
    pub model: ModelId,
    /// For a comparison scene, the model shown on the right of `model`,
    /// the changes marked on both (as in the Compare tab).
    pub compare: Option<ModelId>,
    /// The leader whose subtree fills the screen.
    pub focus: Option<LeaderId>,
    /// The key of the responsibility whose holders are highlighted.
    pub highlight: Option<String>,
    /// What the room should take from it, as written; empty for the
    /// default ([`Scene::caption`]).
    pub caption: String,
    /// The presenter's notes; not shown to the room.
    pub notes: String,
}

impl Scene {
    /// A scene of a whole model, with no caption or notes.
    pub fn of_model(model: ModelId) -> Self {
        Self {
            model,
            compare: None,
            focus: None,
            highlight: None,
            caption: String::new(),
            notes: String::new(),
        }
    }

    /// A scene comparing two models side by side: `left` with `right`.
    pub fn comparing(left: ModelId, right: ModelId) -> Self {
        Self {
            compare: Some(right),
            ..Self::of_model(left)
        }
    }

    /// The two models of a comparison scene, when both are in `workspace`.
    pub fn pair<'w>(&self, workspace: &'w Workspace) -> Option<(&'w Model, &'w Model)> {
        let right = workspace.model_by_id(self.compare.as_ref()?)?;
        Some((workspace.model_by_id(&self.model)?, right))
    }

    /// The scene in words: "Peers, focus on CIO, highlighting information
    /// security".
    pub fn describe(&self, workspace: &Workspace) -> String {
        let short = |id: &ModelId| {
            workspace.model_by_id(id).map_or_else(
                || crate::core::text::visible(id.as_str()).into_owned(),
                Model::short_title,
            )
        };
        if let Some(right) = &self.compare {
            return format!("{} compared with {}", short(&self.model), short(right));
        }
        let Some(model) = workspace.model_by_id(&self.model) else {
            return short(&self.model);
        };
        let mut text = short(&self.model);
        if let Some(focus) = &self.focus {
            text.push_str(", focus on ");
            text.push_str(&crate::core::wording::shown_name(&model.chart, focus));
        }
        if let Some(key) = &self.highlight {
            text.push_str(", highlighting ");
            text.push_str(&crate::core::text::visible(key));
        }
        text
    }
}
