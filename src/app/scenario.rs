//! Scenario > Try a model on this organisation…: the casting window, and
//! the scenario it makes added as a model (undoable like any) and shown
//! beside its baseline in the Compare tab, with the impact.

use std::fmt::Write;

use crate::core::scenario;
use crate::core::wording::count;
use crate::ui::compare::Pick;
use crate::ui::scenario::{CastingAction, CastingState, casting_ui};

use super::{ChartroomApp, Modal, ViewMode};

impl ChartroomApp {
    /// Opens the casting window on the shown model.
    pub(super) fn try_model(&mut self) {
        self.modal = Some(Modal::Casting(Box::new(CastingState::new(
            self.current.clone(),
        ))));
    }

    /// The open casting window, if any.
    pub fn casting(&self) -> Option<&CastingState> {
        match &self.modal {
            Some(Modal::Casting(state)) => Some(state),
            _ => None,
        }
    }

    /// Draws the casting window; `None` once it is done with.
    pub(super) fn casting_window(
        &mut self,
        ctx: &egui::Context,
        mut state: Box<CastingState>,
    ) -> Option<Box<CastingState>> {
        let models = &self.doc.editor.workspace().models;
        match casting_ui(ctx, &mut state, models) {
            Some(CastingAction::Cancel) => None,
            Some(CastingAction::Make) => match self.make_scenario(&state) {
                Ok(()) => None,
                Err(e) => {
                    state.error = Some(e);
                    Some(state)
                }
            },
            None => Some(state),
        }
    }

    /// Makes the scenario, adds it after its baseline and compares the two.
    fn make_scenario(&mut self, state: &CastingState) -> Result<(), String> {
        let workspace = self.doc.editor.workspace();
        let find = |id| workspace.model_by_id(id).ok_or("that model is gone");
        let baseline = find(&state.baseline)?;
        let target = find(state.target.as_ref().ok_or("choose a model to try")?)?;
        let id = workspace.fresh_model_id(&format!("{}-as-{}", baseline.id, target.id));
        let applied =
            scenario::apply(baseline, target, &state.casting(), id).map_err(|e| e.to_string())?;
        let (baseline_id, scenario_id) = (baseline.id.clone(), applied.model.id.clone());
        let mut said = format!("Made {}", applied.model.title);
        if applied.hired > 0 {
            let _ = write!(
                said,
                "; {}",
                count(applied.hired, "open position", "open positions")
            );
        }
        if !applied.uncast.is_empty() {
            let _ = write!(said, "; not cast: {}", applied.uncast.join(", "));
        }
        self.add_model(applied.model);
        self.tabs.compare.left = Some(Pick::ours(baseline_id));
        self.tabs.compare.right = Some(Pick::ours(scenario_id));
        self.set_view(ViewMode::Compare);
        self.say(format!("{said} (Ctrl+Z takes it back)"));
        Ok(())
    }
}
