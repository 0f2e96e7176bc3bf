//! Scenario > Try a model on this organisation…: the casting window, and
//! the scenario it makes added as a model (undoable like any) and shown
//! beside its baseline in the Compare tab, with the impact.

use std::fmt::Write;

use crate::core::scenario;
use crate::core::wording::count;
use crate::ui::aside::{Poll, Worker};
use crate::ui::compare::Pick;
use crate::ui::scenario::{CastingAction, CastingState, casting_ui};
use crate::ui::scenario_table::TableState;

/// Organisations with more people than this are cast on a worker, so that
/// the window stays live (about 50 ms at 100,000 people, optimised).
const WORKER_FROM: usize = 10_000;

use super::{ChartroomApp, Modal, ViewMode};
use crate::core::text::visible;
use crate::core::workspace::{DocumentEdit, Model, ScenarioLink, Workspace};

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
        if self.poll_scenario(ctx, &mut state) {
            return None;
        }
        let models = &self.doc.editor.workspace().models;
        match casting_ui(ctx, &mut state, models) {
            Some(CastingAction::Cancel) => None,
            Some(CastingAction::Make) => match self.make_scenario(&mut state) {
                Ok(true) => None,
                Ok(false) => Some(state),
                Err(e) => {
                    state.error = Some(e);
                    Some(state)
                }
            },
            None => Some(state),
        }
    }

    /// A scenario being made on a worker: true once it is made and added
    /// (the window closes); while it works the window says so, and a
    /// refusal (or a worker that died) is shown in it.
    fn poll_scenario(&mut self, ctx: &egui::Context, state: &mut CastingState) -> bool {
        let Some(worker) = &state.working else {
            return false;
        };
        match worker.poll() {
            Poll::Working(_) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                false
            }
            Poll::Done(Ok(applied)) => {
                state.working = None;
                self.add_scenario(*applied, state);
                true
            }
            Poll::Done(Err(e)) => {
                state.working = None;
                state.error = Some(e);
                false
            }
            Poll::Died => {
                state.working = None;
                state.error = Some("making the scenario failed (a bug in Chartroom)".to_owned());
                false
            }
        }
    }

    /// Opens the table of the shown model's baseline and its scenarios.
    pub(super) fn compare_scenarios(&mut self) {
        self.modal = Some(Modal::ScenarioTable(Box::new(TableState::new(
            self.current.clone(),
        ))));
    }

    /// The open scenarios table, if any.
    pub fn scenario_table(&self) -> Option<&crate::core::impact::ScenarioTable> {
        match &self.modal {
            Some(Modal::ScenarioTable(state)) => state.table(),
            _ => None,
        }
    }

    /// Shows the shown scenario beside its baseline in the Compare tab.
    pub(super) fn compare_with_baseline(&mut self) {
        let workspace = self.doc.editor.workspace();
        let Some(link) = workspace.scenario_of(&self.current) else {
            return;
        };
        self.tabs.compare.left = Some(Pick::ours(link.baseline.clone()));
        self.tabs.compare.right = Some(Pick::ours(link.model.clone()));
        self.set_view(ViewMode::Compare);
    }

    /// Makes the scenario: at once for a small organisation (true: done),
    /// on a worker for a big one (false: the window waits for it).
    fn make_scenario(&mut self, state: &mut CastingState) -> Result<bool, String> {
        let workspace = self.doc.editor.workspace();
        let find = |id| workspace.model_by_id(id).ok_or("that model is gone");
        let baseline = find(&state.baseline)?;
        let target = find(state.target.as_ref().ok_or("choose a model to try")?)?;
        let id = workspace.fresh_model_id(&format!("{}-as-{}", baseline.id, target.id));
        state.target_title.clone_from(&target.title);
        let casting = state.casting();
        if baseline.chart.len() <= WORKER_FROM {
            let applied =
                scenario::apply(baseline, target, &casting, id).map_err(|e| e.to_string())?;
            self.add_scenario(applied, state);
            return Ok(true);
        }
        let (baseline, target) = (baseline.clone(), target.clone());
        state.working = Some(Worker::spawn(move || {
            scenario::apply(&baseline, &target, &casting, id)
                .map(Box::new)
                .map_err(|e| e.to_string())
        }));
        state.error = None;
        Ok(false)
    }

    /// Adds a scenario made after its baseline, with its link, as one
    /// undoable edit, and compares the two.
    fn add_scenario(&mut self, applied: scenario::Applied, state: &CastingState) {
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
        if !applied.unmatched.is_empty() {
            let _ = write!(
                said,
                "; staying where they are: {}",
                applied.unmatched.join(", ")
            );
        }
        let workspace = self.doc.editor.workspace();
        let at = workspace.index_of(&state.baseline).map_or(0, |i| i + 1);
        let scenario_id = applied.model.id.clone();
        let link = ScenarioLink {
            model: scenario_id.clone(),
            baseline: state.baseline.clone(),
            target: state.target_title.clone(),
        };
        let edit = DocumentEdit::AddScenario {
            model: Box::new(applied.model),
            at,
            link,
        };
        if self.apply_document(edit) {
            self.show_model(&scenario_id);
            self.compare_with_baseline();
        }
        self.say(format!("{said} (Ctrl+Z takes it back)"));
    }
}

/// What the scenario note's buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NoteAction {
    /// The scenario beside its baseline in the Compare tab.
    CompareBaseline,
    /// The baseline and its scenarios in one table.
    CompareAll,
}

/// Under a scenario's title: what it was made of, and buttons to compare
/// it with its baseline and with the baseline's other scenarios.
pub(super) fn scenario_note_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    model: &Model,
) -> Option<NoteAction> {
    let link = workspace.scenario_of(&model.id)?;
    let baseline = workspace.model_by_id(&link.baseline).map_or_else(
        || link.baseline.to_string(),
        |m| visible(&m.title).into_owned(),
    );
    ui.label(format!(
        "A scenario: {baseline} tried as {}.",
        visible(&link.target)
    ));
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Compare with its baseline").clicked() {
            action = Some(NoteAction::CompareBaseline);
        }
        if ui.button("All its scenarios side by side").clicked() {
            action = Some(NoteAction::CompareAll);
        }
    });
    action
}
