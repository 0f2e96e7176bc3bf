//! The storyboard panel: the presentation's scenes in order, with buttons to
//! add the current view as a scene, move a scene up, and remove one.

use egui::Ui;

use crate::core::workspace::{Scene, Workspace};

/// What the storyboard panel asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryboardAction {
    /// Append this scene.
    Add(Scene),
    /// Move scene `i` one place earlier.
    Up(usize),
    /// Remove scene `i`.
    Remove(usize),
}

/// The panel. `current` is the scene the shown view would make.
pub fn storyboard_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    current: Scene,
) -> Option<StoryboardAction> {
    let mut action = None;
    let count = workspace.storyboard.len();
    let noun = if count == 1 { "scene" } else { "scenes" };
    egui::CollapsingHeader::new(format!("Storyboard ({count} {noun})"))
        .default_open(true)
        .show(ui, |ui| {
            if count == 0 {
                ui.label("No storyboard: presenting (F5) shows every model in order.");
            }
            for (i, scene) in workspace.storyboard.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(format!("{}. {}", i + 1, scene.describe(workspace)));
                    if ui
                        .add_enabled(i > 0, egui::Button::new("Up").small())
                        .on_hover_text("Show this scene one place earlier")
                        .clicked()
                    {
                        action = Some(StoryboardAction::Up(i));
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove this scene")
                        .clicked()
                    {
                        action = Some(StoryboardAction::Remove(i));
                    }
                });
            }
            let hint = format!("Adds: {}", current.describe(workspace));
            if ui
                .button("Add current view as scene")
                .on_hover_text(hint)
                .clicked()
            {
                action = Some(StoryboardAction::Add(current));
            }
        });
    action
}
