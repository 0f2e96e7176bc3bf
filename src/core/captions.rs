//! The caption a scene shows. It lives apart from the scene because it is
//! worked out from the analysis (a highlighted responsibility's holders)
//! and from the diff (a comparison's first change), which both read the
//! workspace: the workspace itself stays below them.

use super::workspace::{Scene, Workspace};
use super::{analysis, diff, text, wording};

impl Scene {
    /// The caption shown with the scene: the one written, else
    /// [`Scene::default_caption`].
    pub fn caption(&self, workspace: &Workspace) -> String {
        if self.caption.trim().is_empty() {
            self.default_caption(workspace)
        } else {
            self.caption.trim().to_owned()
        }
    }

    /// The caption a scene has when none is written: the highlighted
    /// responsibility in words ("Information security: CIO accountable,
    /// CISO responsible"), else none; for a comparison, its first change.
    /// It reads every holding of the model (a comparison diffs both):
    /// screens keep it per revision, and work a comparison's out aside.
    pub fn default_caption(&self, workspace: &Workspace) -> String {
        if let Some((a, b)) = self.pair(workspace) {
            return diff::diff(a, b).first_change();
        }
        let (Some(key), Some(model)) = (&self.highlight, workspace.model_by_id(&self.model)) else {
            return String::new();
        };
        let holdings = analysis::holdings(&model.chart);
        let Some(holding) = holdings.get(key) else {
            return String::new();
        };
        let holders: Vec<String> = wording::holder_names(&model.chart, &holding.holders)
            .map(|(name, raci)| format!("{name} {}", raci.word()))
            .collect();
        let phrase = wording::capitalise(&text::visible(&holding.phrase));
        format!("{phrase}: {}", holders.join(", "))
    }
}
