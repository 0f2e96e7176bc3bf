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
    /// Set scene `i`'s caption and speaker notes.
    Words(usize, String, String),
}

/// The panel. `current` is the scene the shown view would make; `defaults`
/// the default caption of each scene (shown as the caption field's hint).
pub fn storyboard_ui(
    ui: &mut Ui,
    workspace: &Workspace,
    current: Scene,
    defaults: &[String],
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
                // The scene on a line of its own (it wraps in the narrow
                // panel), its buttons under it.
                ui.separator();
                ui.label(format!("{}. {}", i + 1, scene.describe(workspace)));
                ui.horizontal(|ui| {
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
                let default = defaults.get(i).map_or("", String::as_str);
                if let Some(words) = words_ui(ui, i, scene, default) {
                    action = Some(words);
                }
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

/// A scene's caption (the room sees it; empty shows the default, given as
/// the hint) and its speaker notes (only the presenter's).
fn words_ui(ui: &mut Ui, i: usize, scene: &Scene, default: &str) -> Option<StoryboardAction> {
    let (mut caption, mut notes) = (scene.caption.clone(), scene.notes.clone());
    let hint = if default.is_empty() {
        "What the room should take away"
    } else {
        default
    };
    let label = ui.label(format!("Caption of scene {}:", i + 1));
    let a = ui.add(
        egui::TextEdit::singleline(&mut caption)
            .hint_text(hint)
            .desired_width(ui.available_width()),
    );
    let a = a.labelled_by(label.id);
    let label = ui.label(format!("Notes for scene {}:", i + 1));
    let b = ui.add(
        egui::TextEdit::multiline(&mut notes)
            .desired_rows(2)
            .desired_width(ui.available_width()),
    );
    let b = b.labelled_by(label.id);
    (a.changed() || b.changed()).then_some(StoryboardAction::Words(i, caption, notes))
}
