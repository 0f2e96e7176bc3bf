//! The storyboard panel: the presentation's scenes in order, with buttons to
//! add the current view as a scene, move a scene up, and remove one.

use egui::{Ui, WidgetInfo};

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
                    // Named for the scene they act on: a screen reader
                    // hears "move scene 2 up", not "Up" once per scene.
                    let up = ui
                        .add_enabled(i > 0, egui::Button::new("Up").small())
                        .on_hover_text("Show this scene one place earlier");
                    let name = format!("move scene {} up", i + 1);
                    up.widget_info(|| WidgetInfo::labeled(egui::Role::Button, i > 0, &name));
                    if up.clicked() {
                        action = Some(StoryboardAction::Up(i));
                    }
                    let remove = ui.small_button("Remove").on_hover_text("Remove this scene");
                    let name = format!("remove scene {}", i + 1);
                    remove.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if remove.clicked() {
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
